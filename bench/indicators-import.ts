import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { SYSTEM_ACTOR } from '../src/context.js';
import { migrateToLatest } from '../src/db/migrate.js';
import catalogue from '../src/modules/indicators/reference/catalogue.json' with { type: 'json' };
import { importIndicatorValues } from '../src/modules/indicators/indicators.service.js';
import { readReferenceUnits } from '../src/modules/org/seed.js';
import { runSeed } from '../src/seed.js';

const ROWS = 10_000;
const TARGET_S = 3;

/** 10 KPIs × 10 units (the city and its 9 county-level units) × 100 months: synthetic values. */
async function valuesWorkbook(): Promise<Buffer> {
  const units = readReferenceUnits()
    .filter((u) => u.kind === 'city' || u.kind === 'county')
    .map((u) => u.name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数值');
  ws.addRow(['指标编码', '单位', '期间', '数值', '来源', '佐证说明']);
  let n = 0;
  for (let m = 0; n < ROWS; m++) {
    const period = `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    for (const k of catalogue.kpis)
      for (const u of units)
        if (n++ < ROWS)
          ws.addRow([k.code, u, period, Math.round(k.latestValue * (1 - (n % 7) / 100) * 100) / 100, '基准测试（虚构）', null]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Parse, validate and commit a 10 000-row indicator-values workbook (one transaction, audited per value). */
export async function indicatorsImport(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-ind-'));
  const ctx = createContext({ ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' });
  try {
    await migrateToLatest(ctx.db);
    await runSeed(ctx, { demo: false });
    const data = await valuesWorkbook();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await importIndicatorValues(ctx, SYSTEM_ACTOR, { filename: 'bench.xlsx', data });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      ...result,
      dialect: ctx.database.dialect,
      seconds: Number(seconds.toFixed(3)),
      cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
      target_s: TARGET_S,
      pass: seconds <= TARGET_S && result.rows === ROWS,
    };
  } finally {
    await ctx.database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
