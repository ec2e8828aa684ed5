import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDuration,
  chinaDate,
  chinaDays,
  daysBetween,
  excelSerialToDate,
  fromDays,
  isValidDate,
  lastDayOfMonth,
  toDays,
  weekday,
} from './dates.js';
import { officialCalendar as cal } from './workdays.js';

// Expected values are counted by hand on a printed calendar and the State Council's published 2026
// holiday schedule: Spring Festival rest 02-15..02-23 with Sat 02-14 and Sat 02-28 worked; National
// Day rest 10-01..10-07 with Sun 09-20 and Sat 10-10 worked.
describe('plain dates', () => {
  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-45', '0000-00-00', '2026-2-3', '2025-02-29', '', '2026-04-31']) {
      expect(isValidDate(bad)).toBe(false);
    }
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31']) expect(isValidDate(good)).toBe(true);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts days since 1970-01-01 and back', () => {
    expect(toDays('1970-01-01')).toBe(0);
    expect(toDays('2000-01-01')).toBe(10_957);
    expect(toDays('2026-01-01')).toBe(20_454);
    expect(fromDays(20_454)).toBe('2026-01-01');
    expect(fromDays(Number.NaN)).toBe('');
  });

  it('adds days across month, year and leap-day ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-10-08', '2026-09-30')).toBe(-8);
    expect(lastDayOfMonth(2026, 2)).toBe(28);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2026, 9)).toBe(30);
  });

  it('knows the day of the week', () => {
    expect(weekday('2026-02-14')).toBe(6); // Saturday
    expect(weekday('2026-10-01')).toBe(4); // Thursday
    expect(weekday('2026-09-20')).toBe(0); // Sunday
  });

  it('adds months and years as a calendar does', () => {
    expect(fromDays(addDuration(toDays('2026-03-02'), -3, 'year'))).toBe('2023-03-02');
    expect(fromDays(addDuration(toDays('2026-01-15'), 1, 'month'))).toBe('2026-02-15');
    expect(fromDays(addDuration(toDays('2026-12-20'), 20, 'day'))).toBe('2027-01-09');
  });

  it('takes the day in China, eight hours ahead of UTC', () => {
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDays(new Date('2026-01-01T00:00:00+08:00'))).toBe(20_454);
  });

  it('reads Excel serial day numbers', () => {
    expect(excelSerialToDate(46_022)).toBe('2025-12-31');
    expect(excelSerialToDate(46_023.75)).toBe('2026-01-01');
  });
});

describe('working days between two dates', () => {
  it('counts the Spring Festival 2026 with its swapped Saturdays', () => {
    // (02-13, 02-28]: Sat 02-14 worked, rest to 02-23, then Tue 02-24..Fri 02-27 and Sat 02-28 worked = 1 + 4 + 1.
    expect(cal.workdaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(cal.workdaysBetween('2026-02-28', '2026-02-13')).toBe(-6);
    // (02-14, 02-23]: all rest days.
    expect(cal.workdaysBetween('2026-02-14', '2026-02-23')).toBe(0);
  });

  it('counts National Day 2026 with Sun 09-20 and Sat 10-10 worked', () => {
    // (09-18, 09-21]: Sat 09-19 rest, Sun 09-20 worked, Mon 09-21 worked.
    expect(cal.workdaysBetween('2026-09-18', '2026-09-21')).toBe(2);
    // (09-30, 10-10]: 10-01..10-07 rest, Thu 10-08, Fri 10-09, Sat 10-10 worked.
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workdaysBetween('2026-10-05', '2026-10-05')).toBe(0);
  });

  it('counts a plain year outside the table the same way, day by day', () => {
    // 2070 has no official data: weekdays only. (2070-01-03 Fri, 2070-01-10 Fri] = Mon..Fri = 5.
    expect(weekday('2070-01-03')).toBe(5);
    expect(cal.workdaysBetween('2070-01-03', '2070-01-10')).toBe(5);
    expect(cal.workdaysBetween('2070-01-10', '2070-01-03')).toBe(-5);
  });
});
