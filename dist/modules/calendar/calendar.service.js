import { AppError } from "../../common/errors.js";
import { addDays, officialCalendar } from "../../common/workdays.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { parseCalendarFile } from "./calendar.import.js";
import { deleteDay, findDay, findDayByDate, insertDay, listDays, updateDayVersioned } from "./calendar.repository.js";
const CACHE_MS = 6e4;
const cache = /* @__PURE__ */ new WeakMap();
async function loadCalendar(db) {
  const extra = { holidays: {}, workdays: {} };
  for (const d of await listDays(db)) (d.type === "holiday" ? extra.holidays : extra.workdays)[d.date] = d.name;
  return officialCalendar.withDays(extra);
}
async function getWorkCalendar(ctx) {
  const hit = cache.get(ctx);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit.calendar;
  const calendar = await loadCalendar(ctx.db);
  cache.set(ctx, { calendar, loadedAt: Date.now() });
  return calendar;
}
function invalidate(ctx) {
  cache.delete(ctx);
}
function present(d) {
  return { id: d.id, date: d.date, type: d.type, name: d.name, version: d.version, updatedAt: d.updated_at };
}
async function calendarYear(ctx, year) {
  const calendar = await getWorkCalendar(ctx);
  const added = await listDays(ctx.db, year);
  const addedDates = new Set(added.map((d) => d.date));
  const days = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const weekend = [0, 6].includes((/* @__PURE__ */ new Date(`${d}T00:00:00Z`)).getUTCDay());
    const work = calendar.isWorkday(d);
    if (work === !weekend && !calendar.dayName(d)) continue;
    days.push({ date: d, type: work ? "workday" : "holiday", name: calendar.dayName(d) ?? "", source: addedDates.has(d) ? "added" : "official" });
  }
  return { year, covered: calendar.covers(year), days, added: added.map(present) };
}
async function addCalendarDay(ctx, actor, body) {
  const view = await withTransaction(ctx.db, async (trx) => {
    if (await findDayByDate(trx, body.date)) throw new AppError("CONFLICT", [{ path: "body.date", message: `${body.date} \u5DF2\u6709\u8BBE\u7F6E\uFF0C\u8BF7\u4FEE\u6539\u8BE5\u6761 / already set; edit that entry` }]);
    const id = await insertDay(trx, body, ctx.clock().toISOString());
    const created = present(await findDay(trx, id));
    await audit(ctx, trx, actor, { action: "calendar.add", entity: "calendar_day", entityId: id, after: created });
    return created;
  }).catch((err) => {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", [{ path: "body.date", message: `${body.date} \u5DF2\u6709\u8BBE\u7F6E / already set` }]);
    throw err;
  });
  invalidate(ctx);
  return view;
}
async function updateCalendarDay(ctx, actor, id, body) {
  const view = await withTransaction(ctx.db, async (trx) => {
    const before = await findDay(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const ok = await updateDayVersioned(trx, id, body.version, { type: body.type ?? before.type, name: body.name ?? before.name }, ctx.clock().toISOString());
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const after = present(await findDay(trx, id));
    await audit(ctx, trx, actor, { action: "calendar.update", entity: "calendar_day", entityId: id, before: present(before), after });
    return after;
  });
  invalidate(ctx);
  return view;
}
async function removeCalendarDay(ctx, actor, id) {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findDay(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    await deleteDay(trx, id);
    await audit(ctx, trx, actor, { action: "calendar.delete", entity: "calendar_day", entityId: id, before: present(before) });
  });
  invalidate(ctx);
}
async function importCalendarDays(ctx, actor, body) {
  const days = parseCalendarFile(body.format, body.content);
  const result = await withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const d of days) {
      const existing = await findDayByDate(trx, d.date);
      if (!existing) {
        await insertDay(trx, d, at);
        added++;
      } else if (existing.type !== d.type || existing.name !== d.name) {
        await updateDayVersioned(trx, existing.id, existing.version, { type: d.type, name: d.name }, at);
        updated++;
      } else unchanged++;
    }
    const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
    await audit(ctx, trx, actor, { action: "calendar.import", entity: "calendar_day", entityId: null, after: { added, updated, unchanged, years } });
    return { added, updated, unchanged, years };
  });
  invalidate(ctx);
  return result;
}
export {
  addCalendarDay,
  calendarYear,
  getWorkCalendar,
  importCalendarDays,
  removeCalendarDay,
  updateCalendarDay
};
//# sourceMappingURL=calendar.service.js.map
