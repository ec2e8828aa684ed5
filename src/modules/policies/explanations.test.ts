import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../common/limits.js';
import type { ExplainNodeView } from '../../common/schemas/policies.js';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { matchPolicies } from './matching.service.js';
import { seedDemoPolicies } from './seed.js';

/**
 * What the demo results' explanations were when every result stored its own (before rule versions):
 * per "benefit code/USCC", the first 16 hex digits of the SHA-256 of the explanation as JSON with
 * sorted keys, taken from the `explanation_json` column that matching wrote then (80 demo
 * enterprises, test clock 2026-03-02).
 */
const BEFORE = JSON.parse(fs.readFileSync(new URL('./explanations.demo.json', import.meta.url), 'utf8')) as Record<string, string>;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}
const digest = (e: ExplainNodeView) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(e)))
    .digest('hex')
    .slice(0, 16);

/** KJ-GXZZ as the demo library writes it (demo-policies.ts). */
const RULE_GXZZ = 'rule("KJ-GXQY") and growth(revenue) >= 20% and revenue >= 1000';

interface Listed {
  id: number;
  status: string;
  enterprise: { id: number; uscc: string };
  benefit: { id: number; code: string };
  explanation: ExplainNodeView;
}

describeEachDialect('policies: explanations computed when asked for', (h) => {
  let office: Client;
  const allResults = async (): Promise<Listed[]> => {
    const out: Listed[] = [];
    for (let page = 1; ; page++) {
      const body = (await office.get(`/api/v1/policies/results?page=${page}&pageSize=${LIMITS.pageSize.max}`)).json();
      out.push(...body.items);
      if (out.length >= body.total) return out;
    }
  };

  beforeAll(async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 80 });
    await matchPolicies(h.ctx, { mode: 'full' });
    office = await h.as('office');
  });

  it('explains every demo result exactly as the stored explanation did', async () => {
    const got = Object.fromEntries((await allResults()).map((r) => [`${r.benefit.code}/${r.enterprise.uscc}`, digest(r.explanation)]));
    expect(Object.keys(got).length).toBe(281);
    expect(got).toEqual(BEFORE);
  });

  it('explains a result with the rule version that decided it until a run decides again', async () => {
    const demo = (await office.get(`/api/v1/policies/results?pageSize=${LIMITS.pageSize.max}`))
      .json()
      .items.find(
        (r: Listed) =>
          r.benefit.code === 'KJ-GXZZ' &&
          r.status === 'near' &&
          r.explanation.children?.some(
            (c) => !c.pass && c.text === 'growth(revenue) >= 20%' && c.actual && (c.actual as { zh: string }).zh === '13.33%',
          ),
      ) as Listed;
    expect(demo).toBeDefined();
    const benefit = await h.ctx.db.selectFrom('benefit').select('version').where('id', '=', demo.benefit.id).executeTakeFirstOrThrow();
    const lowered = await office.patch(`/api/v1/policies/benefits/${demo.benefit.id}`, {
      rule: 'rule("KJ-GXQY") and growth(revenue) >= 10% and revenue >= 1000',
      version: benefit.version,
    });
    expect(lowered.statusCode).toBe(200);
    try {
      // Not matched again yet: the stored "near" is explained by the rule that decided it (20 %).
      const why = (await office.get(`/api/v1/policies/enterprises/${demo.enterprise.id}/explain?benefitId=${demo.benefit.id}`)).json();
      expect(why).toMatchObject({ stored: true, eligible: false });
      expect(why.explanation.children.find((c: ExplainNodeView) => !c.pass)).toMatchObject({ text: 'growth(revenue) >= 20%' });
      expect(digest((await office.get(`/api/v1/policies/results/${demo.id}`)).json().explanation)).toBe(digest(demo.explanation));

      // The next run decides with the new rule: 13.33 % ≥ 10 %, every condition met.
      await matchPolicies(h.ctx, { mode: 'incremental' });
      const after = (await office.get(`/api/v1/policies/results/${demo.id}`)).json();
      expect(after).toMatchObject({ status: 'matched', eligible: true });
      expect(after.explanation.children.map((c: ExplainNodeView) => [c.text, c.pass])).toEqual([
        ['rule("KJ-GXQY")', true],
        ['growth(revenue) >= 10%', true],
        ['revenue >= 1000', true],
      ]);
    } finally {
      // The demo rule as it was, and its results decided by it again, for the other tests in any order.
      const now = await h.ctx.db.selectFrom('benefit').select('version').where('id', '=', demo.benefit.id).executeTakeFirstOrThrow();
      await office.patch(`/api/v1/policies/benefits/${demo.benefit.id}`, { rule: RULE_GXZZ, version: now.version });
      await matchPolicies(h.ctx, { mode: 'incremental' });
    }
  });
});
