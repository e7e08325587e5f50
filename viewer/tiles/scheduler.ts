/** What the loader should do next: requests to start, in priority order, and in-flight requests to abort. */
export interface RequestPlan {
  start: string[];
  abort: string[];
}

/**
 * Decide requests for the tiles the current view wants (`wanted`, highest priority first).
 * In-flight requests the view no longer wants are aborted; free slots up to `maxInFlight` go to the most wanted
 * tiles that are neither loaded nor already in flight.
 */
export function planRequests(
  wanted: readonly string[],
  inFlight: ReadonlySet<string>,
  isLoaded: (key: string) => boolean,
  maxInFlight = 6,
): RequestPlan {
  const wantedSet = new Set(wanted);
  const abort = [...inFlight].filter((key) => !wantedSet.has(key));
  let slots = maxInFlight - (inFlight.size - abort.length);
  const start: string[] = [];
  for (const key of wanted) {
    if (slots <= 0) break;
    if (inFlight.has(key) || isLoaded(key)) continue;
    start.push(key);
    slots--;
  }
  return { start, abort };
}
