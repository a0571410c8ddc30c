/**
 * The map workspace's shared state: what is in the project (datasets, boundary layers), the
 * analyst's filter and the records it selects, and the latest analysis results. The Data, Filter,
 * Analysis and Profile panels, the map layers and the charts all read and follow it, so a filter
 * applied in one place shows everywhere.
 *
 * Applying a filter is debounced (FILTER_DEBOUNCE_MS) and sequenced: a slow answer to an older
 * filter never overwrites a newer one. The records themselves cross the wire once per records version
 * (recordSnapshot: every point of the project); a filter's answer is a bit mask over that snapshot
 * and its counts (filterRecords), and the selection's columns are gathered here (issue 11,
 * Performance: 200,000 points, 25 kB per filter change instead of ~20 MB). One workspace per app,
 * made on first use.
 */
import type { ChainsRunResult, KdeRunResult, KnoxRunResult } from '../../../shared/api/analysis-api.js';
import type {
  BoundaryGeoJson,
  BoundaryLayerInfo,
  DatasetInfo,
  RecordSummary,
} from '../../../shared/api/import-api.js';
import type { RecordSelection, RecordSnapshot } from '../../../shared/api/map-api.js';
import { gatherColumns } from '../../../shared/model/gather-columns.js';
import { maskPositions } from '../../../shared/model/point-mask.js';
import type { RecordColumns } from '../../../shared/model/records.js';
import type { AppContext } from '../shell/app-context.js';
import { type ApiRecordFilter, EMPTY_FILTER, type FilterState, toRecordFilter } from './filter-state.js';
import { filterKey, type ResultKind } from './result-scope.js';

// Long enough to merge a burst of checkbox clicks or keystrokes, short enough that the 300 ms goal
// for a filter change (issue 11, Performance) leaves room for the query and the drawing.
export const FILTER_DEBOUNCE_MS = 80;

export interface FilteredRecords {
  filter: ApiRecordFilter;
  columns: RecordColumns;
  summary: RecordSummary;
  /** The selected points as rows of the project's point snapshot (the map draws from these). */
  points: { snapshot: RecordSnapshot; positions: Uint32Array };
  /** The points' hour × weekday table, made by the engine with the selection. */
  hourWeek: RecordSelection['hourWeek'];
}

export interface WorkspaceEvents {
  datasets: DatasetInfo[];
  boundaries: BoundaryLayerInfo[];
  filter: FilterState;
  records: FilteredRecords | null;
  /** Category counts under the filter without its category part (for the checkbox list). */
  categories: { category: string | null; count: number }[];
  kde: KdeRunResult | null;
  knox: KnoxRunResult | null;
  chains: ChainsRunResult | null;
  /** Boundary layers drawn on the map. */
  visibleBoundaries: number[];
  /** Ask the map to show a place: [west, south, east, north] in lon/lat. */
  focus: [number, number, number, number];
  /** A record located from a panel (lon/lat), ringed on the map until the selection changes. */
  located: [number, number];
  /** Another project was opened (its path) or the project closed (null): forms go back to their defaults. */
  projectSwitched: string | null;
}

type Key = keyof WorkspaceEvents;
type Listener<K extends Key> = (value: WorkspaceEvents[K]) => void;

const workspaces = new WeakMap<AppContext, Workspace>();

export function workspaceOf(app: AppContext): Workspace {
  let workspace = workspaces.get(app);
  if (workspace === undefined) {
    workspace = new Workspace(app);
    workspaces.set(app, workspace);
  }
  return workspace;
}

export class Workspace {
  datasets: DatasetInfo[] = [];
  boundaries: BoundaryLayerInfo[] = [];
  filter: FilterState = EMPTY_FILTER;
  records: FilteredRecords | null = null;
  categories: WorkspaceEvents['categories'] = [];
  kde: KdeRunResult | null = null;
  knox: KnoxRunResult | null = null;
  chains: ChainsRunResult | null = null;
  visibleBoundaries: number[] = [];
  /** Names of boundary features by id ("Castle (Wards)"), for the filter in words. */
  readonly areaNames = new Map<number, string>();
  /** Names of saved areas by id ("Market Square (saved area)"), for the filter in words. */
  readonly savedAreaNames = new Map<number, string>();
  /** True while a filter is waiting or being queried. */
  busy = false;

