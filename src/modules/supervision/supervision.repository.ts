import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type PageRequest, paged } from '../../db/paged.js';
import type { BulletinTable, SupervisionNoticeTable, WeeklySnapshotRowTable } from './supervision.tables.js';

/**
 * Every query of the supervision module. Item tables are read here for aggregates only; items are written
 * through the worklists service.
 */

// ---- settings ----

export function findSetting(db: Executor, key: string) {
  return db.selectFrom('supervision_setting').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Inserts the first value, or updates when the stored version matches; false on a concurrent change. */
export async function saveSetting(db: Executor, key: string, valueJson: string, version: number, at: string): Promise<boolean> {
  const existing = await findSetting(db, key);
  if (!existing) {
    if (version !== 1) return false;
    await db.insertInto('supervision_setting').values({ key, value_json: valueJson, version: 2, updated_at: at }).execute();
    return true;
  }
  const r = await db
    .updateTable('supervision_setting')
    .set({ value_json: valueJson, version: sql<number>`version + 1`, updated_at: at })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- items as the supervision module sees them ----

export interface LeadItemRow {
  item_id: number;
  unit_id: number;
  code: string;
  content: string;
  list_id: number;
  list_name: string;
  kind: string;
  area: string | null;
  status: string;
  deadline: string | null;
  created_at: string;
  closed_at: string | null;
}

/** What the weekly figures need of a pair; `light` leaves out the texts. */
export type LeadItemFigures = Pick<LeadItemRow, 'item_id' | 'unit_id' | 'status' | 'deadline' | 'created_at'>;

/** Every (item, lead unit) pair; the unit of account of supervision. */
export function listLeadItems(db: Executor, f: { light: true }): Promise<LeadItemFigures[]>;
export function listLeadItems(
  db: Executor,
  f?: { openWithDeadline?: boolean; kind?: string | undefined; listId?: number | undefined },
): Promise<LeadItemRow[]>;
export function listLeadItems(
  db: Executor,
  f: { light?: boolean; openWithDeadline?: boolean; kind?: string | undefined; listId?: number | undefined } = {},
): Promise<LeadItemFigures[]> {
  if (f.light) {
    return db
      .selectFrom('item_assignment as a')
      .innerJoin('item as i', 'i.id', 'a.item_id')
      .select(['a.item_id', 'a.unit_id', 'i.status', 'i.deadline', 'i.created_at'])
      .where('a.role', '=', 'lead')
      .execute();
  }
  let q = db
    .selectFrom('item_assignment as a')
    .innerJoin('item as i', 'i.id', 'a.item_id')
    .innerJoin('worklist as w', 'w.id', 'i.list_id')
    .select([
      'a.item_id',
      'a.unit_id',
      'i.code',
      'i.content',
      'i.list_id',
      'w.name as list_name',
      'i.kind',
      'i.area',
      'i.status',
      'i.deadline',
      'i.created_at',
      'i.closed_at',
    ])
    .where('a.role', '=', 'lead');
  if (f.openWithDeadline) q = q.where('i.status', '<>', 'closed').where('i.deadline', 'is not', null);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.listId) q = q.where('i.list_id', '=', f.listId);
  return q.orderBy('a.item_id').orderBy('a.unit_id').execute();
}

/** The latest report of each (item, unit) sent before `before` (default: any): staleness is measured from it. */
export async function lastReportAt(db: Executor, before?: string): Promise<Map<string, string>> {
  let q = db.selectFrom('item_report').select(['item_id', 'unit_id', (eb) => eb.fn.max<string>('created_at').as('last')]);
  if (before) q = q.where('created_at', '<', before);
  const rows = await q.groupBy(['item_id', 'unit_id']).execute();
  return new Map(rows.map((r) => [`${r.item_id}:${r.unit_id}`, r.last]));
}

/** Reports sent in [from, to) with the deadline their item had: for "reports late". */
export function reportsBetween(db: Executor, from: string, to: string) {
  return db
    .selectFrom('item_report as r')
    .innerJoin('item as i', 'i.id', 'r.item_id')
    .select(['r.unit_id', 'r.item_id', 'r.created_at', 'i.deadline'])
    .where('r.created_at', '>=', from)
    .where('r.created_at', '<', to)
    .execute();
}

/** Reports the office returned in [from, to), counted against the reporting unit. */
export function returnsBetween(db: Executor, from: string, to: string) {
  return db
    .selectFrom('item_report')
    .select(['unit_id', 'item_id'])
    .where('status', '=', 'office_returned')
    .where('updated_at', '>=', from)
    .where('updated_at', '<', to)
    .execute();
}

export function listActiveUnits(db: Executor) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'sort_order'])
    .where('status', '=', 'active')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function unitNames(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([] as { id: number; name: string }[]);
  return db.selectFrom('unit').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function recentInstructions(db: Executor, limit: number) {
  return db
    .selectFrom('item_note as n')
    .innerJoin('item as i', 'i.id', 'n.item_id')
    .leftJoin('app_user as u', 'u.id', 'n.author_id')
    .select(['n.item_id', 'i.code', 'i.content', 'n.text', 'n.created_at', 'u.display_name as author'])
    .where('n.kind', '=', 'instruction')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** The timeline events that change an item's status or deadline, in order: to rebuild a past month. */
export function listHistoryEvents(db: Executor) {
  const types = [
    'reported',
    'started',
    'accepted',
    'reopened',
    'head_approved',
    'head_returned',
    'returned',
    'closed',
    'extension_approved',
    'updated',
  ];
  return db
    .selectFrom('item_event')
    .select(['id', 'item_id', 'at', 'type', 'data_json'])
    .where('type', 'in', types)
    .orderBy('item_id')
    .orderBy('id')
    .execute();
}

// ---- notices (the escalation ladder) ----

export type NoticeRow = Selectable<SupervisionNoticeTable>;

/** Records a step unless it already fired for that deadline; returns the new id or null. */
export async function insertNoticeOnce(db: Executor, v: Omit<Insertable<SupervisionNoticeTable>, 'id'>): Promise<number | null> {
  const r = await db
    .insertInto('supervision_notice')
    .values(v)
    .onConflict((oc) => oc.columns(['item_id', 'unit_id', 'kind', 'offset_days', 'deadline']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Steps already fired and the day each fired, keyed item:unit:kind:offset:deadline. */
export async function firedStepKeys(db: Executor, itemIds: number[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const rows = await db
      .selectFrom('supervision_notice')
      .select(['item_id', 'unit_id', 'kind', 'offset_days', 'deadline', 'due_on'])
      .where('item_id', 'in', itemIds.slice(i, i + 500))
      .execute();
    for (const r of rows) keys.set(`${r.item_id}:${r.unit_id}:${r.kind}:${r.offset_days}:${r.deadline}`, r.due_on);
  }
  return keys;
}

export async function countNoticesInYear(db: Executor, year: string): Promise<number> {
  const r = await db
    .selectFrom('supervision_notice')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'notice')
    .where('due_on', 'like', `${year}-%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NoticeFilter {
  unitId?: number | undefined;
  kind?: string | undefined;
  itemId?: number | undefined;
  status?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

function noticeQuery(db: Executor, f: NoticeFilter) {
  let q = db
    .selectFrom('supervision_notice as n')
    .innerJoin('item as i', 'i.id', 'n.item_id')
    .innerJoin('worklist as w', 'w.id', 'i.list_id')
    .innerJoin('unit as u', 'u.id', 'n.unit_id');
  if (f.unitId !== undefined) q = q.where('n.unit_id', '=', f.unitId);
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.itemId) q = q.where('n.item_id', '=', f.itemId);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.dueFrom) q = q.where('n.due_on', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('n.due_on', '<=', f.dueTo);
  return q;
}

export async function listNotices(db: Executor, f: NoticeFilter, page?: PageRequest) {
  return paged(
    noticeQuery(db, f)
      .selectAll('n')
      .select(['i.code', 'i.content', 'w.name as list_name', 'u.name as unit_name'])
      .orderBy('n.due_on', 'desc')
      .orderBy('n.id', 'desc'),
    page,
  );
}
export type NoticeListRow = Awaited<ReturnType<typeof listNotices>>['rows'][number];

export async function findNotice(db: Executor, id: number): Promise<NoticeListRow | undefined> {
  return noticeQuery(db, {})
    .selectAll('n')
    .select(['i.code', 'i.content', 'w.name as list_name', 'u.name as unit_name'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export async function replyToNotice(db: Executor, id: number, v: { text: string; by: number | null; at: string }): Promise<boolean> {
  const r = await db
    .updateTable('supervision_notice')
    .set({ reply_text: v.text, replied_by: v.by, replied_at: v.at, status: 'replied' })
    .where('id', '=', id)
    .where('status', '=', 'awaiting_reply')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The fired ladder steps of items not yet closed, one row per step: the cockpit counts, per item,
 * the highest step reached (an open escalation) and the notices still awaiting a reply.
 */
export async function openItemSteps(db: Executor): Promise<{ item_id: number; kind: string; status: string }[]> {
  return db
    .selectFrom('supervision_notice as n')
    .innerJoin('item as i', 'i.id', 'n.item_id')
    .select(['n.item_id', 'n.kind', 'n.status'])
    .where('i.status', '!=', 'closed')
    .execute();
}

export async function countNoticesByKind(db: Executor, from: string, to: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('supervision_notice')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

// ---- weekly snapshots ----

export type SnapshotRowRow = Selectable<WeeklySnapshotRowTable>;

export async function insertSnapshot(
  db: Executor,
  s: { week_of: string; taken_at: string; score_json: string; totals_json: string },
  rows: Omit<Insertable<WeeklySnapshotRowTable>, 'id' | 'snapshot_id'>[],
): Promise<number> {
  const { id } = await db.insertInto('weekly_snapshot').values(s).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('weekly_snapshot_row')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, snapshot_id: id })))
      .execute();
  return id;
}

export function findSnapshot(db: Executor, by: { id: number } | { weekOf: string } | 'latest') {
  let q = db.selectFrom('weekly_snapshot').selectAll();
  if (by === 'latest') q = q.orderBy('week_of', 'desc').limit(1);
  else if ('id' in by) q = q.where('id', '=', by.id);
  else q = q.where('week_of', '=', by.weekOf);
  return q.executeTakeFirst();
}

export function findSnapshotBefore(db: Executor, weekOf: string) {
  return db.selectFrom('weekly_snapshot').selectAll().where('week_of', '<', weekOf).orderBy('week_of', 'desc').limit(1).executeTakeFirst();
}

export function listSnapshots(db: Executor, limit: number) {
  return db.selectFrom('weekly_snapshot').selectAll().orderBy('week_of', 'desc').limit(limit).execute();
}

export function listSnapshotRows(db: Executor, snapshotId: number, unitId?: number) {
  let q = db.selectFrom('weekly_snapshot_row').selectAll().where('snapshot_id', '=', snapshotId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  return q.orderBy('rank').orderBy('id').execute();
}

// ---- bulletins ----

export type BulletinRow = Selectable<BulletinTable> & { published_by_name: string | null };

function bulletinQuery(db: Executor) {
  return db
    .selectFrom('bulletin as b')
    .leftJoin('app_user as u', 'u.id', 'b.published_by')
    .selectAll('b')
    .select('u.display_name as published_by_name');
}

export function findBulletin(db: Executor, by: { id: number } | { month: string }): Promise<BulletinRow | undefined> {
  const q = bulletinQuery(db);
  return ('id' in by ? q.where('b.id', '=', by.id) : q.where('b.month', '=', by.month)).executeTakeFirst();
}

export function listBulletins(db: Executor) {
  return bulletinQuery(db).orderBy('b.month', 'desc').execute();
}

export async function insertBulletin(db: Executor, v: Omit<Insertable<BulletinTable>, 'id' | 'version'>): Promise<number> {
  const r = await db.insertInto('bulletin').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a bulletin only while it is a draft at the given version; false otherwise. */
export async function updateDraftBulletin(
  db: Executor,
  id: number,
  version: number,
  set: Partial<Omit<Selectable<BulletinTable>, 'id' | 'version'>>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('bulletin')
    .set({ ...set, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- dispatch meetings ----

export async function insertMeeting(
  db: Executor,
  v: { date: string; type: string; title: string; chair: string; topics_json: string; created_by: number | null; at: string },
  unitIds: number[],
): Promise<number> {
  const { at, ...rest } = v;
  const { id } = await db
    .insertInto('dispatch_meeting')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (unitIds.length)
    await db
      .insertInto('dispatch_meeting_unit')
      .values(unitIds.map((unit_id) => ({ meeting_id: id, unit_id })))
      .execute();
  return id;
}

export async function insertDecisions(db: Executor, meetingId: number, itemIds: number[], startOrder: number): Promise<void> {
  if (itemIds.length)
    await db
      .insertInto('dispatch_decision')
      .values(itemIds.map((item_id, i) => ({ meeting_id: meetingId, item_id, sort_order: startOrder + i })))
      .execute();
}

export function findMeeting(db: Executor, id: number) {
  return db.selectFrom('dispatch_meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMeetings(db: Executor, f: { from?: string | undefined; to?: string | undefined; type?: string | undefined }) {
  let q = db.selectFrom('dispatch_meeting').selectAll();
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.type) q = q.where('type', '=', f.type);
  return q.orderBy('date', 'desc').orderBy('id', 'desc').execute();
}

export function listMeetingUnits(db: Executor, meetingId: number) {
  return db
    .selectFrom('dispatch_meeting_unit as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .select(['u.id', 'u.name'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('u.sort_order')
    .execute();
}

/** Decisions with their items' state; meetingIds empty means none. */
export function listDecisionItems(db: Executor, meetingIds: number[]) {
  if (!meetingIds.length) return Promise.resolve([]);
  return db
    .selectFrom('dispatch_decision as d')
    .innerJoin('item as i', 'i.id', 'd.item_id')
    .innerJoin('worklist as w', 'w.id', 'i.list_id')
    .selectAll('i')
    .select(['d.meeting_id', 'd.sort_order as decision_order', 'w.name as list_name'])
    .where('d.meeting_id', 'in', meetingIds)
    .orderBy('d.meeting_id')
    .orderBy('d.sort_order')
    .execute();
}

export async function maxDecisionOrder(db: Executor, meetingId: number): Promise<number> {
  const r = await db
    .selectFrom('dispatch_decision')
    .select((eb) => eb.fn.max<number>('sort_order').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}
