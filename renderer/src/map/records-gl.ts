/**
 * The records on the map as one MapLibre custom layer drawn straight from typed arrays: a filter
 * change is an upload of the selected rows (an index buffer into the snapshot's positions) and the
 * clusters of the current zoom, then one frame. No GeoJSON, no worker, no tile reload and no symbol
 * layout (issue 11, Performance: these took ~500 ms and four or five software-WebGL frames per
 * change at 200,000 points).
 *
 * What it draws, bottom to top:
 *   clusters  discs sized by count (clusterRadiusPx), fill at 0.6 opacity, 1 px white ring
 *   points    the snapshot rows given by setRows, each in its row colour, 0.9 opacity, 0.6 px ring
 *   counts    each cluster's count (abbreviated as MapLibre wrote them) in a dark face with a white
 *             halo, from a glyph atlas drawn once with the local sans-serif font
 * Discs are GL points shaded in the fragment shader (antialiased over one device pixel). Positions
 * are in the units of one zoom-14 tile (records-geometry.ts) with that tile's matrix.
 *
 * The layer holds data and uploads it on the next frame; `drawnKey` is the key of the data the last
 * frame drew (the bench's sign that a selection is on screen).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import {
  type AnchorTile,
  countLabelQuads,
  type Glyph,
  type GlyphSet,
  LABEL_VERTEX_FLOATS,
  pointRadiusPx,
} from './records-geometry.js';

export interface RecordsScene {
  /** Rows drawn as single points (indices into the snapshot's positions). */
  rows: Uint32Array;
  /** Clusters: positions in anchor-tile units (x, y interleaved), radius in CSS px, count label. */
  clusters: { xy: Float32Array; radiusPx: Float32Array; labels: string[] };
  /** Identifies what this scene shows (the drawn selection and zoom). */
  key: object;
}

const CIRCLE_VS = `#version 300 es
uniform mat4 u_matrix;
uniform float u_pixel_ratio;
uniform float u_stroke_px;
in vec2 a_pos;
in vec4 a_colour;
in float a_radius_px;
out vec4 v_colour;
out float v_inner;
out float v_outer;
out float v_size;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  v_inner = a_radius_px * u_pixel_ratio;
  v_outer = (a_radius_px + u_stroke_px) * u_pixel_ratio;
  v_size = 2.0 * v_outer + 2.0;
  gl_PointSize = v_size;
  v_colour = a_colour;
}`;

const CIRCLE_FS = `#version 300 es
precision mediump float;
uniform float u_opacity;
in vec4 v_colour;
in float v_inner;
in float v_outer;
in float v_size;
out vec4 frag;
void main() {
  float d = length(gl_PointCoord - 0.5) * v_size;
  float edge = clamp(v_outer - d + 0.5, 0.0, 1.0);
  if (edge <= 0.0) discard;
  float inside = clamp(v_inner - d + 0.5, 0.0, 1.0);
  vec4 c = mix(vec4(1.0), vec4(v_colour.rgb, u_opacity), inside);
  frag = vec4(c.rgb * c.a, c.a) * edge;
}`;

