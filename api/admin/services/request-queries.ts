import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbLike } from '../../db/client.ts';
import { enterprises, experts, serviceRequestEvents, serviceRequests, serviceTeams, users } from '../../db/schema/index.ts';
import { COUNTIES } from '../../domain/program.ts';
import { REQUEST_STATES, transitionsFrom, type TransitionActor } from '../../domain/requests.ts';
import { SERVICE_ITEMS, SUPPORT_ACTIONS } from '../../domain/services.ts';
import { isOverdue, SLA_STATES } from '../../domain/sla.ts';
import { AppError } from '../../lib/errors.ts';
import { idParam, plainText } from '../../lib/fields.ts';
import { firmScope, type ScopeActor } from '../scope.ts';
import { mayTake } from './request-writes.ts';
import { requestScope } from './scope.ts';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const REQUEST_SORTS = ['due', 'priority', '-created', 'created'] as const;

/** Filters of the request board (`?state=&team=&overdue=1&county=&action=&item=&expert=&firm=&q=&sort=&page=`). */
export const requestQuery = z.object({
  state: optional(z.enum([...REQUEST_STATES, 'open'])),
  team: optional(idParam),
  expert: optional(idParam),
  firm: optional(idParam),
  county: optional(z.enum(COUNTIES)),
  action: optional(z.enum(SUPPORT_ACTIONS)),
  item: optional(z.enum(SERVICE_ITEMS)),
  overdue: optional(z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true')),
  reopened: optional(z.enum(['1', 'true']).transform(() => true)),
  q: optional(plainText(60)),
  sort: optional(z.enum(REQUEST_SORTS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  pageSize: optional(z.coerce.number().int().min(1).max(200)),
});
export type RequestQuery = z.infer<typeof requestQuery>;

/** The condition of "overdue on `today`": a state with a deadline whose deadline has passed. */
export function overdueCondition(today: string): SQL {
  return and(inArray(serviceRequests.state, [...SLA_STATES]), lt(serviceRequests.dueAt, today))!;
}

/** `service_requests.enterprise_id` among the firms matching `condition` (a condition on `enterprises`). */
const firmsWhere = (condition: SQL) => sql`${serviceRequests.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${condition})`;

/**
 * The board's filters as conditions on `service_requests` alone — firm conditions (scope, area, name, trash) become
 * subqueries — so counting needs no join and SQLite can answer from the request indexes (bench-services).
 */
function boardWhere(actor: ScopeActor, q: RequestQuery, today: string): SQL {
  const scope = actor.role === 'expert' ? requestScope(actor) : actor.role === 'bureau' || actor.role === 'admin' ? undefined : firmsWhere(firmScope(actor));
  const parts: (SQL | undefined)[] = [scope, sql`${serviceRequests.enterpriseId} not in (select ${enterprises.id} from ${enterprises} where ${isNotNull(enterprises.deletedAt)})`];
  if (q.state === 'open') parts.push(inArray(serviceRequests.state, ['new', 'assigned', 'contacted', 'in_service', 'awaiting_confirmation']));
  else if (q.state) parts.push(eq(serviceRequests.state, q.state));
  if (q.team) parts.push(eq(serviceRequests.teamId, q.team));
  if (q.expert) parts.push(eq(serviceRequests.expertId, q.expert));
  if (q.firm) parts.push(eq(serviceRequests.enterpriseId, q.firm));
  if (q.county) parts.push(firmsWhere(eq(enterprises.county, q.county)));
  if (q.action) parts.push(eq(serviceRequests.supportAction, q.action));
  if (q.item) parts.push(eq(serviceRequests.serviceItem, q.item));
  if (q.overdue === true) parts.push(overdueCondition(today));
  if (q.overdue === false) parts.push(sql`not (${overdueCondition(today)})`);
  if (q.reopened) parts.push(sql`${serviceRequests.reopenCount} > 0`);
  if (q.q) {
    // What a person typed is text, never a pattern: % and _ match themselves.
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(${serviceRequests.title} like ${pattern} escape '\\' or ${firmsWhere(sql`${enterprises.name} like ${pattern} escape '\\'`)})`);
  }
  return and(...parts)!;
}

const ORDER: Record<(typeof REQUEST_SORTS)[number], SQL[]> = {
  due: [sql`${serviceRequests.dueAt} is null`, asc(serviceRequests.dueAt), desc(serviceRequests.priority), asc(serviceRequests.id)],
  priority: [desc(serviceRequests.priority), sql`${serviceRequests.dueAt} is null`, asc(serviceRequests.dueAt), asc(serviceRequests.id)],
  '-created': [desc(serviceRequests.id)],
  created: [asc(serviceRequests.id)],
};

/**
 * The board's order when none is asked for: by deadline for the overdue list, by priority then deadline for open
 * work, newest first otherwise (which also lets SQLite walk the primary key instead of sorting every request).
 */
function defaultSort(q: RequestQuery): (typeof REQUEST_SORTS)[number] {
  if (q.overdue) return 'due';
  if (q.state && q.state !== 'resolved' && q.state !== 'withdrawn') return 'priority';
  return '-created';
}

/** One row of the request board. Dates: `dueAt` a China date, `createdAt` ISO. */
export interface RequestBoardRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  county: string | null;
  state: (typeof REQUEST_STATES)[number];
  priority: number;
  urgency: 'normal' | 'urgent';
  supportAction: string;
  serviceItem: string | null;
  title: string;
  teamId: number | null;
  teamName: string | null;
  expertId: number | null;
  expertName: string | null;
  dueAt: string | null;
  overdue: boolean;
  reopenCount: number;
  createdAt: string;
}

/**
 * The request board: requests in the actor's scope matching the filters, a page at a time (default 50, sorted by
 * deadline), with the total. `today` is the China date deciding what is overdue.
 */
export async function requestBoard(db: DbLike, actor: ScopeActor, q: RequestQuery, today: string): Promise<{ items: RequestBoardRow[]; total: number; page: number; pageSize: number }> {
  const where = boardWhere(actor, q, today);
  // Every condition is on service_requests; `+` keeps SQLite from driving the page through the firms table (it
  // looks each page row's firm up by primary key instead).
  const firmJoin = sql`${enterprises.id} = +${serviceRequests.enterpriseId}`;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: serviceRequests.id,
        enterpriseId: serviceRequests.enterpriseId,
        enterpriseName: enterprises.name,
        county: enterprises.county,
        state: serviceRequests.state,
        priority: serviceRequests.priority,
        urgency: serviceRequests.urgency,
        supportAction: serviceRequests.supportAction,
        serviceItem: serviceRequests.serviceItem,
        title: serviceRequests.title,
        teamId: serviceRequests.teamId,
        teamName: serviceTeams.name,
        expertId: serviceRequests.expertId,
        expertName: experts.name,
        dueAt: serviceRequests.dueAt,
        reopenCount: serviceRequests.reopenCount,
        createdAt: serviceRequests.createdAt,
      })
      .from(serviceRequests)
      .innerJoin(enterprises, firmJoin)
      .leftJoin(serviceTeams, eq(serviceTeams.id, serviceRequests.teamId))
      .leftJoin(experts, eq(experts.id, serviceRequests.expertId))
      .where(where)
      .orderBy(...ORDER[q.sort ?? defaultSort(q)])
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(serviceRequests).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      overdue: (SLA_STATES as readonly string[]).includes(r.state) && isOverdue(r.dueAt, today),
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

export const requestNotFound = () => new AppError(404, 'not_found', { zh: '找不到该诉求', en: 'No such request' });

/** The request if it is in the actor's scope (firm not trashed), else undefined. */
export async function requestInScope(db: DbLike, actor: ScopeActor, id: number) {
  const [row] = await db
    .select({ request: serviceRequests, enterpriseName: enterprises.name, county: enterprises.county })
    .from(serviceRequests)
    .innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId))
    .where(and(eq(serviceRequests.id, id), requestScope(actor), isNull(enterprises.deletedAt)));
  return row;
}

/** A request's history, oldest first, with the name of whoever made each move. */
export async function requestHistory(db: DbLike, requestId: number) {
  const rows = await db
    .select({ event: serviceRequestEvents, actorName: users.displayName, actorRole: users.role })
    .from(serviceRequestEvents)
    .leftJoin(users, eq(users.id, serviceRequestEvents.actorId))
    .where(eq(serviceRequestEvents.requestId, requestId))
    .orderBy(asc(serviceRequestEvents.id));
  return rows.map((r) => ({ ...r.event, at: r.event.at.toISOString(), actorName: r.actorName, actorRole: r.actorRole }));
}

/**
 * A request as staff see it: the record, firm name, team and expert names, history, and the transitions this
 * staff member may take now. 404 outside scope.
 */
export async function requestDetail(db: DbLike, actor: ScopeActor, id: number, today: string) {
  const found = await requestInScope(db, actor, id);
  if (!found) throw requestNotFound();
  const r = found.request;
  const [names] = await db
    .select({ teamName: serviceTeams.name, expertName: experts.name })
    .from(serviceRequests)
    .leftJoin(serviceTeams, eq(serviceTeams.id, serviceRequests.teamId))
    .leftJoin(experts, eq(experts.id, serviceRequests.expertId))
    .where(eq(serviceRequests.id, id));
  const candidates = transitionsFrom(r.state, ['router', 'team'] satisfies TransitionActor[]);
  const allowed = [];
  for (const t of candidates) if (await mayTake(db, { kind: 'staff', user: actor }, r, t)) allowed.push({ to: t.to, noteRequired: t.noteRequired, label: t.label.staff });
  return {
    ...r,
    stateSince: r.stateSince.toISOString(),
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    enterpriseName: found.enterpriseName,
    county: found.county,
    teamName: names?.teamName ?? null,
    expertName: names?.expertName ?? null,
    overdue: (SLA_STATES as readonly string[]).includes(r.state) && isOverdue(r.dueAt, today),
    history: await requestHistory(db, id),
    transitions: allowed,
  };
}
