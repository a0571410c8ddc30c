/**
 * ESRI ASCII grid (Arc/Info ASCII Grid, ".asc"), the export format of density surfaces (DESIGN.md §3
 * "Exports", §4 "Kernel density"). Format (as GDAL's AAIGrid driver reads it,
 * https://gdal.org/en/stable/drivers/raster/aaigrid.html):
 *
 *   ncols         <width>
 *   nrows         <height>
 *   xllcorner     <x of the grid's lower-left corner>
 *   yllcorner     <y of the grid's lower-left corner>
 *   cellsize      <cell size>
 *   NODATA_value  <value standing for "no data">
 *   <nrows lines of ncols values, the first line the northernmost row>
 *
 * which is exactly shared/model/grid.ts's layout (row 0 north, origin lower-left), so rows are written
 * as stored. NaN cells (outside a clipping boundary) are written as NODATA_value (default −9999) and
 * read back as NaN. Values are written with `significantDigits` significant digits (default 10; 17
 * round-trips a double exactly) and no trailing zeros. The reader also accepts `xllcenter`/`yllcenter`
 * (corner = centre − cellsize/2) and header keys in any case. No file access: the caller writes the
 * file (atomically, DESIGN.md §5). Cells are written as ASCII bytes (ascii-number.ts), not strings.
 */
import type { Grid } from '../../model/grid.js';
import { writePrecision, writeText } from './ascii-number.js';

export const DEFAULT_NODATA = -9999;

export interface EsriAsciiOptions {
  nodata?: number;
  significantDigits?: number;
}

/** The whole .asc text, lines separated by '\n', ending with a newline. */
export function writeEsriAsciiGrid(grid: Grid, options: EsriAsciiOptions = {}): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of esriAsciiGridChunks(grid, options)) text += decoder.decode(chunk);
  return text;
}

/** Cells per chunk of esriAsciiGridChunks: about a megabyte of text. */
const CHUNK_CELLS = 100_000;
/** Room for one cell and its separator (writePrecision writes at most 25 bytes). */
const MAX_CELL_BYTES = 26;
const SPACE = 32;
const NEWLINE = 10;

/**
 * The same text as writeEsriAsciiGrid as ASCII bytes in pieces of whole rows (the header first), so
 * a large grid is streamed to a file in large writes without a string per cell or per file: each
 * number is written into one buffer (writePrecision), and zero cells, most of a density surface,
 * are written without formatting a number. Each chunk is a fresh array the caller may keep.
 */
export function* esriAsciiGridChunks(grid: Grid, options: EsriAsciiOptions = {}): Generator<Uint8Array> {
  const nodata = options.nodata ?? DEFAULT_NODATA;
  const digits = options.significantDigits ?? 10;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new RangeError(`significantDigits must be an integer from 1 to 17, got ${digits}`);
  }
  const { width, height, originX, originY, cellSizeM, values } = grid;
  if (values.length !== width * height) {
    throw new RangeError(`grid has ${values.length} values for ${width} × ${height} cells`);
  }
  yield new TextEncoder().encode(
    [
      `ncols ${width}`,
      `nrows ${height}`,
      `xllcorner ${originX}`,
      `yllcorner ${originY}`,
      `cellsize ${cellSizeM}`,
      `NODATA_value ${nodata}`,
      '',
    ].join('\n'),
  );
  const nodataText = String(nodata);
  const plainZero = nodata !== 0;
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, width)));
  for (let first = 0; first < height; first += rowsPerChunk) {
    const last = Math.min(height, first + rowsPerChunk);
    const out = new Uint8Array((last - first) * Math.max(1, width) * MAX_CELL_BYTES);
    let p = 0;
    for (let r = first; r < last; r++) {
      for (let c = 0; c < width; c++) {
        const v = values[r * width + c];
        if (c > 0) out[p++] = SPACE;
        if (v === 0 && plainZero) out[p++] = 48;
        else if (Number.isNaN(v)) p = writeText(nodataText, out, p);
        else if (v === nodata)
          throw new RangeError(`cell (row ${r}, col ${c}) equals NODATA_value ${nodata}`);
        else if (!Number.isFinite(v)) throw new RangeError(`cell (row ${r}, col ${c}) is ${v}`);
        else p = writePrecision(v, digits, out, p);
      }
      out[p++] = NEWLINE;
    }
    yield out.subarray(0, p);
  }
}

/** Parses an ESRI ASCII grid; NODATA cells become NaN. Throws RangeError on a malformed file. */
export function readEsriAsciiGrid(text: string): Grid & { nodata: number } {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  const header = new Map<string, number>();
  let k = 0;
  while (k + 1 < tokens.length && /^[a-z_]+$/i.test(tokens[k])) {
    const value = Number(tokens[k + 1]);
    if (!Number.isFinite(value))
      throw new RangeError(`header ${tokens[k]} has a non-numeric value ${tokens[k + 1]}`);
    header.set(tokens[k].toLowerCase(), value);
    k += 2;
  }
  const need = (key: string): number => {
    const v = header.get(key);
    if (v === undefined) throw new RangeError(`ESRI ASCII grid has no ${key} header`);
    return v;
  };
  const width = need('ncols');
  const height = need('nrows');
  const cellSizeM = need('cellsize');
  const nodata = header.get('nodata_value') ?? DEFAULT_NODATA;
  const originX = header.has('xllcorner') ? need('xllcorner') : need('xllcenter') - cellSizeM / 2;
  const originY = header.has('yllcorner') ? need('yllcorner') : need('yllcenter') - cellSizeM / 2;
  const cells = width * height;
  if (tokens.length - k !== cells) {
    throw new RangeError(`ESRI ASCII grid has ${tokens.length - k} values for ${width} × ${height} cells`);
  }
  const values = new Float64Array(cells);
  for (let i = 0; i < cells; i++) {
    const v = Number(tokens[k + i]);
    if (Number.isNaN(v)) throw new RangeError(`value ${i + 1} is not a number: ${tokens[k + i]}`);
    values[i] = v === nodata ? Number.NaN : v;
  }
  return { width, height, originX, originY, cellSizeM, values, nodata };
}
