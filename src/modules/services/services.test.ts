import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = [
  '事项编码',
  '事项名称',
  '层级',
  '实施部门',
  '所属旗县区',
  '事项类型',
  '法定时限（工作日）',
  '承诺时限（工作日）',
  '收费（元）',
  '申请材料',
  '一网通办',
  '全程网办',
  '掌上办',
  '智审慧办',
  '呼包通办',
  '区域通办',
  '跨省通办',
  '园区办',
  '赋权方式',
  '办理地点',
  '网上办理地址',
];

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, url: string, name: string, data: Buffer) {
  const boundary = 'bizenvServicesTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

/** One row: code, name, township level in 武川县, department, type, legal/promised limits, flags 是/否 in report order. */
function row(code: string, legal: number, promised: number, flags: string[]): (string | number)[] {
  const yes = ['一网通办', '全程网办', '掌上办', '智审慧办', '呼包通办', '区域通办', '跨省通办', '园区办'].map((f) =>
    flags.includes(f) ? '是' : '否',
  );
  return [
    code,
    `测试事项${code}`,
    '乡镇级',
    '呼和浩特市民政局',
    '武川县',
    '公共服务',
    legal,
    promised,
    0,
    '申请表；身份证（免提交）；户口簿（共享）',
    ...yes,
    '',
    '武川县示例镇便民服务中心',
    '',
  ];
}

describeEachDialect('services: catalogue, rates, rounds', (h) => {
  it('refuses a promised limit above the legal one and a code twice, each located', async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string; kind: string }[];
    const dept = units.find((u) => u.kind === 'department')!;
    const body = {
      code: 'T-API-1',
      name: '测试事项',
      level: 'city',
      unitId: dept.id,
      type: 'licence',
      legalDays: 5,
      promisedDays: 6,
      validFrom: '2026-01-05',
    };
    const bad = await office.post('/api/v1/services/catalogue', body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SERVICE_PROMISE_ABOVE_LEGAL', details: [{ path: 'body.promisedDays' }] });
    expect((await office.post('/api/v1/services/catalogue', { ...body, promisedDays: 2 })).statusCode).toBe(201);
    const twice = await office.post('/api/v1/services/catalogue', { ...body, promisedDays: 2 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'SERVICE_CODE_DUPLICATE', details: [{ path: 'body.code' }] });
  });

  it('edits a service: a correction in place, a change from a later day as a new version, the promise still checked', async () => {
    const office = await h.as('office');
    const current = (await office.get('/api/v1/services/catalogue?q=T-API-1')).json().items[0];
    const { id, version, unitName: _u, countyName: _c, validTo: _t, ...fields } = current;
    const base = { ...fields, version };
    const above = await office.patch(`/api/v1/services/catalogue/${id}`, { ...base, promisedDays: 9 });
    expect(above.statusCode).toBe(400);
    expect(above.json()).toMatchObject({ code: 'SERVICE_PROMISE_ABOVE_LEGAL', details: [{ path: 'body.promisedDays' }] });
    const fixed = await office.patch(`/api/v1/services/catalogue/${id}`, { ...base, name: '测试事项（更正）' });
    expect(fixed.json()).toMatchObject({ id, name: '测试事项（更正）', version: version + 1, validFrom: '2026-01-05' });
    expect((await office.patch(`/api/v1/services/catalogue/${id}`, { ...base, name: '过期版本' })).statusCode).toBe(409);
    const later = await office.patch(`/api/v1/services/catalogue/${id}`, {
      ...base,
      name: '测试事项（更正）',
      version: version + 1,
      promisedDays: 1,
      validFrom: '2026-02-01',
    });
    expect(later.json()).toMatchObject({ promisedDays: 1, validFrom: '2026-02-01' });
    expect(later.json().id).not.toBe(id);
    const inJanuary = (await office.get('/api/v1/services/catalogue?q=T-API-1&date=2026-01-20')).json().items[0];
    expect(inJanuary).toMatchObject({ id, promisedDays: 2, validTo: '2026-02-01' });
  });

  it('previews an import with every problem located, imports nothing while any is left, then imports in one go', async () => {
    const office = await h.as('office');
    const bad = await workbook([row('T-WC-1', 10, 5, ['一网通办']), row('T-WC-1', 10, 5, []), row('T-WC-2', 10, 12, [])]);
    const preview = await upload(office, '/api/v1/services/catalogue/import?commit=0', 'bad.xlsx', bad);
    expect(preview.statusCode).toBe(200);
    const problems = preview.json().problems as { row: number; column: string; message: string; code?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'A', code: 'SERVICE_CODE_DUPLICATE' }),
        expect.objectContaining({ row: 4, column: 'H' }),
      ]),
    );
    const refused = await upload(office, '/api/v1/services/catalogue/import?commit=1', 'bad.xlsx', bad);
    expect(refused.statusCode).toBe(422);
    expect((await office.get('/api/v1/services/catalogue?level=township&q=T-WC')).json().total).toBe(0);

    const good = await workbook([
      row('T-WC-1', 10, 5, ['一网通办']),
      row('T-WC-2', 20, 10, ['一网通办', '全程网办', '掌上办']),
      row('T-WC-3', 10, 2, []),
    ]);
    const done = await upload(office, '/api/v1/services/catalogue/import?commit=1', 'good.xlsx', good);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ imported: true, added: 3, changed: 0 });
    const listed = (await office.get('/api/v1/services/catalogue?level=township&q=T-WC')).json();
    expect(listed.total).toBe(3);
    expect(listed.items[2].materials).toEqual([
      { name: '申请表', shared: false, exempt: false },
      { name: '身份证', shared: false, exempt: true },
      { name: '户口簿', shared: true, exempt: false },
    ]);
  });

  it('computes the rates of a day from the catalogue, with the list behind each', async () => {
    const office = await h.as('office');
    // The three township services imported above (hand count): 一网通办 2 of 3 = 66.7 %, 全程网办 1 of 3 = 33.3 %,
    // 掌上办 1; promised 5+10+2 = 17 of legal 10+20+10 = 40 working days → limits cut by 57.5 %.
    const rates = (await office.get('/api/v1/services/rates?level=township')).json();
    expect(rates.total).toBe(3);
    expect(rates.rates.find((r: { flag: string }) => r.flag === 'online')).toEqual({ flag: 'online', count: 2, percent: 66.7 });
    expect(rates.rates.find((r: { flag: string }) => r.flag === 'fullyOnline')).toEqual({ flag: 'fullyOnline', count: 1, percent: 33.3 });
    expect(rates.limitCutPercent).toBe(57.5);
    const behind = (await office.get('/api/v1/services/catalogue?level=township&flag=online')).json();
    expect(behind.items.map((s: { code: string }) => s.code)).toEqual(['T-WC-1', 'T-WC-2']);
    // A county's catalogue holds only its own services: 武川县 has the three imported ones, 新城区 none of them.
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
    const wuchuan = units.find((u) => u.name === '武川县')!;
    expect((await office.get(`/api/v1/services/rates?level=township&countyId=${wuchuan.id}`)).json().total).toBe(3);
    const xincheng = units.find((u) => u.name === '新城区')!;
    expect((await office.get(`/api/v1/services/rates?level=township&countyId=${xincheng.id}`)).json().total).toBe(0);
    // The day before the import the township catalogue was empty.
    expect((await office.get('/api/v1/services/rates?level=township&date=2026-03-01')).json()).toMatchObject({ total: 0 });
  });

  it('keeps the old version when a changed row is imported again', async () => {
    const office = await h.as('office');
    const again = await upload(
      office,
      '/api/v1/services/catalogue/import?commit=1',
      'again.xlsx',
      await workbook([row('T-WC-3', 10, 1, ['一网通办'])]),
    );
    expect(again.json()).toMatchObject({ changed: 1, added: 0 });
    const now = (await office.get('/api/v1/services/catalogue?level=township&q=T-WC-3')).json();
    expect(now.items).toHaveLength(1);
    expect(now.items[0]).toMatchObject({ promisedDays: 1, flags: ['online'] });
  });

  it('records a streamlining round and shows its diff; earlier days keep their catalogue', async () => {
    const office = await h.as('office');
    const before = (await office.get('/api/v1/services/rates?level=city&date=2026-03-02')).json().total;
    const round = await office.post('/api/v1/services/rounds', {
      name: '测试精简轮次',
      effectiveOn: '2026-03-02',
      changes: [
        { code: 'SL-MZ-001', action: 'removed', reason: '上级取消' },
        { code: 'SL-SD-004', action: 'merged', intoCode: 'SL-SD-003', reason: '合并办理' },
        { code: 'SL-WL-001', action: 'delegated', toLevel: 'county', reason: '下放旗县区' },
      ],
    });
    expect(round.statusCode).toBe(201);
    expect(round.json()).toMatchObject({ beforeCount: before, afterCount: before - 3 });
    const diff = (await office.get(`/api/v1/services/rounds/${round.json().id}`)).json();
    expect(diff.counts).toEqual({ removed: 1, merged: 1, delegated: 1 });
    expect(diff.changes.find((c: { code: string }) => c.code === 'SL-SD-004')).toMatchObject({
      action: 'merged',
      intoCode: 'SL-SD-003',
      reason: '合并办理',
    });
    expect((await office.get('/api/v1/services/rates?level=city&date=2026-03-01')).json().total).toBe(before);
    const unknown = await office.post('/api/v1/services/rounds', {
      name: 'x',
      effectiveOn: '2026-03-02',
      changes: [{ code: 'NOPE', action: 'removed', reason: 'x' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].path).toBe('body.changes.0.code');
  });

  it('exports the catalogue in the layout the import reads back unchanged', async () => {
    const office = await h.as('office');
    const exported = await office.get('/api/v1/services/catalogue/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const total = (await office.get('/api/v1/services/rates')).json().total;
    const back = await upload(office, '/api/v1/services/catalogue/import?commit=0', 'export.xlsx', exported.rawPayload);
    expect(back.json()).toMatchObject({ problems: [], added: 0, changed: 0, unchanged: total });
  });

  it('feeds the rates to the indicators with their source', async () => {
    const office = await h.as('office');
    const res = await office.post('/api/v1/services/rates/publish', { date: '2026-03-02' });
    expect(res.statusCode).toBe(200);
    const online = res.json().values.find((v: { code: string }) => v.code === 'KPI-GOV-ONLINE');
    const rates = (await office.get('/api/v1/services/rates?date=2026-03-02')).json();
    expect(online.value).toBe(rates.rates[0].percent);
    expect(online.source).toContain(`共 ${rates.total} 项`);
    // Each county gets its own value over its county and township services, under the county as the unit.
    const wuchuan = ((await office.get('/api/v1/units')).json() as { id: number; name: string }[]).find((u) => u.name === '武川县')!;
    const countyRates = (await office.get(`/api/v1/services/rates?date=2026-03-02&countyId=${wuchuan.id}`)).json();
    expect(countyRates.total).toBeGreaterThan(0);
    const countyOnline = res
      .json()
      .values.find((v: { code: string; unitId: number }) => v.code === 'KPI-GOV-ONLINE' && v.unitId === wuchuan.id);
    expect(countyOnline).toMatchObject({ value: countyRates.rates[0].percent, unitName: '武川县' });
    expect(countyOnline.source).toContain(`武川县政务服务事项目录（2026-03-02）`);
    const stored = (await office.get(`/api/v1/indicators/values?unitId=${wuchuan.id}&periodFrom=2026-03&periodTo=2026-03`)).json();
    expect(stored.find((v: { source: string }) => v.source === countyOnline.source)).toMatchObject({ value: countyOnline.value });
  });
});

describeEachDialect('services: packages, cases, missed promises', (h) => {
  let packageId = 0;
  let depts: { id: number; name: string }[] = [];

  it('refuses a package with an unknown service, and creates one across three departments', async () => {
    const office = await h.as('office');
    depts = ((await office.get('/api/v1/units')).json() as { id: number; kind: string; name: string }[])
      .filter((u) => u.kind === 'department')
      .slice(0, 3);
    for (const [i, d] of depts.entries()) {
      const r = await office.post('/api/v1/services/catalogue', {
        code: `T-PK-${i}`,
        name: `成员事项${i}`,
        level: 'city',
        unitId: d.id,
        type: 'licence',
        legalDays: 10,
        promisedDays: 1,
        validFrom: '2026-01-05',
      });
      expect(r.statusCode).toBe(201);
    }
    const body = {
      code: 'T-PKG',
      name: '测试一件事',
      kind: 'permit',
      mode: 'parallel',
      promisedDays: 1,
      materials: [{ name: '综合申请表' }, { name: '营业执照', shared: true }, { name: '身份证', exempt: true }],
      members: [{ serviceCode: 'T-PK-0' }, { serviceCode: 'T-PK-1' }, { serviceCode: 'T-PK-2' }],
      before: { steps: 8, materials: 10, days: 5, visits: 4, feeFen: 20000 },
      after: { steps: 2, visits: 0, feeFen: 0 },
    };
    const unknown = await office.post('/api/v1/services/packages', { ...body, members: [...body.members, { serviceCode: 'NO-SUCH' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'SERVICE_UNKNOWN', details: [{ path: 'body.members.3.serviceCode' }] });
    const created = await office.post('/api/v1/services/packages', body);
    expect(created.statusCode).toBe(201);
    packageId = created.json().id;
    // Hand-computed: steps 8 → 2 = −75 %; materials 10 → 2 (the exempt one not counted) = −80 %; 5 days → 1 = −80 %; visits −100 %.
    expect(created.json()).toMatchObject({ departments: 3, reductions: { steps: 75, materials: 80, days: 80, visits: 100, fees: 100 } });
  });

  it('fans a case out to the three departments, times it on the working-day calendar and lists the late package', async () => {
    const office = await h.as('office');
    // Submitted Thu 2026-02-26 09:00 China time; the clock is Mon 2026-03-02 10:00.
    const filed = await office.post(`/api/v1/services/packages/${packageId}/cases`, {
      applicant: '示例企业有限公司',
      submittedAt: '2026-02-26T01:00:00Z',
    });
    expect(filed.statusCode).toBe(201);
    const c = filed.json();
    expect(c.steps.map((s: { unitId: number; startedAt: string }) => [s.unitId, s.startedAt])).toEqual(
      depts.map((d) => [d.id, '2026-02-26T01:00:00.000Z']),
    );
    const before = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[0].id}`, {
      result: 'done',
      at: '2026-02-25T09:00:00Z',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ code: 'SERVICE_STEP_ORDER', details: [{ path: 'body.at' }] });
    await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[0].id}`, { result: 'done', at: '2026-02-26T03:00:00Z' });
    await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[1].id}`, { result: 'done', at: '2026-02-26T05:00:00Z' });
    const last = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[2].id}`, { result: 'done' });
    expect(last.statusCode).toBe(200);
    // Thu 26 (8 h) + Fri 27 (8 h) + Sat 28, a swapped working day (8 h) + Mon 2 09:00–10:00 (1 h) = 25 h = 1 500 minutes.
    expect(last.json()).toMatchObject({ status: 'done', elapsedMinutes: 1500, elapsed: { days: 3, hours: 1 }, late: true });
    const again = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[2].id}`, { result: 'done' });
    expect(again.statusCode).toBe(409);

    const missed = (await office.get('/api/v1/services/packages/missed?from=2026-03-01&to=2026-03-31')).json();
    const mine = missed.packages.find((p: { code: string }) => p.code === 'T-PKG');
    expect(mine).toMatchObject({ finished: 1, late: 1, lateShare: 100, lateCases: [{ id: c.id }] });
    const stats = (await office.get('/api/v1/services/packages/stats?from=2026-03-01&to=2026-03-31')).json();
    // 1 500 min = 3.125 working days against 5 before → −37.5 %.
    expect(stats.packages.find((p: { code: string }) => p.code === 'T-PKG')).toMatchObject({ avgDays: 3.13, timeCut: 37.5 });
  });

  it('closes a case as returned when a department sends it back, outside the finished-case statistics', async () => {
    const office = await h.as('office');
    const before = (await office.get('/api/v1/services/packages/stats?from=2026-03-01&to=2026-03-31')).json().finished;
    const c = (
      await office.post(`/api/v1/services/packages/${packageId}/cases`, { applicant: '示例企业四', submittedAt: '2026-03-02T01:00:00Z' })
    ).json();
    const back = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[1].id}`, { result: 'returned', note: '材料不齐' });
    expect(back.json()).toMatchObject({ status: 'returned', elapsedMinutes: 60 });
    expect((await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[0].id}`, { result: 'done' })).statusCode).toBe(409);
    expect((await office.get('/api/v1/services/packages/stats?from=2026-03-01&to=2026-03-31')).json().finished).toBe(before);
  });

  it('lets a unit record only its own department’s step', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    const me = (await liaison.get('/api/v1/auth/me')).json();
    const filed = (await office.post(`/api/v1/services/packages/${packageId}/cases`, { applicant: '示例企业二' })).json();
    const foreign = filed.steps.find((s: { unitId: number }) => s.unitId !== me.unitId);
    const res = await liaison.post(`/api/v1/services/cases/${filed.id}/steps/${foreign.id}`, { result: 'done' });
    expect(res.statusCode).toBe(403);
    expect(
      (await office.get(`/api/v1/services/cases/${filed.id}`))
        .json()
        .steps.every((s: { finishedAt: string | null }) => s.finishedAt === null),
    ).toBe(true);
  });

  it('starts each department of a sequential package only when the one before is done', async () => {
    const office = await h.as('office');
    const body = {
      code: 'T-SEQ',
      name: '依次办理测试',
      kind: 'other',
      mode: 'sequence',
      promisedDays: 2,
      materials: [{ name: '申请表' }],
      members: [{ serviceCode: 'T-PK-0' }, { serviceCode: 'T-PK-1' }],
      before: { steps: 4, materials: 4, days: 10, visits: 2, feeFen: 0 },
      after: { steps: 1, visits: 0, feeFen: 0 },
    };
    const pkg = (await office.post('/api/v1/services/packages', body)).json();
    const c = (
      await office.post(`/api/v1/services/packages/${pkg.id}/cases`, { applicant: '示例企业三', submittedAt: '2026-03-02T01:00:00Z' })
    ).json();
    expect(c.steps.map((s: { startedAt: string | null }) => s.startedAt)).toEqual(['2026-03-02T01:00:00.000Z', null]);
    const early = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[1].id}`, { result: 'done' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SERVICE_STEP_CLOSED');
    const first = await office.post(`/api/v1/services/cases/${c.id}/steps/${c.steps[0].id}`, {
      result: 'done',
      at: '2026-03-02T01:30:00Z',
    });
    expect(first.json().steps[1].startedAt).toBe('2026-03-02T01:30:00.000Z');
    expect(first.json().status).toBe('open');
  });

  it('opens one work-list problem item for a package that missed its promise', async () => {
    const office = await h.as('office');
    const body = { from: '2026-03-01', to: '2026-03-31', deadline: '2026-04-30' };
    const item = await office.post(`/api/v1/services/packages/${packageId}/problem-item`, body);
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json().content).toContain('1 件超过承诺时限');
    expect(
      item
        .json()
        .leadUnits.map((u: { id: number }) => u.id)
        .sort(),
    ).toEqual(depts.map((d) => d.id).sort());
    expect((await office.post(`/api/v1/services/packages/${packageId}/problem-item`, body)).statusCode).toBe(409);
  });

  it('adds a service point to its county only, and counts it in the coverage table', async () => {
    const office = await h.as('office');
    const counties = ((await office.get('/api/v1/units')).json() as { id: number; kind: string }[]).filter((u) => u.kind === 'county');
    const before = (await office.get('/api/v1/services/network/coverage'))
      .json()
      .counties.find((c: { countyId: number }) => c.countyId === counties[0]!.id);
    const point = {
      kind: 'village',
      name: '示例村便民服务站',
      countyId: counties[0]!.id,
      address: '示例村',
      hours: '工作日 9:00–17:00',
      services: ['社保'],
    };
    expect((await office.post('/api/v1/services/network', { ...point, countyId: depts[0]!.id })).json()).toMatchObject({
      details: [{ path: 'body.countyId' }],
    });
    expect((await office.post('/api/v1/services/network', point)).statusCode).toBe(201);
    const after = (await office.get('/api/v1/services/network/coverage'))
      .json()
      .counties.find((c: { countyId: number }) => c.countyId === counties[0]!.id);
    expect(after.village).toBe(before.village + 1);
  });

  it('refuses an assisted case for an unknown assistant and counts the known ones per month', async () => {
    const office = await h.as('office');
    const bad = await office.post('/api/v1/services/assisted-cases', {
      assistantId: 99999,
      applicant: '示例',
      subject: 'SL-YJS-QYKB',
      channel: 'hall',
      receivedOn: '2026-02-10',
      result: 'done',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SERVICE_ASSISTANT_UNKNOWN', details: [{ path: 'body.assistantId' }] });
    const a = (await office.post('/api/v1/services/assistants', { name: '示例帮办员甲', unitId: depts[0]!.id })).json();
    for (const d of ['2025-01-10', '2025-01-20', '2025-02-03']) {
      expect(
        (
          await office.post('/api/v1/services/assisted-cases', {
            assistantId: a.id,
            applicant: '示例',
            subject: 'SL-YJS-QYKB',
            channel: 'mini_program',
            receivedOn: d,
            result: 'done',
            rating: 5,
          })
        ).statusCode,
      ).toBe(201);
    }
    const monthly = (await office.get('/api/v1/services/assisted-cases/monthly?year=2025')).json();
    expect(
      monthly.byAssistant
        .filter((r: { assistantId: number }) => r.assistantId === a.id)
        .map((r: { month: string; cases: number }) => [r.month, r.cases]),
    ).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
    ]);
  });

  it('imports the mini-program export all or nothing, and skips cases already imported', async () => {
    const office = await h.as('office');
    const a = (await office.get('/api/v1/services/assistants')).json().find((x: { name: string }) => x.name === '示例帮办员甲');
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('工单');
      ws.addRow(['工单编号', '帮办员编号', '申请人', '事项', '渠道', '受理日期', '办结日期', '办理结果', '评价']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const bad = await upload(
      office,
      '/api/v1/services/assisted-cases/import',
      'xcx.xlsx',
      await sheet([
        ['XCX-1', a.id, '示例甲', 'SL-YJS-QYKB', '小程序', '2025-03-01', '2025-03-02', '已办结', 5],
        ['XCX-2', 99999, '示例乙', '企业开办“一件事”', '小程序', '2025-03-01', '', '办理中', ''],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details).toEqual([expect.objectContaining({ row: 3, column: 'B', code: 'SERVICE_ASSISTANT_UNKNOWN' })]);
    const good = await sheet([
      ['XCX-1', a.id, '示例甲', 'SL-YJS-QYKB', '小程序', '2025-03-01', '2025-03-02', '已办结', 5],
      ['XCX-2', a.id, '示例乙', '企业开办“一件事”', '上门服务', '2025-03-05', '', '办理中', ''],
    ]);
    expect((await upload(office, '/api/v1/services/assisted-cases/import', 'xcx.xlsx', good)).json()).toEqual({ imported: 2, skipped: 0 });
    expect((await upload(office, '/api/v1/services/assisted-cases/import', 'xcx.xlsx', good)).json()).toEqual({ imported: 0, skipped: 2 });
    const march = (await office.get('/api/v1/services/assisted-cases/monthly?year=2025'))
      .json()
      .byAssistant.find((r: { month: string; assistantId: number }) => r.month === '2025-03' && r.assistantId === a.id);
    expect(march).toMatchObject({ cases: 2, done: 1 });
  });

  it('shows the public guide without login, and the city summary with its data date', async () => {
    const guide = await h.anonymous().get('/api/v1/services/public/guide/packages/T-PKG');
    expect(guide.statusCode).toBe(200);
    expect(guide.json()).toMatchObject({ name: '测试一件事', promisedDays: 1, departments: depts.map((d) => d.name) });
    expect((await h.anonymous().get('/api/v1/services/public/guide/services/T-PK-0')).json()).toMatchObject({
      legalDays: 10,
      promisedDays: 1,
      inForce: true,
    });
    const summary = (await (await h.as('leader')).get('/api/v1/services/summary?date=2026-03-02')).json();
    expect(summary.dataDate).toBe('2026-03-02');
    expect(summary.packages.count).toBeGreaterThanOrEqual(6);
    expect(summary.network.covered).toBe(true);
    // The demo's start-up package: 8 finished cases in 2026, each 2 steps, 6 documents and 520 yuan of fees waived.
    expect(summary.startup).toMatchObject({ year: 2026, cases: 8, averageSteps: 2, averageDocuments: 6, waivedFen: 8 * 52000 });
  });
});
