import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Niceness of the threads that build pyramids: low enough that the event loop thread preempts them at once when a
 * request arrives (a 2-core server runs the build on every core), not so low that a build starves.
 */
export const BUILD_THREAD_NICE = 10;

const isLinux = process.platform === 'linux';
const lowered = new Set<number>();
let background = false;

/**
 * Run this process's pyramid builds behind everything else (the server calls this: its event loop must answer while
 * a build runs). Off by default, so the CLI and benchmarks build at full speed on a shared machine.
 */
export function buildInBackground(on = true): void {
  background = on;
}

/** Whether builds run in the background; reprojection workers get this in their workerData. */
export function buildsInBackground(): boolean {
  return background;
}

/** Lower the calling thread's priority (a reprojection worker). Linux nice values are per thread: pid 0 = this one. */
export function lowerThisThread(): void {
  if (!isLinux) return;
  try {
    setPriority(0, BUILD_THREAD_NICE);
  } catch {
    // Refused (some containers): the build just runs at normal priority.
  }
}

/**
 * Lower the priority of libvips' worker threads, which do the tile resizing and encoding. libvips starts them on
 * demand from libuv's pool and keeps them, so call this again as work starts; each thread is lowered once and stays
 * lowered (raising it back would need CAP_SYS_NICE), which suits them: in this server they only ever build media.
 * libuv's own pool threads are left alone, since they also serve the site's file I/O.
 */
export function lowerLibvipsThreads(): void {
  if (!isLinux || !background) return;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const task of tasks) {
    const tid = Number(task);
    if (lowered.has(tid)) continue;
    try {
      if (!readFileSync(`/proc/self/task/${task}/comm`, 'utf8').startsWith('libvips worker')) continue;
      setPriority(tid, BUILD_THREAD_NICE);
      lowered.add(tid);
    } catch {
      // The thread ended meanwhile, or lowering is refused: nothing to do.
    }
  }
}
