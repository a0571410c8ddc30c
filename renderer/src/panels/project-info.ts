/**
 * Data tab, first section: what project is open, what is in it, and what to do next. What the
 * engine found wrong on opening (ProjectInfo.warnings, e.g. an audit log changed outside the app)
 * stays at the top of the section for as long as the project is open.
 */
import type { ProjectInfo } from '../../../shared/api/project-api.js';
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel } from '../shell/panels.js';

registerPanel({
  id: 'project-info',
  tab: 'data',
  title: 'Project',
  order: 0,
  render(el, app) {
    return app.onProjectChange((project) =>
      replaceChildren(el, project === null ? noProject() : projectFacts(project)),
    );
  },
});

function noProject(): HTMLElement {
  return h(
    'div',
    { class: 'empty-state' },
    h('p', {}, 'No project is open.'),
    h(
      'ol',
      { class: 'next-steps' },
      h(
        'li',
        {},
        'Create a project (New project… above): one .hsw file holds your data, analyses and profiles.',
      ),
      h('li', {}, 'Import partner extracts (police crimes, ASB, fire, ambulance) into it.'),
      h('li', {}, 'Run hotspot and near-repeat analyses, then build the profile for your JAG.'),
    ),
  );
}

function projectFacts(project: ProjectInfo): HTMLElement {
  const rows: [string, string][] = [
    ['Name', project.name],
    ['File', project.path],
    ['Coordinates', project.crs],
    ['Datasets', project.datasetCount.toLocaleString('en-GB')],
    ['Records', project.recordCount.toLocaleString('en-GB')],
    ['Created', formatDate(project.createdAt)],
  ];
  const list = h('dl', { class: 'facts' });
  for (const [term, value] of rows) list.append(h('dt', {}, term), h('dd', { title: value }, value));
  const next =
    project.datasetCount === 0
      ? h('p', { class: 'hint' }, 'This project has no data yet. Import a partner extract to begin.')
      : null;
  return h('div', {}, projectWarnings(project), list, next);
}

/** The heading and lines of the notice for what was found on opening; null when nothing was. */
export function warningNotice(project: ProjectInfo): { heading: string; lines: string[] } | null {
  const lines = (project.warnings ?? []).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return null;
  return {
    heading:
      lines.length === 1
        ? 'Check this project before you rely on it'
        : `Check this project before you rely on it (${lines.length} problems)`,
    lines,
  };
}

function projectWarnings(project: ProjectInfo): HTMLElement | null {
  const notice = warningNotice(project);
  if (notice === null) return null;
  return h(
    'div',
    { class: 'project-warning', role: 'alert', 'data-testid': 'project-warning' },
    h('strong', {}, notice.heading),
    ...notice.lines.map((line) => h('p', {}, line)),
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
