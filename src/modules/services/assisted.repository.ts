import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type PageRequest, paged } from '../../db/paged.js';
import type { ServiceAssistedCaseTable } from './services.tables.js';

/** Assistants (帮办代办员) and their assisted cases. */

export async function insertAssistant(
  db: Executor,
  row: { name: string; unit_id: number; point_id: number | null; phone: string | null; rating_code: string | null; created_at: string },
) {
  return (await db.insertInto('service_assistant').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listAssistants(db: Executor) {
  return db
    .selectFrom('service_assistant as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .leftJoin('service_point as p', 'p.id', 'a.point_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'p.name as point_name'])
    .orderBy('a.id')
    .execute();
}

export function findAssistant(db: Executor, id: number) {
  return db.selectFrom('service_assistant').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAssistantRatingCode(db: Executor, id: number, code: string | null): Promise<void> {
  await db.updateTable('service_assistant').set({ rating_code: code }).where('id', '=', id).execute();
}

/** The known assistants among `ids`, each with its rating code (or null). */
export async function assistantRatingCodes(db: Executor, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('service_assistant').select(['id', 'rating_code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.rating_code]));
}

export async function knownExternalNos(db: Executor, nos: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < nos.length; i += 500) {
    const rows = await db
      .selectFrom('service_assisted_case')
      .select('external_no')
      .where('external_no', 'in', nos.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.external_no) out.add(r.external_no);
  }
  return out;
}

export async function insertAssistedCases(db: Executor, rows: Insertable<ServiceAssistedCaseTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto('service_assisted_case')
          .values(rows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}

export function findAssistedCase(db: Executor, id: number) {
  return db
    .selectFrom('service_assisted_case as c')
    .innerJoin('service_assistant as a', 'a.id', 'c.assistant_id')
    .selectAll('c')
    .select('a.rating_code')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Sets the rating of a case not rated yet; false when someone rated it first. */
export async function setAssistedRating(db: Executor, id: number, rating: number, via: 'code' | 'own'): Promise<boolean> {
  const r = await db
    .updateTable('service_assisted_case')
    .set({ rating, rated_via: via })
    .where('id', '=', id)
    .where('rating', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Assisted cases, newest first, with the code of their service or package (the guide is by code). */
export async function listAssistedCases(db: Executor, f: { assistantId?: number | undefined }, page?: PageRequest) {
  let q = db
    .selectFrom('service_assisted_case as c')
    .innerJoin('service_assistant as a', 'a.id', 'c.assistant_id')
    .leftJoin('service_item as s', 's.id', 'c.service_id')
    .leftJoin('service_package as p', 'p.id', 'c.package_id')
    .selectAll('c')
    .select(['a.name as assistant_name', 's.code as service_code', 'p.code as package_code']);
  if (f.assistantId) q = q.where('c.assistant_id', '=', f.assistantId);
  return paged(q.orderBy('c.received_on', 'desc').orderBy('c.id', 'desc'), page);
}

/**
 * What the texts name: a service by code, a package by code or name, or a service by an exact name
 * that only one code carries (a delegated service's county copies share the name). Each text maps to
 * its link, or to 'ambiguous' when the name is several services'.
 */
export async function resolveSubjects(
  db: Executor,
  texts: string[],
): Promise<Map<string, { serviceId: number | null; packageId: number | null } | 'ambiguous'>> {
  const out = new Map<string, { serviceId: number | null; packageId: number | null } | 'ambiguous'>();
  if (!texts.length) return out;
  for (let i = 0; i < texts.length; i += 500) {
    const chunk = texts.slice(i, i + 500);
    const [byName, packages, byCode] = await Promise.all([
      db
        .selectFrom('service_item')
        .select(['name', sql<number>`max(id)`.as('id'), sql<number | string>`count(distinct code)`.as('codes')])
        .where('name', 'in', chunk)
        .groupBy('name')
        .execute(),
      db
        .selectFrom('service_package')
        .select(['id', 'code', 'name'])
        .where((eb) => eb.or([eb('code', 'in', chunk), eb('name', 'in', chunk)]))
        .execute(),
      db
        .selectFrom('service_item')
        .select(['code', sql<number>`max(id)`.as('id')])
        .where('code', 'in', chunk)
        .groupBy('code')
        .execute(),
    ]);
    // Weakest first, so that a stronger match overwrites: a unique service name, a package name, a package code, a service code.
    for (const r of byName) out.set(r.name, Number(r.codes) === 1 ? { serviceId: Number(r.id), packageId: null } : 'ambiguous');
    for (const p of packages) out.set(p.name, { serviceId: null, packageId: p.id });
    for (const p of packages) out.set(p.code, { serviceId: null, packageId: p.id });
    for (const r of byCode) out.set(r.code, { serviceId: Number(r.id), packageId: null });
  }
  return out;
}

/** Assisted cases per month, assistant and service point in a year. */
export async function assistedMonthly(db: Executor, year: number) {
  const rows = await db
    .selectFrom('service_assisted_case as c')
    .innerJoin('service_assistant as a', 'a.id', 'c.assistant_id')
    .select([
      sql<string>`substr(c.received_on, 1, 7)`.as('month'),
      'a.id as assistant_id',
      'a.name as assistant_name',
      'a.point_id',
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`sum(case when c.result = 'done' then 1 else 0 end)`.as('done'),
      sql<number | string | null>`avg(c.rating)`.as('rating'),
    ])
    .where('c.received_on', '>=', `${year}-01-01`)
    .where('c.received_on', '<=', `${year}-12-31`)
    .groupBy([sql`substr(c.received_on, 1, 7)`, 'a.id', 'a.name', 'a.point_id'])
    .orderBy('month')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    assistantId: r.assistant_id,
    assistantName: r.assistant_name,
    pointId: r.point_id,
    cases: Number(r.n),
    done: Number(r.done),
    rating: r.rating === null ? null : Math.round(Number(r.rating) * 10) / 10,
  }));
}
