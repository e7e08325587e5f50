import { EventEmitter } from 'node:events';

/** What changed in a hall, announced to open viewers so they update without a reload. */
export interface HallChange {
  enterpriseId: number;
  /** What kind of thing changed: viewers refetch the hall either way. */
  what: 'scenes' | 'hotspots' | 'listings' | 'profile';
  at: number;
}

const ANY = 'any';

/**
 * Fan-out of hall changes to the server-sent-event streams of open viewers. In-process: with several app
 * processes a change reaches only the viewers connected to the process that saved it (README: put a shared
 * pub/sub such as Redis or libSQL polling behind this interface when scaling out).
 */
export class LiveHub {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish(enterpriseId: number, what: HallChange['what']): void {
    const change: HallChange = { enterpriseId, what, at: Date.now() };
    this.#emitter.emit(ANY, change);
    this.#emitter.emit(String(enterpriseId), change);
  }

  /** Every change of every hall (e.g. to drop cached public pages before viewers refetch). */
  subscribeAll(listener: (change: HallChange) => void): () => void {
    this.#emitter.on(ANY, listener);
    return () => this.#emitter.off(ANY, listener);
  }

  subscribe(enterpriseId: number, listener: (change: HallChange) => void): () => void {
    this.#emitter.on(String(enterpriseId), listener);
    return () => this.#emitter.off(String(enterpriseId), listener);
  }

  listenerCount(enterpriseId: number): number {
    return this.#emitter.listenerCount(String(enterpriseId));
  }
}
