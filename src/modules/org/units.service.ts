import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { CreateUnitBody, UnitView, UpdateUnitBody } from '../../common/schemas/org.js';
import type { UnitKind } from '../../common/roles.js';
import type { Actor, AppContext } from '../../context.js';
import { type StampedCache, cacheFor, changeStamp } from '../../db/change-stamp.js';
import { type Database, type Executor, withTransaction } from '../../db/database.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { audit } from './audit.service.js';
import {
  type UnitRecord,
  countChildren,
  deleteUnitRow,
  findUnit,
  insertUnit,
  listAllNames,
  listUnits,
  moveUsers,
  reparentChildren,
  replaceAliases,
  updateUnitVersioned,
} from './units.repository.js';

/** Names compare after NFKC (full-width brackets → ASCII) and without whitespace. */
export function normalizeUnitName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function countyType(u: UnitRecord): UnitView['countyType'] {
  if (u.kind !== 'county') return null;
  if (u.name.endsWith('旗')) return 'banner';
  if (u.name.endsWith('县')) return 'county';
  return 'district';
}

export function presentUnit(u: UnitRecord): UnitView {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind as UnitKind,
    countyType: countyType(u),
    parentId: u.parent_id,
    divisionCode: u.division_code,
    status: u.status as UnitView['status'],
    mergedIntoId: u.merged_into_id,
    aliases: u.aliases,
    sortOrder: u.sort_order,
    userCount: u.user_count,
    version: u.version,
  };
}

const unitListCaches = new WeakMap<Database, StampedCache<string, UnitRecord[]>>();

/**
 * The unit list is read on almost every page and changes rarely: it is kept while the database is
 * unchanged (change-stamp.ts: any write, in any server process, reloads it). Callers do not mutate it.
 */
async function cachedUnits(ctx: AppContext, f: { includeRetired: boolean; kind: UnitKind | undefined }): Promise<UnitRecord[]> {
  const cache = cacheFor(unitListCaches, ctx.database, 100);
  const key = `${f.includeRetired}:${f.kind ?? ''}`;
  const stamp = changeStamp(ctx.database);
  let units = cache.get(key, stamp);
  if (!units) {
    units = await listUnits(ctx.db, f);
    cache.set(key, units, stamp);
  }
  return units;
}

export async function listVisibleUnits(
  ctx: AppContext,
  actor: Actor,
  q: { includeRetired?: boolean; kind?: UnitKind | undefined; q?: string | undefined },
): Promise<UnitView[]> {
  const includeRetired = Boolean(q.includeRetired) && hasPermission(actor.role, 'units.scope.retired');
  let units: UnitRecord[];
  if (hasPermission(actor.role, 'units.scope.all')) units = await cachedUnits(ctx, { includeRetired, kind: q.kind });
  else if (hasPermission(actor.role, 'units.scope.places'))
    units = (await cachedUnits(ctx, { includeRetired: false, kind: q.kind })).filter((u) => u.kind !== 'department');
  else units = actor.unitId ? await listUnits(ctx.db, { ids: [actor.unitId], includeRetired: true }) : [];
  if (q.kind) units = units.filter((u) => u.kind === q.kind);
  if (q.q) {
    const needle = normalizeUnitName(q.q);
    units = units.filter((u) => [u.name, ...u.aliases].some((n) => normalizeUnitName(n).includes(needle)));
  }
  return units.map(presentUnit);
}

export async function getUnit(ctx: AppContext, actor: Actor, id: number): Promise<UnitView> {
  const u = await findUnit(ctx.db, id);
  const visible =
    u &&
    (hasPermission(actor.role, 'units.scope.all') ||
      actor.unitId === id ||
      (hasPermission(actor.role, 'units.scope.places') && u.kind !== 'department'));
  if (!u || !visible) throw new AppError('NOT_FOUND');
  return presentUnit(u);
}

export interface UnitResolver {
  /** The active unit a name or alias stands for; a merged unit resolves to the unit it joined. */
  resolve(name: string): UnitRecord | undefined;
  all: UnitRecord[];
}

