/**
 * Profile tab (issue 6, item 5): build a problem profile and its exports.
 *
 *   subject   a hotspot of the last density run, an area (boundary feature), a category or a chain
 *   period    from/to dates (default: the filter's dates, else the data's last 12 months)
 *   front     title, author, protective marking
 *   build     buildProfile as a job (progress and Cancel in the status bar); its analyses use the
 *             filter's datasets and categories and the last run's cell size and bandwidth
 *   preview   the profile's own HTML over the map, in an iframe with srcdoc, sandboxed without
 *             allow-scripts (nothing in it can run), refreshed after every saved edit. See
 *             ProfilePreview for why it is also allow-same-origin.
 *   edit      one text box per section; saved (saveProfileText) a moment after typing stops, with its
 *             state shown ("Saving…", "Saved"); each generated finding editable on its own and the
 *             "Mark reviewed" control (profile-findings.ts)
 *   export    a dialog: HTML, PDF, PPTX, hotspots/chains as GeoJSON or CSV, the surface as an ESRI grid,
 *             with the marking; the bytes come back from the web host and download through a Blob
 */
import type { DATA_KINDS, ProfileDocument, ProfileListItem } from '../../../shared/api/profile-api.js';
import { MARKINGS, type SectionId } from '../../../shared/profile/model.js';
import type { AppContext } from '../shell/app-context.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { datePresetRange } from './filter-state.js';
import { restoreStyles, withoutInlineStyles } from './preview-html.js';
import { findingsEditor, reviewControl } from './profile-findings.js';
import { base64Bytes, download, field, modal, select, when } from './ui.js';
import { isoToUk, ukDateInput } from './uk-date.js';
import { type Workspace, workspaceOf } from './workspace.js';
import './workspace.css';

const SAVE_DEBOUNCE_MS = 800;

export const EXPORT_CHOICES = [
  { id: 'html', label: 'Profile as HTML (one self-contained file)' },
  { id: 'pdf', label: 'Profile as PDF' },
  { id: 'pptx', label: 'JAG slides (PPTX, 16:9)' },
  { id: 'hotspots-geojson', label: 'Hotspots as GeoJSON' },
  { id: 'hotspots-csv', label: 'Hotspots as CSV' },
  { id: 'chains-geojson', label: 'Chains as GeoJSON' },
  { id: 'risk-zones-geojson', label: 'Risk zones as GeoJSON' },
  { id: 'chains-csv', label: 'Chains as CSV' },
  { id: 'surface-asc', label: 'Density surface (ESRI ASCII grid)' },
] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number]['id'];

