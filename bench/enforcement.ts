/**
 * "双随机" draw and credit grading at the reference city's scale, in memory (the algorithms the
 * services run; the database reads around them are not timed here):
 * - draw: 1 000 000 enterprises in four grades, 3 000 certified officers of 40 bodies, 20 000
 *   recusals and 200 000 "last inspected by" pairs, quotas 2/3/5/10 % by grade, two officers a visit;
 *   then the verification (hash of the snapshot and re-run) as anyone would run it.
 * - grading: 5 000 000 credit records over the 1 000 000 enterprises, scored by the data model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../src/app.js';
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
/** The database path (registry pages, grouped counts, upserts) at a smaller scale, on SQLite or DATABASE_URL. */
const DB_ENTERPRISES = Number(process.env.BENCH_DB_ENTERPRISES ?? 50_000);

/** regradeAll through the database: DB_ENTERPRISES enterprises with five records each (synthetic rows). */
async function gradeThroughDatabase(r: () => number): Promise<{ dialect: string; seconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-enf-'));
  const ctx = createContext({ ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' });
  try {
    await migrateToLatest(ctx.db);
    const at = new Date().toISOString();
    for (let k = 0; k < DB_ENTERPRISES; k += 1000) {
      const rows = Array.from({ length: Math.min(1000, DB_ENTERPRISES - k) }, (_, i) => ({
        uscc: `BENCH${String(k + i).padStart(13, '0')}`,
        name: `基准企业${k + i}（虚构）`,
        tax_grade: 'ABMCD'[Math.floor(r() * 5)]!,
        qualifications_json: '[]',
        tags_json: '[]',
        history_json: '{}',
        synthetic: 1,
        match_stale: 0,
        created_at: at,
        updated_at: at,
      }));
      await ctx.db.insertInto('enterprise').values(rows).execute();
      const records = rows.flatMap((_, i) =>
        Array.from({ length: 5 }, () => ({
          enterprise_id: k + i + 1,
          kind: RECORD_KINDS[Math.floor(r() * RECORD_KINDS.length)]!,
          summary: '基准记录（虚构）',
          occurred_on: '2026-01-01',
          created_at: at,
        })),
      );
      for (let j = 0; j < records.length; j += 1000)
        await ctx.db
          .insertInto('enf_credit_record')
          .values(records.slice(j, j + 1000))
          .execute();
    }
    const t0 = performance.now();
    const out = await regradeAll(ctx, SYSTEM_ACTOR);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `grade through the database (${ctx.database.dialect}): ${out.enterprises} ` +
        `enterprises, ${out.enterprises * 5} records in ${seconds.toFixed(2)} s`,
    );
    return { dialect: ctx.database.dialect, seconds: Number(seconds.toFixed(2)) };
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

  const times: number[] = [];
  let visits = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    visits = runDraw(seed, snapshot).length;
    times.push(performance.now() - t0);
  }
  const drawMs = Math.min(...times);
  console.log(
    `draw: ${ENTERPRISES} enterprises, ${OFFICERS} officers → ${visits} visits ` +
      `in ${times.map((t) => t.toFixed(0)).join(' / ')} ms (best ${drawMs.toFixed(0)} ms)`,
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

  const db = await gradeThroughDatabase(r);

  return {
    bench: 'enforcement',
    enterprises: ENTERPRISES,
    officers: OFFICERS,
    visits,
    draw_ms: Math.round(drawMs),
    verify_ms: Math.round(verifyMs),
    records: RECORDS,
    grade_all_s: Number(gradeAllS.toFixed(2)),
    by_grade: byGrade,
    db_dialect: db.dialect,
    db_enterprises: DB_ENTERPRISES,
    db_grade_s: db.seconds,
  };
}
