import { and, eq, max } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { enterprisePanoramas, halls, hotspots, investmentProjects, jobs, products, scenes, type Hotspot } from '../db/schema/index.ts';
import { defaultStartView } from '../../viewer/view/start.ts';
import { AppError } from '../lib/errors.ts';
import { readPanoramaManifest } from '../media/panoramas.ts';
import { notOwned } from './scope.ts';

/** The enterprise's hall, created as a draft the first time the firm edits it. */
export async function hallOf(db: DbLike, enterpriseId: number) {
  const [hall] = await db.select().from(halls).where(eq(halls.enterpriseId, enterpriseId));
  if (hall) return hall;
  const [created] = await db.insert(halls).values({ enterpriseId, status: 'draft' }).returning();
  return created!;
}

export async function ownedScene(db: DbLike, enterpriseId: number, sceneId: number) {
  const [row] = await db
    .select({ scene: scenes })
    .from(scenes)
    .innerJoin(halls, eq(halls.id, scenes.hallId))
    .where(and(eq(scenes.id, sceneId), eq(halls.enterpriseId, enterpriseId)));
  if (!row) throw notOwned({ zh: '场景', en: 'scene' });
  return row.scene;
}

export async function ownedHotspot(db: DbLike, enterpriseId: number, hotspotId: number) {
  const [row] = await db
    .select({ hotspot: hotspots })
    .from(hotspots)
    .innerJoin(scenes, eq(scenes.id, hotspots.sceneId))
    .innerJoin(halls, eq(halls.id, scenes.hallId))
    .where(and(eq(hotspots.id, hotspotId), eq(halls.enterpriseId, enterpriseId)));
  if (!row) throw notOwned({ zh: '热点', en: 'hotspot' });
  return row.hotspot;
}

/** A panorama the firm may use: one its uploads produced or the demo seed gave it (kept after its scene is deleted). */
export async function assertUsablePanorama(db: DbLike, enterpriseId: number, panoramaId: string): Promise<void> {
  const [owned] = await db
    .select({ id: enterprisePanoramas.panoramaId })
    .from(enterprisePanoramas)
    .where(and(eq(enterprisePanoramas.enterpriseId, enterpriseId), eq(enterprisePanoramas.panoramaId, panoramaId)));
  if (!owned) throw notOwned({ zh: '全景图', en: 'panorama' });
}

/**
 * The starting view of a new scene made from this panorama (degrees): where the photo asks to open, else the middle
 * of what it covers, so a partial photo never opens on the fill. Yaw 0 / pitch 0 when the manifest is unreadable.
 */
export async function startViewOf(mediaDir: string, panoramaId: string): Promise<{ initialYaw: number; initialPitch: number; initialFov: number }> {
  const manifest = await readPanoramaManifest(mediaDir, panoramaId);
  if (!manifest) return { initialYaw: 0, initialPitch: 0, initialFov: 90 };
  const { yaw, pitch, fov } = defaultStartView(manifest);
  return { initialYaw: yaw, initialPitch: pitch, initialFov: fov };
}

export async function nextScenePosition(db: DbLike, hallId: number): Promise<number> {
  const [row] = await db.select({ last: max(scenes.position) }).from(scenes).where(eq(scenes.hallId, hallId));
  return row?.last == null ? 0 : row.last + 1;
}

/** Every id a hotspot points at must be this firm's: a scene of its hall, its own product, job or project. */
export async function assertOwnTargets(db: DbLike, enterpriseId: number, h: Partial<Pick<Hotspot, 'targetSceneId' | 'productId' | 'jobId' | 'projectId'>>) {
  if (h.targetSceneId != null) await ownedScene(db, enterpriseId, h.targetSceneId);
  const checks = [
    [products, h.productId, '产品', 'product'],
    [jobs, h.jobId, '岗位', 'job'],
    [investmentProjects, h.projectId, '招商项目', 'project'],
  ] as const;
  for (const [table, id, zh, en] of checks) {
    if (id == null) continue;
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.enterpriseId, enterpriseId)));
    if (!row) throw notOwned({ zh, en });
  }
}

/** Applies a new scene order, which must name exactly the hall's scenes. */
export async function reorderScenes(db: DbLike, hallId: number, sceneIds: number[]): Promise<void> {
  const current = await db.select({ id: scenes.id }).from(scenes).where(eq(scenes.hallId, hallId));
  const known = new Set(current.map((s) => s.id));
  if (sceneIds.length !== known.size || new Set(sceneIds).size !== sceneIds.length || !sceneIds.every((id) => known.has(id))) {
    throw new AppError(400, 'invalid_scene_order', { zh: '场景顺序需包含展馆的全部场景且不重复', en: 'The order must list every scene of the hall exactly once' });
  }
  for (const [position, id] of sceneIds.entries()) {
    await db.update(scenes).set({ position }).where(eq(scenes.id, id));
  }
}