registerPanel({
  id: 'profile',
  tab: 'profile',
  title: 'Problem profile',
  order: 10,
  render(el, app) {
    const ws = workspaceOf(app);
    const preview = new ProfilePreview(app);
    const subject = h('select', { class: 'input', name: 'subject', 'aria-label': 'Subject' });
    const periodError = h('p', { class: 'field-error', role: 'alert' });
    // The period follows the filter's dates until the analyst types one of their own.
    let periodTyped = false;
    const typed = () => {
      periodTyped = true;
    };
    const from = ukDateInput({ name: 'periodFrom' }, typed, periodError);
    const to = ukDateInput({ name: 'periodTo' }, typed, periodError);
    from.element.addEventListener('input', typed);
    to.element.addEventListener('input', typed);
    const savedError = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'profile-list-error' });
    const title = h('input', {
      type: 'text',
      class: 'input',
      name: 'title',
      placeholder: 'generated from the subject',
    });
    const author = h('input', { type: 'text', class: 'input', name: 'author', placeholder: 'Analyst name' });
    const marking = select(
      MARKINGS.map((m) => ({ value: m, label: m })),
      'OFFICIAL-SENSITIVE',
      { name: 'marking' },
    );
    const build = h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-action': 'build-profile' },
      'Build profile',
    );
    const scope = h('p', { class: 'hint' });
    const saved = h('select', { class: 'input', 'aria-label': 'Saved profiles' });
    const savedField = field('Or open a saved profile', saved);
    const editor = h('div', { class: 'profile-editor', 'data-testid': 'profile-editor' });

    el.append(
      scope,
      field(
        'Subject',
        subject,
        'A hotspot’s number is from the profile’s own density run over its period (with the last run’s cell size and bandwidth).',
      ),
      h('div', { class: 'date-row' }, field('From', from.element), field('To (inclusive)', to.element)),
      periodError,
      field('Title', title),
      h('div', { class: 'form-grid' }, field('Author', author), field('Marking', marking)),
      h('div', { class: 'run-row' }, build),
      savedField,
      savedError,
      editor,
    );

    const fillSubjects = () => {
      const previous = subject.value;
      replaceChildren(subject);
      const group = (label: string, options: { value: string; label: string }[]) => {
        if (options.length === 0) return;
        subject.append(
          h('optgroup', { label }, ...options.map((o) => h('option', { value: o.value }, o.label))),
        );
      };
      group(
        ws.isStale('kde')
          ? 'Hotspots (last kernel density run, for a different selection)'
          : 'Hotspots (last kernel density run)',
        (ws.kde?.hotspots ?? []).map((s) => ({
          value: `hotspot:${s.rank}`,
          label: `Hotspot ${s.rank} (${s.events} events)`,
        })),
      );
      group(
        'Crime types',
        ws.categories
          .filter((c) => c.category !== null)
          .map((c) => ({ value: `category:${c.category}`, label: `${c.category} (${c.count})` })),
      );
      group(
        'Near-repeat chains',
        (ws.chains?.chains ?? []).slice(0, 100).map((c) => ({
          value: `chain:${c.id}`,
          label: `Chain ${c.id} (${c.size} events, from ${isoToUk(c.firstDate)})`,
        })),
      );
      void areaOptions(ws).then((areas) => {
        group('Areas', areas);
        if ([...subject.options].some((o) => o.value === previous)) subject.value = previous;
        build.disabled = subject.options.length === 0 || app.project() === null;
      });
      if ([...subject.options].some((o) => o.value === previous)) subject.value = previous;
      build.disabled = subject.options.length === 0 || app.project() === null;
    };
    const fillPeriod = () => {
      if (periodTyped && from.value() && to.value()) return;
      if (ws.filter.fromDate && ws.filter.toDate) {
        from.set(ws.filter.fromDate);
        to.set(ws.filter.toDate);
        return;
      }
      const latest = ws.latestMs();
      if (latest === null) return;
      const range = datePresetRange('last-12-months', latest);
      from.set(range.fromDate);
      to.set(range.toDate);
    };
    const fillSaved = async () => {
      if (app.project() === null) {
        savedField.hidden = true;
        return;
      }
      let list: ProfileListItem[];
      try {
        list = await app.api.listProfiles({});
        savedError.textContent = '';
      } catch (error) {
        savedField.hidden = true;
        savedError.textContent = `Could not list the saved profiles: ${error instanceof Error ? error.message : String(error)}`;
        return;
      }
      replaceChildren(
        saved,
        h(
          'option',
          { value: '' },
          list.length === 0 ? 'No saved profiles' : `${list.length} saved profile(s)…`,
        ),
        ...list.map((p) =>
          h(
            'option',
            { value: String(p.id) },
            `${p.title} (${isoToUk(p.period.from)} to ${isoToUk(p.period.to)}, ${when(p.updatedAt)})`,
          ),
        ),
      );
      savedField.hidden = list.length === 0;
    };
    const refresh = () => {
      const n = ws.datasets.length;
      replaceChildren(
        scope,
        app.project() === null
          ? 'Open a project first.'
          : n === 0
            ? 'Import data first (Data tab); run a kernel density to profile a hotspot.'
            : 'A NIM problem profile of a place, a crime type or a series: SARA sections with maps, tables and your text. It uses the filter’s datasets and categories.',
      );
      fillSubjects();
      fillPeriod();
    };
    refresh();
    void fillSaved();
    const subscriptions = new Subscriptions();
    subscriptions.add(
      ws.on('datasets', () => {
        refresh();
        void fillSaved();
      }),
    );
    subscriptions.add(ws.on('categories', fillSubjects));
    subscriptions.add(ws.on('kde', fillSubjects));
    subscriptions.add(ws.on('chains', fillSubjects));
    subscriptions.add(ws.on('boundaries', fillSubjects));
    subscriptions.add(
      ws.on('filter', () => {
        fillPeriod();
        fillSubjects();
      }),
    );
    // Another project: its own period, title and author, and no editor of the last one's profile.
    subscriptions.add(
      ws.on('projectSwitched', () => {
        periodTyped = false;
        from.set(null);
        to.set(null);
        title.value = '';
        replaceChildren(editor);
        preview.hide();
        refresh();
      }),
    );

    const show = (doc: ProfileDocument) => {
      replaceChildren(editor, profileEditor(app, doc, preview));
      preview.show(doc);
      void fillSaved();
    };
    saved.addEventListener('change', async () => {
      if (saved.value === '') return;
      try {
        show(await app.api.getProfile({ profileId: Number(saved.value) }));
      } catch (error) {
        app.notifyError(error, 'Could not open the profile');
      }
      saved.value = '';
    });

    build.addEventListener('click', async () => {
      const [fromDate, toDate] = [from.value(), to.value()];
      if (!subject.value || !fromDate || !toDate) {
        app.notify('Choose a subject and the period (from and to, dd/mm/yyyy) first.', 'error');
        return;
      }
      const kde = ws.kde;
      const options =
        kde !== null ? { cellSizeM: kde.params.cellSizeM, bandwidthM: kde.params.bandwidthM } : undefined;
      const scopeInput = {
        ...(ws.filter.datasetIds !== null ? { datasetIds: ws.filter.datasetIds } : {}),
        ...(ws.filter.categories !== null && !subject.value.startsWith('category:')
          ? { categories: ws.filter.categories }
          : {}),
      };
      build.disabled = true;
      const outcome = await app.runJob(
        `Problem profile: ${subject.selectedOptions[0]?.textContent ?? subject.value}`,
        (jobId) =>
          app.api.buildProfile({
            jobId,
            subject: subject.value,
            period: { from: fromDate, to: toDate },
            front: {
              ...(title.value.trim() ? { title: title.value.trim() } : {}),
              ...(author.value.trim() ? { author: author.value.trim() } : {}),
              marking: marking.value,
            },
            scope: scopeInput,
            ...(options ? { options } : {}),
          }),
      );
      build.disabled = false;
      if (outcome.ok) {
        show(outcome.value);
        app.notify(`Built “${outcome.value.model.front.title}”.`, 'success');
      }
    });
    return () => {
      subscriptions.release();
      preview.dispose();
    };
  },
});

