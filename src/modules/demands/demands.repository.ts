import { type Insertable, type RawBuilder, type Selectable, type Updateable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { escapeLike, likeContains, likeEscaped } from '../../db/like.js';
import type { DemandEventTable, DemandTable } from './demands.tables.js';

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

/** The columns a ticket list shows: no codes, hashes or tokens, none of the ticket's bookkeeping. */
export const LISTED_COLUMNS = [
  'id',
  'code',
  'external_code',
  'channel',
  'type',
  'subject_id',
  'county_code',
  'uscc',
  'enterprise_id',
  'enterprise_name',
  'contact_name',
  'contact_phone',
  'description',
  'status',
  'unit_id',
  'received_at',
  'sign_due_at',
  'due_at',
  'signed_at',
  'answered_at',
  'answer',
  'followed_up_at',
  'closed_at',
  'first_contact',
  'reopen_count',
  'rating',
  'pending_extension_days',
  'pending_extension_reason',
  'merged_into_id',
  'respondent_uscc',
  'respondent_enterprise_id',
  'respondent_name',
  'finding',
  'version',
] as const;
export type ListedDemandRow = Pick<DemandRow, (typeof LISTED_COLUMNS)[number]>;

/**
 * The states in which a ticket waits at a unit, written exactly as the predicate of the partial
 * deadline indexes (migration 202612041001) and as constants, not parameters: only then can either
 * planner prove that the overdue filter may read those indexes.
 */
const WAITING = sql<boolean>`status in ('dispatched', 'in_progress', 'sent_back')`;

function filtered(db: Executor, f: DemandFilter) {
  let q = db.selectFrom('demand');
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.uscc !== undefined || f.createdBy !== undefined) {
    q = q.where((eb) =>
      eb.or([...(f.uscc ? [eb('uscc', '=', f.uscc)] : []), ...(f.createdBy ? [eb('created_by', '=', f.createdBy)] : [])]),
    );
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.overdueAt) q = q.where(WAITING).where('due_at', '<', f.overdueAt);
  if (f.q) q = q.where(searchCondition(f.q));
  return q;
}

/**
 * What the seat can be told: a ticket number or a credit code is looked up by index; anything else
 * is searched, word by word (every word must appear), in the ticket number, the enterprise's name,
 * the demand's text and the answer — latin letters in any case, the text taken literally.
 */
function searchCondition(text: string) {
  const upper = text.toUpperCase();
  if (/^QY\d{14}$/.test(upper)) return sql<boolean>`code = ${upper}`;
  if (/^[0-9A-Z]{18}$/.test(upper)) return sql<boolean>`uscc = ${upper}`;
  const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const anyColumn = (w: string) => {
    const pattern = `%${escapeLike(w)}%`;
    // lower() only where case can differ: it costs a scan of the whole table dearly, and Chinese has no case.
    const column = (c: string) => (/[a-z]/.test(w) ? sql`lower(${sql.ref(c)})` : sql.ref(c));
    return sql.join(
      ['code', 'enterprise_name', 'description', 'answer'].map((c) => likeEscaped(column(c), pattern)),
      sql` or `,
    );
  };
  return sql<boolean>`(${sql.join(
    words.map((w) => sql`(${anyColumn(w)})`),
    sql` and `,
  )})`;
}

/** One window of a ticket list, in the list's order: newest first, or most overdue first. */
export function listDemands(db: Executor, f: DemandFilter, window: { offset: number; limit: number }): Promise<ListedDemandRow[]> {
  const q = filtered(db, f).select([...LISTED_COLUMNS]);
  const ordered = f.overdueAt ? q.orderBy('due_at').orderBy('id') : q.orderBy('received_at', 'desc').orderBy('id', 'desc');
  return ordered.offset(window.offset).limit(window.limit).execute();
}

