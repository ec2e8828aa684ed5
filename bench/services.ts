import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../src/app.js';
import { SERVICE_FLAGS } from '../src/common/schemas/services.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { catalogueRates } from '../src/modules/services/catalogue.service.js';
import { packageStats } from '../src/modules/services/packages.service.js';
import { FLAG_COLUMNS } from '../src/modules/services/services.repository.js';
import { WORKDAY_MINUTES } from '../src/modules/services/working-time.js';
import { runSeed } from '../src/seed.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 5000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 250);
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const YEAR = 2025;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

/**
 * 5 000 services (city, county, township; some ended by a round), 250 packages and 1 000 000 finished
 * package cases over one year in a fresh SQLite file (or DATABASE_URL). The per-day roll-up is
 * written as the service writes it when a case closes (one row per package and day); the cases'
 * department steps are not generated — neither measured query reads them.
 * Measured: all the report's rates for one day (`catalogueRates`) and one year's reduction
 * statistics for every package (`packageStats`), each the median of several runs.
 */
export async function servicesBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-services-'));
  const config = { ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' as const };
  const ctx = createContext(config);
  try {
    await migrateToLatest(ctx.db);
    await runSeed(ctx, { demo: false, light: true });
    const units = (await loadUnitResolver(ctx.db)).all.filter((u) => u.status === 'active');
    const depts = units.filter((u) => u.kind === 'department').map((u) => u.id);
    const counties = units.filter((u) => u.kind === 'county').map((u) => u.id);
    const rnd = lcg(13);
    const at = new Date().toISOString();
    const t0 = performance.now();

    const services = [];
    for (let i = 0; i < SERVICES; i++) {
      const level = i % 10 < 5 ? 'city' : i % 10 < 9 ? 'county' : 'township';
      const legal = 5 + (i % 16);
      const flags = Object.fromEntries(
        SERVICE_FLAGS.map((f, k) => [FLAG_COLUMNS[f], rnd() < [0.98, 0.78, 0.5, 0.05, 0.1, 0.1, 0.08, 0.06][k]! ? 1 : 0]),
      );
      services.push({
        code: `B-${i + 1}`,
        name: `基准测试事项${i + 1}`,
        level,
        unit_id: depts[i % depts.length]!,
        county_id: level === 'city' ? null : counties[i % counties.length]!,
        type: 'licence',
        legal_days: legal,
        promised_days: Math.max(1, Math.floor(legal / 3)),
        fee_fen: 0,
        materials: '[]',
        ...flags,
        park_basis: flags.park ? 'agreement' : null,
        place: null,
        online_url: null,
        valid_from: '2024-01-01',
        valid_to: i % 7 === 0 ? '2025-06-30' : null,
        round_id: null,
        created_at: at,
        updated_at: at,
      } as const);
    }
    for (let i = 0; i < services.length; i += 500)
      await ctx.db
        .insertInto('service_item')
        .values(services.slice(i, i + 500) as never)
        .execute();

    const packages = Array.from({ length: PACKAGES }, (_, i) => ({
      code: `B-PKG-${i + 1}`,
      name: `基准测试一件事${i + 1}`,
      kind: i === 0 ? 'startup' : 'other',
      mode: i % 2 ? 'sequence' : 'parallel',
      promised_days: 1 + (i % 3),
      form_fields: '[]',
      materials: '[]',
      before_steps: 10,
      before_materials: 15,
      before_days: 8 + (i % 10),
      before_visits: 4,
      before_fee_fen: 0,
      after_steps: 2,
      after_visits: 0,
      after_fee_fen: 0,
      place: null,
      online_url: null,
      created_at: at,
      updated_at: at,
    }));
    for (let i = 0; i < packages.length; i += 100)
      await ctx.db
        .insertInto('service_package')
        .values(packages.slice(i, i + 100))
        .execute();
    const packageIds = await ctx.db.selectFrom('service_package').select(['id', 'promised_days']).orderBy('id').execute();
    console.error(`catalogue and packages written in ${Math.round(performance.now() - t0)} ms; writing ${CASES} cases …`);

    const dayStart = Date.UTC(YEAR, 0, 1);
    const rollup = new Map<
      string,
      { package_id: number; day: string; finished: number; late: number; elapsed_minutes: number; waived_fen: number }
    >();
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length)
        await ctx.db
          .insertInto('service_case')
          .values(batch as never)
          .execute();
      batch = [];
    };
    for (let i = 0; i < CASES; i++) {
      const p = packageIds[i % packageIds.length]!;
      // Submitted at 09:00–15:00 China time (01:00–07:00 UTC, so the UTC date is the China date).
      const submitted = dayStart + Math.floor(rnd() * 364) * 86_400_000 + 3_600_000 + Math.floor(rnd() * 6 * 3_600_000);
      const minutes = Math.floor(rnd() * p.promised_days * WORKDAY_MINUTES * 1.4);
      const finished = new Date(Math.min(submitted + minutes * 60_000, Date.UTC(YEAR, 11, 31, 9))).toISOString();
      const late = minutes > p.promised_days * WORKDAY_MINUTES ? 1 : 0;
      batch.push({
        package_id: p.id,
        applicant: `基准测试申请人${i}`,
        submitted_at: new Date(submitted).toISOString(),
        finished_at: finished,
        status: 'done',
        elapsed_minutes: minutes,
        late,
        steps: null,
        documents: null,
        waived_fen: p.id === packageIds[0]!.id ? 52000 : 0,
        created_at: at,
      });
      const key = `${p.id}|${finished.slice(0, 10)}`;
      const r = rollup.get(key) ?? {
        package_id: p.id,
        day: finished.slice(0, 10),
        finished: 0,
        late: 0,
        elapsed_minutes: 0,
        waived_fen: 0,
      };
      r.finished++;
      r.late += late;
      r.elapsed_minutes += minutes;
      r.waived_fen += p.id === packageIds[0]!.id ? 52000 : 0;
      rollup.set(key, r);
      if (batch.length === 800) await flush();
      if (i % 200_000 === 199_999) console.error(`  ${i + 1} cases`);
    }
    await flush();
    const days = [...rollup.values()];
    for (let i = 0; i < days.length; i += 1000)
      await ctx.db
        .insertInto('service_case_day')
        .values(days.slice(i, i + 1000))
        .execute();
    const loadMs = Math.round(performance.now() - t0);
    console.error(`data written in ${loadMs} ms (${days.length} package-days in the roll-up)`);

    const rateRuns: number[] = [];
    let rates;
    for (let k = 0; k < 7; k++) {
      const s = performance.now();
      rates = await catalogueRates(ctx, { date: '2025-12-31' });
      rateRuns.push(performance.now() - s);
    }
    const statRuns: number[] = [];
    let stats;
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      stats = await packageStats(ctx, `${YEAR}-01-01`, `${YEAR}-12-31`);
      statRuns.push(performance.now() - s);
    }
    console.error(
      `rates of one day: ${rates!.total} services in force, 一网通办 ${rates!.rates[0]!.percent} ` +
        `%; runs ${rateRuns.map((x) => x.toFixed(1)).join(', ')} ms`,
    );
    console.error(
      `package statistics of ${YEAR}: ${stats!.finished} cases, ${stats!.late} late, average time ` +
        `cut ${stats!.averageTimeCut} %; runs ${statRuns.map((x) => x.toFixed(1)).join(', ')} ms`,
    );
    const ratesMs = median(rateRuns);
    const statsMs = median(statRuns);
    return {
      dialect: ctx.database.dialect,
      services: SERVICES,
      packages: PACKAGES,
      cases: CASES,
      load_ms: loadMs,
      rates_ms: ratesMs,
      package_stats_ms: statsMs,
      cases_counted: stats!.finished,
      pass: ratesMs <= 100 && statsMs <= 1000 && stats!.finished === CASES,
    };
  } finally {
    await ctx.database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
