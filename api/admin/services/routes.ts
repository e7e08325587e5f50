import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises, savedViews, serviceRequests, serviceSlaRules, serviceTeamMembers, serviceTeams, serviceVisits, visitConsents } from '../../db/schema/index.ts';
import { OPEN_REQUEST_STATES, REQUEST_STATES } from '../../domain/requests.ts';
import { SLA_STATES } from '../../domain/sla.ts';
import { POOL_STATUSES, SERVICE_ITEMS } from '../../domain/services.ts';
import { COUNTIES } from '../../domain/program.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { emptyText, idParam, plainText } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { registerQuery } from '../register/filters.ts';
import { enterpriseIdsMatching, idsInScope } from '../register/queries.ts';
import { liveFirms, requireStaff } from '../scope.ts';
import { escalateOverdue } from './escalation.ts';
import { addTeamMember, applyToPool, changePoolStatus, listExperts, listProviders, poolHistory } from './pool.ts';
import { requestBoard, requestDetail, requestInScope, requestNotFound, requestQuery } from './request-queries.ts';
import { slaLimits, transitionRequest } from './request-writes.ts';
import { routingSuggestions } from './suggestions.ts';
import { assignFirms, teamsWithWorkload } from './teams.ts';
import { calendarQuery, createVisit, visitBasis, visitCalendar, visitDateProblem, visitInput, visitView } from './visits.ts';
import { visitScope } from './scope.ts';

const idParams = z.object({ id: idParam });
const staffTransition = z
  .object({
    to: z.enum(REQUEST_STATES),
    note: emptyText(2000),
    teamId: idParam.optional(),
    expertId: idParam.nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

/** Requests under /api/admin/requests: the board (with the overdue list), one request, suggestions, transitions. */
export function requestRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', requestQuery), async (c) => {
      const actor = requireStaff(c);
      return c.json(await requestBoard(ctx.db, actor, c.req.valid('query'), todayInChina()));
    })
    .post('/escalate', async (c) => {
      requireStaff(c, ['bureau', 'admin']);
      return c.json({ escalated: await escalateOverdue(ctx.db) });
    })
    .get('/:id', validate('param', idParams), async (c) => {
      const actor = requireStaff(c);
      return c.json(await requestDetail(ctx.db, actor, c.req.valid('param').id, todayInChina()));
    })
    .get('/:id/suggestions', validate('param', idParams), async (c) => {
      const actor = requireStaff(c);
      const found = await requestInScope(ctx.db, actor, c.req.valid('param').id);
      if (!found) throw requestNotFound();
      return c.json({ items: await routingSuggestions(ctx.db, found.request, found.county) });
    })
    .post('/:id/transitions', validate('param', idParams), validate('json', staffTransition), async (c) => {
      const actor = requireStaff(c);
      const { id } = c.req.valid('param');
      if (!(await requestInScope(ctx.db, actor, id))) throw requestNotFound();
      const saved = await transitionRequest(ctx.db, { kind: 'staff', user: actor }, id, c.req.valid('json'));
      return c.json({ id: saved.id, state: saved.state, priority: saved.priority, dueAt: saved.dueAt, teamId: saved.teamId, expertId: saved.expertId, version: saved.version });
    });
}

const visitPatch = z
  .object({
    status: z.enum(['planned', 'done', 'cancelled']).optional(),
    diagnosis: emptyText(5000).optional(),
    actionsAgreed: emptyText(5000).optional(),
    durationMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
    followUpDue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  })
  .strict();

