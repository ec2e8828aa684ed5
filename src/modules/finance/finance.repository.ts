import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  FinanceDeskStepTable,
  FinanceDeskTable,
  FinanceListingEventTable,
  FinanceLoanReturnTable,
  FinanceNeedTable,
  FinancePublicationTable,
} from './finance.tables.js';

export type NeedRow = Selectable<FinanceNeedTable>;
export type PublicationRow = Selectable<FinancePublicationTable>;
export type DeskRow = Selectable<FinanceDeskTable>;
export type DeskStepRow = Selectable<FinanceDeskStepTable>;

const none = sql<boolean>`1 = 0`;

// ---- banks ----
export function listBanks(db: Executor) {
  return db.selectFrom('finance_bank').selectAll().orderBy('id').execute();
}
export function findBank(db: Executor, id: number) {
  return db.selectFrom('finance_bank').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertBank(db: Executor, name: string, at: string): Promise<number> {
  return (await db.insertInto('finance_bank').values({ name, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow())
    .id;
}
export async function bankIdOfUser(db: Executor, userId: number): Promise<number | undefined> {
  return (await db.selectFrom('finance_bank_user').select('bank_id').where('user_id', '=', userId).executeTakeFirst())?.bank_id;
}
export function listBankUsers(db: Executor) {
  return db.selectFrom('finance_bank_user').selectAll().execute();
}
export async function linkBankUser(db: Executor, userId: number, bankId: number): Promise<void> {
  await db.deleteFrom('finance_bank_user').where('user_id', '=', userId).execute();
  await db.insertInto('finance_bank_user').values({ user_id: userId, bank_id: bankId }).execute();
}
export async function bankUserIds(db: Executor, bankIds: number[]): Promise<number[]> {
  if (!bankIds.length) return [];
  return (await db.selectFrom('finance_bank_user').select('user_id').where('bank_id', 'in', bankIds).execute()).map((r) => r.user_id);
}

// ---- projects ----
export function listProjects(db: Executor) {
  return db.selectFrom('finance_project').selectAll().orderBy('id').execute();
}
export function findProject(db: Executor, id: number) {
  return db.selectFrom('finance_project').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertProject(db: Executor, name: string, countyCode: string | null, at: string): Promise<number> {
  return (
    await db
      .insertInto('finance_project')
      .values({ name, county_code: countyCode, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
/**
 * Credit granted and landed per project and bank, summed by the database from the publications;
 * with `upTo` ('YYYY-MM-DD'), only what was granted or landed by that day (the bulletin of a past month).
 */
export function projectBankTotals(db: Executor, upTo?: string) {
  return db
    .selectFrom('finance_publication as p')
    .innerJoin('finance_need as n', 'n.id', 'p.need_id')
    .where('n.project_id', 'is not', null)
    .select((eb) => [
      'n.project_id',
      'p.bank_id',
      eb.fn
        .coalesce(
          eb.fn.sum<number | string | null>(
            upTo ? eb.case().when('p.granted_on', '<=', upTo).then(eb.ref('p.granted_fen')).end() : eb.ref('p.granted_fen'),
          ),
          sql<number>`0`,
        )
        .as('granted'),
      eb.fn
        .coalesce(
          eb.fn.sum<number | string | null>(
            upTo ? eb.case().when('p.landed_on', '<=', upTo).then(eb.ref('p.landed_fen')).end() : eb.ref('p.landed_fen'),
          ),
          sql<number>`0`,
        )
        .as('landed'),
    ])
    .groupBy(['n.project_id', 'p.bank_id'])
    .execute();
}

// ---- needs and publications ----
export interface NeedFilter {
  enterpriseId?: number | undefined;
  status?: string | undefined;
  projectId?: number | undefined;
  /** a bank sees only the needs published to it */
  bankId?: number | undefined;
  ids?: number[] | undefined;
}
export function listNeeds(db: Executor, f: NeedFilter) {
  let q = db.selectFrom('finance_need').selectAll();
  if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.projectId) q = q.where('project_id', '=', f.projectId);
  if (f.bankId) q = q.where('id', 'in', (eb) => eb.selectFrom('finance_publication').select('need_id').where('bank_id', '=', f.bankId!));
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(none);
  return q.orderBy('id', 'desc').limit(2000).execute();
}
export function findNeed(db: Executor, id: number) {
  return db.selectFrom('finance_need').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertNeed(db: Executor, v: Insertable<FinanceNeedTable>): Promise<number> {
  return (await db.insertInto('finance_need').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function setNeedStatus(
  db: Executor,
  id: number,
  version: number,
  set: { status: string; project_id?: number | null },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('finance_need')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export function publicationsOf(db: Executor, needIds: number[], bankId?: number) {
  if (!needIds.length) return Promise.resolve([] as PublicationRow[]);
  let q = db.selectFrom('finance_publication').selectAll().where('need_id', 'in', needIds);
  if (bankId) q = q.where('bank_id', '=', bankId);
  return q.orderBy('id').execute();
}
export function findPublication(db: Executor, id: number) {
  return db.selectFrom('finance_publication').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertPublication(db: Executor, needId: number, bankId: number, at: string): Promise<void> {
  await db
    .insertInto('finance_publication')
    .values({ need_id: needId, bank_id: bankId, published_at: at, response: 'pending', updated_at: at })
    .execute();
}
export async function updatePublication(
  db: Executor,
  id: number,
  version: number,
  set: Partial<Omit<PublicationRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('finance_publication')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- events ----
export function listEvents(db: Executor) {
  return db.selectFrom('finance_event').selectAll().orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
}
export function findEvent(db: Executor, id: number) {
  return db.selectFrom('finance_event').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertEvent(
  db: Executor,
  v: { title: string; held_on: string; place: string | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('finance_event').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function insertParties(db: Executor, eventId: number, kind: string, refIds: number[]): Promise<void> {
  const unique = [...new Set(refIds)];
  if (unique.length)
    await db
      .insertInto('finance_event_party')
      .values(unique.map((ref_id) => ({ event_id: eventId, kind, ref_id })))
      .execute();
}
export function partiesOf(db: Executor, eventIds: number[]) {
  if (!eventIds.length) return Promise.resolve([]);
  return db.selectFrom('finance_event_party').selectAll().where('event_id', 'in', eventIds).execute();
}
export function followupsOf(db: Executor, eventId: number) {
  return db.selectFrom('finance_followup').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
}
export async function insertFollowup(
  db: Executor,
  v: { event_id: number; need_id: number | null; text: string; due_on: string | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('finance_followup').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export function findFollowup(db: Executor, id: number) {
  return db.selectFrom('finance_followup').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Marks a follow-up done unless it already is; false when another request did it first. */
export async function markFollowupDone(db: Executor, id: number, doneOn: string): Promise<boolean> {
  const r = await db
    .updateTable('finance_followup')
    .set({ done_on: doneOn })
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- key-enterprise desk ----
export function listDesks(db: Executor) {
  return db.selectFrom('finance_desk').selectAll().orderBy('id', 'desc').execute();
}
export function findDesk(db: Executor, id: number) {
  return db.selectFrom('finance_desk').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertDesk(db: Executor, v: Insertable<FinanceDeskTable>): Promise<number> {
  return (await db.insertInto('finance_desk').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export function stepsOf(db: Executor, deskIds: number[]) {
  if (!deskIds.length) return Promise.resolve([] as DeskStepRow[]);
  return db.selectFrom('finance_desk_step').selectAll().where('desk_id', 'in', deskIds).orderBy('id').execute();
}
export function findStep(db: Executor, id: number) {
  return db.selectFrom('finance_desk_step').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertStep(db: Executor, v: Insertable<FinanceDeskStepTable>): Promise<number> {
  return (await db.insertInto('finance_desk_step').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateStep(db: Executor, id: number, set: { done_on?: string; item_id?: number }): Promise<void> {
  await db.updateTable('finance_desk_step').set(set).where('id', '=', id).execute();
}
/** Open steps past their deadline that have not yet entered the supervision ladder. */
export function overdueUnescalatedSteps(db: Executor, today: string) {
  return db
    .selectFrom('finance_desk_step')
    .selectAll()
    .where('done_on', 'is', null)
    .where('item_id', 'is', null)
    .where('deadline', '<', today)
    .orderBy('id')
    .execute();
}

// ---- listing reserve ----
export function listListings(db: Executor) {
  return db.selectFrom('finance_listing').selectAll().orderBy('id').execute();
}
export function findListing(db: Executor, id: number) {
  return db.selectFrom('finance_listing').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertListing(
  db: Executor,
  v: { enterprise_id: number; stage: string; exchange: string | null; board: string | null; created_at: string; updated_at: string },
): Promise<number> {
  return (await db.insertInto('finance_listing').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateListing(
  db: Executor,
  id: number,
  version: number,
  set: { stage: string; exchange: string | null; board: string | null; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('finance_listing')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export async function insertListingEvent(db: Executor, v: Insertable<FinanceListingEventTable>): Promise<void> {
  await db.insertInto('finance_listing_event').values(v).execute();
}
export function listingEventsOf(db: Executor, listingIds: number[]) {
  if (!listingIds.length) return Promise.resolve([]);
  return db.selectFrom('finance_listing_event').selectAll().where('listing_id', 'in', listingIds).orderBy('id').execute();
}

// ---- loan returns and statistics ----
export async function replaceReturns(
  db: Executor,
  bankId: number,
  period: string,
  rows: Insertable<FinanceLoanReturnTable>[],
): Promise<void> {
  await db.deleteFrom('finance_loan_return').where('bank_id', '=', bankId).where('period', '=', period).execute();
  for (let k = 0; k < rows.length; k += 500)
    await db
      .insertInto('finance_loan_return')
      .values(rows.slice(k, k + 500))
      .execute();
}
/** Per period: the balance and its private-enterprise and SME parts, summed over every bank's return. */
export function returnTotals(db: Executor) {
  return db
    .selectFrom('finance_loan_return')
    .select((eb) => [
      'period',
      eb.fn.sum<number | string>('balance_fen').as('balance'),
      eb.fn.sum<number | string>(sql`case when private = 1 then balance_fen else 0 end`).as('private'),
      eb.fn.sum<number | string>(sql`case when sme = 1 then balance_fen else 0 end`).as('sme'),
      eb.fn.count<number | string>('bank_id').distinct().as('banks'),
    ])
    .groupBy('period')
    .orderBy('period')
    .execute();
}
export function listRegionStats(db: Executor) {
  return db.selectFrom('finance_region_stat').selectAll().orderBy('period').execute();
}
export async function upsertRegionStat(
  db: Executor,
  v: { period: string; balance_fen: number; private_fen: number; sme_fen: number; source: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('finance_region_stat')
    .values(v)
    .onConflict((oc) =>
      oc.column('period').doUpdateSet({
        balance_fen: v.balance_fen,
        private_fen: v.private_fen,
        sme_fen: v.sme_fen,
        source: v.source,
        updated_at: v.updated_at,
      }),
    )
    .execute();
}
