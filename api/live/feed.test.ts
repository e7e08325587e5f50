import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client.ts';
import { changeFeed } from '../db/schema/index.ts';
import { publicCache } from '../public/queries/public-cache.ts';
import { createTestContext, type TestContext } from '../testing.ts';
import { ChangeFeed, FEED_KEEP_MS, pruneChangeFeed } from './feed.ts';
import { LiveHub, type HallChange } from './hub.ts';

let ctx: TestContext;
let otherDb: Db;
const feeds: ChangeFeed[] = [];
beforeEach(async () => {
  ctx = await createTestContext();
  // A second connection and hub stand for a second app process on the same database file.
  otherDb = await openDb(ctx.config.databaseUrl);
});
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.stop()));
  otherDb.$client.close();
  await ctx.cleanup();
});

async function appProcess(db: Db, name: string) {
  const feed = await new ChangeFeed(db, { origin: name, pollMs: 60_000 }).start();
  feeds.push(feed);
  const hub = new LiveHub();
  hub.attachFeed(feed);
  return { feed, hub };
}

describe('hall changes across processes', () => {
  it('reach the viewers of another process through the change feed, once, and not twice on the saving one', async () => {
    const a = await appProcess(ctx.db, 'A');
    const b = await appProcess(otherDb, 'B');
    const seenA: HallChange[] = [];
    const seenB: HallChange[] = [];
    a.hub.subscribe(7, (c) => seenA.push(c));
    b.hub.subscribe(7, (c) => seenB.push(c));

    a.hub.publish(7, 'hotspots');
    expect(seenA.map((c) => c.what)).toEqual(['hotspots']); // at once on the saving process
    await expect.poll(async () => (await ctx.db.select().from(changeFeed)).length).toBe(1);
    await b.feed.poll();
    await a.feed.poll();
    expect(seenB).toMatchObject([{ enterpriseId: 7, what: 'hotspots' }]);
    expect(seenA).toHaveLength(1); // its own row is skipped
    await b.feed.poll();
    expect(seenB).toHaveLength(1); // read once
  });

  it("drop the other process's memo of public pages", async () => {
    const a = await appProcess(ctx.db, 'A');
    const b = await appProcess(otherDb, 'B');
    b.hub.subscribeAll(() => publicCache.clear());
    let loads = 0;
    const load = () => publicCache.get('hall:feed-test', async () => ++loads);
    await load();
    await load();
    expect(loads).toBe(1);
    a.hub.publish(3, 'profile');
    await expect.poll(async () => (await ctx.db.select().from(changeFeed)).length).toBe(1);
    await b.feed.poll();
    await load();
    expect(loads).toBe(2);
  });

  it('start at the end of the feed and prune old rows', async () => {
    const a = await appProcess(ctx.db, 'A');
    await a.feed.append('hall:1', 'profile');
    const b = await appProcess(otherDb, 'B');
    const seen: string[] = [];
    b.feed.onRemote((r) => seen.push(r.topic));
    await a.feed.append('hall:2', 'profile');
    await b.feed.poll();
    expect(seen).toEqual(['hall:2']);
    await pruneChangeFeed(ctx.db, Date.now() + FEED_KEEP_MS + 1_000);
    expect(await ctx.db.select().from(changeFeed)).toEqual([]);
  });
});
