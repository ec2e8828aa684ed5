import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { findUnit } from "../org/units.repository.js";
import { loadUnitResolver } from "../org/units.service.js";
import catalogue from "./reference/catalogue.json" with { type: "json" };
import {
  findIndicator,
  findIndicatorsByCode,
  findValue,
  findValueByKey,
  insertIndicator,
  insertValue,
  insertValues,
  listAuditFor,
  listImportAuditFrom,
  listIndicators,
  listTargets,
  listValueKeys,
  listValues,
  updateIndicatorVersioned,
  updateValueVersioned,
  upsertTarget
} from "./indicators.repository.js";
import { byCell, locate, readValueSheet, valueTemplateWorkbook } from "./values-import.js";
function presentIndicator(r) {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind,
    parentId: r.parent_id,
    environment: r.environment,
    lifecycleGroup: r.lifecycle_group,
    unitOfMeasure: r.unit_of_measure,
    direction: r.direction,
    physicalMin: r.physical_min,
    physicalMax: r.physical_max,
    note: r.note,
    source: r.source,
    sortOrder: r.sort_order,
    version: r.version
  };
}
function presentValue(r) {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    unitId: r.unit_id,
    unitName: r.unit_name,
    period: r.period,
    value: Number(r.value),
    source: r.source,
    evidence: r.evidence,
    synthetic: r.synthetic === 1,
    target: r.target === null ? null : Number(r.target),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  };
}
const SEES_ALL_UNITS = /* @__PURE__ */ new Set(["admin", "office", "leader", "specialist"]);
function visibleUnitIds(actor) {
  if (SEES_ALL_UNITS.has(actor.role)) return void 0;
  if (actor.role === "enterprise") throw new AppError("FORBIDDEN");
  return actor.unitId ? [actor.unitId] : [];
}
async function getCatalogue(ctx) {
  return {
    environments: catalogue.environments,
    environmentNote: catalogue.environmentNote,
    indicators: (await listIndicators(ctx.db)).map(presentIndicator)
  };
}
function rangeProblems(ind, value, path) {
  if (ind.kind !== "kpi") return [{ path, message: `\u201C${ind.name_zh}\u201D\u662F\u5206\u7C7B\u6307\u6807\uFF0C\u6570\u503C\u5E94\u5F55\u5165\u5230\u5176\u4E0B\u7684 KPI / values belong to KPIs, not to indicator headings` }];
  if (ind.physical_min !== null && value < ind.physical_min)
    return [{ path, message: `${value} \u5C0F\u4E8E\u201C${ind.name_zh}\u201D\u53EF\u80FD\u7684\u6700\u5C0F\u503C ${ind.physical_min} ${ind.unit_of_measure ?? ""} / below the physical minimum` }];
  if (ind.physical_max !== null && value > ind.physical_max)
    return [{ path, message: `${value} \u5927\u4E8E\u201C${ind.name_zh}\u201D\u53EF\u80FD\u7684\u6700\u5927\u503C ${ind.physical_max} ${ind.unit_of_measure ?? ""} / above the physical maximum` }];
  return [];
}
function checkBounds(min, max) {
  if (min !== null && min !== void 0 && max !== null && max !== void 0 && min > max) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.physicalMax", message: "\u6700\u5927\u503C\u5C0F\u4E8E\u6700\u5C0F\u503C / the maximum is below the minimum" }]);
  }
}
async function createIndicator(ctx, actor, body) {
  checkBounds(body.physicalMin, body.physicalMax);
  return withTransaction(ctx.db, async (trx) => {
    if ((await findIndicatorsByCode(trx, [body.code])).length) throw new AppError("DUPLICATE_NAME", [{ path: "body.code", message: `\u7F16\u7801 ${body.code} \u5DF2\u5B58\u5728 / code already used` }]);
    if (body.parentId && !await findIndicator(trx, body.parentId)) throw new AppError("VALIDATION_FAILED", [{ path: "body.parentId", message: "\u4E0A\u7EA7\u6307\u6807\u4E0D\u5B58\u5728 / parent indicator not found" }]);
    const at = ctx.clock().toISOString();
    const id = await insertIndicator(
      trx,
      {
        code: body.code,
        name_zh: body.nameZh,
        name_en: body.nameEn,
        kind: "kpi",
        parent_id: body.parentId ?? null,
        environment: body.environment,
        lifecycle_group: null,
        unit_of_measure: body.unitOfMeasure,
        direction: body.direction,
        physical_min: body.physicalMin ?? null,
        physical_max: body.physicalMax ?? null,
        note: body.note ?? null,
        source: body.source ?? null,
        sort_order: 1e3
      },
      at
    );
    const created = presentIndicator(await findIndicator(trx, id));
    await audit(ctx, trx, actor, { action: "indicator.create", entity: "indicator", entityId: id, after: created });
    return created;
  });
}
async function updateIndicator(ctx, actor, id, body) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findIndicator(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const min = body.physicalMin === void 0 ? before.physical_min : body.physicalMin;
    const max = body.physicalMax === void 0 ? before.physical_max : body.physicalMax;
    checkBounds(min, max);
    const patch = {
      ...body.nameZh !== void 0 && { name_zh: body.nameZh },
      ...body.nameEn !== void 0 && { name_en: body.nameEn },
      ...body.parentId !== void 0 && { parent_id: body.parentId },
      ...body.environment !== void 0 && { environment: body.environment },
      ...body.unitOfMeasure !== void 0 && { unit_of_measure: body.unitOfMeasure },
      ...body.direction !== void 0 && { direction: body.direction },
      physical_min: min,
      physical_max: max,
      ...body.note !== void 0 && { note: body.note },
      ...body.source !== void 0 && { source: body.source }
    };
    if (!await updateIndicatorVersioned(trx, id, body.version, patch, ctx.clock().toISOString())) throw new AppError("VERSION_CONFLICT");
    const after = presentIndicator(await findIndicator(trx, id));
    await audit(ctx, trx, actor, { action: "indicator.update", entity: "indicator", entityId: id, before: presentIndicator(before), after });
    return after;
  });
}
async function listIndicatorValues(ctx, actor, q) {
  const visible = visibleUnitIds(actor);
  const unitIds = q.unitId ? visible && !visible.includes(q.unitId) ? [] : [q.unitId] : visible;
  return (await listValues(ctx.db, { indicatorId: q.indicatorId, unitIds, periodFrom: q.periodFrom, periodTo: q.periodTo })).map(presentValue);
}
async function loadValueVisible(ctx, actor, id) {
  const v = await findValue(ctx.db, id);
  const visible = visibleUnitIds(actor);
  if (!v || visible && !visible.includes(v.unit_id)) throw new AppError("NOT_FOUND");
  return v;
}
async function assertUnitActive(db, unitId, path) {
  const unit = await findUnit(db, unitId);
  if (!unit || unit.status !== "active") throw new AppError("VALIDATION_FAILED", [{ path, message: "\u5355\u4F4D\u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit not found or retired" }]);
}
async function createIndicatorValue(ctx, actor, body) {
  return withTransaction(ctx.db, async (trx) => {
    const ind = await findIndicator(trx, body.indicatorId);
    if (!ind) throw new AppError("VALIDATION_FAILED", [{ path: "body.indicatorId", message: "\u6307\u6807\u4E0D\u5B58\u5728 / indicator not found" }]);
    await assertUnitActive(trx, body.unitId, "body.unitId");
    const problems = rangeProblems(ind, body.value, "body.value");
    if (problems.length) throw new AppError("INDICATOR_BAD_VALUE", problems);
    if (await findValueByKey(trx, body.indicatorId, body.unitId, body.period)) {
      throw new AppError("CONFLICT", [{ path: "body.period", message: "\u8BE5\u5355\u4F4D\u8BE5\u671F\u95F4\u5DF2\u6709\u6570\u503C\uFF0C\u8BF7\u4FEE\u6539\u539F\u8BB0\u5F55 / a value for this unit and period exists; edit it instead" }]);
    }
    const at = ctx.clock().toISOString();
    const id = await insertValue(
      trx,
      { indicator_id: body.indicatorId, unit_id: body.unitId, period: body.period, value: body.value, source: body.source, evidence: body.evidence ?? null, synthetic: 0, created_by: actor.id > 0 ? actor.id : null },
      at
    );
    const created = presentValue(await findValue(trx, id));
    await audit(ctx, trx, actor, { action: "indicator_value.create", entity: "indicator_value", entityId: id, after: created });
    return created;
  });
}
async function updateIndicatorValue(ctx, actor, id, body) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findValue(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    if (body.value !== void 0) {
      const problems = rangeProblems(await findIndicator(trx, before.indicator_id), body.value, "body.value");
      if (problems.length) throw new AppError("INDICATOR_BAD_VALUE", problems);
    }
    const patch = { ...body.value !== void 0 && { value: body.value }, ...body.source !== void 0 && { source: body.source }, ...body.evidence !== void 0 && { evidence: body.evidence } };
    if (!await updateValueVersioned(trx, id, body.version, patch, ctx.clock().toISOString())) throw new AppError("VERSION_CONFLICT");
    const after = presentValue(await findValue(trx, id));
    await audit(ctx, trx, actor, { action: "indicator_value.update", entity: "indicator_value", entityId: id, before: presentValue(before), after });
    return after;
  });
}
async function valueHistory(ctx, actor, id) {
  const value = await loadValueVisible(ctx, actor, id);
  const own = await listAuditFor(ctx.db, "indicator_value", id);
  const imported = own.some((r) => r.action === "indicator_value.create") ? [] : (await listImportAuditFrom(ctx.db, value.created_at)).flatMap((r) => {
    const after = JSON.parse(r.after_json ?? "{}");
    const line = Array.isArray(after.values) ? after.values.find((v) => v.id === id) : void 0;
    return line ? [{ ...r, before_json: null, after_json: JSON.stringify({ ...line, file: after.file }) }] : [];
  });
  return [...imported, ...own].map((r) => ({ at: r.at, actorName: r.actor_name, action: r.action, before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null }));
}
const presentTarget = (t) => ({ id: t.id, indicatorId: t.indicator_id, unitId: t.unit_id, period: t.period, target: Number(t.target), note: t.note, version: t.version });
async function listIndicatorTargets(ctx, actor, q) {
  const visible = visibleUnitIds(actor);
  const unitIds = q.unitId ? visible && !visible.includes(q.unitId) ? [] : [q.unitId] : visible;
  return (await listTargets(ctx.db, { indicatorId: q.indicatorId, unitIds })).map(presentTarget);
}
async function setTarget(ctx, actor, body) {
  return withTransaction(ctx.db, async (trx) => {
    const ind = await findIndicator(trx, body.indicatorId);
    if (!ind) throw new AppError("VALIDATION_FAILED", [{ path: "body.indicatorId", message: "\u6307\u6807\u4E0D\u5B58\u5728 / indicator not found" }]);
    await assertUnitActive(trx, body.unitId, "body.unitId");
    const problems = rangeProblems(ind, body.target, "body.target");
    if (problems.length) throw new AppError("INDICATOR_BAD_VALUE", problems);
    const t = await upsertTarget(trx, { indicator_id: body.indicatorId, unit_id: body.unitId, period: body.period, target: body.target, note: body.note ?? null }, ctx.clock().toISOString());
    const view = presentTarget(t);
    await audit(ctx, trx, actor, { action: "indicator_target.set", entity: "indicator_target", entityId: t.id, after: view });
    return view;
  });
}
async function importIndicatorValues(ctx, actor, file, opts = {}) {
  const sheet = await readValueSheet(file.data, file.filename);
  const indicators = new Map((await findIndicatorsByCode(ctx.db, [...new Set(sheet.rows.map((r) => r.code))])).map((i) => [i.code, i]));
  const units = await loadUnitResolver(ctx.db);
  const errors = [...sheet.problems];
  const seen = /* @__PURE__ */ new Map();
  const resolved = sheet.rows.map((r) => {
    const ind = indicators.get(r.code);
    const unit = units.resolve(r.unit);
    if (!ind) errors.push(locate(sheet, r, "code", `\u672A\u77E5\u7684\u6307\u6807\u7F16\u7801\u201C${r.code}\u201D / unknown indicator code`));
    else errors.push(...rangeProblems(ind, r.value, "").map((p) => locate(sheet, r, "value", p.message)));
    if (!unit) errors.push(locate(sheet, r, "unit", `\u65E0\u6CD5\u8BC6\u522B\u5355\u4F4D\u201C${r.unit}\u201D / unknown unit`));
    const key = `${r.code}|${unit?.id}|${r.period}`;
    if (ind && unit && seen.has(key)) errors.push(locate(sheet, r, "period", `\u4E0E\u7B2C ${seen.get(key)} \u884C\u91CD\u590D\uFF08\u540C\u4E00\u6307\u6807\u3001\u5355\u4F4D\u3001\u671F\u95F4\uFF09 / duplicates row ${seen.get(key)}`));
    seen.set(key, r.row);
    return { r, ind, unit };
  });
  if (errors.length) throw new AppError("INDICATOR_BAD_VALUE", errors.sort(byCell).slice(0, 100));
  const keyOf = (indicatorId, unitId, period) => `${indicatorId}|${unitId}|${period}`;
  const storedByKey = async (db) => {
    const stored = await listValueKeys(db, [...new Set(resolved.map((x) => x.ind.id))], [...new Set(resolved.map((x) => x.unit.id))]);
    return new Map(stored.map((v) => [keyOf(v.indicator_id, v.unit_id, v.period), v]));
  };
  if (opts.dryRun) {
    const byKey = await storedByKey(ctx.db);
    const preview = resolved.map(({ r, ind, unit }) => {
      const existing = byKey.get(keyOf(ind.id, unit.id, r.period));
      return {
        row: r.row,
        code: r.code,
        indicatorName: ind.name_zh,
        unitName: unit.name,
        period: r.period,
        value: r.value,
        unitOfMeasure: ind.unit_of_measure,
        source: r.source,
        previous: existing ? Number(existing.value) : null,
        action: existing ? "update" : "create"
      };
    });
    const updated = preview.filter((p) => p.action === "update").length;
    return { created: preview.length - updated, updated, rows: preview.length, dryRun: true, preview };
  }
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    const byKey = await storedByKey(trx);
    const fresh = resolved.filter(({ r, ind, unit }) => !byKey.has(keyOf(ind.id, unit.id, r.period)));
    let updated = 0;
    for (const { r, ind, unit } of resolved) {
      const existing = byKey.get(keyOf(ind.id, unit.id, r.period));
      if (!existing) continue;
      await updateValueVersioned(trx, existing.id, existing.version, { value: r.value, source: r.source, evidence: r.evidence }, at);
      await audit(ctx, trx, actor, { action: "indicator_value.import", entity: "indicator_value", entityId: existing.id, before: { value: Number(existing.value), source: existing.source }, after: { value: r.value, source: r.source, file: file.filename, row: r.row } });
      updated += 1;
    }
    const ids = await insertValues(
      trx,
      fresh.map(({ r, ind, unit }) => ({ indicator_id: ind.id, unit_id: unit.id, period: r.period, value: r.value, source: r.source, evidence: r.evidence, synthetic: opts.synthetic ? 1 : 0, created_by: actor.id > 0 ? actor.id : null })),
      at
    );
    await audit(ctx, trx, actor, {
      action: "indicator_value.import",
      entity: "indicator_value_import",
      entityId: null,
      after: { file: file.filename, created: ids.length, updated, values: fresh.map(({ r }, i) => ({ id: ids[i], row: r.row, code: r.code, unit: r.unit, period: r.period, value: r.value, source: r.source })) }
    });
    return { created: ids.length, updated, rows: resolved.length, dryRun: false };
  });
}
async function indicatorValueTemplate(ctx) {
  const kpis = (await listIndicators(ctx.db)).filter((i) => i.kind === "kpi");
  const units = (await loadUnitResolver(ctx.db)).all.filter((u) => u.status === "active");
  return valueTemplateWorkbook(
    kpis.map((k) => ({ code: k.code, nameZh: k.name_zh, nameEn: k.name_en, unitOfMeasure: k.unit_of_measure, direction: k.direction, physicalMin: k.physical_min, physicalMax: k.physical_max })),
    units.map((u) => ({ name: u.name, kind: u.kind }))
  );
}
export {
  createIndicator,
  createIndicatorValue,
  getCatalogue,
  importIndicatorValues,
  indicatorValueTemplate,
  listIndicatorTargets,
  listIndicatorValues,
  presentIndicator,
  presentValue,
  setTarget,
  updateIndicator,
  updateIndicatorValue,
  valueHistory,
  visibleUnitIds
};
//# sourceMappingURL=indicators.service.js.map
