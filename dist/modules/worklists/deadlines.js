import { addDays, chinaDate, officialCalendar } from "../../common/workdays.js";
import { getWorkCalendar } from "../calendar/calendar.service.js";
function today(clock) {
  return chinaDate(clock());
}
function calendarOf(ctx) {
  return getWorkCalendar(ctx);
}
function lastWorkdayOnOrBefore(date, cal = officialCalendar) {
  let cur = date;
  while (!cal.isWorkday(cur)) cur = addDays(cur, -1);
  return cur;
}
const DAY_MS = 864e5;
const TABLE_START = Date.parse("2000-01-01T00:00:00Z");
const TABLE_DAYS = 365 * 60;
const tables = /* @__PURE__ */ new WeakMap();
function workdaysBetween(from, to, cal = officialCalendar) {
  const a = (Date.parse(`${from}T00:00:00Z`) - TABLE_START) / DAY_MS;
  const b = (Date.parse(`${to}T00:00:00Z`) - TABLE_START) / DAY_MS;
  if (!(a >= 0 && b >= 0 && a < TABLE_DAYS && b < TABLE_DAYS)) return cal.workdaysBetween(from, to);
  let cumulative = tables.get(cal);
  if (!cumulative) {
    cumulative = new Int32Array(TABLE_DAYS);
    let n = 0;
    for (let i = 0; i < TABLE_DAYS; i++) {
      if (cal.isWorkday(new Date(TABLE_START + i * DAY_MS).toISOString().slice(0, 10))) n++;
      cumulative[i] = n;
    }
    tables.set(cal, cumulative);
  }
  return cumulative[b] - cumulative[a];
}
function dueInfo(deadline, status, day, cal = officialCalendar) {
  if (!deadline) return { overdue: false, overdueWorkdays: 0, dueInWorkdays: null };
  const dueIn = workdaysBetween(day, deadline, cal);
  const overdueWorkdays = status === "closed" ? 0 : Math.max(0, -dueIn);
  return { overdue: overdueWorkdays > 0, overdueWorkdays, dueInWorkdays: dueIn };
}
function overdueBefore(day, cal = officialCalendar) {
  return lastWorkdayOnOrBefore(day, cal);
}
function dueWithinRange(day, n, cal = officialCalendar) {
  return { from: overdueBefore(day, cal), before: cal.addWorkdays(day, n + 1) };
}
export {
  calendarOf,
  dueInfo,
  dueWithinRange,
  lastWorkdayOnOrBefore,
  overdueBefore,
  today,
  workdaysBetween
};
//# sourceMappingURL=deadlines.js.map
