import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { attachments, expertConflicts, experts, enterprises, selectionApplications, selectionHistory } from '../../db/schema/index.ts';
import { APPLICATION_STATES, ROUND_STATES } from '../../domain/selection.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { todayInChina } from '../../lib/dates.ts';
import { registerQuery } from '../register/filters.ts';
import { enterpriseIdsMatching } from '../register/queries.ts';
import { firmNotFound, liveFirms, requireStaff } from '../scope.ts';
import { applicationListQuery, historyOf, listApplications, movesFor, nominate, reviewsOf, stateCounts } from './applications.ts';
import { moveAll, proposeFromRanking, rankRound, roundDrift } from './board.ts';
import { drawForRound } from './draw.ts';
import { handleObjection, objectionHandle, objectionsOf } from './notice.ts';
import { noticeEnd } from './notice-period.ts';
import { expertOf, myReviews, reviewTask, scoreBody, submitReview } from './reviews.ts';
import { advanceRound, createRound, getRound, listRounds, roundCreate, roundPatch, updateRound } from './rounds.ts';
import { hallTracker, sendBuildReminders } from './tracker.ts';
import { applicationInScope, transitionApplication } from './transitions.ts';
import { STATE_LABELS } from './workflow.ts';

const CITY = ['bureau', 'admin'] as const;

const idOf = (c: Context<AppEnv>, name = 'id') => {
  const parsed = idParam.safeParse(c.req.param(name));
  if (!parsed.success) throw new AppError(404, 'not_found', { zh: '找不到该记录', en: 'Not found' });
  return parsed.data;
};