async function areaOptions(ws: Workspace): Promise<{ value: string; label: string }[]> {
  const options: { value: string; label: string }[] = [];
  for (const layer of ws.boundaries) {
    const geo = await ws.boundaryGeoJson(layer.id).catch(() => null);
    for (const f of geo?.features ?? []) {
      const name = f.properties.name ?? f.properties.code;
      options.push({ value: `area:${f.properties.code}`, label: `${name} (${layer.name})` });
    }
  }
  return options;
}

/**
 * The profile's HTML over the map, in a sandboxed iframe, and its toolbar.
 *
 * A srcdoc document inherits the app's Content-Security-Policy, whose style-src 'self' (rightly)
 * refuses the profile's inline <style> and style="" attributes, so the preview would show unstyled.
 * The frame is therefore sandboxed with allow-same-origin but never allow-scripts: nothing in it can
 * run, and the app can reach into it to apply the same CSS through the CSSOM (a constructed
 * stylesheet adopted by the frame's document, and element.style for style attributes), which CSP
 * does not govern. The styles are taken out of the HTML before the frame parses it
 * (preview-html.ts), so the policy has nothing to refuse and the console stays quiet. The exported
 * HTML carries its own, export-only policy and needs none of this.
 */
class ProfilePreview {
  private readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly heading: HTMLElement;
  private doc: ProfileDocument | null = null;
  private css = '';
  private readonly offProject: () => void;

