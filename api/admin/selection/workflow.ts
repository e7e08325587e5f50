/**
 * The one state machine of selection and title-recommendation rounds (the Hypha pattern, shared STYLE.md): each
 * state lists the moves out of it, who may take each, the label staff see on the button, and whether a reason is
 * required. Firms see `STATE_LABELS[state].firm`. Nothing else decides whether a move is allowed: `checkTransition`
 * reads this table, and `api/admin/selection/transitions.ts` applies it (history row in the same transaction).
 * Source of the stages: the observed city workflow in shared ADMIN.md (申报 → 县区初审 → 市局审核 → 公示 → 推荐).
 */
import type { Role } from '../../db/schema/index.ts';
import type { ApplicationState, RoundKind } from '../../domain/selection.ts';
import { AppError, type Message } from '../../lib/errors.ts';

export interface Transition {
  to: ApplicationState;
  roles: readonly Role[];
  /** The action's label for staff (button text). */
  labelStaff: Message;
  /** What the firm reads in its history for this move. */
  labelFirm: Message;
  needsReason: boolean;
  /** Only in rounds of these kinds (default: both). */
  kinds?: readonly RoundKind[];
}

const STAFF_SCREEN: readonly Role[] = ['county', 'bureau', 'admin'];
const CITY: readonly Role[] = ['bureau', 'admin'];

/** The table: state → the moves out of it. */
export const WORKFLOW: Record<ApplicationState, readonly Transition[]> = {
  submitted: [
    { to: 'city_review', roles: STAFF_SCREEN, labelStaff: { zh: '初审通过', en: 'Pass county review' }, labelFirm: { zh: '县区初审通过', en: 'Passed the county review' }, needsReason: false },
    { to: 'returned', roles: STAFF_SCREEN, labelStaff: { zh: '退回补充', en: 'Return for more information' }, labelFirm: { zh: '退回补充材料', en: 'Returned for more information' }, needsReason: true },
    { to: 'county_declined', roles: STAFF_SCREEN, labelStaff: { zh: '初审不通过', en: 'Decline at county review' }, labelFirm: { zh: '县区初审未通过', en: 'Not passed at the county review' }, needsReason: true },
    { to: 'withdrawn', roles: ['enterprise'], labelStaff: { zh: '撤回申报', en: 'Withdraw' }, labelFirm: { zh: '企业撤回申报', en: 'Withdrawn by the firm' }, needsReason: false },
  ],
  returned: [
    { to: 'submitted', roles: ['enterprise', 'county', 'bureau', 'admin'], labelStaff: { zh: '重新提交', en: 'Resubmit' }, labelFirm: { zh: '已补充并重新提交', en: 'Resubmitted with more information' }, needsReason: false },
    { to: 'withdrawn', roles: ['enterprise'], labelStaff: { zh: '撤回申报', en: 'Withdraw' }, labelFirm: { zh: '企业撤回申报', en: 'Withdrawn by the firm' }, needsReason: false },
  ],
  county_declined: [
    { to: 'submitted', roles: CITY, labelStaff: { zh: '复议：重新初审', en: 'Reconsider: county review again' }, labelFirm: { zh: '复议，重新初审', en: 'Reconsidered: back to county review' }, needsReason: true },
  ],
  city_review: [
    { to: 'expert_review', roles: CITY, labelStaff: { zh: '审核通过，进入专家评审', en: 'Pass to expert review' }, labelFirm: { zh: '市局审核通过', en: 'Passed the city review' }, needsReason: false },
    { to: 'returned', roles: CITY, labelStaff: { zh: '退回补充', en: 'Return for more information' }, labelFirm: { zh: '退回补充材料', en: 'Returned for more information' }, needsReason: true },
    { to: 'city_declined', roles: CITY, labelStaff: { zh: '审核不通过', en: 'Decline at city review' }, labelFirm: { zh: '市局审核未通过', en: 'Not passed at the city review' }, needsReason: true },
  ],
  city_declined: [
    { to: 'city_review', roles: CITY, labelStaff: { zh: '复议：重新审核', en: 'Reconsider: city review again' }, labelFirm: { zh: '复议，重新审核', en: 'Reconsidered: back to city review' }, needsReason: true },
  ],
  expert_review: [
    { to: 'proposed', roles: CITY, labelStaff: { zh: '列入拟入选名单', en: 'Put on the proposed list' }, labelFirm: { zh: '专家评审完成', en: 'Expert review finished' }, needsReason: false },
    { to: 'not_selected', roles: CITY, labelStaff: { zh: '未列入名单', en: 'Leave off the list' }, labelFirm: { zh: '专家评审完成，未列入名单', en: 'Expert review finished, not on the list' }, needsReason: true },
  ],
  proposed: [
    { to: 'notice', roles: CITY, labelStaff: { zh: '进入公示', en: 'Publish in the notice' }, labelFirm: { zh: '进入公示', en: 'In the public notice' }, needsReason: false },
    { to: 'not_selected', roles: CITY, labelStaff: { zh: '移出名单', en: 'Take off the list' }, labelFirm: { zh: '未列入名单', en: 'Not on the list' }, needsReason: true },
    { to: 'expert_review', roles: CITY, labelStaff: { zh: '退回专家评审', en: 'Back to expert review' }, labelFirm: { zh: '重新评审', en: 'Reviewed again' }, needsReason: true },
  ],
  notice: [
    { to: 'selected', roles: CITY, labelStaff: { zh: '确认入选', en: 'Confirm selection' }, labelFirm: { zh: '正式入选', en: 'Selected' }, needsReason: false, kinds: ['hall'] },
    { to: 'recommended', roles: CITY, labelStaff: { zh: '推荐至上级', en: 'Recommend upwards' }, labelFirm: { zh: '已推荐至上级主管部门', en: 'Recommended to the higher authority' }, needsReason: false, kinds: ['title'] },
    { to: 'not_selected', roles: CITY, labelStaff: { zh: '异议成立，不予入选', en: 'Objection upheld: not selected' }, labelFirm: { zh: '公示期异议成立', en: 'An objection was upheld' }, needsReason: true },
  ],
  recommended: [
    { to: 'title_granted', roles: CITY, labelStaff: { zh: '登记认定结果', en: 'Record the designation' }, labelFirm: { zh: '已获认定', en: 'Designated' }, needsReason: false, kinds: ['title'] },
    { to: 'title_not_granted', roles: CITY, labelStaff: { zh: '登记未获认定', en: 'Record: not designated' }, labelFirm: { zh: '未获认定', en: 'Not designated' }, needsReason: true, kinds: ['title'] },
  ],
  selected: [],
  not_selected: [],
  title_granted: [],
  title_not_granted: [],
  withdrawn: [],
};

