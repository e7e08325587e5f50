import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { panoramaManifestUrl, panoramaPosterUrl } from '../../media/urls.ts';
import type { Db, DbLike } from '../../db/client.ts';
import { photosOfProducts, type ProductPhotoView } from '../../db/queries/product-photos.ts';
import { cachedPublic } from './public-cache.ts';
import { visibleHall } from './visibility.ts';
import { publicTitleSql } from '../../db/queries/titles.ts';
import { todayInChina } from '../../lib/dates.ts';
import {
  enterprises,
  halls,
  hotspots,
  investmentProjects,
  jobs,
  panoramas,
  products,
  scenes,
  tierRecognitions,
  type Enterprise,
  type Hotspot,
  type InvestmentProject,
  type Job,
  type Product,
} from '../../db/schema/index.ts';

export interface HallScene {
  id: number;
  position: number;
  title: string;
  titleEn: string | null;
  initialView: { yaw: number; pitch: number; fov: number };
  map: { x: number; y: number } | null;
  panorama: { id: string; manifestUrl: string; posterUrl: string; posterWidth: number; posterHeight: number; placeholder: string } | null;
  hotspots: Hotspot[];
}

export interface HallDetail {
  enterprise: Enterprise;
  hall: { id: number; tagline: string; taglineEn: string | null; updatedAt: Date };
  tiers: { tier: string; level: string; year: number }[];
  scenes: HallScene[];
  products: Product[];
  /** Photos of each product, in display order. */
  productPhotos: Map<number, ProductPhotoView[]>;
  jobs: Job[];
  projects: InvestmentProject[];
}

/** getPublishedHall through the public memo (forgotten when that firm, or for lists any firm, saves a change). */
export function publishedHall(db: Db, slug: string): Promise<HallDetail | null> {
  return cachedPublic(`hall:${slug}`, () => getPublishedHall(db, slug), (hall) => hall?.enterprise.id ?? null);
}

/** Everything the public hall page shows, or null when there is no published hall at that slug. */
export async function getPublishedHall(db: Db, slug: string, today = new Date().toISOString().slice(0, 10)): Promise<HallDetail | null> {
  const [head] = await db
    .select({ enterprise: enterprises, hall: halls })
    .from(halls)
    .innerJoin(enterprises, eq(enterprises.id, halls.enterpriseId))
    .where(and(eq(enterprises.slug, slug), visibleHall));
  if (!head) return null;
  const enterpriseId = head.enterprise.id;

  const [tierRows, sceneRows, productRows, jobRows, projectRows] = await Promise.all([
    db
      .select({ tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
      .from(tierRecognitions)
      .where(and(eq(tierRecognitions.enterpriseId, enterpriseId), publicTitleSql(todayInChina()))),
    hallScenes(db, head.hall.id),
    db.select().from(products).where(and(eq(products.enterpriseId, enterpriseId), eq(products.status, 'published'))).orderBy(asc(products.id)),
    db
      .select()
      .from(jobs)
      .where(and(eq(jobs.enterpriseId, enterpriseId), eq(jobs.status, 'published'), gte(jobs.validUntil, today)))
      .orderBy(asc(jobs.id)),
    db
      .select()
      .from(investmentProjects)
      .where(and(eq(investmentProjects.enterpriseId, enterpriseId), eq(investmentProjects.status, 'published')))
      .orderBy(asc(investmentProjects.id)),
  ]);
  // A hotspot pointing at a listing that is no longer public would lead nowhere: leave it out.
  const live = {
    product: new Set(productRows.map((p) => p.id)),
    job: new Set(jobRows.map((j) => j.id)),
    project: new Set(projectRows.map((p) => p.id)),
  };
  const visible = (h: Hotspot) =>
    (h.kind !== 'product' || live.product.has(h.productId!)) &&
    (h.kind !== 'job' || live.job.has(h.jobId!)) &&
    (h.kind !== 'project' || live.project.has(h.projectId!));

  return {
    enterprise: head.enterprise,
    hall: { id: head.hall.id, tagline: head.hall.tagline, taglineEn: head.hall.taglineEn, updatedAt: head.hall.updatedAt },
    tiers: tierRows,
    scenes: sceneRows.map((scene) => ({ ...scene, hotspots: scene.hotspots.filter(visible) })),
    products: productRows,
    productPhotos: await photosOfProducts(db, productRows.map((p) => p.id)),
    jobs: jobRows,
    projects: projectRows,
  };
}

/** The scenes of a hall in order, with their panoramas and every hotspot (the editor sees them all). */
export async function hallScenes(db: DbLike, hallId: number): Promise<HallScene[]> {
  const sceneRows = await db
    .select({ scene: scenes, panorama: panoramas })
    .from(scenes)
    .leftJoin(panoramas, eq(panoramas.id, scenes.panoramaId))
    .where(eq(scenes.hallId, hallId))
    .orderBy(asc(scenes.position));
  const spotRows = sceneRows.length
    ? await db
        .select()
        .from(hotspots)
        .where(inArray(hotspots.sceneId, sceneRows.map((r) => r.scene.id)))
        .orderBy(asc(hotspots.id))
    : [];
  return sceneRows.map(({ scene, panorama }) => ({
    id: scene.id,
    position: scene.position,
    title: scene.title,
    titleEn: scene.titleEn,
    initialView: { yaw: scene.initialYaw, pitch: scene.initialPitch, fov: scene.initialFov },
    map: scene.mapX === null || scene.mapY === null ? null : { x: scene.mapX, y: scene.mapY },
    panorama: panorama
      ? {
          id: panorama.id,
          manifestUrl: panoramaManifestUrl(panorama.id),
          posterUrl: panoramaPosterUrl(panorama.id, panorama.posterFile),
          posterWidth: panorama.posterWidth,
          posterHeight: panorama.posterHeight,
          placeholder: panorama.placeholder,
        }
      : null,
    hotspots: spotRows.filter((h) => h.sceneId === scene.id),
  }));
}
