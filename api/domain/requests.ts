/**
 * A firm's request (诉求) and its workflow — the plan's "有求必应": every request is answered, and it is closed only
 * when the firm confirms (ADMIN.md: "a request is closed only when the firm confirms"; ticket systems reopen a
 * ticket the requester does not accept). The workflow is one table (the Hypha pattern, STYLE.md): states, the
 * transitions out of each, who may take them, the label staff see and the label the firm sees. Nothing else decides
 * whether a move is allowed.
 */
import type { Message } from '../lib/errors.ts';

export const REQUEST_STATES = ['new', 'assigned', 'contacted', 'in_service', 'awaiting_confirmation', 'resolved', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which the request is still open (the firm may be visited: 非请勿扰 counts it as an invitation). */
export const OPEN_REQUEST_STATES = ['new', 'assigned', 'contacted', 'in_service', 'awaiting_confirmation'] as const satisfies readonly RequestState[];

/** Labels for staff (workspace) and for the firm (portal). */
export const REQUEST_STATE_NAMES: Record<RequestState, { staff: Message; firm: Message }> = {
  new: { staff: { zh: '新诉求', en: 'New' }, firm: { zh: '已提交，待派单', en: 'Submitted' } },
  assigned: { staff: { zh: '已派单', en: 'Assigned' }, firm: { zh: '已安排服务团', en: 'A team is assigned' } },
  contacted: { staff: { zh: '已联系', en: 'Contacted' }, firm: { zh: '专家已联系', en: 'The expert has been in touch' } },
  in_service: { staff: { zh: '服务中', en: 'In service' }, firm: { zh: '服务中', en: 'In service' } },
  awaiting_confirmation: { staff: { zh: '待企业确认', en: 'Awaiting the firm' }, firm: { zh: '请确认是否已解决', en: 'Please confirm it is solved' } },
  resolved: { staff: { zh: '已解决', en: 'Resolved' }, firm: { zh: '已解决', en: 'Resolved' } },
  withdrawn: { staff: { zh: '已撤回', en: 'Withdrawn' }, firm: { zh: '已撤回', en: 'Withdrawn' } },
};

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Record<Urgency, Message> = { normal: { zh: '一般', en: 'Normal' }, urgent: { zh: '紧急', en: 'Urgent' } };

/** Priority 0 (normal) … 3; an urgent request starts at 1, every reopening by the firm raises it by one. */
export const MAX_PRIORITY = 3;

/** Who takes a transition: staff (workspace) or the firm (portal). Which staff roles: see `StaffTransitionRole`. */
export type TransitionActor = 'router' | 'team' | 'firm';

export interface RequestTransition {
  from: RequestState;
  to: RequestState;
  /** router: bureau/admin, the county officer of the firm's area, the lead of the request's team. team: also its experts. */
  by: TransitionActor;
  /** A note is required (what was done, why it is not solved). */
  noteRequired: boolean;
  label: { staff: Message; firm: Message };
}

const t = (from: RequestState, to: RequestState, by: TransitionActor, noteRequired: boolean, staff: Message, firm: Message = staff): RequestTransition => ({
  from,
  to,
  by,
  noteRequired,
  label: { staff, firm },
});

/** The workflow table. `assigned → assigned` is re-routing to another team or expert. */
export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  t('new', 'assigned', 'router', false, { zh: '派单', en: 'Route' }),
  t('assigned', 'assigned', 'router', false, { zh: '改派', en: 'Re-route' }),
  t('assigned', 'contacted', 'team', false, { zh: '已联系企业', en: 'Contacted the firm' }),
  t('contacted', 'in_service', 'team', false, { zh: '开始服务', en: 'Start service' }),
  t('in_service', 'awaiting_confirmation', 'team', true, { zh: '服务完成，请企业确认', en: 'Done — ask the firm to confirm' }),
  t('awaiting_confirmation', 'resolved', 'firm', false, { zh: '企业确认已解决', en: 'Firm confirmed' }, { zh: '确认已解决', en: 'Confirm it is solved' }),
  t('awaiting_confirmation', 'in_service', 'firm', true, { zh: '企业表示未解决（重新打开）', en: 'Firm reopened' }, { zh: '未解决，重新打开', en: 'Not solved — reopen' }),
  t('new', 'withdrawn', 'firm', false, { zh: '企业撤回', en: 'Withdrawn by the firm' }, { zh: '撤回诉求', en: 'Withdraw' }),
  t('assigned', 'withdrawn', 'firm', false, { zh: '企业撤回', en: 'Withdrawn by the firm' }, { zh: '撤回诉求', en: 'Withdraw' }),
];

/** The transition from → to, or undefined when the workflow has none. */
export function findTransition(from: RequestState, to: RequestState): RequestTransition | undefined {
  return REQUEST_TRANSITIONS.find((x) => x.from === from && x.to === to);
}

/** Transitions out of a state that this kind of actor may take. */
export function transitionsFrom(from: RequestState, actors: readonly TransitionActor[]): RequestTransition[] {
  return REQUEST_TRANSITIONS.filter((x) => x.from === from && actors.includes(x.by));
}

/** The starting priority of a request (urgent → 1). */
export function initialPriority(urgency: Urgency): number {
  return urgency === 'urgent' ? 1 : 0;
}

/** Priority after a transition: a reopening by the firm raises it by one (capped at MAX_PRIORITY); others keep it. */
export function priorityAfter(transition: Pick<RequestTransition, 'from' | 'to'>, priority: number): number {
  return transition.from === 'awaiting_confirmation' && transition.to === 'in_service' ? Math.min(MAX_PRIORITY, priority + 1) : priority;
}
