import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/bizenv');
const SB_FILE = path.join(process.env.BIZENV_SHARED_DATA ?? '/work/shared/data/doing-business', 'db2019_starting_a_business_components.csv');

async function bizenv(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(BIN, args, { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run starts Node and tsx; on a busy shared machine that can take many seconds.
describe('bizenv indicators score (CLI)', { timeout: 180_000 }, () => {
  it('scores the World Bank DB2019 starting-a-business export and prints {"results": [...]}', async () => {
    const r = await bizenv(['indicators', 'score', '--method', 'doing-business', '--values', SB_FILE, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['results']);
    expect(out.results).toHaveLength(213);
    const china = out.results.find((x: { economy: string }) => x.economy === 'China');
    expect(Object.keys(china)).toEqual(expect.arrayContaining(['economy', 'topic', 'score', 'components']));
    expect(china.topic).toBe('starting_a_business');
    expect(Object.keys(china.components)).toEqual(['procedures', 'time', 'cost', 'paid_in_min_capital']);
  });

  it('exits non-zero with located errors for text in a number, a value outside range, or an unknown method', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-ind-'));
    const lines = fs.readFileSync(SB_FILE, 'utf8').split('\n');
    const cols = lines[0].split(',');
    const row = lines[1].split(',');
    row[cols.indexOf('time_men_days')] = 'eight';
    row[cols.indexOf('cost_women_pct_income_pc')] = '-3';
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, `${lines[0]}\n${row.join(',')}\n`);
    const r = await bizenv(['indicators', 'score', '--method', 'doing-business', '--values', file, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv:row 2, column time_men_days: 不是数字 / not a number: "eight"');
    expect(r.stderr).toContain('bad.csv:row 2, column cost_women_pct_income_pc: -3');
    const unknown = await bizenv(['indicators', 'score', '--method', 'nope', '--values', file, '--json']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('unknown method');
  });
});
