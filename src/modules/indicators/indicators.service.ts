import { AppError, type ErrorDetail } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type {
  CatalogueView,
  CreateIndicatorBody,
  CreateValueBody,
  ImportResultView,
  IndicatorView,
  TargetBody,
  TargetView,
  UpdateIndicatorBody,
  UpdateValueBody,
  ValueListQuery,
  ValueView,
} from '../../common/schemas/indicators.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findUnit } from '../org/index.js';
import { loadUnitResolver } from '../org/units.service.js';
import catalogue from './reference/catalogue.json' with { type: 'json' };
import {
  type IndicatorRow,
  type TargetRow,
  type ValueRecord,
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
  upsertTarget,
} from './indicators.repository.js';
import { type ValueSheet, byCell, locate, readValueSheet, valueTemplateWorkbook } from './values-import.js';

/** Catalogue, values (with source, evidence, audit trail) and targets per unit and period. */

export function presentIndicator(r: IndicatorRow): IndicatorView {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind as IndicatorView['kind'],
    parentId: r.parent_id,
    environment: r.environment as IndicatorView['environment'],
    lifecycleGroup: r.lifecycle_group,
    unitOfMeasure: r.unit_of_measure,
    direction: r.direction as IndicatorView['direction'],
    physicalMin: r.physical_min,
    physicalMax: r.physical_max,
    note: r.note,
    source: r.source,
    sortOrder: r.sort_order,
    version: r.version,
  };
}

export function presentValue(r: ValueRecord): ValueView {
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
    updatedAt: r.updated_at,
  };
}

/** The units whose values an actor may read: all for the office side, the own unit for a unit's staff. */
export function visibleUnitIds(actor: Actor): number[] | undefined {
  if (hasPermission(actor.role, 'indicators.scope.all')) return undefined;
  if (!hasPermission(actor.role, 'indicators.scope.unit')) throw new AppError('FORBIDDEN');
  return actor.unitId ? [actor.unitId] : [];
}

export async function getCatalogue(ctx: AppContext): Promise<CatalogueView> {
  return {
    environments: catalogue.environments as CatalogueView['environments'],
    environmentNote: catalogue.environmentNote,
    indicators: (await listIndicators(ctx.db)).map(presentIndicator),
  };
}

function rangeProblems(ind: IndicatorRow, value: number, path: string): ErrorDetail[] {
  if (ind.kind !== 'kpi')
    return [{ path, message: `“${ind.name_zh}”是分类指标，数值应录入到其下的 KPI / values belong to KPIs, not to indicator headings` }];
  if (ind.physical_min !== null && value < ind.physical_min)
    return [
      {
        path,
        message: `${value} 小于“${ind.name_zh}”可能的最小值 ${ind.physical_min} ${ind.unit_of_measure ?? ''} / below the physical minimum`,
      },
    ];
  if (ind.physical_max !== null && value > ind.physical_max)
    return [
      {
        path,
        message: `${value} 大于“${ind.name_zh}”可能的最大值 ${ind.physical_max} ${ind.unit_of_measure ?? ''} / above the physical maximum`,
      },
    ];
  return [];
}

function checkBounds(min: number | null | undefined, max: number | null | undefined): void {
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.physicalMax', message: '最大值小于最小值 / the maximum is below the minimum' }]);
  }
}

export async function createIndicator(ctx: AppContext, actor: Actor, body: CreateIndicatorBody): Promise<IndicatorView> {
  checkBounds(body.physicalMin, body.physicalMax);
  return withTransaction(ctx.db, async (trx) => {
    if ((await findIndicatorsByCode(trx, [body.code])).length)
      throw new AppError('DUPLICATE_NAME', [{ path: 'body.code', message: `编码 ${body.code} 已存在 / code already used` }]);
    if (body.parentId && !(await findIndicator(trx, body.parentId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '上级指标不存在 / parent indicator not found' }]);
    const at = ctx.clock().toISOString();
    const id = await insertIndicator(
      trx,
      {
        code: body.code,
        name_zh: body.nameZh,
        name_en: body.nameEn,
        kind: 'kpi',
        parent_id: body.parentId ?? null,
        environment: body.environment,
        lifecycle_group: null,
        unit_of_measure: body.unitOfMeasure,
        direction: body.direction,
        physical_min: body.physicalMin ?? null,
        physical_max: body.physicalMax ?? null,
        note: body.note ?? null,
        source: body.source ?? null,
        sort_order: 1000,
      },
      at,
    );
    const created = presentIndicator((await findIndicator(trx, id))!);
    await audit(ctx, trx, actor, { action: 'indicator.create', entity: 'indicator', entityId: id, after: created });
    return created;
  });
}