/** How many tickets a list has in all. */
export async function countDemands(db: Executor, f: DemandFilter): Promise<number> {
  const r = await filtered(db, f)
    .select(sql<number | string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
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

/** Gives a new ticket its number and answers with the ticket as listed: one statement instead of a write and a read. */
export function setDemandCode(db: Executor, id: number, code: string): Promise<ListedDemandRow> {
  return db
    .updateTable('demand')
    .set({ code })
    .where('id', '=', id)
    .returning([...LISTED_COLUMNS])
    .executeTakeFirstOrThrow();
}

export type DemandEventValues = Omit<Insertable<DemandEventTable>, 'id'>;

export async function insertEvent(db: Executor, e: DemandEventValues) {
  await db.insertInto('demand_event').values(e).execute();
}

/** Several history events of one step in one statement. */
export async function insertEvents(db: Executor, events: DemandEventValues[]) {
  if (events.length) await db.insertInto('demand_event').values(events).execute();
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

export async function updateRouteRule(
  db: Executor,
  id: number,
  v: { subject_id: number; county_code: string | null; unit_id: number; updated_at: string },
) {
  await db.updateTable('demand_route_rule').set(v).where('id', '=', id).execute();
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

export function findRatingCodeById(db: Executor, id: number) {
  return db.selectFrom('demand_rating_code').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function retireRatingCode(db: Executor, id: number, at: string) {
  await db.updateTable('demand_rating_code').set({ retired_at: at }).where('id', '=', id).execute();
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

type KnowledgeValues = {
  subject_id: number | null;
  question: string;
  answer: string;
  keywords: string;
  policy_id: number | null;
  service_id: number | null;
  updated_at: string;
};

export async function insertKnowledge(db: Executor, v: KnowledgeValues): Promise<number> {
  return (await db.insertInto('demand_knowledge').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateKnowledge(db: Executor, id: number, v: KnowledgeValues) {
  await db.updateTable('demand_knowledge').set(v).where('id', '=', id).execute();
}

export async function deleteKnowledge(db: Executor, id: number) {
  await db.deleteFrom('demand_knowledge').where('id', '=', id).execute();
}

// — figures —

const DIMENSION_COLUMN = {
  unit: 'unit_id',
  specialist: 'specialist_id',
  subject: 'subject_id',
  channel: 'channel',
  month: 'month',
} as const;

/**
 * Counts behind the KPIs, one row per value of the dimension, over the tickets received in the
 * months `from`..`to`. With `asOf` (an instant, exclusive) each step counts only if it had happened
 * by then — signed, closed, answered, followed up, rated, reopened — so a past period reads as it
 * stood at its end. A ticket's earlier rating is known from its reopen: a ticket re-rated after
 * `asOf` but reopened before it had a bad rating then (every rating before the last one reopened
 * it). Merged tickets are not counted twice.
 */
export function kpiCounts(
  db: Executor,
  by: keyof typeof DIMENSION_COLUMN,
  period: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined },
) {
  const col = DIMENSION_COLUMN[by];
  const { asOf } = period;
  const by_ = (c: keyof DemandTable) => (asOf ? sql<boolean>`${sql.ref(c)} < ${asOf}` : sql<boolean>`${sql.ref(c)} is not null`);
  const rated = asOf ? sql<boolean>`(rated_at < ${asOf} or reopened_at < ${asOf})` : sql<boolean>`rating is not null`;
  const satisfied = asOf ? sql<boolean>`rating >= 3 and rated_at < ${asOf}` : sql<boolean>`rating >= 3`;
  const reopened = asOf ? sql<boolean>`reopened_at < ${asOf}` : sql<boolean>`reopen_count > 0`;
  const count = (cond: RawBuilder<boolean>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  let q = db
    .selectFrom('demand')
    .select([
      sql<string | number | null>`${sql.ref(col)}`.as('key'),
      sql<number>`count(*)`.as('tickets'),
      count(by_('dispatched_at')).as('dispatched'),
      count(sql`signed_on_time = 1 and ${by_('signed_at')}`).as('signed_on_time'),
      count(by_('closed_at')).as('closed'),
      count(sql`closed_on_time = 1 and ${by_('closed_at')}`).as('closed_on_time'),
      sql<number>`sum(first_contact)`.as('first_contact'),
      count(sql`first_contact = 0 and ${by_('answered_at')}`).as('answered'),
      count(by_('followed_up_at')).as('followed_up'),
      count(rated).as('rated'),
      count(satisfied).as('satisfied'),
      count(reopened).as('reopened'),
      sql<number | null>`avg(case when ${by_('closed_at')} then handling_hours end)`.as('avg_hours'),
    ])
    .where('status', '!=', 'merged');
  if (period.from) q = q.where('month', '>=', period.from);
  if (period.to) q = q.where('month', '<=', period.to);
  return q.groupBy(sql.ref(col)).orderBy(sql.ref(col)).execute();
}

/**
 * Each month's end (the first instant after it, ISO) as SQL: `case month when '2026-01' then … end`,
 * so one query cuts every month of a board off at its own end.
 */
function monthEnd(ends: ReadonlyMap<string, string>): RawBuilder<string> {
  return sql<string>`(case ${sql.ref('month')} ${sql.join(
    [...ends].map(([m, end]) => sql`when ${m} then ${end}`),
    sql` `,
  )} end)`;
}

/**
 * Ratings per unit and month (tickets and in-person rating codes alike), for the public board: each
 * month as it stood at its end (`ends`: month → first instant after it), so a rating recorded later
 * (an import of past tickets) never changes a past month.
 */
export function ratingsByUnitMonth(db: Executor, ends: ReadonlyMap<string, string>) {
  return db
    .selectFrom('demand_rating')
    .select([
      'unit_id',
      'month',
      sql<number>`count(*)`.as('ratings'),
      sql<number>`sum(case when level >= 3 then 1 else 0 end)`.as('satisfied'),
    ])
    .where('month', 'in', [...ends.keys()])
    .where(sql<boolean>`at < ${monthEnd(ends)}`)
    .groupBy(['unit_id', 'month'])
    .execute();
}

/** Tickets per unit and month received that were closed (and closed on time) by that month's end. */
export function closedByUnitMonth(db: Executor, ends: ReadonlyMap<string, string>) {
  return db
    .selectFrom('demand')
    .select([
      'unit_id',
      'month',
      sql<number>`count(*)`.as('closed'),
      sql<number>`sum(case when closed_on_time = 1 then 1 else 0 end)`.as('on_time'),
    ])
    .where('month', 'in', [...ends.keys()])
    .where('closed_at', 'is not', null)
    .where(sql<boolean>`closed_at < ${monthEnd(ends)}`)
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

/**
 * Complaints and reports found substantiated (wholly or partly) against a named enterprise since
 * `since` (the finding's instant), in id order after `afterId`, a page at a time.
 */
export function substantiatedFindings(db: Executor, f: { since: string; afterId: number; limit: number }) {
  return db
    .selectFrom('demand')
    .select(['id', 'code', 'unit_id', 'respondent_uscc', 'respondent_enterprise_id', 'respondent_name', 'finding', 'found_at'])
    .where('finding', 'in', ['substantiated', 'partly'])
    .where('respondent_uscc', 'is not', null)
    .where('found_at', '>=', f.since)
    .where('id', '>', f.afterId)
    .orderBy('id')
    .limit(f.limit)
    .execute();
}

/** The current finding and respondent of these tickets (a reopened ticket may be answered again otherwise). */
export function findingsOf(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('demand').select(['id', 'finding', 'respondent_uscc']).where('id', 'in', ids).execute();
}
