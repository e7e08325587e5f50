import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { enterprises, serviceOutcomes } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/**
 * Firms with a verified service outcome (千企服务成果数据库): outcomes the bureau verified (four eyes, never by who
 * recorded them), each firm once a year, in the year the outcome was achieved.
 */
export const firmsWithOutcomes: Indicator = {
  code: 'firms_with_outcomes',
  section: 'outcomes',
  unit: 'firms',
  drillKind: 'firms',
  names: { zh: '取得已核实服务成果的企业', en: 'Firms with verified service outcomes' },
  rule: {
    zh: '服务成果经市局核实（非登记人核实）的企业数，按成果取得日期所在年度计；同一企业同一年度只计一次；未核实的成果不计。',
    en: 'Firms with a service outcome verified by the bureau (not by the person who recorded it), by the year the outcome was achieved; each firm once a year; unverified outcomes do not count.',
  },
  async rows(db, w) {
    const year = sql<number>`cast(substr(${serviceOutcomes.achievedOn}, 1, 4) as integer)`;
    const rows = await db
      .selectDistinct({ id: enterprises.id, county: enterprises.county, year })
      .from(serviceOutcomes)
      .innerJoin(enterprises, eq(enterprises.id, serviceOutcomes.enterpriseId))
      .where(and(isNotNull(serviceOutcomes.verifiedAt), isNull(enterprises.deletedAt), sql`${serviceOutcomes.achievedOn} between ${`${w.startYear}-01-01`} and ${`${w.endYear}-12-31`}`));
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year) }));
  },
};
