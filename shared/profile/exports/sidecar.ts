/**
 * The metadata file beside a CSV or an ESRI grid (issue 12: the header on the CSV's first line,
 * so the metadata moves out): one convention for every data file, "<file>.provenance.txt"
 * (hotspots.csv → hotspots.csv.provenance.txt), plain English, the protective marking on its first
 * and last lines and said in words, then what the file holds, its coordinates, and its provenance.
 * GeoJSON files carry the same as foreign members (geojson.ts) and need no sidecar.
 */
import { type ExportProvenance, provenanceLines } from './provenance.js';

export const SIDECAR_SUFFIX = '.provenance.txt';
export const DATA_DICTIONARY_FILE = 'data-dictionary.txt';

export function sidecarName(fileName: string): string {
  return `${fileName}${SIDECAR_SUFFIX}`;
}

export function sidecarText(
  fileName: string,
  about: readonly string[],
  provenance: ExportProvenance,
): string {
  const lines = [
    provenance.marking,
    `About ${fileName}`,
    `Protective marking: ${provenance.marking}. ${fileName} carries the same marking: handle it as marked.`,
    ...about,
    ...provenanceLines(provenance),
    `Columns, properties and units: see ${DATA_DICTIONARY_FILE} in the same folder.`,
    provenance.marking,
  ];
  return `${lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\r\n')}\r\n`;
}
