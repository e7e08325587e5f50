import { and, desc, eq, inArray } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { applyBody, historyOf, prefill, applyToRound } from '../../admin/selection/applications.ts';
import { noticeEnd } from '../../admin/selection/notice-period.ts';
import { getRound } from '../../admin/selection/rounds.ts';
import { transitionApplication } from '../../admin/selection/transitions.ts';
import { movesFor, STATE_LABELS } from '../../admin/selection/workflow.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { attachments, selectionApplications, selectionRounds } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { portalScope } from '../scope.ts';

const idOf = (c: Context<AppEnv>, name: string) => {
  const parsed = idParam.safeParse(c.req.param(name));
  if (!parsed.success) throw new AppError(404, 'not_found', { zh: '找不到该记录', en: 'Not found' });
  return parsed.data;
};

/** Only the firm's own users apply and move their application (staff nominate from the workspace instead). */
function firmActor(ctx: AppContext, c: Context<AppEnv>) {
  const scope = portalScope(ctx, c);
  const { user } = scope.auth;
  if (user.role !== 'enterprise') throw new AppError(403, 'firm_only', { zh: '申报须由企业本身提交', en: 'Only the firm itself applies' });
  return { scope, user };
}

/**
 * The firm's side of selection rounds under /api/portal/enterprises/:id/selection: open rounds with the form
 * pre-filled from the register, the firm's applications with the firm-facing label, reasons and history, applying
 * (attachments must be the firm's own) and the moves a firm may take (resubmit, withdraw).
 */
export function portalSelectionRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const open = await ctx.db.select({ id: selectionRounds.id, year: selectionRounds.year, kind: selectionRounds.kind, title: selectionRounds.title, timeline: selectionRounds.timeline }).from(selectionRounds).where(eq(selectionRounds.state, 'open')).orderBy(desc(selectionRounds.year));
      const mine = await ctx.db
        .select({ app: selectionApplications, round: { id: selectionRounds.id, title: selectionRounds.title, kind: selectionRounds.kind, year: selectionRounds.year, timeline: selectionRounds.timeline, noticeWorkingDays: selectionRounds.noticeWorkingDays } })
        .from(selectionApplications)
        .innerJoin(selectionRounds, eq(selectionRounds.id, selectionApplications.roundId))
        .where(eq(selectionApplications.enterpriseId, enterpriseId))
        .orderBy(desc(selectionRounds.year));
      const applications = await Promise.all(
        mine.map(async ({ app, round }) => ({
          id: app.id,
          round: { id: round.id, title: round.title, year: round.year, noticeEnd: noticeEnd(round) },
          state: app.state,
          label: STATE_LABELS[app.state].firm,
          reason: app.lastReason,
          version: app.version,
          moves: movesFor(app.state, 'enterprise', round.kind).map((m) => ({ to: m.to, label: m.labelStaff })),
          history: (await historyOf(ctx.db, app.id)).map((h) => ({ at: h.at, label: h.labelFirm, reason: h.reason })),
        })),
      );
      const applied = new Set(mine.map((m) => m.round.id));
      return c.json({ open: open.filter((r) => !applied.has(r.id)), applications });
    })
    .get('/rounds/:roundId/form', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const round = await getRound(ctx.db, idOf(c, 'roundId'));
      const docs = await ctx.db.select({ id: attachments.id, name: attachments.name, type: attachments.type }).from(attachments).where(eq(attachments.enterpriseId, enterpriseId));
      return c.json({ round: { id: round.id, title: round.title, state: round.state, timeline: round.timeline }, data: await prefill(ctx.db, enterpriseId), attachments: docs });
    })
    .post('/rounds/:roundId/applications', validate('json', applyBody), async (c) => {
      const { scope, user } = firmActor(ctx, c);
      const round = await getRound(ctx.db, idOf(c, 'roundId'));
      const app = await applyToRound(ctx.db, round, user, scope.enterpriseId, c.req.valid('json'));
      await scope.changed('selection.apply', 'selection_application', app.id, null, { roundId: round.id });
      return c.json({ id: app.id, state: app.state, label: STATE_LABELS[app.state].firm }, 201);
    })
    .post('/applications/:applicationId/transitions', validate('json', z.object({ to: z.enum(['submitted', 'withdrawn']), reason: plainText(1000).optional() }).strict()), async (c) => {
      const { scope, user } = firmActor(ctx, c);
      const id = idOf(c, 'applicationId');
      const [own] = await ctx.db.select({ id: selectionApplications.id }).from(selectionApplications).where(and(eq(selectionApplications.id, id), inArray(selectionApplications.enterpriseId, [scope.enterpriseId])));
      if (!own) throw new AppError(404, 'not_found', { zh: '找不到该申报', en: 'No such application' });
      const next = await transitionApplication(ctx.db, { publicUrl: ctx.config.publicUrl }, user, id, c.req.valid('json'));
      return c.json({ id: next.id, state: next.state, label: STATE_LABELS[next.state].firm });
    });
}
