/**
 * A note over the map while the analysis layers it draws (hotspots, chains and risk zones) were made
 * from another selection than the current filter's: the points follow the filter at once, the
 * results do not, and the map must not let them pass as the filter's.
 */
import { RESULT_NAMES, type ResultKind } from '../panels/result-scope.js';
import type { Workspace } from '../panels/workspace.js';
import { h, replaceChildren } from './dom.js';

/** Results drawn on the map (the Knox test has no layer). */
const DRAWN: readonly ResultKind[] = ['kde', 'chains'];

export function staleMapNote(ws: Workspace, container: HTMLElement): () => void {
  const element = h('div', { class: 'map-stale-note', role: 'status', 'data-testid': 'map-stale' });
  element.hidden = true;
  container.append(element);
  const update = () => {
    const stale = DRAWN.filter((kind) => ws[kind] !== null && ws.isStale(kind));
    element.hidden = stale.length === 0;
    replaceChildren(
      element,
      stale.length === 0
        ? null
        : `${stale.map((kind) => RESULT_NAMES[kind]).join(' and ')} on the map are for a different selection than the filter’s: run again (Analysis tab) or clear them.`,
    );
  };
  const offs = [ws.on('filter', update), ws.on('kde', update), ws.on('chains', update)];
  return () => {
    for (const off of offs) off();
    element.remove();
  };
}
