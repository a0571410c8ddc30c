/**
 * Work a panel does for what it shows, done only while it is on screen: a panel in a hidden tab need
 * not keep up with every filter change (at 200,000 points a bandwidth suggestion or a Knox plan per
 * click costs the filter its speed). A request while hidden is kept and done when the element next
 * gets a box (its tab shown).
 */
export interface WhenShown {
  /** Does the work now if the element is shown, else once it is. */
  request(): void;
  dispose(): void;
}

export function whenShown(element: HTMLElement, work: () => void): WhenShown {
  let pending = false;
  const observer = new ResizeObserver(() => {
    if (pending && isShown(element)) {
      pending = false;
      work();
    }
  });
  observer.observe(element);
  return {
    request() {
      pending = !isShown(element);
      if (!pending) work();
    },
    dispose() {
      observer.disconnect();
    },
  };
}

/** In the document and laid out (no `display: none` on it or an ancestor). */
export function isShown(element: HTMLElement): boolean {
  return element.isConnected && element.getClientRects().length > 0;
}
