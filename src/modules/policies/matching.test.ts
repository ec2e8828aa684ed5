import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { drainJobs } from '../../jobs/runtime.js';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { loadEnterpriseColumns, prepareBenefit, tagsNamedBy } from './engine.js';
import { matchPolicies } from './matching.service.js';
import { listBenefits, ruleTexts } from './library.repository.js';
import { runAllRuleTests } from './library.service.js';
import { chinaDays } from '../../common/dates.js';
import { seedDemoPolicies } from './seed.js';

describeEachDialect('policies: rules, matching and payout', (h) => {
  let demoId = 0;
  let otherId = 0;
  const benefitId = async (code: string) =>
    (await h.ctx.db.selectFrom('benefit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const runMatch = async (c: Client, mode: 'full' | 'incremental') => {
    const res = await c.post('/api/v1/policies/match', { mode });
    expect(res.statusCode).toBe(202);
    await drainJobs(h.ctx, 120_000);
    const run = (await c.get(`/api/v1/jobs/runs/${res.json().id}`)).json();
    expect(run).toMatchObject({ status: 'succeeded', progress: { percent: 100 } });
    return run.result;
  };

  /**
   * Each test that reads results starts from the same state, whatever ran before it: no results
   * (or a full match with nothing stale left), none notified or paid.
   */
  const clearResults = async () => {
    await h.ctx.db.deleteFrom('enterprise_notice').execute();
    await h.ctx.db.deleteFrom('match_result').execute();
  };
  const freshMatch = async () => {
    await clearResults();
    await matchPolicies(h.ctx, { mode: 'full' });
  };

  beforeAll(async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 80 });
    demoId = (
      await h.ctx.db
        .selectFrom('enterprise')
        .select('id')
        .where('name', '=', '（演示）呼和浩特青城智造科技有限公司')
        .executeTakeFirstOrThrow()
    ).id;
    otherId = (await h.ctx.db.selectFrom('enterprise').select('id').where('id', '!=', demoId).orderBy('id').executeTakeFirstOrThrow()).id;
  });

  it('passes every stored rule test (each benefit’s example enterprises give the expected outcome)', async () => {
    const all = await runAllRuleTests(h.ctx);
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const { code, result } of all) {
      expect(result.ok, code).toBe(true);
      for (const e of result.examples) expect(e.pass, `${code}: ${e.name}`).toBe(true);
    }
  });

  it('checks a rule on save with the error located, and tests it on examples from the API', async () => {
    const office = await h.as('office');
    const syntax = (await office.post('/api/v1/policies/rules/check', { text: 'employees >\n and revenue > 1' })).json();
    expect(syntax).toMatchObject({ ok: false, problems: [{ kind: 'syntax', line: 2, column: 2 }] });
    const tested = (
      await office.post('/api/v1/policies/rules/check', {
        text: 'employees >= 10 and has("高新技术企业")',
        examples: [
          {
            name: '有证',
            expected: true,
            enterprise: { employees: 20, qualifications: [{ kind: '高新技术企业', from: '2025-01-01', to: '2027-12-31' }] },
          },
          { name: '无证', expected: true, enterprise: { employees: 20 } },
        ],
      })
    ).json();
    expect(tested.examples.map((e: { pass: boolean }) => e.pass)).toEqual([true, false]);
    expect(tested.examples[1].explanation.children[1]).toMatchObject({
      pass: false,
      actual: { zh: '未持有', en: 'not held' },
      sentence: { zh: '持有有效的“高新技术企业”资质' },
    });

    const policy = (await office.get('/api/v1/policies?q=科技创新')).json().items[0];
    const bad = await office.post(`/api/v1/policies/${policy.id}/benefits`, {
      code: 'T-BAD',
      name: 't',
      autoGrant: true,
      rule: 'employees > 1 and\nturnover > 5',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'RULE_INVALID', details: [{ path: 'body.rule', line: 2, column: 1, kind: 'unknown_field' }] });
    const empty = await office.post(`/api/v1/policies/${policy.id}/benefits`, { code: 'T-EMPTY', name: 't', autoGrant: true, rule: '   ' });
    expect(empty.json()).toMatchObject({ code: 'RULE_INVALID', details: [{ kind: 'empty' }] });
    // KJ-GXZZ already refers to KJ-GXQY: pointing KJ-GXQY back at it would be circular.
    const gxqy = policy.benefits.find((b: { code: string }) => b.code === 'KJ-GXQY');
    const circular = await office.patch(`/api/v1/policies/benefits/${gxqy.id}`, { rule: 'rule("KJ-GXZZ")', version: gxqy.version });
    expect(circular.json()).toMatchObject({ code: 'RULE_INVALID', details: [{ kind: 'circular', line: 1, column: 1 }] });
    const failing = await office.post(`/api/v1/policies/${policy.id}/benefits`, {
      code: 'T-EX',
      name: 't',
      autoGrant: false,
      rule: 'employees > 100',
      examples: [{ name: '小企业', expected: true, enterprise: { employees: 5 } }],
    });
    expect(failing.statusCode).toBe(422);
    expect(failing.json().code).toBe('RULE_EXAMPLES_FAILED');
  });

  it('matches all enterprises in a background job, exactly as the compiled rules say, with explanations', async () => {
    const office = await h.as('office');
    await clearResults();
    const summary = await runMatch(office, 'full');
    expect(summary).toMatchObject({ mode: 'full', enterprises: 80, skipped: [] });
    const loaded = await loadEnterpriseColumns(h.ctx.db);
    const rules = await ruleTexts(h.ctx.db);
    for (const b of await listBenefits(h.ctx.db, { autoGrant: true })) {
      const p = prepareBenefit(b, loaded.cols, chinaDays(h.now), rules);
      if (!p.ok) throw new Error(b.code);
      const expected = [];
      for (let i = 0; i < loaded.cols.n; i++) if (p.value.compiled.test(i)) expected.push(loaded.cols.ids[i]);
      const stored = await h.ctx.db
        .selectFrom('match_result')
        .select('enterprise_id')
        .where('benefit_id', '=', b.id)
        .where('eligible', '=', 1)
        .orderBy('enterprise_id')
        .execute();
      expect(
        stored.map((r) => r.enterprise_id),
        b.code,
      ).toEqual(expected);
    }
    const mine = (await office.get(`/api/v1/policies/results?enterpriseId=${demoId}&pageSize=50`)).json().items;
    const gxqy = mine.find((r: { benefit: { code: string } }) => r.benefit.code === 'KJ-GXQY');
    expect(gxqy).toMatchObject({ status: 'matched', eligible: true, amount: 20 });
    expect(gxqy.explanation.children.map((c: { pass: boolean }) => c.pass)).toEqual([true, true, true]);
    const yfbz = mine.find((r: { benefit: { code: string } }) => r.benefit.code === 'KJ-YFBZ');
    expect(yfbz.amount).toBe(42); // 420 万元 × 10 %, under the 100 cap
    const near = mine.find((r: { benefit: { code: string } }) => r.benefit.code === 'KJ-GXZZ');
    expect(near).toMatchObject({ status: 'near', eligible: false, failed: 1 });
    expect(near.explanation.children.find((c: { pass: boolean }) => !c.pass)).toMatchObject({
      text: 'growth(revenue) >= 20%',
      actual: { zh: '13.33%', en: '13.33%' },
      sentence: { zh: '上年营业收入增长不低于20%' },
    });
  });

  it('writes the same results chunk by chunk as in one piece, and builds only the tag columns rules name', async () => {
    await freshMatch();
    const columns = ['enterprise_id', 'benefit_id', 'eligible', 'amount', 'rule_version_id'] as const;
    const before = await h.ctx.db
      .selectFrom('match_result')
      .select(['id', ...columns])
      .orderBy('id')
      .execute();
    expect(before.length).toBeGreaterThan(20);
    // Deleting some results makes the chunked run insert them again, in chunks of 7 enterprises.
    const gone = before.filter((_, k) => k % 5 === 0);
    await h.ctx.db
      .deleteFrom('match_result')
      .where(
        'id',
        'in',
        gone.map((r) => r.id),
      )
      .execute();
    const summary = await matchPolicies(h.ctx, { mode: 'full', chunks: { whole: 7, stale: 3 } });
    expect(summary.removed).toBe(0);
    const after = await h.ctx.db
      .selectFrom('match_result')
      .select([...columns])
      .execute();
    const key = (r: { enterprise_id: number; benefit_id: number }) => `${r.benefit_id}/${r.enterprise_id}`;
    const strip = ({ id: _id, ...r }: (typeof before)[number]) => r;
    expect(new Map(after.map((r) => [key(r), r]))).toEqual(new Map(before.map((r) => [key(r), strip(r)])));

    const rules = await ruleTexts(h.ctx.db);
    // Of the demo rules only SW-CKXB names a tag (read by hand in demo-policies.ts); the registry carries more.
    expect([...tagsNamedBy(await listBenefits(h.ctx.db, { autoGrant: true }), chinaDays(h.now), rules)]).toEqual([]);
    const named = tagsNamedBy(await listBenefits(h.ctx.db), chinaDays(h.now), rules);
    expect([...named]).toEqual(['出口企业']);
    const all = await loadEnterpriseColumns(h.ctx.db);
    const only = await loadEnterpriseColumns(h.ctx.db, { onlyTags: named });
    expect(all.cols.tags.size).toBeGreaterThan(named.size);
    expect([...only.cols.tags.keys()].every((t) => named.has(t))).toBe(true);
  });

  it('answers "why not" for any enterprise and benefit with the failing conditions', async () => {
    const office = await h.as('office');
    const res = await office.get(`/api/v1/policies/enterprises/${demoId}/explain?benefitId=${await benefitId('GX-XSG')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ eligible: false });
    expect(body.explanation.children.filter((c: { pass: boolean }) => !c.pass)).toEqual([
      expect.objectContaining({
        text: 'prev(revenue, 1) < 2000',
        actual: { zh: '6000万元', en: 'CNY 60,000,000' },
        sentence: { zh: '前年营业收入低于2000万元', en: 'The previous year’s operating revenue is less than CNY 20,000,000' },
      }),
    ]);
  });

  it('re-matches only what changed: one enterprise × all rules, then one rule × all enterprises', async () => {
    const office = await h.as('office');
    await freshMatch();
    const nothing = await runMatch(office, 'incremental');
    expect(nothing).toMatchObject({ evaluations: 0, benefits: 0 });
    const e = (await office.get(`/api/v1/policies/enterprises/${otherId}`)).json();
    const untouched = await h.ctx.db
      .selectFrom('match_result')
      .select(['id', 'updated_at'])
      .where('enterprise_id', '!=', otherId)
      .execute();
    h.now = new Date(h.now.getTime() + 60_000);
    const { id: _id, countyCode, countyName: _c, industryName: _i, sizeClass: _s, synthetic: _y, version, ...rest } = e;
    const patched = await office.patch(`/api/v1/policies/enterprises/${otherId}`, {
      ...rest,
      county: countyCode,
      taxGrade: 'A',
      qualifications: [{ kind: '高新技术企业', from: '2025-01-01', to: '2027-12-31' }],
      version,
    });
    expect(patched.statusCode).toBe(200);
    const autoGrant = (await listBenefits(h.ctx.db, { autoGrant: true })).length;
    const one = await runMatch(office, 'incremental');
    // Only the changed enterprise is even loaded.
    expect(one).toMatchObject({ evaluations: autoGrant, enterprises: 1 });
    const gx = await h.ctx.db
      .selectFrom('match_result')
      .select('status')
      .where('enterprise_id', '=', otherId)
      .where('benefit_id', '=', await benefitId('KJ-GXQY'))
      .executeTakeFirst();
    expect(gx?.status).toBe('matched');
    const after = await h.ctx.db.selectFrom('match_result').select(['id', 'updated_at']).where('enterprise_id', '!=', otherId).execute();
    expect(after).toEqual(expect.arrayContaining(untouched));

    const policy = (await office.get('/api/v1/policies?q=商贸')).json().items[0];
    const b = policy.benefits.find((x: { code: string }) => x.code === 'SW-ZZJL');
    const edited = await office.patch(`/api/v1/policies/benefits/${b.id}`, { rule: b.rule.replace('10%', '5%'), version: b.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().matchStale).toBe(true);
    const rule = await runMatch(office, 'incremental');
    expect(rule).toMatchObject({ benefits: 1, evaluations: 80 });
  });

  it('follows a match through notified → confirmed → paid, with totals and an Excel export', async () => {
    const office = await h.as('office');
    await freshMatch();
    const r = (await office.get(`/api/v1/policies/results?enterpriseId=${demoId}&status=matched`))
      .json()
      .items.find((x: { benefit: { code: string } }) => x.benefit.code === 'KJ-GXQY');
    const early = await office.post(`/api/v1/policies/results/${r.id}/actions`, {
      action: 'pay',
      amount: 20,
      paidOn: '2026-03-10',
      version: r.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RESULT_STATUS_CONFLICT');
    const notified = (await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'notify', version: r.version })).json();
    expect(notified).toMatchObject({ status: 'notified', notifiedAt: expect.any(String) });
    const stale = await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'confirm', version: r.version });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const ent = await h.as('enterprise');
    const confirmed = (await ent.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'confirm', version: notified.version })).json();
    expect(confirmed.status).toBe('confirmed');
    expect(
      (
        await ent.post(`/api/v1/policies/results/${r.id}/actions`, {
          action: 'pay',
          amount: 20,
          paidOn: '2026-03-10',
          version: confirmed.version,
        })
      ).statusCode,
    ).toBe(403);
    const paid = (
      await office.post(`/api/v1/policies/results/${r.id}/actions`, {
        action: 'pay',
        amount: 20,
        paidOn: '2026-03-10',
        version: confirmed.version,
      })
    ).json();
    expect(paid).toMatchObject({ status: 'paid', paidAmount: 20, paidOn: '2026-03-10' });

    const other = (await office.get(`/api/v1/policies/results?enterpriseId=${demoId}&status=matched`)).json().items[0];
    const n2 = (await office.post(`/api/v1/policies/results/${other.id}/actions`, { action: 'notify', version: other.version })).json();
    const declined = (
      await ent.post(`/api/v1/policies/results/${other.id}/actions`, { action: 'decline', reason: '已享受同类政策', version: n2.version })
    ).json();
    expect(declined).toMatchObject({ status: 'declined', declineReason: '已享受同类政策' });

    const byPolicy = (await office.get('/api/v1/policies/results/totals?by=policy')).json();
    expect(byPolicy.find((t: { label: string }) => t.label === '呼和浩特市支持科技创新若干措施（示例）')).toMatchObject({
      paid: 1,
      amountPaid: 20,
    });
    const byDept = (await office.get('/api/v1/policies/results/totals?by=department')).json();
    expect(byDept.find((t: { label: string }) => t.label === '呼和浩特市科学技术局').amountPaid).toBe(20);
    const byCounty = (await office.get('/api/v1/policies/results/totals?by=county')).json();
    expect(byCounty.find((t: { label: string }) => t.label === '赛罕区')).toMatchObject({ paid: 1, amountPaid: 20 });

    const xlsx = await office.get('/api/v1/policies/results/export?status=paid');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('企业名称');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('（演示）呼和浩特青城智造科技有限公司');
    const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'match_result').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['payout.notify', 'payout.confirm', 'payout.pay', 'payout.decline']));
  });

  it('shows an enterprise only itself: portal with qualifies, nearly and payouts; never another enterprise', async () => {
    await freshMatch();
    // One payout of the demo enterprise (the follow-through itself is the test above).
    const gxqy = await benefitId('KJ-GXQY');
    const paid = { status: 'paid', paid_amount: 20, paid_on: '2026-03-10' };
    await h.ctx.db.updateTable('match_result').set(paid).where('enterprise_id', '=', demoId).where('benefit_id', '=', gxqy).execute();
    const ent = await h.as('enterprise');
    const portal = (await ent.get('/api/v1/policies/portal')).json();
    expect(portal.enterprise.id).toBe(demoId);
    expect(portal.qualifies.length).toBeGreaterThan(0);
    expect(portal.nearly.find((n: { benefit: { code: string } }) => n.benefit.code === 'KJ-GXZZ').failing).toEqual([
      expect.objectContaining({ text: 'growth(revenue) >= 20%' }),
    ]);
    expect(portal.payouts).toEqual([expect.objectContaining({ paidAmount: 20 })]);
    for (const r of [...portal.qualifies, ...portal.nearly]) expect(r.enterprise.id).toBe(demoId);

    expect((await ent.get(`/api/v1/policies/enterprises/${otherId}`)).statusCode).toBe(404);
    expect((await ent.get(`/api/v1/policies/enterprises/${otherId}/explain?benefitId=${await benefitId('KJ-GXQY')}`)).statusCode).toBe(404);
    const list = (await ent.get('/api/v1/policies/enterprises')).json();
    expect(list.items.map((e: { id: number }) => e.id)).toEqual([demoId]);
    expect((await ent.get(`/api/v1/policies/results?enterpriseId=${otherId}`)).json()).toEqual({ items: [], total: 0 });
    const others = await h.ctx.db.selectFrom('match_result').select(['id', 'version']).where('enterprise_id', '=', otherId).execute();
    expect(others.length).toBeGreaterThan(0);
    expect((await ent.get(`/api/v1/policies/results/${others[0]!.id}`)).statusCode).toBe(404);
    expect(
      (await ent.post(`/api/v1/policies/results/${others[0]!.id}/actions`, { action: 'decline', reason: 'x', version: others[0]!.version }))
        .statusCode,
    ).toBe(404);
    expect((await ent.get('/api/v1/policies/results/export')).statusCode).toBe(403);
    expect((await (await h.as('office')).get('/api/v1/policies/portal')).statusCode).toBe(403);
  });
});
