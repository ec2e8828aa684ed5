import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { bulkInsert } from '../../db/bulk.js';
import { describeEachDialect } from '../../test/harness.js';
import { syntheticUscc } from '../policies/index.js';
import { regradeAll } from './credit.service.js';
import { RECORD_KINDS } from './credit.js';
import { countRecordsInEffect, findGrade } from './enforcement.repository.js';

describeEachDialect('enforcement: regrading the whole registry', (h) => {
  const ids: number[] = [];

  beforeAll(async () => {
    const office = await h.as('office');
    for (let i = 0; i < 3; i++) {
      const res = await office.post('/api/v1/policies/enterprises', {
        uscc: syntheticUscc(9300 + i, '150102', '有限责任公司'),
        name: `信用评定测试企业${i}（示例）`,
        county: '新城区',
        industryCode: '5221',
        taxGrade: i === 0 ? 'D' : null,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
  });

  const addRecords = (enterpriseId: number, kind: string, n: number) =>
    bulkInsert(
      h.ctx.db,
      'enf_credit_record',
      Array.from({ length: n }, () => ({
        enterprise_id: enterpriseId,
        kind,
        summary: '测试记录（虚构）',
        occurred_on: '2026-01-05',
        created_at: h.now.toISOString(),
      })),
    );

  const runAudits = () =>
    h.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'enforcement.credit.regradeAll')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => JSON.parse(r.after_json!)));

  /** The registry and its stored grades counted by a plain query: the oracle of a summary's counts. */
  const storedCounts = async () => {
    const rows = await h.ctx.db
      .selectFrom('enterprise as e')
      .leftJoin('enf_credit_grade as g', 'g.enterprise_id', 'e.id')
      .select('g.grade')
      .execute();
    const byGrade: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const r of rows) if (r.grade) byGrade[r.grade] = (byGrade[r.grade] ?? 0) + 1;
    return { enterprises: rows.length, byGrade };
  };

  it('writes only what changed, keeps the explanations, and audits the changes of grade', async () => {
    const [taxD, penalised, clean] = ids as [number, number, number];
    await addRecords(penalised, 'penalty', 2);
    await addRecords(penalised, 'complaint', 1);
    const first = await regradeAll(h.ctx, SYSTEM_ACTOR);
    // 100 − 25 (tax D) = 75 → C; 100 − 30 − 3 = 67 → C; 100 → A.
    expect(await findGrade(h.ctx.db, taxD)).toMatchObject({ grade: 'C', score: 75 });
    const p = (await findGrade(h.ctx.db, penalised))!;
    expect(p).toMatchObject({ grade: 'C', score: 67 });
    expect(JSON.parse(p.explanation_json)).toEqual([
      { factor: 'penalty', count: 2, points: -30 },
      { factor: 'complaint', count: 1, points: -3 },
    ]);
    expect(await findGrade(h.ctx.db, clean)).toMatchObject({ grade: 'A', score: 100, explanation_json: '[]' });
    expect(first.changed).toBeGreaterThanOrEqual(3);
    expect(first).toMatchObject(await storedCounts());

    // Nothing new: nothing written, nothing changes grade.
    const computedAt = p.computed_at;
    h.now = new Date(h.now.getTime() + 3_600_000);
    const same = await regradeAll(h.ctx, SYSTEM_ACTOR);
    expect(same).toMatchObject({ enterprises: first.enterprises, changed: 0, transitions: {} });
    expect((await findGrade(h.ctx.db, penalised))!.computed_at).toBe(computedAt);

    // A dishonesty record moves one enterprise C → D; only that one is written and audited.
    await addRecords(penalised, 'dishonest', 1);
    const next = await regradeAll(h.ctx, SYSTEM_ACTOR);
    expect(next).toMatchObject({ changed: 1, transitions: { 'C→D': 1 } });
    expect(next).toMatchObject(await storedCounts());
    const d = (await findGrade(h.ctx.db, penalised))!;
    expect(d).toMatchObject({ grade: 'D', score: 27, computed_at: h.now.toISOString() });
    expect(JSON.parse(d.explanation_json)).toContainEqual({ factor: 'dishonest', count: 1, points: -40 });
    const audits = await runAudits();
    expect(audits.at(-1)).toMatchObject({ enterprises: first.enterprises, changed: 1, transitions: { 'C→D': 1 } });
    expect(audits.at(-2)).toMatchObject({ changed: 0 });
  });

  it('counts more than a thousand records of one kind exactly (beyond what a packed sum holds)', async () => {
    const clean = ids[2]!;
    await addRecords(clean, 'inspection', 1030);
    await addRecords(clean, 'abnormal', 2);
    const [row] = await countRecordsInEffect(h.ctx.db, clean, clean, RECORD_KINDS);
    expect(row!.counts).toEqual(RECORD_KINDS.map((k) => (k === 'inspection' ? 1030 : k === 'abnormal' ? 2 : 0)));
    const summary = await regradeAll(h.ctx, SYSTEM_ACTOR);
    expect(await findGrade(h.ctx.db, clean)).toMatchObject({ grade: 'D', score: 100 - 5 * 1030 - 40 });
    expect(summary).toMatchObject(await storedCounts());
  });
});
