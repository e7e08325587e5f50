import { and, eq, isNull, sql } from 'drizzle-orm';
import { enterprises, leads } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/** Deals: leads the firm marked "won" in its portal, by the year the lead came in. */
export const hallDeals: Indicator = {
  code: 'hall_deals',
  section: 'halls',
  unit: 'leads',
  drillKind: 'firms',
  weighted: true,
  names: { zh: '展馆线索成交', en: 'Hall leads won' },
  rule: {
    zh: '企业在企业中心标记为“已成交”的展馆线索数，按线索收到日期（北京时间）所在年度汇总。',
    en: 'Hall leads the firm marked as won in its portal, by the year the lead was received (China time).',
  },
  async rows(db, w) {
    const year = sql<number>`cast(strftime('%Y', ${leads.createdAt} / 1000, 'unixepoch', '+8 hours') as integer)`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year, weight: sql<number>`count(*)` })
      .from(leads)
      .innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
      .where(and(eq(leads.status, 'won'), sql`${year} between ${w.startYear} and ${w.endYear}`, isNull(enterprises.deletedAt)))
      .groupBy(enterprises.id, year);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year), weight: Number(r.weight) }));
  },
};
