import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import { paged } from '../../db/paged.js';
import type { DemandTable } from './demands.tables.js';

export type DemandRow = Selectable<DemandTable>;

/** One ticket page: filters already decided by the service (scope included). */
export interface DemandFilter {
  unitId?: number | undefined;
  uscc?: string | undefined;
  createdBy?: number | undefined;
  status?: string | undefined;
  type?: string | undefined;
  channel?: string | undefined;
  overdueAt?: string | undefined;
  q?: string | undefined;
}

export async function listDemands(db: Executor, f: DemandFilter, page: { page: number; pageSize: number }) {
  let q = db.selectFrom('demand').selectAll();
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.uscc !== undefined || f.createdBy !== undefined) {
    q = q.where((eb) =>
      eb.or([...(f.uscc ? [eb('uscc', '=', f.uscc)] : []), ...(f.createdBy ? [eb('created_by', '=', f.createdBy)] : [])]),
    );
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.overdueAt) q = q.where('status', 'in', ['dispatched', 'in_progress', 'sent_back']).where('due_at', '<', f.overdueAt);
  // A ticket number, a credit code or part of an enterprise's name: what the caller can tell the
  // seat. The first two are looked up by index; only a name is searched through the rows.
  if (f.q) {
    const upper = f.q.toUpperCase();
    if (/^QY\d{14}$/.test(upper)) q = q.where('code', '=', upper);
    else if (/^[0-9A-Z]{18}$/.test(upper)) q = q.where('uscc', '=', upper);
    else q = q.where(likeContains('enterprise_name', f.q));
  }
  // The overdue list is read most-overdue first.
  if (f.overdueAt) return paged(q.orderBy('due_at').orderBy('id'), page);
  return paged(q.orderBy('received_at', 'desc').orderBy('id', 'desc'), page);
}