  constructor(private readonly app: AppContext) {
    this.frame = h('iframe', {
      class: 'profile-frame',
      sandbox: 'allow-same-origin',
      title: 'Profile preview',
      referrerpolicy: 'no-referrer',
      'data-testid': 'profile-preview',
    });
    this.heading = h('span', { class: 'preview-title' });
    const exportButton = h(
      'button',
      { type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'export-profile' },
      'Export…',
    );
    const close = h('button', { type: 'button', class: 'btn btn-small' }, 'Back to the map');
    exportButton.addEventListener('click', () => {
      if (this.doc) void exportDialog(this.app, this.doc);
    });
    close.addEventListener('click', () => this.hide());
    this.element = h(
      'section',
      { class: 'profile-preview', 'aria-label': 'Profile preview', hidden: true },
      h('header', { class: 'preview-bar' }, this.heading, exportButton, close),
      this.frame,
    );
    this.frame.addEventListener('load', () => this.applyStyles());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    (app.map.getContainer().parentElement ?? document.body).append(this.element);
    this.offProject = app.onProjectChange((project) => {
      if (project === null) this.hide();
    });
  }

  /** Stops following the project and takes the preview off the page. */
  dispose(): void {
    this.offProject();
    this.element.remove();
  }

  show(doc: ProfileDocument): void {
    this.doc = doc;
    replaceChildren(this.heading, `${doc.model.front.title} · ${doc.model.front.marking}`);
    const { html, css } = withoutInlineStyles(doc.html);
    this.css = css;
    this.frame.srcdoc = html;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  private applyStyles(): void {
    const doc = this.frame.contentDocument;
    const win = this.frame.contentWindow as (Window & typeof globalThis) | null;
    if (doc === null || win === null) return;
    try {
      restoreStyles(doc, win, this.css);
    } catch (error) {
      this.app.notifyError(error, 'The preview could not be styled');
    }
  }

  current(): ProfileDocument | null {
    return this.doc;
  }
}

function profileEditor(app: AppContext, doc: ProfileDocument, preview: ProfilePreview): HTMLElement {
  const holder = h('div', {});
  const onDoc = (next: ProfileDocument) => {
    preview.show(next);
    replaceChildren(holder, profileEditorBody(app, next, preview, onDoc));
  };
  replaceChildren(holder, profileEditorBody(app, doc, preview, onDoc));
  return holder;
}

function profileEditorBody(
  app: AppContext,
  doc: ProfileDocument,
  preview: ProfilePreview,
  onDoc: (doc: ProfileDocument) => void,
): HTMLElement {
  const open = h('button', { type: 'button', class: 'btn btn-small' }, 'Show preview');
  open.addEventListener('click', () => preview.show(preview.current() ?? doc));
  const exportButton = h('button', { type: 'button', class: 'btn btn-small' }, 'Export…');
  exportButton.addEventListener('click', () => void exportDialog(app, preview.current() ?? doc));
  let groupShown = '';
  const sections: HTMLElement[] = [];
  for (const section of doc.model.sections) {
    if (section.group !== groupShown) {
      groupShown = section.group;
      sections.push(h('h3', { class: 'editor-group' }, section.group));
    }
    const findings = findingsEditor(app, doc, section, onDoc);
    if (findings)
      sections.push(h('div', { class: 'field-label' }, `${section.title}: generated findings`), findings);
    sections.push(
      sectionEditor(
        app,
        doc.id,
        section.id,
        section.title,
        section.text,
        section.prompt,
        section.edited,
        preview,
      ),
    );
  }
  return h(
    'div',
    {},
    h('h3', { class: 'editor-title' }, doc.model.front.title),
    h(
      'p',
      { class: 'hint' },
      `${doc.model.subjectLabel} · ${isoToUk(doc.model.periods.current.from)} to ${isoToUk(doc.model.periods.current.to)} · ${doc.model.front.marking}`,
    ),
    h('div', { class: 'row-actions' }, open, exportButton),
    reviewControl(app, doc, onDoc),
    h(
      'p',
      { class: 'hint' },
      'Your text and your rewording of findings are saved in the project and kept when the profile is rebuilt; outputs mark reworded findings “edited by the analyst”.',
    ),
    ...sections,
  );
}

function sectionEditor(
  app: AppContext,
  profileId: number,
  sectionId: SectionId,
  title: string,
  text: string,
  prompt: string,
  edited: boolean,
  preview: ProfilePreview,
): HTMLElement {
  const id = `section-text-${sectionId}`;
  const state = h(
    'span',
    { class: 'save-state', 'aria-live': 'polite', 'data-testid': `save-state-${sectionId}` },
    edited ? 'Edited' : 'Suggested text',
  );
  const box = h('textarea', { class: 'input', id, rows: 4, placeholder: prompt, 'data-section': sectionId });
  box.value = text;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = Promise.resolve();
  const save = () => {
    timer = null;
    const value = box.value;
    replaceChildren(state, 'Saving…');
    saving = saving.then(async () => {
      try {
        const doc = await app.api.saveProfileText({ profileId, sectionId, text: value });
        if (box.value === value) replaceChildren(state, 'Saved');
        preview.show(doc);
      } catch (error) {
        replaceChildren(state, 'Not saved');
        app.notifyError(error, `Could not save “${title}”`);
      }
    });
  };
  box.addEventListener('input', () => {
    replaceChildren(state, 'Unsaved…');
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DEBOUNCE_MS);
  });
  box.addEventListener('blur', () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  });
  return h(
    'div',
    { class: 'section-editor' },
    h('label', { for: id, class: 'field-label section-editor-head' }, h('span', {}, title), state),
    box,
  );
}

