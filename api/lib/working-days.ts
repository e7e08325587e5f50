/**
 * Chinese working days (工作日): weekdays that are not public holidays, plus the weekend days the State Council
 * declares working days (调休). Holiday data from the `chinese-days` package (State Council notices, 2004–2026);
 * dates are ISO `YYYY-MM-DD` in China.
 */
import { isWorkday } from 'chinese-days';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`not an ISO date: ${date}`);
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** True when `date` (YYYY-MM-DD) is a working day in China (adjusted weekends count, public holidays do not). */
export function isWorkingDay(date: string): boolean {
  checkDate(date);
  return isWorkday(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0): with n = 0, `date` itself when it is a working day, else the next
 * one. E.g. a 公示 of 5 working days starting 2025-09-29 ends 2025-10-11 (National Day week skipped, 10-11 is an
 * adjusted working Saturday): `addWorkingDays('2025-09-29', 4)`.
 */
export function addWorkingDays(date: string, n: number): string {
  checkDate(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0: ${n}`);
  let day = date;
  while (!isWorkday(day)) day = shift(day, 1);
  for (let left = n; left > 0; ) {
    day = shift(day, 1);
    if (isWorkday(day)) left -= 1;
  }
  return day;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string): number {
  checkDate(from);
  checkDate(to);
  let count = 0;
  for (let day = from; day <= to; day = shift(day, 1)) if (isWorkday(day)) count += 1;
  return count;
}
