import { AppError } from '../../common/errors.js';
import type { MatterBody, OfficerBody } from '../../common/schemas/enforcement.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { activeUnitIds } from '../org/index.js';
import { findRegistryEnterprise } from '../policies/index.js';
import {
  type MatterRow,
  type OfficerRow,
  findById,
  findItemsByCodes,
  findMatterByCode,
  insertCheckItems,
  insertRow,
  listCheckItems,
  listMatters,
  listOfficers,
  listRecusals,
  replaceMatter,
  updateVersioned,
} from './enforcement.repository.js';
import { assertUnit, visibleUnit } from './scope.js';

// — enforcement matters catalogue (执法事项清单) —

export async function listCatalogue(ctx: AppContext, actor: Actor, unitId?: number) {
  const matters = await listMatters(ctx.db, visibleUnit(actor, unitId));
  const items = await listCheckItems(
    ctx.db,
    matters.map((m) => m.id),
  );
  return matters.map((m) =>
    presentMatter(
      m,
      items.filter((i) => i.matter_id === m.id),
    ),
  );
}

function presentMatter(m: MatterRow, items: { code: string; name: string }[]) {
  return {
    id: m.id,
    unitId: m.unit_id,
    code: m.code,
    name: m.name,
    type: m.type,
    legalBasis: m.legal_basis,
    items: items.map((i) => ({ code: i.code, name: i.name })),
    version: m.version,
  };
}

/**
 * Adds or replaces matters by code, all in the caller's transaction. Item codes are unique across
 * the catalogue: a plan names items by code, whatever department lists them.
 */
