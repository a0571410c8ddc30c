/**
 * Analysis results cached in the project (DESIGN.md §3): keyed by the SHA-256 of the canonical JSON
 * of {kind, inputs, params}, so the same analysis of the same data with the same parameters is
 * computed once. The key also holds the kind's algorithm version (ALGORITHM_VERSIONS): a change to
 * what an analysis computes or states bumps it, so results stored by an older build are recomputed
 * rather than served. The app version is recorded but not part of the key (a release that changes
 * no analysis keeps the cache).
 *
 * `inputs` must identify the data, not just name it: e.g. `{ datasetId, importIds, filter }`, so a
 * new import into the dataset changes the key. Results are JSON plus typed arrays; the typed arrays
 * are stored as one BLOB (8-byte aligned slices) and come back as fresh typed arrays of the same type.
 *
 *   const { value, hit } = await cached(ctx, 'kde', inputs, params, () => ctx.jobs.run(jobId, 'kde', ...));
 *
 * Pruning (issue 14): each kind keeps its newest UNUSED_RESULTS_KEPT_PER_KIND results besides those
 * a saved profile was built from (profile_analyses, filled through recordingAnalysisUses); the
 * "compact project" command (project/compact.ts) prunes to the latest per kind and VACUUMs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type AnyTypedArray,
  TYPED_ARRAY_KINDS,
  type TypedArrayKind,
} from '../../shared/util/typed-arrays.js';
import type { EngineContext } from './context.js';

export interface CachedResult<T> {
  value: T;
  /** True when the result came from the project rather than `compute`. */
  hit: boolean;
  /** Row id in `analyses`. */
  analysisId: number;
  createdAt: string;
}

/** JSON with object keys sorted at every level; refuses values JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, '$'));
}

/**
 * What each cached kind computes, versioned. Bump a kind's number whenever its result changes for
 * the same inputs (a rule, a default, a field, a wording stored in the result).
 *   2: study-area thresholds, supported hotspots, FDR-adjusted Knox, series chains (issue 10)
 */
export const ALGORITHM_VERSIONS: Readonly<Record<string, number>> = {
  kde: 2,
  knox: 2,
  chains: 2,
  gistar: 1,
  emerging: 1,
};

export function cacheKey(kind: string, inputs: unknown, params: unknown): string {
  const algorithm = ALGORITHM_VERSIONS[kind] ?? 1;
  return createHash('sha256').update(canonicalJson({ kind, algorithm, inputs, params })).digest('hex');
}

export async function cached<T>(
  ctx: Pick<EngineContext, 'project' | 'appVersion'>,
  kind: string,
  inputs: unknown,
  params: unknown,
  compute: () => Promise<T>,
): Promise<CachedResult<T>> {
  const key = cacheKey(kind, inputs, params);
  const found = lookup<T>(ctx, key);
  if (found) {
    uses.getStore()?.add(found.analysisId);
    return found;
  }
  const value = await compute();
  const { json, blob } = encodeResult(value);
  const createdAt = new Date().toISOString();
  // Two identical runs may finish together; the first one stored wins and both return their value.
  const { db } = ctx.project();
  db.prepare(
    `INSERT INTO analyses (kind, input_hash, params_json, inputs_json, result_json, result_blob, app_version, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input_hash) DO NOTHING`,
  ).run(kind, key, canonicalJson(params), canonicalJson(inputs), json, blob, ctx.appVersion, createdAt);
  const row = db.prepare('SELECT id, created_at FROM analyses WHERE input_hash = ?').get(key) as {
    id: number;
    created_at: string;
  };
  uses.getStore()?.add(row.id);
  trimKind(db, kind);
  return { value, hit: false, analysisId: row.id, createdAt: row.created_at };
}

/** The analyses `cached` served or stored while a recording (below) runs, per async call chain. */
const uses = new AsyncLocalStorage<Set<number>>();

/**
 * Runs `work` and collects the ids of the analyses it took from or stored in the cache, e.g. the
 * analyses a profile is built from (noteProfileAnalyses keeps them through pruning).
 */
export async function recordingAnalysisUses<T>(
  work: () => Promise<T>,
): Promise<{ value: T; analysisIds: number[] }> {
  const ids = new Set<number>();
  const value = await uses.run(ids, work);
  return { value, analysisIds: [...ids] };
}

