import { EventEmitter } from 'node:events';
import type { ChangeFeed } from './feed.ts';

/** What changed in a hall, announced to open viewers so they update without a reload. */
export interface HallChange {
  enterpriseId: number;
  /** What kind of thing changed: viewers refetch the hall either way. */
  what: 'scenes' | 'hotspots' | 'listings' | 'profile';
  at: number;
}

const ANY = 'any';
const HALL_TOPIC = /^hall:(\d+)$/;
const WHATS = new Set<HallChange['what']>(['scenes', 'hotspots', 'listings', 'profile']);

/**
 * Fan-out of hall changes to the server-sent-event streams of open viewers. A change is told to this process's
 * listeners at once; with a change feed attached (`attachFeed`, done by the running server) it is also appended to
 * the shared `change_feed` table, and changes other processes append are told to this process's listeners when the
 * feed is next polled (every ~150 ms) — so a viewer on any process sees an edit saved through any process.
 */
export class LiveHub {
  readonly #emitter = new EventEmitter();
  #feed: ChangeFeed | undefined;

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  /** Shares changes with every other process on the database through `feed`; returns the detach function. */
  attachFeed(feed: ChangeFeed): () => void {
    this.#feed = feed;
    const off = feed.onRemote((row) => {
      const m = HALL_TOPIC.exec(row.topic);
      if (m && WHATS.has(row.kind as HallChange['what'])) this.#emit({ enterpriseId: Number(m[1]), what: row.kind as HallChange['what'], at: row.at });
    });
    return () => {
      off();
      this.#feed = undefined;
    };
  }

  /** Announces a saved change (call after the commit): here at once, on other processes through the feed. */
  publish(enterpriseId: number, what: HallChange['what']): void {
    const change: HallChange = { enterpriseId, what, at: Date.now() };
    this.#emit(change);
    this.#feed?.append(`hall:${enterpriseId}`, what).catch((err: unknown) => {
      console.error('[live] could not append to the change feed:', err instanceof Error ? err.message : err);
    });
  }

  #emit(change: HallChange): void {
    this.#emitter.emit(ANY, change);
    this.#emitter.emit(String(change.enterpriseId), change);
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