  private readonly chainThresholdListeners = new Set<(distanceM: number, days: number) => void>();
  private readonly listeners = new Map<Key, Set<(value: never) => void>>();
  private readonly boundaryCache = new Map<number, Promise<BoundaryGeoJson>>();
  /** The filter (filterKey) each shown result was made from. */
  private readonly resultFilters = new Map<ResultKind, string>();
  /** Every point of the project at one records version, read once per version. */
  private snapshot: Promise<RecordSnapshot> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  private projectPath: string | null = null;

  constructor(private readonly app: AppContext) {
    app.onProjectChange((project) => {
      const path = project?.path ?? null;
      if (path !== this.projectPath) {
        // Another project: nothing of the last one carries over.
        this.projectPath = path;
        this.snapshot = null;
        this.boundaryCache.clear();
        this.areaNames.clear();
        this.savedAreaNames.clear();
        this.setKde(null);
        this.setKnox(null);
        this.setChains(null);
        this.filter = EMPTY_FILTER;
        this.emit('filter', this.filter);
        this.visibleBoundaries = [];
        this.emit('visibleBoundaries', []);
        this.emit('projectSwitched', path);
      }
      void this.reload();
    });
  }

  on<K extends Key>(key: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(key);
    if (set === undefined) this.listeners.set(key, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  private emit<K extends Key>(key: K, value: WorkspaceEvents[K]): void {
    for (const listener of this.listeners.get(key) ?? []) {
      try {
        (listener as Listener<K>)(value);
      } catch (error) {
        this.app.notifyError(error, 'The workspace could not update');
      }
    }
  }

  /** Re-reads datasets and boundary layers (after an import or a delete) and re-applies the filter. */
  async reload(): Promise<void> {
    if (this.app.project() === null) {
      this.datasets = [];
      this.boundaries = [];
      this.records = null;
      this.categories = [];
      this.emit('datasets', []);
      this.emit('boundaries', []);
      this.emit('records', null);
      this.emit('categories', []);
      return;
    }
    try {
      const [datasets, boundaries] = await Promise.all([
        this.app.api.listDatasets({}),
        this.app.api.listBoundaryLayers({}),
      ]);
      this.datasets = datasets;
      this.boundaries = boundaries;
      // Drop parts of the filter that point at things no longer in the project.
      const ids = new Set(datasets.map((d) => d.id));
      if (this.filter.datasetIds?.some((id) => !ids.has(id))) {
        this.filter = { ...this.filter, datasetIds: this.filter.datasetIds.filter((id) => ids.has(id)) };
        this.emit('filter', this.filter);
      }
      const layerIds = new Set(boundaries.map((b) => b.id));
      for (const id of this.boundaryCache.keys()) if (!layerIds.has(id)) this.boundaryCache.delete(id);
      this.visibleBoundaries = this.visibleBoundaries.filter((id) => layerIds.has(id));
      this.emit('datasets', datasets);
      this.emit('boundaries', boundaries);
      this.emit('visibleBoundaries', this.visibleBoundaries);
    } catch (error) {
      this.app.notifyError(error, 'Could not read the datasets');
      return;
    }
    this.scheduleApply(0);
  }

  /** Changes the filter; the records follow after FILTER_DEBOUNCE_MS without another change. */
  setFilter(next: Partial<FilterState>): void {
    this.filter = { ...this.filter, ...next };
    this.emit('filter', this.filter);
    this.scheduleApply(FILTER_DEBOUNCE_MS);
  }

  resetFilter(): void {
    this.filter = EMPTY_FILTER;
    this.emit('filter', this.filter);
    this.scheduleApply(0);
  }

  private scheduleApply(delayMs: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.busy = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.apply();
    }, delayMs);
  }

