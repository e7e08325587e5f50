import { and, avg, count, eq, isNotNull } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { experts, serviceRequestEvents, serviceRequests, serviceSlaRules, serviceTeamFirms, serviceTeamMembers, serviceTeams, users, type ServiceRequest, type User } from '../../db/schema/index.ts';
import { findTransition, initialPriority, priorityAfter, type RequestState, type RequestTransition, type Urgency } from '../../domain/requests.ts';
import { DEFAULT_SLA_DAYS, dueDate, SLA_STATES, type SlaState } from '../../domain/sla.ts';
import type { ServiceItem, SupportAction } from '../../domain/services.ts';
import { requireFirmAttachments } from '../../attachments/store.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMail } from '../../mail/index.ts';

/** The bureau's SLA limits in working days (DEFAULT_SLA_DAYS where the bureau has set none). */
export async function slaLimits(db: DbLike): Promise<Record<SlaState, number>> {
  const rows = await db.select().from(serviceSlaRules);
  const limits = { ...DEFAULT_SLA_DAYS };
  for (const r of rows) if ((SLA_STATES as readonly string[]).includes(r.state)) limits[r.state] = r.workingDays;
  return limits;
}

export interface RequestInput {
  supportAction: SupportAction;
  serviceItem: ServiceItem | null;
  title: string;
  description: string;
  attachmentIds: number[];
  urgency: Urgency;
  preferredTime: string;
}

/**
 * Files a firm's request (state `new`, deadline for routing set in working days) with its first history entry.
 * Attachments must be the firm's own (400 attachment_unknown). Returns the stored row.
 */
export async function fileRequest(db: Db, firm: { enterpriseId: number; userId: number }, input: RequestInput, now = new Date()): Promise<ServiceRequest> {
  return db.transaction(async (tx) => {
    await requireFirmAttachments(tx, firm.enterpriseId, input.attachmentIds);
    const priority = initialPriority(input.urgency);
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        ...input,
        enterpriseId: firm.enterpriseId,
        filedBy: firm.userId,
        state: 'new',
        priority,
        stateSince: now,
        dueAt: dueDate('new', priority, todayInChina(now), await slaLimits(tx)),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(serviceRequestEvents).values({ requestId: row!.id, fromState: null, toState: 'new', note: '', actorId: firm.userId, priority, at: now });
    return row!;
  });
}

/** Who is moving the request: a staff member (workspace) or a user of the firm (portal). */
export type RequestMover = { kind: 'staff'; user: Pick<User, 'id' | 'role' | 'county'> } | { kind: 'firm'; user: Pick<User, 'id'> };

export interface TransitionInput {
  to: RequestState;
  note: string;
  /** For routing (→ assigned): the team, and optionally its expert. */
  teamId?: number;
  expertId?: number | null;
  /** For the firm's confirmation (→ resolved): 1–5, and a comment. */
  rating?: number;
  feedback?: string | null;
  /** The version the caller saw; 409 version_conflict when the request moved meanwhile. */
  version?: number;
}

const refused = (zh: string, en: string) => new AppError(409, 'transition_not_allowed', { zh, en });

/** The staff member's part in the request's team: 'lead' | 'member' for an active expert of that team, else null. */
async function teamPart(db: DbLike, userId: number, teamId: number | null): Promise<'lead' | 'member' | null> {
  if (teamId === null) return null;
  const [row] = await db
    .select({ role: serviceTeamMembers.role })
    .from(serviceTeamMembers)
    .innerJoin(experts, eq(experts.id, serviceTeamMembers.expertId))
    .where(and(eq(serviceTeamMembers.teamId, teamId), eq(experts.userId, userId), eq(experts.status, 'active')));
  return row?.role === 'lead' || row?.role === 'member' ? row.role : null;
}

/**
 * Whether this mover may take the transition on this request: the firm takes `firm` transitions; of staff,
 * bureau/admin and the county officer (whose scope already holds only its area's firms) take `router` and `team`
 * ones, an expert takes `team` transitions on its team's requests and `router` ones only as the team's lead.
 */
export async function mayTake(db: DbLike, mover: RequestMover, request: Pick<ServiceRequest, 'teamId' | 'enterpriseId'>, transition: RequestTransition): Promise<boolean> {
  if (mover.kind === 'firm') return transition.by === 'firm';
  if (transition.by === 'firm') return false;
  const role = mover.user.role;
  if (role === 'bureau' || role === 'admin' || role === 'county') return true;
  if (role !== 'expert') return false;
  const part = await teamPart(db, mover.user.id, await responsibleTeam(db, request));
  return transition.by === 'team' ? part !== null : part === 'lead';
}

/** The request's team, or (before routing) the team serving the firm — whose lead may route it. */
export async function responsibleTeam(db: DbLike, request: Pick<ServiceRequest, 'teamId' | 'enterpriseId'>): Promise<number | null> {
  if (request.teamId !== null) return request.teamId;
  const [served] = await db.select({ teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms).where(eq(serviceTeamFirms.enterpriseId, request.enterpriseId));
  return served?.teamId ?? null;
}

/** Recomputes an expert's rating: the mean of firms' 1–5 ratings of resolved requests it served. */
export async function refreshExpertRating(db: DbLike, expertId: number): Promise<void> {
  const [r] = await db
    .select({ mean: avg(serviceRequests.rating), n: count(serviceRequests.rating) })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.expertId, expertId), isNotNull(serviceRequests.rating)));
  await db
    .update(experts)
    .set({ rating: r?.n ? Math.round(Number(r.mean) * 100) / 100 : null, ratingCount: r?.n ?? 0 })
    .where(eq(experts.id, expertId));
}

