import { AppError } from '../../common/errors.js';
import { POINT_KINDS, type AssistantBody, type PointBody } from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { findRatingCodeByText } from '../demands/index.js';
import { audit } from '../org/audit.service.js';
import { findAssistant, insertAssistant, listAssistants, updateAssistantRatingCode } from './assisted.repository.js';
import { activeUnits } from './catalogue.service.js';
import { findPoint, insertPoint, listPoints, pointCounts } from './services.repository.js';

/** The service network (centres, windows, park bodies, township/village points, bank outlets) and its assistants (帮办代办员). */

export async function createPoint(ctx: AppContext, actor: Actor, body: PointBody) {
  return withTransaction(ctx.db, async (trx) => {
    const units = await activeUnits(trx);
    if (units.get(body.countyId)?.kind !== 'county')
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.countyId', message: '请选择旗县区 / choose a county' }]);
    if (body.parentId && !(await findPoint(trx, body.parentId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '上级服务场所不存在 / unknown parent point' }]);
    const id = await insertPoint(trx, {
      kind: body.kind,
      name: body.name,
      county_id: body.countyId,
      parent_id: body.parentId,
      all_in_one: body.allInOne ? 1 : 0,
      enterprise_zone: body.enterpriseZone ? 1 : 0,
      address: body.address,
      hours: body.hours,
      services: JSON.stringify(body.services),
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'services.point.create', entity: 'service_point', entityId: id, after: body });
    return { id, ...body };
  });
}

export async function listNetwork(
  ctx: AppContext,
  q: { countyId?: number | undefined; kind?: string | undefined; page: number; pageSize: number },
) {
  const units = await activeUnits(ctx.db);
  const { rows, total } = await listPoints(ctx.db, q, { page: q.page, pageSize: q.pageSize });
  return {
    total,
    items: rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      countyId: p.county_id,
      countyName: units.get(p.county_id)?.name ?? '',
      parentId: p.parent_id,
      allInOne: p.all_in_one === 1,
      enterpriseZone: p.enterprise_zone === 1,
      address: p.address,
      hours: p.hours,
      services: JSON.parse(p.services) as string[],
    })),
  };
}

/** 一窗式全覆盖: per county, how many points of each kind, all-in-one windows, enterprise zones; and the city total. */
export async function networkCoverage(ctx: AppContext) {
  const units = await activeUnits(ctx.db);
  const counties = [...units.entries()].filter(([, u]) => u.kind === 'county');
  const counts = await pointCounts(ctx.db);
  const empty = () =>
    ({ ...Object.fromEntries(POINT_KINDS.map((k) => [k, 0])), allInOneWindows: 0, enterpriseZones: 0 }) as Record<
      (typeof POINT_KINDS)[number] | 'allInOneWindows' | 'enterpriseZones',
      number
    >;
  const total = empty();
  const rows = counties.map(([id, u]) => {
    const row = empty();
    for (const c of counts.filter((x) => x.countyId === id)) {
      row[c.kind as (typeof POINT_KINDS)[number]] += c.n;
      if (c.kind === 'window') row.allInOneWindows += c.allInOne;
      if (c.kind === 'centre') row.enterpriseZones += c.zones;
    }
    for (const k of Object.keys(row) as (keyof typeof row)[]) total[k] += row[k];
    return { countyId: id, countyName: u.name, ...row, covered: row.centre > 0 && row.allInOneWindows > 0 };
  });
  return { counties: rows, total, allCovered: rows.every((r) => r.covered) };
}

export async function createAssistant(ctx: AppContext, actor: Actor, body: AssistantBody) {
  return withTransaction(ctx.db, async (trx) => {
    if (!(await activeUnits(trx)).has(body.unitId))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unknown unit' }]);
    if (body.pointId && !(await findPoint(trx, body.pointId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.pointId', message: '服务场所不存在 / unknown service point' }]);
    // The code is the demand desk's: its ratings are counted there, so it must be one the desk issued.
    const code = body.ratingCode ? await findRatingCodeByText(trx, body.ratingCode) : null;
    if (body.ratingCode && !code)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.ratingCode', message: `诉求平台没有评价码 ${body.ratingCode} / the demand desk has no such rating code` },
      ]);
    const id = await insertAssistant(trx, {
      name: body.name,
      unit_id: body.unitId,
      point_id: body.pointId,
      phone: body.phone,
      rating_code: code?.code ?? null,
      created_at: ctx.clock().toISOString(),
    });
    const created = { id, ...body, ratingCode: code?.code ?? null };
    await audit(ctx, trx, actor, { action: 'services.assistant.create', entity: 'service_assistant', entityId: id, after: created });
    return created;
  });
}

/**
 * Gives an assistant a demand-desk rating code, changes it or takes it away (null): the ratings of
 * its cases from then on go through the new code; ratings already recorded stay where they were.
 */
export async function setAssistantRatingCode(ctx: AppContext, actor: Actor, id: number, ratingCode: string | null) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findAssistant(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const code = ratingCode ? await findRatingCodeByText(trx, ratingCode) : null;
    if (ratingCode && !code)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.ratingCode', message: `诉求平台没有评价码 ${ratingCode} / the demand desk has no such rating code` },
      ]);
    await updateAssistantRatingCode(trx, id, code?.code ?? null);
    await audit(ctx, trx, actor, {
      action: 'services.assistant.ratingCode',
      entity: 'service_assistant',
      entityId: id,
      before: { ratingCode: before.rating_code },
      after: { ratingCode: code?.code ?? null },
    });
    return { ...(await assistants(ctx, trx)).find((a) => a.id === id)! };
  });
}

export async function assistants(ctx: AppContext, db = ctx.db) {
  return (await listAssistants(db)).map((a) => ({
    id: a.id,
    name: a.name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    pointId: a.point_id,
    pointName: a.point_name,
    phone: a.phone,
    ratingCode: a.rating_code,
  }));
}
