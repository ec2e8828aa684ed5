import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerIndicatorCommands } from '../../cli/indicators.js';
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
    const { stdout } = await promisify(execFile)(BIN, ['indicators', 'score', '--method', 'doing-business', '--values', SB_FILE, '--json'], { maxBuffer: 64 * 1024 * 1024 });
    const { results } = JSON.parse(stdout);
    expect(results).toHaveLength(213);
    expect(Math.abs(results[0].score - 92.0413)).toBeLessThan(1e-3);
  });
});
