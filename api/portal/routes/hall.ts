import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { hallScenes } from '../../public/queries/hall-detail.ts';
import { halls, hotspots, scenes } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, optionalText, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { assertOwnTargets, assertUsablePanorama, startViewOf, hallOf, nextScenePosition, ownedHotspot, ownedScene, reorderScenes } from '../hall-editor.ts';
import { HOTSPOT_TARGET, hotspotCreate, hotspotPatch, sceneCreate, sceneOrder, scenePatch } from '../hall-schemas.ts';
import { assertMergedRecord, requireChanges } from '../../lib/patch.ts';
import { portalScope } from '../scope.ts';

const sceneParam = validate('param', z.object({ sceneId: idParam }));
const hotspotParam = validate('param', z.object({ hotspotId: idParam }));
/** A firm publishes or withdraws its own hall; a suspension is the bureau's and only it lifts one. */
const hallPatch = z.object({ tagline: plainText(60), taglineEn: optionalText(120), status: z.enum(['draft', 'published']) }).partial();

/** The hall editor: scenes, their order and starting views, hotspots. Every change is live at once. */
export function portalHallRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const hall = await hallOf(ctx.db, enterpriseId);
      return c.json({ hall, scenes: await hallScenes(ctx.db, hall.id) });
    })
    .patch('/', validate('json', hallPatch), async (c) => {
      const scope = portalScope(ctx, c);
      const hall = await hallOf(ctx.db, scope.enterpriseId);
      const patch = requireChanges(c.req.valid('json'));
      if (patch.status && hall.status === 'suspended') {
        throw new AppError(403, 'hall_suspended', { zh: '展馆已被主管部门暂停展示，请联系主管部门', en: 'The bureau has suspended this hall; please contact the bureau' });
      }
      const publishing = patch.status === 'published' && hall.status !== 'published';
      const [row] = await ctx.db
        .update(halls)
        .set({ ...patch, ...(publishing ? { publishedAt: new Date() } : {}) })
        .where(eq(halls.id, hall.id))
        .returning();
      await scope.changed('hall.update', 'hall', hall.id, 'profile', patch.status ? { status: patch.status } : undefined);
      return c.json(row);
    })
    .post('/scenes', validate('json', sceneCreate), async (c) => {
      const scope = portalScope(ctx, c);
      const body = c.req.valid('json');
      await assertUsablePanorama(ctx.db, scope.enterpriseId, body.panoramaId);
      const hall = await hallOf(ctx.db, scope.enterpriseId);
      const start = await startViewOf(ctx.mediaDir, body.panoramaId);
      const [scene] = await ctx.db
        .insert(scenes)
        .values({ hallId: hall.id, position: await nextScenePosition(ctx.db, hall.id), ...start, ...body })
        .returning();
      await scope.changed('scene.create', 'scene', scene!.id, 'scenes');
      return c.json(scene, 201);
    })
    .put('/scene-order', validate('json', sceneOrder), async (c) => {
      const scope = portalScope(ctx, c);
      const hall = await hallOf(ctx.db, scope.enterpriseId);
      await ctx.db.transaction((tx) => reorderScenes(tx, hall.id, c.req.valid('json').sceneIds));
      await scope.changed('scene.reorder', 'hall', hall.id, 'scenes');
      return c.json({ ok: true });
    })
    .patch('/scenes/:sceneId', sceneParam, validate('json', scenePatch), async (c) => {
      const scope = portalScope(ctx, c);
      const scene = await ownedScene(ctx.db, scope.enterpriseId, c.req.valid('param').sceneId);
      const [row] = await ctx.db.update(scenes).set(requireChanges(c.req.valid('json'))).where(eq(scenes.id, scene.id)).returning();
      await scope.changed('scene.update', 'scene', scene.id, 'scenes');
      return c.json(row);
    })
    .delete('/scenes/:sceneId', sceneParam, async (c) => {
      const scope = portalScope(ctx, c);
      const scene = await ownedScene(ctx.db, scope.enterpriseId, c.req.valid('param').sceneId);
      await ctx.db.delete(scenes).where(eq(scenes.id, scene.id));
      await scope.changed('scene.delete', 'scene', scene.id, 'scenes', { title: scene.title });
      return c.json({ ok: true });
    })
    .post('/scenes/:sceneId/hotspots', sceneParam, validate('json', hotspotCreate), async (c) => {
      const scope = portalScope(ctx, c);
      const scene = await ownedScene(ctx.db, scope.enterpriseId, c.req.valid('param').sceneId);
      const body = c.req.valid('json');
      await assertOwnTargets(ctx.db, scope.enterpriseId, body);
      const [hotspot] = await ctx.db.insert(hotspots).values({ ...body, sceneId: scene.id }).returning();
      await scope.changed('hotspot.create', 'hotspot', hotspot!.id, 'hotspots');
      return c.json(hotspot, 201);
    })
    .patch('/hotspots/:hotspotId', hotspotParam, validate('json', hotspotPatch), async (c) => {
      const scope = portalScope(ctx, c);
      const hotspot = await ownedHotspot(ctx.db, scope.enterpriseId, c.req.valid('param').hotspotId);
      const body = requireChanges(c.req.valid('json'));
      // The hotspot as it will be must still have the target its kind needs (clearing it is refused).
      assertMergedRecord(hotspot, body, (h) =>
        h[HOTSPOT_TARGET[h.kind]] == null ? { field: 'target', zh: '请为热点选择目标', en: 'the hotspot needs a target for its kind' } : null,
      );
      await assertOwnTargets(ctx.db, scope.enterpriseId, body);
      const [row] = await ctx.db.update(hotspots).set(body).where(eq(hotspots.id, hotspot.id)).returning();
      await scope.changed('hotspot.update', 'hotspot', hotspot.id, 'hotspots');
      return c.json(row);
    })
    .delete('/hotspots/:hotspotId', hotspotParam, async (c) => {
      const scope = portalScope(ctx, c);
      const hotspot = await ownedHotspot(ctx.db, scope.enterpriseId, c.req.valid('param').hotspotId);
      await ctx.db.delete(hotspots).where(eq(hotspots.id, hotspot.id));
      await scope.changed('hotspot.delete', 'hotspot', hotspot.id, 'hotspots');
      return c.json({ ok: true });
    });
}