export async function loadUnitResolver(db: Executor): Promise<UnitResolver> {
  const all = await listUnits(db, { includeRetired: true });
  const byId = new Map(all.map((u) => [u.id, u]));
  const byName = new Map<string, UnitRecord>();
  for (const u of all) for (const a of u.aliases) byName.set(normalizeUnitName(a), u);
  for (const u of all) byName.set(normalizeUnitName(u.name), u);
  const follow = (u: UnitRecord | undefined): UnitRecord | undefined => {
    let cur = u;
    for (let hops = 0; cur && cur.status !== 'active' && cur.merged_into_id && hops < 10; hops++) cur = byId.get(cur.merged_into_id);
    return cur?.status === 'active' ? cur : undefined;
  };
  return { all, resolve: (name) => follow(byName.get(normalizeUnitName(name))) };
}

async function assertNamesFree(db: Executor, names: string[], exceptUnitId?: number): Promise<void> {
  const taken = new Map((await listAllNames(db)).filter((n) => n.unitId !== exceptUnitId).map((n) => [normalizeUnitName(n.name), n]));
  const seen = new Set<string>();
  const details = [];
  for (const [i, name] of names.entries()) {
    const key = normalizeUnitName(name);
    if (taken.has(key) || seen.has(key)) {
      details.push({
        path: i === 0 ? 'body.name' : `body.aliases.${i - 1}`,
        message: `“${name}” 已被其他单位使用 / already used by another unit`,
      });
    }
    seen.add(key);
  }
  if (details.length) throw new AppError('DUPLICATE_NAME', details);
}

async function assertParentValid(db: Executor, kind: string, parentId: number | null | undefined, selfId?: number) {
  if (kind === 'city') {
    if (parentId)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '市级单位没有上级 / the city has no parent' }]);
    return;
  }
  if (!parentId) throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '请选择上级单位 / choose the parent unit' }]);
  let cur = await findUnit(db, parentId);
  if (!cur || cur.status !== 'active')
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.parentId', message: '上级单位不存在或已撤销 / parent unit not found or retired' },
    ]);
  for (let hops = 0; cur && hops < 20; hops++) {
    if (cur.id === selfId)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.parentId', message: '上级单位不能是本单位的下级 / a unit cannot sit under itself' },
      ]);
    cur = cur.parent_id ? await findUnit(db, cur.parent_id) : undefined;
  }
}

async function loadForWrite(trx: Executor, id: number, version: number): Promise<UnitRecord> {
  const u = await findUnit(trx, id);
  if (!u) throw new AppError('NOT_FOUND');
  if (u.version !== version) throw new AppError('VERSION_CONFLICT');
  return u;
}

export async function createUnit(ctx: AppContext, actor: Actor, body: CreateUnitBody): Promise<UnitView> {
  return withTransaction(ctx.db, async (trx) => {
    const aliases = body.aliases ?? [];
    await assertNamesFree(trx, [body.name, ...aliases]);
    await assertParentValid(trx, body.kind, body.parentId);
    const at = ctx.clock().toISOString();
    const id = await insertUnit(
      trx,
      {
        name: body.name,
        kind: body.kind,
        parent_id: body.parentId ?? null,
        division_code: body.divisionCode ?? null,
        sort_order: body.sortOrder ?? 0,
      },
      at,
    );
    await replaceAliases(trx, id, aliases);
    const created = presentUnit((await findUnit(trx, id))!);
    await audit(ctx, trx, actor, { action: 'unit.create', entity: 'unit', entityId: id, after: created });
    return created;
  });
}

export async function updateUnit(ctx: AppContext, actor: Actor, id: number, body: UpdateUnitBody): Promise<UnitView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await loadForWrite(trx, id, body.version);
    if (before.status !== 'active') throw new AppError('UNIT_RETIRED');
    const name = body.name ?? before.name;
    const aliases = body.aliases ?? before.aliases;
    await assertNamesFree(trx, [name, ...aliases], id);
    const kind = body.kind ?? before.kind;
    const parentId = body.parentId === undefined ? before.parent_id : body.parentId;
    await assertParentValid(trx, kind, parentId, id);
    const ok = await updateUnitVersioned(
      trx,
      id,
      body.version,
      {
        name,
        kind,
        parent_id: parentId,
        division_code: body.divisionCode === undefined ? before.division_code : body.divisionCode,
        sort_order: body.sortOrder ?? before.sort_order,
      },
      ctx.clock().toISOString(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    // A renamed unit keeps answering to its old name: imports of older lists still resolve.
    const keptOldName = name !== before.name && !aliases.includes(before.name) ? [before.name] : [];
    await replaceAliases(trx, id, [...aliases, ...keptOldName]);
    const after = presentUnit((await findUnit(trx, id))!);
    await audit(ctx, trx, actor, {
      action: body.name && body.name !== before.name ? 'unit.rename' : 'unit.update',
      entity: 'unit',
      entityId: id,
      before: presentUnit(before),
      after,
    });
    return after;
  });
}