/** Visits under /api/admin/visits: plan or log (非请勿扰 enforced), the shared calendar, the firms one may visit, updates. */
export function visitRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/', validate('json', visitInput), async (c) => {
      const actor = requireStaff(c);
      return c.json(await createVisit(ctx.db, actor, c.req.valid('json')), 201);
    })
    .get('/', validate('query', calendarQuery), async (c) => {
      return c.json({ items: await visitCalendar(ctx.db, requireStaff(c), c.req.valid('query')) });
    })
    .get('/visitable', async (c) => {
      const actor = requireStaff(c);
      // Firms in scope with an open request or a consent: the only ones a visit may be logged for.
      const firms = await ctx.db
        .select({ id: enterprises.id, name: enterprises.name, county: enterprises.county })
        .from(enterprises)
        .where(
          and(
            liveFirms(actor),
            or(
              sql`exists (select 1 from ${serviceRequests} where ${serviceRequests.enterpriseId} = ${enterprises.id} and ${inArray(serviceRequests.state, [...OPEN_REQUEST_STATES])})`,
              sql`exists (select 1 from ${visitConsents} where ${visitConsents.enterpriseId} = ${enterprises.id} and ${isNull(visitConsents.withdrawnAt)})`,
            ),
          ),
        )
        .orderBy(enterprises.name)
        .limit(300);
      const ids = firms.map((f) => f.id);
      const open = ids.length
        ? await ctx.db
            .select({ id: serviceRequests.id, enterpriseId: serviceRequests.enterpriseId, title: serviceRequests.title, state: serviceRequests.state })
            .from(serviceRequests)
            .where(and(inArray(serviceRequests.enterpriseId, ids), inArray(serviceRequests.state, [...OPEN_REQUEST_STATES])))
        : [];
      return c.json({ items: firms.map((f) => ({ ...f, requests: open.filter((r) => r.enterpriseId === f.id) })) });
    })
    .patch('/:id', validate('param', idParams), validate('json', visitPatch), async (c) => {
      const actor = requireStaff(c);
      const { id } = c.req.valid('param');
      const [row] = await ctx.db
        .select({ visit: serviceVisits })
        .from(serviceVisits)
        .innerJoin(enterprises, eq(enterprises.id, serviceVisits.enterpriseId))
        .where(and(eq(serviceVisits.id, id), visitScope(actor), isNull(enterprises.deletedAt)));
      if (!row) throw new AppError(404, 'not_found', { zh: '找不到该走访记录', en: 'No such visit' });
      const patch = c.req.valid('json');
      // A firm that withdrew its consent (and has no open request) is not visited, even when planned before.
      if ((patch.status ?? row.visit.status) !== 'cancelled') await visitBasis(ctx.db, row.visit.enterpriseId, null);
      // The same date rules as a new visit, on the visit as it would be after the update.
      const problem = visitDateProblem({ status: patch.status ?? row.visit.status, date: row.visit.date, followUpDue: patch.followUpDue === undefined ? row.visit.followUpDue : patch.followUpDue });
      if (problem) throw new AppError(400, 'invalid_visit', problem.message);
      const [saved] = await ctx.db.update(serviceVisits).set(patch).where(eq(serviceVisits.id, id)).returning();
      return c.json(visitView(saved!));
    });
}

const statusChange = z.object({ to: z.enum(POOL_STATUSES), reason: plainText(500, 2) }).strict();
const slaBody = z.object(Object.fromEntries(SLA_STATES.map((s) => [s, z.number().int().min(1).max(60).optional()])) as Record<(typeof SLA_STATES)[number], z.ZodOptional<z.ZodNumber>>).strict();
const assignBody = z
  .object({ ids: z.array(idParam).max(50_000).optional(), viewId: idParam.optional(), query: z.string().max(2000).optional() })
  .strict()
  .refine((b) => [b.ids, b.viewId, b.query].filter((x) => x !== undefined).length === 1, '请只给出一种：ids、viewId 或 query (give exactly one of ids, viewId, query)');

const specialties = z.array(z.enum(SERVICE_ITEMS)).max(12).default([]);
const providerApply = z
  .object({ name: plainText(100, 2), creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).nullable().optional(), county: z.enum(COUNTIES).nullable().optional(), specialties, qualifications: emptyText(1000), contactName: emptyText(40), contactPhone: emptyText(40) })
  .strict();
const expertApply = z
  .object({ name: plainText(40, 2), providerId: idParam.nullable().optional(), phone: emptyText(40), title: emptyText(60), qualifications: emptyText(1000), specialties, counties: z.array(z.enum(COUNTIES)).max(11).default([]) })
  .strict();
const memberBody = z.union([z.object({ role: z.enum(['lead', 'member']), expertId: idParam }).strict(), z.object({ role: z.literal('liaison'), userId: idParam }).strict()]);

