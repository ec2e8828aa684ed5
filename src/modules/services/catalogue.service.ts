import { AppError, type ErrorDetail } from '../../common/errors.js';
import { chinaDate } from '../../common/dates.js';
import {
  SERVICE_FLAGS,
  type CatalogueQuery,
  type RatesQuery,
  type RoundBody,
  type ServiceBody,
  type ServiceEditBody,
  type ServiceFlag,
} from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { listUnits } from '../org/index.js';
import { audit } from '../org/audit.service.js';
import {
  FLAG_COLUMNS,
  type ServiceRow,
  countFlags,
  currentByCodes,
  endService,
  findRound,
  findService,
  insertRound,
  insertRoundChanges,
  insertService,
  listRoundChanges,
  listRounds,
  listServices,
  rewriteService,
  setRoundAfterCount,
} from './services.repository.js';

/** The catalogue (政务服务事项目录): services with validity dates, rates of any day, streamlining rounds. */

export interface Material {
  name: string;
  shared: boolean;
  exempt: boolean;
}

export function presentService(r: ServiceRow, unitNames: Map<number, string>) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    unitId: r.unit_id,
    unitName: unitNames.get(r.unit_id) ?? '',
    countyId: r.county_id,
    countyName: r.county_id ? (unitNames.get(r.county_id) ?? '') : null,
    type: r.type,
    legalDays: r.legal_days,
    promisedDays: r.promised_days,
    feeFen: r.fee_fen,
    materials: JSON.parse(r.materials) as Material[],
    flags: SERVICE_FLAGS.filter((f) => r[FLAG_COLUMNS[f]] === 1),
    parkBasis: r.park_basis,
    place: r.place,
    onlineUrl: r.online_url,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  };
}
export type ServiceView = ReturnType<typeof presentService>;

export async function unitNameMap(db: Executor): Promise<Map<number, string>> {
  return new Map((await listUnits(db, { includeRetired: true })).map((u) => [u.id, u.name]));
}

export function today(ctx: AppContext): string {
  return chinaDate(ctx.clock());
}

/**
 * The checks of one catalogue row, the same for the API (paths `body.*`) and the workbook (the
 * `where` of each field is its cell): limits, the county of a county or township service, the park
 * delegation basis.
 */
export function serviceProblems(
  body: ServiceBody,
  units: Map<number, { kind: string }>,
  where: (field: string) => Omit<ErrorDetail, 'message'>,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (body.promisedDays > body.legalDays) {
    out.push({
      ...where('promisedDays'),
      message: `承诺时限 ${body.promisedDays} 个工作日超过法定时限 ${body.legalDays} 个工作日 / the promised limit exceeds the legal limit`,
    });
  }
  if (!units.has(body.unitId)) out.push({ ...where('unitId'), message: '实施部门不存在 / unknown department' });
  if (body.level === 'city' && body.countyId)
    out.push({ ...where('countyId'), message: '市级事项不属于旗县区 / a city-level service has no county' });
  if (body.level !== 'city' && (!body.countyId || units.get(body.countyId)?.kind !== 'county')) {
    out.push({ ...where('countyId'), message: '旗县级、乡镇级事项须填写所属旗县区 / a county or township service needs its county' });
  }
  if (body.flags.includes('park') && !body.parkBasis)
    out.push({ ...where('parkBasis'), message: '园区办事项须注明赋权方式（协议赋权或委托） / a park service needs its delegation basis' });
  if (body.flags.includes('fullyOnline') && !body.flags.includes('online'))
    out.push({ ...where('flags'), message: '全程网办事项必然一网通办 / a fully online service is also online' });
  return out;
}

export function serviceRow(body: ServiceBody, at: string) {
  const flags = new Set<ServiceFlag>(body.flags);
  return {
    code: body.code,
    name: body.name,
    level: body.level,
    unit_id: body.unitId,
    county_id: body.countyId,
    type: body.type,
    legal_days: body.legalDays,
    promised_days: body.promisedDays,
    fee_fen: body.feeFen,
    materials: JSON.stringify(body.materials),
    ...(Object.fromEntries(SERVICE_FLAGS.map((f) => [FLAG_COLUMNS[f], flags.has(f) ? 1 : 0])) as Record<
      (typeof FLAG_COLUMNS)[ServiceFlag],
      number
    >),
    park_basis: flags.has('park') ? body.parkBasis : null,
    place: body.place,
    online_url: body.onlineUrl ?? null,
    valid_from: body.validFrom,
    valid_to: null,
    round_id: null,
    created_at: at,
    updated_at: at,
  };
}

export async function activeUnits(db: Executor): Promise<Map<number, { kind: string; name: string }>> {
  return new Map((await listUnits(db)).map((u) => [u.id, { kind: u.kind, name: u.name }]));
}

