import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { fileRequest, transitionRequest } from '../../admin/services/request-writes.ts';
import { requestHistory } from '../../admin/services/request-queries.ts';
import { visitsOfFirm } from '../../admin/services/visits.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { serviceRequests, serviceTeams, visitConsents } from '../../db/schema/index.ts';
import { transitionsFrom, URGENCIES } from '../../domain/requests.ts';
import { SERVICE_ITEM_ACTION, SERVICE_ITEMS, SUPPORT_ACTIONS } from '../../domain/services.ts';
import { emptyText, idParam, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { notOwned, portalScope } from '../scope.ts';

const requestCreate = z
  .object({
    supportAction: z.enum(SUPPORT_ACTIONS),
    serviceItem: z.enum(SERVICE_ITEMS).nullable().default(null),
    title: plainText(80, 2),
    description: plainText(5000, 5),
    attachmentIds: z.array(idParam).max(10).default([]),
    urgency: z.enum(URGENCIES).default('normal'),
    preferredTime: emptyText(100),
  })
  .strict()
  .refine((r) => !r.serviceItem || SERVICE_ITEM_ACTION[r.serviceItem] === r.supportAction, {
    path: ['serviceItem'],
    message: '服务事项不属于所选帮扶行动 (the service item belongs to another support action)',
  });

const firmTransition = z
  .object({
    to: z.enum(['resolved', 'in_service', 'withdrawn']),
    note: emptyText(2000),
    // An unchosen rating arrives as '' (0): say what to do, not "at least 1".
    rating: z.coerce.number().int().min(1, '请选择评分 (choose a rating)').max(5).optional(),
    feedback: plainText(2000).nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const requestParam = z.object({ requestId: idParam });

/** The firm's requests (诉求) under /api/portal/enterprises/:enterpriseId/requests: file, list, read, confirm/reopen/withdraw. */
export function portalRequestRoutes(ctx: AppContext) {
  const ownRequest = async (enterpriseId: number, requestId: number) => {
    const [row] = await ctx.db.select().from(serviceRequests).where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.enterpriseId, enterpriseId)));
    if (!row) throw notOwned({ zh: '诉求', en: 'request' });
    return row;
  };
  return new Hono<AppEnv>()
    .post('/', validate('json', requestCreate), async (c) => {
      const scope = portalScope(ctx, c);
      const row = await fileRequest(ctx.db, { enterpriseId: scope.enterpriseId, userId: scope.auth.user.id }, c.req.valid('json'));
      await scope.changed('request.file', 'service_request', row.id, null);
      return c.json({ id: row.id, state: row.state }, 201);
    })
    .get('/', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const rows = await ctx.db
        .select({ r: serviceRequests, teamName: serviceTeams.name })
        .from(serviceRequests)
        .leftJoin(serviceTeams, eq(serviceTeams.id, serviceRequests.teamId))
        .where(eq(serviceRequests.enterpriseId, enterpriseId))
        .orderBy(desc(serviceRequests.id))
        .limit(500);
      return c.json({
        items: rows.map(({ r, teamName }) => ({
          id: r.id,
          title: r.title,
          supportAction: r.supportAction,
          serviceItem: r.serviceItem,
          state: r.state,
          urgency: r.urgency,
          priority: r.priority,
          teamName,
          rating: r.rating,
          createdAt: r.createdAt.toISOString(),
          version: r.version,
        })),
      });
    })
    .get('/:requestId', validate('param', requestParam), async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const r = await ownRequest(enterpriseId, c.req.valid('param').requestId);
      // The bureau's dispatch note (派单/改派 说明, e.g. whom it asked to follow up) is internal: the firm sees the step only.
      const history = (await requestHistory(ctx.db, r.id)).map(({ actorRole, actorName, ...e }) => ({
        ...e,
        note: e.toState === 'assigned' ? '' : e.note,
        by: actorRole === 'enterprise' ? 'firm' : 'service',
        actorName: actorRole === 'enterprise' ? actorName : null,
      }));
      return c.json({
        ...r,
        stateSince: r.stateSince.toISOString(),
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        escalatedAt: undefined,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        history,
        transitions: transitionsFrom(r.state, ['firm']).map((t) => ({ to: t.to, noteRequired: t.noteRequired, label: t.label.firm })),
      });
    })
    .post('/:requestId/transitions', validate('param', requestParam), validate('json', firmTransition), async (c) => {
      const scope = portalScope(ctx, c);
      const r = await ownRequest(scope.enterpriseId, c.req.valid('param').requestId);
      const saved = await transitionRequest(ctx.db, { kind: 'firm', user: scope.auth.user }, r.id, c.req.valid('json'));
      await scope.changed('request.transition', 'service_request', r.id, null, { to: saved.state });
      return c.json({ id: saved.id, state: saved.state, priority: saved.priority, version: saved.version });
    });
}

/**
 * The firm's consent to visits (非请勿扰) under /api/portal/enterprises/:enterpriseId/visit-consent: read, give,
 * withdraw; and the visits made to the firm (GET …/visits).
 */
export function portalConsentRoutes(ctx: AppContext) {
  const current = async (enterpriseId: number) =>
    (await ctx.db.select().from(visitConsents).where(and(eq(visitConsents.enterpriseId, enterpriseId), isNull(visitConsents.withdrawnAt))).orderBy(asc(visitConsents.id)))[0];
  const view = (row: Awaited<ReturnType<typeof current>>) => ({ consent: row ? { id: row.id, note: row.note, givenAt: row.givenAt.toISOString() } : null });
  return new Hono<AppEnv>()
    .get('/visit-consent', async (c) => c.json(view(await current(portalScope(ctx, c).enterpriseId))))
    .post('/visit-consent', validate('json', z.object({ note: emptyText(500) }).strict()), async (c) => {
      const scope = portalScope(ctx, c);
      let row = await current(scope.enterpriseId);
      if (!row) {
        [row] = await ctx.db.insert(visitConsents).values({ enterpriseId: scope.enterpriseId, givenBy: scope.auth.user.id, note: c.req.valid('json').note, givenAt: new Date() }).returning();
        await scope.changed('visit_consent.give', 'visit_consent', row!.id, null);
      }
      return c.json(view(row));
    })
    .delete('/visit-consent', async (c) => {
      const scope = portalScope(ctx, c);
      const row = await current(scope.enterpriseId);
      if (row) {
        await ctx.db.update(visitConsents).set({ withdrawnAt: new Date(), withdrawnBy: scope.auth.user.id }).where(and(isNull(visitConsents.withdrawnAt), eq(visitConsents.enterpriseId, scope.enterpriseId)));
        await scope.changed('visit_consent.withdraw', 'visit_consent', row.id, null);
      }
      return c.json(view(undefined));
    })
    .get('/visits', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const items = (await visitsOfFirm(ctx.db, enterpriseId)).map(({ loggedBy: _l, attachmentIds: _a, ...v }) => v);
      return c.json({ items });
    });
}
