import { AppError } from '../../common/errors.js';
import {
  CASE_STAGES,
  type CaseBoardView,
  type ItemFilter,
  type ItemView,
  type SavedFilterView,
  type TodoView,
  itemFilter,
} from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { calendarOf, dueWithinRange, today } from './deadlines.js';
import {
  type ReportRow,
  deleteSavedFilterRow,
  insertSavedFilter,
  listEvidence,
  listReportsByStatus,
  listSavedFilters,
} from './progress.repository.js';
import { isOffice, readScope } from './worklists.access.js';
import { presentReport } from './worklists.presenters.js';
import { type ItemFilterSql, queryItems } from './worklists.repository.js';
import { presentItems } from './worklists.service.js';

const TODO_LIMIT = 100;
/** "Due soon" on the to-do view: within this many working days (or already overdue). */
const DUE_SOON_WORKDAYS = 5;

async function items(ctx: AppContext, f: ItemFilterSql, sort: 'deadline' | 'code' = 'deadline', limit = TODO_LIMIT): Promise<ItemView[]> {
  const { rows } = await queryItems(ctx.db, f, { sort, order: 'asc' }, { limit, offset: 0 });
  return presentItems(ctx.db, rows, today(ctx.clock), await calendarOf(ctx));
}

async function withItems(ctx: AppContext, reports: ReportRow[]) {
  if (!reports.length) return [];
  const list = await items(ctx, { ids: [...new Set(reports.map((r) => r.item_id))] }, 'code', reports.length);
  const byId = new Map(list.map((i) => [i.id, i]));
  const out = [];
  for (const r of reports) {
    const item = byId.get(r.item_id);
    if (item) out.push({ item, report: presentReport(r, await listEvidence(ctx.db, r.item_id)) });
  }
  return out;
}

/**
 * The caller's to-do list. For a liaison or unit head: their unit's items to report on, reports
 * awaiting the unit head, deadlines coming up, and cooperating units' deliveries. For the office:
 * reports awaiting office review and the deadlines of all items.
 */
export async function myTodo(ctx: AppContext, actor: Actor): Promise<TodoView> {
  const scope = readScope(actor);
  const day = today(ctx.clock);
  // Overdue items count as due soon too: the range starts at the beginning of time.
  const dueSoonFilter: ItemFilterSql = {
    dueRange: { from: '0000-01-01', before: dueWithinRange(day, DUE_SOON_WORKDAYS, await calendarOf(ctx)).before },
  };
  if (scope.all) {
    return {
      toReport: [],
      toApprove: isOffice(actor)
        ? await withItems(ctx, await listReportsByStatus(ctx.db, { status: 'pending_office', limit: TODO_LIMIT }))
        : [],
      dueSoon: await items(ctx, dueSoonFilter),
      coopReports: [],
    };
  }
  const unitId = scope.unitId;
  const toReport: ItemView[] = [];
  for (const status of ['returned', 'not_started', 'in_progress'] as const)
    toReport.push(...(await items(ctx, { scopeUnitId: unitId, status })));
  return {
    toReport: toReport.slice(0, TODO_LIMIT),
    toApprove: await withItems(ctx, await listReportsByStatus(ctx.db, { status: 'pending_head', unitId, limit: TODO_LIMIT })),
    dueSoon: await items(ctx, { ...dueSoonFilter, scopeUnitId: unitId }),
    coopReports: await withItems(ctx, await listReportsByStatus(ctx.db, { status: 'delivered', leadUnitId: unitId, limit: 50 })),
  };
}

export async function caseBoard(ctx: AppContext, actor: Actor, listId?: number): Promise<CaseBoardView> {
  const scope = readScope(actor);
  const all = await items(ctx, { kind: 'case', listId, scopeUnitId: scope.all ? undefined : scope.unitId }, 'code', 1000);
  return { columns: CASE_STAGES.map((stage) => ({ stage, items: all.filter((i) => (i.stage ?? 'declared') === stage) })) };
}

// ---- saved filters (per user) ----

export async function listMySavedFilters(ctx: AppContext, actor: Actor): Promise<SavedFilterView[]> {
  readScope(actor);
  const rows = await listSavedFilters(ctx.db, actor.id);
  // A stored filter that no longer parses (after a schema change) is shown empty rather than failing the page.
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filter: itemFilter.safeParse(JSON.parse(r.filter_json)).data ?? {},
    createdAt: r.created_at,
  }));
}

export async function saveFilter(ctx: AppContext, actor: Actor, body: { name: string; filter: ItemFilter }): Promise<SavedFilterView> {
  readScope(actor);
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    let id: number;
    try {
      id = await insertSavedFilter(trx, { user_id: actor.id, name: body.name, filter_json: JSON.stringify(body.filter), created_at: at });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('DUPLICATE_NAME', [
          { path: 'body.name', message: `已有名为“${body.name}”的筛选 / a filter with this name exists` },
        ]);
      throw err;
    }
    await audit(ctx, trx, actor, { action: 'item.filter.save', entity: 'saved_filter', entityId: id, after: body });
    return { id, name: body.name, filter: body.filter, createdAt: at };
  });
}

export async function deleteSavedFilter(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await withTransaction(ctx.db, async (trx) => {
    if (!(await deleteSavedFilterRow(trx, id, actor.id))) throw new AppError('NOT_FOUND');
    await audit(ctx, trx, actor, { action: 'item.filter.delete', entity: 'saved_filter', entityId: id });
  });
}
