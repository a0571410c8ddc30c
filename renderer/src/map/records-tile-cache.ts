/**
 * Point tiles for the records layer at street zoom (geometry in records-tiles.ts): each tile's points
 * are drawn once into a texture, and every later frame at the same zoom draws the textures, so a pan
 * costs a textured quad per tile plus the points of the tiles it brings into view.
 *
 * The cache holds the tiles of one key (the layer's data generation, the zoom and the pixel ratio)
 * and empties itself when the key changes. It keeps at most TEXTURE_BUDGET_BYTES of textures (and
 * never fewer than the tiles in view), dropping those least recently drawn. Textures hold
 * premultiplied colour, cleared to transparent, so drawing one with MapLibre's ONE,
 * ONE_MINUS_SRC_ALPHA blending gives what drawing its points over the map gives.
 */

import type { AnchorTile } from './records-geometry.js';
import { ATTRIBUTE, type GlProgram, linkProgram, TILE_FS, TILE_VS } from './records-gl-programs.js';
import { TILE_VERTEX_FLOATS, tileQuad } from './records-tiles.js';

/** About 64 tiles of 512² device pixels. */
const TEXTURE_BUDGET_BYTES = 64 * 2 ** 20;

interface Tile {
  texture: WebGLTexture;
  lastUsed: number;
}

export class PointTileCache {
  private key = '';
  private readonly tiles = new Map<string, Tile>();
  private framebuffer: WebGLFramebuffer | null = null;
  private program: GlProgram | null = null;
  private quads: WebGLBuffer | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private frame = 0;

  onAdd(gl: WebGL2RenderingContext): void {
    this.tiles.clear();
    this.key = '';
    this.program = linkProgram(gl, TILE_VS, TILE_FS, ['u_matrix', 'u_tile']);
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

  /** Tiles held (for tests and the bench). */
  get size(): number {
    return this.tiles.size;
  }

  /**
   * Makes sure each of `tiles` (x, y of `level`) has a texture of `sizePx`² (tile and margin) for
   * `key`, drawing the missing ones with `drawTile(x, y)` into a bound, cleared framebuffer with the
   * viewport set. Returns how many it drew.
   */
  prepare(
    gl: WebGL2RenderingContext,
    key: string,
    level: number,
    sizePx: number,
    tiles: readonly [number, number][],
    drawTile: (x: number, y: number) => void,
  ): number {
    if (key !== this.key) {
      this.clear(gl);
      this.key = key;
    }
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
      this.tiles.set(id, { texture, lastUsed: this.frame });
      drawn++;
    }
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.evict(gl, Math.max(tiles.length, Math.floor(TEXTURE_BUDGET_BYTES / (sizePx * sizePx * 4))));
    return drawn;
  }

  /**
   * Draws the held textures of `tiles` (with margin `margin`, records-tiles.ts) with the map's
   * `matrix` (anchor-tile units to clip space), sampled NEAREST when `pixelAligned` (no rotation or
   * pitch: one texel per device pixel) and LINEAR otherwise.
   */
  draw(
    gl: WebGL2RenderingContext,
    matrix: Float32Array | number[],
    anchor: AnchorTile,
    level: number,
    tiles: readonly [number, number][],
    margin: number,
    pixelAligned: boolean,
  ): void {
    if (this.program === null) return;
    const held = tiles.filter(([x, y]) => this.tiles.has(`${level}/${x}/${y}`));
    const vertices = new Float32Array(held.length * 6 * TILE_VERTEX_FLOATS);
    held.forEach(([x, y], k) => {
      vertices.set(tileQuad(anchor, level, x, y, margin), k * 6 * TILE_VERTEX_FLOATS);
    });
    const { program, loc } = this.program;
    gl.useProgram(program);
    gl.uniformMatrix4fv(loc['u_matrix']!, false, matrix);
    gl.uniform1i(loc['u_tile']!, 0);
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
  }

  /** Drops every texture (the data, zoom or pixel ratio changed, or the layer left the map). */
  clear(gl: WebGL2RenderingContext): void {
    for (const tile of this.tiles.values()) gl.deleteTexture(tile.texture);
    this.tiles.clear();
    this.key = '';
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
