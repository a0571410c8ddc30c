/**
 * Small building blocks the workspace panels share: labelled fields, selects, a confirm dialog
 * (Enter confirms, Escape cancels), a modal dialog frame, downloads of text or bytes through a Blob
 * and a[download], and number/date formatting in the analysts' (British) conventions.
 */
import { h } from '../shell/dom.js';

export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('span', { class: 'field-hint' }, hint) : null,
  );
}

export function select(
  options: readonly { value: string; label: string }[],
  value: string,
  attributes: Record<string, string> = {},
): HTMLSelectElement {
  const element = h('select', { class: 'input', ...attributes });
  for (const option of options) element.append(h('option', { value: option.value }, option.label));
  element.value = value;
  return element;
}

export function numberInput(attributes: Record<string, string | number>): HTMLInputElement {
  return h('input', { type: 'number', class: 'input', inputmode: 'decimal', ...attributes });
}

/**
 * A modal dialog: `build(close)` returns its content; resolves with what `close` was given (undefined
 * on Escape). Focus starts on the first field or button and returns to where it was on close.
 */
export function modal<T>(
  title: string,
  build: (close: (result?: T) => void, titleId: string) => HTMLElement[],
  options: { wide?: boolean; testId?: string } = {},
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const returnFocus = document.activeElement as HTMLElement | null;
    const titleId = `dialog-${Math.random().toString(36).slice(2)}`;
    const dialog = h('dialog', {
      class: options.wide ? 'dialog dialog-wide' : 'dialog',
      'aria-labelledby': titleId,
      'data-testid': options.testId ?? null,
    });
    let closed = false;
    const close = (result?: T) => {
      if (closed) return;
      closed = true;
      dialog.close();
      dialog.remove();
      returnFocus?.focus?.();
      resolve(result);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(undefined);
    });
    dialog.append(
      h('div', { class: 'dialog-form' }, h('h2', { id: titleId }, title), ...build(close, titleId)),
    );
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector<HTMLElement>('input, select, textarea, button.btn-primary, button')?.focus();
  });
}

/** Asks before something that cannot be undone; Enter confirms, Escape cancels. */
export async function confirmDialog(title: string, message: string, confirmLabel: string): Promise<boolean> {
  const answer = await modal<boolean>(title, (close) => {
    const confirm = h('button', { type: 'submit', class: 'btn btn-danger' }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
    cancel.addEventListener('click', () => close(false));
    const form = h(
      'form',
      { class: 'dialog-inline' },
      h('p', {}, message),
      h('div', { class: 'dialog-buttons' }, cancel, confirm),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close(true);
    });
    queueMicrotask(() => confirm.focus());
    return [form];
  });
  return answer === true;
}

/** Offers `data` as a file download (Blob + a[download]); nothing leaves the machine. */
export function download(fileName: string, data: BlobPart, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes of standard base64 (the Api's ExportResult.base64). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A local date-time of an ISO timestamp, e.g. "23 Nov 2026, 18:34". */
export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** "00–01" style label of an hour of day. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A collapsible block of facts, e.g. a result's parameters and provenance. */
export function detailsBlock(summary: string, rows: [string, string][], testId?: string): HTMLDetailsElement {
  const list = h('dl', { class: 'facts facts-wrap' });
  for (const [term, value] of rows) list.append(h('dt', {}, term), h('dd', {}, value));
  return h('details', { class: 'details', 'data-testid': testId ?? null }, h('summary', {}, summary), list);
}
