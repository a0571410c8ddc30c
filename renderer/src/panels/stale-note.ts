/**
 * The notice a result panel shows once the filter has moved on from the selection its result was
 * made from (result-scope.ts): what the result was made from, in words, and a button to clear it.
 */
import { h, replaceChildren } from '../shell/dom.js';
import { RESULT_NAMES, type ResultKind, staleNotice } from './result-scope.js';
import type { Workspace } from './workspace.js';

export function staleNote(ws: Workspace, kind: ResultKind): { element: HTMLElement; update(): void } {
  const element = h('div', { class: 'stale-note', role: 'status', 'data-testid': `${kind}-stale` });
  element.hidden = true;
  const clear = () => {
    if (kind === 'kde') ws.setKde(null);
    else if (kind === 'knox') ws.setKnox(null);
    else ws.setChains(null);
  };
  return {
    element,
    update() {
      const result = ws[kind];
      const stale = result !== null && ws.isStale(kind);
      element.hidden = !stale;
      if (!stale) {
        replaceChildren(element);
        return;
      }
      const button = h(
        'button',
        { type: 'button', class: 'btn btn-small', 'aria-label': `Clear ${RESULT_NAMES[kind].toLowerCase()}` },
        'Clear result',
      );
      button.addEventListener('click', clear);
      replaceChildren(
        element,
        h('strong', {}, 'Different selection. '),
        staleNotice(kind, result.provenance.filterText),
        ' ',
        button,
      );
    },
  };
}
