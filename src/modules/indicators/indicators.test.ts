import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { seedIndicatorDemo } from './seed.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数值');
  ws.addRow(['指标编码', '单位', '期间', '数值', '来源', '佐证说明']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(name: string, data: Buffer): { body: Buffer; type: string } {
  const boundary = '----bizenvIndicatorsTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describeEachDialect('indicators', (h) => {
  let cityId: number;
  let countyId: number;
  let demoUnitId: number;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    await seedIndicatorDemo(h.ctx);
    const units = (await (await h.as('office')).get('/api/v1/units')).json() as { id: number; kind: string; name: string }[];
    cityId = units.find((u) => u.kind === 'city')!.id;
    countyId = units.find((u) => u.name === '赛罕区')!.id;
    demoUnitId = units.find((u) => u.name === '呼和浩特市行政审批和政务服务局')!.id;
    const cat = (await (await h.as('office')).get('/api/v1/indicators/catalogue')).json();
    for (const i of cat.indicators) ids.set(i.code, i.id);
  });

  it('serves the catalogue: 18 national indicators in the five environments, level 2 marked not retrieved, and the KPIs', async () => {
    const res = await (await h.as('leader')).get('/api/v1/indicators/catalogue');
    expect(res.statusCode).toBe(200);
    const cat = res.json();
    expect(cat.environments.map((e: { id: string }) => e.id)).toEqual(['policy', 'government', 'law', 'market', 'finance']);
    const level1 = cat.indicators.filter((i: { kind: string }) => i.kind === 'indicator');
    expect(level1).toHaveLength(18);
    expect(level1[0]).toMatchObject({ code: 'L1-01', nameZh: '开办企业', environment: 'government', note: expect.stringContaining('87') });
    const kpi = cat.indicators.find((i: { code: string }) => i.code === 'KPI-SB-TIME');
    expect(kpi).toMatchObject({ kind: 'kpi', unitOfMeasure: 'working days', direction: 'lower_is_better', parentId: ids.get('L1-01') });
    expect((await (await h.as('enterprise')).get('/api/v1/indicators/catalogue')).statusCode).toBe(403);
  });

  it("loads the work report's figures as the city's latest (2024) values, with source", async () => {
    const values = (await (await h.as('leader')).get(`/api/v1/indicators/values?unitId=${cityId}&periodFrom=2024&periodTo=2024`)).json();
    const by = Object.fromEntries(values.map((v: { indicatorCode: string; value: number }) => [v.indicatorCode, v.value]));
    expect(by).toMatchObject({
      'KPI-GOV-ONLINE': 98,
      'KPI-GOV-FULLY-ONLINE': 78,
      'KPI-GOV-MOBILE': 753,
      'KPI-SB-TIME': 0.5,
      'KPI-SB-STEPS': 2,
      'KPI-SB-DOCS': 6,
      'KPI-ELEC-LV-A': 3.3,
      'KPI-ELEC-LV-B': 6,
      'KPI-COURT-SMALL-CLAIMS': 69.41,
      'KPI-INNOV-RD': 1.34,
    });
    expect(values.every((v: { synthetic: boolean; source: string }) => !v.synthetic && v.source.includes('工作报告'))).toBe(true);
    // Earlier years exist for the trend chart and say they are synthetic.
    const trend = (
      await (await h.as('leader')).get(`/api/v1/indicators/values?unitId=${cityId}&indicatorId=${ids.get('KPI-GOV-ONLINE')}`)
    ).json();
    expect(trend.map((v: { period: string }) => v.period)).toEqual(['2022', '2023', '2024']);
    expect(trend[0].synthetic).toBe(true);
  });

  it('enters a value with source and evidence, edits it with the version, and keeps an audit trail', async () => {
    const office = await h.as('office');
    const created = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-GOV-ONLINE'),
      unitId: demoUnitId,
      period: '2025-Q1',
      value: 96.5,
      source: '政务服务局季报',
      evidence: '附件：季报第 3 页',
    });
    expect(created.statusCode).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({ unitId: demoUnitId, period: '2025-Q1', value: 96.5, version: 1, synthetic: false });
    const edited = await office.patch(`/api/v1/indicators/values/${v.id}`, { value: 97, version: 1 });
    expect(edited.json()).toMatchObject({ value: 97, version: 2 });
    const stale = await office.patch(`/api/v1/indicators/values/${v.id}`, { value: 95, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const history = (await office.get(`/api/v1/indicators/values/${v.id}/history`)).json();
    expect(history.map((x: { action: string }) => x.action)).toEqual(['indicator_value.create', 'indicator_value.update']);
    expect(history[1].before.value).toBe(96.5);
    // The unit's liaison sees the own unit's value and nothing of other units; a leader cannot write.
    const liaison = await h.as('liaison');
    const seen = (await liaison.get('/api/v1/indicators/values')).json();
    expect(seen.map((x: { unitId: number }) => x.unitId)).toEqual([demoUnitId]);
    expect((await liaison.get(`/api/v1/indicators/values?unitId=${cityId}`)).json()).toEqual([]);
    expect(
      (
        await liaison.post('/api/v1/indicators/values', {
          indicatorId: ids.get('KPI-GOV-ONLINE'),
          unitId: demoUnitId,
          period: '2025-Q2',
          value: 1,
          source: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await (await h.as('leader')).patch(`/api/v1/indicators/values/${v.id}`, { value: 1, version: 2 })).statusCode).toBe(403);
  });

  it('answers bad values with located errors: outside the physical range, text in a number, a duplicate, a heading', async () => {
    const office = await h.as('office');
    const range = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-GOV-ONLINE'),
      unitId: cityId,
      period: '2025',
      value: 120,
      source: 'x',
    });
    expect(range.statusCode).toBe(400);
    expect(range.json()).toMatchObject({
      code: 'INDICATOR_BAD_VALUE',
      details: [{ path: 'body.value', message: expect.stringContaining('above the physical maximum') }],
    });
    const text = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-GOV-ONLINE'),
      unitId: cityId,
      period: '2025',
      value: '九十八',
      source: 'x',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().details[0].path).toContain('value');
    const dup = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-GOV-ONLINE'),
      unitId: cityId,
      period: '2024',
      value: 90,
      source: 'x',
    });
    expect(dup.statusCode).toBe(409);
    const heading = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('L1-01'),
      unitId: cityId,
      period: '2025',
      value: 1,
      source: 'x',
    });
    expect(heading.json().code).toBe('INDICATOR_BAD_VALUE');
    const badPeriod = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-SB-TIME'),
      unitId: cityId,
      period: '2025-13',
      value: 1,
      source: 'x',
    });
    expect(badPeriod.statusCode).toBe(400);
  });

  it('imports values from Excel all-or-nothing, reporting every problem at its cell', async () => {
    const office = await h.as('office');
    const bad = multipart(
      'values.xlsx',
      await workbook([
        ['KPI-SB-TIME', '赛罕区', '2025', 0.8, '区政务服务局'],
        ['KPI-SB-TIME', '赛罕区', '2025-Q1', 'abc', '区政务服务局'],
        ['KPI-GOV-ONLINE', '不存在区', '2025', 99, '区政务服务局'],
        ['KPI-GOV-ONLINE', '赛罕区', '2025', 101, '区政务服务局'],
        ['KPI-NOPE', '赛罕区', '2025', 1, '区政务服务局'],
      ]),
    );
    const before = (await office.get(`/api/v1/indicators/values?unitId=${countyId}`)).json().length;
    const res = await office.request('POST', '/api/v1/indicators/values/import', bad.body, { 'content-type': bad.type });
    expect(res.statusCode).toBe(400);
    // The parser's problems (text in a number) and the catalogue's (unit, range, code) come together, in sheet order.
    expect(res.json().details).toEqual([
      expect.objectContaining({ sheet: '数值', row: 3, column: 'D', field: 'value', message: expect.stringContaining('not a number') }),
      expect.objectContaining({ sheet: '数值', row: 4, column: 'B', field: 'unit', message: expect.stringContaining('unknown unit') }),
      expect.objectContaining({
        sheet: '数值',
        row: 5,
        column: 'D',
        field: 'value',
        message: expect.stringContaining('above the physical maximum'),
      }),
      expect.objectContaining({
        sheet: '数值',
        row: 6,
        column: 'A',
        field: 'code',
        message: expect.stringContaining('unknown indicator code'),
      }),
    ]);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual([
      'values.xlsx 数值!D3',
      'values.xlsx 数值!B4',
      'values.xlsx 数值!D5',
      'values.xlsx 数值!A6',
    ]);
    expect((await office.get(`/api/v1/indicators/values?unitId=${countyId}`)).json().length).toBe(before);

    const good = multipart(
      'values.xlsx',
      await workbook([
        ['KPI-SB-TIME', '赛罕区', '2025', 0.8, '区政务服务局', '台账'],
        ['KPI-SB-TIME', '赛罕区', '2024', 0.9, '区政务服务局, 更正'],
      ]),
    );
    const ok = await office.request('POST', '/api/v1/indicators/values/import', good.body, { 'content-type': good.type });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 1, updated: 1, rows: 2, dryRun: false });
    const after = (await office.get(`/api/v1/indicators/values?unitId=${countyId}&indicatorId=${ids.get('KPI-SB-TIME')}`)).json();
    expect(after.map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([
      ['2024', 0.9],
      ['2025', 0.8],
    ]);
    // Each value's history names the import, file and row; an overwritten value keeps its old figure.
    const created = (await office.get(`/api/v1/indicators/values/${after[1].id}/history`)).json();
    expect(created).toEqual([
      expect.objectContaining({
        action: 'indicator_value.import',
        after: expect.objectContaining({ file: 'values.xlsx', row: 2, value: 0.8 }),
      }),
    ]);
    const overwritten = (await office.get(`/api/v1/indicators/values/${after[0].id}/history`)).json();
    expect(overwritten.at(-1)).toMatchObject({
      action: 'indicator_value.import',
      before: { value: after[0].value === 0.9 ? expect.any(Number) : 0 },
      after: { value: 0.9, row: 3 },
    });
  });

  it('dry-runs an import: previews every row as create or update with the value it replaces, writes nothing', async () => {
    const office = await h.as('office');
    const listed = async () =>
      (await office.get(`/api/v1/indicators/values?unitId=${countyId}&indicatorId=${ids.get('KPI-SB-STEPS')}`)).json();
    const existing = await office.post('/api/v1/indicators/values', {
      indicatorId: ids.get('KPI-SB-STEPS'),
      unitId: countyId,
      period: '2023',
      value: 4,
      source: '区政务服务局',
    });
    expect(existing.statusCode).toBe(201);
    const auditBefore = (await (await h.as('admin')).get('/api/v1/audit?pageSize=1')).json().total;
    const file = multipart(
      'steps.xlsx',
      await workbook([
        ['KPI-SB-STEPS', '赛罕区', '2023', 3, '区政务服务局'],
        ['KPI-SB-STEPS', '赛罕区', '2024-Q2', 2, '区政务服务局', '台账'],
      ]),
    );
    const dry = await office.request('POST', '/api/v1/indicators/values/import?dryRun=true', file.body, { 'content-type': file.type });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({
      created: 1,
      updated: 1,
      rows: 2,
      dryRun: true,
      preview: [
        expect.objectContaining({
          row: 2,
          code: 'KPI-SB-STEPS',
          unitName: '赛罕区',
          period: '2023',
          value: 3,
          previous: 4,
          action: 'update',
        }),
        expect.objectContaining({
          row: 3,
          code: 'KPI-SB-STEPS',
          unitName: '赛罕区',
          period: '2024-Q2',
          value: 2,
          previous: null,
          action: 'create',
        }),
      ],
    });
    expect((await listed()).map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([['2023', 4]]);
    expect((await (await h.as('admin')).get('/api/v1/audit?pageSize=1')).json().total).toBe(auditBefore);
    // A dry run of a bad workbook answers exactly as the real import would, and a liaison may not try.
    const bad = multipart('steps.xlsx', await workbook([['KPI-SB-STEPS', '赛罕区', '2023', '三', '区政务服务局']]));
    const dryBad = await office.request('POST', '/api/v1/indicators/values/import?dryRun=true', bad.body, { 'content-type': bad.type });
    expect(dryBad.statusCode).toBe(400);
    expect(dryBad.json().details).toEqual([
      expect.objectContaining({ sheet: '数值', row: 2, column: 'D', message: expect.stringContaining('not a number') }),
    ]);
    expect(
      (
        await (
          await h.as('liaison')
        ).request('POST', '/api/v1/indicators/values/import?dryRun=true', file.body, { 'content-type': file.type })
      ).statusCode,
    ).toBe(403);
    // The same file committed writes what the preview said.
    const done = await office.request('POST', '/api/v1/indicators/values/import', file.body, { 'content-type': file.type });
    expect(done.json()).toEqual({ created: 1, updated: 1, rows: 2, dryRun: false });
    expect((await listed()).map((v: { period: string; value: number }) => [v.period, v.value])).toEqual([
      ['2023', 3],
      ['2024-Q2', 2],
    ]);
  });

  it('changes nothing when one row of a workbook is bad, not even the good rows before it', async () => {
    const office = await h.as('office');
    const snapshot = async () =>
      (await office.get('/api/v1/indicators/values'))
        .json()
        .map((v: { id: number; value: number; version: number }) => [v.id, v.value, v.version]);
    const before = await snapshot();
    const auditBefore = (await (await h.as('admin')).get('/api/v1/audit?pageSize=1')).json().total;
    const file = multipart(
      'mixed.xlsx',
      await workbook([
        ['KPI-GOV-ONLINE', '赛罕区', '2023', 90, '区政务服务局'], // new, good
        ['KPI-SB-TIME', '赛罕区', '2024', 0.7, '区政务服务局'], // update, good
        ['KPI-GOV-ONLINE', '赛罕区', '2022', -5, '区政务服务局'], // below the physical minimum
        ['KPI-GOV-ONLINE', '赛罕区', '2023年', 91, '区政务服务局'], // unknown period
      ]),
    );
    const res = await office.request('POST', '/api/v1/indicators/values/import', file.body, { 'content-type': file.type });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INDICATOR_BAD_VALUE');
    expect(res.json().details).toEqual([
      expect.objectContaining({ row: 4, column: 'D', message: expect.stringContaining('below the physical minimum') }),
      expect.objectContaining({ row: 5, column: 'C', message: expect.stringContaining('bad period') }),
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await (await h.as('admin')).get('/api/v1/audit?pageSize=1')).json().total).toBe(auditBefore);
  });

  it('serves the blank template to the office: the values sheet the import reads, the KPI codes and the unit names', async () => {
    const res = await (await h.as('office')).get('/api/v1/indicators/values/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('indicator-values-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数值', '指标编码', '单位']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '指标编码', '单位', '期间', '数值', '来源', '佐证说明']);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
    const codes: string[] = [];
    wb.worksheets[1]!.eachRow((row, n) => n > 2 && codes.push(String(row.getCell(1).value)));
    expect(codes).toContain('KPI-GOV-ONLINE');
    expect(codes.every((c) => c.startsWith('KPI-'))).toBe(true);
    const units: string[] = [];
    wb.worksheets[2]!.eachRow((row, n) => n > 1 && units.push(String(row.getCell(1).value)));
    expect(units).toContain('赛罕区');
    // Filled in, the template is accepted as it is.
    wb.worksheets[0]!.addRow(['KPI-GOV-MOBILE', '赛罕区', '2025', 120, '区政务服务局']);
    const filled = multipart('template.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const dry = await (
      await h.as('office')
    ).request('POST', '/api/v1/indicators/values/import?dryRun=true', filled.body, { 'content-type': filled.type });
    expect(dry.json()).toMatchObject({ created: 1, rows: 1, dryRun: true });
    expect((await (await h.as('leader')).get('/api/v1/indicators/values/template.xlsx')).statusCode).toBe(403);
  });

  it('sets targets per period and shows them beside the values', async () => {
    const office = await h.as('office');
    const t = await office.request('PUT', '/api/v1/indicators/targets', {
      indicatorId: ids.get('KPI-SB-TIME'),
      unitId: countyId,
      period: '2025',
      target: 0.5,
    });
    expect(t.statusCode).toBe(200);
    const v = (
      await office.get(`/api/v1/indicators/values?unitId=${countyId}&indicatorId=${ids.get('KPI-SB-TIME')}&periodFrom=2025`)
    ).json();
    expect(v[0].target).toBe(0.5);
    // Targets for periods without a value yet are listed too (the demo sets the city's 2025 targets).
    const targets = (await (await h.as('leader')).get(`/api/v1/indicators/targets?unitId=${cityId}`)).json();
    expect(targets.map((x: { period: string; target: number }) => [x.period, x.target])).toEqual([
      ['2025', 0.5],
      ['2025', 2.54],
    ]);
    expect((await (await h.as('liaison')).get(`/api/v1/indicators/targets?unitId=${cityId}`)).json()).toEqual([]);
  });

  it("scores the city's stored values under the demo method and explains every number", async () => {
    const res = await (await h.as('leader')).get(`/api/v1/indicators/scores?method=regional-demo&unitId=${cityId}&period=2024`);
    expect(res.statusCode).toBe(200);
    const { result, method } = res.json();
    expect(method.synthetic).toBe(true);
    const sb = result.topics.starting_a_business;
    // time 0.5 (best) → 100; steps 2 of 6..1 → 80; documents 6 of 15..3 → 75.
    expect(sb.score).toBeCloseTo(85, 9);
    expect(sb.components.sb_steps.formula).toBe('(6 − 2) / (6 − 1) × 100, clipped to 0–100 = 80');
    expect(sb.components.sb_steps.bounds.trusted).toBe(false);
    expect(result.formula).toMatch(/^mean\(starting_a_business 85, /);
  });

  it('scores posted values statelessly and refuses a method without a bound', async () => {
    const c = await h.as('office');
    const res = await c.post('/api/v1/indicators/score', {
      method: 'doing-business',
      topics: {
        starting_a_business: {
          components: {
            procedures: { men: 4, women: 5 },
            time: { men: 8, women: 9 },
            cost: { men: 6.4, women: 6.4 },
            paid_in_min_capital: 0,
          },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().topics[0].score).toBeCloseTo(92.0413, 2);
    const bad = await c.post('/api/v1/indicators/score', {
      method: 'doing-business',
      topics: { starting_a_business: { components: { procedures: { men: 4 } } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toContain('body.topics.starting_a_business.time.men');
  });

  it('forecasts the 12 leagues/cities and plans the smallest improvements to reach 2nd and 1st', async () => {
    const res = await (await h.as('leader')).get('/api/v1/indicators/forecast?method=regional-demo&period=2024');
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.synthetic).toBe(true);
    expect(f.peers).toHaveLength(12);
    expect(f.focus).toMatchObject({ code: '1501', name: '呼和浩特市', rank: 3 });
    expect(f.focusSource).toBe('stored_values');
    expect(f.plans.map((p: { rank: number; reachable: boolean }) => [p.rank, p.reachable])).toEqual([
      [2, true],
      [1, true],
    ]);
    const [p2, p1] = f.plans;
    expect(p2.improvements.length).toBeLessThanOrEqual(p1.improvements.length);
    expect(p2.improvements.reduce((s: number, i: { overallGain: number }) => s + i.overallGain, 0)).toBeGreaterThanOrEqual(
      p2.neededGain - 1e-9,
    );
    expect(f.gaps[0].gainPerUnit).toBeGreaterThanOrEqual(f.gaps[1].gainPerUnit);
    const xlsx = await (await h.as('office')).get('/api/v1/indicators/forecast/export?method=regional-demo&period=2024');
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预测排名', '差距分析', '保二争一方案']);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('排名预测-2024.xlsx');
    // The office reads names and Chinese units, never the method's identifiers or English units.
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    for (const internal of ['inclusive_innovation', 'sb_time', 'working days', 'steps'])
      expect(
        cells.some((c) => c.includes(internal)),
        internal,
      ).toBe(false);
    expect(cells).toContain('个工作日');
    expect(f.position).toEqual({ rank: 3, peers: 12, score: Math.round(f.focus.score * 10) / 10, gapTo: expect.any(Object) });
    expect(f.position.gapTo[2]).toBe(Math.round((f.peers[1].score - f.focus.score) * 10) / 10);
    expect(String(wb.worksheets[0].getCell('A3').value)).toContain('虚构');
    expect((await (await h.as('liaison')).get('/api/v1/indicators/forecast?period=2024')).statusCode).toBe(403);
  });

  it('rejects a peer import naming an unknown city, topic or an impossible value, and changes nothing', async () => {
    const office = await h.as('office');
    const res = await office.post('/api/v1/indicators/peers/import', {
      method: 'regional-demo',
      period: '2024',
      synthetic: true,
      source: 'test',
      rows: [
        { peer: '大同市', topic: 'starting_a_business', component: 'sb_time', value: 1 },
        { peer: '包头市', topic: 'no_topic', value: 50 },
        { peer: '包头', topic: 'government_services', component: 'gov_online', value: 130 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['body.rows.0.peer', 'body.rows.1.topic', 'body.rows.2.value']);
    expect((await (await h.as('leader')).get('/api/v1/indicators/forecast?period=2024')).json().peers).toHaveLength(12);
  });

  it('rolls the question bank self-assessments up per indicator area and unit', async () => {
    const at = h.now.toISOString();
    const list = await h.ctx.db
      .insertInto('worklist')
      .values({ name: '试题清单（测试）', kind: 'question', description: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const q = async (code: string, area: string, max: number, self: number | null, unitId: number) => {
      const item = await h.ctx.db
        .insertInto('item')
        .values({
          list_id: list.id,
          kind: 'question',
          code,
          sort_order: 0,
          area,
          content: code,
          ongoing: 0,
          status: 'in_progress',
          percent: 0,
          tags_json: '[]',
          max_score: max,
          self_score: self,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await h.ctx.db.insertInto('item_assignment').values({ item_id: item.id, unit_id: unitId, role: 'lead' }).execute();
    };
    await q('Q1', '开办企业', 4, 3, demoUnitId);
    await q('Q2', '开办企业', 6, 6, demoUnitId);
    await q('Q3', '政务服务', 10, null, demoUnitId);
    await q('Q4', '政务服务', 10, 8, countyId);
    const office = (await (await h.as('office')).get('/api/v1/indicators/rollup')).json();
    const unit = office.units.find((u: { unitId: number }) => u.unitId === demoUnitId);
    expect(unit.areas.map((a: { area: string; predicted: number; unanswered: number }) => [a.area, a.predicted, a.unanswered])).toEqual([
      ['开办企业', 90, 0],
      ['政务服务', 0, 1],
    ]);
    expect(unit.predicted).toBe(45);
    expect(office.areas.find((a: { area: string }) => a.area === '政务服务').predicted).toBe(40);
    const liaison = (await (await h.as('liaison')).get('/api/v1/indicators/rollup')).json();
    expect(liaison.units.map((u: { unitId: number }) => u.unitId)).toEqual([demoUnitId]);
  });
});
