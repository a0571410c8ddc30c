/**
 * The records layer's GL programs (records-gl.ts): discs as GL points shaded in the fragment shader
 * (fill, a white ring, one device pixel of antialiasing; premultiplied output for MapLibre's
 * ONE, ONE_MINUS_SRC_ALPHA blending), count labels as textured quads placed in pixels around
 * their anchor, from a glyph atlas drawn once with the local sans-serif font, and point tiles as
 * textured quads.
 */
import type { Glyph, GlyphSet } from './records-geometry.js';

export type GlProgram = { program: WebGLProgram; loc: Record<string, WebGLUniformLocation | null> };

export const CIRCLE_VS = `#version 300 es
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

export const CIRCLE_FS = `#version 300 es
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

export const LABEL_VS = `#version 300 es
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

/** A premultiplied texture as it is: the labels' glyph atlas and the point tiles. */
export const TEXTURE_FS = `#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
out vec4 frag;
void main() {
  frag = texture(u_texture, v_uv);
}`;

/** A point tile's quad (records-tile-cache.ts), drawn with TEXTURE_FS. */
export const TILE_VS = `#version 300 es
uniform mat4 u_matrix;
in vec2 a_pos;
in vec2 a_uv;
out vec2 v_uv;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  v_uv = a_uv;
}`;

const LABEL_SIZE_PX = 11;
const LABEL_CHARACTERS = '0123456789.k';

/** Attribute slots, the same in both programs (bound before linking). */
export const ATTRIBUTE = { pos: 0, colour: 1, radius: 2, offset: 3, uv: 4 } as const;
const ATTRIBUTE_NAMES: Record<string, number> = {
  a_pos: ATTRIBUTE.pos,
  a_colour: ATTRIBUTE.colour,
  a_radius_px: ATTRIBUTE.radius,
  a_offset_px: ATTRIBUTE.offset,
  a_uv: ATTRIBUTE.uv,
};

export function linkProgram(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
  uniforms: string[],
): GlProgram {
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
export function makeAtlas(
  gl: WebGL2RenderingContext,
  ratio: number,
): { texture: WebGLTexture; font: GlyphSet } {
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
