/**
 * "双随机" draw and credit grading at the reference city's scale, in memory (the algorithms the
 * services run), then through the database:
 * - draw: 1 000 000 enterprises in four grades, 3 000 certified officers of 40 bodies, 20 000
 *   recusals and 200 000 "last inspected by" pairs, quotas 2/3/5/10 % by grade, two officers a visit;
 *   then the verification (hash of the snapshot and re-run) as anyone would run it.
 * - grading: 5 000 000 credit records over the 1 000 000 enterprises, scored by the data model.
 * - the database path at the same scale: regradeAll (first run, then after 1 % of the records
 *   changed) and fixing a plan's pool over the graded registry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../src/app.js';
import type { AppContext } from '../src/context.js';
import { CompiledQuery, sql } from 'kysely';
import { bulkInsert, bulkUpdateById, isPostgresExecutor } from '../src/db/bulk.js';
import { type Executor, withTransaction } from '../src/db/database.js';
import type { PlanRow } from '../src/modules/enforcement/enforcement.repository.js';
import { buildSnapshot } from '../src/modules/enforcement/inspections.service.js';
import { loadConfig } from '../src/config.js';
import { SYSTEM_ACTOR } from '../src/context.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { regradeAll } from '../src/modules/enforcement/credit.service.js';
import { gradeOfScore, RECORD_KINDS, scoreAll } from '../src/modules/enforcement/credit.js';
import { CREDIT_MODEL } from '../src/modules/enforcement/credit.js';
import { DRAW_ALGORITHM, type DrawSnapshot, runDraw, sha256Hex, verifyDraw } from '../src/modules/enforcement/draw.js';
import { rng } from '../src/modules/policies/synthetic.js';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000);
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 3_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 5_000_000);
/** The database path at full scale by default (BENCH_DB_ENTERPRISES to shrink it), on SQLite or DATABASE_URL. */
const DB_ENTERPRISES = Number(process.env.BENCH_DB_ENTERPRISES ?? ENTERPRISES);
const DB_RECORDS = Number(process.env.BENCH_DB_RECORDS ?? (RECORDS * DB_ENTERPRISES) / ENTERPRISES);

interface DatabaseFigures {
  dialect: string;
  enterprises: number;
  records: number;
  /** regradeAll with no grade stored yet: every enterprise written. */
  firstSeconds: number;
  /** regradeAll after 1 % of the records ended (credit repair) and as many added: only the changes written. */
  seconds: number;
  /** CPU time of this process for `seconds` (on PostgreSQL the server's work is not in it). */
  cpuSeconds: number;
  changed: number;
  /** Fixing a plan's pool (the snapshot the commitment covers) over the whole graded registry. */
  poolFixMs: number;
  poolFixCpuMs: number;
  pool: number;
}

/** Rows per seeding statement: the values travel as columns (PostgreSQL arrays, an SQLite JSON text). */
const SEED_CHUNK = 50_000;

/**
 * INSERT … SELECT of many rows from columns of values: on PostgreSQL one `unnest` of typed arrays,
 * on SQLite one `json_each` over a JSON array of rows, so a statement carries 50 000 rows in a few
 * parameters and nothing is built per value. `constants` are the same in every row.
 */
async function insertColumns(
  trx: Executor,
  table: string,
  columns: { name: string; type: 'integer' | 'text'; values: (string | number)[] }[],
  constants: Record<string, string | number>,
): Promise<void> {
  const names = [...columns.map((c) => c.name), ...Object.keys(constants)].join(', ');
  const consts = Object.values(constants);
  if (isPostgresExecutor(trx)) {
    const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const extra = consts.map((_, i) => `, $${columns.length + i + 1}`).join('');
    await trx.executeQuery(
      CompiledQuery.raw(`insert into ${table} (${names}) select u.*${extra} from unnest(${arrays}) as u`, [
        ...columns.map((c) => c.values),
        ...consts,
      ]),
    );
    return;
  }
  const rows = columns[0]!.values.map((_, i) => columns.map((c) => c.values[i]));
  const picks = columns.map((_, i) => `value ->> ${i}`).join(', ');
  const extra = consts.map(() => ', ?').join('');
  await trx.executeQuery(
    CompiledQuery.raw(`insert into ${table} (${names}) select ${picks}${extra} from json_each(?)`, [...consts, JSON.stringify(rows)]),
  );
}

