/**
 * The Node arguments every server process runs with — `npm start` spells the same in package.json (a test checks
 * they agree); the benchmarks and the browser tests' servers start with them too, so what they measure is what runs.
 *
 * - `--max-semi-space-size=8` (MB): V8 sizes the young generation from the machine's memory (on this 24 GiB machine
 *   it grows to 32 MB semi-spaces) and keeps what it grew. A 10,000-row import then left a process at 380–410 MB peak
 *   RSS; with 8 MB semi-spaces, 280–295 MB, validate and commit times unchanged (scripts/bench-import.ts prints both).
 *   Page throughput under the load mix: see README, *Scaling*.
 * - `--import scripts/lib/resolve-hooks.ts`: drizzle-orm's imports resolved directly (~95 MB less per process).
 */
import { join } from 'node:path';

/** V8 flags of a server process. */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=8'];

/** Arguments before the script: V8 flags, then the resolve hooks preload (absolute path). */
export const SERVER_NODE_ARGS = [...SERVER_V8_FLAGS, '--import', join(import.meta.dirname, 'resolve-hooks.ts')];
