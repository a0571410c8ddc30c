/**
 * The analyst's map layers, added by features without touching the map set-up. A layer group is one
 * source and the style layers that draw it; groups stack by `order` (higher draws on top), then by
 * when they were added. Setting a group again replaces its data and layers in place.
 *
 *   app.layers.set('hotspots', {
 *     order: LAYER_ORDER.hotspots,
 *     source: { type: 'geojson', data: polygons },
 *     layers: [{ id: 'hotspots-fill', type: 'fill', source: 'hotspots', paint: { 'fill-color': '#c0392b' } }],
 *   });
 *
 * Text needs no glyph files: the style has no glyphs URL (nothing may be fetched) and MapLibre then
 * draws text with a local font (`'text-font': ['sans-serif']`).
 */
import type {
  CustomLayerInterface,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';

/** Conventional stacking of the app's own layer kinds. */
export const LAYER_ORDER = {
  reference: 0,
  /** The basemap (basemap.ts): over the land outline, under every analysis layer. */
  basemap: 5,
  boundaries: 10,
  density: 20,
  hotspots: 30,
  riskZones: 35,
  points: 40,
  /** Hotspot numbers, over the points so a number is never under a cluster. */
  hotspotLabels: 45,
  selection: 50,
} as const;

export interface LayerGroup {
  order: number;
  /** Null for a group of custom layers only (they draw their own data). */
  source: SourceSpecification | null;
  /** Each style layer's `source` must be the group's id. */
  layers: (LayerSpecification | CustomLayerInterface)[];
}

export class MapLayers {
  private readonly groups = new Map<string, LayerGroup & { seq: number }>();
  private seq = 0;
  constructor(private readonly map: MapLibreMap) {
    map.on('webglcontextrestored', () => this.whenReady(() => this.restoreCustomLayers()));
  }

  ids(): string[] {
    return [...this.groups.keys()];
  }

  has(id: string): boolean {
    return this.groups.has(id);
  }

  set(id: string, group: LayerGroup): void {
    for (const layer of group.layers) {
      if (layer.type === 'custom') continue;
      if (!('source' in layer) || layer.source !== id) {
        throw new RangeError(
          `layer '${layer.id}' must use source '${id}' (its group), got '${'source' in layer ? String(layer.source) : 'none'}'`,
        );
      }
    }
    const previous = this.groups.get(id);
    this.remove(id);
    this.groups.set(id, { ...group, seq: previous?.seq ?? this.seq++ });
    this.whenReady(() => {
      if (!this.groups.has(id)) return;
      const beforeId = this.firstLayerAbove(id);
      if (group.source !== null) this.map.addSource(id, group.source);
      for (const layer of group.layers) this.map.addLayer(layer, beforeId);
    });
  }

  remove(id: string): void {
    const group = this.groups.get(id);
    if (group === undefined) return;
    this.groups.delete(id);
    this.whenReady(() => {
      for (const layer of group.layers) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
      if (this.map.getSource(id)) this.map.removeSource(id);
    });
  }

  /** The first style layer of the nearest group that stacks above `id`, for addLayer's beforeId. */
  private firstLayerAbove(id: string): string | undefined {
    const self = this.groups.get(id)!;
    const above = [...this.groups.entries()]
      .filter(
        ([other, g]) =>
          other !== id && (g.order > self.order || (g.order === self.order && g.seq > self.seq)),
      )
      .sort(([, a], [, b]) => a.order - b.order || a.seq - b.seq);
    for (const [, group] of above) {
      const layer = group.layers.find((l) => this.map.getLayer(l.id));
      if (layer) return layer.id;
    }
    return undefined;
  }

  /**
   * Runs `action` now if the style has loaded, else when it has. Not `map.isStyleLoaded()`: that is
   * false again whenever any source is still loading (a large GeoJSON in the worker). After a lost
   * WebGL context MapLibre has no style until it rebuilds one from its snapshot ('style.load').
   */
  private whenReady(action: () => void): void {
    if (this.map.style?._loaded === true) action();
    else this.map.once('style.load', action);
  }

  /**
   * After a lost WebGL context MapLibre rebuilds the style from a snapshot without custom layers
   * (they held GL objects of the lost context). Each group's custom layers go back in their place;
   * their onAdd makes new GL objects from the data they keep.
   */
  private restoreCustomLayers(): void {
    for (const [id, group] of this.groups) {
      for (const layer of group.layers) {
        if (layer.type === 'custom' && this.map.getLayer(layer.id) === undefined)
          this.map.addLayer(layer, this.firstLayerAbove(id));
      }
    }
  }
}
