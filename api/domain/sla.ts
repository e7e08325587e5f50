/**
 * Service-level targets (SLA) of requests, in working days (工作日: Chinese public holidays and the adjusted working
 * weekends count as the State Council sets them — api/lib/working-days.ts). Each open state the service side is
 * responsible for has a limit counted from the day the request entered it; the bureau can change the limits
 * (table `service_sla_rules`), a change applies to deadlines set afterwards. The defaults follow the program's
 * "有求必应" and the brief's example (first contact within 2 working days); the others are the bureau's choice.
 */
import { addWorkingDays } from '../lib/working-days.ts';
import type { Message } from '../lib/errors.ts';
import type { RequestState } from './requests.ts';

/** States with a deadline: the service side's turn. Awaiting the firm, resolved and withdrawn have none. */
export const SLA_STATES = ['new', 'assigned', 'contacted', 'in_service'] as const satisfies readonly RequestState[];
export type SlaState = (typeof SLA_STATES)[number];

/** Default limits in working days. */
export const DEFAULT_SLA_DAYS: Record<SlaState, number> = { new: 1, assigned: 2, contacted: 5, in_service: 20 };

export const SLA_NAMES: Record<SlaState, Message> = {
  new: { zh: '派单时限', en: 'Routing' },
  assigned: { zh: '首次联系时限', en: 'First contact' },
  contacted: { zh: '开始服务时限', en: 'Start of service' },
  in_service: { zh: '服务完成时限', en: 'Completion' },
};

const isSlaState = (s: RequestState): s is SlaState => (SLA_STATES as readonly string[]).includes(s);

/**
 * Working days allowed in `state` at `priority`: the configured limit, halved (rounded up, at least 1) from
 * priority 2 on — a request the firm reopened, or an urgent one reopened, must not wait as long again.
 * null for states without a deadline.
 */
export function slaDays(state: RequestState, priority: number, limits: Record<SlaState, number> = DEFAULT_SLA_DAYS): number | null {
  if (!isSlaState(state)) return null;
  const base = limits[state];
  return priority >= 2 ? Math.max(1, Math.ceil(base / 2)) : base;
}

/**
 * The deadline ('YYYY-MM-DD', China date) of a request that entered `state` on `enteredOn`: `slaDays` working
 * days later (the day of entry not counted). null when the state has no deadline.
 */
export function dueDate(state: RequestState, priority: number, enteredOn: string, limits?: Record<SlaState, number>): string | null {
  const days = slaDays(state, priority, limits);
  return days === null ? null : addWorkingDays(enteredOn, days);
}

/** Whether a deadline has passed on `today` (the due day itself still counts as in time). */
export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}
