import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../common/workdays.js';
import { addWorkingHours, dueAfterWorkdays, workingHoursBetween } from './sla.js';

// Instants are written in China time (+08:00); expected values counted by hand on the 2026 calendar
// (National Day holiday 1–7 Oct 2026, Saturday 10 Oct worked; 2 Mar 2026 is a Monday).
const at = (s: string) => new Date(`${s}+08:00`);

describe('working-hour deadlines', () => {
  it('counts two working hours across the lunch break and the night', () => {
    expect(addWorkingHours(officialCalendar, at('2026-03-02T10:00:00'), 2)).toEqual(at('2026-03-02T12:00:00'));
    expect(addWorkingHours(officialCalendar, at('2026-03-02T11:00:00'), 2)).toEqual(at('2026-03-02T14:30:00'));
    expect(addWorkingHours(officialCalendar, at('2026-03-02T17:00:00'), 2)).toEqual(at('2026-03-03T10:30:00'));
    // A call on Saturday night counts from Monday 9:00.
    expect(addWorkingHours(officialCalendar, at('2026-03-07T22:00:00'), 2)).toEqual(at('2026-03-09T11:00:00'));
    // Across the National Day holiday (1–7 Oct): Wednesday 30 Sep 16:30 → Thursday 8 Oct 10:00.
    expect(addWorkingHours(officialCalendar, at('2026-09-30T16:30:00'), 2)).toEqual(at('2026-10-08T10:00:00'));
  });

  it('measures handling time in working hours only', () => {
    expect(workingHoursBetween(officialCalendar, at('2026-03-02T10:00:00'), at('2026-03-02T14:00:00'))).toBe(2.5);
    // 10:00–12:00 and 13:30–14:00 on one day; Friday 16:00 → Monday 10:00: 1.5 h on Friday + 1 h on Monday.
    expect(workingHoursBetween(officialCalendar, at('2026-03-06T16:00:00'), at('2026-03-09T10:00:00'))).toBe(2.5);
    expect(workingHoursBetween(officialCalendar, at('2026-03-09T10:00:00'), at('2026-03-06T16:00:00'))).toBe(0);
  });

  it('puts a ticket’s deadline at the close of its last working day', () => {
    expect(dueAfterWorkdays(officialCalendar, at('2026-03-02T10:00:00'), 1)).toEqual(at('2026-03-03T17:30:00'));
    // 投诉: 10 working days from Monday 2 March is Monday 16 March.
    expect(dueAfterWorkdays(officialCalendar, at('2026-03-02T10:00:00'), 10)).toEqual(at('2026-03-16T17:30:00'));
    // 5 working days from Tuesday 29 Sep: 30 Sep, 8 Oct (Thu), 9 Oct, 10 Oct (Sat, worked), 12 Oct.
    expect(dueAfterWorkdays(officialCalendar, at('2026-09-29T09:00:00'), 5)).toEqual(at('2026-10-12T17:30:00'));
  });
});