/** The pool, the teams and the SLA under /api/admin/services (management: bureau and admin). */
export function servicePoolRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/providers', validate('query', z.object({ status: z.enum(POOL_STATUSES).optional() })), async (c) => {
      requireStaff(c);
      return c.json({ items: await listProviders(ctx.db, c.req.valid('query').status) });
    })
    .get('/experts', validate('query', z.object({ status: z.enum(POOL_STATUSES).optional() })), async (c) => {
      requireStaff(c);
      return c.json({ items: await listExperts(ctx.db, c.req.valid('query').status) });
    })
    .post('/:subject{providers|experts}/:id/status', validate('param', z.object({ subject: z.enum(['providers', 'experts']), id: idParam })), validate('json', statusChange), async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const { subject, id } = c.req.valid('param');
      const { to, reason } = c.req.valid('json');
      return c.json(await changePoolStatus(ctx.db, actor, subject === 'providers' ? 'provider' : 'expert', id, to, reason));
    })
    .post('/providers', validate('json', providerApply), async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const body = c.req.valid('json');
      return c.json(await applyToPool(ctx.db, actor, { subject: 'provider', row: { ...body, creditCode: body.creditCode ?? null, county: body.county ?? null } }), 201);
    })
    .post('/experts', validate('json', expertApply), async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const body = c.req.valid('json');
      return c.json(await applyToPool(ctx.db, actor, { subject: 'expert', row: { ...body, providerId: body.providerId ?? null } }), 201);
    })
    .post('/teams/:id/members', validate('param', idParams), validate('json', memberBody), async (c) => {
      requireStaff(c, ['bureau', 'admin']);
      const [team] = await ctx.db.select({ id: serviceTeams.id }).from(serviceTeams).where(eq(serviceTeams.id, c.req.valid('param').id));
      if (!team) throw new AppError(404, 'not_found', { zh: '找不到该服务团', en: 'No such team' });
      return c.json(await addTeamMember(ctx.db, team.id, c.req.valid('json')), 201);
    })
    .delete('/teams/:id/members/:memberId', validate('param', z.object({ id: idParam, memberId: idParam })), async (c) => {
      requireStaff(c, ['bureau', 'admin']);
      const { id, memberId } = c.req.valid('param');
      const gone = await ctx.db.delete(serviceTeamMembers).where(and(eq(serviceTeamMembers.id, memberId), eq(serviceTeamMembers.teamId, id))).returning({ id: serviceTeamMembers.id });
      if (gone.length === 0) throw new AppError(404, 'not_found', { zh: '找不到该成员', en: 'No such member' });
      return c.json({ ok: true });
    })
    .get('/:subject{providers|experts}/:id/history', validate('param', z.object({ subject: z.enum(['providers', 'experts']), id: idParam })), async (c) => {
      requireStaff(c);
      const { subject, id } = c.req.valid('param');
      return c.json({ items: await poolHistory(ctx.db, subject === 'providers' ? 'provider' : 'expert', id) });
    })
    .get('/teams', async (c) => {
      requireStaff(c);
      return c.json({ items: await teamsWithWorkload(ctx.db, todayInChina()) });
    })
    .post('/teams/:id/firms', validate('param', idParams), validate('json', assignBody), async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const [team] = await ctx.db.select({ id: serviceTeams.id }).from(serviceTeams).where(eq(serviceTeams.id, c.req.valid('param').id));
      if (!team) throw new AppError(404, 'not_found', { zh: '找不到该服务团', en: 'No such team' });
      const body = c.req.valid('json');
      let query = body.query;
      if (body.viewId) {
        const [view] = await ctx.db.select().from(savedViews).where(and(eq(savedViews.id, body.viewId), or(eq(savedViews.userId, actor.id), eq(savedViews.shared, true))));
        if (!view) throw new AppError(404, 'not_found', { zh: '找不到该视图', en: 'No such view' });
        query = view.query;
      }
      let ids: number[];
      if (body.ids) ids = await idsInScope(ctx.db, actor, body.ids);
      else {
        const parsed = registerQuery.safeParse(Object.fromEntries(new URLSearchParams(query)));
        if (!parsed.success) throw new AppError(400, 'invalid_input', { zh: '筛选条件无效', en: 'Invalid filters' });
        ids = await enterpriseIdsMatching(ctx.db, actor, parsed.data, todayInChina());
      }
      return c.json(await assignFirms(ctx.db, team.id, ids, actor.id));
    })
    .get('/sla', async (c) => {
      requireStaff(c);
      return c.json(await slaLimits(ctx.db));
    })
    .put('/sla', validate('json', slaBody), async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const body = c.req.valid('json');
      for (const state of SLA_STATES) {
        const workingDays = body[state];
        if (workingDays === undefined) continue;
        await ctx.db
          .insert(serviceSlaRules)
          .values({ state, workingDays, updatedBy: actor.id })
          .onConflictDoUpdate({ target: serviceSlaRules.state, set: { workingDays, updatedBy: actor.id, updatedAt: new Date() } });
      }
      return c.json(await slaLimits(ctx.db));
    });
}
