/** The 公示 period of a round in working days (issue 10: at least 5 working days, configurable per round). */
import type { SelectionRound } from '../../db/schema/index.ts';
import { addWorkingDays } from '../../lib/working-days.ts';

/** The shortest 公示 the platform accepts, in working days (issue 10; the observed city notices run 5 working days). */
export const MIN_NOTICE_WORKING_DAYS = 5;

/** Last day (YYYY-MM-DD) of the round's notice: `noticeWorkingDays` working days from `noticeFrom`; null when unscheduled. */
export function noticeEnd(round: Pick<SelectionRound, 'timeline' | 'noticeWorkingDays'>): string | null {
  const from = round.timeline.noticeFrom;
  if (!from) return null;
  return addWorkingDays(from, Math.max(MIN_NOTICE_WORKING_DAYS, round.noticeWorkingDays) - 1);
}
