import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HEADER, workbook } from './import.fixtures.js';

/** `bizenv import worklist` / `export worklist` as an outside script calls them: a real process per command. */
const BIN = path.resolve('bin/bizenv');
const SAMPLE = path.resolve('examples/worklist-sample.xlsx');
const ROW_KEYS = ['row', 'code', 'area', 'content', 'leadUnits', 'coopUnits', 'deadline', 'ongoing'];

function cli(args: string[], env: Record<string, string>) {
  // The timeout is generous: CI machines are shared.
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same round on either database: keep-valid import, export, re-import of the export. */
function roundTrip(env: Record<string, string>, dir: string) {
  const kept = cli(['import', 'worklist', SAMPLE, '--kind', 'task', '--list', '示例清单', '--keep-valid', '--json'], env);
  expect(kept.code).toBe(0);
  const keptJson = JSON.parse(kept.out);
  expect(keptJson.result).toMatchObject({ created: 10, updated: 0, skipped: 4 });
  const out = path.join(dir, '导出.xlsx');
  const exported = cli(['export', 'worklist', '--list', '示例清单', '--out', out], env);
  expect(exported.code).toBe(0);
  expect(exported.out).toContain('10');
  const again = cli(['import', 'worklist', out, '--kind', 'task', '--list', '示例清单', '--json'], env);
  expect(again.code).toBe(0);
  const againJson = JSON.parse(again.out);
  expect(againJson.problems).toEqual([]);
  expect(againJson.result).toMatchObject({ created: 0, updated: 10, skipped: 0 });
  // Nothing lost on the way out and back in.
  // Compared without the row number and with units as sets: the order of names within a cell carries no meaning.
  type Row = { row: number; leadUnits: string[]; coopUnits: string[] };
  const strip = (rows: Row[]) =>
    rows
      .map(({ row: _row, ...rest }) => ({ ...rest, leadUnits: [...rest.leadUnits].sort(), coopUnits: [...rest.coopUnits].sort() }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const validBefore = keptJson.rows.filter((r: Row) => !keptJson.problems.some((p: { row: number }) => p.row === r.row));
  expect(strip(againJson.rows)).toEqual(strip(validBefore));
}

describe('bizenv import/export worklist on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-cli-wl-'));
  const env = { BIZENV_DATA_DIR: dir };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the preview as one JSON object of the agreed shape and exits non-zero when problems block the commit', () => {
    const r = cli(['import', 'worklist', SAMPLE, '--kind', 'task', '--list', '示例清单', '--json'], env);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out); // stdout holds the object and nothing else; progress goes to stderr
    expect(r.err).toContain('reading workbook');
    expect(json.rows).toHaveLength(14);
    for (const row of json.rows) expect(Object.keys(row)).toEqual(ROW_KEYS);
    expect(json.rows[0]).toEqual({
      row: 6,
      code: '1',
      area: '开办企业',
      content: '推进企业开办全程网办',
      leadUnits: ['呼和浩特市市场监督管理局'],
      coopUnits: ['呼和浩特市行政审批和政务服务局', '国家税务总局呼和浩特市税务局', '呼和浩特市公安局'],
      // The sample's deadlines count from the day it was made (examples/make-worklist-sample.ts): a month's last day.
      deadline: expect.stringMatching(/^\d{4}-\d{2}-(28|29|30|31)$/),
      ongoing: false,
    });
    expect(json.problems).toHaveLength(5);
    for (const p of json.problems) expect(Object.keys(p)).toEqual(['sheet', 'row', 'column', 'message']);
    expect(json.problems[1]).toMatchObject({ sheet: '重点任务', row: 15, column: 'E' });
    expect(json.result).toBeUndefined();
  }, 300_000);

  it('dry-runs with --keep-valid: exit 0, nothing written', () => {
    const r = cli(['import', 'worklist', SAMPLE, '--kind', 'task', '--list', '试运行', '--dry-run', '--keep-valid'], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('dry run');
    expect(r.out).not.toContain('已导入');
  }, 300_000);

  it('imports the valid rows, exports, and re-imports the export as an update without loss', () => roundTrip(env, dir), 720_000);

  it('refuses a file that is not xlsx, and a 50 MB file by its size alone', () => {
    const txt = path.join(dir, 'list.xlsx');
    fs.writeFileSync(txt, '序号,任务\n1,推进\n');
    const r = cli(['import', 'worklist', txt, '--kind', 'task', '--list', 'x', '--json'], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      rows: [],
      problems: [{ sheet: null, row: null, column: null, message: expect.stringContaining('xlsx') }],
      warnings: [],
      mapping: [],
    });
    const big = path.join(dir, 'big.xlsx');
    fs.writeFileSync(big, 'PK\u0003\u0004');
    fs.truncateSync(big, 50 * 1024 * 1024);
    const b = cli(['import', 'worklist', big, '--kind', 'task', '--list', 'x', '--json'], env);
    expect(b.code).toBe(1);
    expect(JSON.parse(b.out).problems[0].message).toContain('超过上限');
  }, 480_000);

  it('reports a deadline already past as a located warning in the JSON, without blocking the import', async () => {
    const file = path.join(dir, 'past.xlsx');
    fs.writeFileSync(
      file,
      await workbook({ name: '任务', rows: [HEADER, ['1', '政务服务', '早已到期的任务', null, '市发改委', null, '2020-01-31']] }),
    );
    const r = cli(['import', 'worklist', file, '--kind', 'task', '--list', '逾期提示', '--dry-run', '--json'], env);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.problems).toEqual([]);
    expect(json.warnings).toEqual([{ sheet: '任务', row: 2, column: 'G', message: expect.stringContaining('2020-01-31') }]);
  }, 300_000);
});

describe('bizenv import/export worklist on PostgreSQL', () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `bizenv_cliwl_${randomBytes(4).toString('hex')}`;
  const url = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString() : '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-cli-wl-pg-'));
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl! });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  beforeAll(async () => {
    if (adminUrl) await admin(`create database ${name}`);
  });
  afterAll(async () => {
    if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!adminUrl)(
    'imports the valid rows, exports, and re-imports the export as an update without loss',
    () => roundTrip({ DATABASE_URL: url, BIZENV_DATA_DIR: dir }, dir),
    720_000,
  );
});
