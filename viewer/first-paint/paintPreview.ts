import type { PanoramaManifest } from '../manifest.ts';
import { cameraBasis, halfExtents } from '../view/projection.ts';
import type { View } from '../view/types.ts';

/**
 * The panorama's preview cube drawn once with raw WebGL: no three.js, no React, ~2 KB. The hall page shows it within
 * a second of its load event while the full viewer (≈260 KB) is still on its way; the viewer then covers it.
 * One full-screen triangle; the fragment shader turns each pixel's ray into a cube face and (s, t) with the same
 * convention as geometry/cube.ts (directionToFace) and samples that face's sixth of the preview strip.
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

/** Releases the WebGL context of a first paint. */
export interface FirstPaint {
  dispose(): void;
}

function shader(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, source);
  gl.compileShader(s);
  return s;
}

/**
 * Fetch the preview strip and draw it at `view` (radians) into `canvas`, sized to its CSS box at the device pixel
 * ratio (≤ 2, like the viewer). Resolves null where WebGL is missing or the preview cannot be loaded.
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
  const dpr = Math.min(2, devicePixelRatio || 1);
  const width = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const height = Math.max(1, Math.round(canvas.clientHeight * dpr));
  canvas.width = width;
  canvas.height = height;
  gl.viewport(0, 0, width, height);

  const program = gl.createProgram()!;
  gl.attachShader(program, shader(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, shader(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    console.warn('[viewer] first paint shader failed', gl.getProgramInfoLog(program));
    bitmap.close();
    dispose();
    return null;
  }
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
  const at = gl.getAttribLocation(program, 'p');
  gl.enableVertexAttribArray(at);
  gl.vertexAttribPointer(at, 2, gl.FLOAT, false, 0, 0);

  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, bitmap);
  bitmap.close();

  const b = cameraBasis(view.yaw, view.pitch);
  const { tx, ty } = halfExtents(view, { width, height });
  const u = (name: string) => gl.getUniformLocation(program, name);
  gl.uniform3fv(u('right'), b.right);
  gl.uniform3fv(u('up'), b.up);
  gl.uniform3fv(u('forward'), b.forward);
  gl.uniform2f(u('extent'), tx, ty);
  // Half a texel in from each face's border, so no face samples its neighbour in the strip.
  gl.uniform1f(u('inset'), 0.5 / manifest.preview.faceSize);
  gl.drawArrays(gl.TRIANGLES, 0, 3);
  return { dispose };
}