const transitionBody = z
  .object({
    to: z.enum(APPLICATION_STATES),
    reason: plainText(1000).nullable().optional(),
    documentNo: plainText(100).optional(),
    issuingBody: plainText(100).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** Firms to nominate: ids ticked in the register, or a register query (a saved candidate view's) — every match. */
const nominationBody = z
  .object({ enterpriseIds: z.array(idParam).min(1).max(2000).optional(), query: z.string().max(2000).optional() })
  .strict()
  .refine((b) => (b.enterpriseIds ? 1 : 0) + (b.query !== undefined ? 1 : 0) === 1, { message: '请指定 enterpriseIds 或 query 之一 (give enterpriseIds or query)' });

/** The ids of the register query's matches in the actor's scope (at most 2,000); 400 for a malformed query. */
async function idsOfRegisterQuery(db: AppContext['db'], actor: Parameters<typeof enterpriseIdsMatching>[1], search: string): Promise<number[]> {
  const parsed = registerQuery.safeParse(Object.fromEntries(new URLSearchParams(search)));
  if (!parsed.success) throw new AppError(400, 'invalid_input', { zh: '筛选条件有误', en: 'Invalid register query' });
  return enterpriseIdsMatching(db, actor, parsed.data, todayInChina(), 2000);
}

/**
 * Selection and title-recommendation rounds under /api/admin: rounds (bureau creates and edits), applications
 * (scoped lists, detail, transitions through the workflow table), nominations, the expert draw and blind scoring,
 * ranking and overrides, objections and the hall build tracker.
 */
export function selectionRoutes(ctx: AppContext) {
  const publicUrl = ctx.config.publicUrl;
  return new Hono<AppEnv>()
    .get('/rounds', async (c) => {
      requireStaff(c);
      return c.json({ items: await listRounds(ctx.db) });
    })
    .post('/rounds', validate('json', roundCreate), async (c) => {
      requireStaff(c, CITY);
      return c.json(await createRound(ctx.db, c.req.valid('json')), 201);
    })
    .get('/rounds/:id', async (c) => {
      // Experts see only their own review tasks (blind scoring), not the round's board.
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const round = await getRound(ctx.db, idOf(c));
      return c.json({ round, noticeEnd: noticeEnd(round), counts: await stateCounts(ctx.db, actor, round.id) });
    })
    .patch('/rounds/:id', validate('json', roundPatch), async (c) => {
      requireStaff(c, CITY);
      return c.json(await updateRound(ctx.db, idOf(c), c.req.valid('json')));
    })
    .post('/rounds/:id/phase', validate('json', z.object({ to: z.enum(ROUND_STATES) }).strict()), async (c) => {
      const actor = requireStaff(c, CITY);
      const round = await advanceRound(ctx.db, idOf(c), c.req.valid('json').to);
      // Entering the notice publishes the proposed list.
      if (round.state === 'notice') await moveAll(ctx.db, { publicUrl }, actor, round, 'proposed', 'notice');
      return c.json(await getRound(ctx.db, round.id));
    })
    .post('/rounds/:id/decide', async (c) => {
      const actor = requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      return c.json(await moveAll(ctx.db, { publicUrl }, actor, round, 'notice', round.kind === 'hall' ? 'selected' : 'recommended'));
    })
    .get('/rounds/:id/applications', validate('query', applicationListQuery), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const round = await getRound(ctx.db, idOf(c));
      return c.json(await listApplications(ctx.db, actor, round.id, c.req.valid('query')));
    })
    .post('/rounds/:id/nominations', validate('json', nominationBody), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const round = await getRound(ctx.db, idOf(c));
      const body = c.req.valid('json');
      return c.json(await nominate(ctx.db, round, actor, body.enterpriseIds ?? (await idsOfRegisterQuery(ctx.db, actor, body.query!))));
    })
    .post('/rounds/:id/draw', validate('json', z.object({ seed: z.string().regex(/^[\w-]{4,64}$/).optional() }).strict()), async (c) => {
      requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      const seed = c.req.valid('json').seed ?? `${round.year}-${round.id}-${randomBytes(6).toString('hex')}`;
      return c.json({ seed, ...(await drawForRound(ctx.db, round.id, round.expertsPerApplication, seed)) });
    })
    .get('/rounds/:id/ranking', async (c) => {
      requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      return c.json({ quota: round.quota, areaQuotas: round.areaQuotas, items: await rankRound(ctx.db, round) });
    })
    .post('/rounds/:id/propose', async (c) => {
      const actor = requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      return c.json(await proposeFromRanking(ctx.db, { publicUrl }, actor, round));
    })
    .get('/rounds/:id/drift', async (c) => {
      requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c)); // 404 for a round that does not exist
      return c.json({ items: await roundDrift(ctx.db, round.id) });
    })
    .get('/rounds/:id/objections', async (c) => {
      requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      return c.json({ items: await objectionsOf(ctx.db, round.id) });
    })
    .patch('/objections/:id', validate('json', objectionHandle), async (c) => {
      const actor = requireStaff(c, CITY);
      return c.json(await handleObjection(ctx.db, actor.id, idOf(c), c.req.valid('json')));
    })
    .get('/rounds/:id/tracker', async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const round = await getRound(ctx.db, idOf(c));
      return c.json(await hallTracker(ctx.db, actor, round.id));
    })
    .post('/rounds/:id/tracker/reminders', async (c) => {
      const actor = requireStaff(c, CITY);
      const round = await getRound(ctx.db, idOf(c));
      return c.json({ queued: await sendBuildReminders(ctx.db, actor, round.id, publicUrl) });
    })
    .get('/applications/:id', async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const { app, round } = await applicationInScope(ctx.db, actor, idOf(c));
      const [firm] = await ctx.db.select({ name: enterprises.name, creditCode: enterprises.creditCode }).from(enterprises).where(eq(enterprises.id, app.enterpriseId));
      const city = actor.role === 'bureau' || actor.role === 'admin';
      const docs = app.attachmentIds.length
        ? await ctx.db.select({ id: attachments.id, name: attachments.name, type: attachments.type }).from(attachments).where(and(eq(attachments.enterpriseId, app.enterpriseId), inArray(attachments.id, app.attachmentIds)))
        : [];
      return c.json({
        application: app,
        firm,
        attachments: docs,
        round: { id: round.id, title: round.title, kind: round.kind, rubric: round.rubric },
        label: STATE_LABELS[app.state],
        moves: movesFor(app.state, actor.role, round.kind).map((m) => ({ to: m.to, label: m.labelStaff, needsReason: m.needsReason })),
        history: await historyOf(ctx.db, app.id),
        // County officers do not see the experts' individual scores.
        reviews: city ? await reviewsOf(ctx.db, app.id) : [],
      });
    })
    .post('/applications/:id/transitions', validate('json', transitionBody), async (c) => {
      const actor = requireStaff(c);
      const { version, ...input } = c.req.valid('json');
      const next = await transitionApplication(ctx.db, { publicUrl }, actor, idOf(c), input, version === undefined ? {} : { expectedVersion: version });
      return c.json({ id: next.id, state: next.state, version: next.version, label: STATE_LABELS[next.state] });
    })
    .put('/applications/:id/override', validate('json', z.object({ override: z.enum(['include', 'exclude']).nullable(), reason: plainText(1000, 2) }).strict()), async (c) => {
      const actor = requireStaff(c, CITY);
      const { app } = await applicationInScope(ctx.db, actor, idOf(c));
      const body = c.req.valid('json');
      await ctx.db.transaction(async (tx) => {
        await tx.update(selectionApplications).set({ override: body.override, overrideReason: body.reason, version: app.version + 1 }).where(eq(selectionApplications.id, app.id));
        await tx.insert(selectionHistory).values({ applicationId: app.id, fromState: app.state, toState: app.state, userId: actor.id, role: actor.role, reason: `调整排名（${body.override ?? '取消'}）：${body.reason} · override ${body.override ?? 'cleared'}` });
      });
      return c.json({ id: app.id, override: body.override });
    })
    .get('/reviews', async (c) => {
      const actor = requireStaff(c, ['expert']);
      return c.json({ items: await myReviews(ctx.db, await expertOf(ctx.db, actor)) });
    })
    .get('/reviews/:id', async (c) => {
      const actor = requireStaff(c, ['expert']);
      return c.json(await reviewTask(ctx.db, await expertOf(ctx.db, actor), idOf(c)));
    })
    .post('/reviews/:id', validate('json', scoreBody), async (c) => {
      const actor = requireStaff(c, ['expert']);
      return c.json(await submitReview(ctx.db, await expertOf(ctx.db, actor), idOf(c), c.req.valid('json')));
    })
    .get('/reviewers', async (c) => {
      requireStaff(c, CITY);
      const rows = await ctx.db.select({ id: experts.id, name: experts.name, title: experts.title }).from(experts).where(and(eq(experts.status, 'active'), isNotNull(experts.userId))).orderBy(experts.name);
      return c.json({ items: rows });
    })
    .get('/conflicts', validate('query', z.object({ enterpriseId: idParam.optional() })), async (c) => {
      requireStaff(c, CITY);
      const firm = c.req.valid('query').enterpriseId;
      const rows = await ctx.db
        .select({ id: expertConflicts.id, expertId: expertConflicts.expertId, expert: experts.name, enterpriseId: expertConflicts.enterpriseId, firm: enterprises.name, reason: expertConflicts.reason })
        .from(expertConflicts)
        .innerJoin(experts, eq(experts.id, expertConflicts.expertId))
        .innerJoin(enterprises, eq(enterprises.id, expertConflicts.enterpriseId))
        .where(firm ? eq(expertConflicts.enterpriseId, firm) : undefined);
      return c.json({ items: rows });
    })
    .post('/conflicts', validate('json', z.object({ expertId: idParam, enterpriseId: idParam, reason: plainText(500, 2) }).strict()), async (c) => {
      const actor = requireStaff(c, CITY);
      const body = c.req.valid('json');
      const [firm] = await ctx.db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, body.enterpriseId), liveFirms(actor)));
      if (!firm) throw firmNotFound();
      const [expert] = await ctx.db.select({ id: experts.id }).from(experts).where(inArray(experts.id, [body.expertId]));
      if (!expert) throw new AppError(404, 'not_found', { zh: '找不到该专家', en: 'No such expert' });
      const [row] = await ctx.db.insert(expertConflicts).values({ ...body, createdBy: actor.id }).onConflictDoUpdate({ target: [expertConflicts.expertId, expertConflicts.enterpriseId], set: { reason: body.reason } }).returning();
      return c.json(row, 201);
    });
}
