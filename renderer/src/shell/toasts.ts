/**
 * Notifications: toasts stacked in a corner. Errors are announced assertively (role="alert") and
 * stay until dismissed; info and success are polite and fade after a few seconds. Each has a
 * Dismiss button, and Escape dismisses the newest while focus is inside the stack. Error text is
 * made plain (user-text.ts); errors of one project are cleared when another opens.
 */
import { toApiError } from '../../../shared/api/bridge.js';
import type { NoticeKind } from './app-context.js';
import { h } from './dom.js';
import { plainMessage } from './user-text.js';

const FADE_MS = 6000;

export class Toasts {
  readonly element: HTMLElement;
  private readonly politeRegion: HTMLElement;
  private readonly alertRegion: HTMLElement;

  constructor() {
    this.politeRegion = h('div', {
      class: 'toast-stack',
      'aria-live': 'polite',
      'aria-label': 'Notifications',
    });
    this.alertRegion = h('div', { class: 'toast-stack', 'aria-live': 'assertive', 'aria-label': 'Errors' });
    this.element = h('div', { class: 'toasts' }, this.politeRegion, this.alertRegion);
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      const toasts = this.element.querySelectorAll<HTMLElement>('.toast');
      toasts[toasts.length - 1]?.remove();
    });
  }

  show(message: string, kind: NoticeKind = 'info', detail?: string): HTMLElement {
    const dismiss = h(
      'button',
      { type: 'button', class: 'toast-dismiss', 'aria-label': 'Dismiss notification' },
      '×',
    );
    const toast = h(
      'div',
      { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-kind': kind },
      h(
        'div',
        { class: 'toast-body' },
        h('div', { class: 'toast-message' }, message),
        detail ? h('div', { class: 'toast-detail' }, detail) : null,
      ),
      dismiss,
    );
    dismiss.addEventListener('click', () => toast.remove());
    (kind === 'error' ? this.alertRegion : this.politeRegion).append(toast);
    if (kind !== 'error') setTimeout(() => toast.remove(), FADE_MS);
    return toast;
  }

  showError(error: unknown, context?: string): HTMLElement {
    // Electron's desktop helpers reject with plain { code, message } data: make it an ApiError.
    const known = error instanceof Error ? error : toApiError(error);
    const message = plainMessage(known.message);
    return this.show(context ? `${context}: ${message}` : message, 'error');
  }

  /** Removes the error toasts (another project opened: its errors are not this one's). */
  clearErrors(): void {
    this.alertRegion.replaceChildren();
  }
}
