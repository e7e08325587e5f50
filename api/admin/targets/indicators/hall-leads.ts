import { and, eq, isNull, sql } from 'drizzle-orm';
import { enterprises, leads } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/** Leads (inquiries, job applications, investment interest) sent to firms through their halls, by year received. */
export const hallLeads: Indicator = {
  code: 'hall_leads',
  section: 'halls',
  unit: 'leads',
  drillKind: 'firms',
  weighted: true,
  names: { zh: '展馆线索', en: 'Hall leads' },
  rule: {
    zh: '通过展馆提交的询盘、求职与投资意向线索数，按收到日期（北京时间）所在年度汇总。',
    en: 'Inquiries, job applications and investment interest received through halls, by the year received (China time).',
  },
  async rows(db, w) {
    const year = sql<number>`cast(strftime('%Y', ${leads.createdAt} / 1000, 'unixepoch', '+8 hours') as integer)`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year, weight: sql<number>`count(*)` })
      .from(leads)
      .innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
      .where(and(sql`${year} between ${w.startYear} and ${w.endYear}`, isNull(enterprises.deletedAt)))
      .groupBy(enterprises.id, year);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year), weight: Number(r.weight) }));
  },
};
