import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { hotspots, scenes, visitCounts } from '../../db/schema/index.ts';
import { createTestContext, makeHall, type TestContext } from '../../testing.ts';
import { flushVisits } from './events.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const beacon = (body: unknown, ua = 'Mozilla/5.0 test') =>
  createApi(ctx).request('/events', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'text/plain', 'User-Agent': ua } });

describe('POST /api/events (cookieless visit counts)', () => {
  it('counts hall views, scene views and hotspot opens per day in batches, with no cookie and nothing about people', async () => {
    const { hall, enterprise } = await makeHall(ctx.db, 'published', { slug: 'hengyun' });
    const [scene] = await ctx.db.insert(scenes).values({ hallId: hall.id, position: 0, title: '大厅' }).returning();
    const [spot] = await ctx.db.insert(hotspots).values({ sceneId: scene!.id, kind: 'info', yaw: 0, pitch: 0, label: '简介' }).returning();
    const res = await beacon({ hall: 'hengyun', events: [{ kind: 'hall_view' }, { kind: 'scene_view', scene: scene!.id }, { kind: 'hotspot_open', hotspot: spot!.id }] });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toBeNull();
    await beacon({ hall: 'hengyun', events: [{ kind: 'hall_view' }] }); // a reload by the same browser
    await beacon({ hall: 'hengyun', events: [{ kind: 'hall_view' }] }, 'Other browser');
    expect(await ctx.db.select().from(visitCounts)).toHaveLength(0); // not yet written: batched
    await flushVisits(ctx);
    const rows = await ctx.db.select().from(visitCounts);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.count]));
    expect(byKind).toEqual({ hall_view: 2, scene_view: 1, hotspot_open: 1 });
    expect(rows.every((r) => r.enterpriseId === enterprise.id)).toBe(true);
    expect(Object.keys(rows[0]!).sort()).toEqual(['count', 'day', 'enterpriseId', 'hotspotId', 'id', 'kind', 'sceneId']);
  });

  it('drops events for unknown halls or for scenes of another hall, and refuses malformed batches', async () => {
    await makeHall(ctx.db, 'published', { slug: 'a-firm' });
    const other = await makeHall(ctx.db, 'published', { slug: 'b-firm' });
    const [scene] = await ctx.db.insert(scenes).values({ hallId: other.hall.id, position: 0, title: '大厅' }).returning();
    expect((await beacon({ hall: 'a-firm', events: [{ kind: 'scene_view', scene: scene!.id }] })).status).toBe(204);
    expect((await beacon({ hall: 'no-such-hall', events: [{ kind: 'hall_view' }] })).status).toBe(204);
    expect((await beacon({ hall: 'a-firm', events: [] })).status).toBe(400);
    expect((await beacon({ hall: '<script>', events: [{ kind: 'hall_view' }] })).status).toBe(400);
    expect((await beacon('x'.repeat(5000))).status).toBe(413);
    await flushVisits(ctx);
    expect(await ctx.db.select().from(visitCounts)).toHaveLength(0);
  });
});
