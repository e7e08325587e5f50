import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('working days (State Council holiday calendar via chinese-days)', () => {
  it('knows holidays and adjusted working weekends', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false); // National Day
    expect(isWorkingDay('2025-09-28')).toBe(true); // a Sunday made a working day
    expect(isWorkingDay('2025-10-11')).toBe(true); // a Saturday made a working day
    expect(isWorkingDay('2025-11-29')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2025-11-28')).toBe(true);
  });

  it('counts a five-working-day 公示 across the National Day week', () => {
    // 09-29 Mon, 09-30 Tue, then 10-01…10-08 off, 10-09 Thu, 10-10 Fri, 10-11 Sat (adjusted): five working days.
    expect(addWorkingDays('2025-09-29', 4)).toBe('2025-10-11');
    expect(workingDaysBetween('2025-09-29', '2025-10-11')).toBe(5);
    // Five calendar days would wrongly end on 10-03.
    expect(workingDaysBetween('2025-09-29', '2025-10-03')).toBe(2);
  });

  it('starts from the next working day when the start is a holiday', () => {
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-11-29', 1)).toBe('2025-12-02');
  });

  it('refuses malformed dates', () => {
    expect(() => addWorkingDays('2025-13-01', 1)).toThrow(RangeError);
    expect(() => workingDaysBetween('x', '2025-01-01')).toThrow(RangeError);
  });
});
