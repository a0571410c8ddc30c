/**
 * Point tiles for the records layer at street zoom (geometry in records-tiles.ts): each tile's points
 * are drawn once into a texture, and every later frame at the same zoom draws the textures, so a pan
 * costs a textured quad per tile plus the points of the tiles it brings into view.
 *
 * The cache holds the tiles of one tile set (the layer's data generation, the zoom and the pixel
 * ratio they were drawn for) and empties itself when asked for another. It keeps at most TEXTURE_BUDGET_BYTES of textures (and
 * never fewer than the tiles in view), dropping those least recently drawn. Textures hold
 * premultiplied colour, cleared to transparent, so drawing one with MapLibre's ONE,
 * ONE_MINUS_SRC_ALPHA blending gives what drawing its points over the map gives.
 */

import type { AnchorTile } from './records-geometry.js';
import { ATTRIBUTE, type GlProgram, linkProgram, TEXTURE_FS, TILE_VS } from './records-gl-programs.js';
import { TILE_VERTEX_FLOATS, tileQuad } from './records-tiles.js';

/** About 64 tiles of 512² device pixels. */
const TEXTURE_BUDGET_BYTES = 64 * 2 ** 20;

/** What a set of tiles was drawn from and for, and its tiles' level, margin and texture size. */
export interface TileSet {
  generation: number;
  zoom: number;
  pixelRatio: number;
  level: number;
  /** The margin around each tile, as a fraction of the tile (records-tiles.ts). */
  margin: number;
  /** Side of each texture (tile and margins) in device pixels. */
  sizePx: number;
}

interface Tile {
  x: number;
  y: number;
  texture: WebGLTexture;
  lastUsed: number;
}

export class PointTileCache {
  private set: TileSet | null = null;
  private readonly tiles = new Map<string, Tile>();
  private framebuffer: WebGLFramebuffer | null = null;
  private program: GlProgram | null = null;
  private quads: WebGLBuffer | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private frame = 0;

  onAdd(gl: WebGL2RenderingContext): void {
    this.tiles.clear();
    this.set = null;
    this.program = linkProgram(gl, TILE_VS, TEXTURE_FS, ['u_matrix', 'u_texture']);
    this.framebuffer = gl.createFramebuffer();
    this.quads = gl.createBuffer();
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.quads);
    const stride = TILE_VERTEX_FLOATS * 4;
    gl.enableVertexAttribArray(ATTRIBUTE.pos);
    gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, stride, 0);
    gl.enableVertexAttribArray(ATTRIBUTE.uv);
    gl.vertexAttribPointer(ATTRIBUTE.uv, 2, gl.FLOAT, false, stride, 8);
    gl.bindVertexArray(null);
  }

  onRemove(gl: WebGL2RenderingContext): void {
    this.clear(gl);
    gl.deleteFramebuffer(this.framebuffer);
    gl.deleteBuffer(this.quads);
    gl.deleteVertexArray(this.vao);
    if (this.program !== null) gl.deleteProgram(this.program.program);
    this.program = null;
  }

  /** The set of the tiles held, or null when none are. */
  get held(): TileSet | null {
    return this.tiles.size === 0 ? null : this.set;
  }

  /**
   * Makes sure each of `tiles` (x, y of the set's level) has a texture of `set`, drawing the missing
   * ones with `drawTile(x, y)` into a bound, cleared framebuffer of the texture's size. Returns how
   * many it drew.
   */
  prepare(
    gl: WebGL2RenderingContext,
    set: TileSet,
    tiles: readonly [number, number][],
    drawTile: (x: number, y: number) => void,
  ): number {
    if (this.set === null || !sameSet(set, this.set)) {
      this.clear(gl);
      this.set = set;
    }
    const { level, sizePx } = set;
    this.frame++;
    let drawn = 0;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.viewport(0, 0, sizePx, sizePx);
    gl.clearColor(0, 0, 0, 0);
    for (const [x, y] of tiles) {
      const id = `${level}/${x}/${y}`;
      const held = this.tiles.get(id);
      if (held !== undefined) {
        held.lastUsed = this.frame;
        continue;
      }
      const texture = emptyTexture(gl, sizePx);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      drawTile(x, y);
      this.tiles.set(id, { x, y, texture, lastUsed: this.frame });
      drawn++;
    }
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.evict(gl, Math.max(tiles.length, Math.floor(TEXTURE_BUDGET_BYTES / (sizePx * sizePx * 4))));
    return drawn;
  }

  /**
   * Draws the held textures of `tiles` (all held tiles when null) with the map's `matrix`
   * (anchor-tile units to clip space), sampled NEAREST when `pixelAligned` (at the zoom they were
   * drawn for, no rotation or pitch: one texel per device pixel) and LINEAR otherwise. Returns how
   * many it drew.
   */
  draw(
    gl: WebGL2RenderingContext,
    matrix: Float32Array | number[],
    anchor: AnchorTile,
    tiles: readonly [number, number][] | null,
    pixelAligned: boolean,
  ): number {
    if (this.program === null || this.set === null) return 0;
    const { level, margin } = this.set;
    const held = (tiles ?? [...this.tiles.values()].map(({ x, y }): [number, number] => [x, y])).filter(
      ([x, y]) => this.tiles.has(`${level}/${x}/${y}`),
    );
    const vertices = new Float32Array(held.length * 6 * TILE_VERTEX_FLOATS);
    held.forEach(([x, y], k) => {
      vertices.set(tileQuad(anchor, level, x, y, margin), k * 6 * TILE_VERTEX_FLOATS);
    });
    const { program, loc } = this.program;
    gl.useProgram(program);
    gl.uniformMatrix4fv(loc['u_matrix']!, false, matrix);
    gl.uniform1i(loc['u_texture']!, 0);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.quads);
    gl.bufferData(gl.ARRAY_BUFFER, vertices, gl.STREAM_DRAW);
    const filter = pixelAligned ? gl.NEAREST : gl.LINEAR;
    held.forEach(([x, y], k) => {
      gl.bindTexture(gl.TEXTURE_2D, this.tiles.get(`${level}/${x}/${y}`)!.texture);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
      gl.drawArrays(gl.TRIANGLES, k * 6, 6);
    });
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.bindVertexArray(null);
    return held.length;
  }

  /** Drops every texture (the data, zoom or pixel ratio changed, or the layer left the map). */
  clear(gl: WebGL2RenderingContext): void {
    for (const tile of this.tiles.values()) gl.deleteTexture(tile.texture);
    this.tiles.clear();
    this.set = null;
  }

  private evict(gl: WebGL2RenderingContext, keep: number): void {
    if (this.tiles.size <= keep) return;
    const oldest = [...this.tiles.entries()].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [id, tile] of oldest.slice(0, this.tiles.size - keep)) {
      gl.deleteTexture(tile.texture);
      this.tiles.delete(id);
    }
  }
}

function sameSet(a: TileSet, b: TileSet): boolean {
  return a.generation === b.generation && a.zoom === b.zoom && a.pixelRatio === b.pixelRatio;
}

function emptyTexture(gl: WebGL2RenderingContext, sizePx: number): WebGLTexture {
  const texture = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, sizePx, sizePx, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return texture;
}