/** Replaces the set of analyses a saved profile was built from (migration 4's profile_analyses). */
export function noteProfileAnalyses(
  db: Database.Database,
  profileId: number,
  analysisIds: readonly number[],
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM profile_analyses WHERE profile_id = ?').run(profileId);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO profile_analyses (profile_id, analysis_id) SELECT ?, id FROM analyses WHERE id = ?',
    );
    for (const id of analysisIds) insert.run(profileId, id);
  })();
}

/** Results of one kind kept between compactions besides those of saved profiles (see trimKind). */
export const UNUSED_RESULTS_KEPT_PER_KIND = 16;

const NOT_IN_A_PROFILE = 'id NOT IN (SELECT analysis_id FROM profile_analyses)';

/**
 * Bounds the cache as it grows: of one kind's results no saved profile uses, only the newest
 * UNUSED_RESULTS_KEPT_PER_KIND stay (stored grids are the bulk of a project file otherwise).
 */
function trimKind(db: Database.Database, kind: string): void {
  db.prepare(
    `DELETE FROM analyses WHERE kind = ? AND ${NOT_IN_A_PROFILE} AND id NOT IN
       (SELECT id FROM analyses WHERE kind = ? AND ${NOT_IN_A_PROFILE} ORDER BY id DESC LIMIT ?)`,
  ).run(kind, kind, UNUSED_RESULTS_KEPT_PER_KIND);
}

/**
 * Prunes the cache to what is worth keeping (issue 14): the latest result of each kind and every
 * result a saved profile was built from. Anything pruned is recomputed if asked for again.
 */
export function pruneAnalyses(db: Database.Database): { removed: number; kept: number } {
  const removed = db
    .prepare(
      `DELETE FROM analyses WHERE ${NOT_IN_A_PROFILE} AND id NOT IN (SELECT MAX(id) FROM analyses GROUP BY kind)`,
    )
    .run().changes;
  const kept = (db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n;
  return { removed, kept };
}

function lookup<T>(ctx: Pick<EngineContext, 'project'>, key: string): CachedResult<T> | null {
  const row = ctx
    .project()
    .db.prepare('SELECT id, result_json, result_blob, created_at FROM analyses WHERE input_hash = ?')
    .get(key) as
    | { id: number; result_json: string; result_blob: Buffer | null; created_at: string }
    | undefined;
  if (!row) return null;
  return {
    value: decodeResult(row.result_json, row.result_blob) as T,
    hit: true,
    analysisId: row.id,
    createdAt: row.created_at,
  };
}

interface TypedRef {
  $typed: TypedArrayKind;
  offset: number;
  length: number;
}

export function encodeResult(value: unknown): { json: string; blob: Buffer | null } {
  const parts: Buffer[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (!ArrayBuffer.isView(item) || item instanceof DataView) return item;
    const name = item.constructor.name as TypedArrayKind;
    if (!(name in TYPED_ARRAY_KINDS)) throw new TypeError(`cannot cache a ${item.constructor.name}`);
    const bytes = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
    const padding = (8 - (bytes.length % 8)) % 8;
    const ref: TypedRef = { $typed: name, offset, length: (item as AnyTypedArray).length };
    parts.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
    return ref;
  });
  return { json, blob: parts.length > 0 ? Buffer.concat(parts) : null };
}

export function decodeResult(json: string, blob: Buffer | null): unknown {
  // Copy the BLOB into a fresh buffer so each typed array is aligned and owned (transferable).
  const bytes = blob ? new Uint8Array(blob).buffer : new ArrayBuffer(0);
  return JSON.parse(json, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || !('$typed' in item)) return item;
    const ref = item as TypedRef;
    const Type = TYPED_ARRAY_KINDS[ref.$typed];
    return new Type(bytes.slice(ref.offset, ref.offset + ref.length * Type.BYTES_PER_ELEMENT));
  });
}

function sortKeys(value: unknown, where: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where} is ${value}; cache keys need finite numbers`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => sortKeys(item, `${where}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item, `${where}.${key}`)]));
  }
  throw new TypeError(`${where} is not plain JSON (${typeof value}); describe inputs by ids, not by data`);
}
