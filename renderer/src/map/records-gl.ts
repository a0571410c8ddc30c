/**
 * The records on the map as one MapLibre custom layer drawn straight from typed arrays: a filter
 * change is an upload of the selected rows (an index buffer into the snapshot's positions) and the
 * clusters of the current zoom, then one frame. No GeoJSON, no worker, no tile reload and no symbol
 * layout (issue 11, Performance: these took ~500 ms and four or five software-WebGL frames per
 * change at 200,000 points).
 *
 * What it draws, bottom to top:
 *   clusters  discs sized by count (clusterRadiusPx), fill at 0.6 opacity, 1 px white ring
 *   points    the snapshot rows given by setScene, each in its row colour, 0.9 opacity, 0.6 px ring
 *   counts    each cluster's count (abbreviated as MapLibre wrote them) in a dark face with a white
 *             halo, from a glyph atlas drawn once with the local sans-serif font
 * Discs are GL points shaded in the fragment shader (antialiased over one device pixel). Positions
 * are in the units of one zoom-14 tile (records-geometry.ts) with that tile's matrix.
 *
 * The layer holds data and uploads it on the next frame; `drawnKey` is the key of the data the last
 * frame drew (the bench's sign that a selection is on screen). Buffers are in records-gl-buffers.ts.
 *
 * At street zoom (every selected point on its own) the scene's rows come in cell order:
 *   - a frame after a change (filter, colours, zoom) draws only the points of the cells in view
 *     (records-cells.ts), one draw call per run;
 *   - a frame with the same data and zoom as the last (a pan) draws point tiles, each drawn once
 *     into a texture (records-tiles.ts, records-tile-cache.ts): a pan costs a quad per tile;
 *   - a frame during a zoom draws the held tiles scaled, and the view is drawn afresh when it stops.
 * Software WebGL spent ~1 µs per point in the vertex stage and as much again in fragments, so
 * panning 60,000 points in view ran at 3–4 frames a second; with tiles a pan runs as fast as the
 * basemap alone (bench/map-filter.bench.ts).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { fromMercator, toMercator, WORLD_PX_AT_Z0 } from './point-clusters.js';
import { type CellGrid, runsInBox } from './records-cells.js';
import { type AnchorTile, type GlyphSet, pointRadiusPx, TILE_EXTENT } from './records-geometry.js';
import { RecordsBuffers } from './records-gl-buffers.js';
import {
  ATTRIBUTE,
  CIRCLE_FS,
  CIRCLE_VS,
  type GlProgram,
  LABEL_VS,
  linkProgram,
  makeAtlas,
  TEXTURE_FS,
} from './records-gl-programs.js';
import { PointTileCache } from './records-tile-cache.js';
import { tileBox, tileClipMatrix, tileLevel, tileSizePx, tilesInBox } from './records-tiles.js';

export interface RecordsScene {
  /** Rows drawn as single points (indices into the snapshot's positions). */
  rows: Uint32Array;
  /**
   * When set, `rows` are in cell order with these keys (records-cells.ts) and each frame draws only
   * the runs of cells in view (street zoom).
   */
  cells?: { grid: CellGrid; keys: Uint32Array };
  /** Clusters: positions in anchor-tile units (x, y interleaved), radius in CSS px, count label. */
  clusters: { xy: Float32Array; radiusPx: Float32Array; labels: string[] };
  /** Identifies what this scene shows (the drawn selection and zoom). */
  key: object;
}

const CLUSTER_RGBA: [number, number, number] = [0x4a / 255, 0x7f / 255, 0xb0 / 255];
const CLUSTER_OPACITY = 0.6;
const POINT_OPACITY = 0.9;

