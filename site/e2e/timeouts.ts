/**
 * How long a browser test waits for a live update (SSE → refetch → render). Live updates arrive in well under 2 s;
 * `npm run bench:live` measures that figure. Tests only check that they arrive without a reload, and allow for a
 * CI machine loaded by the other tests.
 */
export const LIVE_TIMEOUT = 15_000;
