import { AppError } from "../../common/errors.js";
import { cacheFor, changeStamp } from "../../db/change-stamp.js";
import { withTransaction } from "../../db/database.js";
import { isForeignKeyViolation } from "../../db/errors.js";
import { audit } from "./audit.service.js";
import {
  deleteUnitRow,
  findUnit,
  insertUnit,
  listAllNames,
  listUnits,
  moveUsers,
  replaceAliases,
  updateUnitVersioned
} from "./units.repository.js";
function normalizeUnitName(name) {
  return name.normalize("NFKC").replace(/\s+/g, "");
}
function countyType(u) {
  if (u.kind !== "county") return null;
  if (u.name.endsWith("\u65D7")) return "banner";
  if (u.name.endsWith("\u53BF")) return "county";
  return "district";
}
function presentUnit(u) {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    countyType: countyType(u),
    parentId: u.parent_id,
    divisionCode: u.division_code,
    status: u.status,
    mergedIntoId: u.merged_into_id,
    aliases: u.aliases,
    sortOrder: u.sort_order,
    userCount: u.user_count,
    version: u.version
  };
}
const unitListCaches = /* @__PURE__ */ new WeakMap();
async function cachedUnits(ctx, f) {
  const cache = cacheFor(unitListCaches, ctx.database, 100);
  const key = `${f.includeRetired}:${f.kind ?? ""}`;
  const stamp = changeStamp(ctx.database);
  let units = cache.get(key, stamp);
  if (!units) {
    units = await listUnits(ctx.db, f);
    cache.set(key, units, stamp);
  }
  return units;
}
const SEES_ALL_UNITS = /* @__PURE__ */ new Set(["admin", "office", "leader", "specialist"]);
async function listVisibleUnits(ctx, actor, q) {
  const includeRetired = Boolean(q.includeRetired) && (actor.role === "admin" || actor.role === "office");
  let units;
  if (SEES_ALL_UNITS.has(actor.role)) units = await cachedUnits(ctx, { includeRetired, kind: q.kind });
  else if (actor.role === "enterprise")
    units = (await cachedUnits(ctx, { includeRetired: false, kind: q.kind })).filter((u) => u.kind !== "department");
  else units = actor.unitId ? await listUnits(ctx.db, { ids: [actor.unitId], includeRetired: true }) : [];
  if (q.kind) units = units.filter((u) => u.kind === q.kind);
  if (q.q) {
    const needle = normalizeUnitName(q.q);
    units = units.filter((u) => [u.name, ...u.aliases].some((n) => normalizeUnitName(n).includes(needle)));
  }
  return units.map(presentUnit);
}
async function getUnit(ctx, actor, id) {
  const u = await findUnit(ctx.db, id);
  const visible = u && (SEES_ALL_UNITS.has(actor.role) || actor.unitId === id || actor.role === "enterprise" && u.kind !== "department");
  if (!u || !visible) throw new AppError("NOT_FOUND");
  return presentUnit(u);
}
async function loadUnitResolver(db) {
  const all = await listUnits(db, { includeRetired: true });
  const byId = new Map(all.map((u) => [u.id, u]));
  const byName = /* @__PURE__ */ new Map();
  for (const u of all) for (const a of u.aliases) byName.set(normalizeUnitName(a), u);
  for (const u of all) byName.set(normalizeUnitName(u.name), u);
  const follow = (u) => {
    let cur = u;
    for (let hops = 0; cur && cur.status !== "active" && cur.merged_into_id && hops < 10; hops++) cur = byId.get(cur.merged_into_id);
    return cur?.status === "active" ? cur : void 0;
  };
  return { all, resolve: (name) => follow(byName.get(normalizeUnitName(name))) };
}
async function assertNamesFree(db, names, exceptUnitId) {
  const taken = new Map((await listAllNames(db)).filter((n) => n.unitId !== exceptUnitId).map((n) => [normalizeUnitName(n.name), n]));
  const seen = /* @__PURE__ */ new Set();
  const details = [];
  for (const [i, name] of names.entries()) {
    const key = normalizeUnitName(name);
    if (taken.has(key) || seen.has(key)) {
      details.push({ path: i === 0 ? "body.name" : `body.aliases.${i - 1}`, message: `\u201C${name}\u201D \u5DF2\u88AB\u5176\u4ED6\u5355\u4F4D\u4F7F\u7528 / already used by another unit` });
    }
    seen.add(key);
  }
  if (details.length) throw new AppError("DUPLICATE_NAME", details);
}
async function assertParentValid(db, kind, parentId, selfId) {
  if (kind === "city") {
    if (parentId) throw new AppError("VALIDATION_FAILED", [{ path: "body.parentId", message: "\u5E02\u7EA7\u5355\u4F4D\u6CA1\u6709\u4E0A\u7EA7 / the city has no parent" }]);
    return;
  }
  if (!parentId) throw new AppError("VALIDATION_FAILED", [{ path: "body.parentId", message: "\u8BF7\u9009\u62E9\u4E0A\u7EA7\u5355\u4F4D / choose the parent unit" }]);
  let cur = await findUnit(db, parentId);
  if (!cur || cur.status !== "active") throw new AppError("VALIDATION_FAILED", [{ path: "body.parentId", message: "\u4E0A\u7EA7\u5355\u4F4D\u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / parent unit not found or retired" }]);
  for (let hops = 0; cur && hops < 20; hops++) {
    if (cur.id === selfId) throw new AppError("VALIDATION_FAILED", [{ path: "body.parentId", message: "\u4E0A\u7EA7\u5355\u4F4D\u4E0D\u80FD\u662F\u672C\u5355\u4F4D\u7684\u4E0B\u7EA7 / a unit cannot sit under itself" }]);
    cur = cur.parent_id ? await findUnit(db, cur.parent_id) : void 0;
  }
}
async function loadForWrite(trx, id, version) {
  const u = await findUnit(trx, id);
  if (!u) throw new AppError("NOT_FOUND");
  if (u.version !== version) throw new AppError("VERSION_CONFLICT");
  return u;
}
async function createUnit(ctx, actor, body) {
  return withTransaction(ctx.db, async (trx) => {
    const aliases = body.aliases ?? [];
    await assertNamesFree(trx, [body.name, ...aliases]);
    await assertParentValid(trx, body.kind, body.parentId);
    const at = ctx.clock().toISOString();
    const id = await insertUnit(
      trx,
      { name: body.name, kind: body.kind, parent_id: body.parentId ?? null, division_code: body.divisionCode ?? null, sort_order: body.sortOrder ?? 0 },
      at
    );
    await replaceAliases(trx, id, aliases);
    const created = presentUnit(await findUnit(trx, id));
    await audit(ctx, trx, actor, { action: "unit.create", entity: "unit", entityId: id, after: created });
    return created;
  });
}
async function updateUnit(ctx, actor, id, body) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await loadForWrite(trx, id, body.version);
    if (before.status !== "active") throw new AppError("UNIT_RETIRED");
    const name = body.name ?? before.name;
    const aliases = body.aliases ?? before.aliases;
    await assertNamesFree(trx, [name, ...aliases], id);
    const kind = body.kind ?? before.kind;
    const parentId = body.parentId === void 0 ? before.parent_id : body.parentId;
    await assertParentValid(trx, kind, parentId, id);
    const ok = await updateUnitVersioned(
      trx,
      id,
      body.version,
      {
        name,
        kind,
        parent_id: parentId,
        division_code: body.divisionCode === void 0 ? before.division_code : body.divisionCode,
        sort_order: body.sortOrder ?? before.sort_order
      },
      ctx.clock().toISOString()
    );
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const keptOldName = name !== before.name && !aliases.includes(before.name) ? [before.name] : [];
    await replaceAliases(trx, id, [...aliases, ...keptOldName]);
    const after = presentUnit(await findUnit(trx, id));
    await audit(ctx, trx, actor, { action: body.name && body.name !== before.name ? "unit.rename" : "unit.update", entity: "unit", entityId: id, before: presentUnit(before), after });
    return after;
  });
}
const mergeHandlers = [];
function registerUnitMergeHandler(handler) {
  if (!mergeHandlers.includes(handler)) mergeHandlers.push(handler);
}
async function mergeUnit(ctx, actor, id, intoUnitId, version) {
  if (id === intoUnitId) throw new AppError("VALIDATION_FAILED", [{ path: "body.intoUnitId", message: "\u4E0D\u80FD\u5408\u5E76\u5230\u81EA\u8EAB / cannot merge a unit into itself" }]);
  return withTransaction(ctx.db, async (trx) => {
    const from = await loadForWrite(trx, id, version);
    const into = await findUnit(trx, intoUnitId);
    if (!into || into.status !== "active") throw new AppError("VALIDATION_FAILED", [{ path: "body.intoUnitId", message: "\u76EE\u6807\u5355\u4F4D\u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / target unit not found or retired" }]);
    if (from.status !== "active") throw new AppError("UNIT_RETIRED");
    if (from.kind === "city") throw new AppError("VALIDATION_FAILED", [{ path: "params.id", message: "\u4E0D\u80FD\u5408\u5E76\u5E02\u7EA7\u5355\u4F4D / the city cannot be merged" }]);
    const at = ctx.clock().toISOString();
    await moveUsers(trx, id, intoUnitId);
    for (const h of mergeHandlers) await h(trx, id, intoUnitId);
    await replaceAliases(trx, id, []);
    await replaceAliases(trx, intoUnitId, [...into.aliases, ...from.aliases.filter((a) => !into.aliases.includes(a)), from.name]);
    await trx.updateTable("unit").set({ parent_id: intoUnitId }).where("parent_id", "=", id).execute();
    const ok = await updateUnitVersioned(trx, id, version, { status: "retired", merged_into_id: intoUnitId }, at);
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const after = presentUnit(await findUnit(trx, intoUnitId));
    await audit(ctx, trx, actor, { action: "unit.merge", entity: "unit", entityId: id, before: presentUnit(from), after: { mergedInto: after } });
    return after;
  });
}
async function retireUnit(ctx, actor, id, version) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await loadForWrite(trx, id, version);
    if (before.status !== "active") throw new AppError("UNIT_RETIRED");
    if (before.kind === "city") throw new AppError("VALIDATION_FAILED", [{ path: "params.id", message: "\u4E0D\u80FD\u64A4\u9500\u5E02\u7EA7\u5355\u4F4D / the city cannot be retired" }]);
    const children = await trx.selectFrom("unit").select("id").where("parent_id", "=", id).where("status", "=", "active").execute();
    if (children.length) throw new AppError("UNIT_IN_USE", [{ path: "params.id", message: `\u4ECD\u6709 ${children.length} \u4E2A\u4E0B\u7EA7\u5355\u4F4D / still has ${children.length} child units` }]);
    const ok = await updateUnitVersioned(trx, id, version, { status: "retired" }, ctx.clock().toISOString());
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const after = presentUnit(await findUnit(trx, id));
    await audit(ctx, trx, actor, { action: "unit.retire", entity: "unit", entityId: id, before: presentUnit(before), after });
    return after;
  });
}
async function deleteUnit(ctx, actor, id) {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findUnit(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.user_count > 0) {
      throw new AppError("UNIT_IN_USE", [{ path: "params.id", message: `\u8BE5\u5355\u4F4D\u4ECD\u6709 ${before.user_count} \u4E2A\u7528\u6237 / the unit still has ${before.user_count} users` }], {
        zh: `\u201C${before.name}\u201D\u4ECD\u6709 ${before.user_count} \u4E2A\u7528\u6237\uFF0C\u4E0D\u80FD\u5220\u9664\uFF1B\u53EF\u6539\u4E3A\u64A4\u9500`,
        en: `\u201C${before.name}\u201D still has ${before.user_count} users; retire it instead of deleting`
      });
    }
    try {
      await replaceAliases(trx, id, []);
      await deleteUnitRow(trx, id);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError("UNIT_IN_USE");
      throw err;
    }
    await audit(ctx, trx, actor, { action: "unit.delete", entity: "unit", entityId: id, before: presentUnit(before) });
  });
}
export {
  createUnit,
  deleteUnit,
  getUnit,
  listVisibleUnits,
  loadUnitResolver,
  mergeUnit,
  normalizeUnitName,
  presentUnit,
  registerUnitMergeHandler,
  retireUnit,
  updateUnit
};
//# sourceMappingURL=units.service.js.map