export async function updateIndicator(ctx: AppContext, actor: Actor, id: number, body: UpdateIndicatorBody): Promise<IndicatorView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findIndicator(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const min = body.physicalMin === undefined ? before.physical_min : body.physicalMin;
    const max = body.physicalMax === undefined ? before.physical_max : body.physicalMax;
    checkBounds(min, max);
    const patch = {
      ...(body.nameZh !== undefined && { name_zh: body.nameZh }),
      ...(body.nameEn !== undefined && { name_en: body.nameEn }),
      ...(body.parentId !== undefined && { parent_id: body.parentId }),
      ...(body.environment !== undefined && { environment: body.environment }),
      ...(body.unitOfMeasure !== undefined && { unit_of_measure: body.unitOfMeasure }),
      ...(body.direction !== undefined && { direction: body.direction }),
      physical_min: min,
      physical_max: max,
      ...(body.note !== undefined && { note: body.note }),
      ...(body.source !== undefined && { source: body.source }),
    };
    if (!(await updateIndicatorVersioned(trx, id, body.version, patch, ctx.clock().toISOString()))) throw new AppError('VERSION_CONFLICT');
    const after = presentIndicator((await findIndicator(trx, id))!);
    await audit(ctx, trx, actor, {
      action: 'indicator.update',
      entity: 'indicator',
      entityId: id,
      before: presentIndicator(before),
      after,
    });
    return after;
  });
}

export async function listIndicatorValues(ctx: AppContext, actor: Actor, q: ValueListQuery): Promise<ValueView[]> {
  const visible = visibleUnitIds(actor);
  const unitIds = q.unitId ? (visible && !visible.includes(q.unitId) ? [] : [q.unitId]) : visible;
  return (await listValues(ctx.db, { indicatorId: q.indicatorId, unitIds, periodFrom: q.periodFrom, periodTo: q.periodTo })).map(
    presentValue,
  );
}

async function loadValueVisible(ctx: AppContext, actor: Actor, id: number): Promise<ValueRecord> {
  const v = await findValue(ctx.db, id);
  const visible = visibleUnitIds(actor);
  if (!v || (visible && !visible.includes(v.unit_id))) throw new AppError('NOT_FOUND');
  return v;
}

async function assertUnitActive(db: Executor, unitId: number, path: string): Promise<void> {
  const unit = await findUnit(db, unitId);
  if (!unit || unit.status !== 'active')
    throw new AppError('VALIDATION_FAILED', [{ path, message: '单位不存在或已撤销 / unit not found or retired' }]);
}

export async function createIndicatorValue(ctx: AppContext, actor: Actor, body: CreateValueBody): Promise<ValueView> {
  return withTransaction(ctx.db, async (trx) => {
    const ind = await findIndicator(trx, body.indicatorId);
    if (!ind) throw new AppError('VALIDATION_FAILED', [{ path: 'body.indicatorId', message: '指标不存在 / indicator not found' }]);
    await assertUnitActive(trx, body.unitId, 'body.unitId');
    const problems = rangeProblems(ind, body.value, 'body.value');
    if (problems.length) throw new AppError('INDICATOR_BAD_VALUE', problems);
    if (await findValueByKey(trx, body.indicatorId, body.unitId, body.period)) {
      throw new AppError('CONFLICT', [
        { path: 'body.period', message: '该单位该期间已有数值，请修改原记录 / a value for this unit and period exists; edit it instead' },
      ]);
    }
    const at = ctx.clock().toISOString();
    const id = await insertValue(
      trx,
      {
        indicator_id: body.indicatorId,
        unit_id: body.unitId,
        period: body.period,
        value: body.value,
        source: body.source,
        evidence: body.evidence ?? null,
        synthetic: 0,
        created_by: actor.id > 0 ? actor.id : null,
      },
      at,
    );
    const created = presentValue((await findValue(trx, id))!);
    await audit(ctx, trx, actor, { action: 'indicator_value.create', entity: 'indicator_value', entityId: id, after: created });
    return created;
  });
}

