import { describe, expect, it } from 'vitest';
import { noticeEnd } from './notice-period.ts';

const round = (noticeFrom: string | null, noticeWorkingDays = 5) => ({
  noticeWorkingDays,
  timeline: { applyFrom: '2025-03-01', applyTo: '2025-04-01', countyDue: '2025-04-15', cityDue: '2025-05-01', expertDue: '2025-06-01', noticeFrom },
});

describe('the 公示 period in working days', () => {
  it('runs five working days over an ordinary week', () => {
    expect(noticeEnd(round('2025-11-24'))).toBe('2025-11-28'); // Mon → Fri
    expect(noticeEnd(round('2025-11-26'))).toBe('2025-12-02'); // Wed → next Tue, the weekend skipped
  });

  it('skips the National Day holiday and counts its adjusted working Saturday', () => {
    // 09-29, 09-30, (10-01…10-08 off), 10-09, 10-10, 10-11 (adjusted working Saturday)
    expect(noticeEnd(round('2025-09-29'))).toBe('2025-10-11');
  });

  it('starts on the next working day when published on a day off, and never runs under five', () => {
    expect(noticeEnd(round('2025-10-01'))).toBe('2025-10-14'); // five working days: 10-09, 10, 11, 13, 14
    expect(noticeEnd(round('2025-11-24', 3))).toBe('2025-11-28');
    expect(noticeEnd(round('2025-11-24', 7))).toBe('2025-12-02');
    expect(noticeEnd(round(null))).toBeNull();
  });
});
