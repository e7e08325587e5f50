/**
 * Least-recently-used bookkeeping under a byte budget. Pure logic: the caller owns the GPU objects and disposes
 * whatever `evict` returns. Map iteration order is insertion order, so re-inserting on touch keeps LRU first.
 */
export class LruBudget<K> {
  readonly budget: number;
  #entries = new Map<K, number>();
  #bytes = 0;

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Mark as just used. */
  touch(key: K): void {
    const bytes = this.#entries.get(key);
    if (bytes === undefined) return;
    this.#entries.delete(key);
    this.#entries.set(key, bytes);
  }

  /** Record an entry (replacing one with the same key) as the most recently used. */
  add(key: K, bytes: number): void {
    this.delete(key);
    this.#entries.set(key, bytes);
    this.#bytes += bytes;
  }

  delete(key: K): boolean {
    const bytes = this.#entries.get(key);
    if (bytes === undefined) return false;
    this.#entries.delete(key);
    this.#bytes -= bytes;
    return true;
  }

  /**
   * Drop least-recently-used entries until within budget, never one in `pinned` (what is on screen now).
   * Returns the dropped keys, oldest first. May stay over budget if everything left is pinned.
   */
  evict(pinned: ReadonlySet<K> = new Set()): K[] {
    const dropped: K[] = [];
    for (const [key] of this.#entries) {
      if (this.#bytes <= this.budget) break;
      if (pinned.has(key)) continue;
      this.delete(key);
      dropped.push(key);
    }
    return dropped;
  }

  /** Forget everything (scene change); returns every key so the caller can dispose them all. */
  clear(): K[] {
    const all = [...this.#entries.keys()];
    this.#entries.clear();
    this.#bytes = 0;
    return all;
  }
}
