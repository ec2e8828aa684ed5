import { CompiledQuery, PostgresAdapter } from "kysely";
const MAX_PARAMS = 3e4;
const MAX_ROWS = 1e3;
function isPostgresExecutor(db) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
function quote(id) {
  if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`unexpected identifier ${id}`);
  return `"${id}"`;
}
function columnsOf(row) {
  return Object.keys(row).filter((k) => row[k] !== void 0);
}
function runs(rows) {
  const out = [];
  let key = "";
  for (const row of rows) {
    const columns = columnsOf(row);
    const k = columns.join(",");
    const last = out.at(-1);
    if (last && k === key && last.rows.length < Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(columns.length, 1)))) last.rows.push(row);
    else out.push({ columns, rows: [row] });
    key = k;
  }
  return out;
}
function placeholders(pg, first, count, casts) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const cast = casts?.[i];
    out.push(pg ? `$${first + i}${cast ? `::${cast}` : ""}` : "?");
  }
  return `(${out.join(", ")})`;
}
async function bulkInsert(db, table, rows, opts = {}) {
  const pg = isPostgresExecutor(db);
  const ids = [];
  for (const run of runs(rows)) {
    const n = run.columns.length;
    if (!n) throw new Error(`bulkInsert: a row for ${table} has no values`);
    const params = [];
    const values = [];
    for (const row of run.rows) {
      values.push(placeholders(pg, params.length + 1, n));
      for (const c of run.columns) params.push(row[c]);
    }
    const returning = opts.returning ? ` returning ${quote(opts.returning)}` : "";
    const text = `insert into ${quote(table)} (${run.columns.map(quote).join(", ")}) values ${values.join(", ")}${returning}`;
    const result = await db.executeQuery(CompiledQuery.raw(text, params));
    if (opts.returning) ids.push(...result.rows.map((r) => Number(r.id)));
  }
  return ids;
}
async function bulkUpdateById(db, table, rows, opts) {
  const pg = isPostgresExecutor(db);
  for (const run of runs(rows)) {
    const columns = run.columns.filter((c) => c !== "id");
    const all = ["id", ...columns];
    const casts = all.map((c) => c === "id" ? "integer" : opts.types[c]);
    for (const c of columns) if (!opts.types[c]) throw new Error(`bulkUpdateById: no type for ${table}.${c}`);
    const params = [];
    const values = [];
    for (const row of run.rows) {
      values.push(placeholders(pg, params.length + 1, all.length, casts));
      for (const c of all) params.push(row[c]);
    }
    const sets = [...columns.map((c) => `${quote(c)} = v.${quote(c)}`), ...(opts.increment ?? []).map((c) => `${quote(c)} = ${quote(table)}.${quote(c)} + 1`)];
    const v = `v(${all.map(quote).join(", ")})`;
    const text = pg ? `update ${quote(table)} set ${sets.join(", ")} from (values ${values.join(", ")}) as ${v} where ${quote(table)}."id" = v."id"` : `with ${v} as (values ${values.join(", ")}) update ${quote(table)} set ${sets.join(", ")} from v where ${quote(table)}."id" = v."id"`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
export {
  bulkInsert,
  bulkUpdateById,
  isPostgresExecutor
};
//# sourceMappingURL=bulk.js.map
