/**
 * Working days (工作日) in mainland China: weekdays that are not public holidays, plus the weekend days declared
 * working days in lieu (调休上班). The calendar comes from `chinese-days`, which follows the State Council's yearly
 * notices (it covers 2004–2026 in the installed version; later years fall back to Monday–Friday until the package
 * is updated — `holidayCalendarCovers` tells). Dates are calendar days 'YYYY-MM-DD' in China time.
 */
import * as chineseDays from 'chinese-days';

// The package is CommonJS: Node's ESM loader sees only its default export (a named import crashes the server at
// start), while bundlers and vitest read the ES build with named exports. Take it from whichever is there.
type ChineseDays = typeof import('chinese-days');
const calendar: ChineseDays = ('isWorkday' in chineseDays ? chineseDays : (chineseDays as unknown as { default: ChineseDays }).default) as ChineseDays;
const isWorkday = (date: string): boolean => calendar.isWorkday(date);

const DAY_MS = 86_400_000;
const LAST_COVERED_YEAR = 2026;

const toUtc = (date: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whether the State Council's calendar for `year` is known (otherwise only weekends count as days off). */
export function holidayCalendarCovers(year: number): boolean {
  return year >= 2004 && year <= LAST_COVERED_YEAR;
}

/** Whether `date` is a working day: a weekday that is not a holiday, or an adjusted working weekend day. */
export function isWorkingDay(date: string): boolean {
  const ms = toUtc(date);
  if (!holidayCalendarCovers(Number(date.slice(0, 4)))) {
    const weekday = new Date(ms).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
  return isWorkday(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0; `date` itself is not counted, so n = 0 returns `date`).
 * E.g. a 公示 that starts on 2026-09-30 and lasts 5 working days ends on 2026-10-13 (the National Day holiday and
 * its adjusted working Saturday 2026-10-10 counted as the State Council set them).
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  let ms = toUtc(date);
  for (let left = n; left > 0; ) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtc(ms))) left--;
  }
  return fromUtc(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let ms = toUtc(from) + DAY_MS, end = toUtc(to); ms <= end; ms += DAY_MS) if (isWorkingDay(fromUtc(ms))) count++;
  return count;
}
