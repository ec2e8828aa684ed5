import type { Insertable, Selectable, Updateable } from 'kysely';
import { bulkInsert } from '../../db/bulk.js';
import type { Executor } from '../../db/database.js';
import type { ItemEventTable, ItemEvidenceTable, ItemExtensionTable, ItemReportTable } from './worklists.tables.js';

/** Reports, evidence, extensions, notes, the timeline and saved filters of items. */

export type ReportRow = Selectable<ItemReportTable> & { unit_name: string; author_name: string | null };
export type EvidenceRow = Omit<Selectable<ItemEvidenceTable>, 'blob_id'> & { uploader_name: string | null };
export type ExtensionRow = Selectable<ItemExtensionTable> & {
  unit_name: string | null;
  requester_name: string | null;
  decider_name: string | null;
};

function reportsQuery(db: Executor) {
  return db
    .selectFrom('item_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('app_user as a', 'a.id', 'r.author_id')
    .selectAll('r')
    .select(['u.name as unit_name', 'a.display_name as author_name']);
}

export async function listReports(db: Executor, itemId: number): Promise<ReportRow[]> {
  return reportsQuery(db).where('r.item_id', '=', itemId).orderBy('r.id', 'desc').execute();
}

export async function findReport(db: Executor, id: number): Promise<ReportRow | undefined> {
  return reportsQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** Reports in a status, optionally of one unit, or to a lead unit (cooperating units' deliveries). */
export async function listReportsByStatus(
  db: Executor,
  f: { status: string; unitId?: number; leadUnitId?: number; limit: number },
): Promise<ReportRow[]> {
  let q = reportsQuery(db).where('r.status', '=', f.status);
  if (f.unitId !== undefined) q = q.where('r.unit_id', '=', f.unitId);
  if (f.leadUnitId !== undefined) {
    const lead = f.leadUnitId;
    q = q.where('r.item_id', 'in', (eb) =>
      eb.selectFrom('item_assignment').select('item_id').where('unit_id', '=', lead).where('role', '=', 'lead'),
    );
  }
  return q.orderBy('r.id', 'desc').limit(f.limit).execute();
}

export async function insertReport(db: Executor, v: Omit<Insertable<ItemReportTable>, 'id'>): Promise<number> {
  const r = await db.insertInto('item_report').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a report only while it is in `from`; false when someone else moved it first. */
export async function transitionReport(db: Executor, id: number, from: string, v: Updateable<ItemReportTable>): Promise<boolean> {
  const r = await db.updateTable('item_report').set(v).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function hasOpenReport(db: Executor, itemId: number, unitId: number): Promise<boolean> {
  const r = await db
    .selectFrom('item_report')
    .select('id')
    .where('item_id', '=', itemId)
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['pending_head', 'pending_office'])
    .executeTakeFirst();
  return Boolean(r);
}

// ---- evidence ----

function evidenceQuery(db: Executor) {
  return db
    .selectFrom('item_evidence as e')
    .leftJoin('app_user as a', 'a.id', 'e.uploader_id')
    .select([
      'e.id',
      'e.item_id',
      'e.report_id',
      'e.unit_id',
      'e.uploader_id',
      'e.filename',
      'e.mime',
      'e.size',
      'e.sha256',
      'e.created_at',
      'a.display_name as uploader_name',
    ]);
}

export async function listEvidence(db: Executor, itemId: number): Promise<EvidenceRow[]> {
  return evidenceQuery(db).where('e.item_id', '=', itemId).orderBy('e.id').execute();
}

export async function findEvidence(db: Executor, id: number): Promise<EvidenceRow | undefined> {
  return evidenceQuery(db).where('e.id', '=', id).executeTakeFirst();
}

export async function readEvidenceData(db: Executor, id: number): Promise<Buffer | undefined> {
  const r = await db
    .selectFrom('item_evidence as e')
    .innerJoin('evidence_blob as b', 'b.id', 'e.blob_id')
    .select('b.data')
    .where('e.id', '=', id)
    .executeTakeFirst();
  return r ? Buffer.from(r.data) : undefined;
}

export async function insertEvidence(
  db: Executor,
  v: Omit<Insertable<ItemEvidenceTable>, 'id' | 'blob_id'>,
  data: Buffer,
): Promise<number> {
  const blob = await db.insertInto('evidence_blob').values({ data }).returning('id').executeTakeFirstOrThrow();
  const r = await db
    .insertInto('item_evidence')
    .values({ ...v, blob_id: blob.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function attachEvidence(db: Executor, ids: number[], reportId: number): Promise<void> {
  if (ids.length) await db.updateTable('item_evidence').set({ report_id: reportId }).where('id', 'in', ids).execute();
}

// ---- extensions ----

function extensionsQuery(db: Executor) {
  return db
    .selectFrom('item_extension as x')
    .leftJoin('unit as u', 'u.id', 'x.unit_id')
    .leftJoin('app_user as r', 'r.id', 'x.requester_id')
    .leftJoin('app_user as d', 'd.id', 'x.decider_id')
    .selectAll('x')
    .select(['u.name as unit_name', 'r.display_name as requester_name', 'd.display_name as decider_name']);
}

export async function listExtensions(db: Executor, itemId: number): Promise<ExtensionRow[]> {
  return extensionsQuery(db).where('x.item_id', '=', itemId).orderBy('x.id', 'desc').execute();
}

export async function findExtension(db: Executor, id: number): Promise<ExtensionRow | undefined> {
  return extensionsQuery(db).where('x.id', '=', id).executeTakeFirst();
}

export async function insertExtension(db: Executor, v: Omit<Insertable<ItemExtensionTable>, 'id'>): Promise<number> {
  const r = await db.insertInto('item_extension').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function decideExtensionRow(db: Executor, id: number, v: Updateable<ItemExtensionTable>): Promise<boolean> {
  const r = await db.updateTable('item_extension').set(v).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function hasPendingExtension(db: Executor, itemId: number): Promise<boolean> {
  return Boolean(
    await db.selectFrom('item_extension').select('id').where('item_id', '=', itemId).where('status', '=', 'pending').executeTakeFirst(),
  );
}

// ---- instructions and comments ----

export async function listNotes(db: Executor, itemId: number) {
  return db
    .selectFrom('item_note as n')
    .leftJoin('app_user as a', 'a.id', 'n.author_id')
    .select(['n.id', 'n.kind', 'n.text', 'n.created_at', 'a.display_name as author_name', 'a.role as author_role'])
    .where('n.item_id', '=', itemId)
    .orderBy('n.id', 'desc')
    .execute();
}

export async function insertNote(
  db: Executor,
  v: { item_id: number; kind: 'instruction' | 'comment'; author_id: number | null; text: string; created_at: string },
): Promise<number> {
  const r = await db.insertInto('item_note').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- timeline ----

export async function insertEvents(db: Executor, rows: Omit<Insertable<ItemEventTable>, 'id'>[]): Promise<void> {
  await bulkInsert(db, 'item_event', rows);
}

export async function listEvents(db: Executor, itemId: number) {
  return db.selectFrom('item_event').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

/** For the ledger: each item's latest progress report and its supervision events, read in chunks. */
export async function ledgerRows(db: Executor, itemIds: number[]) {
  const reports: { item_id: number; text: string; percent: number; created_at: string; id: number }[] = [];
  const events: { item_id: number; data_json: string; id: number }[] = [];
  for (let i = 0; i < itemIds.length; i += 500) {
    const ids = itemIds.slice(i, i + 500);
    reports.push(
      ...(await db
        .selectFrom('item_report')
        .select(['id', 'item_id', 'text', 'percent', 'created_at'])
        .where('item_id', 'in', ids)
        .execute()),
    );
    const supervision = db.selectFrom('item_event').select(['id', 'item_id', 'data_json']).where('type', '=', 'supervision');
    events.push(...(await supervision.where('item_id', 'in', ids).execute()));
  }
  return { reports, events };
}

// ---- saved filters ----

export async function listSavedFilters(db: Executor, userId: number) {
  return db.selectFrom('item_saved_filter').selectAll().where('user_id', '=', userId).orderBy('name').execute();
}

export async function insertSavedFilter(
  db: Executor,
  v: { user_id: number; name: string; filter_json: string; created_at: string },
): Promise<number> {
  const r = await db.insertInto('item_saved_filter').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteSavedFilterRow(db: Executor, id: number, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('item_saved_filter').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Bulk insert for the demo seed; returns ids in order. */
export async function insertReports(db: Executor, rows: Omit<Insertable<ItemReportTable>, 'id'>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('item_report')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}
