import { afterEach, describe, expect, it, vi } from 'vitest';
import { toRecordFilter } from '../../../../renderer/src/panels/filter-state.js';
import { Workspace } from '../../../../renderer/src/panels/workspace.js';
import type { AppContext } from '../../../../renderer/src/shell/app-context.js';
import { Subscriptions } from '../../../../renderer/src/shell/panels.js';
import type { KdeRunResult } from '../../../../shared/api/analysis-api.js';
import type { ProjectInfo } from '../../../../shared/api/project-api.js';

/** An app with no project and an Api that is never reached; `open` switches projects. */
function fakeApp() {
  const listeners = new Set<(p: ProjectInfo | null) => void>();
  let project: ProjectInfo | null = null;
  const app = {
    api: {},
    project: () => project,
    notifyError: () => undefined,
    onProjectChange(listener: (p: ProjectInfo | null) => void) {
      listeners.add(listener);
      listener(project);
      return () => listeners.delete(listener);
    },
  } as unknown as AppContext;
  return {
    app,
    open(path: string | null) {
      project = null;
      for (const listener of listeners) listener(path === null ? null : ({ path } as ProjectInfo));
    },
  };
}

const RESULT = { provenance: { filterText: 'all datasets' } } as unknown as KdeRunResult;

afterEach(() => vi.useRealTimers());

describe('Workspace.isStale', () => {
  it('follows whether the filter is still the one the result was made from', () => {
    vi.useFakeTimers();
    const ws = new Workspace(fakeApp().app);
    expect(ws.isStale('kde')).toBe(false);
    ws.setKde(RESULT, toRecordFilter(ws.filter));
    expect(ws.isStale('kde')).toBe(false);
    ws.setFilter({ categories: ['Burglary'] });
    expect(ws.isStale('kde')).toBe(true);
    expect(ws.isStale('knox')).toBe(false);
    ws.setFilter({ categories: null });
    expect(ws.isStale('kde')).toBe(false);
  });

  it('takes the filter the run was made with, not the one current when it finished', () => {
    const ws = new Workspace(fakeApp().app);
    const madeFrom = toRecordFilter({ ...ws.filter, fromDate: '2025-01-01' });
    ws.setKde(RESULT, madeFrom);
    expect(ws.isStale('kde')).toBe(true);
  });

  it('a cleared result is never stale; another project clears results and says so', () => {
    const { app, open } = fakeApp();
    const ws = new Workspace(app);
    ws.setKde(RESULT);
    ws.setFilter({ weekdays: [5, 6] });
    ws.setKde(null);
    expect(ws.isStale('kde')).toBe(false);
    const switched: (string | null)[] = [];
    ws.on('projectSwitched', (path) => switched.push(path));
    ws.setKde(RESULT);
    open('/a.hsw');
    expect(ws.kde).toBeNull();
    expect(ws.isStale('kde')).toBe(false);
    expect(switched).toEqual(['/a.hsw']);
  });
});

describe('Subscriptions', () => {
  it('releases every unsubscribe once', () => {
    const ws = new Workspace(fakeApp().app);
    const seen: unknown[] = [];
    const subscriptions = new Subscriptions();
    subscriptions.add(ws.on('kde', (kde) => seen.push(kde)));
    subscriptions.add(ws.on('kde', () => seen.push('second')));
    ws.setKde(RESULT);
    subscriptions.release();
    subscriptions.release();
    ws.setKde(null);
    expect(seen).toEqual([RESULT, 'second']);
  });
});
