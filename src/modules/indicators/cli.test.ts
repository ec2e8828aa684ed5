import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCliContext } from '../../cli/context.js';
import { registerIndicatorCommands } from '../../cli/indicators.js';
import { referenceSeed } from '../../seed.js';
import { SHARED_DATA } from '../../test/shared-data.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/bizenv');
const SB_FILE = path.join(SHARED_DATA, 'doing-business', 'db2019_starting_a_business_components.csv');

/** Runs `bizenv <args>` in this process (same commander wiring as bin/bizenv) and captures its output. */
async function bizenv(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const program = new Command('bizenv').exitOverride();
  registerIndicatorCommands(program);
  try {
    await program.parseAsync(['node', 'bizenv', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { exitCode, stdout: out.join('\n'), stderr: err.join('\n') };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('bizenv indicators score (CLI)', () => {
  it('scores the World Bank DB2019 starting-a-business export and prints {"results": [...]}', async () => {
    const r = await bizenv(['indicators', 'score', '--method', 'doing-business', '--values', SB_FILE, '--json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['results']);
    expect(out.results).toHaveLength(213);
    const china = out.results.find((x: { economy: string }) => x.economy === 'China');
    expect(Object.keys(china)).toEqual(expect.arrayContaining(['economy', 'topic', 'score', 'components']));
    expect(china.topic).toBe('starting_a_business');
    expect(Object.keys(china.components)).toEqual(['procedures', 'time', 'cost', 'paid_in_min_capital']);
  });

  it('exits non-zero with located errors for text in a number, a value outside range, a missing file or an unknown method', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-ind-'));
    const lines = fs.readFileSync(SB_FILE, 'utf8').split('\n');
    const cols = lines[0].split(',');
    const row = lines[1].split(',');
    row[cols.indexOf('time_men_days')] = 'eight';
    row[cols.indexOf('cost_women_pct_income_pc')] = '-3';
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, `${lines[0]}\n${row.join(',')}\n`);
    const r = await bizenv(['indicators', 'score', '--method', 'doing-business', '--values', file, '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv:row 2, column time_men_days: 不是数字 / not a number: "eight"');
    expect(r.stderr).toContain('bad.csv:row 2, column cost_women_pct_income_pc: -3');
    const missing = await bizenv(['indicators', 'score', '--method', 'doing-business', '--values', path.join(dir, 'none.csv'), '--json']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('cannot read the file');
    const unknown = await bizenv(['indicators', 'score', '--method', 'nope', '--values', file, '--json']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('unknown method');
  });

  // The real entry point once, as a user types it. Starting Node and tsx takes a few seconds on an
  // idle machine and minutes on a saturated one, hence the generous timeout.
  it('runs as bin/bizenv with the exact interface', { timeout: 600_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      BIN,
      ['indicators', 'score', '--method', 'doing-business', '--values', SB_FILE, '--json'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const { results } = JSON.parse(stdout);
    expect(results).toHaveLength(213);
    expect(Math.abs(results[0].score - 92.0413)).toBeLessThan(1e-3);
  });
});

async function valuesWorkbook(file: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数值');
  ws.addRow(['指标编码', '单位', '期间', '数值', '来源', '佐证说明']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('bizenv indicators import-values (CLI)', () => {
  // The command opens the database the environment names: a fresh SQLite file with the catalogue and units.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-ind-import-'));
  const saved = { dataDir: process.env.BIZENV_DATA_DIR, databaseUrl: process.env.DATABASE_URL };
  const storedValues = async () => {
    const ctx = await openCliContext();
    try {
      return Number(
        (
          await ctx.db
            .selectFrom('indicator_value')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    } finally {
      await ctx.database.destroy();
    }
  };

  beforeAll(async () => {
    process.env.BIZENV_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const ctx = await openCliContext();
    try {
      for (const step of referenceSeed.filter((s) => s.name === 'units' || s.name === 'indicator-catalogue')) await step.run(ctx, () => {});
    } finally {
      await ctx.database.destroy();
    }
  }, 120_000);
  afterAll(() => {
    if (saved.dataDir === undefined) delete process.env.BIZENV_DATA_DIR;
    else process.env.BIZENV_DATA_DIR = saved.dataDir;
    if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dry-runs a good workbook: prints every row as it would be written, exit 0, writes nothing', async () => {
    const file = path.join(dir, 'values.xlsx');
    await valuesWorkbook(file, [
      ['KPI-SB-TIME', '赛罕区', '2025', 0.8, '区政务服务局', '台账'],
      ['KPI-SB-TIME', '赛罕区', '2024-Q2', 0.9, '区政务服务局'],
    ]);
    const json = await bizenv(['indicators', 'import-values', file, '--dry-run', '--json']);
    expect(json.exitCode).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.problems).toEqual([]);
    expect(out.result).toBeUndefined();
    expect(out.rows).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'KPI-SB-TIME',
        unitName: '赛罕区',
        period: '2025',
        value: 0.8,
        previous: null,
        action: 'create',
      }),
      expect.objectContaining({
        row: 3,
        code: 'KPI-SB-TIME',
        unitName: '赛罕区',
        period: '2024-Q2',
        value: 0.9,
        previous: null,
        action: 'create',
      }),
    ]);
    const text = await bizenv(['indicators', 'import-values', file, '--dry-run']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/第 2 行\tKPI-SB-TIME .*\t赛罕区\t2025\t0\.8/);
    expect(text.stdout).toContain('dry run, nothing written');
    expect(await storedValues()).toBe(0);

    // Without --dry-run the same file is written, and its rows are listed as created.
    const done = await bizenv(['indicators', 'import-values', file, '--json']);
    expect(done.exitCode).toBe(0);
    expect(JSON.parse(done.stdout).result).toEqual({ created: 2, updated: 0, rows: 2, dryRun: false });
    expect(await storedValues()).toBe(2);
  }, 120_000);

  it('exits non-zero on a bad row, naming sheet, row and column, and writes nothing', async () => {
    const before = await storedValues();
    const file = path.join(dir, 'bad.xlsx');
    await valuesWorkbook(file, [
      ['KPI-SB-TIME', '赛罕区', '2023', 0.7, '区政务服务局'],
      ['KPI-SB-TIME', '赛罕区', '2022', '三', '区政务服务局'],
      ['KPI-SB-TIME', '不存在区', '2022', 1, '区政务服务局'],
    ]);
    for (const flags of [['--dry-run', '--json'], []]) {
      const r = await bizenv(['indicators', 'import-values', file, ...flags]);
      expect(r.exitCode).toBe(1);
      if (flags.includes('--json')) {
        const out = JSON.parse(r.stdout);
        expect(out.problems).toEqual([
          { sheet: '数值', row: 3, column: 'D', message: expect.stringContaining('not a number') },
          { sheet: '数值', row: 4, column: 'B', message: expect.stringContaining('unknown unit') },
        ]);
        expect(out.result).toBeUndefined();
      } else {
        expect(r.stdout).toContain('工作表“数值” 第 3 行 D 列: 不是数字');
        expect(r.stdout).toContain('工作表“数值” 第 4 行 B 列: 无法识别单位');
        expect(r.stdout).toContain('nothing imported');
      }
    }
    const missing = await bizenv(['indicators', 'import-values', path.join(dir, 'none.xlsx'), '--dry-run']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain(`cannot read ${path.join(dir, 'none.xlsx')}`);
    expect(await storedValues()).toBe(before);
  }, 120_000);
});
