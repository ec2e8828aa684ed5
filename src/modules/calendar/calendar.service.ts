import { AppError } from '../../common/errors.js';
import type {
  CalendarDayBody,
  CalendarDayView,
  CalendarYearView,
  ImportCalendarBody,
  UpdateCalendarDayBody,
} from '../../common/schemas/calendar.js';
import { addDays, weekday } from '../../common/dates.js';
import { type WorkCalendar, officialCalendar } from '../../common/workdays.js';
import type { Actor, AppContext } from '../../context.js';
import { type StampedCache, cacheFor, changeStamp } from '../../db/change-stamp.js';
import { type Database, type Executor, withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { parseCalendarFile } from './calendar.import.js';
import { type CalendarDayRow, deleteDay, findDay, findDayByDate, insertDay, listDays, updateDayVersioned } from './calendar.repository.js';

interface Loaded {
  calendar: WorkCalendar;
  /** the admin-added days the calendar was built from, to reuse it while they are the same */
  signature: string;
}

/**
 * The calendar lives until the database changes (src/db/change-stamp.ts, like sessions and units):
 * a day added in any server process counts at once on SQLite and within `STALE_MS` on PostgreSQL.
 * After another write the days are read again (one small query) but the calendar, whose working-day
 * table is costly to build, is rebuilt only if they differ.
 */
const calendars = new WeakMap<Database, StampedCache<'calendar', Loaded>>();

async function loadCalendar(db: Executor, previous: Loaded | undefined): Promise<Loaded> {
  const rows = await listDays(db);
  const signature = JSON.stringify(rows.map((d) => [d.date, d.type, d.name]));
  if (previous?.signature === signature) return previous;
  const extra = { holidays: {} as Record<string, string>, workdays: {} as Record<string, string> };
  for (const d of rows) (d.type === 'holiday' ? extra.holidays : extra.workdays)[d.date] = d.name;
  return { calendar: officialCalendar.withDays(extra), signature };
}

const lastLoaded = new WeakMap<Database, Loaded>();

/**
 * The working-day calendar in force: the packaged official data with the days the admin added
 * (next year's schedule, corrections) laid over it. Every deadline computation should use this.
 */
export async function getWorkCalendar(ctx: AppContext): Promise<WorkCalendar> {
  const stamp = changeStamp(ctx.database);
  const cache = cacheFor(calendars, ctx.database, 1);
  const hit = cache.get('calendar', stamp);
  if (hit) return hit.calendar;
  const loaded = await loadCalendar(ctx.db, lastLoaded.get(ctx.database));
  lastLoaded.set(ctx.database, loaded);
  cache.set('calendar', loaded, stamp);
  return loaded.calendar;
}

function present(d: CalendarDayRow): CalendarDayView {
  return { id: d.id, date: d.date, type: d.type as CalendarDayView['type'], name: d.name, version: d.version, updatedAt: d.updated_at };
}

export async function calendarYear(ctx: AppContext, year: number): Promise<CalendarYearView> {
  const calendar = await getWorkCalendar(ctx);
  const added = await listDays(ctx.db, year);
  const addedDates = new Set(added.map((d) => d.date));
  const days: CalendarYearView['days'] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const weekend = [0, 6].includes(weekday(d));
    const work = calendar.isWorkday(d);
    if (work === !weekend && !calendar.dayName(d)) continue;
    days.push({
      date: d,
      type: work ? 'workday' : 'holiday',
      name: calendar.dayName(d) ?? '',
      source: addedDates.has(d) ? 'added' : 'official',
    });
  }
  return { year, covered: calendar.covers(year), days, added: added.map(present) };
}

export async function addCalendarDay(ctx: AppContext, actor: Actor, body: CalendarDayBody): Promise<CalendarDayView> {
  const view = await withTransaction(ctx.db, async (trx) => {
    if (await findDayByDate(trx, body.date))
      throw new AppError('CONFLICT', [{ path: 'body.date', message: `${body.date} 已有设置，请修改该条 / already set; edit that entry` }]);
    const id = await insertDay(trx, body, ctx.clock().toISOString());
    const created = present((await findDay(trx, id))!);
    await audit(ctx, trx, actor, { action: 'calendar.add', entity: 'calendar_day', entityId: id, after: created });
    return created;
  }).catch((err) => {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', [{ path: 'body.date', message: `${body.date} 已有设置 / already set` }]);
    throw err;
  });
  return view;
}

export async function updateCalendarDay(ctx: AppContext, actor: Actor, id: number, body: UpdateCalendarDayBody): Promise<CalendarDayView> {
  const view = await withTransaction(ctx.db, async (trx) => {
    const before = await findDay(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const ok = await updateDayVersioned(
      trx,
      id,
      body.version,
      { type: body.type ?? before.type, name: body.name ?? before.name },
      ctx.clock().toISOString(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = present((await findDay(trx, id))!);
    await audit(ctx, trx, actor, { action: 'calendar.update', entity: 'calendar_day', entityId: id, before: present(before), after });
    return after;
  });
  return view;
}

export async function removeCalendarDay(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findDay(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await deleteDay(trx, id);
    await audit(ctx, trx, actor, { action: 'calendar.delete', entity: 'calendar_day', entityId: id, before: present(before) });
  });
}

/** Imports the State Council's list all-or-nothing: new dates are added, known dates updated. */
export async function importCalendarDays(ctx: AppContext, actor: Actor, body: ImportCalendarBody) {
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
    await audit(ctx, trx, actor, {
      action: 'calendar.import',
      entity: 'calendar_day',
      entityId: null,
      after: { added, updated, unchanged, years },
    });
    return { added, updated, unchanged, years };
  });
  return result;
}
