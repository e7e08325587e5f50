import { faceDirection, type CubeFace } from '../geometry/cube.ts';
import type { PanoramaManifest } from '../manifest.ts';
import { cameraBasis, halfExtents } from '../view/projection.ts';
import type { View } from '../view/types.ts';

/**
 * The panorama's preview cube, then the on-screen tiles, drawn at one fixed view with raw WebGL: no three.js, no
 * React, a few KB. The hall page shows it about a second after its load event while the full viewer (≈260 KB) is
 * still on its way; the viewer then covers it. The preview is one full-screen triangle whose fragment shader turns
 * each pixel's ray into a cube face and (s, t) with the same convention as geometry/cube.ts (directionToFace);
 * tiles are quads on the cube projected by a pinhole camera (w = depth), drawn over it.
 */
const VERTEX = `attribute vec2 p; varying vec2 v; void main() { v = p; gl_Position = vec4(p, 0.0, 1.0); }`;
const FRAGMENT = `precision highp float;
varying vec2 v;
uniform vec3 right; uniform vec3 up; uniform vec3 forward; uniform vec2 extent; uniform float inset;
uniform sampler2D strip;
vec2 faceUv(float face, float s, float t) {
  vec2 st = clamp((vec2(s, t) + 1.0) * 0.5, inset, 1.0 - inset);
  return vec2((face + st.x) / 6.0, st.y);
}
void main() {
  vec3 d = forward + right * (v.x * extent.x) + up * (v.y * extent.y);
  vec3 a = abs(d);
  vec2 uv;
  if (a.z >= a.x && a.z >= a.y) uv = d.z < 0.0 ? faceUv(0.0, d.x / a.z, -d.y / a.z) : faceUv(2.0, -d.x / a.z, -d.y / a.z);
  else if (a.x >= a.y) uv = d.x > 0.0 ? faceUv(1.0, d.z / a.x, -d.y / a.x) : faceUv(3.0, -d.z / a.x, -d.y / a.x);
  else uv = d.y > 0.0 ? faceUv(4.0, d.x / a.y, -d.z / a.y) : faceUv(5.0, d.x / a.y, d.z / a.y);
  gl_FragColor = texture2D(strip, uv);
}`;

const TILE_VERTEX = `attribute vec3 dir; attribute vec2 uv; varying vec2 vUv;
uniform vec3 right; uniform vec3 up; uniform vec3 forward; uniform vec2 extent;
void main() {
  vec3 c = vec3(dot(dir, right), dot(dir, up), dot(dir, forward));
  vUv = uv;
  // w = depth along the view: the GPU divides and clips anything behind the eye.
  gl_Position = vec4(c.x / extent.x, c.y / extent.y, 0.0, c.z);
}`;
const TILE_FRAGMENT = `precision mediump float; varying vec2 vUv; uniform sampler2D tile; void main() { gl_FragColor = texture2D(tile, vUv); }`;

/** A drawn first paint: sharper tiles can be laid over the preview until the viewer takes over. */
export interface FirstPaint {
  /** Draw a decoded tile over its part of a face (bounds in face coordinates, as tiles/grid.ts tileBounds). */
  addTile(face: CubeFace, bounds: { s0: number; s1: number; t0: number; t1: number }, image: ImageBitmap): void;
  /** Turns the view (radians) and redraws: the first paint can be looked around before the viewer arrives. */
  setView(view: View): void;
  /** Releases the WebGL context. */
  dispose(): void;
}

function shader(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, source);
  gl.compileShader(s);
  return s;
}