export class RecordsGlLayer implements CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  /** The key of the scene the last frame drew. */
  drawnKey: object | null = null;

  private map: MapLibreMap | null = null;
  private circle: GlProgram | null = null;
  private label: GlProgram | null = null;
  private atlas: { texture: WebGLTexture; font: GlyphSet; ratio: number } | null = null;
  private readonly buffers = new RecordsBuffers();

  private anchor: AnchorTile = { x: 0, y: 0, z: 0 };
  private positions: Float32Array | null = null;
  private colours: Uint8Array | null = null;
  private scene: RecordsScene | null = null;
  private dirty = { positions: false, colours: false, scene: false };
  private counts = { rows: 0, clusters: 0, labelVertices: 0 };
  /** The cell keys of the uploaded rows, when they are in cell order. */
  private rowCells: RecordsScene['cells'] | undefined;
  /** Single points the last frame drew one by one (all rows, or those in the cells in view). */
  private pointsDrawn = 0;
  /** Point tiles the last frame drew instead. */
  private tilesDrawn = 0;
  /**
   * Street-zoom points through the tile cache during pans (records-tile-cache.ts); false draws them
   * one by one every frame (the e2e test compares the two).
   */
  useTiles = true;
  private readonly tileCache = new PointTileCache();
  /** Counts the uploads of data, so a tile knows what it was drawn from. */
  private generation = 0;
  /** The data, zoom and pixel ratio of the last frame; a frame with the same key is a pan. */
  private frameKey = '';
  /**
   * The tiles this frame draws instead of its points (null for every held tile, scaled during a
   * zoom), or null to draw the points.
   */
  private tiled: { tiles: [number, number][] | null; exact: boolean } | null = null;

  constructor(readonly id: string) {}

  /** The snapshot's positions in anchor-tile units (x, y per row) and the tile they are relative to. */
  setPositions(anchor: AnchorTile, xy: Float32Array): void {
    this.anchor = anchor;
    this.positions = xy;
    this.dirty.positions = true;
    this.map?.triggerRepaint();
  }

  /** Each snapshot row's colour, RGBA bytes (not premultiplied). */
  setColours(rgba: Uint8Array): void {
    this.colours = rgba;
    this.dirty.colours = true;
    this.map?.triggerRepaint();
  }

  setScene(scene: RecordsScene): void {
    this.scene = scene;
    this.dirty.scene = true;
    this.map?.triggerRepaint();
  }

  /**
   * What the last uploaded scene holds: cluster counts and single points (for tests), and how many
   * of those points the last frame drew.
   */
  shown(): { clusters: string[]; points: number; pointsDrawn: number; tiles: number } {
    return {
      clusters: [...(this.scene?.clusters.labels ?? [])],
      points: this.scene?.rows.length ?? 0,
      pointsDrawn: this.pointsDrawn,
      tiles: this.tilesDrawn,
    };
  }

  /** Where each cluster of the last scene is drawn, [lon, lat] in the order of `shown().clusters`. */
  clusterPlaces(): [number, number][] {
    const xy = this.scene?.clusters.xy ?? new Float32Array(0);
    const tiles = 2 ** this.anchor.z;
    const places: [number, number][] = [];
    for (let k = 0; k < xy.length / 2; k++) {
      const mx = (this.anchor.x + xy[2 * k]! / TILE_EXTENT) / tiles;
      const my = (this.anchor.y + xy[2 * k + 1]! / TILE_EXTENT) / tiles;
      places.push(fromMercator(mx, my));
    }
    return places;
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.circle = linkProgram(gl, CIRCLE_VS, CIRCLE_FS, [
      'u_matrix',
      'u_pixel_ratio',
      'u_stroke_px',
      'u_opacity',
    ]);
    this.label = linkProgram(gl, LABEL_VS, TEXTURE_FS, [
      'u_matrix',
      'u_viewport_px',
      'u_pixel_ratio',
      'u_texture',
    ]);
    this.buffers.onAdd(gl);
    this.tileCache.onAdd(gl);
    // Everything goes to the GPU again: after a lost context this is a new one (layers.ts).
    this.atlas = null;
    this.dirty = { positions: true, colours: true, scene: true };
    this.frameKey = '';
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.buffers.onRemove(gl);
    if (this.circle !== null) gl.deleteProgram(this.circle.program);
    if (this.label !== null) gl.deleteProgram(this.label.program);
    if (this.atlas !== null) gl.deleteTexture(this.atlas.texture);
    this.tileCache.onRemove(gl);
    this.atlas = null;
    this.circle = null;
    this.label = null;
    this.map = null;
  }

  /**
   * Before the frame: uploads what changed and, at street zoom, plans how the points are drawn
   * (planPoints), drawing into textures the tiles in view that the cache lacks.
   */
  prerender(gl: WebGL2RenderingContext): void {
    if (this.circle === null || this.map === null) return;
    // Made here rather than in onAdd: MapLibre resets its record of the GL state (texture bindings,
    // unpack flags) after a custom layer's prerender and render, not after onAdd.
    const ratio = this.map.getPixelRatio();
    if (this.atlas !== null && this.atlas.ratio !== ratio) {
      gl.deleteTexture(this.atlas.texture);
      this.atlas = null;
    }
    this.atlas ??= { ...makeAtlas(gl, ratio), ratio };
    this.upload(gl);
    this.tiled = this.planPoints(gl);
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    if (this.circle === null || this.label === null || this.map === null || this.atlas === null) return;
    const matrix = options.getProjectionData({
      tileID: { canonical: { x: this.anchor.x, y: this.anchor.y, z: this.anchor.z }, wrap: 0 },
      applyGlobeMatrix: false,
    }).mainMatrix;
    const ratio = this.map.getPixelRatio();
    setBlending(gl);

    const circle = this.circle;
    if (this.counts.clusters > 0) {
      gl.useProgram(circle.program);
      gl.uniformMatrix4fv(circle.loc['u_matrix']!, false, matrix);
      gl.uniform1f(circle.loc['u_pixel_ratio']!, ratio);
      gl.bindVertexArray(this.buffers.clustersVao);
      gl.vertexAttrib4f(ATTRIBUTE.colour, ...CLUSTER_RGBA, 1);
      gl.uniform1f(circle.loc['u_stroke_px']!, 1);
      gl.uniform1f(circle.loc['u_opacity']!, CLUSTER_OPACITY);
      gl.drawArrays(gl.POINTS, 0, this.counts.clusters);
    }
    this.pointsDrawn = 0;
    this.tilesDrawn = 0;
    if (this.tiled !== null) {
      const { tiles, exact } = this.tiled;
      const aligned = exact && this.map.getBearing() === 0 && this.map.getPitch() === 0;
      this.tilesDrawn = this.tileCache.draw(gl, matrix, this.anchor, tiles, aligned);
    } else if (this.counts.rows > 0) {
      this.pointsDrawn = this.drawPoints(gl, matrix, this.runsInView());
    }
    if (this.counts.labelVertices > 0) {
      const label = this.label;
      gl.useProgram(label.program);
      gl.uniformMatrix4fv(label.loc['u_matrix']!, false, matrix);
      gl.uniform2f(label.loc['u_viewport_px']!, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.uniform1f(label.loc['u_pixel_ratio']!, ratio);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, this.atlas.texture);
      gl.uniform1i(label.loc['u_texture']!, 0);
      gl.bindVertexArray(this.buffers.labelsVao);
      gl.drawArrays(gl.TRIANGLES, 0, this.counts.labelVertices);
    }
    gl.bindVertexArray(null);
    // Hands the commands to the GPU process now rather than at the end of the task.
    gl.flush();
    this.drawnKey = this.scene?.key ?? null;
  }

  /** Draws the rows in `runs` ([start, end) pairs of the uploaded rows) as discs; how many it drew. */
  private drawPoints(gl: WebGL2RenderingContext, matrix: Float32Array | number[], runs: number[]): number {
    const circle = this.circle!;
    gl.useProgram(circle.program);
    gl.uniformMatrix4fv(circle.loc['u_matrix']!, false, matrix);
    gl.uniform1f(circle.loc['u_pixel_ratio']!, this.map!.getPixelRatio());
    gl.bindVertexArray(this.buffers.pointsVao);
    gl.vertexAttrib1f(ATTRIBUTE.radius, pointRadiusPx(this.map!.getZoom()));
    gl.uniform1f(circle.loc['u_stroke_px']!, 0.6);
    gl.uniform1f(circle.loc['u_opacity']!, POINT_OPACITY);
    let drawn = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const count = runs[r + 1]! - runs[r]!;
      gl.drawElements(gl.POINTS, count, gl.UNSIGNED_INT, runs[r]! * Uint32Array.BYTES_PER_ELEMENT);
      drawn += count;
    }
    gl.bindVertexArray(null);
    return drawn;
  }

  /**
   * How this frame draws the street-zoom points. With the same data, zoom and pixel ratio as the
   * last frame (a pan, or the frame after a change): from the tiles in view, each drawn into the
   * cache if it is not there yet. During a zoom: every held tile of the same data drawn within a
   * level of this zoom, scaled, as a desktop GIS shows its last drawing while the view moves, and a
   * repaint asked for, so the view is drawn afresh once the zoom stops. Otherwise (a filter change,
   * clusters, no tiles) null: the points are drawn one by one.
   */
  private planPoints(
    gl: WebGL2RenderingContext,
  ): { tiles: [number, number][] | null; exact: boolean } | null {
    const map = this.map!;
    const cells = this.rowCells;
    const zoom = map.getZoom();
    const ratio = map.getPixelRatio();
    const key = `${this.generation} ${zoom} ${ratio}`;
    const stable = key === this.frameKey;
    this.frameKey = key;
    if (!this.useTiles || cells === undefined || this.counts.rows === 0) return null;
    const box = this.viewBox(0);
    if (box === null) return null;
    if (!stable) {
      const held = this.tileCache.held;
      if (held === null || held.generation !== this.generation || held.pixelRatio !== ratio) return null;
      if (Math.abs(held.zoom - zoom) > 1) return null;
      map.triggerRepaint();
      return { tiles: null, exact: false };
    }
    const level = tileLevel(zoom);
    const tiles = tilesInBox(level, box);
    const pad = this.padding(zoom);
    // The texture's margin reaches as far as a disc past its centre, in whole device pixels.
    const sizePx = tileSizePx(zoom, ratio);
    const marginPx = Math.ceil(discReachPx(zoom) * ratio);
    const margin = marginPx / sizePx;
    const set = {
      generation: this.generation,
      zoom,
      pixelRatio: ratio,
      level,
      margin,
      sizePx: sizePx + 2 * marginPx,
    };
    gl.disable(gl.SCISSOR_TEST);
    setBlending(gl);
    this.tileCache.prepare(gl, set, tiles, (x, y) => {
      const [minX, minY, maxX, maxY] = tileBox(level, x, y);
      const runs = runsInBox(cells.grid, cells.keys, [minX - pad, minY - pad, maxX + pad, maxY + pad]);
      this.drawPoints(gl, tileClipMatrix(this.anchor, level, x, y, margin), runs);
    });
    return { tiles, exact: true };
  }

  /** World units a disc reaches past its centre at `zoom` (discReachPx). */
  private padding(zoom: number): number {
    return discReachPx(zoom) / (WORLD_PX_AT_Z0 * 2 ** zoom);
  }

  /** The map's view as a world box [minX, minY, maxX, maxY] widened by `pad`, or null where unknown. */
  private viewBox(pad: number): number[] | null {
    const bounds = this.map!.getBounds();
    const corners = toMercator(
      Float64Array.of(bounds.getWest(), bounds.getEast()),
      Float64Array.of(bounds.getNorth(), bounds.getSouth()),
    );
    const box = [corners.mx[0]! - pad, corners.my[0]! - pad, corners.mx[1]! + pad, corners.my[1]! + pad];
    return box.some(Number.isNaN) ? null : box;
  }

  /**
   * The ranges [start, end) of the uploaded rows to draw: all of them, or with cell order the cells
   * the view meets, widened by a disc's reach so a disc whose centre is just off screen still shows.
   */
  private runsInView(): number[] {
    const all = [0, this.counts.rows];
    if (this.rowCells === undefined || this.map === null) return all;
    const box = this.viewBox(this.padding(this.map.getZoom()));
    return box === null ? all : runsInBox(this.rowCells.grid, this.rowCells.keys, box);
  }

  /** Sends what changed since the last frame to the GPU. */
  private upload(gl: WebGL2RenderingContext): void {
    const { dirty } = this;
    if (!dirty.positions && !dirty.colours && !dirty.scene) return;
    if ((dirty.positions || dirty.colours) && this.positions !== null && this.colours !== null)
      this.buffers.uploadPoints(
        gl,
        dirty.positions ? this.positions : null,
        dirty.colours ? this.colours : null,
      );
    if (dirty.scene && this.scene !== null && this.atlas !== null) {
      this.counts = this.buffers.uploadScene(gl, this.scene, this.atlas.font);
      this.rowCells = this.scene.cells;
    }
    if (this.positions === null || this.colours === null) this.counts.rows = 0;
    this.generation++;
    this.dirty = { positions: false, colours: false, scene: false };
  }
}

/** CSS px a point's disc reaches past its centre at `zoom`: radius, ring (0.6 px) and antialiasing. */
function discReachPx(zoom: number): number {
  return pointRadiusPx(zoom) + 2;
}

/** Premultiplied "over" blending (MapLibre's for custom layers), no depth or stencil. */
function setBlending(gl: WebGL2RenderingContext): void {
  gl.disable(gl.DEPTH_TEST);
  gl.disable(gl.STENCIL_TEST);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
}