/** How each state reads to staff and to the firm. */
export const STATE_LABELS: Record<ApplicationState, { staff: Message; firm: Message }> = {
  submitted: { staff: { zh: '待县区初审', en: 'Awaiting county review' }, firm: { zh: '已提交，等待县区初审', en: 'Submitted, awaiting the county review' } },
  returned: { staff: { zh: '已退回补充', en: 'Returned' }, firm: { zh: '需补充材料', en: 'More information needed' } },
  county_declined: { staff: { zh: '县区初审未通过', en: 'Declined by the county' }, firm: { zh: '未通过县区初审', en: 'Not passed at the county review' } },
  city_review: { staff: { zh: '待市局审核', en: 'Awaiting city review' }, firm: { zh: '审核中', en: 'Under review' } },
  city_declined: { staff: { zh: '市局审核未通过', en: 'Declined by the city' }, firm: { zh: '未通过市局审核', en: 'Not passed at the city review' } },
  expert_review: { staff: { zh: '专家评审中', en: 'Expert review' }, firm: { zh: '评审中', en: 'Under review' } },
  proposed: { staff: { zh: '拟入选', en: 'Proposed' }, firm: { zh: '评审中', en: 'Under review' } },
  notice: { staff: { zh: '公示中', en: 'In the public notice' }, firm: { zh: '公示中', en: 'In the public notice' } },
  selected: { staff: { zh: '入选', en: 'Selected' }, firm: { zh: '已入选', en: 'Selected' } },
  not_selected: { staff: { zh: '未入选', en: 'Not selected' }, firm: { zh: '未入选', en: 'Not selected' } },
  recommended: { staff: { zh: '已推荐', en: 'Recommended' }, firm: { zh: '已推荐至上级', en: 'Recommended upwards' } },
  title_granted: { staff: { zh: '已获认定', en: 'Designated' }, firm: { zh: '已获认定', en: 'Designated' } },
  title_not_granted: { staff: { zh: '未获认定', en: 'Not designated' }, firm: { zh: '未获认定', en: 'Not designated' } },
  withdrawn: { staff: { zh: '已撤回', en: 'Withdrawn' }, firm: { zh: '已撤回', en: 'Withdrawn' } },
};

/** The rule a move is checked against, named in refusals: `submitted → city_review`. */
export const ruleName = (from: ApplicationState, to: ApplicationState) => `${from} → ${to}`;

/**
 * The transition from `from` to `to` for this role in a round of this kind, or an AppError naming the rule that
 * refused it: 409 `illegal_transition` (no such move from this state, or not in this kind of round), 403
 * `transition_forbidden` (the move exists but not for this role), 400 `reason_required`.
 */
export function checkTransition(from: ApplicationState, to: ApplicationState, role: Role, kind: RoundKind, reason: string | null | undefined): Transition {
  const rule = ruleName(from, to);
  const move = WORKFLOW[from].find((t) => t.to === to && (!t.kinds || t.kinds.includes(kind)));
  if (!move) {
    throw new AppError(409, 'illegal_transition', { zh: `流程不允许此操作（${rule}）`, en: `The workflow has no such move (${rule})` }, { rule });
  }
  if (!move.roles.includes(role)) {
    throw new AppError(403, 'transition_forbidden', { zh: `当前角色不能执行此操作（${rule}：${move.roles.join('、')}）`, en: `Your role may not take this move (${rule}: ${move.roles.join(', ')})` }, { rule, roles: move.roles });
  }
  if (move.needsReason && !reason?.trim()) {
    throw new AppError(400, 'reason_required', { zh: `此操作需要填写理由（${rule}）`, en: `This move needs a reason (${rule})` }, { rule });
  }
  return move;
}

/** The moves this role may take from a state in a round of this kind (the buttons a page shows). */
export function movesFor(from: ApplicationState, role: Role, kind: RoundKind): Transition[] {
  return WORKFLOW[from].filter((t) => t.roles.includes(role) && (!t.kinds || t.kinds.includes(kind)));
}
