import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Executor } from './database.js';

/**
 * Bulk writes for imports and seeds. Kysely builds an operation node per value and compiles the
 * query anew each time, which costs more than SQLite spends writing the rows (10 000 items: ~1 s
 * of query building against ~0.1 s of inserting). These helpers write the SQL text once per
 * statement shape, with placeholders, and hand the values over as they are; on SQLite the text
 * also hits the prepared-statement cache (database.ts). Identifiers come from our own code, never
 * from input.
 */

/** Parameters per statement: SQLite allows 32 766, PostgreSQL 65 535. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1000;

type Row = Record<string, unknown>;

export function isPostgresExecutor(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function quote(id: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`unexpected identifier ${id}`);
  return `"${id}"`;
}

function columnsOf(row: Row): string[] {
  return Object.keys(row).filter((k) => row[k] !== undefined);
}

/** Consecutive rows with the same columns, in order, cut so a statement stays under the limits. */
function runs(rows: Row[]): { columns: string[]; rows: Row[] }[] {
  const out: { columns: string[]; rows: Row[] }[] = [];
  let key = '';
  for (const row of rows) {
    const columns = columnsOf(row);
    const k = columns.join(',');
    const last = out.at(-1);
    if (last && k === key && last.rows.length < Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(columns.length, 1))))
      last.rows.push(row);
    else out.push({ columns, rows: [row] });
    key = k;
  }
  return out;
}

function placeholders(pg: boolean, first: number, count: number, casts?: (string | undefined)[]): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const cast = casts?.[i];
    out.push(pg ? `$${first + i}${cast ? `::${cast}` : ''}` : '?');
  }
  return `(${out.join(', ')})`;
}

/**
 * INSERT of many rows, in order; with `returning: 'id'` the new ids in the order of `rows` (the
 * order a multi-row VALUES insert returns them on SQLite and PostgreSQL, as the builder relied on).
 * A column missing from a row takes its default, as with the query builder.
 */
export async function bulkInsert(db: Executor, table: string, rows: Row[], opts: { returning?: 'id' } = {}): Promise<number[]> {
  const pg = isPostgresExecutor(db);
  const ids: number[] = [];
  for (const run of runs(rows)) {
    const n = run.columns.length;
    if (!n) throw new Error(`bulkInsert: a row for ${table} has no values`);
    const params: unknown[] = [];
    const values: string[] = [];
    for (const row of run.rows) {
      values.push(placeholders(pg, params.length + 1, n));
      for (const c of run.columns) params.push(row[c]);
    }
    const returning = opts.returning ? ` returning ${quote(opts.returning)}` : '';
    const text = `insert into ${quote(table)} (${run.columns.map(quote).join(', ')}) values ${values.join(', ')}${returning}`;
    const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(text, params));
    if (opts.returning) ids.push(...result.rows.map((r) => Number(r.id)));
  }
  return ids;
}

/** PostgreSQL types of the columns a bulk update sets (a VALUES list is text unless cast). */
export type ColumnTypes = Record<string, 'integer' | 'real' | 'text'>;

/**
 * UPDATE of many rows by id: `rows` hold `id` and the new values; `increment` columns are raised
 * by one (a version number). One statement per shape and chunk (UPDATE … FROM a VALUES list).
 */
export async function bulkUpdateById(
  db: Executor,
  table: string,
  rows: (Row & { id: number })[],
  opts: { types: ColumnTypes; increment?: string[] },
): Promise<void> {
  const pg = isPostgresExecutor(db);
  for (const run of runs(rows)) {
    const columns = run.columns.filter((c) => c !== 'id');
    const all = ['id', ...columns];
    const casts = all.map((c) => (c === 'id' ? 'integer' : opts.types[c]));
    for (const c of columns) if (!opts.types[c]) throw new Error(`bulkUpdateById: no type for ${table}.${c}`);
    const params: unknown[] = [];
    const values: string[] = [];
    for (const row of run.rows) {
      values.push(placeholders(pg, params.length + 1, all.length, casts));
      for (const c of all) params.push(row[c]);
    }
    const sets = [
      ...columns.map((c) => `${quote(c)} = v.${quote(c)}`),
      ...(opts.increment ?? []).map((c) => `${quote(c)} = ${quote(table)}.${quote(c)} + 1`),
    ];
    const v = `v(${all.map(quote).join(', ')})`;
    const text = pg
      ? `update ${quote(table)} set ${sets.join(', ')} from (values ${values.join(', ')}) as ${v} where ${quote(table)}."id" = v."id"`
      : `with ${v} as (values ${values.join(', ')}) update ${quote(table)} ` +
        `set ${sets.join(', ')} from v where ${quote(table)}."id" = v."id"`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
