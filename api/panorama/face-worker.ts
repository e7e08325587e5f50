/**
 * Worker thread body: reprojects cube faces from the shared equirectangular raster, so the CPU-heavy loop never runs
 * on a server's event loop. The raster arrives once (SharedArrayBuffer in workerData); each face is sent back by
 * transferring its buffer, without a copy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CubeFace } from '../../viewer/geometry/cube.ts';
import type { EquirectSource } from './equirect.ts';
import { reprojectFace } from './reproject.ts';
import { lowerThisThread } from './thread-priority.ts';

export interface FaceRequest {
  face: CubeFace;
  size: number;
}

export type FaceReply = { face: CubeFace; pixels: Uint8Array } | { face: CubeFace; error: string };

export interface FaceWorkerData {
  source: EquirectSource;
  /** Lower this thread's priority (server builds: the event loop must still get a core at once). */
  background: boolean;
}

const { source, background } = workerData as FaceWorkerData;
if (background) lowerThisThread();

parentPort!.on('message', ({ face, size }: FaceRequest) => {
  try {
    const pixels = reprojectFace(source, face, size);
    parentPort!.postMessage({ face, pixels } satisfies FaceReply, [pixels.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ face, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
