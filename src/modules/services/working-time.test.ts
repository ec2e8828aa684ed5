import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../common/workdays.js';
import { asWorkingDaysHours, workingMinutesBetween } from './working-time.js';

// Expected values counted by hand on the 2026 State Council schedule (Spring Festival 2026-02-15 … 02-23,
// swapped working days Sat 2026-02-14 and Sat 2026-02-28); China time is UTC+8.
describe('working minutes on the official calendar', () => {
  it('counts only office hours of one working day', () => {
    // Mon 2026-03-02 10:00 → 15:30 China time = 5.5 h
    expect(workingMinutesBetween(officialCalendar, '2026-03-02T02:00:00Z', '2026-03-02T07:30:00Z')).toBe(330);
    // before opening and after closing count nothing: 08:00 → 18:00 is the full 8 h
    expect(workingMinutesBetween(officialCalendar, '2026-03-02T00:00:00Z', '2026-03-02T10:00:00Z')).toBe(480);
  });

  it('skips the weekend', () => {
    // Fri 2026-03-06 16:00 → Mon 2026-03-09 10:00: 1 h Friday + 1 h Monday
    expect(workingMinutesBetween(officialCalendar, '2026-03-06T08:00:00Z', '2026-03-09T02:00:00Z')).toBe(120);
  });

  it('skips the Spring Festival and counts the swapped Saturday', () => {
    // Fri 2026-02-13 09:00 → Tue 2026-02-24 09:00: Fri 13 (8 h) + Sat 14 swapped (8 h); 15–23 holiday; 24 at opening = 0
    expect(workingMinutesBetween(officialCalendar, '2026-02-13T01:00:00Z', '2026-02-24T01:00:00Z')).toBe(960);
  });

  it('reads minutes as working days and hours', () => {
    // 1 230 min = 2 × 480 + 270 → 2 days and 4.5 hours
    expect(asWorkingDaysHours(1230)).toEqual({ days: 2, hours: 4.5 });
    expect(workingMinutesBetween(officialCalendar, '2026-03-02T05:00:00Z', '2026-03-02T04:00:00Z')).toBe(0);
  });
});
