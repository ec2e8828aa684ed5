import { PostgresAdapter, sql } from "kysely";
import { bulkInsert } from "../../db/bulk.js";
import { paged } from "../../db/paged.js";
function isPg(db) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
async function listWorklistRows(db, kind) {
  let q = db.selectFrom("worklist as w").leftJoin("item as i", "i.list_id", "w.id").select(["w.id", "w.name", "w.kind", "w.description", "w.version", "w.created_at", "w.updated_at"]).select((eb) => [
    eb.fn.count("i.id").as("item_count"),
    eb.fn.sum(eb.case().when("i.status", "=", "closed").then(1).else(0).end()).as("closed_count")
  ]).groupBy(["w.id", "w.name", "w.kind", "w.description", "w.version", "w.created_at", "w.updated_at"]);
  if (kind) q = q.where("w.kind", "=", kind);
  const rows = await q.orderBy("w.kind").orderBy("w.id").execute();
  return rows.map((r) => ({ ...r, item_count: Number(r.item_count), closed_count: Number(r.closed_count ?? 0) }));
}
async function findWorklist(db, id) {
  return db.selectFrom("worklist").selectAll().where("id", "=", id).executeTakeFirst();
}
async function findWorklistByName(db, kind, name) {
  return db.selectFrom("worklist").selectAll().where("kind", "=", kind).where("name", "=", name).executeTakeFirst();
}
async function insertWorklist(db, v, at) {
  const r = await db.insertInto("worklist").values({ ...v, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}
async function updateWorklistVersioned(db, id, version, v, at) {
  const r = await db.updateTable("worklist").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function deleteWorklistRow(db, id) {
  await db.deleteFrom("worklist").where("id", "=", id).execute();
}
async function countItemsInList(db, listId) {
  const r = await db.selectFrom("item").select((eb) => eb.fn.countAll().as("n")).where("list_id", "=", listId).executeTakeFirstOrThrow();
  return Number(r.n);
}
function escapeLike(s) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
function filtered(db, f) {
  let q = db.selectFrom("item");
  const assigned = (unitId, role) => q.where("item.id", "in", (eb) => {
    let s = eb.selectFrom("item_assignment").select("item_assignment.item_id").where("item_assignment.unit_id", "=", unitId);
    if (role) s = s.where("item_assignment.role", "=", role);
    return s;
  });
  if (f.scopeUnitId !== void 0) q = assigned(f.scopeUnitId);
  if (f.unitId !== void 0) q = assigned(f.unitId, f.role);
  if (f.ids) q = f.ids.length ? q.where("item.id", "in", f.ids) : q.where(sql`1 = 0`);
  if (f.kind) q = q.where("item.kind", "=", f.kind);
  if (f.listId) q = q.where("item.list_id", "=", f.listId);
  if (f.area) q = q.where("item.area", "=", f.area);
  if (f.status) q = q.where("item.status", "=", f.status);
  if (f.stage) q = q.where("item.stage", "=", f.stage);
  if (f.overdue !== void 0 && f.overdueBefore) {
    const before = f.overdueBefore;
    q = f.overdue ? q.where("item.status", "<>", "closed").where("item.deadline", "is not", null).where("item.deadline", "<", before) : q.where((eb) => eb.or([eb("item.status", "=", "closed"), eb("item.deadline", "is", null), eb("item.deadline", ">=", before)]));
  }
  if (f.dueRange) q = q.where("item.status", "<>", "closed").where("item.deadline", ">=", f.dueRange.from).where("item.deadline", "<", f.dueRange.before);
  for (const term of f.terms ?? []) {
    if (isPg(db)) {
      const like = `%${escapeLike(term)}%`;
      q = q.where(sql`(item.code || ' ' || coalesce(item.area, '') || ' ' || item.content || ' ' || coalesce(item.measures, '')) ilike ${like} escape '\\'`);
    } else if ([...term].length >= 3) {
      const phrase = `"${term.replace(/"/g, '""')}"`;
      q = q.where(sql`item.id in (select rowid from item_fts where item_fts match ${phrase})`);
    } else {
      q = q.where(sql`(instr(item.content, ${term}) > 0 or instr(item.measures, ${term}) > 0 or instr(item.area, ${term}) > 0 or instr(item.code, ${term}) > 0)`);
    }
  }
  return q;
}
async function queryItems(db, f, s, page) {
  let q = filtered(db, f).selectAll("item");
  const dir = s.order;
  if (s.sort === "deadline") q = q.orderBy("item.deadline", (ob) => (dir === "asc" ? ob.asc() : ob.desc()).nullsLast());
  else if (s.sort === "updatedAt") q = q.orderBy("item.updated_at", dir);
  else if (s.sort === "status") q = q.orderBy("item.status", dir);
  else if (s.sort === "percent") q = q.orderBy("item.percent", dir);
  else q = q.orderBy("item.list_id", dir).orderBy("item.sort_order", dir);
  const { rows, total } = await paged(q.orderBy("item.id", dir), page);
  const listIds = [...new Set(rows.map((r) => r.list_id))];
  const names = new Map(
    listIds.length ? (await db.selectFrom("worklist").select(["id", "name"]).where("id", "in", listIds).execute()).map((w) => [w.id, w.name]) : []
  );
  return { rows: rows.map((r) => ({ ...r, list_name: names.get(r.list_id) ?? "" })), total };
}
async function findItem(db, id) {
  return db.selectFrom("item").innerJoin("worklist", "worklist.id", "item.list_id").selectAll("item").select("worklist.name as list_name").where("item.id", "=", id).executeTakeFirst();
}
async function findItemsByCodes(db, listId, codes) {
  const out = [];
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    out.push(...await db.selectFrom("item").selectAll().where("list_id", "=", listId).where("code", "in", chunk).execute());
  }
  return out;
}
async function findItemIdsByCode(db, listId) {
  const rows = await db.selectFrom("item").select(["id", "code"]).where("list_id", "=", listId).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
async function maxSortOrder(db, listId) {
  const r = await db.selectFrom("item").select((eb) => eb.fn.max("sort_order").as("m")).where("list_id", "=", listId).executeTakeFirst();
  return Number(r?.m ?? 0);
}
async function insertItems(db, rows) {
  return bulkInsert(db, "item", rows, { returning: "id" });
}
async function updateItemVersioned(db, id, version, v, at) {
  const r = await db.updateTable("item").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function transitionItem(db, id, from, v, at) {
  const r = await db.updateTable("item").set((eb) => ({ ...v, updated_at: at, version: eb("version", "+", 1) })).where("id", "=", id).where("status", "in", from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
async function listAssignments(db, itemIds) {
  const out = [];
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (!chunk.length) continue;
    out.push(
      ...await db.selectFrom("item_assignment as a").innerJoin("unit as u", "u.id", "a.unit_id").select(["a.item_id", "a.unit_id", "a.role", "u.name as unit_name"]).where("a.item_id", "in", chunk).orderBy("a.role", "desc").orderBy("u.sort_order").execute()
    );
  }
  return out;
}
async function replaceAssignments(db, itemIds, rows) {
  for (let i = 0; i < itemIds.length; i += 500) await db.deleteFrom("item_assignment").where("item_id", "in", itemIds.slice(i, i + 500)).execute();
  await bulkInsert(db, "item_assignment", rows);
}
async function findActiveUnitIds(db, ids) {
  if (!ids.length) return [];
  const rows = await db.selectFrom("unit").select("id").where("id", "in", ids).where("status", "=", "active").execute();
  return rows.map((r) => r.id);
}
async function moveAssignments(db, fromUnitId, toUnitId) {
  const from = await db.selectFrom("item_assignment").selectAll().where("unit_id", "=", fromUnitId).execute();
  if (!from.length) return;
  const existing = await db.selectFrom("item_assignment").selectAll().where("unit_id", "=", toUnitId).where("item_id", "in", from.map((a) => a.item_id)).execute();
  const byItem = new Map(existing.map((a) => [a.item_id, a]));
  for (const a of from) {
    const there = byItem.get(a.item_id);
    if (!there) {
      await db.updateTable("item_assignment").set({ unit_id: toUnitId }).where("id", "=", a.id).execute();
      continue;
    }
    if (a.role === "lead" && there.role !== "lead") await db.updateTable("item_assignment").set({ role: "lead" }).where("id", "=", there.id).execute();
    await db.deleteFrom("item_assignment").where("id", "=", a.id).execute();
  }
  for (const t of ["item_report", "item_evidence", "item_extension"]) {
    await db.updateTable(t).set({ unit_id: toUnitId }).where("unit_id", "=", fromUnitId).execute();
  }
}
async function listPublicity(db, itemId) {
  return db.selectFrom("item_publicity").selectAll().where("item_id", "=", itemId).orderBy("date").orderBy("id").execute();
}
async function replacePublicity(db, itemId, rows) {
  await db.deleteFrom("item_publicity").where("item_id", "=", itemId).execute();
  if (rows.length) await db.insertInto("item_publicity").values(rows.map((r) => ({ ...r, item_id: itemId }))).execute();
}
async function insertPublicityRows(db, rows) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("item_publicity").values(rows.slice(i, i + 200)).execute();
}
export {
  countItemsInList,
  deleteWorklistRow,
  findActiveUnitIds,
  findItem,
  findItemIdsByCode,
  findItemsByCodes,
  findWorklist,
  findWorklistByName,
  insertItems,
  insertPublicityRows,
  insertWorklist,
  listAssignments,
  listPublicity,
  listWorklistRows,
  maxSortOrder,
  moveAssignments,
  queryItems,
  replaceAssignments,
  replacePublicity,
  transitionItem,
  updateItemVersioned,
  updateWorklistVersioned
};
//# sourceMappingURL=worklists.repository.js.map