/**
 * Moves a request along the workflow table (api/domain/requests.ts) in one transaction: checks the transition
 * exists and the mover may take it (409 transition_not_allowed / 403 forbidden_role), the note when required, the
 * routing target (an active expert of the chosen team), the rating on confirmation; sets the new state, priority
 * (raised on reopening), the deadline of the new state in working days, clears the escalation mark; records the
 * history; tells the routed expert by mail; refreshes the expert's rating on confirmation. `request` must already
 * be in the mover's scope (the caller looked it up). Returns the updated row.
 */
export async function transitionRequest(db: Db, mover: RequestMover, requestId: number, input: TransitionInput, now = new Date()): Promise<ServiceRequest> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, requestId));
    if (!current) throw new AppError(404, 'not_found', { zh: '找不到该诉求', en: 'No such request' });
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError(409, 'version_conflict', { zh: '该诉求已被他人更新，请刷新后重试', en: 'The request changed meanwhile; reload and try again' }, { current: { state: current.state, version: current.version } });
    }
    const transition = findTransition(current.state, input.to);
    if (!transition) throw refused(`诉求当前为“${current.state}”，不能转到“${input.to}”`, `A request in state ${current.state} cannot move to ${input.to}`);
    if (!(await mayTake(tx, mover, current, transition))) {
      throw new AppError(403, 'forbidden_role', { zh: '您无权执行此操作', en: 'You may not take this step' });
    }
    if (transition.noteRequired && !input.note.trim()) {
      throw new AppError(400, 'note_required', { zh: '请填写说明', en: 'A note is required for this step' });
    }
    let { teamId, expertId } = current;
    if (input.to === 'assigned') {
      if (!input.teamId) throw new AppError(400, 'team_required', { zh: '请选择服务团', en: 'Choose a service team' });
      const [team] = await tx.select({ id: serviceTeams.id }).from(serviceTeams).where(eq(serviceTeams.id, input.teamId));
      if (!team) throw new AppError(400, 'team_unknown', { zh: '服务团不存在', en: 'No such service team' });
      if (mover.kind === 'staff' && mover.user.role === 'expert' && input.teamId !== (await responsibleTeam(tx, current))) {
        throw new AppError(403, 'forbidden_role', { zh: '组长只能在本服务团内改派', en: 'A team lead re-routes within the team only' });
      }
      teamId = team.id;
      expertId = input.expertId ?? null;
      if (expertId !== null) {
        const [member] = await tx
          .select({ id: experts.id })
          .from(serviceTeamMembers)
          .innerJoin(experts, eq(experts.id, serviceTeamMembers.expertId))
          .where(and(eq(serviceTeamMembers.teamId, teamId), eq(experts.id, expertId), eq(experts.status, 'active')));
        if (!member) throw new AppError(400, 'expert_not_in_team', { zh: '该专家不在所选服务团或不在库', en: 'The expert is not an active member of that team' });
      }
      // 改派 to the same team and expert changes nothing and would only add a line to the history.
      if (current.state === 'assigned' && teamId === current.teamId && expertId === current.expertId) {
        throw new AppError(409, 'nothing_changed', { zh: '已派给该服务团和专家，无需改派', en: 'Already assigned to that team and expert' });
      }
    }
    if (input.to === 'resolved' && (input.rating === undefined || input.rating < 1 || input.rating > 5)) {
      throw new AppError(400, 'rating_required', { zh: '请为本次服务评分（1–5 分）', en: 'Rate the service from 1 to 5' });
    }
    const priority = priorityAfter(transition, current.priority);
    const reopened = current.state === 'awaiting_confirmation' && input.to === 'in_service';
    const [saved] = await tx
      .update(serviceRequests)
      .set({
        state: input.to,
        priority,
        teamId,
        expertId,
        reopenCount: current.reopenCount + (reopened ? 1 : 0),
        stateSince: now,
        dueAt: dueDate(input.to, priority, todayInChina(now), await slaLimits(tx)),
        escalatedAt: null,
        ...(input.to === 'resolved' ? { rating: input.rating, feedback: input.feedback ?? null, resolvedAt: now } : {}),
        version: current.version + 1,
        updatedAt: now,
      })
      .where(and(eq(serviceRequests.id, current.id), eq(serviceRequests.version, current.version)))
      .returning();
    if (!saved) throw new AppError(409, 'version_conflict', { zh: '该诉求已被他人更新，请刷新后重试', en: 'The request changed meanwhile; reload and try again' });
    await tx.insert(serviceRequestEvents).values({ requestId: current.id, fromState: current.state, toState: input.to, note: input.note, actorId: mover.user.id, teamId, expertId, priority, at: now });
    if (input.to === 'assigned' && expertId !== null) await tellRoutedExpert(tx, saved, expertId);
    if (input.to === 'resolved' && expertId !== null) await refreshExpertRating(tx, expertId);
    return saved;
  });
}

async function tellRoutedExpert(tx: DbLike, request: ServiceRequest, expertId: number): Promise<void> {
  const [account] = await tx
    .select({ id: users.id, email: users.email })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(and(eq(experts.id, expertId), eq(users.disabled, false)));
  if (!account) return;
  await enqueueMail(tx, {
    to: account.email,
    userId: account.id,
    kind: 'request_assigned',
    subject: `新派单：${request.title} / New request assigned`,
    text: `您有一条新的企业诉求（编号 ${request.id}）：${request.title}\n截止：${request.dueAt ?? '—'}（工作日计）\n请登录工作台 /admin/services/requests/${request.id} 查看。\n\nA request was assigned to you (no. ${request.id}), first contact due ${request.dueAt ?? '—'}. Open /en/admin/services/requests/${request.id}.`,
  });
}
