/**
 * Area-only data (records with an area code and no point, e.g. hospital admissions by outward
 * postcode) as a choropleth: the selected area-only records counted per area of the boundary layer
 * whose codes match them best (engine: query/area-choropleth.ts), filled by class (choropleth-classes.ts)
 * with each area's count written on it. The legend names the data and the layer, gives the classes,
 * and states the caveats (counts are not rates; codes that match no area are not drawn). Where the
 * layer has a population column (engine: boundaries/area-denominator.ts) the legend offers counts or
 * records per 1,000 residents and says which it shows.
 */
import type { FeatureCollection } from 'geojson';
import type { BoundaryGeoJson } from '../../../shared/api/import-api.js';
import type { AreaChoropleth } from '../../../shared/api/map-api.js';
import type { FilteredRecords } from '../panels/workspace.js';
import { h } from '../shell/dom.js';
import {
  choroplethClasses,
  choroplethColour,
  rateClasses,
  ratePerThousand,
  ZERO_COLOUR,
} from './choropleth-classes.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';

const OUTLINE = '#3b4a57';

export function connectChoroplethLayer(ctx: MapContext): Dispose {
  const { app, ws, layers, legend } = ctx;
  let request = 0;
  let mode: ChoroplethMode = 'count';
  let drawn: { choropleth: AreaChoropleth; geo: BoundaryGeoJson } | null = null;

  const clear = () => {
    drawn = null;
    layers.remove('choropleth');
    legend.set('choropleth', null);
  };

  const draw = async (records: FilteredRecords | null) => {
    const mine = ++request;
    if (records === null || records.summary.areaOnly === 0) return clear();
    let choropleth: AreaChoropleth | null;
    try {
      choropleth = await app.api.areaChoropleth({ filter: records.filter });
    } catch (error) {
      if (mine === request) app.notifyError(error, 'Could not count the area-only records by area');
      return;
    }
    if (mine !== request) return;
    if (choropleth === null) {
      drawn = null;
      layers.remove('choropleth');
      legend.set('choropleth', noMatchingLayer(records.summary.areaOnly));
      return;
    }
    const geo = await ws.boundaryGeoJson(choropleth.layerId).catch(() => null);
    if (mine !== request) return;
    if (geo === null) {
      app.notify(
        `Could not read the boundary layer “${choropleth.layerName}” to draw the area-only records.`,
        'error',
      );
      return clear();
    }
    drawn = { choropleth, geo };
    paint();
  };

  /** Fills, labels and legend of the last fetched choropleth, as counts or as rates. */
  const paint = () => {
    if (drawn === null) return;
    const { choropleth, geo } = drawn;
    const residents = choropleth.residents;
    const rates = mode === 'rate' && residents !== null;
    const valueByFeature = new Map(
      choropleth.counts.areas.map((a) => [
        a.featureId,
        rates ? ratePerThousand(a.count, residents.byFeature[a.featureId]!) : a.count,
      ]),
    );
    const classes = rates
      ? rateClasses([...valueByFeature.values()])
      : choroplethClasses([...valueByFeature.values()]);
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: geo.features.map((f) => {
        const n = valueByFeature.get(f.id) ?? 0;
        return {
          ...f,
          properties: {
            ...f.properties,
            count: n,
            label: rates ? n.toFixed(1) : String(n),
            fill: choroplethColour(n, classes),
          },
        };
      }) as FeatureCollection['features'],
    };
    layers.set('choropleth', {
      order: LAYER_ORDER.boundaries + 1,
      source: { type: 'geojson', data },
      layers: [
        {
          id: 'choropleth-fill',
          type: 'fill',
          source: 'choropleth',
          // Fainter at street zoom, so the streets and points over it stay readable.
          paint: {
            'fill-color': ['get', 'fill'],
            'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.7, 16, 0.3],
          },
        },
        {
          id: 'choropleth-outline',
          type: 'line',
          source: 'choropleth',
          paint: { 'line-color': OUTLINE, 'line-width': 0.8 },
        },
        {
          id: 'choropleth-count',
          type: 'symbol',
          source: 'choropleth',
          layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 12 },
          paint: { 'text-color': '#0b1f33', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
        },
      ],
    });
    const names = ws.datasets.filter((d) => choropleth.datasetIds.includes(d.id)).map((d) => d.name);
    const choose =
      residents === null
        ? null
        : modeChoice(residents.column, rates, (next) => {
            mode = next;
            paint();
          });
    legend.set('choropleth', choroplethLegend(choropleth, names, classes, rates, choose));
  };

  const off = ws.on('records', (records) => void draw(records));
  if (ws.records !== null) void draw(ws.records);
  return () => {
    off();
    request++;
    clear();
  };
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

type ChoroplethMode = 'count' | 'rate';

/** Counts or rates, offered only where the layer has a population column. */
function modeChoice(column: string, rates: boolean, choose: (mode: ChoroplethMode) => void): HTMLElement {
  const select = h(
    'select',
    { 'aria-label': 'Show the areas as', 'data-testid': 'choropleth-mode' },
    h('option', { value: 'count' }, 'Counts'),
    h('option', { value: 'rate' }, `Per 1,000 residents (${column})`),
  ) as HTMLSelectElement;
  select.value = rates ? 'rate' : 'count';
  select.addEventListener('change', () => choose(select.value as ChoroplethMode));
  return h('label', { class: 'legend-note' }, 'Show ', select);
}

function classLabel(c: { from: number; to: number }, rates: boolean): string {
  const text = (n: number) => (rates ? n.toFixed(1) : count(n));
  return c.from === c.to ? text(c.from) : `${text(c.from)}–${text(c.to)}`;
}

function choroplethLegend(
  choropleth: AreaChoropleth,
  datasetNames: string[],
  classes: ReturnType<typeof choroplethClasses>,
  rates: boolean,
  choose: HTMLElement | null,
): HTMLElement {
  const { counts } = choropleth;
  const what = rates ? 'records per 1,000 residents' : 'records';
  const caveat = rates
    ? `Rates per 1,000 residents (${choropleth.residents?.column} column of ${choropleth.layerName}): rates divide by the people who live there, not by those who visit or work there, so an area many people visit can show a high rate.`
    : choropleth.residents === null
      ? 'Counts, not rates: larger or busier areas have more; no population column to divide by.'
      : 'Counts, not rates: larger or busier areas have more; choose per 1,000 residents to compare areas of different size.';
  return h(
    'div',
    { 'data-testid': 'choropleth-legend' },
    h(
      'div',
      { class: 'legend-label' },
      `${datasetNames.join(', ') || 'Area-only records'}: ${what} per area of ${choropleth.layerName}`,
    ),
    choose,
    legendRow(swatch('area', ZERO_COLOUR, OUTLINE), 'None'),
    ...classes.map((c) => legendRow(swatch('area', c.colour, OUTLINE), classLabel(c, rates))),
    h('p', { class: 'legend-note' }, `${count(counts.fromCodes)} records matched an area by code. ${caveat}`),
    counts.unmatched > 0
      ? h(
          'p',
          { class: 'legend-note', 'data-testid': 'choropleth-unmatched' },
          `${count(counts.unmatched)} records have a code that matches no area of ${choropleth.layerName}: not drawn.`,
        )
      : null,
  );
}

function noMatchingLayer(areaOnly: number): HTMLElement {
  return h(
    'p',
    { class: 'legend-note', 'data-testid': 'choropleth-legend' },
    `${count(areaOnly)} area-only records cannot be drawn: no boundary layer has their area codes. Import the matching boundaries (e.g. postcode districts) in the Data tab.`,
  );
}
