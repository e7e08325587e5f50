import { describe, expect, it } from 'vitest';
import { addWorkingDays, holidayCalendarCovers, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('working days', () => {
  it('skips the National Day holiday and counts its adjusted working Saturday (2026)', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
    expect(addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
  });

  it('counts the Spring Festival holiday as days off (2026-02-15 … 02-23) and its adjusted Saturdays 02-14 and 02-28 as working days', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('falls back to Monday–Friday after the calendar’s last year, and refuses nonsense', () => {
    expect(holidayCalendarCovers(2026)).toBe(true);
    expect(holidayCalendarCovers(2027)).toBe(false);
    expect(addWorkingDays('2027-01-08', 1)).toBe('2027-01-11');
    expect(() => addWorkingDays('2026-13-01x', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-01', -1)).toThrow(RangeError);
  });
});
