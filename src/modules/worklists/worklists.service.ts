import type { Transaction, Updateable } from 'kysely';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import type {
  CreateItemBody,
  CreateWorklistBody,
  ItemDetailView,
  ItemKind,
  ItemQuery,
  ItemView,
  UpdateItemBody,
  UpdateWorklistBody,
  WorklistView,
} from '../../common/schemas/worklists.js';
import type { WorkCalendar } from '../../common/workdays.js';
import type { Actor, AppContext } from '../../context.js';
import { type ColumnTypes, bulkUpdateById } from '../../db/bulk.js';
import { type StampedCache, cacheFor, changeStamp } from '../../db/change-stamp.js';
import { itemPageCacheFor } from '../../db/item-changes.js';
import { type Database, type Executor, withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DB } from '../../db/schema.js';
import type { ItemTable } from './worklists.tables.js';
import { audit } from '../org/audit.service.js';
import { registerUnitMergeHandler } from '../org/units.service.js';
import { calendarOf, dueWithinRange, overdueBefore, today } from './deadlines.js';
import { permissionsFor } from './lifecycle.js';
import { newAssignments, tellAssigned, tellImportAssigned } from './notify.service.js';
import { listEvents, listEvidence, listExtensions, listNotes, listReports } from './progress.repository.js';
import { recordEvent, recordEvents } from './timeline.js';
import { loadVisibleItem, readScope, requireOffice } from './worklists.access.js';
import {
  presentEvent,
  presentEvidence,
  presentExtension,
  presentItem,
  presentNote,
  presentReport,
  presentWorklist,
} from './worklists.presenters.js';
import {
  type ItemValues,
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
  updateWorklistVersioned,
} from './worklists.repository.js';
import {
  type FindOrCreateListOptions,
  type ImportedItemRow,
  KIND_FIELDS,
  type KindField,
  type UpsertImportedItemsOptions,
  type UpsertImportedItemsResult,
} from './worklists.types.js';

// A merged unit's assignments (and reports, evidence, extensions) follow it into the unit it joined.
registerUnitMergeHandler((trx, from, to) => moveAssignments(trx, from, to));

// ---- lists ----

export async function listWorklists(ctx: AppContext, actor: Actor, kind?: ItemKind): Promise<WorklistView[]> {
  readScope(actor);
  return (await listWorklistRows(ctx.db, kind)).map(presentWorklist);
}

async function presentListById(db: Executor, id: number): Promise<WorklistView> {
  const row = (await listWorklistRows(db)).find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentWorklist(row);
}

export async function createWorklist(ctx: AppContext, actor: Actor, body: CreateWorklistBody): Promise<WorklistView> {
  requireOffice(actor);
  return withTransaction(ctx.db, async (trx) => {
    if (await findWorklistByName(trx, body.kind, body.name))
      throw new AppError('DUPLICATE_NAME', [{ path: 'body.name', message: `清单“${body.name}”已存在 / list exists` }]);
    const id = await insertWorklist(
      trx,
      { name: body.name, kind: body.kind, description: body.description ?? null },
      ctx.clock().toISOString(),
    );
    const created = await presentListById(trx, id);
    await audit(ctx, trx, actor, { action: 'worklist.create', entity: 'worklist', entityId: id, after: created });
    return created;
  });
}

