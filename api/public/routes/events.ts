import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises, halls, hotspots, scenes, visitCounts, type VisitKind } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { visibleHall } from '../queries/visibility.ts';

/**
 * Cookieless visitor analytics. Browsers send `navigator.sendBeacon('/api/events', …)`; the server keeps counts per
 * day, hall, scene and hotspot — no cookie, no IP, no identifier is stored. To keep a reload from counting twice,
 * a hash of (daily random salt, IP, user agent, event) is held in memory for the day; the salt is never written
 * down, so yesterday's hashes cannot be linked to anyone. Counts are written in batches every few seconds.
 * Per process: each app process keeps its own buffer and seen-set.
 */
export interface Visit {
  kind: VisitKind;
  enterpriseId: number;
  sceneId?: number;
  hotspotId?: number;
}

/**
 * What one address can add to one hall's counts in a day (ASVS V2 business limits): a few hall views (an office
 * behind one NAT address is a few people), and a bounded number of events overall. Changing the user agent on
 * every beacon no longer makes 40 beacons 40 views.
 */
export const VISITS_PER_ADDRESS = { hallViews: 3, events: 60 } as const;

const FLUSH_MS = 5_000;
const MAX_PENDING = 1_000;

class VisitBuffer {
  private pending = new Map<string, number>();
  private seen = new Set<string>();
  /** Counted events per (address, hall) today, keyed by a salted hash: no address is kept. */
  private budget = new Map<string, { views: number; events: number }>();
  private day = '';
  private salt = randomBytes(16);
  private timer: NodeJS.Timeout | undefined;
  private readonly ctx: AppContext;

  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  add(v: Visit, visitor?: string, address?: string, now = new Date()) {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.salt = randomBytes(16);
      this.seen.clear();
      this.budget.clear();
    }
    const key = `${day}|${v.enterpriseId}|${v.kind}|${v.sceneId ?? 0}|${v.hotspotId ?? 0}`;
    if (visitor !== undefined) {
      const h = createHash('sha256').update(this.salt).update(visitor).update(key).digest('base64url').slice(0, 22);
      if (this.seen.has(h)) return;
      if (this.seen.size < 500_000) this.seen.add(h);
    }
    if (address !== undefined && !this.withinBudget(address, v)) return;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (this.pending.size >= MAX_PENDING) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  private withinBudget(address: string, v: Visit): boolean {
    const key = createHash('sha256').update(this.salt).update(`${address}|${v.enterpriseId}`).digest('base64url').slice(0, 22);
    const used = this.budget.get(key) ?? { views: 0, events: 0 };
    if (used.events >= VISITS_PER_ADDRESS.events) return false;
    if (v.kind === 'hall_view' && used.views >= VISITS_PER_ADDRESS.hallViews) return false;
    used.events += 1;
    if (v.kind === 'hall_view') used.views += 1;
    if (this.budget.size < 500_000 || this.budget.has(key)) this.budget.set(key, used);
    return true;
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([key, count]) => {
      const [day, eid, kind, sceneId, hotspotId] = key.split('|');
      return { day: day!, enterpriseId: Number(eid), kind: kind as VisitKind, sceneId: Number(sceneId), hotspotId: Number(hotspotId), count };
    });
    try {
      await this.ctx.db
        .insert(visitCounts)
        .values(rows)
        .onConflictDoUpdate({
          target: [visitCounts.day, visitCounts.enterpriseId, visitCounts.kind, visitCounts.sceneId, visitCounts.hotspotId],
          set: { count: sql`${visitCounts.count} + excluded.count` },
        });
    } catch (err) {
      console.error('[events] could not write visit counts:', err);
    }
  }
}

const buffers = new WeakMap<AppContext, VisitBuffer>();
const bufferOf = (ctx: AppContext) => {
  let b = buffers.get(ctx);
  if (!b) buffers.set(ctx, (b = new VisitBuffer(ctx)));
  return b;
};

/**
 * Counts one event (written with the next batch). `visitor` (IP + user agent) suppresses same-day repeats;
 * `address` bounds what one address adds to a hall per day (VISITS_PER_ADDRESS).
 */
export function recordVisit(ctx: AppContext, visit: Visit, visitor?: string, address?: string): void {
  bufferOf(ctx).add(visit, visitor, address);
}

/** Writes pending counts now (tests, shutdown). */
export function flushVisits(ctx: AppContext): Promise<void> {
  return bufferOf(ctx).flush();
}

const eventBatch = z.object({
  hall: z.string().regex(/^[a-z0-9-]{1,80}$/),
  events: z
    .array(
      z.object({
        kind: z.enum(['hall_view', 'scene_view', 'hotspot_open']),
        scene: z.coerce.number().int().positive().optional(),
        hotspot: z.coerce.number().int().positive().optional(),
      }),
    )
    .min(1)
    .max(20),
});

/** POST /api/events: a beacon with a batch of hall events; always 204 unless malformed. */
export function eventRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const text = await c.req.text();
    if (text.length > 4_000) throw new AppError(413, 'too_large', { zh: '请求过大', en: 'Request too large' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const parsed = eventBatch.safeParse(body);
    if (!parsed.success) throw new AppError(400, 'invalid_input', { zh: '事件格式不正确', en: 'Malformed events' });
    const [hall] = await ctx.db
      .select({ id: enterprises.id })
      .from(halls)
      .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
      .where(and(eq(enterprises.slug, parsed.data.hall), visibleHall));
    if (!hall) return c.body(null, 204);
    const sceneRows = await ctx.db
      .select({ scene: scenes.id, hotspot: hotspots.id })
      .from(scenes)
      .innerJoin(halls, eq(halls.id, scenes.hallId))
      .leftJoin(hotspots, eq(hotspots.sceneId, scenes.id))
      .where(eq(halls.enterpriseId, hall.id));
    const sceneIds = new Set(sceneRows.map((r) => r.scene));
    const hotspotIds = new Set(sceneRows.map((r) => r.hotspot));
    const visitor = `${c.get('clientIp')}|${c.req.header('user-agent') ?? ''}`;
    for (const e of parsed.data.events) {
      // Events naming scenes or hotspots of another hall are dropped, so counts stay honest.
      if (e.kind === 'scene_view' && !(e.scene && sceneIds.has(e.scene))) continue;
      if (e.kind === 'hotspot_open' && !(e.hotspot && hotspotIds.has(e.hotspot))) continue;
      recordVisit(ctx, { kind: e.kind, enterpriseId: hall.id, sceneId: e.scene, hotspotId: e.hotspot }, visitor, c.get('clientIp'));
    }
    return c.body(null, 204);
  });
}