/** Synthetic registry and records written straight in (bulk statements, one transaction), outside the timings. */
async function seedDatabase(ctx: AppContext, r: () => number): Promise<void> {
  const at = new Date().toISOString();
  const perEnterprise = DB_RECORDS / DB_ENTERPRISES;
  await withTransaction(ctx.db, async (trx) => {
    for (let k = 0; k < DB_ENTERPRISES; k += SEED_CHUNK) {
      const n = Math.min(SEED_CHUNK, DB_ENTERPRISES - k);
      const ids = Array.from({ length: n }, (_, i) => k + i);
      await insertColumns(
        trx,
        'enterprise',
        [
          { name: 'uscc', type: 'text', values: ids.map((e) => `BENCH${String(e).padStart(13, '0')}`) },
          { name: 'name', type: 'text', values: ids.map((e) => `基准企业${e}（虚构）`) },
          { name: 'county_code', type: 'text', values: ids.map((e) => `15010${e % 5}`) },
          { name: 'industry_code', type: 'text', values: ids.map((e) => 'CDEFG'[e % 5]!) },
          { name: 'tax_grade', type: 'text', values: ids.map(() => 'ABMCD'[Math.floor(r() * 5)]!) },
        ],
        { qualifications_json: '[]', tags_json: '[]', history_json: '{}', synthetic: 1, match_stale: 0, created_at: at, updated_at: at },
      );
      const enterpriseIds: number[] = [];
      const kinds: string[] = [];
      for (const e of ids)
        for (let j = Math.floor(e * perEnterprise); j < Math.floor((e + 1) * perEnterprise); j++) {
          enterpriseIds.push(e + 1);
          kinds.push(RECORD_KINDS[Math.floor(r() * RECORD_KINDS.length)]!);
        }
      for (let j = 0; j < enterpriseIds.length; j += SEED_CHUNK)
        await insertColumns(
          trx,
          'enf_credit_record',
          [
            { name: 'enterprise_id', type: 'integer', values: enterpriseIds.slice(j, j + SEED_CHUNK) },
            { name: 'kind', type: 'text', values: kinds.slice(j, j + SEED_CHUNK) },
          ],
          { summary: '基准记录（虚构）', occurred_on: '2026-01-01', created_at: at },
        );
    }
  });
}

/** What a day of new facts looks like: 1 % of the records repaired (ended), as many new ones. */
async function changeRecords(ctx: AppContext, r: () => number): Promise<void> {
  const at = new Date().toISOString();
  const n = Math.floor(DB_RECORDS / 100);
  await withTransaction(ctx.db, async (trx) => {
    const ended = Array.from({ length: n }, () => ({ id: 1 + Math.floor(r() * DB_RECORDS), ended_on: '2026-06-01' }));
    await bulkUpdateById(trx, 'enf_credit_record', ended, { types: { ended_on: 'text' } });
    const added = Array.from({ length: n }, () => ({
      enterprise_id: 1 + Math.floor(r() * DB_ENTERPRISES),
      kind: RECORD_KINDS[Math.floor(r() * RECORD_KINDS.length)]!,
      summary: '基准新增记录（虚构）',
      occurred_on: '2026-06-01',
      created_at: at,
    }));
    await bulkInsert(trx, 'enf_credit_record', added);
  });
}

