/**
 * Accepted records and row issues in columns, as they pass from validating to storing (one thread
 * or two: run-import.ts). Numbers travel in typed arrays (moved between threads, not copied; NaN
 * stands for an absent coordinate), text in plain arrays, and each batch carries the issues of its
 * rows, so records and issues are written in file order.
 */
import type { NormalizedRecord, RowIssue } from '../../../shared/import/normalized.js';
import { PRECISION_CODE } from '../../../shared/model/time.js';

/** A warning or rejection as stored, with the raw row (JSON of its cells) on a rejected row's first issue. */
export interface StoredIssue {
  issue: RowIssue;
  rawRow: string | null;
}

export interface RecordBatch {
  /** Records in the batch (the typed arrays may be longer). */
  size: number;
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  fromMs: Float64Array;
  toMs: Float64Array;
  weight: Float64Array;
  /** PRECISION_CODE of each record's time. */
  precision: Uint8Array;
  areaCode: (string | null)[];
  category: (string | null)[];
  subcategory: (string | null)[];
  location: (string | null)[];
  reference: (string | null)[];
  /** Attributes encoded by AttrEncoder. */
  attrs: (string | null)[];
  issues: StoredIssue[];
}

export class RecordBatchBuilder {
  private batch: RecordBatch;

  constructor(readonly capacity: number) {
    this.batch = emptyBatch(capacity);
  }

  get size(): number {
    return this.batch.size;
  }

  /** True when the batch holds nothing at all, neither records nor issues. */
  get empty(): boolean {
    return this.batch.size === 0 && this.batch.issues.length === 0;
  }

  add(record: NormalizedRecord, attrs: string | null): void {
    const b = this.batch;
    const i = b.size++;
    b.x[i] = record.x ?? Number.NaN;
    b.y[i] = record.y ?? Number.NaN;
    b.lon[i] = record.lon ?? Number.NaN;
    b.lat[i] = record.lat ?? Number.NaN;
    b.fromMs[i] = record.fromMs;
    b.toMs[i] = record.toMs;
    b.weight[i] = record.weight;
    b.precision[i] = PRECISION_CODE[record.precision];
    b.areaCode.push(record.areaCode);
    b.category.push(record.category);
    b.subcategory.push(record.subcategory);
    b.location.push(record.location);
    b.reference.push(record.reference);
    b.attrs.push(attrs);
  }

  /** Issues of one row; the raw row (its cells) is kept with the first, for the rejected-rows CSV. */
  addIssues(issues: readonly RowIssue[], cells: readonly string[] | null): void {
    issues.forEach((issue, i) => {
      this.batch.issues.push({ issue, rawRow: i === 0 && cells ? JSON.stringify(cells) : null });
    });
  }

  /** The batch so far; the builder starts a new one. */
  take(): RecordBatch {
    const full = this.batch;
    this.batch = emptyBatch(this.capacity);
    return full;
  }
}

function emptyBatch(capacity: number): RecordBatch {
  return {
    size: 0,
    x: new Float64Array(capacity),
    y: new Float64Array(capacity),
    lon: new Float64Array(capacity),
    lat: new Float64Array(capacity),
    fromMs: new Float64Array(capacity),
    toMs: new Float64Array(capacity),
    weight: new Float64Array(capacity),
    precision: new Uint8Array(capacity),
    areaCode: [],
    category: [],
    subcategory: [],
    location: [],
    reference: [],
    attrs: [],
    issues: [],
  };
}

/** The buffers of a batch's typed arrays, to move it to another thread. */
export function batchBuffers(batch: RecordBatch): ArrayBuffer[] {
  const { x, y, lon, lat, fromMs, toMs, weight, precision } = batch;
  return [x, y, lon, lat, fromMs, toMs, weight, precision].map((a) => a.buffer as ArrayBuffer);
}
