/**
 * Date fields as the analyst writes dates: dd/mm/yyyy whatever the browser's locale (a native
 * <input type="date"> shows mm/dd/yyyy under en-US). A text input with a pattern hint, read on
 * change and checked here; the filter and the Api keep yyyy-mm-dd.
 */
import { ukDate } from '../../../shared/model/time.js';
import { h } from '../shell/dom.js';
import { parseIsoDate } from './filter-state.js';

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** yyyy-mm-dd of a typed dd/mm/yyyy (1/2/2026 and 01.02.2026 too); null when blank; else a message. */
export function parseUkDate(text: string): { iso: string | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { iso: null };
  const match = UK_DATE.exec(trimmed);
  if (match === null) return { error: `“${trimmed}” is not a date: write it as dd/mm/yyyy, e.g. 31/01/2026` };
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  if (parseIsoDate(iso) === null) return { error: `${trimmed} is not a real date (dd/mm/yyyy)` };
  return { iso };
}

/** dd/mm/yyyy of a yyyy-mm-dd date ('' for null or a malformed value). */
export function isoToUk(iso: string | null): string {
  if (iso === null) return '';
  const ms = parseIsoDate(iso);
  return ms === null ? '' : ukDate(ms);
}

export interface UkDateInput {
  element: HTMLInputElement;
  /** yyyy-mm-dd, null when blank, undefined while the text is not a date. */
  value(): string | null | undefined;
  set(iso: string | null): void;
}

/**
 * A dd/mm/yyyy text field. `onChange` gets yyyy-mm-dd (or null when cleared) after a valid edit; an
 * invalid one marks the field (aria-invalid) and shows why in its title and `errorTarget`.
 */
export function ukDateInput(
  attributes: Record<string, string>,
  onChange?: (iso: string | null) => void,
  errorTarget?: HTMLElement,
): UkDateInput {
  const element = h('input', {
    type: 'text',
    class: 'input input-date',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
    maxlength: '10',
    ...attributes,
  });
  const read = () => parseUkDate(element.value);
  element.addEventListener('change', () => {
    const parsed = read();
    const error = 'error' in parsed ? parsed.error : '';
    element.setAttribute('aria-invalid', String(error !== ''));
    element.title = error;
    if (errorTarget) errorTarget.textContent = error;
    if ('iso' in parsed) onChange?.(parsed.iso);
  });
  return {
    element,
    value() {
      const parsed = read();
      return 'iso' in parsed ? parsed.iso : undefined;
    },
    set(iso) {
      if (document.activeElement === element && 'error' in read()) return;
      element.value = isoToUk(iso);
      element.removeAttribute('aria-invalid');
      element.title = '';
      if (errorTarget) errorTarget.textContent = '';
    },
  };
}
