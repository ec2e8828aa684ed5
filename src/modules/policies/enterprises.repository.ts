import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { likeContains, likeStartsWith } from '../../db/like.js';
import type { EnterpriseRow, EnterpriseValues } from './enterprises.js';

export interface EnterpriseFilter {
  q?: string | undefined;
  countyCode?: string | undefined;
  industryPrefix?: string | undefined;
  sizeClass?: string | undefined;
  ids?: number[];
}

function filtered(db: Executor, f: EnterpriseFilter) {
  let q = db.selectFrom('enterprise');
  if (f.q) q = q.where((eb) => eb.or([likeContains('name', f.q!), eb('uscc', '=', f.q!.toUpperCase())]));
  if (f.countyCode) q = q.where('county_code', '=', f.countyCode);
  if (f.industryPrefix) q = q.where(likeStartsWith('industry_code', f.industryPrefix));
  if (f.sizeClass) q = q.where('size_class', '=', f.sizeClass);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  return q;
}

export async function listEnterprises(
  db: Executor,
  f: EnterpriseFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const rows = await filtered(db, f).selectAll().orderBy('id').offset(page.offset).limit(page.limit).execute();
  const { n } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function findEnterprise(db: Executor, id: number): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEnterprisesByUscc(db: Executor, usccs: string[]): Promise<Map<string, EnterpriseRow>> {
  const out = new Map<string, EnterpriseRow>();
  for (let k = 0; k < usccs.length; k += 500) {
    const rows = await db
      .selectFrom('enterprise')
      .selectAll()
      .where('uscc', 'in', usccs.slice(k, k + 500))
      .execute();
    for (const r of rows) out.set(r.uscc, r);
  }
  return out;
}

/** Inserts in batches (one statement per 500 rows) and returns the new ids in order. */
export async function insertEnterprises(db: Executor, values: EnterpriseValues[], at: string): Promise<number[]> {
  const ids: number[] = [];
  for (let k = 0; k < values.length; k += 500) {
    const rows = await db
      .insertInto('enterprise')
      .values(values.slice(k, k + 500).map((v) => ({ ...v, match_stale: 1, created_at: at, updated_at: at })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Updates when the version matches (or unconditionally when version is null, for imports). */
export async function updateEnterprise(
  db: Executor,
  id: number,
  version: number | null,
  v: EnterpriseValues,
  at: string,
): Promise<boolean> {
  let q = db
    .updateTable('enterprise')
    .set((eb) => ({ ...v, match_stale: 1, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every enterprise (or the stale ones, or given ids) in id order, streamed in pages. */
export async function* scanEnterprises(
  db: Executor,
  f: { staleOnly?: boolean; ids?: number[]; upToId?: number } = {},
): AsyncGenerator<EnterpriseRow[]> {
  let after = 0;
  for (;;) {
    let q = db.selectFrom('enterprise').selectAll().where('id', '>', after);
    if (f.upToId !== undefined) q = q.where('id', '<=', f.upToId);
    if (f.staleOnly) q = q.where('match_stale', '=', 1);
    if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
    const rows = await q.orderBy('id').limit(5000).execute();
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** How many enterprises `scanEnterprises` with the same filter and `upToId` would give, and that bound. */
export async function measureScan(db: Executor, f: { staleOnly?: boolean; ids?: number[] } = {}): Promise<{ n: number; maxId: number }> {
  if (f.ids && !f.ids.length) return { n: 0, maxId: 0 };
  let q = db.selectFrom('enterprise').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('id').as('m')]);
  if (f.staleOnly) q = q.where('match_stale', '=', 1);
  if (f.ids) q = q.where('id', 'in', f.ids);
  const r = await q.executeTakeFirstOrThrow();
  return { n: Number(r.n), maxId: Number(r.m ?? 0) };
}

export async function countEnterprises(db: Executor): Promise<number> {
  const { n } = await db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Clears the stale mark of enterprises not changed since they were read (same version). */
export async function markEnterprisesMatched(db: Executor, seen: { id: number; version: number }[]): Promise<void> {
  const byVersion = new Map<number, number[]>();
  for (const s of seen) {
    const ids = byVersion.get(s.version);
    if (ids) ids.push(s.id);
    else byVersion.set(s.version, [s.id]);
  }
  for (const [version, ids] of byVersion) {
    for (let k = 0; k < ids.length; k += 500) {
      await db
        .updateTable('enterprise')
        .set({ match_stale: 0 })
        .where('version', '=', version)
        .where('id', 'in', ids.slice(k, k + 500))
        .execute();
    }
  }
}

export async function enterpriseIdOfUser(db: Executor, userId: number): Promise<number | undefined> {
  const r = await db.selectFrom('enterprise_user').select('enterprise_id').where('user_id', '=', userId).executeTakeFirst();
  return r?.enterprise_id;
}

export async function linkEnterpriseUser(db: Executor, userId: number, enterpriseId: number): Promise<void> {
  await db.deleteFrom('enterprise_user').where('user_id', '=', userId).execute();
  await db.insertInto('enterprise_user').values({ user_id: userId, enterprise_id: enterpriseId }).execute();
}
