import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { matchPolicies } from './matching.service.js';
import { type Resolved, checkRule } from './rules/check.js';
import { Columns } from './rules/columns.js';
import { MATCHED, NEAR_MISS, NO_MATCH, compileRule } from './rules/compile.js';
import { toDays } from '../../common/dates.js';
import { RuleMatcher } from './rules/parallel.js';
import { seedDemoPolicies } from './seed.js';
import { rng, syntheticFacts } from './synthetic.js';

const today = toDays('2026-03-02');
const texts = [
  'industry under ["C", "I65"] and employees >= 5 and (has("高新技术企业") or has("科技型中小企业"))',
  'county in ["赛罕区", "回民区", "武川县"] and taxGrade in ["A", "B"] and not tag("外资企业")',
  'registeredOn within 5 years and sizeClass in ["小", "微"] and revenue between 50 and 5000',
  'growth(revenue) >= 5% and rdSpending / revenue >= 1% and registeredOn < today - 2 years',
  'employees >= 3 and assets >= 100 and revenue >= 200 and taxGrade != "D" and not tag("出口企业")',
  // Names stay in the main thread: this rule is matched there, the others by the workers.
  'employees >= 1 and name != "无此企业"',
];
const rules = texts.map((text) => {
  const c = checkRule(text, { today });
  if (!c.ok) throw new Error(`${text}: ${c.problems[0]!.message}`);
  return { text, rule: c.rule as Resolved };
});

function build(n: number, shared: boolean): Columns {
  const r = rng(11);
  return Columns.from(
    Array.from({ length: n }, (_, i) => syntheticFacts(r, i, today)),
    shared,
  );
}

describe('matching in worker threads over shared columns', () => {
  const cols = build(3000, true);
  const inThread = rules.map(({ rule, text }) => {
    const c = compileRule(rule, cols, today, text);
    const out = new Int32Array(cols.n);
    return { compiled: c, rows: [...out.subarray(0, c.matchAll(out))] };
  });

  it('finds exactly the rows one thread finds, splitting the rows or the rules', async () => {
    const m = await RuleMatcher.open(cols, today, { threads: 2, minRows: 1 });
    try {
      expect(m.threads).toBe(2);
      for (const split of ['rows', 'rules'] as const) {
        const got = await m.match(rules, split);
        got.forEach((rows, k) => expect([...rows], `${split}: ${texts[k]}`).toEqual(inThread[k]!.rows));
      }
      expect(inThread.every((x) => x.rows.length > 0)).toBe(true);
    } finally {
      await m.close();
    }
  });

  it('fails the pending and every later call with a clear error once a worker thread has died', async () => {
    const m = await RuleMatcher.open(cols, today, { threads: 2, minRows: 1 });
    try {
      // As if the thread had been killed (out of memory, a native crash): the matcher cannot know in advance.
      const { worker } = (m as unknown as { slots: { worker: Worker }[] }).slots[0]!;
      const stopped = worker.terminate();
      const pending = m.match(rules, 'rows');
      await stopped;
      const expected = { code: 'MATCHING_WORKER_FAILED', details: [expect.objectContaining({ path: 'worker[0]' })] };
      await expect(pending).rejects.toMatchObject(expected);
      await expect(m.match(rules, 'rules')).rejects.toMatchObject(expected);
      await expect(m.classify(rules.slice(0, 2))).rejects.toMatchObject(expected);
    } finally {
      await m.close();
    }
  });

  it('classifies each row as match, near miss (one top-level condition fails) or neither', async () => {
    const m = await RuleMatcher.open(cols, today, { threads: 2, minRows: 1 });
    try {
      const status = await m.classify(rules.slice(0, 5));
      status.forEach((st, k) => {
        const c = inThread[k]!.compiled;
        for (let i = 0; i < cols.n; i++) {
          const expected = c.test(i) ? MATCHED : c.failures(i, 2) === 1 ? NEAR_MISS : NO_MATCH;
          if (st[i] !== expected) expect({ rule: texts[k], row: i, status: st[i] }).toEqual({ rule: texts[k], row: i, status: expected });
        }
        expect(st.includes(NEAR_MISS)).toBe(true);
      });
    } finally {
      await m.close();
    }
  });

  it('stays in the calling thread for small or unshared registries, with the same results', async () => {
    for (const m of [
      await RuleMatcher.open(cols, today, { threads: 2 }),
      await RuleMatcher.open(build(50, false), today, { threads: 2, minRows: 1 }),
    ]) {
      expect(m.threads).toBe(0);
      const got = await m.match(rules);
      if (m.cols === cols) got.forEach((rows, k) => expect([...rows]).toEqual(inThread[k]!.rows));
      await m.close();
    }
  });
});

describeEachDialect('policies: the matching job with worker threads', (h) => {
  const stored = async () =>
    (
      await h.ctx.db
        .selectFrom('match_result')
        .select(['enterprise_id', 'benefit_id', 'eligible', 'failed', 'amount', 'status', 'rule_version_id'])
        .orderBy('benefit_id')
        .orderBy('enterprise_id')
        .execute()
    ).map((r) => ({
      ...r,
      amount: r.amount === null ? null : Number(r.amount),
    }));

  it('stores the same matches, near misses and rule versions as matching in one thread', async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 120 });
    const parallel = await matchPolicies(h.ctx, { mode: 'full', matcher: { threads: 2, minRows: 1 } });
    const afterParallel = await stored();
    expect(parallel.matched).toBeGreaterThan(0);
    expect(parallel.near).toBeGreaterThan(0);
    // In one thread over the same data: the same pairs, so nothing is written or removed.
    const single = await matchPolicies(h.ctx, { mode: 'full', matcher: { threads: 0 } });
    expect({ ...single, seconds: 0 }).toEqual({ ...parallel, seconds: 0, written: single.written });
    expect(single.removed).toBe(0);
    expect(await stored()).toEqual(afterParallel);
  });
});
