/**
 * Selected records (indices into the record cache) → RecordColumns, the typed, dictionary-encoded
 * columns the map and the analyses take. The gathering itself is shared/model/gather-columns.ts,
 * which the renderer also uses on the project's point snapshot; dictionaries are compacted to the
 * values in the selection, so a small selection does not drag every location string across IPC.
 */
import { gatherColumns } from '../../../shared/model/gather-columns.js';
import type { RecordColumns } from '../../../shared/model/records.js';
import type { RecordCache } from './record-cache.js';

export function toRecordColumns(cache: RecordCache, indices: Uint32Array): RecordColumns {
  return gatherColumns(cache, indices);
}
