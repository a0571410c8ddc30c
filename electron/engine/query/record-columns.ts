/**
 * Selected records (indices into the record cache) → RecordColumns, the typed, dictionary-encoded
 * columns the map and the analyses take. Dictionaries are compacted to the values that occur in the
 * selection, so a small selection does not drag every location string of the project across IPC.
 */
import type { RecordColumns } from '../../../shared/model/records.js';
import type { RecordCache } from './record-cache.js';

function compact(
  codes: Int32Array,
  values: readonly string[],
  indices: Uint32Array,
): { code: Int32Array; dict: string[] } {
  const remap = new Int32Array(values.length).fill(-1);
  const dict: string[] = [];
  const code = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const c = codes[indices[k]!]!;
    if (c < 0) {
      code[k] = -1;
      continue;
    }
    let r = remap[c]!;
    if (r < 0) {
      r = dict.length;
      remap[c] = r;
      dict.push(values[c]!);
    }
    code[k] = r;
  }
  return { code, dict };
}

function gather<T extends Float64Array | Int32Array | Uint8Array>(
  source: T,
  indices: Uint32Array,
  out: T,
): T {
  for (let k = 0; k < indices.length; k++) out[k] = source[indices[k]!]!;
  return out;
}

export function toRecordColumns(cache: RecordCache, indices: Uint32Array): RecordColumns {
  const n = indices.length;
  const category = compact(cache.categoryCode, cache.categories, indices);
  const location = compact(cache.locationCode, cache.locations, indices);
  const subcategory = compact(cache.subcategoryCode, cache.subcategories, indices);
  return {
    count: n,
    id: gather(cache.id, indices, new Float64Array(n)),
    datasetId: gather(cache.datasetId, indices, new Int32Array(n)),
    x: gather(cache.x, indices, new Float64Array(n)),
    y: gather(cache.y, indices, new Float64Array(n)),
    lon: gather(cache.lon, indices, new Float64Array(n)),
    lat: gather(cache.lat, indices, new Float64Array(n)),
    fromMs: gather(cache.fromMs, indices, new Float64Array(n)),
    toMs: gather(cache.toMs, indices, new Float64Array(n)),
    precision: gather(cache.precision, indices, new Uint8Array(n)),
    weight: gather(cache.weight, indices, new Float64Array(n)),
    categoryCode: category.code,
    categories: category.dict,
    subcategoryCode: subcategory.code,
    subcategories: subcategory.dict,
    locationCode: location.code,
    locations: location.dict,
  };
}
