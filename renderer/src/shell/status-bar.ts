/**
 * The status bar: a status line on the left, and on the right one row per running task (an engine
 * job or a browser upload) with its label, a progress bar, the percentage, the engine's message and
 * a Cancel button. Rows are plain buttons and ARIA progressbars, so they work from the keyboard and
 * with a screen reader; finished rows say how they ended and then leave.
 */
import { h, replaceChildren } from './dom.js';

export type TaskEnd = 'done' | 'failed' | 'cancelled';

export interface TaskHandle {
  update(done: number, total: number, message?: string): void;
  finish(end: TaskEnd, message?: string): void;
}

const END_TEXT: Record<TaskEnd, string> = { done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };
const LINGER_MS = 2500;

export class StatusBar {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly tasks: HTMLElement;

  constructor() {
    this.status = h('div', { class: 'status-text', role: 'status' }, 'Ready');
    this.tasks = h('ul', { class: 'tasks', 'aria-label': 'Running jobs' });
    this.element = h(
      'footer',
      { class: 'status-bar', 'aria-label': 'Status and jobs' },
      this.status,
      this.tasks,
    );
  }

  setStatus(text: string): void {
    replaceChildren(this.status, text);
  }

  /** Adds a row; `cancel` (if given) is what its Cancel button does. */
  addTask(id: string, label: string, cancel?: () => void): TaskHandle {
    const fill = h('div', { class: 'progress-fill' });
    const bar = h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
      },
      fill,
    );
    const percent = h('span', { class: 'task-percent' }, '');
    const message = h('span', { class: 'task-message' }, 'Starting…');
    const button = cancel
      ? h(
          'button',
          { type: 'button', class: 'btn btn-small task-cancel', 'aria-label': `Cancel ${label}` },
          'Cancel',
        )
      : null;
    const row = h(
      'li',
      { class: 'task', 'data-job-id': id, 'data-state': 'running' },
      h('span', { class: 'task-label', title: label }, label),
      bar,
      percent,
      message,
      button,
    );
    button?.addEventListener('click', () => {
      button.disabled = true;
      replaceChildren(message, 'Cancelling…');
      cancel?.();
    });
    this.tasks.append(row);
    let ended = false;

    return {
      update(done, total, text) {
        if (ended) return;
        bar.classList.toggle('progress-indeterminate', total <= 0);
        if (total > 0) {
          const pct = Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
          fill.style.width = `${pct}%`;
          bar.setAttribute('aria-valuenow', String(pct));
          replaceChildren(percent, `${pct}%`);
        }
        if (text !== undefined && !(button?.disabled ?? false)) replaceChildren(message, text);
      },
      finish(end, text) {
        if (ended) return;
        ended = true;
        row.dataset.state = end;
        bar.classList.remove('progress-indeterminate');
        if (end === 'done') {
          fill.style.width = '100%';
          bar.setAttribute('aria-valuenow', '100');
          replaceChildren(percent, '100%');
        }
        replaceChildren(message, text ?? END_TEXT[end]);
        button?.remove();
        setTimeout(() => row.remove(), LINGER_MS);
      },
    };
  }
}
