import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, makeEnterprise, type TestContext } from '../../testing.ts';
import { makeApplication, makeRound } from './factories.ts';
import { publicNotices } from './notice.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

describe('the public notice (公示)', () => {
  it('lists firms by area in the programme’s order of areas, then by name in pinyin order', async () => {
    const round = await makeRound(ctx.db, { state: 'notice', noticeFrom: '2026-06-01' });
    // Area codes sort chiping < dongchangfu < linqing; the programme lists 东昌府区 first, then 茌平区, then 临清市.
    const firms = [
      { name: '中通轴承有限公司', county: 'chiping' },
      { name: '安顺化工有限公司', county: 'chiping' },
      { name: '临清纺织有限公司', county: 'linqing' },
      { name: '东昌机械有限公司', county: 'dongchangfu' },
    ] as const;
    for (const f of firms) await makeApplication(ctx.db, round, await makeEnterprise(ctx.db, f), 'notice');
    const [notice] = await publicNotices(ctx.db, 2026, '2026-06-02');
    expect(notice!.proposed.map((f) => f.name)).toEqual(['东昌机械有限公司', '安顺化工有限公司', '中通轴承有限公司', '临清纺织有限公司']);
  });
});
