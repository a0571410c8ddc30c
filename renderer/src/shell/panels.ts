/**
 * The side panel's plug-in point. The shell has four tabs in the analyst's order of work (Data,
 * Filter, Analysis, Profile); a feature adds a section to one of them:
 *
 *   registerPanel({
 *     id: 'import', tab: 'data', title: 'Import data', order: 20,
 *     render(el, app) {
 *       el.append(…);
 *       const subscriptions = new Subscriptions();
 *       subscriptions.add(workspace.on('records', update));   // every listener kept…
 *       return () => subscriptions.release();                  // …and released on dispose
 *     },
 *   });
 *
 * and imports its module once from renderer/src/features.ts. Sections render once, in `order`
 * (then registration order), when the shell starts; they follow the project through
 * `app.onProjectChange`.
 */
import type { AppContext } from './app-context.js';

export const TABS = [
  { id: 'data', title: 'Data', empty: 'Open or create a project to load partner data.' },
  {
    id: 'filter',
    title: 'Filter',
    empty: 'Import a dataset first; then narrow it by date, category or area here.',
  },
  {
    id: 'analysis',
    title: 'Analysis',
    empty: 'Import a dataset first; then run hotspot and near-repeat analyses here.',
  },
  {
    id: 'profile',
    title: 'Profile',
    empty: 'Run an analysis first; then build problem profiles and JAG slides here.',
  },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export interface PanelSpec {
  /** Unique, kebab-case: 'import', 'kde', 'jag-slides'. */
  id: string;
  tab: TabId;
  title: string;
  /** Lower first; the shell's own sections use 0–9. Default 100. */
  order?: number;
  /** Fills `el` (the section's element) and subscribes to what it follows; returns the dispose. */
  // biome-ignore lint/suspicious/noConfusingVoidType: sections that subscribe to nothing return nothing
  render(el: HTMLElement, app: AppContext): Dispose | void;
}

/** Releases what a section subscribed to. */
export type Dispose = () => void;

/** The unsubscribes a section collects, released together when it is disposed. */
export class Subscriptions {
  private readonly offs: (() => unknown)[] = [];

  add(off: () => unknown): void {
    this.offs.push(off);
  }

  release(): void {
    for (const off of this.offs.splice(0)) off();
  }
}

const registry: PanelSpec[] = [];

export function registerPanel(panel: PanelSpec): void {
  if (registry.some((p) => p.id === panel.id))
    throw new RangeError(`panel id '${panel.id}' is already registered`);
  registry.push(panel);
}

/** The registered sections of `tab`, in display order. */
export function panelsOf(tab: TabId): PanelSpec[] {
  return registry
    .map((panel, index) => ({ panel, index }))
    .filter(({ panel }) => panel.tab === tab)
    .sort((a, b) => (a.panel.order ?? 100) - (b.panel.order ?? 100) || a.index - b.index)
    .map(({ panel }) => panel);
}
