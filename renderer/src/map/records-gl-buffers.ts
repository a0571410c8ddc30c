/**
 * The records layer's GPU buffers and vertex arrays (records-gl.ts): the snapshot's positions and
 * colours (once per snapshot; colours again when the colouring changes) and, per scene, the rows
 * drawn as points (an index buffer), the clusters and their count labels.
 */

import { countLabelQuads, type GlyphSet, LABEL_VERTEX_FLOATS } from './records-geometry.js';
import type { RecordsScene } from './records-gl.js';
import { ATTRIBUTE } from './records-gl-programs.js';

export class RecordsBuffers {
  pointsVao: WebGLVertexArrayObject | null = null;
  clustersVao: WebGLVertexArrayObject | null = null;
  labelsVao: WebGLVertexArrayObject | null = null;
  private readonly buffers: Record<
    'positions' | 'colours' | 'rows' | 'clusters' | 'labels',
    WebGLBuffer | null
  > = { positions: null, colours: null, rows: null, clusters: null, labels: null };

  onAdd(gl: WebGL2RenderingContext): void {
    for (const name of Object.keys(this.buffers) as (keyof typeof this.buffers)[])
      this.buffers[name] = gl.createBuffer();
    this.pointsVao = gl.createVertexArray();
    this.clustersVao = gl.createVertexArray();
    this.labelsVao = gl.createVertexArray();
  }

  onRemove(gl: WebGL2RenderingContext): void {
    for (const buffer of Object.values(this.buffers)) gl.deleteBuffer(buffer);
    for (const vao of [this.pointsVao, this.clustersVao, this.labelsVao]) gl.deleteVertexArray(vao);
  }

  /** Each snapshot row's position (anchor-tile units, x, y) and colour (RGBA bytes); either may be null to keep the one held. */
  uploadPoints(gl: WebGL2RenderingContext, positions: Float32Array | null, colours: Uint8Array | null): void {
    if (positions !== null) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.positions);
      gl.bufferData(gl.ARRAY_BUFFER, positions, gl.STATIC_DRAW);
    }
    if (colours !== null) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.colours);
      gl.bufferData(gl.ARRAY_BUFFER, colours, gl.STATIC_DRAW);
    }
    gl.bindVertexArray(this.pointsVao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.positions);
    gl.enableVertexAttribArray(ATTRIBUTE.pos);
    gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.colours);
    gl.enableVertexAttribArray(ATTRIBUTE.colour);
    gl.vertexAttribPointer(ATTRIBUTE.colour, 4, gl.UNSIGNED_BYTE, true, 0, 0);
    gl.disableVertexAttribArray(ATTRIBUTE.radius);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.buffers.rows);
    gl.bindVertexArray(null);
  }

  /** The scene's rows, clusters and count labels (in `font`); how many of each it holds. */
  uploadScene(
    gl: WebGL2RenderingContext,
    scene: RecordsScene,
    font: GlyphSet,
  ): { rows: number; clusters: number; labelVertices: number } {
    gl.bindVertexArray(this.pointsVao);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.buffers.rows);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, scene.rows, gl.DYNAMIC_DRAW);
    gl.bindVertexArray(null);

    const n = scene.clusters.radiusPx.length;
    const interleaved = new Float32Array(n * 3);
    for (let k = 0; k < n; k++) {
      interleaved[3 * k] = scene.clusters.xy[2 * k]!;
      interleaved[3 * k + 1] = scene.clusters.xy[2 * k + 1]!;
      interleaved[3 * k + 2] = scene.clusters.radiusPx[k]!;
    }
    gl.bindVertexArray(this.clustersVao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.clusters);
    gl.bufferData(gl.ARRAY_BUFFER, interleaved, gl.DYNAMIC_DRAW);
    gl.enableVertexAttribArray(ATTRIBUTE.pos);
    gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, 12, 0);
    gl.enableVertexAttribArray(ATTRIBUTE.radius);
    gl.vertexAttribPointer(ATTRIBUTE.radius, 1, gl.FLOAT, false, 12, 8);
    gl.disableVertexAttribArray(ATTRIBUTE.colour);

    const quads = countLabelQuads(scene.clusters.xy, scene.clusters.labels, font);
    const stride = LABEL_VERTEX_FLOATS * 4;
    gl.bindVertexArray(this.labelsVao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.labels);
    gl.bufferData(gl.ARRAY_BUFFER, quads, gl.DYNAMIC_DRAW);
    gl.enableVertexAttribArray(ATTRIBUTE.pos);
    gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, stride, 0);
    gl.enableVertexAttribArray(ATTRIBUTE.offset);
    gl.vertexAttribPointer(ATTRIBUTE.offset, 2, gl.FLOAT, false, stride, 8);
    gl.enableVertexAttribArray(ATTRIBUTE.uv);
    gl.vertexAttribPointer(ATTRIBUTE.uv, 2, gl.FLOAT, false, stride, 16);
    gl.bindVertexArray(null);
    return { rows: scene.rows.length, clusters: n, labelVertices: quads.length / LABEL_VERTEX_FLOATS };
  }
}
