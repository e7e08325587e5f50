/** The 公示 period of a round in working days (issue 10: at least 5 working days, configurable per round). */
import type { SelectionRound } from '../../db/schema/index.ts';
import { addWorkingDays, isWorkingDay } from '../../lib/working-days.ts';

/** The shortest 公示 the platform accepts, in working days (issue 10; the observed city notices run 5 working days). */
export const MIN_NOTICE_WORKING_DAYS = 5;

/**
 * Last day (YYYY-MM-DD) of the round's notice: the notice runs `noticeWorkingDays` (≥ 5) working days, counting
 * `noticeFrom` itself when it is a working day (else from the next one); null when unscheduled.
 */
export function noticeEnd(round: Pick<SelectionRound, 'timeline' | 'noticeWorkingDays'>): string | null {
  const from = round.timeline.noticeFrom;
  if (!from) return null;
  const first = isWorkingDay(from) ? from : addWorkingDays(from, 1);
  return addWorkingDays(first, Math.max(MIN_NOTICE_WORKING_DAYS, round.noticeWorkingDays) - 1);
}