export async function saveMatters(ctx: AppContext, trx: Executor, actor: Actor, matters: MatterBody[], where: (k: number) => string) {
  const at = ctx.clock().toISOString();
  const problems: { path: string; message: string }[] = [];
  const units = new Set(await activeUnitIds(trx, [...new Set(matters.map((m) => m.unitId))]));
  const seen = new Set<string>();
  for (const [k, m] of matters.entries()) {
    if (!units.has(m.unitId)) problems.push({ path: where(k), message: `单位 ${m.unitId} 不存在 / unknown unit` });
    else assertUnit(actor, m.unitId);
    for (const i of m.items) {
      if (seen.has(i.code)) problems.push({ path: where(k), message: `抽查事项编码 ${i.code} 重复 / item code used twice` });
      seen.add(i.code);
    }
  }
  const taken = await findItemsByCodes(trx, [...seen]);
  for (const t of taken) {
    const k = matters.findIndex((m) => m.items.some((i) => i.code === t.code));
    if (matters[k]!.code !== t.matter_code)
      problems.push({
        path: where(k),
        message: `抽查事项编码 ${t.code} 已属于事项 ${t.matter_code} / item code belongs to another matter`,
      });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  let added = 0;
  let replaced = 0;
  for (const m of matters) {
    const values = { unit_id: m.unitId, code: m.code, name: m.name, type: m.type, legal_basis: m.legalBasis, updated_at: at };
    const existing = await findMatterByCode(trx, m.code);
    if (existing) {
      assertUnit(actor, existing.unit_id);
      await replaceMatter(trx, existing.id, values, m.items);
      replaced++;
    } else {
      const id = await insertRow(trx, 'enf_matter', { ...values, created_at: at });
      await insertCheckItems(trx, id, m.items);
      added++;
    }
  }
  await audit(ctx, trx, actor, {
    action: 'enforcement.catalogue.save',
    entity: 'enf_matter',
    entityId: null,
    after: { added, replaced, codes: matters.map((m) => m.code) },
  });
  return { added, replaced };
}

export async function saveMatter(ctx: AppContext, actor: Actor, body: MatterBody) {
  return withTransaction(ctx.db, async (trx) => {
    await saveMatters(ctx, trx, actor, [body], () => 'body');
    const m = (await findMatterByCode(trx, body.code))!;
    return presentMatter(m, await listCheckItems(trx, [m.id]));
  });
}

// — officers (执法人员) and recusals —

/** A certificate counts when it has a number and is valid on the given day (inclusive). */
export function certified(o: Pick<OfficerRow, 'cert_no' | 'cert_valid_to'>, on: string): boolean {
  return !!o.cert_no && !!o.cert_valid_to && o.cert_valid_to >= on;
}

export function presentOfficer(o: OfficerRow, today: string) {
  return {
    id: o.id,
    unitId: o.unit_id,
    name: o.name,
    certNo: o.cert_no,
    certValidTo: o.cert_valid_to,
    certified: certified(o, today),
    version: o.version,
  };
}

export async function listOfficersFor(ctx: AppContext, actor: Actor, unitId?: number) {
  const today = ctx.clock().toISOString().slice(0, 10);
  return (await listOfficers(ctx.db, { unitId: visibleUnit(actor, unitId) })).map((o) => presentOfficer(o, today));
}

export async function addOfficer(ctx: AppContext, actor: Actor, body: OfficerBody) {
  assertUnit(actor, body.unitId);
  return withTransaction(ctx.db, async (trx) => {
    if (!(await activeUnitIds(trx, [body.unitId])).length)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unknown unit' }]);
    const at = ctx.clock().toISOString();
    const id = await insertRow(trx, 'enf_officer', {
      unit_id: body.unitId,
      name: body.name,
      cert_no: body.certNo || null,
      cert_valid_to: body.certValidTo,
      created_at: at,
      updated_at: at,
    });
    const view = presentOfficer((await findById(trx, 'enf_officer', id))!, at.slice(0, 10));
    await audit(ctx, trx, actor, { action: 'enforcement.officer.add', entity: 'enf_officer', entityId: id, after: view });
    return view;
  });
}

export async function updateOfficer(ctx: AppContext, actor: Actor, id: number, body: Partial<OfficerBody> & { version: number }) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findById(trx, 'enf_officer', id);
    if (!before) throw new AppError('NOT_FOUND');
    assertUnit(actor, before.unit_id);
    if (body.unitId !== undefined) assertUnit(actor, body.unitId);
    const at = ctx.clock().toISOString();
    const set = {
      ...(body.unitId !== undefined ? { unit_id: body.unitId } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.certNo !== undefined ? { cert_no: body.certNo || null } : {}),
      ...(body.certValidTo !== undefined ? { cert_valid_to: body.certValidTo } : {}),
    };
    if (!(await updateVersioned(trx, 'enf_officer', id, body.version, set, at))) throw new AppError('VERSION_CONFLICT');
    const today = at.slice(0, 10);
    const after = presentOfficer((await findById(trx, 'enf_officer', id))!, today);
    await audit(ctx, trx, actor, {
      action: 'enforcement.officer.update',
      entity: 'enf_officer',
      entityId: id,
      before: presentOfficer(before, today),
      after,
    });
    return after;
  });
}

export async function addRecusal(ctx: AppContext, actor: Actor, body: { unitId: number; enterpriseId: number; reason: string }) {
  assertUnit(actor, body.unitId);
  return withTransaction(ctx.db, async (trx) => {
    if (!(await findRegistryEnterprise(trx, body.enterpriseId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.enterpriseId', message: '企业不在名录中 / not in the registry' }]);
    if ((await listRecusals(trx, [body.unitId])).some((r) => r.enterprise_id === body.enterpriseId))
      throw new AppError('CONFLICT', [{ path: 'body.enterpriseId', message: '已在回避名单中 / already on the recusal list' }]);
    const id = await insertRow(trx, 'enf_recusal', { unit_id: body.unitId, enterprise_id: body.enterpriseId, reason: body.reason });
    await audit(ctx, trx, actor, { action: 'enforcement.recusal.add', entity: 'enf_recusal', entityId: id, after: body });
    return { id, ...body };
  });
}

export async function listRecusalsFor(ctx: AppContext, actor: Actor) {
  const unit = visibleUnit(actor);
  return (await listRecusals(ctx.db, unit === undefined ? undefined : [unit])).map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    enterpriseId: r.enterprise_id,
    reason: r.reason,
  }));
}