/** Other modules move their references to a unit when it is merged (e.g. item assignments). */
export type UnitMergeHandler = (trx: Transaction<DB>, fromUnitId: number, toUnitId: number) => Promise<void>;
const mergeHandlers: UnitMergeHandler[] = [];
export function registerUnitMergeHandler(handler: UnitMergeHandler): void {
  if (!mergeHandlers.includes(handler)) mergeHandlers.push(handler);
}

export async function mergeUnit(ctx: AppContext, actor: Actor, id: number, intoUnitId: number, version: number): Promise<UnitView> {
  if (id === intoUnitId)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.intoUnitId', message: '不能合并到自身 / cannot merge a unit into itself' }]);
  return withTransaction(ctx.db, async (trx) => {
    const from = await loadForWrite(trx, id, version);
    const into = await findUnit(trx, intoUnitId);
    if (!into || into.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.intoUnitId', message: '目标单位不存在或已撤销 / target unit not found or retired' },
      ]);
    if (from.status !== 'active') throw new AppError('UNIT_RETIRED');
    if (from.kind === 'city')
      throw new AppError('VALIDATION_FAILED', [{ path: 'params.id', message: '不能合并市级单位 / the city cannot be merged' }]);
    const at = ctx.clock().toISOString();
    await moveUsers(trx, id, intoUnitId);
    for (const h of mergeHandlers) await h(trx, id, intoUnitId);
    // The merged unit's name and aliases now lead to the unit it joined.
    await replaceAliases(trx, id, []);
    await replaceAliases(trx, intoUnitId, [...into.aliases, ...from.aliases.filter((a) => !into.aliases.includes(a)), from.name]);
    await reparentChildren(trx, id, intoUnitId);
    const ok = await updateUnitVersioned(trx, id, version, { status: 'retired', merged_into_id: intoUnitId }, at);
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = presentUnit((await findUnit(trx, intoUnitId))!);
    await audit(ctx, trx, actor, {
      action: 'unit.merge',
      entity: 'unit',
      entityId: id,
      before: presentUnit(from),
      after: { mergedInto: after },
    });
    return after;
  });
}

export async function retireUnit(ctx: AppContext, actor: Actor, id: number, version: number): Promise<UnitView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await loadForWrite(trx, id, version);
    if (before.status !== 'active') throw new AppError('UNIT_RETIRED');
    if (before.kind === 'city')
      throw new AppError('VALIDATION_FAILED', [{ path: 'params.id', message: '不能撤销市级单位 / the city cannot be retired' }]);
    const children = await countChildren(trx, id);
    if (children)
      throw new AppError('UNIT_IN_USE', [
        { path: 'params.id', message: `仍有 ${children} 个下级单位 / still has ${children} child units` },
      ]);
    const ok = await updateUnitVersioned(trx, id, version, { status: 'retired' }, ctx.clock().toISOString());
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = presentUnit((await findUnit(trx, id))!);
    await audit(ctx, trx, actor, { action: 'unit.retire', entity: 'unit', entityId: id, before: presentUnit(before), after });
    return after;
  });
}

/** Deleting is only for a unit created by mistake: anything that refers to it blocks the delete. */
export async function deleteUnit(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findUnit(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.user_count > 0) {
      throw new AppError(
        'UNIT_IN_USE',
        [{ path: 'params.id', message: `该单位仍有 ${before.user_count} 个用户 / the unit still has ${before.user_count} users` }],
        {
          zh: `“${before.name}”仍有 ${before.user_count} 个用户，不能删除；可改为撤销`,
          en: `“${before.name}” still has ${before.user_count} users; retire it instead of deleting`,
        },
      );
    }
    try {
      await replaceAliases(trx, id, []);
      await deleteUnitRow(trx, id);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError('UNIT_IN_USE');
      throw err;
    }
    await audit(ctx, trx, actor, { action: 'unit.delete', entity: 'unit', entityId: id, before: presentUnit(before) });
  });
}
