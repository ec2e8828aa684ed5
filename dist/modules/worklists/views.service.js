import { AppError } from "../../common/errors.js";
import { CASE_STAGES, itemFilter } from "../../common/schemas/worklists.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { calendarOf, dueWithinRange, today } from "./deadlines.js";
import { deleteSavedFilterRow, insertSavedFilter, listEvidence, listReportsByStatus, listSavedFilters } from "./progress.repository.js";
import { isOffice, readScope } from "./worklists.access.js";
import { presentReport } from "./worklists.presenters.js";
import { queryItems } from "./worklists.repository.js";
import { presentItems } from "./worklists.service.js";
const TODO_LIMIT = 100;
const DUE_SOON_WORKDAYS = 5;
async function items(ctx, f, sort = "deadline", limit = TODO_LIMIT) {
  const { rows } = await queryItems(ctx.db, f, { sort, order: "asc" }, { limit, offset: 0 });
  return presentItems(ctx.db, rows, today(ctx.clock), await calendarOf(ctx));
}
async function withItems(ctx, reports) {
  if (!reports.length) return [];
  const list = await items(ctx, { ids: [...new Set(reports.map((r) => r.item_id))] }, "code", reports.length);
  const byId = new Map(list.map((i) => [i.id, i]));
  const out = [];
  for (const r of reports) {
    const item = byId.get(r.item_id);
    if (item) out.push({ item, report: presentReport(r, await listEvidence(ctx.db, r.item_id)) });
  }
  return out;
}
async function myTodo(ctx, actor) {
  const scope = readScope(actor);
  const day = today(ctx.clock);
  const dueSoonFilter = { dueRange: { from: "0000-01-01", before: dueWithinRange(day, DUE_SOON_WORKDAYS, await calendarOf(ctx)).before } };
  if (scope.all) {
    return {
      toReport: [],
      toApprove: isOffice(actor) ? await withItems(ctx, await listReportsByStatus(ctx.db, { status: "pending_office", limit: TODO_LIMIT })) : [],
      dueSoon: await items(ctx, dueSoonFilter),
      coopReports: []
    };
  }
  const unitId = scope.unitId;
  const toReport = [];
  for (const status of ["returned", "not_started", "in_progress"]) toReport.push(...await items(ctx, { scopeUnitId: unitId, status }));
  return {
    toReport: toReport.slice(0, TODO_LIMIT),
    toApprove: await withItems(ctx, await listReportsByStatus(ctx.db, { status: "pending_head", unitId, limit: TODO_LIMIT })),
    dueSoon: await items(ctx, { ...dueSoonFilter, scopeUnitId: unitId }),
    coopReports: await withItems(ctx, await listReportsByStatus(ctx.db, { status: "delivered", leadUnitId: unitId, limit: 50 }))
  };
}
async function caseBoard(ctx, actor, listId) {
  const scope = readScope(actor);
  const all = await items(ctx, { kind: "case", listId, scopeUnitId: scope.all ? void 0 : scope.unitId }, "code", 1e3);
  return { columns: CASE_STAGES.map((stage) => ({ stage, items: all.filter((i) => (i.stage ?? "declared") === stage) })) };
}
async function listMySavedFilters(ctx, actor) {
  readScope(actor);
  const rows = await listSavedFilters(ctx.db, actor.id);
  return rows.map((r) => ({ id: r.id, name: r.name, filter: itemFilter.safeParse(JSON.parse(r.filter_json)).data ?? {}, createdAt: r.created_at }));
}
async function saveFilter(ctx, actor, body) {
  readScope(actor);
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    let id;
    try {
      id = await insertSavedFilter(trx, { user_id: actor.id, name: body.name, filter_json: JSON.stringify(body.filter), created_at: at });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("DUPLICATE_NAME", [{ path: "body.name", message: `\u5DF2\u6709\u540D\u4E3A\u201C${body.name}\u201D\u7684\u7B5B\u9009 / a filter with this name exists` }]);
      throw err;
    }
    await audit(ctx, trx, actor, { action: "item.filter.save", entity: "saved_filter", entityId: id, after: body });
    return { id, name: body.name, filter: body.filter, createdAt: at };
  });
}
async function deleteSavedFilter(ctx, actor, id) {
  await withTransaction(ctx.db, async (trx) => {
    if (!await deleteSavedFilterRow(trx, id, actor.id)) throw new AppError("NOT_FOUND");
    await audit(ctx, trx, actor, { action: "item.filter.delete", entity: "saved_filter", entityId: id });
  });
}
export {
  caseBoard,
  deleteSavedFilter,
  listMySavedFilters,
  myTodo,
  saveFilter
};
//# sourceMappingURL=views.service.js.map
