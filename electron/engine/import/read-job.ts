/**
 * Reading and validating a large import on a thread of its own, beside the thread that writes it
 * (issue 4: a million rows in ≤ 10 s on 2 cores). Parsing and validating take about as long as
 * inserting into SQLite, so overlapping the two nearly halves an import.
 *
 *   writer (the import job's thread)                 reader (the `importRead` job, a nested pool)
 *   ReaderThread.read ─ params + MessagePort ──────▶ importReadJob: openTable → checkRows
 *   onBatch(batch) ◀──────── RecordBatch ─────────── (typed arrays moved, not copied)
 *                  ──────────── ack ──────────────▶ at most BATCHES_IN_FLIGHT unacknowledged
 *   result ◀──────────── counts, attrKeys ────────── after every batch was acknowledged
 *
 * The reader waits for the last acknowledgement before it returns, so when the job's result arrives
 * every batch has been written. Cancel: terminating the writer's thread terminates the nested
 * reader with it; a failure while writing aborts the reader and is rethrown.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { WorkerPool } from '../jobs/worker-pool.js';
import { type CheckRowsParams, type CheckRowsResult, checkRows } from './check-rows.js';
import { openTable } from './readers/open-table.js';
import { asImportRefusal, type OpenTableOptions } from './readers/table.js';
import { batchBuffers, type RecordBatch } from './record-batch.js';

/**
 * Batches sent but not yet written: bounds the memory a fast reader can fill. The reader starts
 * before the import has hashed the file and taken the write lock (run-import.ts), and this many
 * batches (~0.3 MB each for police.uk rows) wait meanwhile; once writing, the writer keeps up.
 */
export const BATCHES_IN_FLIGHT = 32;

export interface ImportReadParams {
  filePath: string;
  /** The table options as resolved when the import opened the file (format, encoding, delimiter). */
  table: OpenTableOptions;
  check: CheckRowsParams;
  /** Batches go out through it; one message comes back per batch written. */
  port: MessagePort;
}

/** Counts batches sent against acknowledgements received. */
class Credits {
  private inFlight = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly max: number,
    port: MessagePort,
  ) {
    port.on('message', () => {
      this.inFlight--;
      const wake = this.wake;
      this.wake = null;
      wake?.();
    });
  }

  async take(): Promise<void> {
    while (this.inFlight >= this.max) await new Promise<void>((resolve) => (this.wake = resolve));
    this.inFlight++;
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}

/** The reader's side: the `importRead` job kind. Progress is rows read (done = total). */
export async function importReadJob(
  params: ImportReadParams,
  progress: ProgressFn,
): Promise<CheckRowsResult> {
  const { port } = params;
  const credits = new Credits(BATCHES_IN_FLIGHT, port);
  const table = await openTable(params.filePath, params.table).catch((error: unknown) => {
    throw asImportRefusal(error);
  });
  try {
    const result = await checkRows(
      table.batches,
      params.check,
      async (batch) => {
        await credits.take();
        port.postMessage(batch, batchBuffers(batch));
      },
      (rows) => progress(rows, rows),
    );
    await credits.drain();
    return result;
  } catch (error) {
    throw asImportRefusal(error);
  } finally {
    port.close();
    await table.close();
  }
}

/**
 * The writer's side: a thread started early (while the file is opened and sampled), then `read` runs
 * checkRows there over the file, calling `onBatch` here (in file order) for every batch and
 * `onRows` with the rows read so far. Batches that arrive before `writable` resolves wait, unwritten
 * and unacknowledged (at most BATCHES_IN_FLIGHT); if it rejects, the reader is stopped and `read`
 * rejects with its reason.
 */
export class ReaderThread {
  private readonly pool = new WorkerPool({ size: 1 });

  constructor() {
    this.pool.prestart('importRead');
  }

  async read(
    params: Omit<ImportReadParams, 'port'>,
    onBatch: (batch: RecordBatch) => void,
    onRows: (rowsRead: number) => void,
    writable: Promise<void> = Promise.resolve(),
  ): Promise<CheckRowsResult> {
    const { port1, port2 } = new MessageChannel();
    const stop = new AbortController();
    let failure: { error: unknown } | null = null;
    const fail = (error: unknown) => {
      failure ??= { error };
      stop.abort();
    };
    const write = (batch: RecordBatch) => {
      if (failure) return;
      try {
        onBatch(batch);
        port1.postMessage(0);
      } catch (error) {
        fail(error);
      }
    };
    /** Batches received before `writable` resolved, in order; null once writing. */
    let waiting: RecordBatch[] | null = [];
    port1.on('message', (batch: RecordBatch) => {
      if (waiting) waiting.push(batch);
      else write(batch);
    });
    writable.then(() => {
      const queued = waiting ?? [];
      waiting = null;
      for (const batch of queued) write(batch);
    }, fail);
    try {
      return await this.pool.run(
        'importRead',
        { ...params, port: port2 },
        { signal: stop.signal, onProgress: (done) => onRows(done) },
      );
    } catch (error) {
      throw failure ? (failure as { error: unknown }).error : error;
    } finally {
      port1.close();
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
