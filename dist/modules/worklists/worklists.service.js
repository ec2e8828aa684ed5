import { AppError } from "../../common/errors.js";
import { bulkUpdateById } from "../../db/bulk.js";
import { cacheFor, changeStamp } from "../../db/change-stamp.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { registerUnitMergeHandler } from "../org/units.service.js";
import { calendarOf, dueWithinRange, overdueBefore, today } from "./deadlines.js";
import { permissionsFor } from "./lifecycle.js";
import { listEvents, listEvidence, listExtensions, listNotes, listReports } from "./progress.repository.js";
import { recordEvent, recordEvents } from "./timeline.js";
import { loadVisibleItem, readScope, requireOffice } from "./worklists.access.js";
import {
  presentEvent,
  presentEvidence,
  presentExtension,
  presentItem,
  presentNote,
  presentReport,
  presentWorklist
} from "./worklists.presenters.js";
import {
  countItemsInList,
  deleteWorklistRow,
  findActiveUnitIds,
  findItem,
  findItemIdsByCode,
  findWorklist,
  findWorklistByName,
  insertItems,
  insertWorklist,
  listAssignments,
  listPublicity,
  listWorklistRows,
  maxSortOrder,
  moveAssignments,
  queryItems,
  replaceAssignments,
  replacePublicity,
  updateItemVersioned,
  updateWorklistVersioned
} from "./worklists.repository.js";
import {
  KIND_FIELDS
} from "./worklists.types.js";
registerUnitMergeHandler((trx, from, to) => moveAssignments(trx, from, to));
async function listWorklists(ctx, actor, kind) {
  readScope(actor);
  return (await listWorklistRows(ctx.db, kind)).map(presentWorklist);
}
async function presentListById(db, id) {
  const row = (await listWorklistRows(db)).find((r) => r.id === id);
  if (!row) throw new AppError("NOT_FOUND");
  return presentWorklist(row);
}
async function createWorklist(ctx, actor, body) {
  requireOffice(actor);
  return withTransaction(ctx.db, async (trx) => {
    if (await findWorklistByName(trx, body.kind, body.name)) throw new AppError("DUPLICATE_NAME", [{ path: "body.name", message: `\u6E05\u5355\u201C${body.name}\u201D\u5DF2\u5B58\u5728 / list exists` }]);
    const id = await insertWorklist(trx, { name: body.name, kind: body.kind, description: body.description ?? null }, ctx.clock().toISOString());
    const created = await presentListById(trx, id);
    await audit(ctx, trx, actor, { action: "worklist.create", entity: "worklist", entityId: id, after: created });
    return created;
  });
}
async function updateWorklist(ctx, actor, id, body) {
  requireOffice(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findWorklist(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    if (body.name && body.name !== before.name && await findWorklistByName(trx, before.kind, body.name)) {
      throw new AppError("DUPLICATE_NAME", [{ path: "body.name", message: `\u6E05\u5355\u201C${body.name}\u201D\u5DF2\u5B58\u5728 / list exists` }]);
    }
    const ok = await updateWorklistVersioned(
      trx,
      id,
      body.version,
      { name: body.name ?? before.name, description: body.description === void 0 ? before.description : body.description },
      ctx.clock().toISOString()
    );
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const after = await presentListById(trx, id);
    await audit(ctx, trx, actor, { action: "worklist.update", entity: "worklist", entityId: id, before, after });
    return after;
  });
}
async function deleteWorklist(ctx, actor, id) {
  requireOffice(actor);
  await withTransaction(ctx.db, async (trx) => {
    const before = await findWorklist(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    const n = await countItemsInList(trx, id);
    if (n > 0) throw new AppError("LIST_NOT_EMPTY", [{ path: "params.id", message: `\u6E05\u5355\u4E2D\u6709 ${n} \u4E2A\u4E8B\u9879 / the list has ${n} items` }]);
    await deleteWorklistRow(trx, id);
    await audit(ctx, trx, actor, { action: "worklist.delete", entity: "worklist", entityId: id, before });
  });
}
function searchTerms(q) {
  return (q ?? "").split(/[\s,，、]+/).map((t) => t.trim()).filter(Boolean).slice(0, 5);
}
async function presentItems(db, rows, day, cal) {
  const assignments = await listAssignments(db, rows.map((r) => r.id));
  return rows.map((r) => presentItem(r, assignments, day, cal));
}
const listCaches = /* @__PURE__ */ new WeakMap();
async function listItems(ctx, actor, q) {
  const scope = readScope(actor);
  const day = today(ctx.clock);
  const stamp = changeStamp(ctx.database);
  const cache = cacheFor(listCaches, ctx.database, 1e3);
  const key = JSON.stringify([scope.all ? null : scope.unitId, day, q]);
  const cached = cache.get(key, stamp);
  if (cached) return cached;
  const cal = await calendarOf(ctx);
  const { rows, total } = await queryItems(
    ctx.db,
    {
      scopeUnitId: scope.all ? void 0 : scope.unitId,
      kind: q.kind,
      listId: q.listId,
      area: q.area,
      unitId: q.unitId,
      role: q.role,
      status: q.status,
      stage: q.stage,
      overdue: q.overdue === void 0 ? void 0 : q.overdue === "true",
      overdueBefore: overdueBefore(day, cal),
      dueRange: q.dueWithin === void 0 ? void 0 : dueWithinRange(day, q.dueWithin, cal),
      terms: searchTerms(q.q)
    },
    { sort: q.sort ?? "code", order: q.order ?? "asc" },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }
  );
  const page = { items: await presentItems(ctx.db, rows, day, cal), total, page: q.page, pageSize: q.pageSize };
  cache.set(key, page, stamp);
  return page;
}
async function getItemDetail(ctx, actor, id) {
  return itemDetailIn(ctx, actor, id, ctx.db, await calendarOf(ctx));
}
async function itemDetailIn(ctx, actor, id, db, cal) {
  const loaded = await loadVisibleItem(db, actor, id);
  const day = today(ctx.clock);
  const [publicity, notes, reports, evidence, extensions, events] = await Promise.all([
    listPublicity(db, id),
    listNotes(db, id),
    listReports(db, id),
    listEvidence(db, id),
    listExtensions(db, id),
    listEvents(db, id)
  ]);
  const can = permissionsFor(actor, loaded, {
    pendingHeadForMyUnit: reports.some((r) => r.status === "pending_head" && r.unit_id === actor.unitId),
    pendingExtension: extensions.some((x) => x.status === "pending")
  });
  return {
    ...presentItem(loaded.item, loaded.assignments, day, cal),
    publicity: publicity.map((p) => ({ level: p.level, outlet: p.outlet, date: p.date, link: p.link })),
    instructions: notes.filter((n) => n.kind === "instruction").map(presentNote),
    comments: notes.filter((n) => n.kind === "comment").map(presentNote),
    reports: reports.map((r) => presentReport(r, evidence)),
    evidence: evidence.map(presentEvidence),
    extensions: extensions.map(presentExtension),
    timeline: events.map(presentEvent),
    can
  };
}
function kindColumns(kind, body, rowLabel = "body") {
  const out = {};
  const details = [];
  for (const [field, spec] of Object.entries(KIND_FIELDS)) {
    const v = body[field];
    if (v === void 0) continue;
    if (spec.kind !== kind && v !== null) details.push({ path: `${rowLabel}.${field}`, message: `\u8BE5\u5B57\u6BB5\u4EC5\u9002\u7528\u4E8E${spec.kind}\u7C7B\u4E8B\u9879 / only for ${spec.kind} items` });
    else out[spec.column] = v;
  }
  if (body.publicity !== void 0 && kind !== "case") details.push({ path: `${rowLabel}.publicity`, message: "\u5BA3\u4F20\u8BB0\u5F55\u4EC5\u9002\u7528\u4E8E\u5178\u578B\u6848\u4F8B / publicity is for cases only" });
  if (details.length) throw new AppError("VALIDATION_FAILED", details);
  return out;
}
async function assertUnits(trx, lead, coop) {
  const leadIds = [...new Set(lead)];
  const coopIds = [...new Set(coop)].filter((id) => !leadIds.includes(id));
  const active = new Set(await findActiveUnitIds(trx, [...leadIds, ...coopIds]));
  const details = [];
  for (const [path, ids] of [["body.leadUnitIds", leadIds], ["body.coopUnitIds", coopIds]]) {
    for (const id of ids) if (!active.has(id)) details.push({ path, message: `\u5355\u4F4D ${id} \u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit ${id} not found or retired` });
  }
  if (details.length) throw new AppError("VALIDATION_FAILED", details);
  return { lead: leadIds, coop: coopIds };
}
function assignmentRows(itemId, u) {
  return [...u.lead.map((unit_id) => ({ item_id: itemId, unit_id, role: "lead" })), ...u.coop.map((unit_id) => ({ item_id: itemId, unit_id, role: "coop" }))];
}
function duplicateCode(code) {
  return new AppError("DUPLICATE_CODE", [{ path: "body.code", message: `\u5E8F\u53F7\u201C${code}\u201D\u5728\u8BE5\u6E05\u5355\u4E2D\u5DF2\u5B58\u5728 / code exists in this list` }]);
}
async function createItem(ctx, actor, body) {
  requireOffice(actor);
  const cal = await calendarOf(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const list = await findWorklist(trx, body.listId);
    if (!list) throw new AppError("VALIDATION_FAILED", [{ path: "body.listId", message: "\u6E05\u5355\u4E0D\u5B58\u5728 / list not found" }]);
    const kind = list.kind;
    const extra = kindColumns(kind, body);
    const units = await assertUnits(trx, body.leadUnitIds, body.coopUnitIds ?? []);
    const at = ctx.clock().toISOString();
    let id;
    try {
      [id] = await insertItems(trx, [
        {
          ...extra,
          list_id: list.id,
          kind,
          code: body.code,
          sort_order: await maxSortOrder(trx, list.id) + 1,
          area: body.area ?? null,
          content: body.content,
          measures: body.measures ?? null,
          deadline: body.deadline ?? null,
          ongoing: body.ongoing ? 1 : 0,
          status: "not_started",
          percent: 0,
          tags_json: JSON.stringify(body.tags ?? []),
          created_at: at,
          updated_at: at
        }
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(body.code);
      throw err;
    }
    await replaceAssignments(trx, [id], assignmentRows(id, units));
    if (body.publicity) await replacePublicity(trx, id, body.publicity.map((p) => ({ level: p.level, outlet: p.outlet, date: p.date ?? null, link: p.link ?? null })));
    await recordEvent(ctx, trx, actor, id, "created", { code: body.code, leadUnitIds: units.lead, coopUnitIds: units.coop });
    const created = await itemDetailIn(ctx, actor, id, trx, cal);
    await audit(ctx, trx, actor, { action: "item.create", entity: "item", entityId: id, after: { ...created, timeline: void 0 } });
    return created;
  });
}
async function updateItem(ctx, actor, id, body) {
  requireOffice(actor);
  const cal = await calendarOf(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findItem(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const kind = before.kind;
    const set = { ...kindColumns(kind, body) };
    const plain = { code: "code", area: "area", content: "content", measures: "measures", deadline: "deadline" };
    for (const [field, column] of Object.entries(plain)) {
      if (body[field] !== void 0) set[column] = body[field];
    }
    if (body.ongoing !== void 0) set.ongoing = body.ongoing ? 1 : 0;
    if (body.tags !== void 0) set.tags_json = JSON.stringify(body.tags);
    const changed = Object.keys(set).filter((k) => before[k] !== set[k]);
    try {
      const ok = await updateItemVersioned(trx, id, body.version, set, ctx.clock().toISOString());
      if (!ok) throw new AppError("VERSION_CONFLICT");
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(body.code ?? before.code);
      throw err;
    }
    const beforeAssignments = await listAssignments(trx, [id]);
    if (body.leadUnitIds || body.coopUnitIds) {
      const units = await assertUnits(
        trx,
        body.leadUnitIds ?? beforeAssignments.filter((a) => a.role === "lead").map((a) => a.unit_id),
        body.coopUnitIds ?? beforeAssignments.filter((a) => a.role === "coop").map((a) => a.unit_id)
      );
      await replaceAssignments(trx, [id], assignmentRows(id, units));
      await recordEvent(ctx, trx, actor, id, "assigned", { leadUnitIds: units.lead, coopUnitIds: units.coop });
    }
    if (body.publicity) {
      await replacePublicity(trx, id, body.publicity.map((p) => ({ level: p.level, outlet: p.outlet, date: p.date ?? null, link: p.link ?? null })));
      changed.push("publicity");
    }
    if (changed.length) await recordEvent(ctx, trx, actor, id, "updated", { fields: changed, ...set.deadline !== void 0 ? { deadline: set.deadline } : {} });
    const after = await itemDetailIn(ctx, actor, id, trx, cal);
    await audit(ctx, trx, actor, {
      action: "item.update",
      entity: "item",
      entityId: id,
      before: { ...before, assignments: beforeAssignments },
      after: { ...after, timeline: void 0 }
    });
    return after;
  });
}
async function findOrCreateList(ctx, actor, trx, opts) {
  const found = await findWorklistByName(trx, opts.kind, opts.name);
  if (found) return { id: found.id, name: found.name, kind: opts.kind, created: false };
  const id = await insertWorklist(trx, { name: opts.name, kind: opts.kind, description: null }, ctx.clock().toISOString());
  await audit(ctx, trx, actor, { action: "worklist.create", entity: "worklist", entityId: id, after: { name: opts.name, kind: opts.kind, via: "import" } });
  return { id, name: opts.name, kind: opts.kind, created: true };
}
const IMPORTED_COLUMN_TYPES = {
  area: "text",
  content: "text",
  measures: "text",
  deadline: "text",
  ongoing: "integer",
  sort_order: "integer",
  tags_json: "text",
  source_evaluation: "text",
  rectification: "text",
  level: "text",
  max_score: "real",
  self_score: "real",
  scoring_rule: "text",
  stage: "text",
  updated_at: "text"
};
function importedColumns(kind, r) {
  const set = {
    area: r.area,
    content: r.content,
    measures: r.measures,
    deadline: r.deadline,
    ongoing: r.ongoing ? 1 : 0,
    sort_order: r.row,
    ...kindColumns(kind, r, `row ${r.row}`)
  };
  if (r.tags !== void 0) set.tags_json = JSON.stringify(r.tags);
  return set;
}
async function upsertImportedItems(ctx, actor, trx, opts) {
  const list = await findWorklist(trx, opts.listId);
  if (!list) throw new AppError("NOT_FOUND", [{ path: "listId", message: "\u6E05\u5355\u4E0D\u5B58\u5728 / list not found" }]);
  if (list.kind !== opts.kind) throw new AppError("VALIDATION_FAILED", [{ path: "kind", message: `\u6E05\u5355\u201C${list.name}\u201D\u7684\u7C7B\u578B\u662F ${list.kind} / the list is of kind ${list.kind}` }]);
  const seen = /* @__PURE__ */ new Map();
  const details = [];
  for (const r of opts.rows) {
    if (seen.has(r.code)) details.push({ row: r.row, column: "code", message: `\u5E8F\u53F7\u201C${r.code}\u201D\u4E0E\u7B2C ${seen.get(r.code)} \u884C\u91CD\u590D / duplicate code` });
    seen.set(r.code, r.row);
  }
  const allUnits = [...new Set(opts.rows.flatMap((r) => [...r.leadUnitIds, ...r.coopUnitIds]))];
  const active = new Set(await findActiveUnitIds(trx, allUnits));
  for (const r of opts.rows) {
    if (!r.leadUnitIds.length) details.push({ row: r.row, column: "lead", message: "\u7F3A\u5C11\u7275\u5934\u5355\u4F4D / no lead unit" });
    for (const u of [...r.leadUnitIds, ...r.coopUnitIds]) if (!active.has(u)) details.push({ row: r.row, column: "units", message: `\u5355\u4F4D ${u} \u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit not found` });
  }
  if (details.length) throw new AppError("VALIDATION_FAILED", details);
  const at = ctx.clock().toISOString();
  const existing = await findItemIdsByCode(trx, list.id);
  const fresh = opts.rows.filter((r) => !existing.has(r.code));
  const freshIds = await insertItems(
    trx,
    // Object.assign, not `{ ...spread, more }`: V8 gives every object of that pattern its own shape (~20 µs a row).
    fresh.map((r) => Object.assign(importedColumns(opts.kind, r), { list_id: list.id, kind: opts.kind, code: r.code, status: "not_started", percent: 0, tags_json: JSON.stringify(r.tags ?? []), created_at: at, updated_at: at }))
  );
  const idByCode = new Map(fresh.map((r, i) => [r.code, freshIds[i]]));
  const updated = opts.rows.filter((r) => existing.has(r.code));
  await bulkUpdateById(
    trx,
    "item",
    updated.map((r) => Object.assign({ id: existing.get(r.code) }, importedColumns(opts.kind, r), { updated_at: at })),
    { types: IMPORTED_COLUMN_TYPES, increment: ["version"] }
  );
  for (const r of updated) idByCode.set(r.code, existing.get(r.code));
  const itemIds = opts.rows.map((r) => idByCode.get(r.code));
  await replaceAssignments(
    trx,
    updated.map((r) => existing.get(r.code)),
    opts.rows.flatMap((r, i) => assignmentRows(itemIds[i], { lead: [...new Set(r.leadUnitIds)], coop: [...new Set(r.coopUnitIds)].filter((u) => !r.leadUnitIds.includes(u)) }))
  );
  await recordEvents(
    ctx,
    trx,
    actor,
    opts.rows.map((r, i) => ({ itemId: itemIds[i], type: "imported", data: { row: r.row, list: list.name, created: !existing.has(r.code) } }))
  );
  const result = { created: fresh.length, updated: opts.rows.length - fresh.length, itemIds };
  await audit(ctx, trx, actor, { action: "item.import", entity: "worklist", entityId: list.id, after: { list: list.name, kind: opts.kind, created: result.created, updated: result.updated } });
  return result;
}
export {
  createItem,
  createWorklist,
  deleteWorklist,
  findOrCreateList,
  getItemDetail,
  itemDetailIn,
  listItems,
  listWorklists,
  presentItems,
  searchTerms,
  updateItem,
  updateWorklist,
  upsertImportedItems
};
//# sourceMappingURL=worklists.service.js.map