export async function createService(ctx: AppContext, actor: Actor, body: ServiceBody): Promise<ServiceView> {
  return withTransaction(ctx.db, async (trx) => {
    const problems = serviceProblems(body, await activeUnits(trx), (field) => ({ path: `body.${field}` }));
    if (problems.length)
      throw new AppError(
        problems.some((p) => p.path === 'body.promisedDays') ? 'SERVICE_PROMISE_ABOVE_LEGAL' : 'VALIDATION_FAILED',
        problems,
      );
    if ((await currentByCodes(trx, [body.code], body.validFrom)).length) {
      throw new AppError('SERVICE_CODE_DUPLICATE', [
        { path: 'body.code', message: `目录中已有编码 ${body.code} / the code is already in the catalogue` },
      ]);
    }
    const id = await insertService(trx, serviceRow(body, ctx.clock().toISOString()));
    const created = presentService(
      (await currentByCodes(trx, [body.code], body.validFrom)).find((r) => r.id === id)!,
      await unitNameMap(trx),
    );
    await audit(ctx, trx, actor, { action: 'services.service.create', entity: 'service_item', entityId: id, after: created });
    return created;
  });
}

/**
 * Edits the service in force: from its first day on the row is corrected in place; from a later day
 * the old version ends there and the new one starts, so the catalogue of any earlier day stays as it
 * was (the import does the same with a changed row). The code is the service's identity and stays.
 */
