import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { County, Industry } from '../../domain/program.ts';
import { panoramaPosterUrl } from '../../media/urls.ts';
import type { Db } from '../../db/client.ts';
import { cohorts, cohortSelections, enterprises, halls, panoramas, scenes, tierRecognitions } from '../../db/schema/index.ts';
import { visibleHall } from './visibility.ts';
import { publicTitleSql } from '../../db/queries/titles.ts';
import { todayInChina } from '../../lib/dates.ts';

export interface HallFilter {
  county?: County | undefined;
  industry?: Industry | undefined;
  cohortYear?: number | undefined;
}

export interface HallCard {
  slug: string;
  name: string;
  nameEn: string | null;
  tagline: string;
  county: County;
  industry: Industry;
  fictional: boolean;
  poster: { url: string; width: number; height: number; placeholder: string } | null;
  tiers: { tier: string; level: string; year: number }[];
}

/** A page of published halls, alphabetical by firm name in Chinese collation order of the database. */
export async function listPublishedHalls(
  db: Db,
  filter: HallFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: HallCard[] }> {
  const where = and(
    visibleHall,
    filter.county ? eq(enterprises.county, filter.county) : undefined,
    filter.industry ? eq(enterprises.industry, filter.industry) : undefined,
    filter.cohortYear
      ? inArray(
          enterprises.id,
          db
            .select({ id: cohortSelections.enterpriseId })
            .from(cohortSelections)
            .innerJoin(cohorts, eq(cohorts.id, cohortSelections.cohortId))
            .where(eq(cohorts.year, filter.cohortYear)),
        )
      : undefined,
  );
  const coverScene = db
    .select({ hallId: scenes.hallId, panoramaId: sql<string>`${scenes.panoramaId}`.as('cover_panorama_id') })
    .from(scenes)
    .where(eq(scenes.position, 0))
    .as('cover');

  const [totalRow] = await db
    .select({ n: count() })
    .from(halls)
    .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
    .where(where);
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      slug: enterprises.slug,
      name: enterprises.name,
      nameEn: enterprises.nameEn,
      tagline: halls.tagline,
      county: enterprises.county,
      industry: enterprises.industry,
      fictional: enterprises.fictional,
      panoramaId: panoramas.id,
      posterFile: panoramas.posterFile,
      posterWidth: panoramas.posterWidth,
      posterHeight: panoramas.posterHeight,
      placeholder: panoramas.placeholder,
    })
    .from(halls)
    .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
    .leftJoin(coverScene, eq(coverScene.hallId, halls.id))
    .leftJoin(panoramas, eq(panoramas.id, coverScene.panoramaId))
    .where(where)
    .orderBy(asc(enterprises.name))
    .limit(page.limit)
    .offset(page.offset);

  const tiers = await verifiedTiersOf(
    db,
    rows.map((r) => r.enterpriseId),
  );
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      nameEn: r.nameEn,
      tagline: r.tagline,
      county: r.county,
      industry: r.industry,
      fictional: r.fictional,
      poster:
        r.panoramaId && r.posterFile
          ? {
              url: panoramaPosterUrl(r.panoramaId, r.posterFile),
              width: r.posterWidth!,
              height: r.posterHeight!,
              placeholder: r.placeholder!,
            }
          : null,
      tiers: tiers.get(r.enterpriseId) ?? [],
    })),
  };
}

/** Verified tier recognitions of several firms, highest year first. */
async function verifiedTiersOf(db: Db, enterpriseIds: number[]) {
  const byFirm = new Map<number, { tier: string; level: string; year: number }[]>();
  if (enterpriseIds.length === 0) return byFirm;
  const rows = await db
    .select({ enterpriseId: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
    .from(tierRecognitions)
    .where(and(inArray(tierRecognitions.enterpriseId, enterpriseIds), publicTitleSql(todayInChina())))
    .orderBy(sql`${tierRecognitions.year} desc`);
  for (const r of rows) {
    const list = byFirm.get(r.enterpriseId) ?? [];
    list.push({ tier: r.tier, level: r.level, year: r.year });
    byFirm.set(r.enterpriseId, list);
  }
  return byFirm;
}