export function findDemand(db: Executor, id: number) {
  return db.selectFrom('demand').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDemandBy(
  db: Executor,
  column: 'idempotency_key' | 'external_code' | 'rating_code_hash' | 'open311_token' | 'code',
  value: string,
) {
  return db.selectFrom('demand').selectAll().where(column, '=', value).executeTakeFirst();
}

export async function insertDemand(db: Executor, values: Insertable<DemandTable>): Promise<number> {
  return (await db.insertInto('demand').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Many tickets at once (the benchmark's generated year), in chunks the SQL parameter limits allow. */
export async function insertDemands(db: Executor, rows: Insertable<DemandTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('demand')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Updates a ticket if it is still at `version`; false when someone else changed it first. */
export async function updateDemand(db: Executor, id: number, version: number, set: Updateable<DemandTable>): Promise<boolean> {
  const r = await db
    .updateTable('demand')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setDemandCode(db: Executor, id: number, code: string) {
  await db.updateTable('demand').set({ code }).where('id', '=', id).execute();
}

export async function insertEvent(
  db: Executor,
  e: {
    demand_id: number;
    action: string;
    actor_id: number | null;
    actor_name: string;
    unit_id: number | null;
    note: string | null;
    at: string;
  },
) {
  await db.insertInto('demand_event').values(e).execute();
}

export function listEvents(db: Executor, demandId: number) {
  return db.selectFrom('demand_event').selectAll().where('demand_id', '=', demandId).orderBy('id').execute();
}

/** Open tickets of the last days from the same enterprise or phone: the candidates of the duplicate check. */
export function recentFromSame(
  db: Executor,
  by: { uscc?: string | null | undefined; phone?: string | null | undefined },
  since: string,
  exceptId: number | null,
) {
  if (!by.uscc && !by.phone) return Promise.resolve([]);
  let q = db
    .selectFrom('demand')
    .select(['id', 'code', 'received_at', 'status', 'description'])
    .where('received_at', '>=', since)
    .where('status', '!=', 'merged')
    .where((eb) => eb.or([...(by.uscc ? [eb('uscc', '=', by.uscc)] : []), ...(by.phone ? [eb('contact_phone', '=', by.phone)] : [])]));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.orderBy('received_at', 'desc').limit(200).execute();
}

/** The tickets of the last days (merged ones excluded), newest first: the material of hot-issue grouping. */
export function recentTickets(db: Executor, since: string, limit: number) {
  return db
    .selectFrom('demand')
    .select(['id', 'code', 'subject_id', 'uscc', 'contact_phone', 'description', 'received_at'])
    .where('received_at', '>=', since)
    .where('status', '!=', 'merged')
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}

/** Open tickets whose deadline has passed and that nobody has been told about yet. */
export function overdueUnnotified(db: Executor, at: string) {
  return db
    .selectFrom('demand')
    .select(['id', 'code', 'unit_id', 'due_at'])
    .where('status', 'in', ['dispatched', 'in_progress', 'sent_back'])
    .where('due_at', '<', at)
    .where('overdue_notified', '=', 0)
    .limit(1000)
    .execute();
}

export async function markOverdueNotified(db: Executor, ids: number[]) {
  if (ids.length) await db.updateTable('demand').set({ overdue_notified: 1 }).where('id', 'in', ids).execute();
}

// — subjects, routing, deadlines —

export function listSubjects(db: Executor) {
  return db.selectFrom('demand_subject').selectAll().where('active', '=', 1).orderBy('sort_order').orderBy('id').execute();
}

export function findSubject(db: Executor, id: number) {
  return db.selectFrom('demand_subject').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
}

export async function insertSubject(db: Executor, v: { parent_id: number | null; name: string; sort_order: number }): Promise<number> {
  return (await db.insertInto('demand_subject').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export function listRouteRules(db: Executor) {
  return db.selectFrom('demand_route_rule').selectAll().orderBy('subject_id').orderBy('id').execute();
}

export async function insertRouteRule(
  db: Executor,
  v: { subject_id: number; county_code: string | null; unit_id: number; updated_at: string },
): Promise<number> {
  return (await db.insertInto('demand_route_rule').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export function findRouteRule(db: Executor, id: number) {
  return db.selectFrom('demand_route_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRouteRule(db: Executor, id: number) {
  await db.deleteFrom('demand_route_rule').where('id', '=', id).execute();
}

export function listDeadlines(db: Executor) {
  return db.selectFrom('demand_deadline').selectAll().execute();
}

export async function upsertDeadline(db: Executor, key: string, amount: number, at: string) {
  const r = await db
    .updateTable('demand_deadline')
    .set({ amount, updated_at: at, version: sql<number>`version + 1` })
    .where('key', '=', key)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('demand_deadline').values({ key, amount, updated_at: at }).execute();
}

// — ratings —

export async function insertRating(
  db: Executor,
  v: {
    demand_id: number | null;
    rating_code_id: number | null;
    unit_id: number;
    month: string;
    level: number;
    comment: string | null;
    code_hash: string | null;
    at: string;
  },
) {
  await db.insertInto('demand_rating').values(v).execute();
}

export function findRatingByCodeHash(db: Executor, hash: string) {
  return db.selectFrom('demand_rating').select(['id', 'demand_id']).where('code_hash', '=', hash).executeTakeFirst();
}

export function findRatingCode(db: Executor, code: string) {
  return db.selectFrom('demand_rating_code').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertRatingCode(
  db: Executor,
  v: { code: string; kind: string; name: string; unit_id: number; user_id: number | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('demand_rating_code').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export function listRatingCodes(db: Executor) {
  return db.selectFrom('demand_rating_code').selectAll().orderBy('id').execute();
}

// — knowledge base —

export function searchKnowledge(db: Executor, terms: string[], subjectId: number | undefined) {
  let q = db.selectFrom('demand_knowledge').selectAll();
  if (subjectId) q = q.where('subject_id', '=', subjectId);
  for (const t of terms) q = q.where((eb) => eb.or([likeContains('question', t), likeContains('keywords', t), likeContains('answer', t)]));
  return q.orderBy('id').limit(20).execute();
}

export function findKnowledge(db: Executor, id: number) {
  return db.selectFrom('demand_knowledge').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertKnowledge(
  db: Executor,
  v: { subject_id: number | null; question: string; answer: string; keywords: string; policy_id: number | null; updated_at: string },
): Promise<number> {
  return (await db.insertInto('demand_knowledge').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

// — figures —

const DIMENSION_COLUMN = {
  unit: 'unit_id',
  specialist: 'specialist_id',
  subject: 'subject_id',
  channel: 'channel',
  month: 'month',
} as const;

/** Counts behind the KPIs, one row per value of the dimension. Merged tickets are not counted twice. */
export function kpiCounts(db: Executor, by: keyof typeof DIMENSION_COLUMN, from: string | undefined, to: string | undefined) {
  const col = DIMENSION_COLUMN[by];
  let q = db
    .selectFrom('demand')
    .select([
      sql<string | number | null>`${sql.ref(col)}`.as('key'),
      sql<number>`count(*)`.as('tickets'),
      sql<number>`sum(case when dispatched_at is not null then 1 else 0 end)`.as('dispatched'),
      sql<number>`sum(case when signed_on_time = 1 then 1 else 0 end)`.as('signed_on_time'),
      sql<number>`sum(case when closed_at is not null then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when closed_at is not null and closed_on_time = 1 then 1 else 0 end)`.as('closed_on_time'),
      sql<number>`sum(first_contact)`.as('first_contact'),
      sql<number>`sum(case when answered_at is not null and first_contact = 0 then 1 else 0 end)`.as('answered'),
      sql<number>`sum(case when followed_up_at is not null then 1 else 0 end)`.as('followed_up'),
      sql<number>`sum(case when rating is not null then 1 else 0 end)`.as('rated'),
      sql<number>`sum(case when rating >= 3 then 1 else 0 end)`.as('satisfied'),
      sql<number>`sum(case when reopen_count > 0 then 1 else 0 end)`.as('reopened'),
      sql<number | null>`avg(handling_hours)`.as('avg_hours'),
    ])
    .where('status', '!=', 'merged');
  if (from) q = q.where('month', '>=', from);
  if (to) q = q.where('month', '<=', to);
  return q.groupBy(sql.ref(col)).orderBy(sql.ref(col)).execute();
}

/** Ratings per unit and month (tickets and in-person rating codes alike), for the public board. */
export function ratingsByUnitMonth(db: Executor, from: string) {
  return db
    .selectFrom('demand_rating')
    .select([
      'unit_id',
      'month',
      sql<number>`count(*)`.as('ratings'),
      sql<number>`sum(case when level >= 3 then 1 else 0 end)`.as('satisfied'),
    ])
    .where('month', '>=', from)
    .groupBy(['unit_id', 'month'])
    .execute();
}

export function closedByUnitMonth(db: Executor, from: string) {
  return db
    .selectFrom('demand')
    .select([
      'unit_id',
      'month',
      sql<number>`count(*)`.as('closed'),
      sql<number>`sum(case when closed_on_time = 1 then 1 else 0 end)`.as('on_time'),
    ])
    .where('month', '>=', from)
    .where('closed_at', 'is not', null)
    .where('unit_id', 'is not', null)
    .groupBy(['unit_id', 'month'])
    .execute();
}

// — key enterprises and visits —

export function keyEnterpriseOf(db: Executor, uscc: string) {
  return db.selectFrom('demand_key_enterprise').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function upsertKeyEnterprise(
  db: Executor,
  v: { uscc: string; specialist_id: number; chief_id: number | null; updated_at: string },
) {
  const r = await db.updateTable('demand_key_enterprise').set(v).where('uscc', '=', v.uscc).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('demand_key_enterprise').values(v).execute();
}

export async function insertVisit(
  db: Executor,
  v: { uscc: string; kind: string; visitor_id: number; visited_on: string; notes: string; created_at: string },
): Promise<number> {
  return (await db.insertInto('demand_visit').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

// — Open311 clients —

export function findClientByHash(db: Executor, hash: string) {
  return db.selectFrom('open311_client').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export function findClientByName(db: Executor, name: string) {
  return db.selectFrom('open311_client').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertClient(db: Executor, v: { name: string; key_hash: string; created_at: string }): Promise<number> {
  return (await db.insertInto('open311_client').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeClient(db: Executor, id: number, at: string) {
  await db.updateTable('open311_client').set({ revoked_at: at }).where('id', '=', id).execute();
}

export function listClients(db: Executor) {
  return db.selectFrom('open311_client').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id').execute();
}

/** Tickets for Open311's list: by ids, or by service code, dates and open/closed, newest first (the spec caps at 90 days / 1000). */
export function listForOpen311(db: Executor, f: { ids?: number[]; subjectId?: number; from?: string; to?: string; statuses?: string[] }) {
  let q = db.selectFrom('demand').selectAll();
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<=', f.to);
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  return q.orderBy('received_at', 'desc').limit(1000).execute();
}

// — attachments —

export async function insertAttachment(
  db: Executor,
  v: {
    demand_id: number;
    filename: string;
    mime: string;
    size: number;
    sha256: string;
    data: Buffer;
    uploader_id: number | null;
    created_at: string;
  },
): Promise<number> {
  return (await db.insertInto('demand_attachment').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export function listAttachments(db: Executor, demandId: number) {
  return db
    .selectFrom('demand_attachment')
    .select(['id', 'filename', 'mime', 'size', 'created_at'])
    .where('demand_id', '=', demandId)
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Executor, id: number) {
  return db.selectFrom('demand_attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Tickets of these types whose subject (or its parent subject) has one of these names, in id order
 * after `afterId`, a page at a time (what another module imports from the desk).
 */
export function ticketsBySubjectNames(db: Executor, f: { types: string[]; subjectNames: string[]; afterId: number; limit: number }) {
  if (!f.types.length || !f.subjectNames.length) return Promise.resolve([]);
  return db
    .selectFrom('demand')
    .innerJoin('demand_subject as s', 's.id', 'demand.subject_id')
    .leftJoin('demand_subject as p', 'p.id', 's.parent_id')
    .select([
      'demand.id',
      'demand.code',
      'demand.type',
      'demand.enterprise_id',
      'demand.unit_id',
      'demand.description',
      'demand.received_at',
      's.name as subject_name',
    ])
    .where('demand.type', 'in', f.types)
    .where((eb) => eb.or([eb('s.name', 'in', f.subjectNames), eb('p.name', 'in', f.subjectNames)]))
    .where('demand.id', '>', f.afterId)
    .orderBy('demand.id')
    .limit(f.limit)
    .execute();
}
