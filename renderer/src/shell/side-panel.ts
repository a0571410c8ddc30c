/**
 * The side panel: a WAI-ARIA tab list (Data, Filter, Analysis, Profile; arrow keys, Home and End
 * move between tabs) whose tab panels hold the sections features registered (panels.ts). A tab
 * without sections explains what the analyst has to do first.
 */
import type { AppContext } from './app-context.js';
import { h } from './dom.js';
import { panelsOf, TABS, type TabId } from './panels.js';

export interface SidePanel {
  element: HTMLElement;
  select(tab: TabId): void;
  /** Disposes every section (their workspace and project subscriptions). */
  dispose(): void;
}

export function createSidePanel(app: AppContext): SidePanel {
  const tabList = h('div', { class: 'tab-list', role: 'tablist', 'aria-label': 'Workflow' });
  const element = h('aside', { class: 'side-panel', 'aria-label': 'Tools' }, tabList);
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const disposers: (() => void)[] = [];

  for (const tab of TABS) {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `tabpanel-${tab.id}`,
        class: 'tab',
      },
      tab.title,
    );
    const panel = h('div', {
      role: 'tabpanel',
      id: `tabpanel-${tab.id}`,
      'aria-labelledby': `tab-${tab.id}`,
      class: 'tab-panel',
    });
    const sections = panelsOf(tab.id);
    if (sections.length === 0) panel.append(h('p', { class: 'empty-state' }, tab.empty));
    for (const spec of sections) {
      const body = h('div', { class: 'section-body' });
      panel.append(
        h(
          'section',
          { class: 'section', 'data-panel': spec.id, 'aria-labelledby': `section-${spec.id}` },
          h('h2', { class: 'section-title', id: `section-${spec.id}` }, spec.title),
          body,
        ),
      );
      try {
        const dispose = spec.render(body, app);
        if (dispose) disposers.push(dispose);
      } catch (error) {
        app.notifyError(error, `The ${spec.title} panel failed to start`);
      }
    }
    button.addEventListener('click', () => select(tab.id));
    tabs.push(button);
    panels.push(panel);
    tabList.append(button);
    element.append(panel);
  }

  tabList.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (current + 1) % tabs.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (current - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    select(TABS[next].id);
    tabs[next].focus();
  });

  function select(id: TabId): void {
    TABS.forEach((tab, i) => {
      const selected = tab.id === id;
      tabs[i].setAttribute('aria-selected', String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
  }
  select('data');
  const dispose = () => {
    for (const release of disposers.splice(0)) release();
  };
  return { element, select, dispose };
}