export async function updateIndicatorValue(ctx: AppContext, actor: Actor, id: number, body: UpdateValueBody): Promise<ValueView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findValue(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    if (body.value !== undefined) {
      const problems = rangeProblems((await findIndicator(trx, before.indicator_id))!, body.value, 'body.value');
      if (problems.length) throw new AppError('INDICATOR_BAD_VALUE', problems);
    }
    const patch = {
      ...(body.value !== undefined && { value: body.value }),
      ...(body.source !== undefined && { source: body.source }),
      ...(body.evidence !== undefined && { evidence: body.evidence }),
    };
    if (!(await updateValueVersioned(trx, id, body.version, patch, ctx.clock().toISOString()))) throw new AppError('VERSION_CONFLICT');
    const after = presentValue((await findValue(trx, id))!);
    await audit(ctx, trx, actor, {
      action: 'indicator_value.update',
      entity: 'indicator_value',
      entityId: id,
      before: presentValue(before),
      after,
    });
    return after;
  });
}

export async function valueHistory(ctx: AppContext, actor: Actor, id: number) {
  const value = await loadValueVisible(ctx, actor, id);
  const own = await listAuditFor(ctx.db, 'indicator_value', id);
  // A value created by an import is listed in that import's audit row, not in one of its own.
  const imported = own.some((r) => r.action === 'indicator_value.create')
    ? []
    : (await listImportAuditFrom(ctx.db, value.created_at)).flatMap((r) => {
        const after = JSON.parse(r.after_json ?? '{}') as { values?: unknown; file?: string };
        const line = Array.isArray(after.values) ? (after.values as { id: number }[]).find((v) => v.id === id) : undefined;
        return line ? [{ ...r, before_json: null, after_json: JSON.stringify({ ...line, file: after.file }) }] : [];
      });
  return [...imported, ...own].map((r) => ({
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}

const presentTarget = (t: TargetRow): TargetView => ({
  id: t.id,
  indicatorId: t.indicator_id,
  unitId: t.unit_id,
  period: t.period,
  target: Number(t.target),
  note: t.note,
  version: t.version,
});

export async function listIndicatorTargets(
  ctx: AppContext,
  actor: Actor,
  q: { indicatorId?: number | undefined; unitId?: number | undefined },
): Promise<TargetView[]> {
  const visible = visibleUnitIds(actor);
  const unitIds = q.unitId ? (visible && !visible.includes(q.unitId) ? [] : [q.unitId]) : visible;
  return (await listTargets(ctx.db, { indicatorId: q.indicatorId, unitIds })).map(presentTarget);
}

export async function setTarget(ctx: AppContext, actor: Actor, body: TargetBody): Promise<TargetView> {
  return withTransaction(ctx.db, async (trx) => {
    const ind = await findIndicator(trx, body.indicatorId);
    if (!ind) throw new AppError('VALIDATION_FAILED', [{ path: 'body.indicatorId', message: '指标不存在 / indicator not found' }]);
    await assertUnitActive(trx, body.unitId, 'body.unitId');
    const problems = rangeProblems(ind, body.target, 'body.target');
    if (problems.length) throw new AppError('INDICATOR_BAD_VALUE', problems);
    const t = await upsertTarget(
      trx,
      { indicator_id: body.indicatorId, unit_id: body.unitId, period: body.period, target: body.target, note: body.note ?? null },
      ctx.clock().toISOString(),
    );
    const view = presentTarget(t);
    await audit(ctx, trx, actor, { action: 'indicator_target.set', entity: 'indicator_target', entityId: t.id, after: view });
    return view;
  });
}

/**
 * Imports a values workbook in one transaction: either every row lands (new values created,
 * existing ones updated, each audited) or none does and every problem is reported at its cell.
 */
/**
 * Imports a values workbook all-or-nothing in one transaction. Every problem — the parser's (text
 * in a number, a bad period, an empty cell) and the catalogue's (unknown indicator or unit, a value
 * outside the physical range, a duplicate row) — is reported at once, located at its cell. With
 * `dryRun` the same checks run and the result previews each row, but nothing is written.
 */
export async function importIndicatorValues(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; data: Buffer },
  opts: { synthetic?: boolean; dryRun?: boolean } = {},
): Promise<ImportResultView> {
  const sheet: ValueSheet = await readValueSheet(file.data, file.filename);
  const indicators = new Map((await findIndicatorsByCode(ctx.db, [...new Set(sheet.rows.map((r) => r.code))])).map((i) => [i.code, i]));
  const units = await loadUnitResolver(ctx.db);
  const errors: ErrorDetail[] = [...sheet.problems];
  const seen = new Map<string, number>();
  const resolved = sheet.rows.map((r) => {
    const ind = indicators.get(r.code);
    const unit = units.resolve(r.unit);
    if (!ind) errors.push(locate(sheet, r, 'code', `未知的指标编码“${r.code}” / unknown indicator code`));
    else errors.push(...rangeProblems(ind, r.value, '').map((p) => locate(sheet, r, 'value', p.message)));
    if (!unit) errors.push(locate(sheet, r, 'unit', `无法识别单位“${r.unit}” / unknown unit`));
    const key = `${r.code}|${unit?.id}|${r.period}`;
    if (ind && unit && seen.has(key))
      errors.push(locate(sheet, r, 'period', `与第 ${seen.get(key)} 行重复（同一指标、单位、期间） / duplicates row ${seen.get(key)}`));
    seen.set(key, r.row);
    return { r, ind: ind!, unit: unit! };
  });
  if (errors.length) throw new AppError('INDICATOR_BAD_VALUE', errors.sort(byCell).slice(0, 100));
  const keyOf = (indicatorId: number, unitId: number, period: string) => `${indicatorId}|${unitId}|${period}`;
  const storedByKey = async (db: Executor) => {
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
        action: existing ? ('update' as const) : ('create' as const),
      };
    });
    const updated = preview.filter((p) => p.action === 'update').length;
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
      // An overwritten value keeps its own before/after in its history.
      await updateValueVersioned(trx, existing.id, existing.version, { value: r.value, source: r.source, evidence: r.evidence }, at);
      await audit(ctx, trx, actor, {
        action: 'indicator_value.import',
        entity: 'indicator_value',
        entityId: existing.id,
        before: { value: Number(existing.value), source: existing.source },
        after: { value: r.value, source: r.source, file: file.filename, row: r.row },
      });
      updated += 1;
    }
    const ids = await insertValues(
      trx,
      fresh.map(({ r, ind, unit }) => ({
        indicator_id: ind.id,
        unit_id: unit.id,
        period: r.period,
        value: r.value,
        source: r.source,
        evidence: r.evidence,
        synthetic: opts.synthetic ? 1 : 0,
        created_by: actor.id > 0 ? actor.id : null,
      })),
      at,
    );
    // New values are audited together, one row per import listing each of them (a per-row audit
    // would triple the statements of a 10 000-row import); a value's history finds its line here.
    await audit(ctx, trx, actor, {
      action: 'indicator_value.import',
      entity: 'indicator_value_import',
      entityId: null,
      after: {
        file: file.filename,
        created: ids.length,
        updated,
        values: fresh.map(({ r }, i) => ({
          id: ids[i],
          row: r.row,
          code: r.code,
          unit: r.unit,
          period: r.period,
          value: r.value,
          source: r.source,
        })),
      },
    });
    return { created: ids.length, updated, rows: resolved.length, dryRun: false };
  });
}

/** The blank workbook to fill: the values sheet the import reads, the KPI codes and the unit names. */
export async function indicatorValueTemplate(ctx: AppContext): Promise<Buffer> {
  const kpis = (await listIndicators(ctx.db)).filter((i) => i.kind === 'kpi');
  const units = (await loadUnitResolver(ctx.db)).all.filter((u) => u.status === 'active');
  return valueTemplateWorkbook(
    kpis.map((k) => ({
      code: k.code,
      nameZh: k.name_zh,
      nameEn: k.name_en,
      unitOfMeasure: k.unit_of_measure,
      direction: k.direction,
      physicalMin: k.physical_min,
      physicalMax: k.physical_max,
    })),
    units.map((u) => ({ name: u.name, kind: u.kind })),
  );
}
