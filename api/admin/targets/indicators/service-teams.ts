import { eq } from 'drizzle-orm';
import { enterprises, serviceTeamFirms, serviceTeams } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { CountedRow, Indicator } from './types.ts';

/**
 * Expert service teams formed (10, PROGRAM.md): teams on record. The pool has no formation date, so the figure is
 * the same in every year; by area, a team counts in each area where it serves a firm.
 */
export const serviceTeamsFormed: Indicator = {
  code: 'service_teams',
  section: 'services',
  unit: 'teams',
  drillKind: 'teams',
  names: { zh: '组建专家服务团', en: 'Expert service teams formed' },
  rule: {
    zh: '服务资源池中已组建的专家服务团数（暂无组建日期，各年度相同）；分县区时，服务团在其服务企业所在的每个县区各计一次。',
    en: 'Expert service teams on record (no formation date yet, so every year shows the same figure); by area, a team counts in each area where it serves a firm.',
  },
  async rows(db) {
    const teams = await db.select({ id: serviceTeams.id }).from(serviceTeams);
    const served = await db
      .selectDistinct({ id: serviceTeamFirms.teamId, county: enterprises.county })
      .from(serviceTeamFirms)
      .innerJoin(enterprises, eq(enterprises.id, serviceTeamFirms.enterpriseId));
    const rows: CountedRow[] = teams.map((t) => ({ id: t.id, county: null, year: null }));
    for (const s of served) rows.push({ id: s.id, county: s.county as County, year: null });
    return rows;
  },
};
