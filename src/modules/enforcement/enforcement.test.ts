import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { drainJobs } from '../../jobs/runtime.js';
import { describeEachDialect } from '../../test/harness.js';
import { syntheticUscc } from '../policies/index.js';
import { verifyPlanDraw } from './inspections.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function multipart(data: Buffer): { body: Buffer; type: string } {
  const boundary = '----bizenvEnforcementTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matters.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法事项清单');
  ws.addRow(['实施部门', '事项编码', '事项名称', '事项类型', '法律依据', '抽查事项编码', '抽查事项名称']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDialect('enforcement (法治环境)', (h) => {
  let market: number;
  let demoUnit: number;
  const enterprises: number[] = [];
  let officers: { id: number; name: string; certified: boolean; unitId: number }[];
  let planId: number;

  const planBody = (over: Record<string, unknown> = {}) => ({
    name: '2026年食品经营双随机抽查（测试）',
    kind: 'annual',
    unitIds: [market],
    itemCodes: ['SJ-CC-01', 'SJ-CC-03'],
    quotas: [
      { grade: 'A', count: 2 },
      { grade: 'B', ratio: 0.25 },
    ],
    officerIds: officers.filter((o) => o.certified && o.unitId === market).map((o) => o.id),
    windowFrom: '2026-03-01',
    windowTo: '2026-12-31',
    ...over,
  });

  beforeAll(async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
    market = units.find((u) => u.name === '呼和浩特市市场监督管理局')!.id;
    demoUnit = units.find((u) => u.name === '呼和浩特市行政审批和政务服务局')!.id;
    // 10 enterprises: the first four have tax grade A (score 105 → grade A), the rest none (100 → A as well, until records arrive).
    for (let i = 0; i < 10; i++) {
      const res = await office.post('/api/v1/policies/enterprises', {
        uscc: syntheticUscc(9000 + i, '150102', '有限责任公司'),
        name: `执法测试企业${i}（示例）`,
        county: '新城区',
        industryCode: '5221',
        taxGrade: i < 4 ? 'A' : null,
      });
      expect(res.statusCode).toBe(201);
      enterprises.push(res.json().id);
    }
    officers = (await office.get('/api/v1/enforcement/officers')).json();
  });

  it('lists the seeded catalogue and officers, and an expired or missing certificate blocks assignment', async () => {
    const office = await h.as('office');
    const matters = (await office.get(`/api/v1/enforcement/matters?unitId=${market}`)).json();
    expect(matters.map((m: { code: string }) => m.code)).toEqual(['SJ-XZCF-001', 'SJ-XZJC-001']);
    // Test clock 2026-03-02: a certificate valid to 2025-12-31 has expired; none registered is no certificate.
    expect(officers.filter((o) => !o.certified).map((o) => o.name)).toEqual(['赵执法（示例，证件过期）', '钱执法（示例，未登记证件）']);
    const expired = officers.find((o) => o.name.includes('证件过期'))!;
    const res = await office.post('/api/v1/enforcement/plans', planBody({ officerIds: [officers[0]!.id, officers[1]!.id, expired.id] }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'ENF_CERTIFICATE_INVALID',
      details: [{ path: 'body.officerIds.2', message: expect.stringContaining('2025-12-31') }],
    });
    const unknownItem = await office.post('/api/v1/enforcement/plans', planBody({ itemCodes: ['SJ-CC-01', 'NO-SUCH'] }));
    expect(unknownItem.json()).toMatchObject({ code: 'ENF_ITEM_NOT_IN_CATALOGUE', details: [{ path: 'body.itemCodes.1' }] });
    expect((await office.get('/api/v1/enforcement/plans')).json()).toEqual([]);
  });

  it('refuses to commit a plan whose pool is smaller than the sample, and changes nothing', async () => {
    const office = await h.as('office');
    const plan = (
      await office.post('/api/v1/enforcement/plans', planBody({ name: '过大样本（测试）', quotas: [{ grade: 'B', count: 11 }] }))
    ).json();
    const res = await office.post(`/api/v1/enforcement/plans/${plan.id}/commit`, { version: plan.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ENF_POOL_TOO_SMALL', details: [{ path: 'quotas.0', pool: 10, sample: 11 }] });
    expect((await office.get(`/api/v1/enforcement/plans/${plan.id}`)).json()).toMatchObject({ status: 'draft', commitment: null });
  });

  it('publishes a commitment before the draw and a seed after it that hashes to it; the draw verifies', async () => {
    const office = await h.as('office');
    // Every enterprise is ungraded (drawn as B) → the A quota has an empty pool unless graded: grade all first.
    const run = await office.post('/api/v1/enforcement/credit/regrade', {});
    expect(run.statusCode).toBe(202);
    await drainJobs(h.ctx);
    expect((await office.get(`/api/v1/jobs/runs/${run.json().id}`)).json()).toMatchObject({
      status: 'succeeded',
      result: { enterprises: 10, byGrade: { A: 10, B: 0, C: 0, D: 0 } },
    });
    const created = await office.post('/api/v1/enforcement/plans', planBody({ quotas: [{ grade: 'A', ratio: 0.3 }] }));
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    const committed = (await office.post(`/api/v1/enforcement/plans/${planId}/commit`, { version: 1 })).json();
    expect(committed).toMatchObject({ status: 'committed', seed: null });
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/);
    const publicBefore = (await h.anonymous().get(`/api/v1/enforcement/public/plans/${planId}`)).json();
    expect(publicBefore).toMatchObject({ commitment: committed.commitment, seed: null, visits: [] });
    const snapshot = (await h.anonymous().get(`/api/v1/enforcement/public/plans/${planId}/snapshot`)).body;
    expect(sha256(snapshot)).toBe(committed.snapshotHash);

    const drawn = (await office.post(`/api/v1/enforcement/plans/${planId}/draw`, { version: committed.version })).json();
    expect(drawn.status).toBe('drawn');
    expect(sha256(drawn.seed)).toBe(committed.commitment);
    const plan = (await office.get(`/api/v1/enforcement/plans/${planId}`)).json();
    expect(plan.visits).toHaveLength(3); // ceil(0.3 × 10)
    const certifiedIds = new Set(officers.filter((o) => o.certified).map((o) => o.id));
    for (const v of plan.visits) {
      expect(v.officerIds).toHaveLength(2);
      expect(new Set(v.officerIds).size).toBe(2);
      for (const o of v.officerIds) expect(certifiedIds.has(o)).toBe(true);
      expect(v.items).toEqual(['SJ-CC-01', 'SJ-CC-03']);
    }
    expect((await office.get(`/api/v1/enforcement/plans/${planId}/verify`)).json()).toEqual({
      matches: true,
      checks: { commitment: true, snapshot: true, visits: true },
      visits: 3,
    });
    expect((await office.post(`/api/v1/enforcement/plans/${planId}/draw`, { version: drawn.version })).json().code).toBe('ENF_PLAN_STATUS');
  });

  it('finds a tampered draw (what `bizenv enforcement verify-draw` reports)', async () => {
    const visit = await h.ctx.db
      .selectFrom('enf_visit')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const other = enterprises.find((e) => e !== visit.enterprise_id && e > 0)!;
    const taken = await h.ctx.db.selectFrom('enf_visit').select('enterprise_id').where('plan_id', '=', planId).execute();
    const swapIn = enterprises.find((e) => !taken.some((t) => t.enterprise_id === e)) ?? other;
    await h.ctx.db.updateTable('enf_visit').set({ enterprise_id: swapIn }).where('id', '=', visit.id).execute();
    expect(await verifyPlanDraw(h.ctx.db, planId)).toMatchObject({
      matches: false,
      checks: { commitment: true, snapshot: true, visits: false },
    });
    await h.ctx.db.updateTable('enf_visit').set({ enterprise_id: visit.enterprise_id }).where('id', '=', visit.id).execute();
    expect((await verifyPlanDraw(h.ctx.db, planId)).matches).toBe(true);
  });

  it('records results only for drawn enterprises, follows rectification to closure and publishes without personal data', async () => {
    const office = await h.as('office');
    const plan = (await office.get(`/api/v1/enforcement/plans/${planId}`)).json();
    const drawnIds: number[] = plan.visits.map((v: { enterpriseId: number }) => v.enterpriseId);
    const notDrawn = enterprises.find((e) => !drawnIds.includes(e))!;
    const bad = await office.post(`/api/v1/enforcement/plans/${planId}/results`, {
      enterpriseId: notDrawn,
      itemCode: 'SJ-CC-01',
      outcome: 'none',
      inspectedOn: '2026-03-02',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'ENF_NOT_DRAWN', details: [{ path: 'body.enterpriseId' }] });

    const [first, second] = drawnIds as [number, number];
    const rectify = await office.post(`/api/v1/enforcement/plans/${planId}/results`, {
      enterpriseId: first,
      itemCode: 'SJ-CC-01',
      outcome: 'rectify',
      note: '许可证未公示',
      inspectedOn: '2026-03-02',
    });
    expect(rectify.statusCode).toBe(201);
    // Monday 2 March 2026 + 20 working days (no holiday in March 2026) = Monday 30 March.
    expect(rectify.json()).toMatchObject({ outcome: 'rectify', rectifyDue: '2026-03-30', rectifiedOn: null });

    // SJ-CC-03 is on the market regulator's first-violation list: a first penalty needs a reason.
    const penalty = { enterpriseId: second, itemCode: 'SJ-CC-03', outcome: 'penalised', note: '年报未公示', inspectedOn: '2026-03-02' };
    const warned = await office.post(`/api/v1/enforcement/plans/${planId}/results`, penalty);
    expect(warned.statusCode).toBe(409);
    expect(warned.json()).toMatchObject({
      code: 'ENF_WAIVER_REASON_REQUIRED',
      details: [{ path: 'body.waiverReason', message: expect.stringContaining('首违不罚') }],
    });
    const penalised = await office.post(`/api/v1/enforcement/plans/${planId}/results`, {
      ...penalty,
      waiverReason: '逾期三个月且经两次提醒仍未改正',
    });
    expect(penalised.statusCode).toBe(201);

    const closed = await office.post(`/api/v1/enforcement/results/${rectify.json().id}/rectified`, {
      rectifiedOn: '2026-03-10',
      version: 1,
    });
    expect(closed.json()).toMatchObject({ rectifiedOn: '2026-03-10', version: 2 });
    expect(
      (await office.post(`/api/v1/enforcement/results/${rectify.json().id}/rectified`, { rectifiedOn: '2026-03-11', version: 2 }))
        .statusCode,
    ).toBe(409);

    // Not public until published; the deadline is 20 working days from the inspection.
    expect((await h.anonymous().get(`/api/v1/enforcement/public/plans/${planId}`)).json().results).toEqual([]);
    const before = (await office.get(`/api/v1/enforcement/plans/${planId}`)).json();
    expect(before).toMatchObject({ publishBy: '2026-03-30', publishOverdue: false });
    const published = await office.post(`/api/v1/enforcement/plans/${planId}/publish`, { version: before.version });
    expect(published.statusCode).toBe(200);
    const pub = await h.anonymous().get(`/api/v1/enforcement/public/plans/${planId}`);
    expect(pub.statusCode).toBe(200);
    expect(
      pub
        .json()
        .results.map((r: { outcome: string }) => r.outcome)
        .sort(),
    ).toEqual(['penalised', 'rectify']);
    // No officer names, notes or contacts on the public page.
    for (const name of officers.map((o) => o.name)) expect(pub.body).not.toContain(name);
    expect(pub.body).not.toContain('许可证未公示');
    expect(pub.body).not.toContain('逾期三个月');
  });

  it('grades from the records by the model, explains it, and credit repair ends a record and regrades, audited', async () => {
    const office = await h.as('office');
    const plan = (await office.get(`/api/v1/enforcement/plans/${planId}`)).json();
    const second = plan.visits[1].enterpriseId as number;
    // The penalty above: base 100 − 15 (penalty) [+5 if tax grade A] → 85 or 90 → B (80–94).
    const profile = (await office.get(`/api/v1/enforcement/credit/${second}`)).json();
    const tax = enterprises.indexOf(second) < 4 ? 5 : 0;
    expect(profile).toMatchObject({ grade: 'B', score: 85 + tax, gradeLabel: { zh: '一般风险' } });
    expect(profile.explanation).toContainEqual({
      factor: 'penalty',
      count: 1,
      points: -15,
      line: { zh: '行政处罚 1 项', en: 'administrative penalty × 1' },
    });

    const abnormal = await office.post('/api/v1/enforcement/credit/records', {
      enterpriseId: second,
      unitId: market,
      kind: 'abnormal',
      summary: '列入经营异常名录（测试）',
      occurredOn: '2026-02-01',
    });
    expect(abnormal.statusCode).toBe(201);
    expect((await office.get(`/api/v1/enforcement/credit/${second}`)).json()).toMatchObject({ grade: 'C', score: 65 + tax });

    const missing = await office.post('/api/v1/enforcement/repairs', { recordId: 999999, reason: '已补报年报' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0].path).toBe('body.recordId');
    const applied = await office.post('/api/v1/enforcement/repairs', { recordId: abnormal.json().id, reason: '已补报年报并移出异常名录' });
    expect(applied.statusCode).toBe(201);
    // The liaison of another department cannot decide on the market regulator's record.
    const foreign = await (
      await h.as('liaison')
    ).post(`/api/v1/enforcement/repairs/${applied.json().id}/review`, { approve: true, version: 1 });
    expect(foreign.statusCode).toBe(403);
    const approved = await office.post(`/api/v1/enforcement/repairs/${applied.json().id}/review`, {
      approve: true,
      note: '材料齐全',
      version: 1,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', grade: 'B' });
    const after = (await office.get(`/api/v1/enforcement/credit/${second}`)).json();
    expect(after).toMatchObject({ grade: 'B', score: 85 + tax });
    expect(after.records.find((r: { kind: string }) => r.kind === 'abnormal')).toMatchObject({ inEffect: false });
    const regrades = await h.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after_json'])
      .where('action', '=', 'enforcement.credit.regrade')
      .orderBy('id')
      .execute();
    expect(regrades.filter((r) => Number(r.entity_id) === second).map((r) => JSON.parse(r.after_json!).grade)).toEqual(['B', 'C', 'B']);
  });

  it('keeps mutual recognition and the "not the same officers as last time" rule in the next plan', async () => {
    const office = await h.as('office');
    const first = (await office.get(`/api/v1/enforcement/plans/${planId}`)).json();
    // Two more certified officers, so every enterprise keeps two after last time's are set aside.
    for (const name of ['吴执法（测试）', '郑执法（测试）'])
      expect(
        (await office.post('/api/v1/enforcement/officers', { unitId: market, name, certNo: name, certValidTo: '2027-12-31' })).statusCode,
      ).toBe(201);
    officers = (await office.get('/api/v1/enforcement/officers')).json();
    const next = (
      await office.post(
        '/api/v1/enforcement/plans',
        planBody({
          name: '联合抽查（测试）',
          kind: 'ad_hoc',
          quotas: [
            { grade: 'A', ratio: 1 },
            { grade: 'B', ratio: 1 },
            { grade: 'C', ratio: 1 },
          ],
        }),
      )
    ).json();
    await office.post(`/api/v1/enforcement/plans/${next.id}/commit`, { version: 1 });
    const snapshot = JSON.parse((await h.anonymous().get(`/api/v1/enforcement/public/plans/${next.id}/snapshot`)).body);
    const [a, b] = first.visits as { enterpriseId: number; officerIds: number[] }[];
    // a was inspected for SJ-CC-01 and b for SJ-CC-03 on 2026-03-02, inside the window.
    expect(snapshot.recognised).toEqual(
      expect.arrayContaining([
        [a!.enterpriseId, ['SJ-CC-01']],
        [b!.enterpriseId, ['SJ-CC-03']],
      ]),
    );
    expect(snapshot.lastInspectors).toEqual(expect.arrayContaining([[a!.enterpriseId, a!.officerIds]]));
    const drawn = (await office.post(`/api/v1/enforcement/plans/${next.id}/draw`, { version: 2 })).json();
    const visits = (await office.get(`/api/v1/enforcement/plans/${drawn.id}`)).json().visits as {
      enterpriseId: number;
      items: string[];
      officerIds: number[];
    }[];
    expect(visits).toHaveLength(10);
    const va = visits.find((v) => v.enterpriseId === a!.enterpriseId)!;
    expect(va.items).toEqual(['SJ-CC-03']);
    expect(va.officerIds.some((o) => a!.officerIds.includes(o))).toBe(false);
    const figures = (await office.get('/api/v1/enforcement/figures?from=2026-01-01&to=2026-12-31')).json();
    expect(figures.figures).toMatchObject({
      matters: 3,
      bodies: 2,
      officersCertified: 7,
      inspections: 2,
      offSiteInspections: 0,
      mutualRecognitions: 2,
    });
    expect(figures.lists.mutualRecognitions).toHaveLength(2);
  });

  it('keeps a unit to its own department: no plans, results or officers of another', async () => {
    const liaison = await h.as('liaison');
    expect((await liaison.post('/api/v1/enforcement/plans', planBody())).statusCode).toBe(403);
    expect((await liaison.get(`/api/v1/enforcement/plans/${planId}`)).statusCode).toBe(403);
    expect(
      (
        await liaison.post(`/api/v1/enforcement/plans/${planId}/results`, {
          enterpriseId: enterprises[0],
          itemCode: 'SJ-CC-01',
          outcome: 'none',
          inspectedOn: '2026-03-02',
        })
      ).statusCode,
    ).toBe(403);
    expect((await liaison.patch(`/api/v1/enforcement/officers/${officers[0]!.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await liaison.post('/api/v1/enforcement/officers', { unitId: market, name: '外单位' })).statusCode).toBe(403);
    expect((await liaison.get('/api/v1/enforcement/plans')).json()).toEqual([]);
    expect((await liaison.get('/api/v1/enforcement/officers')).json()).toEqual([]);
    // An enterprise reads its own grade only, and applies to repair its own records only.
    const enterprise = await h.as('enterprise');
    expect((await enterprise.get(`/api/v1/enforcement/credit/${enterprises[0]}`)).statusCode).toBe(403);
    const record = await h.ctx.db.selectFrom('enf_credit_record').select('id').executeTakeFirstOrThrow();
    expect((await enterprise.post('/api/v1/enforcement/repairs', { recordId: record.id, reason: '冒名申请' })).statusCode).toBe(403);
    const own = await liaison.post('/api/v1/enforcement/officers', {
      unitId: demoUnit,
      name: '本单位执法员（测试）',
      certNo: 'T-1',
      certValidTo: '2027-01-01',
    });
    expect(own.statusCode).toBe(201);
  });

  it(
    'imports the catalogue from Excel: located errors change nothing, ' + 'a good file is previewed then saved, the export reads back',
    async () => {
      const office = await h.as('office');
      const bad = multipart(
        await workbook([
          ['市市场监管局', 'SJ-NEW-1', '新事项（测试）', '行政检查', '某法第一条', 'SJ-NEW-CC1', '新抽查事项'],
          ['不存在的局', 'SJ-NEW-2', '新事项二', '行政处罚', '某法第二条', '', ''],
          ['市市场监管局', 'SJ-NEW-3', '新事项三', '行政审查', '', 'SJ-NEW-CC3', ''],
        ]),
      );
      const res = await office.request('POST', '/api/v1/enforcement/matters/import?dryRun=false', bad.body, { 'content-type': bad.type });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`)).toEqual([
        '3:实施部门',
        '4:事项类型',
        '4:法律依据',
        '4:抽查事项名称',
      ]);
      expect((await office.get('/api/v1/enforcement/matters')).json()).toHaveLength(3);

      const good = multipart(
        await workbook([
          ['市市场监管局', 'SJ-NEW-1', '新事项（测试）', '行政检查', '某法第一条', 'SJ-NEW-CC1', '新抽查事项一'],
          ['市市场监管局', 'SJ-NEW-1', '新事项（测试）', '行政检查', '某法第一条', 'SJ-NEW-CC2', '新抽查事项二'],
        ]),
      );
      const preview = (await office.request('POST', '/api/v1/enforcement/matters/import', good.body, { 'content-type': good.type })).json();
      expect(preview).toMatchObject({ dryRun: true, matters: 1, items: 2, added: 0 });
      expect((await office.get('/api/v1/enforcement/matters')).json()).toHaveLength(3);
      const saved = (
        await office.request('POST', '/api/v1/enforcement/matters/import?dryRun=false', good.body, { 'content-type': good.type })
      ).json();
      expect(saved).toMatchObject({ dryRun: false, added: 1, replaced: 0 });

      const exported = await office.get('/api/v1/enforcement/matters/export.xlsx');
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const again = multipart(exported.rawPayload);
      const back = (
        await office.request('POST', '/api/v1/enforcement/matters/import?dryRun=false', again.body, { 'content-type': again.type })
      ).json();
      expect(back).toMatchObject({ matters: 4, items: 6, added: 0, replaced: 4 });
    },
  );

  it('tracks the normative-document cleanup with its totals, and complaints to an outcome', async () => {
    const office = await h.as('office');
    const docs = (await office.get('/api/v1/enforcement/documents')).json();
    expect(docs.totals).toEqual({ documents: 2, reviewed: 0, keep: 0, amend: 0, repeal: 0, pending: 2 });
    const [d1, d2] = docs.documents;
    await office.post(`/api/v1/enforcement/documents/${d1.id}/reviews`, { outcome: 'amend', reviewedOn: '2026-02-10', version: 1 });
    const repealed = (
      await office.post(`/api/v1/enforcement/documents/${d1.id}/reviews`, { outcome: 'repeal', reviewedOn: '2026-02-20', version: 2 })
    ).json();
    expect(repealed.reviews.map((r: { round: number; outcome: string }) => `${r.round}:${r.outcome}`)).toEqual(['1:amend', '2:repeal']);
    await office.post(`/api/v1/enforcement/documents/${d2.id}/reviews`, { outcome: 'keep', reviewedOn: '2026-02-21', version: 1 });
    expect((await office.get('/api/v1/enforcement/documents')).json().totals).toEqual({
      documents: 2,
      reviewed: 2,
      keep: 1,
      amend: 0,
      repeal: 1,
      pending: 0,
    });
    const figures = (await office.get('/api/v1/enforcement/figures?from=2026-02-01&to=2026-02-28')).json();
    expect(figures.figures.documentsCleaned).toBe(2);

    const specialist = await h.as('specialist');
    const c = (
      await specialist.post('/api/v1/enforcement/complaints', {
        unitId: market,
        enterpriseId: enterprises[0],
        source: 'demand',
        summary: '同一事项一月内被检查三次',
      })
    ).json();
    expect(c).toMatchObject({ status: 'open' });
    expect(
      (await (await h.as('liaison')).post(`/api/v1/enforcement/complaints/${c.id}/close`, { outcome: 'x', version: 1 })).statusCode,
    ).toBe(403);
    const closed = (
      await office.post(`/api/v1/enforcement/complaints/${c.id}/close`, { outcome: '已纳入联合抽查，合并检查', version: 1 })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', outcome: '已纳入联合抽查，合并检查' });
  });

  it(
    'merges a joint plan’s items into one visit per enterprise, filters the pool, ' + 'and records off-site inspections with their source',
    async () => {
      const office = await h.as('office');
      const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
      const ecology = units.find((u) => u.name === '呼和浩特市生态环境局')!.id;
      const all = (await office.get('/api/v1/enforcement/officers')).json() as typeof officers;
      const body = planBody({
        name: '市场监管与生态环境联合非现场抽查（测试）',
        kind: 'ad_hoc',
        unitIds: [market, ecology],
        itemCodes: ['SJ-CC-02', 'ST-CC-01'],
        officerIds: all.filter((o) => o.certified && (o.unitId === market || o.unitId === ecology)).map((o) => o.id),
        // Every test enterprise is in 新城区 (150102) under industry 5221 粮油零售 (section F).
        filter: { countyCode: '150102', industryPrefix: 'F52' },
        quotas: ['A', 'B', 'C', 'D'].map((grade) => ({ grade, ratio: 1 })),
        offSite: true,
        dataSource: '企业年报与在线监测数据（测试）',
      });
      const noSource = await office.post('/api/v1/enforcement/plans', { ...body, dataSource: null });
      expect(noSource.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.dataSource' }] });

      const elsewhere = (
        await office.post('/api/v1/enforcement/plans', { ...body, filter: { countyCode: '150105' }, quotas: [{ grade: 'B', count: 1 }] })
      ).json();
      expect((await office.post(`/api/v1/enforcement/plans/${elsewhere.id}/commit`, { version: 1 })).json()).toMatchObject({
        code: 'ENF_POOL_TOO_SMALL',
        details: [{ pool: 0, sample: 1 }],
      });

      const plan = (await office.post('/api/v1/enforcement/plans', body)).json();
      const committed = await office.post(`/api/v1/enforcement/plans/${plan.id}/commit`, { version: 1 });
      expect(committed.statusCode, committed.body).toBe(200);
      expect((await office.post(`/api/v1/enforcement/plans/${plan.id}/draw`, { version: 2 })).statusCode).toBe(200);
      const visits = (await office.get(`/api/v1/enforcement/plans/${plan.id}`)).json().visits as {
        enterpriseId: number;
        items: string[];
      }[];
      // 进一次门、查多项事: one visit per enterprise with both departments' items.
      expect(visits).toHaveLength(10);
      expect(new Set(visits.map((v) => v.enterpriseId)).size).toBe(10);
      for (const v of visits) expect(v.items).toEqual(['SJ-CC-02', 'ST-CC-01']);
      const r = await office.post(`/api/v1/enforcement/plans/${plan.id}/results`, {
        enterpriseId: visits[0]!.enterpriseId,
        itemCode: 'ST-CC-01',
        outcome: 'none',
        inspectedOn: '2026-03-03',
      });
      expect(r.json()).toMatchObject({ offSite: true });
      const figures = (await office.get('/api/v1/enforcement/figures?from=2026-03-01&to=2026-03-31')).json();
      expect(figures.figures.offSiteInspections).toBe(1);
      expect((await h.anonymous().get(`/api/v1/enforcement/public/plans/${plan.id}`)).json()).toMatchObject({
        offSite: true,
        dataSource: '企业年报与在线监测数据（测试）',
      });
    },
  );

  it(
    'feeds a month’s figures to the indicators with their source, ' + 'and the monthly bulletin carries that month’s 法治环境 section',
    async () => {
      const office = await h.as('office');
      // February: the two documents reviewed on 2026-02-10/20/21 above; the catalogue and officers were
      // all entered on the test clock's day (2026-03-02), so February had none of them yet.
      const feb = await office.post('/api/v1/enforcement/figures/publish', { month: '2026-02' });
      expect(feb.statusCode).toBe(200);
      const value = (code: string) => feb.json().values.find((v: { code: string }) => v.code === code);
      expect(value('KPI-LAW-DOCS')).toMatchObject({ value: 2, period: '2026-02' });
      expect(value('KPI-LAW-DOCS').source).toContain('2026-02-01 至 2026-02-28');
      expect(value('KPI-LAW-MATTERS').value).toBe(0);
      // March: every matter the catalogue lists now; publishing again updates, never duplicates.
      const matters = (await office.get('/api/v1/enforcement/matters')).json() as unknown[];
      await office.post('/api/v1/enforcement/figures/publish', { month: '2026-03' });
      const mar = (await office.post('/api/v1/enforcement/figures/publish', { month: '2026-03' })).json();
      expect(mar.values.find((v: { code: string }) => v.code === 'KPI-LAW-MATTERS').value).toBe(matters.length);
      const catalogue = (await office.get('/api/v1/indicators/catalogue')).json();
      const kpi = catalogue.indicators.find((i: { code: string }) => i.code === 'KPI-LAW-MATTERS');
      expect(kpi).toMatchObject({ environment: 'law', kind: 'kpi' });
      const stored = (await office.get(`/api/v1/indicators/values?indicatorId=${kpi.id}`)).json() as {
        period: string;
        value: number;
        source: string;
      }[];
      expect(stored.map((v) => `${v.period}:${v.value}`).sort()).toEqual(['2026-02:0', `2026-03:${matters.length}`]);
      expect((await (await h.as('liaison')).post('/api/v1/enforcement/figures/publish', { month: '2026-02' })).statusCode).toBe(403);

      const bulletin = await office.post('/api/v1/supervision/bulletins', { month: '2026-02' });
      // The month's section: no matters or certified officers by then, two documents cleaned.
      const law = bulletin.json().data.sections.find((s: { key: string }) => s.key === 'enforcement');
      const text = law.blocks.map((b: { text?: string }) => b.text ?? '').join('');
      expect(text).toContain('行政执法事项清单共0项');
      expect(text).toContain('持有效证件的行政执法人员0人');
      expect(text).toContain('清理行政规范性文件2件');
    },
  );

  it('shows an enterprise its own grade and records and lets it apply for repair, never another’s', async () => {
    const office = await h.as('office');
    // The enterprise account is linked to a test enterprise without records or tax grade (the registry's link table).
    let linked = 0;
    for (const e of enterprises.slice(4)) if (!(await office.get(`/api/v1/enforcement/credit/${e}`)).json().records.length) linked ||= e;
    const user = await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    await h.ctx.db.deleteFrom('enterprise_user').where('user_id', '=', user.id).execute();
    await h.ctx.db.insertInto('enterprise_user').values({ user_id: user.id, enterprise_id: linked }).execute();
    const ent = await h.as('enterprise');
    expect((await ent.get('/api/v1/enforcement/credit/mine')).json()).toMatchObject({ enterpriseId: linked, records: [] });
    const own = await office.post('/api/v1/enforcement/credit/records', {
      enterpriseId: linked,
      unitId: market,
      kind: 'penalty',
      summary: '未按规定公示年报（测试）',
      occurredOn: '2026-02-03',
    });
    const after = (await ent.get('/api/v1/enforcement/credit/mine')).json();
    // Hand-computed from credit-model.json: base 100, one penalty −15 → 85, grade B (80–94) 一般风险.
    expect(after).toMatchObject({
      score: 85,
      grade: 'B',
      gradeLabel: { zh: '一般风险' },
      explanation: [{ factor: 'penalty', count: 1, points: -15 }],
    });
    expect(after.records.map((r: { id: number }) => r.id)).toEqual([own.json().id]);

    const other = enterprises[0]!;
    expect(other).not.toBe(linked);
    expect((await ent.get(`/api/v1/enforcement/credit/${other}`)).statusCode).toBe(403);
    const foreign = (
      await office.post('/api/v1/enforcement/credit/records', {
        enterpriseId: other,
        unitId: market,
        kind: 'complaint',
        summary: '投诉经核实（测试）',
        occurredOn: '2026-02-04',
      })
    ).json();
    expect((await ent.post('/api/v1/enforcement/repairs', { recordId: foreign.id, reason: '不是我的记录' })).statusCode).toBe(403);
    const applied = await ent.post('/api/v1/enforcement/repairs', { recordId: own.json().id, reason: '已补报年报并公示' });
    expect(applied.statusCode).toBe(201);
    const repairs = (await ent.get('/api/v1/enforcement/repairs')).json() as { recordId: number }[];
    expect(repairs.map((r) => r.recordId)).toEqual([own.json().id]);
    expect((await office.get('/api/v1/enforcement/credit/mine')).statusCode).toBe(403);

    // Grading everyone through the database (the nightly job) gives the same grade and explanation.
    expect((await office.post('/api/v1/enforcement/credit/regrade', {})).statusCode).toBe(202);
    await drainJobs(h.ctx);
    expect((await ent.get('/api/v1/enforcement/credit/mine')).json()).toMatchObject({
      score: 85,
      grade: 'B',
      explanation: [{ factor: 'penalty', count: 1, points: -15 }],
    });
    // The other enterprise: one substantiated complaint (−3) on top of what it had; base 100 + tax A +5.
    const otherProfile = (await office.get(`/api/v1/enforcement/credit/${other}`)).json();
    const expected =
      105 +
      otherProfile.explanation
        .filter((x: { factor: string }) => !x.factor.startsWith('tax:'))
        .reduce((n: number, x: { points: number }) => n + x.points, 0);
    expect(otherProfile.score).toBe(expected);
    expect(otherProfile.explanation).toContainEqual({
      factor: 'complaint',
      count: 1,
      points: -3,
      line: { zh: '经核实的投诉 1 项', en: 'substantiated complaint × 1' },
    });

    // The reviewer sees whose application it is and which record; the enterprise is told the decision.
    const pending = (await office.get('/api/v1/enforcement/repairs')).json() as {
      id: number;
      enterpriseName: string | null;
      recordSummary: string | null;
      version: number;
    }[];
    const mine = pending.find((r) => r.id === applied.json().id)!;
    const registered = (await office.get(`/api/v1/policies/enterprises/${linked}`)).json() as { name: string };
    expect(mine).toMatchObject({ enterpriseName: registered.name, recordSummary: '未按规定公示年报（测试）' });
    const reviewed = await office.post(`/api/v1/enforcement/repairs/${mine.id}/review`, { approve: true, version: mine.version });
    expect(reviewed.statusCode).toBe(200);
    const inbox = (await ent.get('/api/v1/notifications')).json() as { items: { title: string; link: string | null }[] };
    expect(inbox.items).toContainEqual(expect.objectContaining({ title: '信用修复申请已通过', link: '/enforcement/my-credit' }));
  });
});
