import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
const DAY_MS = 864e5;
function toUtcMs(date) {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  return ms;
}
function fromUtcMs(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function addDays(date, n) {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}
function chinaDate(at) {
  return fromUtcMs(at.getTime() + 8 * 36e5);
}
class WorkCalendar {
  constructor(days) {
    this.days = days;
    this.years = new Set(Object.keys(days.holidays).map((d) => Number(d.slice(0, 4))));
  }
  days;
  years;
  /** A calendar with more days added (a new year's schedule, or a local correction). */
  withDays(extra) {
    const holidays = { ...this.days.holidays };
    const workdays = { ...this.days.workdays };
    for (const d of Object.keys(extra.holidays)) delete workdays[d];
    for (const d of Object.keys(extra.workdays)) delete holidays[d];
    return new WorkCalendar({ holidays: { ...holidays, ...extra.holidays }, workdays: { ...workdays, ...extra.workdays } });
  }
  /** Whether the official schedule of that year is known; outside it only weekends count. */
  covers(year) {
    return this.years.has(year);
  }
  coveredYears() {
    return [...this.years].sort((a, b) => a - b);
  }
  isWorkday(date) {
    if (date in this.days.workdays) return true;
    if (date in this.days.holidays) return false;
    const dow = new Date(toUtcMs(date)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
  /** The holiday or swap name of a date, if any (e.g. 国庆节). */
  dayName(date) {
    const raw = this.days.holidays[date] ?? this.days.workdays[date];
    return raw?.split(",")[1] ?? raw;
  }
  /**
   * The date `n` working days after `date` (n > 0), or before it (n < 0). With n = 0 it is `date`
   * itself when that is a working day, else the next working day.
   */
  addWorkdays(date, n) {
    let cur = date;
    if (n === 0) {
      while (!this.isWorkday(cur)) cur = addDays(cur, 1);
      return cur;
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      cur = addDays(cur, step);
      if (this.isWorkday(cur)) left--;
    }
    return cur;
  }
  /**
   * Working days from `from` to `to`: the count of working days in (from, to] when `to` is later,
   * negative of the count in (to, from] when earlier. "Due in N working days" = workdaysBetween(today, deadline);
   * "overdue by N working days" = workdaysBetween(deadline, today).
   */
  workdaysBetween(from, to) {
    if (from === to) return 0;
    const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let cur = addDays(a, 1); cur <= b; cur = addDays(cur, 1)) if (this.isWorkday(cur)) count++;
    return sign * count;
  }
}
const officialCalendar = new WorkCalendar(chineseDays);
export {
  WorkCalendar,
  addDays,
  chinaDate,
  officialCalendar
};
//# sourceMappingURL=workdays.js.map