export async function editService(ctx: AppContext, actor: Actor, id: number, body: ServiceEditBody): Promise<ServiceView> {
  return withTransaction(ctx.db, async (trx) => {
    const old = await findService(trx, id);
    if (!old) throw new AppError('NOT_FOUND');
    if (old.valid_to !== null) throw new AppError('SERVICE_EDIT_NOT_CURRENT');
    if (old.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const problems = serviceProblems(body, await activeUnits(trx), (field) => ({ path: `body.${field}` }));
    if (body.code !== old.code) problems.push({ path: 'body.code', message: '事项编码不可修改 / the code cannot change' });
    if (body.validFrom < old.valid_from)
      problems.push({ path: 'body.validFrom', message: `生效日期不能早于现行版本的 ${old.valid_from} / not before the version in force` });
    if (problems.length)
      throw new AppError(
        problems.some((p) => p.path === 'body.promisedDays') ? 'SERVICE_PROMISE_ABOVE_LEGAL' : 'VALIDATION_FAILED',
        problems,
      );
    const at = ctx.clock().toISOString();
    const { version: _v, ...fields } = body;
    const row = { ...serviceRow(fields, at), created_at: old.created_at };
    let newId = id;
    if (body.validFrom === old.valid_from) {
      if (!(await rewriteService(trx, id, old.version, row))) throw new AppError('VERSION_CONFLICT');
    } else {
      await endService(trx, id, body.validFrom, null, at);
      newId = await insertService(trx, { ...row, created_at: at });
    }
    const edited = presentService((await findService(trx, newId))!, await unitNameMap(trx));
    const before = presentService(old, await unitNameMap(trx));
    await audit(ctx, trx, actor, { action: 'services.service.edit', entity: 'service_item', entityId: newId, before, after: edited });
    return edited;
  });
}

export async function listCatalogue(ctx: AppContext, q: CatalogueQuery) {
  const date = q.date ?? today(ctx);
  const { rows, total } = await listServices(
    ctx.db,
    { date, level: q.level, countyId: q.countyId, flag: q.flag ? FLAG_COLUMNS[q.flag] : undefined, q: q.q },
    { page: q.page, pageSize: q.pageSize },
  );
  const names = await unitNameMap(ctx.db);
  return { date, items: rows.map((r) => presentService(r, names)), total, page: q.page, pageSize: q.pageSize };
}

/** The share of the catalogue, to one decimal of a percent; an empty catalogue has no rate. */
function percent(n: number, of: number): number | null {
  return of ? Math.round((n / of) * 1000) / 10 : null;
}

/**
 * Every rate and count of the report for one day, level and county, each with the filter that
 * lists the services behind it (`GET /services/catalogue?flag=…&date=…`).
 */
export async function catalogueRates(ctx: AppContext, q: RatesQuery) {
  const date = q.date ?? today(ctx);
  const c = await countFlags(ctx.db, { date, level: q.level, countyId: q.countyId });
  return {
    date,
    level: q.level ?? null,
    countyId: q.countyId ?? null,
    total: c.total,
    rates: SERVICE_FLAGS.map((flag) => ({ flag, count: c[FLAG_COLUMNS[flag]], percent: percent(c[FLAG_COLUMNS[flag]], c.total) })),
    /** 承诺时限压缩率: how much shorter the promised limits are than the legal ones, over the whole catalogue. */
    limitCutPercent: c.legal_days ? Math.round((1 - c.promised_days / c.legal_days) * 1000) / 10 : null,
  };
}
export type RatesView = Awaited<ReturnType<typeof catalogueRates>>;

/**
 * A streamlining round (精简): on its day each named service ends — removed, merged into another,
 * or delegated to a lower level (a copy starts there) — with the reason kept, and the catalogue
 * counts before and after are recorded. Everything or nothing.
 */
export async function createRound(ctx: AppContext, actor: Actor, body: RoundBody) {
  return withTransaction(ctx.db, async (trx) => {
    const on = body.effectiveOn;
    const before = await currentByCodes(
      trx,
      body.changes.map((c) => c.code),
      on,
    );
    const byCode = new Map(before.map((r) => [r.code, r]));
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    for (const [i, ch] of body.changes.entries()) {
      if (seen.has(ch.code)) problems.push({ path: `body.changes.${i}.code`, message: `${ch.code} 在本轮中重复 / listed twice` });
      seen.add(ch.code);
      const row = byCode.get(ch.code);
      if (!row)
        problems.push({ path: `body.changes.${i}.code`, message: `${on} 目录中没有 ${ch.code} / not in the catalogue on that day` });
      if (ch.action === 'merged' && (!ch.intoCode || !(await currentByCodes(trx, [ch.intoCode], on)).length || ch.intoCode === ch.code)) {
        problems.push({
          path: `body.changes.${i}.intoCode`,
          message: '合并须指明目录中的另一事项 / a merge names another service in the catalogue',
        });
      }
      if (ch.action === 'delegated' && (!ch.toLevel || (row && ch.toLevel === row.level) || ch.toLevel === 'city')) {
        problems.push({ path: `body.changes.${i}.toLevel`, message: '下放须指明更低的层级 / a delegation names a lower level' });
      }
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    const beforeCount = (await countFlags(trx, { date: on, level: 'city' })).total;
    const counties = (await listUnits(trx)).filter((u) => u.kind === 'county');
    const at = ctx.clock().toISOString();
    const roundId = await insertRound(trx, {
      name: body.name,
      effective_on: on,
      note: body.note,
      before_count: beforeCount,
      after_count: 0,
      created_at: at,
    });
    for (const ch of body.changes) {
      const row = byCode.get(ch.code)!;
      await endService(trx, row.id, on, roundId, at);
      // Delegated to the counties (or their townships): every county's catalogue gains the service, under
      // its implementation code (the basic code followed by the county's division code), as the catalogues write it.
      if (ch.action === 'delegated') {
        const { id: _id, version: _v, ...rest } = row;
        for (const county of counties) {
          const code = `${row.code}-${county.division_code ?? county.id}`;
          await insertService(trx, {
            ...rest,
            code,
            level: ch.toLevel!,
            county_id: county.id,
            valid_from: on,
            valid_to: null,
            round_id: roundId,
            created_at: at,
            updated_at: at,
          });
        }
      }
    }
    await insertRoundChanges(
      trx,
      body.changes.map((ch) => ({
        round_id: roundId,
        code: ch.code,
        name: byCode.get(ch.code)!.name,
        action: ch.action,
        into_code: ch.intoCode,
        to_level: ch.toLevel,
        reason: ch.reason,
      })),
    );
    // Delegated services leave the city catalogue: the round's figure is the city level's, as the report counts it.
    const afterCount = (await countFlags(trx, { date: on, level: 'city' })).total;
    const view = { id: roundId, name: body.name, effectiveOn: on, beforeCount, afterCount, changes: body.changes.length };
    await setRoundAfterCount(trx, roundId, afterCount);
    await audit(ctx, trx, actor, { action: 'services.round.create', entity: 'service_round', entityId: roundId, after: view });
    return view;
  });
}

export async function listStreamliningRounds(ctx: AppContext) {
  return (await listRounds(ctx.db)).map((r) => ({
    id: r.id,
    name: r.name,
    effectiveOn: r.effective_on,
    note: r.note,
    beforeCount: r.before_count,
    afterCount: r.after_count,
  }));
}

/** The diff of one round: every service it removed, merged or delegated, with the reason. */
export async function roundDiff(ctx: AppContext, id: number) {
  const round = await findRound(ctx.db, id);
  if (!round) throw new AppError('NOT_FOUND');
  const changes = await listRoundChanges(ctx.db, id);
  const counts = { removed: 0, merged: 0, delegated: 0 } as Record<string, number>;
  for (const c of changes) counts[c.action] = (counts[c.action] ?? 0) + 1;
  return {
    id: round.id,
    name: round.name,
    effectiveOn: round.effective_on,
    note: round.note,
    beforeCount: round.before_count,
    afterCount: round.after_count,
    counts,
    changes: changes.map((c) => ({
      code: c.code,
      name: c.name,
      action: c.action,
      intoCode: c.into_code,
      toLevel: c.to_level,
      reason: c.reason,
    })),
  };
}
