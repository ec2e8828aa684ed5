import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the repository, so the build resolves node_modules as dist/ does.
const OUT = path.join(ROOT, '.tmp', 'build-test', 'dist');

/** Plain `node`, without the tsx loader vitest or bin/bizenv would bring. */
function node(args: string[]) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('the compiled server (npm start runs it with plain node)', () => {
  beforeAll(() => {
    const r = node(['scripts/build.mjs', '--server', '--out', OUT]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('contains JavaScript and the data files beside it, and no test code', () => {
    expect(fs.existsSync(path.join(OUT, 'cli', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(OUT, 'modules', 'policies', 'rules', 'grammar.peggy'))).toBe(true);
    expect(fs.existsSync(path.join(OUT, 'modules', 'org', 'reference', 'units.csv'))).toBe(true);
    expect(fs.existsSync(path.join(OUT, 'test'))).toBe(false);
    expect(fs.readdirSync(path.join(OUT, 'jobs')).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('runs the CLI', () => {
    const r = node([path.join(OUT, 'cli', 'main.js'), 'jobs', '--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('schedules and background jobs');
  });

  it('starts the matching worker threads without tsx and finds what one thread finds', () => {
    const url = (rel: string) => JSON.stringify(pathToFileURL(path.join(OUT, rel)).href);
    const script = `
      const { RuleMatcher } = await import(${url('modules/policies/rules/parallel.js')});
      const { Columns } = await import(${url('modules/policies/rules/columns.js')});
      const { checkRule } = await import(${url('modules/policies/rules/check.js')});
      const { compileRule } = await import(${url('modules/policies/rules/compile.js')});
      const { toDays } = await import(${url('common/dates.js')});
      const { rng, syntheticFacts } = await import(${url('modules/policies/synthetic.js')});
      const today = toDays('2026-03-02');
      const r = rng(7);
      const cols = Columns.from(Array.from({ length: 2000 }, (_, i) => syntheticFacts(r, i, today)), true);
      const text = 'employees >= 3 and revenue >= 200 and taxGrade != "D"';
      const rule = checkRule(text, { today }).rule;
      const m = await RuleMatcher.open(cols, today, { threads: 2, minRows: 1 });
      const threads = m.threads;
      const [rows] = await m.match([{ rule, text }], 'rows');
      await m.close();
      const out = new Int32Array(cols.n);
      const one = [...out.subarray(0, compileRule(rule, cols, today, text).matchAll(out))];
      console.log(JSON.stringify({ threads, same: JSON.stringify([...rows]) === JSON.stringify(one), n: one.length }));
    `;
    const file = path.join(OUT, '..', 'match-threads.mjs');
    fs.writeFileSync(file, script);
    const r = node([file]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(result.threads).toBe(2);
    expect(result.same).toBe(true);
    expect(result.n).toBeGreaterThan(0);
  });
});
