/**
 * The map legend: an HTML box over the map's lower right corner with one entry per analyst layer
 * (records, area-only counts, density surface with its unit, hotspots, chains, boundaries, reference
 * lines). Layers set and clear their own entry; the box hides itself when it has none.
 */
import { h, replaceChildren } from '../shell/dom.js';

const ORDER = ['records', 'choropleth', 'density', 'hotspots', 'chains', 'boundaries', 'lines'] as const;
export type LegendEntry = (typeof ORDER)[number];

export class Legend {
  readonly element: HTMLElement;
  private readonly entries = new Map<LegendEntry, HTMLElement>();
  private readonly body: HTMLElement;

  constructor(container: HTMLElement) {
    this.body = h('div', { class: 'legend-body' });
    this.element = h(
      'section',
      { class: 'map-legend', 'aria-label': 'Map legend', 'data-testid': 'map-legend', hidden: true },
      h('h2', { class: 'legend-title' }, 'Legend'),
      this.body,
    );
    container.append(this.element);
  }

  set(entry: LegendEntry, content: HTMLElement | null): void {
    if (content === null) this.entries.delete(entry);
    else this.entries.set(entry, content);
    replaceChildren(this.body, ...ORDER.map((key) => this.entries.get(key) ?? null));
    this.element.hidden = this.entries.size === 0;
  }

  dispose(): void {
    this.entries.clear();
    this.element.remove();
  }
}

/** A legend row: a swatch element and a label. */
export function legendRow(swatch: HTMLElement, label: string, detail?: string): HTMLElement {
  return h(
    'div',
    { class: 'legend-row' },
    swatch,
    h(
      'span',
      { class: 'legend-label' },
      label,
      detail ? h('span', { class: 'legend-detail' }, detail) : null,
    ),
  );
}

export function swatch(
  kind: 'dot' | 'cluster' | 'line' | 'area',
  colour: string,
  border?: string,
): HTMLElement {
  const element = h('span', { class: `legend-swatch legend-${kind}`, 'aria-hidden': 'true' });
  if (kind === 'line') element.style.borderTopColor = colour;
  else element.style.background = colour;
  if (border) element.style.borderColor = border;
  return element;
}

/** What a density legend must state (DESIGN.md §4): the unit, the threshold rule and its cells, the test. */
export interface KdeLegendFacts {
  unit: string;
  thresholds: readonly { label: string }[];
  surfaceStats: { cells: 'study-area' | 'non-zero' };
  support: { rule: string };
}

/**
 * The legend's words for a hotspot run, e.g. "Unit: events per km²", "Classes over all cells of the
 * study area: 1 × mean, 2 × mean, 3 × mean", "Hotspots: ≥ 5 events and p < 0.05 against complete
 * spatial randomness, 99 simulations".
 */
export function kdeLegendLines(kde: KdeLegendFacts): string[] {
  const cells =
    kde.surfaceStats.cells === 'non-zero'
      ? 'the non-zero cells of the study area'
      : 'all cells of the study area';
  return [
    `Unit: ${kde.unit}`,
    `Classes over ${cells}: ${kde.thresholds.map((t) => t.label).join(', ')}`,
    `Hotspots: ${kde.support.rule}`,
  ];
}
