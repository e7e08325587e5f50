/**
 * Applies a move of the workflow table to an application: scope, the table's check, the guards of particular
 * states, the side effects (入选 → cohort + draft hall + mail; 已获认定 → title ledger), the history row — all in one
 * transaction, with the application's version bumped.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client.ts';
import { enterprises, selectionApplications, selectionHistory, selectionRounds, users, type SelectionApplication, type SelectionRound, type User } from '../../db/schema/index.ts';
import type { ApplicationState } from '../../domain/selection.ts';
import { todayInChina } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMail } from '../../mail/index.ts';
import { addTitleIn } from '../register/writes.ts';
import { firmScope } from '../scope.ts';
import { noticeEnd } from './notice-period.ts';
import { onboardSelectedFirm } from './onboarding.ts';
import { checkTransition, STATE_LABELS } from './workflow.ts';

export type Actor = Pick<User, 'id' | 'role' | 'county' | 'enterpriseId'>;

export interface TransitionInput {
  to: ApplicationState;
  reason?: string | null | undefined;
  /** For 已获认定: the designation's 文号 and issuing body, recorded into the title ledger. */
  documentNo?: string | undefined;
  issuingBody?: string | undefined;
}

const notFound = () => new AppError(404, 'not_found', { zh: '找不到该申报', en: 'No such application' });

/** The application and its round when the actor may see it (staff: firm in scope; firm: its own), else 404. */
export async function applicationInScope(db: DbLike, actor: Actor, id: number): Promise<{ app: SelectionApplication; round: SelectionRound }> {
  const [row] = await db
    .select({ app: selectionApplications, round: selectionRounds })
    .from(selectionApplications)
    .innerJoin(selectionRounds, eq(selectionRounds.id, selectionApplications.roundId))
    .innerJoin(enterprises, eq(enterprises.id, selectionApplications.enterpriseId))
    .where(and(eq(selectionApplications.id, id), firmScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** Guards beyond the table: states whose entry needs something done first. 409 naming the guard. */
function guard(round: SelectionRound, app: SelectionApplication, input: TransitionInput, today: string): void {
  const refuse = (code: string, zh: string, en: string) => {
    throw new AppError(409, code, { zh, en }, { rule: `${app.state} → ${input.to}` });
  };
  if (input.to === 'proposed' && app.score === null) refuse('scores_incomplete', '专家评分尚未全部提交', 'Not every drawn expert has submitted scores');
  if (input.to === 'notice' && !round.timeline.noticeFrom) refuse('notice_not_scheduled', '尚未设定公示开始日期', 'The notice period has no start date yet');
  if ((input.to === 'selected' || input.to === 'recommended') && app.state === 'notice') {
    const end = noticeEnd(round);
    if (!end || today <= end) refuse('notice_running', `公示期至${end}，期满后方可确定`, `The notice runs until ${end}; decide after it ends`);
  }
  if (input.to === 'title_granted' && !input.documentNo?.trim()) {
    throw new AppError(400, 'document_required', { zh: '请填写认定文号', en: 'Give the designation document number' });
  }
}

/**
 * Moves an application. Errors: 404 (not in scope), 409 `illegal_transition` / a guard's code, 403
 * `transition_forbidden`, 409 `version_conflict` when `expectedVersion` is stale, 400 `reason_required`.
 */
export async function transitionApplication(
  db: Db,
  ctx: { publicUrl: string },
  actor: Actor,
  id: number,
  input: TransitionInput,
  opts: { today?: string; expectedVersion?: number; now?: Date } = {},
): Promise<SelectionApplication> {
  return db.transaction(async (tx) => {
    const { app, round } = await applicationInScope(tx, actor, id);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== app.version) {
      throw new AppError(409, 'version_conflict', { zh: '该申报已被他人更新，请刷新后重试', en: 'Someone else changed this application; reload and try again' });
    }
    const move = checkTransition(app.state, input.to, actor.role, round.kind, input.reason);
    guard(round, app, input, opts.today ?? todayInChina());
    const now = opts.now ?? new Date();
    const reason = input.reason?.trim() || null;
    const [next] = await tx
      .update(selectionApplications)
      .set({ state: input.to, lastReason: reason, stateChangedAt: now, version: app.version + 1 })
      .where(and(eq(selectionApplications.id, id), eq(selectionApplications.version, app.version)))
      .returning();
    if (!next) throw new AppError(409, 'version_conflict', { zh: '该申报已被他人更新，请刷新后重试', en: 'Someone else changed this application; reload and try again' });
    await tx.insert(selectionHistory).values({ applicationId: id, fromState: app.state, toState: input.to, userId: actor.id, role: actor.role, reason, at: now });
    if (input.to === 'selected') await onboardSelectedFirm(tx, round, next, ctx.publicUrl);
    if (input.to === 'title_granted' && round.tier && round.level) {
      await addTitleIn(tx, actor, app.enterpriseId, { tier: round.tier, level: round.level, year: round.year, documentNo: input.documentNo!.trim(), issuingBody: input.issuingBody?.trim() || null, batch: null, documentUrl: null, statusReason: null, verified: true }, { userId: actor.id, source: 'bureau' });
    }
    if (input.to === 'returned' || move.needsReason) await notifyFirm(tx, round, next, move.labelFirm, reason);
    return next;
  });
}

/** Tells the firm's users of a move that needs their attention (returned, declined), with the reason. */
async function notifyFirm(tx: DbLike, round: SelectionRound, app: SelectionApplication, label: { zh: string; en: string }, reason: string | null) {
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.enterpriseId, app.enterpriseId), eq(users.disabled, false)));
  const state = STATE_LABELS[app.state].firm;
  for (const p of people) {
    await enqueueMail(tx, {
      to: p.email,
      subject: `${round.title}：${label.zh} · ${label.en}`,
      text: `您的申报状态：${state.zh}\n理由：${reason ?? '—'}\n请登录企业门户查看。\n\nYour application: ${state.en}\nReason: ${reason ?? '—'}\nSign in to the portal for details.`,
      kind: 'selection_status',
      userId: p.id,
    });
  }
}
