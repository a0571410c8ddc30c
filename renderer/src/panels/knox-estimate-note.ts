/**
 * The line under the Knox panel's inputs that says, before Run, how long the run will take (issue 15
 * item 4): "About 4 s for 999 iterations (6.2 M close pairs)", from the Api's planKnox (the plan's
 * close pairs and shared/analysis/knox/knox-estimate.ts). Asked again a short while after the inputs
 * stop changing; an answer to inputs that have changed since is dropped. One question at a time, and
 * only while the panel is on screen: a filter change in another tab must not queue plans of a large
 * selection that hold the browser's few connections to the engine (filter calls then wait).
 */
import type { ApiInput } from '../../../shared/api/api.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { whenShown } from '../shell/when-shown.js';

export type KnoxPlanRequest = Omit<ApiInput<'planKnox'>, 'jobId'>;

/** Quiet time after the last change before the engine is asked (typing an edge list is several changes). */
const DEBOUNCE_MS = 400;

export function knoxEstimateNote(
  app: AppContext,
  request: () => KnoxPlanRequest | null,
): { element: HTMLElement; schedule(): void; dispose(): void } {
  const element = h('p', { class: 'hint', 'data-testid': 'knox-estimate', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  let waiting = false;
  let stale = false;
  const ask = async () => {
    if (waiting) {
      stale = true;
      return;
    }
    stale = false;
    waiting = true;
    const question = ++asked;
    try {
      await answer(question);
    } finally {
      waiting = false;
      if (stale) schedule();
    }
  };
  const answer = async (question: number) => {
    const input = request();
    if (input === null) {
      replaceChildren(element);
      return;
    }
    replaceChildren(element, 'Estimating the run time…');
    try {
      const estimate = await app.api.planKnox({ jobId: `knox-plan-${question}`, ...input });
      if (question === asked) replaceChildren(element, `${estimate.text}.`);
    } catch (failure) {
      if (question !== asked) return;
      const message = failure instanceof Error ? failure.message : String(failure);
      replaceChildren(element, `No estimate: ${message}`);
    }
  };
  const shown = whenShown(element, () => void ask());
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      shown.request();
    }, DEBOUNCE_MS);
  };
  return {
    element,
    schedule() {
      stale = true;
      schedule();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      shown.dispose();
      asked++;
    },
  };
}
