import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CubeFace } from '../../viewer/geometry/cube.ts';
import type { EquirectSource } from './equirect.ts';
import type { FaceReply, FaceRequest, FaceWorkerData } from './face-worker.ts';
import { buildsInBackground } from './thread-priority.ts';

const WORKER_FILE = 'face-worker.ts';

/**
 * Where the worker's source is. Beside this module when it runs from source (CLI, tests). The built server inlines
 * this module into dist/server/chunks/ without emitting the worker, so there the worker runs from the checkout the
 * server is started in (start.ts runs from it; Node strips the types): walk up to `api/panorama/face-worker.ts`.
 */
export function faceWorkerUrl(from: string = import.meta.url): URL {
  const beside = new URL(`./${WORKER_FILE}`, from);
  if (existsSync(beside)) return beside;
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'api', 'panorama', WORKER_FILE);
    if (existsSync(candidate)) return pathToFileURL(candidate);
    if (dirname(dir) === dir) throw new Error(`cannot find the panorama worker (${WORKER_FILE}) above ${from}`);
  }
}

let workerUrl: URL | undefined;

/** Pole faces cost ~2.5× a side face (more samples per pixel); starting them first balances the two workers. */
const SCHEDULE: readonly CubeFace[] = ['u', 'd', 'f', 'b', 'r', 'l'];

function reprojectIn(worker: Worker, request: FaceRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FaceReply) => {
      cleanup();
      if ('error' in reply) reject(new Error(`reprojecting face ${reply.face} failed: ${reply.error}`));
      else resolve(reply.pixels);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`panorama worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * Reproject all six faces in `workerCount` worker threads and hand each face to `consume` (tile encoding) as soon as
 * it is ready. Each worker takes its next face only after its previous one was consumed, which bounds memory to
 * `workerCount` faces in flight (a 16K photo's face is 81 MB).
 */
export async function reprojectFacesInWorkers(
  source: EquirectSource,
  size: number,
  workerCount: number,
  consume: (face: CubeFace, pixels: Uint8Array) => Promise<void>,
): Promise<void> {
  if (!(source.pixels.buffer instanceof SharedArrayBuffer)) throw new Error('source pixels must be shared memory');
  const workers = Array.from({ length: Math.max(1, Math.min(workerCount, SCHEDULE.length)) }, () => {
    workerUrl ??= faceWorkerUrl();
    const workerData: FaceWorkerData = { source, background: buildsInBackground() };
    return new Worker(workerUrl, { workerData });
  });
  const queue = [...SCHEDULE];
  try {
    // allSettled, not all: on failure the other lane must stop writing before the caller removes the staging dir.
    const lanes = await Promise.allSettled(
      workers.map(async (worker) => {
        for (let face = queue.shift(); face; face = queue.shift()) {
          try {
            const pixels = await reprojectIn(worker, { face, size });
            await consume(face, pixels);
          } catch (error) {
            queue.length = 0;
            throw error;
          }
        }
      }),
    );
    const failed = lanes.find((lane) => lane.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
