import type { DbLike } from '../../api/db/client.ts';
import { grantPanorama } from '../../api/media/panoramas.ts';
import {
  cohorts,
  cohortSelections,
  enterprises,
  halls,
  hotspots,
  investmentProjects,
  jobs,
  products,
  scenes,
  tierRecognitions,
  users,
} from '../../api/db/schema/index.ts';
import type { DemoFirm } from '../../content/demo/types.ts';
import { demoAccountEmail, demoCreditCode, demoLedgerFields, demoValidUntil, HOTSPOT_PLACES } from './demo-rows.ts';

/** Cohort years of the demo: firms alternate between the last two completed selections (this year's round is still running). */
async function cohortIdFor(db: DbLike, year: number): Promise<number> {
  const [row] = await db
    .insert(cohorts)
    .values({ year, title: `${year} 年度千企在线展馆入选企业` })
    .onConflictDoUpdate({ target: cohorts.year, set: { year } })
    .returning({ id: cohorts.id });
  return row!.id;
}

/** Inserts one demo firm with its tiers, cohort selection, listings and a published hall. */
export async function insertDemoFirm(
  db: DbLike,
  firm: DemoFirm,
  n: number,
  panoramaIds: Map<string, string>,
  today: Date,
  demoPasswordHash: string,
) {
  const [ent] = await db
    .insert(enterprises)
    .values({
      creditCode: demoCreditCode(firm, n),
      name: firm.name,
      nameEn: firm.nameEn,
      slug: firm.slug,
      county: firm.county,
      industry: firm.industry,
      sizeClass: firm.sizeClass,
      foundedYear: firm.foundedYear,
      address: firm.contact.address,
      contactName: firm.contact.name,
      contactPhone: firm.contact.phone,
      contactEmail: firm.contact.email,
      intro: firm.intro,
      fictional: true,
    })
    .returning({ id: enterprises.id });
  const enterpriseId = ent!.id;
  // A demo account per firm; it signs in only while the platform runs in demo mode.
  await db.insert(users).values({
    email: demoAccountEmail(firm),
    displayName: `${firm.contact.name}（演示）`,
    role: 'enterprise',
    enterpriseId,
    passwordHash: demoPasswordHash,
    demo: true,
  });

  if (firm.tiers.length > 0) {
    await db.insert(tierRecognitions).values(firm.tiers.map((t) => ({ enterpriseId, ...t, ...demoLedgerFields(t), verified: true })));
  }
  const year = today.getUTCFullYear() - 1 - (n % 2);
  await db.insert(cohortSelections).values({ cohortId: await cohortIdFor(db, year), enterpriseId });

  const productRows = await db
    .insert(products)
    .values(
      firm.products.map((p) => ({
        enterpriseId,
        name: p.name,
        nameEn: p.nameEn,
        summary: p.summary,
        specs: p.specs,
        priceFen: p.price === undefined ? null : p.price * 100,
        priceUnit: p.priceUnit,
      })),
    )
    .returning({ id: products.id, name: products.name });
  const validUntil = demoValidUntil(today);
  const jobRows = await db
    .insert(jobs)
    .values(
      firm.jobs.map((j) => ({
        enterpriseId,
        title: j.title,
        titleEn: j.titleEn,
        salaryMin: j.salary[0],
        salaryMax: j.salary[1],
        location: firm.contact.address,
        headcount: j.headcount,
        requirements: j.requirements,
        validUntil,
      })),
    )
    .returning({ id: jobs.id, title: jobs.title });
  const projectRows = await db
    .insert(investmentProjects)
    .values(
      firm.projects.map((p) => ({
        enterpriseId,
        title: p.title,
        sector: p.sector,
        amountWan: p.amountWan,
        cooperationMode: p.mode,
        summary: p.summary,
      })),
    )
    .returning({ id: investmentProjects.id, title: investmentProjects.title });

  const panoramaIdsOfFirm = firm.scenes.map((_, i) => panoramaIds.get(`${firm.slug}/${i}`)).filter((id) => id !== undefined);
  for (const panoramaId of new Set(panoramaIdsOfFirm)) await grantPanorama(db, enterpriseId, panoramaId);
  const [hall] = await db
    .insert(halls)
    .values({ enterpriseId, status: 'published', tagline: firm.tagline, publishedAt: today })
    .returning({ id: halls.id });
  const sceneRows = await db
    .insert(scenes)
    .values(
      firm.scenes.map((s, position) => ({
        hallId: hall!.id,
        position,
        title: s.title,
        titleEn: s.titleEn,
        panoramaId: panoramaIds.get(`${firm.slug}/${position}`) ?? null,
        initialYaw: 0,
        initialPitch: -5,
        initialFov: 90,
        mapX: 0.2 + (0.6 * position) / Math.max(1, firm.scenes.length - 1),
        mapY: 0.5,
      })),
    )
    .returning({ id: scenes.id, title: scenes.title });

  const spots: (typeof hotspots.$inferInsert)[] = [];
  sceneRows.forEach((scene, i) => {
    const next = sceneRows[i + 1];
    const prev = sceneRows[i - 1];
    if (next) spots.push({ sceneId: scene.id, kind: 'scene', ...HOTSPOT_PLACES.nextScene, label: next.title, targetSceneId: next.id });
    if (prev) spots.push({ sceneId: scene.id, kind: 'scene', ...HOTSPOT_PLACES.previousScene, label: prev.title, targetSceneId: prev.id });
    // Labels name the target only: the viewer shows the kind (前往, 招聘 …) before them.
    if (i === 0) {
      spots.push({ sceneId: scene.id, kind: 'info', ...HOTSPOT_PLACES.info, label: '企业简介', body: firm.intro });
      if (jobRows[0]) spots.push({ sceneId: scene.id, kind: 'job', ...HOTSPOT_PLACES.job, label: jobRows[0].title, jobId: jobRows[0].id });
      if (projectRows[0])
        spots.push({ sceneId: scene.id, kind: 'project', ...HOTSPOT_PLACES.project, label: projectRows[0].title, projectId: projectRows[0].id });
    }
    // Products stand in the products room, or in the first room when the hall has none.
    const showsProducts = firm.scenes[i]!.kind === 'products' || (i === 0 && !firm.scenes.some((s) => s.kind === 'products'));
    if (showsProducts) {
      productRows.slice(0, HOTSPOT_PLACES.products.length).forEach((p, k) => {
        spots.push({ sceneId: scene.id, kind: 'product', ...HOTSPOT_PLACES.products[k]!, label: p.name, productId: p.id });
      });
    }
  });
  if (spots.length > 0) await db.insert(hotspots).values(spots);
}
