import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains } from '../../db/like.js';
import { type PageRequest, paged } from '../../db/paged.js';
import type { ProcurementCaseTable, ProcurementTenderTable } from './procurement.tables.js';
import type { Flag } from './tender.js';

export type TenderRow = Selectable<ProcurementTenderTable>;
export type CaseRow = Selectable<ProcurementCaseTable> & { unit_name: string | null };

// — imports, tenders, bids —

export async function insertImport(
  db: Executor,
  row: { filename: string; format: string; tenders: number; bids: number; suspect: number; created_by: number | null; created_at: string },
) {
  return (await db.insertInto('procurement_import').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export interface NewTender {
  key: string;
  tender_id: string;
  lot_id: string | null;
  title: string | null;
  buyer_id: string | null;
  bid_date: string | null;
  month: string | null;
  bid_count: number;
  screens_json: string;
  flags_json: string;
  flag_count: number;
  risk_bp: number;
  suspect: number;
  remote_evaluation: number | null;
}

export interface NewBid {
  bidder_id: string;
  bidder_name: string | null;
  amount_fen: number;
  winner: number;
  meta_json: string | null;
}

/** Stores a tender with its bids; a tender imported before under the same key is replaced (its cases keep pointing at the new row). */
export async function upsertTender(db: Executor, importId: number, t: NewTender, bids: NewBid[], at: string): Promise<number> {
  const existing = await db.selectFrom('procurement_tender').select(['id', 'label']).where('key', '=', t.key).executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await db
      .updateTable('procurement_tender')
      .set({ ...t, import_id: importId })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('procurement_bid').where('tender_pk', '=', id).execute();
  } else {
    id = (
      await db
        .insertInto('procurement_tender')
        .values({ ...t, import_id: importId, label: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  // a few hundred rows per statement keep within both dialects' parameter limits
  for (let i = 0; i < bids.length; i += 200) {
    await db
      .insertInto('procurement_bid')
      .values(bids.slice(i, i + 200).map((b) => ({ ...b, tender_pk: id })))
      .execute();
  }
  return id;
}

/**
 * A party's stored flags: a bare array, or — when the OCDS file named the party — `{ name, flags }`
 * (the name rides in the same JSON column so that no migration is needed; older rows stay readable).
 */
export function readPartyFlags(json: string): { name: string | null; flags: Flag[] } {
  const v = JSON.parse(json) as Flag[] | { name: string | null; flags: Flag[] };
  return Array.isArray(v) ? { name: null, flags: v } : v;
}

/** Replaces the OCDS red flags of each party an import named (a few hundred parties a statement). */
export async function replacePartyFlags(
  db: Executor,
  importId: number,
  parties: { partyId: string; flagsJson: string; name?: string | null | undefined }[],
  at: string,
): Promise<void> {
  for (let i = 0; i < parties.length; i += 200) {
    const chunk = parties.slice(i, i + 200);
    await db
      .deleteFrom('procurement_party_flag')
      .where(
        'party_id',
        'in',
        chunk.map((p) => p.partyId),
      )
      .execute();
    await db
      .insertInto('procurement_party_flag')
      .values(
        chunk.map((p) => ({
          import_id: importId,
          party_id: p.partyId,
          flags_json: p.name ? `{"name":${JSON.stringify(p.name)},"flags":${p.flagsJson}}` : p.flagsJson,
          updated_at: at,
        })),
      )
      .execute();
  }
}

export type PartyRole = 'Buyer' | 'ProcuringEntity';

/** The parties with a buyer- or procuring-entity-level red flag (the stored JSON names each flag's group). */
export function listPartyFlags(db: Executor, f: { role?: PartyRole | undefined; party?: string | undefined }, page: PageRequest) {
  const roles: PartyRole[] = f.role ? [f.role] : ['Buyer', 'ProcuringEntity'];
  let q = db
    .selectFrom('procurement_party_flag')
    .selectAll()
    .where((eb) => eb.or(roles.map((r) => eb('flags_json', 'like', `%"group":"${r}"%`))));
  if (f.party) q = q.where('party_id', '=', f.party);
  return paged(q.orderBy('party_id'), page);
}

export async function partyFlags(db: Executor, partyId: string): Promise<string | null> {
  const row = await db.selectFrom('procurement_party_flag').select('flags_json').where('party_id', '=', partyId).executeTakeFirst();
  return row?.flags_json ?? null;
}

export interface TenderFilter {
  q?: string | undefined;
  suspect?: boolean | undefined;
  flagged?: boolean | undefined;
}

export function listTenders(db: Executor, f: TenderFilter, page: PageRequest) {
  let q = db.selectFrom('procurement_tender').selectAll();
  if (f.suspect !== undefined) q = q.where('suspect', '=', f.suspect ? 1 : 0);
  if (f.flagged !== undefined) q = q.where('flag_count', f.flagged ? '>' : '=', 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([likeContains('procurement_tender.key', text), likeContains('procurement_tender.title', text)]));
  }
  return paged(q.orderBy('suspect', 'desc').orderBy('risk_bp', 'desc').orderBy('id'), page);
}

export function findTender(db: Executor, id: number) {
  return db.selectFrom('procurement_tender').selectAll().where('id', '=', id).executeTakeFirst();
}

export function bidsOfTender(db: Executor, tenderPk: number) {
  return db.selectFrom('procurement_bid').selectAll().where('tender_pk', '=', tenderPk).orderBy('amount_fen').orderBy('id').execute();
}

/** Every stored bid in tender order, for rebuilding pairs and groups over all data. */
export function allBidsInTenderOrder(db: Executor) {
  return db
    .selectFrom('procurement_bid as b')
    .innerJoin('procurement_tender as t', 't.id', 'b.tender_pk')
    .select(['t.id as tender_pk', 't.key', 't.tender_id', 'b.bidder_id', 'b.bidder_name', 'b.amount_fen', 'b.winner', 'b.meta_json'])
    .orderBy('t.id')
    .orderBy('b.id')
    .execute();
}

/** Tenders whose case outcome labelled them (1 collusive, 0 competitive): the city's own calibration data. */
export function labelledTenders(db: Executor) {
  return db
    .selectFrom('procurement_tender')
    .select(['screens_json', 'flags_json', 'label'])
    .where('label', 'is not', null)
    .orderBy('id')
    .execute();
}

export async function setTenderLabels(db: Executor, tenderPks: number[], label: number | null): Promise<void> {
  if (tenderPks.length) await db.updateTable('procurement_tender').set({ label }).where('id', 'in', tenderPks).execute();
}

/** Tenders in which two or more of the bidders bid. */
export async function jointTenders(db: Executor, bidderIds: string[]): Promise<number[]> {
  if (!bidderIds.length) return [];
  const rows = await db
    .selectFrom('procurement_bid')
    .select('tender_pk')
    .where('bidder_id', 'in', bidderIds)
    .groupBy('tender_pk')
    .having(sql`count(distinct bidder_id)`, '>=', 2)
    .execute();
  return rows.map((r) => r.tender_pk);
}

export function bidsOfBidder(db: Executor, bidderId: string) {
  return db
    .selectFrom('procurement_bid as b')
    .innerJoin('procurement_tender as t', 't.id', 'b.tender_pk')
    .select([
      't.id',
      't.key',
      't.title',
      't.bid_date',
      't.risk_bp',
      't.suspect',
      't.bid_count',
      'b.amount_fen',
      'b.winner',
      'b.bidder_name',
    ])
    .where('b.bidder_id', '=', bidderId)
    .orderBy('t.bid_date', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

export async function bidderNames(db: Executor, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('procurement_bid')
    .select(['bidder_id', sql<string | null>`max(bidder_name)`.as('name')])
    .where('bidder_id', 'in', ids)
    .groupBy('bidder_id')
    .execute();
  return new Map(rows.map((r) => [r.bidder_id, r.name]));
}

// — pairs and groups (rebuilt) —

export async function replaceNetwork(
  db: Executor,
  pairs: { bidder_a: string; bidder_b: string; co_bids: number; flags_json: string }[],
  groups: { code: string; members: string[]; tenders: number; wins_json: string; risk_bp: number; flags_json: string }[],
): Promise<void> {
  await db.deleteFrom('procurement_group_member').execute();
  await db.deleteFrom('procurement_group').execute();
  await db.deleteFrom('procurement_pair').execute();
  for (let i = 0; i < pairs.length; i += 200)
    await db
      .insertInto('procurement_pair')
      .values(pairs.slice(i, i + 200))
      .execute();
  for (const g of groups) {
    const { members, ...row } = g;
    const id = (
      await db
        .insertInto('procurement_group')
        .values({ ...row, members_json: JSON.stringify(members) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('procurement_group_member')
      .values(members.map((bidder_id) => ({ group_id: id, bidder_id })))
      .execute();
  }
}

export function listGroups(db: Executor, bidder: string | undefined, page: PageRequest) {
  let q = db.selectFrom('procurement_group').selectAll();
  if (bidder) q = q.where('id', 'in', db.selectFrom('procurement_group_member').select('group_id').where('bidder_id', '=', bidder));
  return paged(q.orderBy('risk_bp', 'desc').orderBy('id'), page);
}

export function findGroup(db: Executor, id: number) {
  return db.selectFrom('procurement_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export function groupsOfBidders(db: Executor, bidderIds: string[]) {
  if (!bidderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('procurement_group as g')
    .select(['g.id', 'g.code', 'g.risk_bp', 'g.members_json'])
    .where('g.id', 'in', db.selectFrom('procurement_group_member').select('group_id').where('bidder_id', 'in', bidderIds))
    .orderBy('g.risk_bp', 'desc')
    .execute();
}

export function pairsOf(db: Executor, bidderIds: string[]) {
  if (!bidderIds.length) return Promise.resolve([]);
  return db
    .selectFrom('procurement_pair')
    .selectAll()
    .where((eb) => eb.or([eb('bidder_a', 'in', bidderIds), eb('bidder_b', 'in', bidderIds)]))
    .execute();
}

/** The bidders who bid most often against any of `members`, outside them. */
export async function topCoBidders(db: Executor, members: string[], limit: number): Promise<string[]> {
  if (!members.length) return [];
  const rows = await db
    .selectFrom('procurement_bid as x')
    .innerJoin('procurement_bid as y', 'y.tender_pk', 'x.tender_pk')
    .select(['y.bidder_id', sql<number>`count(distinct x.tender_pk)`.as('together')])
    .where('x.bidder_id', 'in', members)
    .where('y.bidder_id', 'not in', members)
    .groupBy('y.bidder_id')
    .orderBy('together', 'desc')
    .orderBy('y.bidder_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.bidder_id);
}

/** How often each pair of the bidders bid together, and each bidder's tenders and wins. */
export async function coBidding(db: Executor, bidderIds: string[]) {
  if (!bidderIds.length) return { pairs: [], bidders: [] };
  const pairs = await db
    .selectFrom('procurement_bid as x')
    .innerJoin('procurement_bid as y', (j) => j.onRef('y.tender_pk', '=', 'x.tender_pk').onRef('y.bidder_id', '>', 'x.bidder_id'))
    .select(['x.bidder_id as a', 'y.bidder_id as b', sql<number>`count(distinct x.tender_pk)`.as('co_bids')])
    .where('x.bidder_id', 'in', bidderIds)
    .where('y.bidder_id', 'in', bidderIds)
    .groupBy(['x.bidder_id', 'y.bidder_id'])
    .execute();
  const bidders = await db
    .selectFrom('procurement_bid as b')
    .innerJoin('procurement_tender as t', 't.id', 'b.tender_pk')
    .select([
      'b.bidder_id',
      sql<number>`count(*)`.as('tenders'),
      sql<number>`sum(b.winner)`.as('wins'),
      sql<number>`max(t.risk_bp)`.as('max_risk_bp'),
    ])
    .where('b.bidder_id', 'in', bidderIds)
    .groupBy('b.bidder_id')
    .execute();
  return {
    pairs: pairs.map((p) => ({ ...p, co_bids: Number(p.co_bids) })),
    bidders: bidders.map((b) => ({ ...b, tenders: Number(b.tenders), wins: Number(b.wins), max_risk_bp: Number(b.max_risk_bp) })),
  };
}

// — cases —

function casesJoined(db: Executor) {
  return db.selectFrom('procurement_case as c').leftJoin('unit as u', 'u.id', 'c.unit_id').selectAll('c').select('u.name as unit_name');
}

export function listCases(db: Executor, f: { stage?: string | undefined; unitId?: number | undefined }, page: PageRequest) {
  let q = casesJoined(db);
  if (f.stage) q = q.where('c.stage', '=', f.stage);
  if (f.unitId !== undefined) q = q.where('c.unit_id', '=', f.unitId);
  return paged(q.orderBy('c.id', 'desc'), page);
}

export function findCase(db: Executor, id: number): Promise<CaseRow | undefined> {
  return casesJoined(db).where('c.id', '=', id).executeTakeFirst();
}

export function casesOfTender(db: Executor, tenderPk: number) {
  return db.selectFrom('procurement_case').select(['id', 'stage', 'outcome']).where('tender_pk', '=', tenderPk).orderBy('id').execute();
}

export async function insertCase(
  db: Executor,
  row: { subject: string; tender_pk: number | null; members_json: string | null; title: string; created_by: number | null; at: string },
) {
  const { at, ...rest } = row;
  return (
    await db
      .insertInto('procurement_case')
      .values({ ...rest, stage: 'lead', outcome: null, unit_id: null, deadline: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Moves a case on if nobody else did first (optimistic lock on `version`). */
export async function updateCaseVersioned(
  db: Executor,
  id: number,
  version: number,
  set: Partial<{ stage: string; outcome: string | null; unit_id: number | null; deadline: string | null }>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('procurement_case')
    .set({ ...set, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertCaseEvent(
  db: Executor,
  row: { case_id: number; kind: string; note: string | null; actor_id: number | null; actor_name: string | null; at: string },
) {
  await db.insertInto('procurement_case_event').values(row).execute();
}

export function caseEvents(db: Executor, caseId: number) {
  return db.selectFrom('procurement_case_event').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export function unitExists(db: Executor, unitId: number) {
  return db.selectFrom('unit').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
}

// — campaigns —

export async function insertCampaign(db: Executor, row: { name: string; checklist_json: string; created_at: string }) {
  return (await db.insertInto('procurement_campaign').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function listCampaignRows(db: Executor) {
  return db.selectFrom('procurement_campaign').selectAll().orderBy('id', 'desc').execute();
}

export function findCampaign(db: Executor, id: number) {
  return db.selectFrom('procurement_campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export function campaignProjects(db: Executor, campaignIds: number[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db.selectFrom('procurement_campaign_project').selectAll().where('campaign_id', 'in', campaignIds).orderBy('id').execute();
}

export function campaignProblems(db: Executor, campaignIds: number[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db
    .selectFrom('procurement_campaign_problem as p')
    .innerJoin('procurement_campaign_project as j', 'j.id', 'p.project_id')
    .selectAll('p')
    .select(['j.campaign_id', 'j.code as project_code', 'j.agency'])
    .where('j.campaign_id', 'in', campaignIds)
    .orderBy('p.id')
    .execute();
}

export async function projectCodesOf(db: Executor, campaignId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('procurement_campaign_project').select('code').where('campaign_id', '=', campaignId).execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertProjects(
  db: Executor,
  rows: {
    campaign_id: number;
    code: string;
    name: string;
    agency: string;
    amount_fen: number;
    checked: number;
    checked_on: string | null;
  }[],
) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('procurement_campaign_project')
      .values(rows.slice(i, i + 200))
      .execute();
}

export function findProject(db: Executor, id: number) {
  return db.selectFrom('procurement_campaign_project').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProblem(
  db: Executor,
  row: { project_id: number; misconduct: string; description: string; item_id: number | null; created_at: string },
) {
  return (
    await db
      .insertInto('procurement_campaign_problem')
      .values({ ...row, verified: 0, verified_on: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function findProblem(db: Executor, id: number) {
  return db
    .selectFrom('procurement_campaign_problem as p')
    .innerJoin('procurement_campaign_project as j', 'j.id', 'p.project_id')
    .selectAll('p')
    .select('j.campaign_id')
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function setProblemVerified(db: Executor, id: number, on: string): Promise<void> {
  await db.updateTable('procurement_campaign_problem').set({ verified: 1, verified_on: on }).where('id', '=', id).execute();
}

// — monthly figures —

export async function monthlyTenderFigures(db: Executor) {
  const rows = await db
    .selectFrom('procurement_tender')
    .select([
      'month',
      sql<number>`count(*)`.as('tenders'),
      sql<number>`sum(suspect)`.as('flagged'),
      sql<number>`sum(coalesce(remote_evaluation, 0))`.as('remote'),
    ])
    .where('month', 'is not', null)
    .groupBy('month')
    .orderBy('month')
    .execute();
  const bidders = await db
    .selectFrom('procurement_bid as b')
    .innerJoin('procurement_tender as t', 't.id', 'b.tender_pk')
    .select(['t.month', sql<number>`count(distinct b.bidder_id)`.as('bidders')])
    .where('t.suspect', '=', 1)
    .where('t.month', 'is not', null)
    .groupBy('t.month')
    .execute();
  const byMonth = new Map(bidders.map((b) => [b.month, Number(b.bidders)]));
  return rows.map((r) => ({
    month: r.month!,
    tenders: Number(r.tenders),
    flagged: Number(r.flagged),
    remote: Number(r.remote),
    biddersFlagged: byMonth.get(r.month) ?? 0,
  }));
}

export function expertPools(db: Executor) {
  return db.selectFrom('procurement_expert_pool').selectAll().orderBy('month').execute();
}

export async function upsertExpertPool(db: Executor, row: { month: string; size: number; source: string; updated_at: string }) {
  await db
    .insertInto('procurement_expert_pool')
    .values(row)
    .onConflict((oc) => oc.column('month').doUpdateSet({ size: row.size, source: row.source, updated_at: row.updated_at }))
    .execute();
}
