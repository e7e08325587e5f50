import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbLike } from '../../../db/client.ts';
import { enterprises, tierRecognitions } from '../../../db/schema/index.ts';
import { TIER_LEVEL_NAMES, TIER_NAMES, tierLabel, type County, type Tier, type TierLevel } from '../../../domain/program.ts';
import type { CountedRow, Indicator } from './types.ts';

/**
 * Rows of "new designations" of one title at the given levels: each live firm once, in the year of its first designation
 * of that title (at any of the levels) that was not revoked (the ledger's designation year). A firm first designated before the
 * plan is not new; expired titles still count as gained; revoked ones never count. Source of the rule: the plan's
 * targets are "new" designations (PROGRAM.md, targets 2021–2023).
 */
export async function firstDesignations(db: DbLike, tier: Tier, levels: readonly TierLevel[]): Promise<CountedRow[]> {
  const first = sql<number>`min(${tierRecognitions.year})`;
  const rows = await db
    .select({ id: enterprises.id, county: enterprises.county, year: first })
    .from(tierRecognitions)
    .innerJoin(enterprises, eq(enterprises.id, tierRecognitions.enterpriseId))
    .where(and(eq(tierRecognitions.tier, tier), inArray(tierRecognitions.level, [...levels]), ne(tierRecognitions.status, 'revoked'), isNull(enterprises.deletedAt)))
    .groupBy(enterprises.id);
  return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year) }));
}

/**
 * An indicator counting new designations of one title at the given levels (one module per target imports this);
 * with several levels a firm counts once for the title, whichever level it reached first.
 */
export function designationIndicator(code: string, tier: Tier, levels: readonly TierLevel[]): Indicator {
  const one = levels.length === 1 ? levels[0]! : null;
  const zh = one ? tierLabel(tier, one, 'zh') : TIER_NAMES[tier].zh;
  const en = one ? tierLabel(tier, one, 'en') : TIER_NAMES[tier].en;
  const levelsZh = levels.map((l) => TIER_LEVEL_NAMES[l].zh).join('、');
  const levelsEn = levels.map((l) => TIER_LEVEL_NAMES[l].en.toLowerCase()).join(', ');
  return {
    code,
    section: 'titles',
    unit: 'firms',
    drillKind: 'firms',
    names: { zh: `新增${zh}`, en: `New ${en}` },
    rule: {
      zh: `规划期内新认定的${zh.replace(/企业$/, '')}企业数：按称号台账的认定年度，计入级别：${levelsZh}；每家企业每个称号只计一次（首次认定）；规划期前已认定的不计；已撤销的不计，已到期的仍计入。`,
      en: `Firms newly designated ${en} within the plan's years, by the ledger's designation year, levels counted: ${levelsEn}; each firm once per title (first designation); firms designated before the plan do not count; revoked titles are excluded, expired ones still count.`,
    },
    rows: (db) => firstDesignations(db, tier, levels),
  };
}
