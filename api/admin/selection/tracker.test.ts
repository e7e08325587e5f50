import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halls, hotspots, panoramas, scenes } from '../../db/schema/index.ts';
import { createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';
import { makeApplication, makeRound } from './factories.ts';
import { hallTracker } from './tracker.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

describe('the hall build tracker', () => {
  it('counts each selected firm’s hall and checks its quality', async () => {
    const round = await makeRound(ctx.db);
    const bureau = await makeUser(ctx.db, { role: 'bureau' });
    const county = await makeUser(ctx.db, { role: 'county', county: 'chiping' });
    const done = await makeEnterprise(ctx.db, { county: 'linqing', contactPhone: '0635-1111111' });
    const behind = await makeEnterprise(ctx.db, { county: 'chiping' });
    const notSelected = await makeEnterprise(ctx.db, { county: 'chiping' });
    await makeApplication(ctx.db, round, done, 'selected');
    await makeApplication(ctx.db, round, behind, 'selected');
    await makeApplication(ctx.db, round, notSelected, 'notice');
    await ctx.db.insert(panoramas).values({ id: 'p1', sourceHash: 'x', faceSize: 512, placeholder: '', posterFile: 'poster.jpg', posterWidth: 1, posterHeight: 1, bytes: 1 });
    const [h1] = await ctx.db.insert(halls).values({ enterpriseId: done.id, status: 'published' }).returning();
    const [s1, s2] = await ctx.db.insert(scenes).values([{ hallId: h1!.id, position: 0, title: '展厅', panoramaId: 'p1' }, { hallId: h1!.id, position: 1, title: '车间' }]).returning();
    await ctx.db.insert(hotspots).values([
      { sceneId: s1!.id, kind: 'scene', yaw: 0, pitch: 0, label: '车间', targetSceneId: s2!.id },
      { sceneId: s1!.id, kind: 'media', yaw: 10, pitch: 0, label: '视频', mediaUrl: '' },
    ]);
    await ctx.db.insert(halls).values({ enterpriseId: behind.id, status: 'draft' });

    const all = await hallTracker(ctx.db, bureau, round.id);
    expect(all).toMatchObject({ published: 1, total: 2 });
    expect(all.byArea).toEqual(expect.arrayContaining([{ county: 'linqing', published: 1, total: 1 }, { county: 'chiping', published: 0, total: 1 }]));
    const first = all.firms.find((f) => f.enterpriseId === done.id)!;
    expect(first).toMatchObject({ scenes: 2, photos: 1, hotspots: 2, published: true });
    // The workshop scene has no hotspot and the video link is empty.
    expect(first.checks).toEqual({ scenesWithoutHotspots: 1, brokenLinks: 1, contactFilled: true });
    expect(all.firms.find((f) => f.enterpriseId === behind.id)!.checks.contactFilled).toBe(false);
    // A county officer sees only the firms of the area.
    expect((await hallTracker(ctx.db, county, round.id)).firms.map((f) => f.enterpriseId)).toEqual([behind.id]);
  });
});