  /** Resolves once the current filter's records have arrived (at once when nothing is pending). */
  settled(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.on('records', () => {
        if (!this.busy) {
          off();
          resolve();
        }
      });
    });
  }

  private async apply(): Promise<void> {
    const sequence = ++this.sequence;
    if (this.app.project() === null || this.datasets.length === 0) {
      this.busy = false;
      this.records = null;
      this.categories = [];
      this.emit('categories', []);
      this.emit('records', null);
      return;
    }
    const filter = toRecordFilter(this.filter);
    try {
      const { selection, snapshot } = await this.select(filter);
      if (sequence !== this.sequence) return;
      const positions = maskPositions(selection.mask, snapshot.columns.count);
      const columns = gatherColumns(snapshot.columns, positions);
      this.busy = this.timer !== null;
      this.records = {
        filter,
        columns,
        summary: selection.summary,
        points: { snapshot, positions },
        hourWeek: selection.hourWeek,
      };
      this.categories = selection.categories;
      this.emit('categories', this.categories);
      this.emit('records', this.records);
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.busy = this.timer !== null;
      this.app.notifyError(error, 'Could not apply the filter');
      this.emit('records', this.records);
    }
  }

  /**
   * The filter's selection and the snapshot it refers to. The snapshot is read with the first filter
   * (in parallel) and again whenever the selection names a newer records version (an import, an
   * undo, a delete, also by another process); the selection is asked again when the snapshot turns
   * out newer than it.
   */
  private async select(
    filter: ApiRecordFilter,
  ): Promise<{ selection: RecordSelection; snapshot: RecordSnapshot }> {
    const read = () => (this.snapshot = this.app.api.recordSnapshot({}));
    const held = this.snapshot ?? read();
    held.catch(() => {
      if (this.snapshot === held) this.snapshot = null;
    });
    let [selection, snapshot] = await Promise.all([this.app.api.filterRecords({ filter }), held]);
    for (let attempt = 0; selection.version !== snapshot.version; attempt++) {
      if (attempt === 3) throw new Error('The records kept changing while the filter was applied');
      if (selection.version > snapshot.version) snapshot = await read();
      else selection = await this.app.api.filterRecords({ filter });
    }
    return { selection, snapshot };
  }

  /** A boundary layer's features in lon/lat, fetched once per layer. */
  boundaryGeoJson(layerId: number): Promise<BoundaryGeoJson> {
    let cached = this.boundaryCache.get(layerId);
    if (cached === undefined) {
      cached = this.app.api.getBoundaryLayer({ id: layerId });
      cached.catch(() => this.boundaryCache.delete(layerId));
      this.boundaryCache.set(layerId, cached);
    }
    return cached;
  }

  setBoundaryVisible(layerId: number, visible: boolean): void {
    const others = this.visibleBoundaries.filter((id) => id !== layerId);
    this.visibleBoundaries = visible ? [...others, layerId] : others;
    this.emit('visibleBoundaries', this.visibleBoundaries);
  }

  /** Shows a result; `madeFrom` is the filter it was run with (default: the current one). */
  setKde(result: KdeRunResult | null, madeFrom?: ApiRecordFilter): void {
    this.kde = result;
    this.noteMadeFrom('kde', result, madeFrom);
    this.emit('kde', result);
  }

  setKnox(result: KnoxRunResult | null, madeFrom?: ApiRecordFilter): void {
    this.knox = result;
    this.noteMadeFrom('knox', result, madeFrom);
    this.emit('knox', result);
  }

  setChains(result: ChainsRunResult | null, madeFrom?: ApiRecordFilter): void {
    this.chains = result;
    this.noteMadeFrom('chains', result, madeFrom);
    this.emit('chains', result);
  }

  private noteMadeFrom(kind: ResultKind, result: unknown, madeFrom: ApiRecordFilter | undefined): void {
    if (result === null) this.resultFilters.delete(kind);
    else this.resultFilters.set(kind, filterKey(madeFrom ?? toRecordFilter(this.filter)));
  }

  /** True when the shown result of `kind` was made from another selection than the current filter's. */
  isStale(kind: ResultKind): boolean {
    const madeFrom = this.resultFilters.get(kind);
    return madeFrom !== undefined && madeFrom !== filterKey(toRecordFilter(this.filter));
  }

  /** Hands thresholds (e.g. the Knox suggestion) to the chains form. */
  setChainThresholds(distanceM: number, days: number): void {
    for (const listener of this.chainThresholdListeners) listener(distanceM, days);
  }

  onChainThresholds(listener: (distanceM: number, days: number) => void): () => void {
    this.chainThresholdListeners.add(listener);
    return () => this.chainThresholdListeners.delete(listener);
  }

  focus(bounds: [number, number, number, number]): void {
    this.emit('focus', bounds);
  }

  /** Shows a record's place: the map goes there and rings it. */
  locate(lon: number, lat: number): void {
    this.emit('located', [lon, lat]);
    this.focus([lon, lat, lon, lat]);
  }

  /** The data's latest record time over the chosen datasets (all when none chosen), or null. */
  latestMs(): number | null {
    const chosen = this.filter.datasetIds;
    let latest: number | null = null;
    for (const d of this.datasets) {
      if (chosen !== null && !chosen.includes(d.id)) continue;
      if (d.dateRange !== null && (latest === null || d.dateRange.toMs > latest)) latest = d.dateRange.toMs;
    }
    return latest;
  }
}