/** The export dialog: format and marking; the file comes back as bytes and downloads. */
async function exportDialog(app: AppContext, doc: ProfileDocument): Promise<void> {
  const choice = await modal<{ format: ExportChoice; marking: string }>(
    'Export profile',
    (close) => {
      const radios = EXPORT_CHOICES.map((c, i) => {
        const input = h('input', { type: 'radio', name: 'export-format', value: c.id });
        input.checked = i === 0;
        return h('label', { class: 'check' }, input, c.label);
      });
      const marking = h('input', {
        type: 'text',
        class: 'input',
        value: doc.model.front.marking,
        list: 'marking-choices',
        'aria-label': 'Protective marking',
      });
      const choices = h(
        'datalist',
        { id: 'marking-choices' },
        ...MARKINGS.map((m) => h('option', { value: m })),
      );
      const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
      const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Export');
      cancel.addEventListener('click', () => close(undefined));
      const form = h(
        'form',
        { class: 'dialog-inline' },
        h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Format'), ...radios),
        field('Protective marking (on every page and slide)', marking),
        choices,
        h('div', { class: 'dialog-buttons' }, cancel, submit),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const format = form.querySelector<HTMLInputElement>('input[name="export-format"]:checked')
          ?.value as ExportChoice;
        if (!marking.value.trim()) return;
        close({ format, marking: marking.value.trim() });
      });
      return [form];
    },
    { testId: 'export-dialog' },
  );
  if (!choice) return;
  // "<kind>-<format>" for data (the kind may hold a hyphen: risk-zones-geojson), else a profile format.
  const cut = choice.format.lastIndexOf('-');
  const [kind, format] =
    cut < 0 ? [choice.format, undefined] : [choice.format.slice(0, cut), choice.format.slice(cut + 1)];
  const outcome = await app.runJob(
    `Export: ${EXPORT_CHOICES.find((c) => c.id === choice.format)!.label}`,
    (jobId) =>
      format === undefined
        ? app.api.exportProfile({
            jobId,
            profileId: doc.id,
            format: kind as 'html' | 'pdf' | 'pptx',
            marking: choice.marking,
          })
        : app.api.exportData({
            jobId,
            profileId: doc.id,
            kind: kind as (typeof DATA_KINDS)[number],
            format: format as 'geojson' | 'csv' | 'asc',
          }),
  );
  if (!outcome.ok) return;
  const result = outcome.value;
  for (const warning of result.warnings) app.notify(warning, 'error');
  if (result.base64 !== undefined) {
    download(result.fileName, base64Bytes(result.base64), result.mimeType);
    // The sidecar (provenance and marking), the grid's .prj and the data dictionary travel with it.
    for (const companion of result.companions ?? []) {
      if (companion.base64 !== undefined)
        download(companion.fileName, base64Bytes(companion.base64), companion.mimeType);
    }
    app.notify(`Exported ${result.fileName} (${Math.ceil(result.bytes / 1024)} KB).`, 'success');
  } else if (result.path) app.notify(`Saved ${result.path}.`, 'success');
}