/** Milliseconds of CPU (user + system) of this process since `start`. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

/** A plan over the whole registry (grades A–D, no filter) as the commit step reads it. */
function benchPlan(): PlanRow {
  const at = new Date().toISOString();
  return {
    id: 1,
    name: '基准计划（虚构）',
    kind: 'annual',
    unit_ids_json: '[1]',
    item_codes_json: '["BENCH-01"]',
    filter_json: '{}',
    quotas_json: '[{"grade":"A","ratio":0.02}]',
    officer_ids_json: '[]',
    officers_per_visit: 2,
    window_from: '2026-01-01',
    window_to: '2026-12-31',
    off_site: 0,
    data_source: null,
    publish_days: 20,
    status: 'draft',
    commitment: null,
    snapshot_hash: null,
    snapshot_json: null,
    seed: null,
    committed_at: null,
    drawn_at: null,
    results_published_at: null,
    created_by: 1,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

/** regradeAll and the pool fixing through the database (the DB path), at DB_ENTERPRISES. */
async function throughDatabase(r: () => number): Promise<DatabaseFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-enf-'));
  const ctx = createContext({ ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' });
  try {
    await migrateToLatest(ctx.db);
    const s0 = performance.now();
    await seedDatabase(ctx, r);
    console.log(
      `seeded ${DB_ENTERPRISES} enterprises, ${DB_RECORDS} records in ${((performance.now() - s0) / 1000).toFixed(1)} s (not timed)`,
    );
    // A database in service has its statistics and visibility map (autovacuum): the freshly seeded one gets them now.
    if (ctx.database.dialect === 'postgres')
      for (const t of ['enterprise', 'enf_credit_record', 'enf_credit_grade']) await sql.raw(`vacuum analyze ${t}`).execute(ctx.db);
    const t0 = performance.now();
    const first = await regradeAll(ctx, SYSTEM_ACTOR);
    const firstSeconds = (performance.now() - t0) / 1000;
    console.log(
      `regrade through the database (${ctx.database.dialect}), nothing stored yet: ` +
        `${first.changed} written in ${firstSeconds.toFixed(2)} s`,
    );
    await changeRecords(ctx, r);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const again = await regradeAll(ctx, SYSTEM_ACTOR);
    const seconds = (performance.now() - t1) / 1000;
    const cpuSeconds = cpuSince(c1) / 1000;
    console.log(
      `regrade through the database after 1 % of the records changed: ${again.enterprises} enterprises, ` +
        `${again.changed} written in ${seconds.toFixed(2)} s (CPU of this process ${cpuSeconds.toFixed(2)} s) ` +
        `→ ${JSON.stringify(again.byGrade)}`,
    );
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    const snapshot = await withTransaction(ctx.db, (trx) => buildSnapshot(trx, benchPlan(), '2026-06-01'));
    const poolFixMs = performance.now() - t2;
    const poolFixCpuMs = cpuSince(c2);
    console.log(
      `pool fixed: ${snapshot.enterpriseIds.length} enterprises in ${poolFixMs.toFixed(0)} ms (CPU ${poolFixCpuMs.toFixed(0)} ms)`,
    );
    return {
      dialect: ctx.database.dialect,
      enterprises: DB_ENTERPRISES,
      records: DB_RECORDS,
      firstSeconds: Number(firstSeconds.toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      changed: again.changed,
      poolFixMs: Math.round(poolFixMs),
      poolFixCpuMs: Math.round(poolFixCpuMs),
      pool: snapshot.enterpriseIds.length,
    };
  } finally {
    await ctx.database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function enforcementBench(): Promise<Record<string, unknown>> {
  const r = rng(2026);
  const ids = Array.from({ length: ENTERPRISES }, (_, i) => i + 1);
  let grades = '';
  for (let i = 0; i < ENTERPRISES; i++) {
    const x = r();
    grades += x < 0.3 ? 'A' : x < 0.85 ? 'B' : x < 0.97 ? 'C' : 'D';
  }
  const officers = Array.from({ length: OFFICERS }, (_, i) => ({ id: i + 1, unitId: 1 + (i % 40) }));
  const recusals: [number, number][] = Array.from({ length: 20_000 }, () => [1 + Math.floor(r() * 40), 1 + Math.floor(r() * ENTERPRISES)]);
  const last = new Map<number, number[]>();
  for (let k = 0; k < 200_000; k++)
    last.set(1 + Math.floor(r() * ENTERPRISES), [1 + Math.floor(r() * OFFICERS), 1 + Math.floor(r() * OFFICERS)]);
  const snapshot: DrawSnapshot = {
    algorithm: DRAW_ALGORITHM,
    planId: 1,
    items: ['SJ-CC-01', 'SJ-CC-02', 'ST-CC-01'],
    enterpriseIds: ids,
    grades,
    recognised: [],
    quotas: [
      { grade: 'A', ratio: 0.02 },
      { grade: 'B', ratio: 0.03 },
      { grade: 'C', ratio: 0.05 },
      { grade: 'D', ratio: 0.1 },
    ],
    officers,
    officersPerVisit: 2,
    recusals,
    lastInspectors: [...last],
  };
  const seed = sha256Hex('bench seed');

  // The product draws from the snapshot as stored (drawPlan parses the plan's snapshot text): the
  // same here, the parsing timed apart; CPU time too, since the machine is shared.
  const stored = JSON.stringify(snapshot);
  const p0 = performance.now();
  const parsed = JSON.parse(stored) as DrawSnapshot;
  const parseMs = performance.now() - p0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let visits = 0;
  for (let run = 0; run < 3; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    visits = runDraw(seed, parsed).length;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const drawMs = Math.min(...times);
  const drawCpuMs = Math.min(...cpuTimes);
  console.log(
    `draw: ${ENTERPRISES} enterprises, ${OFFICERS} officers → ${visits} visits ` +
      `in ${times.map((t) => t.toFixed(0)).join(' / ')} ms (best ${drawMs.toFixed(0)} ms, CPU ${drawCpuMs.toFixed(0)} ms); ` +
      `parsing the stored snapshot ${parseMs.toFixed(0)} ms`,
  );

  const t1 = performance.now();
  const snapshotJson = JSON.stringify(snapshot);
  const published = runDraw(seed, snapshot);
  const v = verifyDraw({ commitment: sha256Hex(seed), seed, snapshotHash: sha256Hex(snapshotJson), snapshotJson, visits: published });
  const verifyMs = performance.now() - t1;
  if (!v.matches) throw new Error('the draw did not verify');
  console.log(`verify (snapshot ${(snapshotJson.length / 1e6).toFixed(1)} MB hashed, parsed and re-run): ${verifyMs.toFixed(0)} ms`);

  const recordEnterprise = new Int32Array(RECORDS);
  const recordKind = new Uint8Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) {
    recordEnterprise[i] = Math.floor(r() * ENTERPRISES);
    recordKind[i] = Math.floor(r() * RECORD_KINDS.length);
  }
  const taxPoints = new Int16Array(ENTERPRISES);
  const taxGrades = Object.values(CREDIT_MODEL.taxGrade);
  for (let e = 0; e < ENTERPRISES; e++) taxPoints[e] = taxGrades[Math.floor(r() * taxGrades.length)]!;
  const t2 = performance.now();
  const scores = scoreAll(ENTERPRISES, recordEnterprise, recordKind, taxPoints);
  const byGrade: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (let e = 0; e < ENTERPRISES; e++) byGrade[gradeOfScore(scores[e]!)]!++;
  const gradeAllS = (performance.now() - t2) / 1000;
  console.log(`grade all: ${RECORDS} records, ${ENTERPRISES} enterprises in ${gradeAllS.toFixed(2)} s → ${JSON.stringify(byGrade)}`);

  const db = await throughDatabase(r);

  return {
    bench: 'enforcement',
    enterprises: ENTERPRISES,
    officers: OFFICERS,
    visits,
    draw_ms: Math.round(drawMs),
    draw_cpu_ms: Math.round(drawCpuMs),
    draw_parse_ms: Math.round(parseMs),
    verify_ms: Math.round(verifyMs),
    records: RECORDS,
    grade_all_s: Number(gradeAllS.toFixed(2)),
    by_grade: byGrade,
    db_dialect: db.dialect,
    db_enterprises: db.enterprises,
    db_records: db.records,
    regrade_db_first_s: db.firstSeconds,
    regrade_db_s: db.seconds,
    regrade_db_cpu_s: db.cpuSeconds,
    regrade_db_changed: db.changed,
    pool_fix_ms: db.poolFixMs,
    pool_fix_cpu_ms: db.poolFixCpuMs,
    pool: db.pool,
  };
}
