import { describe, expect, it } from 'vitest';
import { chinaDate } from './dates.js';
import { WorkCalendar, officialCalendar as cal } from './workdays.js';

describe('working-day calendar', () => {
  it('knows 2026 National Day: 10-01..10-07 rest, Sunday 09-20 and Saturday 10-10 worked', () => {
    expect(cal.isWorkday('2026-10-01')).toBe(false);
    expect(cal.isWorkday('2026-10-07')).toBe(false);
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.dayName('2026-10-02')).toBe('国庆节');
  });

  it('counts working days across the Spring Festival 2026', () => {
    // Fri 2026-02-13 → the festival runs 02-15..02-23; Sat 02-14 is a swapped working day.
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.workdaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(cal.workdaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
  });

  it('moves a non-working date to the next working day with n = 0', () => {
    expect(cal.addWorkdays('2026-10-03', 0)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-10-09', -1)).toBe('2026-10-08');
  });

  it('takes a later year as data', () => {
    expect(cal.covers(2027)).toBe(false);
    const next = cal.withDays({ holidays: { '2027-01-01': "New Year's Day,元旦,1" }, workdays: {} });
    expect(next.covers(2027)).toBe(true);
    expect(next.isWorkday('2027-01-01')).toBe(false);
    expect(cal.isWorkday('2027-01-01')).toBe(true);
    expect(new WorkCalendar({ holidays: {}, workdays: {} }).isWorkday('2026-10-01')).toBe(true);
  });

  it("takes today's date in China time", () => {
    expect(chinaDate(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
    expect(chinaDate(new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24');
  });

  it('rejects what is not a date', () => {
    expect(() => cal.isWorkday('2026-13-45')).toThrow(RangeError);
  });
});