export async function updateWorklist(ctx: AppContext, actor: Actor, id: number, body: UpdateWorklistBody): Promise<WorklistView> {
  requireOffice(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findWorklist(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    if (body.name && body.name !== before.name && (await findWorklistByName(trx, before.kind, body.name))) {
      throw new AppError('DUPLICATE_NAME', [{ path: 'body.name', message: `清单“${body.name}”已存在 / list exists` }]);
    }
    const ok = await updateWorklistVersioned(
      trx,
      id,
      body.version,
      { name: body.name ?? before.name, description: body.description === undefined ? before.description : body.description },
      ctx.clock().toISOString(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = await presentListById(trx, id);
    await audit(ctx, trx, actor, { action: 'worklist.update', entity: 'worklist', entityId: id, before, after });
    return after;
  });
}

/** Only an empty list can be deleted: items carry history that must not vanish by accident. */
export async function deleteWorklist(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  requireOffice(actor);
  await withTransaction(ctx.db, async (trx) => {
    const before = await findWorklist(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const n = await countItemsInList(trx, id);
    if (n > 0) throw new AppError('LIST_NOT_EMPTY', [{ path: 'params.id', message: `清单中有 ${n} 个事项 / the list has ${n} items` }]);
    await deleteWorklistRow(trx, id);
    await audit(ctx, trx, actor, { action: 'worklist.delete', entity: 'worklist', entityId: id, before });
  });
}

// ---- items: reading ----

/** Splits a keyword query into at most five terms; each must match (AND). */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '')
    .split(/[\s,，、]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 5);
}

export async function presentItems(
  db: Executor,
  rows: Parameters<typeof presentItem>[0][],
  day: string,
  cal?: WorkCalendar,
): Promise<ItemView[]> {
  const assignments = await listAssignments(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentItem(r, assignments, day, cal));
}

type ItemPage = { items: ItemView[]; total: number; page: number; pageSize: number };

/**
 * Listed pages by (scope, day, query). Sixty units' liaisons and the office open the same few
 * filtered views all day, while reports and comments keep arriving. On SQLite a page is dropped only
 * by a change that can alter it (src/db/item-changes.ts: a comment drops nothing, a report on one item
 * drops the pages showing it or filtering on status, closing it also the overdue views). On PostgreSQL an entry lives until this process
 * writes, or `STALE_MS` for other processes' writes (src/db/change-stamp.ts). The day is in the key
 * because "overdue" moves with it.
 */
const listCaches = new WeakMap<Database, StampedCache<string, ItemPage>>();

export async function listItems(ctx: AppContext, actor: Actor, q: ItemQuery): Promise<ItemPage> {
  const scope = readScope(actor);
  const day = today(ctx.clock);
  const key = JSON.stringify([scope.all ? null : scope.unitId, day, q]);
  const pages = itemPageCacheFor<ItemPage>(ctx.database);
  if (pages) {
    const byStatus = q.status !== undefined || ['status', 'percent', 'updatedAt'].includes(q.sort ?? '');
    const byClosed = q.overdue !== undefined || q.dueWithin !== undefined;
    const dependsOn = byStatus ? 'any' : byClosed ? 'closed' : 'none';
    return pages.get(key, async () => {
      const page = await loadItemPage(ctx, scope, day, q);
      return { value: page, itemIds: page.items.map((i) => i.id), dependsOn };
    });
  }
  const stamp = changeStamp(ctx.database);
  const cache = cacheFor(listCaches, ctx.database, 1_000);
  const cached = cache.get(key, stamp);
  if (cached) return cached;
  const page = await loadItemPage(ctx, scope, day, q);
  cache.set(key, page, stamp);
  return page;
}

async function loadItemPage(ctx: AppContext, scope: ReturnType<typeof readScope>, day: string, q: ItemQuery): Promise<ItemPage> {
  const cal = await calendarOf(ctx);
  const { rows, total } = await queryItems(
    ctx.db,
    {
      scopeUnitId: scope.all ? undefined : scope.unitId,
      kind: q.kind,
      listId: q.listId,
      area: q.area,
      unitId: q.unitId,
      role: q.role,
      status: q.status,
      stage: q.stage,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      overdueBefore: overdueBefore(day, cal),
      dueRange: q.dueWithin === undefined ? undefined : dueWithinRange(day, q.dueWithin, cal),
      terms: searchTerms(q.q),
    },
    { sort: q.sort ?? 'code', order: q.order ?? 'asc' },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: await presentItems(ctx.db, rows, day, cal), total, page: q.page, pageSize: q.pageSize };
}

export async function getItemDetail(ctx: AppContext, actor: Actor, id: number): Promise<ItemDetailView> {
  return itemDetailIn(ctx, actor, id, ctx.db, await calendarOf(ctx));
}

/**
 * The item as the caller sees it, read through `db` (a write's own transaction). The calendar is
 * loaded by the caller before the transaction opens: on SQLite a second query outside the
 * transaction would wait for it forever.
 */
export async function itemDetailIn(ctx: AppContext, actor: Actor, id: number, db: Executor, cal: WorkCalendar): Promise<ItemDetailView> {
  const loaded = await loadVisibleItem(db, actor, id);
  const day = today(ctx.clock);
  const [publicity, notes, reports, evidence, extensions, events] = await Promise.all([
    listPublicity(db, id),
    listNotes(db, id),
    listReports(db, id),
    listEvidence(db, id),
    listExtensions(db, id),
    listEvents(db, id),
  ]);
  const can = permissionsFor(actor, loaded, {
    pendingHeadForMyUnit: reports.some((r) => r.status === 'pending_head' && r.unit_id === actor.unitId),
    pendingExtension: extensions.some((x) => x.status === 'pending'),
  });
  return {
    ...presentItem(loaded.item, loaded.assignments, day, cal),
    publicity: publicity.map((p) => ({ level: p.level as 'national', outlet: p.outlet, date: p.date, link: p.link })),
    instructions: notes.filter((n) => n.kind === 'instruction').map(presentNote),
    comments: notes.filter((n) => n.kind === 'comment').map(presentNote),
    reports: reports.map((r) => presentReport(r, evidence)),
    evidence: evidence.map(presentEvidence),
    extensions: extensions.map(presentExtension),
    timeline: events.map(presentEvent),
    can,
  };
}

// ---- items: writing ----

type KindFields = Pick<CreateItemBody, KindField>;

/** Kind-specific fields as columns; a field of another kind is a located error, not silently dropped. */
function kindColumns(kind: ItemKind, body: KindFields & { publicity?: unknown }, rowLabel = 'body'): Updateable<ItemTable> {
  const out: Record<string, unknown> = {};
  const details: ErrorDetail[] = [];
  for (const [field, spec] of Object.entries(KIND_FIELDS) as [KindField, (typeof KIND_FIELDS)[KindField]][]) {
    const v = body[field];
    if (v === undefined) continue;
    if (spec.kind !== kind && v !== null)
      details.push({ path: `${rowLabel}.${field}`, message: `该字段仅适用于${spec.kind}类事项 / only for ${spec.kind} items` });
    else out[spec.column] = v;
  }
  if (body.publicity !== undefined && kind !== 'case')
    details.push({ path: `${rowLabel}.publicity`, message: '宣传记录仅适用于典型案例 / publicity is for cases only' });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
  return out as Updateable<ItemTable>;
}

async function assertUnits(trx: Executor, lead: number[], coop: number[]): Promise<{ lead: number[]; coop: number[] }> {
  const leadIds = [...new Set(lead)];
  const coopIds = [...new Set(coop)].filter((id) => !leadIds.includes(id));
  const active = new Set(await findActiveUnitIds(trx, [...leadIds, ...coopIds]));
  const details: ErrorDetail[] = [];
  for (const [path, ids] of [
    ['body.leadUnitIds', leadIds],
    ['body.coopUnitIds', coopIds],
  ] as const) {
    for (const id of ids)
      if (!active.has(id)) details.push({ path, message: `单位 ${id} 不存在或已撤销 / unit ${id} not found or retired` });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
  return { lead: leadIds, coop: coopIds };
}

function assignmentRows(itemId: number, u: { lead: number[]; coop: number[] }) {
  return [
    ...u.lead.map((unit_id) => ({ item_id: itemId, unit_id, role: 'lead' })),
    ...u.coop.map((unit_id) => ({ item_id: itemId, unit_id, role: 'coop' })),
  ];
}

function duplicateCode(code: string): AppError {
  return new AppError('DUPLICATE_CODE', [{ path: 'body.code', message: `序号“${code}”在该清单中已存在 / code exists in this list` }]);
}

/**
 * An item saved with a past deadline is overdue from its first day; that must be a decision, not a
 * typo. Refuses, located, every deadline before `day` unless the caller confirmed them.
 */
export function assertDeadlinesConfirmed(
  deadlines: { path: string; deadline: string | null | undefined }[],
  day: string,
  confirmed: boolean | undefined,
): void {
  if (confirmed) return;
  const past = deadlines.filter((d): d is { path: string; deadline: string } => Boolean(d.deadline) && d.deadline! < day);
  if (!past.length) return;
  throw new AppError(
    'DEADLINE_IN_PAST',
    past.map(({ path, deadline }) => ({
      path,
      message: `完成时限 ${deadline} 早于今天 ${day}，确认无误后再保存 / ${deadline} is before today ${day}; resend with confirmPastDeadline: true`,
    })),
  );
}

function assertDeadlineConfirmed(deadline: string | null | undefined, day: string, confirmed: boolean | undefined): void {
  assertDeadlinesConfirmed([{ path: 'body.deadline', deadline }], day, confirmed);
}

export async function createItem(ctx: AppContext, actor: Actor, body: CreateItemBody): Promise<ItemDetailView> {
  const create = await itemCreator(ctx, actor);
  return withTransaction(ctx.db, (trx) => create(trx, body));
}

/**
 * Item creation inside the caller's transaction, so a module that records something together with
 * the item (e.g. a campaign problem) keeps both or neither. Call it before opening the transaction:
 * it reads the work calendar through the pool, which on SQLite would wait on the open transaction.
 */
export async function itemCreator(
  ctx: AppContext,
  actor: Actor,
): Promise<(trx: Transaction<DB>, body: CreateItemBody) => Promise<ItemDetailView>> {
  requireOffice(actor);
  const cal = await calendarOf(ctx);
  return async (trx, body) => {
    assertDeadlineConfirmed(body.deadline, today(ctx.clock), body.confirmPastDeadline);
    const list = await findWorklist(trx, body.listId);
    if (!list) throw new AppError('VALIDATION_FAILED', [{ path: 'body.listId', message: '清单不存在 / list not found' }]);
    const kind = list.kind as ItemKind;
    const extra = kindColumns(kind, body);
    const units = await assertUnits(trx, body.leadUnitIds, body.coopUnitIds ?? []);
    const at = ctx.clock().toISOString();
    let id: number;
    try {
      [id] = await insertItems(trx, [
        {
          ...extra,
          list_id: list.id,
          kind,
          code: body.code,
          sort_order: (await maxSortOrder(trx, list.id)) + 1,
          area: body.area ?? null,
          content: body.content,
          measures: body.measures ?? null,
          deadline: body.deadline ?? null,
          ongoing: body.ongoing ? 1 : 0,
          status: 'not_started',
          percent: 0,
          tags_json: JSON.stringify(body.tags ?? []),
          created_at: at,
          updated_at: at,
        } as ItemValues,
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(body.code);
      throw err;
    }
    await replaceAssignments(trx, [id], assignmentRows(id, units));
    if (body.publicity)
      await replacePublicity(
        trx,
        id,
        body.publicity.map((p) => ({ level: p.level, outlet: p.outlet, date: p.date ?? null, link: p.link ?? null })),
      );
    await recordEvent(ctx, trx, actor, id, 'created', { code: body.code, leadUnitIds: units.lead, coopUnitIds: units.coop });
    const ref = { id, code: body.code, content: body.content, list_name: list.name, deadline: body.deadline ?? null };
    await tellAssigned(ctx, trx, ref, newAssignments([], assignmentRows(id, units)));
    const created = await itemDetailIn(ctx, actor, id, trx, cal);
    await audit(ctx, trx, actor, { action: 'item.create', entity: 'item', entityId: id, after: { ...created, timeline: undefined } });
    return created;
  };
}

export async function updateItem(ctx: AppContext, actor: Actor, id: number, body: UpdateItemBody): Promise<ItemDetailView> {
  requireOffice(actor);
  const cal = await calendarOf(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findItem(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    if (body.deadline !== before.deadline) assertDeadlineConfirmed(body.deadline, today(ctx.clock), body.confirmPastDeadline);
    const kind = before.kind as ItemKind;
    const set: Updateable<ItemTable> = { ...kindColumns(kind, body) };
    const plain = { code: 'code', area: 'area', content: 'content', measures: 'measures', deadline: 'deadline' } as const;
    for (const [field, column] of Object.entries(plain) as [keyof typeof plain, keyof ItemTable][]) {
      if (body[field] !== undefined) (set as Record<string, unknown>)[column] = body[field];
    }
    if (body.ongoing !== undefined) set.ongoing = body.ongoing ? 1 : 0;
    if (body.tags !== undefined) set.tags_json = JSON.stringify(body.tags);
    const changed = Object.keys(set).filter((k) => (before as Record<string, unknown>)[k] !== (set as Record<string, unknown>)[k]);
    try {
      const ok = await updateItemVersioned(trx, id, body.version, set, ctx.clock().toISOString());
      if (!ok) throw new AppError('VERSION_CONFLICT');
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode(body.code ?? before.code);
      throw err;
    }
    const beforeAssignments = await listAssignments(trx, [id]);
    if (body.leadUnitIds || body.coopUnitIds) {
      const units = await assertUnits(
        trx,
        body.leadUnitIds ?? beforeAssignments.filter((a) => a.role === 'lead').map((a) => a.unit_id),
        body.coopUnitIds ?? beforeAssignments.filter((a) => a.role === 'coop').map((a) => a.unit_id),
      );
      await replaceAssignments(trx, [id], assignmentRows(id, units));
      await recordEvent(ctx, trx, actor, id, 'assigned', { leadUnitIds: units.lead, coopUnitIds: units.coop });
      const item = (await findItem(trx, id))!;
      await tellAssigned(ctx, trx, item, newAssignments(beforeAssignments, assignmentRows(id, units)));
    }
    if (body.publicity) {
      await replacePublicity(
        trx,
        id,
        body.publicity.map((p) => ({ level: p.level, outlet: p.outlet, date: p.date ?? null, link: p.link ?? null })),
      );
      changed.push('publicity');
    }
    // The previous deadline lets a past month's bulletin be rebuilt as it stood.
    const deadlineChange = set.deadline !== undefined ? { deadline: set.deadline, previousDeadline: before.deadline } : {};
    if (changed.length) await recordEvent(ctx, trx, actor, id, 'updated', { fields: changed, ...deadlineChange });
    const after = await itemDetailIn(ctx, actor, id, trx, cal);
    await audit(ctx, trx, actor, {
      action: 'item.update',
      entity: 'item',
      entityId: id,
      before: { ...before, assignments: beforeAssignments },
      after: { ...after, timeline: undefined },
    });
    return after;
  });
}

// ---- the importer's contract ----

/** The list of that kind and name, created when missing (inside the importer's transaction). */
export async function findOrCreateList(
  ctx: AppContext,
  actor: Actor,
  trx: Transaction<DB>,
  opts: FindOrCreateListOptions,
): Promise<{ id: number; name: string; kind: ItemKind; created: boolean }> {
  const found = await findWorklistByName(trx, opts.kind, opts.name);
  if (found) return { id: found.id, name: found.name, kind: opts.kind, created: false };
  const id = await insertWorklist(trx, { name: opts.name, kind: opts.kind, description: null }, ctx.clock().toISOString());
  await audit(ctx, trx, actor, {
    action: 'worklist.create',
    entity: 'worklist',
    entityId: id,
    after: { name: opts.name, kind: opts.kind, via: 'import' },
  });
  return { id, name: opts.name, kind: opts.kind, created: true };
}

/** The item columns an import sets, typed for a bulk UPDATE on PostgreSQL. */
const IMPORTED_COLUMN_TYPES: ColumnTypes = {
  area: 'text',
  content: 'text',
  measures: 'text',
  deadline: 'text',
  ongoing: 'integer',
  sort_order: 'integer',
  tags_json: 'text',
  source_evaluation: 'text',
  rectification: 'text',
  level: 'text',
  max_score: 'real',
  self_score: 'real',
  scoring_rule: 'text',
  stage: 'text',
  updated_at: 'text',
};

function importedColumns(kind: ItemKind, r: ImportedItemRow): Updateable<ItemTable> {
  const set: Updateable<ItemTable> = {
    area: r.area,
    content: r.content,
    measures: r.measures,
    deadline: r.deadline,
    ongoing: r.ongoing ? 1 : 0,
    sort_order: r.row,
    ...kindColumns(kind, r, `row ${r.row}`),
  };
  if (r.tags !== undefined) set.tags_json = JSON.stringify(r.tags);
  return set;
}

/**
 * Writes validated rows of an imported workbook into a list, inside the importer's transaction:
 * an item whose code is already in the list is updated (re-import never duplicates), others are
 * created; each item's assignments become the row's lead/coop units. Status, reports and history
 * stay; every item gets an `imported` timeline event and the import one audit row.
 */
export async function upsertImportedItems(
  ctx: AppContext,
  actor: Actor,
  trx: Transaction<DB>,
  opts: UpsertImportedItemsOptions,
): Promise<UpsertImportedItemsResult> {
  const list = await findWorklist(trx, opts.listId);
  if (!list) throw new AppError('NOT_FOUND', [{ path: 'listId', message: '清单不存在 / list not found' }]);
  if (list.kind !== opts.kind)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'kind', message: `清单“${list.name}”的类型是 ${list.kind} / the list is of kind ${list.kind}` },
    ]);
  const seen = new Map<string, number>();
  const details: ErrorDetail[] = [];
  for (const r of opts.rows) {
    if (seen.has(r.code))
      details.push({ row: r.row, column: 'code', message: `序号“${r.code}”与第 ${seen.get(r.code)} 行重复 / duplicate code` });
    seen.set(r.code, r.row);
  }
  const allUnits = [...new Set(opts.rows.flatMap((r) => [...r.leadUnitIds, ...r.coopUnitIds]))];
  const active = new Set(await findActiveUnitIds(trx, allUnits));
  for (const r of opts.rows) {
    if (!r.leadUnitIds.length) details.push({ row: r.row, column: 'lead', message: '缺少牵头单位 / no lead unit' });
    for (const u of [...r.leadUnitIds, ...r.coopUnitIds])
      if (!active.has(u)) details.push({ row: r.row, column: 'units', message: `单位 ${u} 不存在或已撤销 / unit not found` });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', details);

  const at = ctx.clock().toISOString();
  // One query for the codes already in the list; the writes go in bulk statements (db/bulk.ts).
  const existing = await findItemIdsByCode(trx, list.id);
  const fresh = opts.rows.filter((r) => !existing.has(r.code));
  const freshIds = await insertItems(
    trx,
    // Object.assign, not `{ ...spread, more }`: V8 gives every object of that pattern its own shape (~20 µs a row).
    fresh.map(
      (r) =>
        Object.assign(importedColumns(opts.kind, r), {
          list_id: list.id,
          kind: opts.kind,
          code: r.code,
          status: 'not_started',
          percent: 0,
          tags_json: JSON.stringify(r.tags ?? []),
          created_at: at,
          updated_at: at,
        }) as ItemValues,
    ),
  );
  const idByCode = new Map(fresh.map((r, i) => [r.code, freshIds[i]]));
  const updated = opts.rows.filter((r) => existing.has(r.code));
  await bulkUpdateById(
    trx,
    'item',
    updated.map((r) => Object.assign({ id: existing.get(r.code)! }, importedColumns(opts.kind, r), { updated_at: at })),
    { types: IMPORTED_COLUMN_TYPES, increment: ['version'] },
  );
  for (const r of updated) idByCode.set(r.code, existing.get(r.code)!);
  const itemIds = opts.rows.map((r) => idByCode.get(r.code)!);
  const assignmentsBefore = await listAssignments(
    trx,
    updated.map((r) => existing.get(r.code)!),
  );
  const assignments = opts.rows.flatMap((r, i) =>
    assignmentRows(itemIds[i], {
      lead: [...new Set(r.leadUnitIds)],
      coop: [...new Set(r.coopUnitIds)].filter((u) => !r.leadUnitIds.includes(u)),
    }),
  );
  await replaceAssignments(
    trx,
    updated.map((r) => existing.get(r.code)!),
    assignments,
  );
  // A re-import tells a unit only of what is new to it (an item, or a changed role on one).
  await tellImportAssigned(ctx, trx, list, newAssignments(assignmentsBefore, assignments));
  await recordEvents(
    ctx,
    trx,
    actor,
    opts.rows.map((r, i) => ({
      itemId: itemIds[i],
      type: 'imported' as const,
      data: { row: r.row, list: list.name, created: !existing.has(r.code) },
    })),
  );
  const result = { created: fresh.length, updated: opts.rows.length - fresh.length, itemIds };
  await audit(ctx, trx, actor, {
    action: 'item.import',
    entity: 'worklist',
    entityId: list.id,
    after: { list: list.name, kind: opts.kind, created: result.created, updated: result.updated },
  });
  return result;
}