const LABEL_VS = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_viewport_px;
uniform float u_pixel_ratio;
in vec2 a_pos;
in vec2 a_offset_px;
in vec2 a_uv;
out vec2 v_uv;
void main() {
  vec4 p = u_matrix * vec4(a_pos, 0.0, 1.0);
  // The anchor on a whole device pixel, so the glyphs are not resampled.
  vec2 px = floor((p.xy / p.w * 0.5 + 0.5) * u_viewport_px + 0.5);
  px += vec2(a_offset_px.x, -a_offset_px.y) * u_pixel_ratio;
  gl_Position = vec4((px / u_viewport_px * 2.0 - 1.0) * p.w, p.z, p.w);
  v_uv = a_uv;
}`;

const LABEL_FS = `#version 300 es
precision mediump float;
uniform sampler2D u_atlas;
in vec2 v_uv;
out vec4 frag;
void main() {
  frag = texture(u_atlas, v_uv);
}`;

const CLUSTER_RGBA: [number, number, number] = [0x4a / 255, 0x7f / 255, 0xb0 / 255];
const CLUSTER_OPACITY = 0.6;
const POINT_OPACITY = 0.9;
const LABEL_SIZE_PX = 11;
const LABEL_CHARACTERS = '0123456789.k';

export class RecordsGlLayer implements CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  /** The key of the scene the last frame drew. */
  drawnKey: object | null = null;

  private map: MapLibreMap | null = null;
  private circle: { program: WebGLProgram; loc: Record<string, WebGLUniformLocation | null> } | null = null;
  private label: { program: WebGLProgram; loc: Record<string, WebGLUniformLocation | null> } | null = null;
  private atlas: { texture: WebGLTexture; font: GlyphSet } | null = null;
  private readonly buffers: Record<
    'positions' | 'colours' | 'rows' | 'clusters' | 'labels',
    WebGLBuffer | null
  > = { positions: null, colours: null, rows: null, clusters: null, labels: null };
  private pointsVao: WebGLVertexArrayObject | null = null;
  private clustersVao: WebGLVertexArrayObject | null = null;
  private labelsVao: WebGLVertexArrayObject | null = null;

  private anchor: AnchorTile = { x: 0, y: 0, z: 0 };
  private positions: Float32Array | null = null;
  private colours: Uint8Array | null = null;
  private scene: RecordsScene | null = null;
  private dirty = { positions: false, colours: false, scene: false };
  private counts = { rows: 0, clusters: 0, labelVertices: 0 };

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

  /** What the last uploaded scene holds: cluster counts and single points (for tests). */
  shown(): { clusters: string[]; points: number } {
    return { clusters: [...(this.scene?.clusters.labels ?? [])], points: this.scene?.rows.length ?? 0 };
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.circle = linkProgram(gl, CIRCLE_VS, CIRCLE_FS, [
      'u_matrix',
      'u_pixel_ratio',
      'u_stroke_px',
      'u_opacity',
    ]);
    this.label = linkProgram(gl, LABEL_VS, LABEL_FS, [
      'u_matrix',
      'u_viewport_px',
      'u_pixel_ratio',
      'u_atlas',
    ]);
    for (const name of Object.keys(this.buffers) as (keyof typeof this.buffers)[])
      this.buffers[name] = gl.createBuffer();
    this.pointsVao = gl.createVertexArray();
    this.clustersVao = gl.createVertexArray();
    this.labelsVao = gl.createVertexArray();
    this.dirty = { positions: true, colours: true, scene: true };
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    for (const buffer of Object.values(this.buffers)) gl.deleteBuffer(buffer);
    for (const vao of [this.pointsVao, this.clustersVao, this.labelsVao]) gl.deleteVertexArray(vao);
    if (this.circle !== null) gl.deleteProgram(this.circle.program);
    if (this.label !== null) gl.deleteProgram(this.label.program);
    if (this.atlas !== null) gl.deleteTexture(this.atlas.texture);
    this.atlas = null;
    this.map = null;
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    if (this.circle === null || this.label === null || this.map === null) return;
    // Made here rather than in onAdd: MapLibre resets its record of the GL state (texture bindings,
    // unpack flags) after a custom layer's render, not after onAdd.
    this.atlas ??= makeAtlas(gl, this.map.getPixelRatio());
    this.upload(gl);
    const matrix = options.getProjectionData({
      tileID: { canonical: { x: this.anchor.x, y: this.anchor.y, z: this.anchor.z }, wrap: 0 },
      applyGlobeMatrix: false,
    }).mainMatrix;
    const ratio = this.map.getPixelRatio();
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);

    const circle = this.circle;
    gl.useProgram(circle.program);
    gl.uniformMatrix4fv(circle.loc['u_matrix']!, false, matrix);
    gl.uniform1f(circle.loc['u_pixel_ratio']!, ratio);
    if (this.counts.clusters > 0) {
      gl.bindVertexArray(this.clustersVao);
      gl.vertexAttrib4f(ATTRIBUTE.colour, ...CLUSTER_RGBA, 1);
      gl.uniform1f(circle.loc['u_stroke_px']!, 1);
      gl.uniform1f(circle.loc['u_opacity']!, CLUSTER_OPACITY);
      gl.drawArrays(gl.POINTS, 0, this.counts.clusters);
    }
    if (this.counts.rows > 0) {
      gl.bindVertexArray(this.pointsVao);
      gl.vertexAttrib1f(ATTRIBUTE.radius, pointRadiusPx(this.map.getZoom()));
      gl.uniform1f(circle.loc['u_stroke_px']!, 0.6);
      gl.uniform1f(circle.loc['u_opacity']!, POINT_OPACITY);
      gl.drawElements(gl.POINTS, this.counts.rows, gl.UNSIGNED_INT, 0);
    }
    if (this.counts.labelVertices > 0) {
      const label = this.label;
      gl.useProgram(label.program);
      gl.uniformMatrix4fv(label.loc['u_matrix']!, false, matrix);
      gl.uniform2f(label.loc['u_viewport_px']!, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.uniform1f(label.loc['u_pixel_ratio']!, ratio);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, this.atlas.texture);
      gl.uniform1i(label.loc['u_atlas']!, 0);
      gl.bindVertexArray(this.labelsVao);
      gl.drawArrays(gl.TRIANGLES, 0, this.counts.labelVertices);
    }
    gl.bindVertexArray(null);
    // Hands the commands to the GPU process now rather than at the end of the task.
    gl.flush();
    this.drawnKey = this.scene?.key ?? null;
  }

  /** Sends what changed since the last frame to the GPU and (re)binds the vertex arrays. */
  private upload(gl: WebGL2RenderingContext): void {
    const { positions, colours, rows, clusters, labels } = this.buffers;
    if (this.dirty.positions && this.positions !== null) {
      gl.bindBuffer(gl.ARRAY_BUFFER, positions);
      gl.bufferData(gl.ARRAY_BUFFER, this.positions, gl.STATIC_DRAW);
    }
    if (this.dirty.colours && this.colours !== null) {
      gl.bindBuffer(gl.ARRAY_BUFFER, colours);
      gl.bufferData(gl.ARRAY_BUFFER, this.colours, gl.STATIC_DRAW);
    }
    if ((this.dirty.positions || this.dirty.colours) && this.positions !== null && this.colours !== null) {
      gl.bindVertexArray(this.pointsVao);
      gl.bindBuffer(gl.ARRAY_BUFFER, positions);
      gl.enableVertexAttribArray(ATTRIBUTE.pos);
      gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, 0, 0);
      gl.bindBuffer(gl.ARRAY_BUFFER, colours);
      gl.enableVertexAttribArray(ATTRIBUTE.colour);
      gl.vertexAttribPointer(ATTRIBUTE.colour, 4, gl.UNSIGNED_BYTE, true, 0, 0);
      gl.disableVertexAttribArray(ATTRIBUTE.radius);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, rows);
      gl.bindVertexArray(null);
    }
    if (this.dirty.scene && this.scene !== null && this.atlas !== null) {
      const scene = this.scene;
      gl.bindVertexArray(this.pointsVao);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, rows);
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
      gl.bindBuffer(gl.ARRAY_BUFFER, clusters);
      gl.bufferData(gl.ARRAY_BUFFER, interleaved, gl.DYNAMIC_DRAW);
      gl.enableVertexAttribArray(ATTRIBUTE.pos);
      gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, 12, 0);
      gl.enableVertexAttribArray(ATTRIBUTE.radius);
      gl.vertexAttribPointer(ATTRIBUTE.radius, 1, gl.FLOAT, false, 12, 8);
      gl.disableVertexAttribArray(ATTRIBUTE.colour);

      const quads = countLabelQuads(scene.clusters.xy, scene.clusters.labels, this.atlas.font);
      const stride = LABEL_VERTEX_FLOATS * 4;
      gl.bindVertexArray(this.labelsVao);
      gl.bindBuffer(gl.ARRAY_BUFFER, labels);
      gl.bufferData(gl.ARRAY_BUFFER, quads, gl.DYNAMIC_DRAW);
      gl.enableVertexAttribArray(ATTRIBUTE.pos);
      gl.vertexAttribPointer(ATTRIBUTE.pos, 2, gl.FLOAT, false, stride, 0);
      gl.enableVertexAttribArray(ATTRIBUTE.offset);
      gl.vertexAttribPointer(ATTRIBUTE.offset, 2, gl.FLOAT, false, stride, 8);
      gl.enableVertexAttribArray(ATTRIBUTE.uv);
      gl.vertexAttribPointer(ATTRIBUTE.uv, 2, gl.FLOAT, false, stride, 16);
      gl.bindVertexArray(null);
      this.counts = {
        rows: scene.rows.length,
        clusters: n,
        labelVertices: quads.length / LABEL_VERTEX_FLOATS,
      };
    }
    if (this.positions === null || this.colours === null) this.counts.rows = 0;
    this.dirty = { positions: false, colours: false, scene: false };
  }
}

/** Attribute slots, the same in both programs (bound before linking). */
const ATTRIBUTE = { pos: 0, colour: 1, radius: 2, offset: 3, uv: 4 } as const;
const ATTRIBUTE_NAMES: Record<string, number> = {
  a_pos: ATTRIBUTE.pos,
  a_colour: ATTRIBUTE.colour,
  a_radius_px: ATTRIBUTE.radius,
  a_offset_px: ATTRIBUTE.offset,
  a_uv: ATTRIBUTE.uv,
};

function linkProgram(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
  uniforms: string[],
): { program: WebGLProgram; loc: Record<string, WebGLUniformLocation | null> } {
  const program = gl.createProgram();
  for (const [source, kind] of [
    [vertex, gl.VERTEX_SHADER],
    [fragment, gl.FRAGMENT_SHADER],
  ] as const) {
    const shader = gl.createShader(kind)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
      throw new Error(`records layer shader: ${gl.getShaderInfoLog(shader)}`);
    gl.attachShader(program, shader);
    gl.deleteShader(shader);
  }
  for (const [name, slot] of Object.entries(ATTRIBUTE_NAMES)) gl.bindAttribLocation(program, slot, name);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`records layer program: ${gl.getProgramInfoLog(program)}`);
  return { program, loc: Object.fromEntries(uniforms.map((u) => [u, gl.getUniformLocation(program, u)])) };
}

/**
 * The count glyphs drawn once into a texture (premultiplied alpha) at the device's pixel ratio:
 * a dark face (#0b1f33) over a 1 px white halo, as the cluster counts were drawn before.
 */
function makeAtlas(gl: WebGL2RenderingContext, ratio: number): { texture: WebGLTexture; font: GlyphSet } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const font = `600 ${LABEL_SIZE_PX * ratio}px sans-serif`;
  context.font = font;
  const pad = Math.ceil(2 * ratio);
  const heightPx = LABEL_SIZE_PX + 6;
  const cellHeight = Math.ceil(heightPx * ratio);
  const advances = [...LABEL_CHARACTERS].map((ch) => context.measureText(ch).width);
  const cells = advances.map((w) => Math.ceil(w) + 2 * pad);
  canvas.width = cells.reduce((sum, w) => sum + w, 0);
  canvas.height = cellHeight;
  context.font = font;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.lineJoin = 'round';
  context.lineWidth = 2 * ratio;
  context.strokeStyle = '#ffffff';
  context.fillStyle = '#0b1f33';
  const glyphs = new Map<string, Glyph>();
  let x = 0;
  [...LABEL_CHARACTERS].forEach((ch, k) => {
    context.strokeText(ch, x + pad, cellHeight / 2);
    context.fillText(ch, x + pad, cellHeight / 2);
    // The quad is the whole cell (glyph and halo); the pen moves by the font's advance.
    glyphs.set(ch, {
      u0: x / canvas.width,
      u1: (x + cells[k]!) / canvas.width,
      v0: 0,
      v1: 1,
      widthPx: cells[k]! / ratio,
      bearingPx: -pad / ratio,
      advancePx: advances[k]! / ratio,
    });
    x += cells[k]!;
  });
  const texture = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return { texture, font: { glyphs, heightPx: cellHeight / ratio } };
}
