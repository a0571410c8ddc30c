/**
 * Import wizard step 2, columns: the dataset's name, one dropdown per canonical field with the
 * engine's detected guess chosen, a mapping preset, the time shape, date format and the coordinates'
 * CRS; the mapping's problems listed as they arise. Next waits until there are none.
 */
import {
  type ColumnMapping,
  DATE_FORMATS,
  mappingProblems,
  TIME_SHAPES,
} from '../../../shared/import/mapping.js';
import type { CanonicalField } from '../../../shared/model/records.js';
import { h, replaceChildren } from '../shell/dom.js';
import { FIELD_GROUPS, FIELD_LABELS } from './import-helpers.js';
import type { WizardContext, WizardState, WizardStep } from './import-wizard-state.js';
import { field, select } from './ui.js';

const TIME_SHAPE_LABELS: Record<(typeof TIME_SHAPES)[number], string> = {
  datetime: 'One date-time column',
  'date+time': 'A date column and a time column',
  window: 'From and to (a time window)',
  date: 'Date only',
  month: 'Month only (e.g. police.uk)',
};
const DATE_FORMAT_LABELS: Record<(typeof DATE_FORMATS)[number], string> = {
  dmy: 'dd/mm/yyyy (UK)',
  mdy: 'mm/dd/yyyy (US)',
  iso: 'yyyy-mm-dd (ISO)',
  excel: 'Excel serial numbers',
};
const CRS_CHOICES = [
  { value: 'EPSG:27700', label: 'British National Grid (EPSG:27700)' },
  { value: 'EPSG:4326', label: 'WGS84 longitude/latitude (EPSG:4326)' },
  { value: 'EPSG:29903', label: 'Irish Grid (EPSG:29903)' },
  { value: 'other', label: 'Other: EPSG code or proj4 string…' },
];

export const mappingStep: WizardStep = {
  title: 'Columns',
  view: mappingView,
  ready: ({ state }) =>
    mappingProblems(state.mapping, state.preview.headers).length === 0 && state.dataset.trim() !== '',
};

function mappingView(ctx: WizardContext): HTMLElement {
  const { state } = ctx;
  const headers = state.preview.headers;
  const problemsList = h('ul', {
    class: 'problems',
    'aria-live': 'polite',
    'data-testid': 'mapping-problems',
  });
  const showProblems = () => {
    const problems = mappingProblems(state.mapping, headers);
    replaceChildren(problemsList, ...problems.map((p) => h('li', {}, p)));
    problemsList.hidden = problems.length === 0;
    ctx.updateNext();
  };

  const name = h('input', { type: 'text', class: 'input', value: state.dataset, 'aria-required': 'true' });
  name.addEventListener('input', () => {
    state.dataset = name.value;
    ctx.updateNext();
  });

  const groups = FIELD_GROUPS.map((group) =>
    h(
      'fieldset',
      { class: 'mapping-group' },
      h('legend', {}, group.title),
      ...group.fields.map((f) => fieldChoice(state, f, headers, showProblems)),
    ),
  );

  const shape = select(
    TIME_SHAPES.map((s) => ({ value: s, label: TIME_SHAPE_LABELS[s] })),
    state.mapping.timeShape,
  );
  shape.addEventListener('change', () => {
    state.mapping.timeShape = shape.value as ColumnMapping['timeShape'];
    showProblems();
  });
  const dateFormat = select(
    DATE_FORMATS.map((s) => ({ value: s, label: DATE_FORMAT_LABELS[s] })),
    state.mapping.dateFormat,
  );
  dateFormat.addEventListener('change', () => {
    state.mapping.dateFormat = dateFormat.value as ColumnMapping['dateFormat'];
  });

  const swap = h('input', { type: 'checkbox' });
  swap.checked = state.mapping.swapSuspectedCoordinates;
  swap.addEventListener('change', () => {
    state.mapping.swapSuspectedCoordinates = swap.checked;
  });

  const view = h(
    'div',
    { class: 'mapping' },
    h(
      'div',
      { class: 'mapping-top' },
      field('Dataset name', name),
      field('Mapping preset', presetChoice(ctx), ctx.presetsError || undefined),
    ),
    h('p', { class: 'hint' }, 'Each field shows the column the app guessed; change any that are wrong.'),
    h('div', { class: 'mapping-groups' }, ...groups),
    h(
      'div',
      { class: 'mapping-top' },
      field('Time is given as', shape),
      field('Dates are written', dateFormat),
      crsChoice(state, showProblems),
    ),
    h(
      'label',
      { class: 'check' },
      swap,
      'Swap coordinates that look swapped (otherwise those rows are rejected)',
    ),
    problemsList,
  );
  queueMicrotask(showProblems);
  return view;
}

/** A saved or built-in mapping replaces the current one (the detected one when none is chosen). */
function presetChoice(ctx: WizardContext): HTMLSelectElement {
  const { state, presets } = ctx;
  const choice = select(
    [
      {
        value: '',
        label: state.preview.preset ? `Detected (${state.preview.preset})` : 'Detected from the headers',
      },
      ...presets.map((p) => ({
        value: p.name,
        label: `${p.name}${p.source === 'builtin' ? ' (built in)' : ''}`,
      })),
    ],
    '',
    { 'aria-label': 'Mapping preset', title: ctx.presetsError },
  );
  choice.addEventListener('change', () => {
    const preset = presets.find((p) => p.name === choice.value);
    state.mapping = structuredClone(preset ? preset.mapping : state.detected);
    const keep = choice.value;
    ctx.render();
    ctx.body.querySelector<HTMLSelectElement>('select[aria-label="Mapping preset"]')!.value = keep;
  });
  return choice;
}

/** The coordinates' CRS: a common one, none (area codes only), or any other the analyst types. */
function crsChoice(state: WizardState, changed: () => void): HTMLElement {
  const known = CRS_CHOICES.some((c) => c.value === state.mapping.sourceCrs);
  const crs = select(
    [{ value: '', label: 'None (area codes only)' }, ...CRS_CHOICES],
    state.mapping.sourceCrs === null ? '' : known ? state.mapping.sourceCrs : 'other',
  );
  const customCrs = h('input', {
    type: 'text',
    class: 'input',
    placeholder: 'EPSG:3857 or +proj=…',
    'aria-label': 'Other coordinate system',
    value: known || state.mapping.sourceCrs === null ? '' : state.mapping.sourceCrs,
  });
  customCrs.hidden = crs.value !== 'other';
  const setCrs = () => {
    customCrs.hidden = crs.value !== 'other';
    state.mapping.sourceCrs =
      crs.value === '' ? null : crs.value === 'other' ? customCrs.value.trim() || null : crs.value;
    changed();
  };
  crs.addEventListener('change', setCrs);
  customCrs.addEventListener('input', setCrs);
  return h('div', { class: 'field' }, field('Coordinates are in', crs), customCrs);
}

function fieldChoice(
  state: WizardState,
  f: CanonicalField,
  headers: readonly string[],
  changed: () => void,
): HTMLElement {
  const detected = state.detected.fields[f];
  const choice = select(
    [{ value: '', label: '— not mapped —' }, ...headers.map((column) => ({ value: column, label: column }))],
    state.mapping.fields[f] ?? '',
    { 'data-field': f },
  );
  choice.addEventListener('change', () => {
    if (choice.value === '') delete state.mapping.fields[f];
    else state.mapping.fields[f] = choice.value;
    changed();
  });
  return field(FIELD_LABELS[f], choice, detected ? `detected: ${detected}` : undefined);
}
