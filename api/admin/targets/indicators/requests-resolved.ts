import { and, eq, isNull, sql } from 'drizzle-orm';
import { enterprises, serviceRequests } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/**
 * Firms whose request was solved (有求必应): requests the firm itself confirmed as resolved (only the firm confirms,
 * api/domain/requests.ts), each firm once per year, in the year it confirmed (China time).
 */
export const firmsHelped: Indicator = {
  code: 'firms_helped',
  section: 'services',
  unit: 'firms',
  drillKind: 'firms',
  // Scans every solved request (~65 ms for 35,000 at ten times the city's size, bench:admin): the dashboard may show
  // figures up to a minute old; reports count afresh.
  cacheMs: 60_000,
  names: { zh: '诉求已解决的企业', en: 'Firms whose requests were solved' },
  rule: {
    zh: '企业提出的服务诉求经企业本人确认“已解决”的企业数，按确认日期（北京时间）所在年度计；同一企业同一年度只计一次。',
    en: 'Firms that confirmed a service request of theirs as solved (only the firm confirms), by the year of confirmation (China time); each firm once a year.',
  },
  async rows(db, w) {
    const year = sql<number>`cast(strftime('%Y', ${serviceRequests.resolvedAt} / 1000 + 8 * 3600, 'unixepoch') as integer)`;
    const rows = await db
      .selectDistinct({ id: enterprises.id, county: enterprises.county, year })
      .from(serviceRequests)
      .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
      .where(and(eq(serviceRequests.state, 'resolved'), isNull(enterprises.deletedAt), sql`${year} between ${w.startYear} and ${w.endYear}`));
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year) }));
  },
};
