/** `npm test` runs this first: the browser tests need an up-to-date build of the server. */
import { buildIfStale } from './lib/build.ts';

buildIfStale();