function program(gl: WebGLRenderingContext, vertex: string, fragment: string): WebGLProgram | null {
  const p = gl.createProgram()!;
  gl.attachShader(p, shader(gl, gl.VERTEX_SHADER, vertex));
  gl.attachShader(p, shader(gl, gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(p);
  if (gl.getProgramParameter(p, gl.LINK_STATUS)) return p;
  console.warn('[viewer] first paint shader failed', gl.getProgramInfoLog(p));
  return null;
}

function texture(gl: WebGLRenderingContext, image: ImageBitmap): WebGLTexture {
  const t = gl.createTexture()!;
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, image);
  image.close();
  return t;
}

/**
 * Fetch the preview strip and draw it at `view` (radians) into `canvas`, one pixel per CSS pixel of its box
 * (see below). Resolves null where WebGL is missing or the preview cannot be loaded.
 */
export async function paintPreview(canvas: HTMLCanvasElement, manifest: PanoramaManifest, baseUrl: string, view: View): Promise<FirstPaint | null> {
  const gl = canvas.getContext('webgl', { antialias: false, alpha: false, depth: false, powerPreference: 'high-performance' });
  if (!gl) return null;
  const dispose = () => gl.getExtension('WEBGL_lose_context')?.loseContext();
  let bitmap: ImageBitmap;
  try {
    const response = await fetch(new URL(manifest.preview.url, baseUrl).href, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bitmap = await createImageBitmap(await response.blob(), { premultiplyAlpha: 'none' });
  } catch {
    dispose();
    return null;
  }
  // One canvas pixel per CSS pixel: this picture lives for seconds, and on phones without a fast GPU path (and under
  // Lighthouse's software WebGL) every extra pixel is main-thread time while the page is still loading.
  const dpr = 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const height = Math.max(1, Math.round(canvas.clientHeight * dpr));
  canvas.width = width;
  canvas.height = height;
  gl.viewport(0, 0, width, height);

  const preview = program(gl, VERTEX, FRAGMENT);
  const tiles = program(gl, TILE_VERTEX, TILE_FRAGMENT);
  if (!preview || !tiles) {
    bitmap.close();
    dispose();
    return null;
  }
  const triangle = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, triangle);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
  const strip = texture(gl, bitmap);

  const aim = (v: View) => {
    const b = cameraBasis(v.yaw, v.pitch);
    const { tx, ty } = halfExtents(v, { width, height });
    for (const p of [preview, tiles]) {
      gl.useProgram(p);
      const u = (name: string) => gl.getUniformLocation(p, name);
      gl.uniform3fv(u('right'), b.right);
      gl.uniform3fv(u('up'), b.up);
      gl.uniform3fv(u('forward'), b.forward);
      gl.uniform2f(u('extent'), tx, ty);
    }
  };
  aim(view);
  // Half a texel in from each face's border, so no face samples its neighbour in the strip.
  gl.useProgram(preview);
  gl.uniform1f(gl.getUniformLocation(preview, 'inset'), 0.5 / manifest.preview.faceSize);

  const layers: { buffer: WebGLBuffer; texture: WebGLTexture }[] = [];
  const at = { p: gl.getAttribLocation(preview, 'p'), dir: gl.getAttribLocation(tiles, 'dir'), uv: gl.getAttribLocation(tiles, 'uv') };
  // Without preserveDrawingBuffer every frame draws everything: the preview, then each tile over it.
  const draw = () => {
    gl.useProgram(preview);
    gl.bindBuffer(gl.ARRAY_BUFFER, triangle);
    gl.disableVertexAttribArray(at.dir);
    gl.disableVertexAttribArray(at.uv);
    gl.enableVertexAttribArray(at.p);
    gl.vertexAttribPointer(at.p, 2, gl.FLOAT, false, 0, 0);
    gl.bindTexture(gl.TEXTURE_2D, strip);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.useProgram(tiles);
    gl.disableVertexAttribArray(at.p);
    gl.enableVertexAttribArray(at.dir);
    gl.enableVertexAttribArray(at.uv);
    for (const layer of layers) {
      gl.bindBuffer(gl.ARRAY_BUFFER, layer.buffer);
      gl.vertexAttribPointer(at.dir, 3, gl.FLOAT, false, 20, 0);
      gl.vertexAttribPointer(at.uv, 2, gl.FLOAT, false, 20, 12);
      gl.bindTexture(gl.TEXTURE_2D, layer.texture);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    }
  };
  draw();
  // Tiles arrive in bursts and drags fire often: draw at most once per frame.
  let pending = 0;
  const redraw = () => {
    pending ||= requestAnimationFrame(() => {
      pending = 0;
      if (!gl.isContextLost()) draw();
    });
  };
  return {
    addTile(face, q, image) {
      if (gl.isContextLost()) return image.close();
      const corner = (s: number, t: number, u: number, v: number) => [...faceDirection(face, s, t), u, v];
      const buffer = gl.createBuffer()!;
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(
        gl.ARRAY_BUFFER,
        new Float32Array([...corner(q.s0, q.t0, 0, 0), ...corner(q.s1, q.t0, 1, 0), ...corner(q.s0, q.t1, 0, 1), ...corner(q.s1, q.t1, 1, 1)]),
        gl.STATIC_DRAW,
      );
      layers.push({ buffer, texture: texture(gl, image) });
      redraw();
    },
    setView(next) {
      if (gl.isContextLost()) return;
      aim(next);
      redraw();
    },
    dispose,
  };
}
