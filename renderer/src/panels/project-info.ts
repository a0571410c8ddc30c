/**
 * Data tab, first section: what project is open, what is in it, and what to do next.
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
  return h('div', {}, list, next);
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
