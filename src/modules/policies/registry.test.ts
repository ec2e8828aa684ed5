import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { syntheticUscc } from './synthetic.js';
import { usccCheckChar } from './uscc.js';

function multipart(filename: string, data: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----bizenvtest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (c: Client, url: string, filename: string, data: Buffer) => {
  const m = multipart(filename, data);
  return c.request('POST', url, m.body, m.headers);
};

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '企业类型',
  '成立日期',
  '旗县区',
  '行业代码',
  '从业人数',
  '营业收入（万元）',
  '资产总额（万元）',
  '纳税信用等级',
  '资质',
  '上年营业收入',
];

/** Ten rows, three of them bad (30 %): a wrong check digit, an invented class in a real group, an unknown county. */
async function workbook(revenueOfFirst = 900): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(HEADER);
  for (let i = 0; i < 10; i++) {
    let uscc = syntheticUscc(900 + i, '150105', '有限责任公司');
    let industry = 'C39';
    let county = '赛罕区';
    if (i === 2) uscc = uscc.slice(0, 17) + (uscc[17] === '1' ? '2' : '1');
    if (i === 5) industry = '0115';
    if (i === 8) county = '朝阳区';
    ws.addRow([
      uscc,
      `（演示）导入测试企业${i}`,
      '有限责任公司',
      new Date(Date.UTC(2020, 0, 1 + i)),
      county,
      industry,
      30 + i,
      i === 0 ? revenueOfFirst : 500,
      400,
      'B',
      i === 0 ? '高新技术企业:2025-01-01~2027-12-31' : '',
      400,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDialect('policies: enterprise registry', (h) => {
  const count = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('enterprise')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('registers an enterprise, computes its size class and refuses a malformed USCC or industry code', async () => {
    const office = await h.as('office');
    const uscc = syntheticUscc(77, '150102', '有限责任公司');
    const ok = await office.post('/api/v1/policies/enterprises', {
      uscc,
      name: '（演示）登记测试有限公司',
      county: '新城区',
      industryCode: '3911',
      employees: 120,
      revenue: 6800,
      taxGrade: 'a',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      uscc,
      industryCode: 'C3911',
      industryName: '计算机整机制造',
      sizeClass: '小',
      countyName: '新城区',
      taxGrade: 'A',
    });
    const dup = await office.post('/api/v1/policies/enterprises', { uscc, name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_USCC');

    const badDigit = await office.post('/api/v1/policies/enterprises', {
      uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'),
      name: 'x',
    });
    expect(badDigit.statusCode).toBe(400);
    expect(badDigit.json()).toMatchObject({
      code: 'USCC_INVALID',
      details: [{ path: 'body.uscc', message: expect.stringContaining('校验位') }],
    });
    const first = '911599990000000AB';
    const badDivision = await office.post('/api/v1/policies/enterprises', { uscc: first + usccCheckChar(first), name: 'x' });
    expect(badDivision.json().code).toBe('USCC_INVALID');
    const badIndustry = await office.post('/api/v1/policies/enterprises', {
      uscc: syntheticUscc(78, '150102', '有限责任公司'),
      name: 'x',
      industryCode: 'C99',
    });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json()).toMatchObject({ code: 'INDUSTRY_CODE_INVALID', details: [{ path: 'body.industryCode' }] });
    // 011 谷物种植 is a real group (classes 0111, 0112, 0113, 0119): an invented class in it is refused, located.
    const invented = await office.post('/api/v1/policies/enterprises', {
      uscc: syntheticUscc(77, '150102', '有限责任公司'),
      name: 'x',
      industryCode: '0115',
    });
    expect(invented.statusCode).toBe(400);
    expect(invented.json()).toMatchObject({
      code: 'INDUSTRY_CODE_INVALID',
      details: [{ path: 'body.industryCode', message: expect.stringContaining('0115') }],
    });
    const group = await office.post('/api/v1/policies/enterprises', {
      uscc: syntheticUscc(76, '150102', '有限责任公司'),
      name: '（演示）中类企业',
      industryCode: 'a011',
    });
    expect(group.json()).toMatchObject({ industryCode: 'A011', industryName: '谷物种植' });
    const liaison = await h.as('liaison');
    expect(
      (await liaison.post('/api/v1/policies/enterprises', { uscc: syntheticUscc(79, '150102', '有限责任公司'), name: 'x' })).statusCode,
    ).toBe(403);
  });

  it('previews a workbook with 30 % bad rows, locating each problem, and writes nothing', async () => {
    const office = await h.as('office');
    const before = await count();
    const res = await upload(office, '/api/v1/policies/enterprises/import', 'registry.xlsx', await workbook());
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ rows: 10, valid: 7, committed: false });
    expect(view.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'A', field: 'uscc', message: expect.stringContaining('校验位') }),
      expect.objectContaining({ row: 7, column: 'F', field: 'industryCode' }),
      expect.objectContaining({ row: 10, column: 'E', field: 'county' }),
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses to commit while rows are bad: nothing half-written', async () => {
    const office = await h.as('office');
    const before = await count();
    const res = await upload(office, '/api/v1/policies/enterprises/import?commit=true', 'registry.xlsx', await workbook());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_HAS_PROBLEMS',
      details: expect.arrayContaining([expect.objectContaining({ row: 7, column: 'F' })]),
    });
    expect(await count()).toBe(before);
  });

  it('keeps the valid rows when asked, then updates by USCC on a second import', async () => {
    const office = await h.as('office');
    const before = await count();
    const res = await upload(office, '/api/v1/policies/enterprises/import?commit=true&keepValid=true', 'registry.xlsx', await workbook());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 7, updated: 0 });
    expect(await count()).toBe(before + 7);
    const again = await upload(
      office,
      '/api/v1/policies/enterprises/import?commit=true&keepValid=true',
      'registry.xlsx',
      await workbook(2500),
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 7 });
    expect(await count()).toBe(before + 7);
    const first = await h.ctx.db
      .selectFrom('enterprise')
      .selectAll()
      .where('uscc', '=', syntheticUscc(900, '150105', '有限责任公司'))
      .executeTakeFirstOrThrow();
    // the Excel date cell is kept as its date
    expect(first).toMatchObject({ revenue: 2500, match_stale: 1, registered_on: '2020-01-01' });
    expect(JSON.parse(first.qualifications_json)).toEqual([{ kind: '高新技术企业', from: '2025-01-01', to: '2027-12-31' }]);
    expect(JSON.parse(first.history_json)).toEqual({ revenue: [400, null] });
  });

  it('re-import keeps the legal representative and shareholders unless the file has their columns', async () => {
    const office = await h.as('office');
    const uscc = syntheticUscc(960, '150104', '有限责任公司');
    const made = await office.post('/api/v1/policies/enterprises', {
      uscc,
      name: '（演示）股东保留测试企业',
      legalRepresentative: '演示甲',
      shareholders: ['演示乙', '演示丙'],
    });
    expect(made.statusCode).toBe(201);
    const stored = () =>
      h.ctx.db
        .selectFrom('enterprise')
        .select(['name', 'legal_representative', 'shareholders_json'])
        .where('uscc', '=', uscc)
        .executeTakeFirstOrThrow();
    const importCsv = (text: string) => upload(office, '/api/v1/policies/enterprises/import?commit=true', 'r.csv', Buffer.from(text));

    expect((await importCsv(`统一社会信用代码,企业名称\n${uscc},（演示）股东保留测试企业二\n`)).json()).toMatchObject({ updated: 1 });
    expect(await stored()).toEqual({
      name: '（演示）股东保留测试企业二',
      legal_representative: '演示甲',
      shareholders_json: JSON.stringify(['演示乙', '演示丙']),
    });

    // a present column overwrites, even with an empty cell
    await importCsv(`统一社会信用代码,企业名称,法定代表人,股东\n${uscc},（演示）股东保留测试企业二,演示丁,\n`);
    expect(await stored()).toMatchObject({ legal_representative: '演示丁', shareholders_json: null });
  });

  it('reads CSV too and rejects a file that is neither', async () => {
    const office = await h.as('office');
    const csv = `统一社会信用代码,企业名称,行业代码\n${syntheticUscc(950, '150104', '有限责任公司')},（演示）CSV企业,I65\n`;
    const res = await upload(office, '/api/v1/policies/enterprises/import', 'r.csv', Buffer.from(csv));
    expect(res.json()).toMatchObject({ rows: 1, valid: 1, problems: [] });
    const junk = await upload(office, '/api/v1/policies/enterprises/import', 'r.xlsx', Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('WORKBOOK_INVALID');
  });
});
