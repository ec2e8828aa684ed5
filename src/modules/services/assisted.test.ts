import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as linkMigration from '../../db/migrations/202612044001-link-assisted-cases.js';
import { type Client, describeEachDialect } from '../../test/harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function exportSheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['工单编号', '帮办员编号', '申请人', '事项', '渠道', '受理日期', '办结日期', '办理结果', '评价']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, url: string, name: string, data: Buffer) {
  const boundary = 'bizenvAssistedTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const aCase = (assistantId: number, subject: string, extra: Record<string, unknown> = {}) => ({
  assistantId,
  applicant: '示例企业',
  subject,
  channel: 'hall',
  receivedOn: '2026-02-10',
  finishedOn: '2026-02-11',
  result: 'done',
  ...extra,
});

describeEachDialect('services: assisted cases rated and linked', (h) => {
  let dept = { id: 0, name: '' };
  let withCode = { id: 0, ratingCode: '' };
  let ownOnly = { id: 0 };

  it('gives an assistant a rating code only when the demand desk issued it', async () => {
    const office = await h.as('office');
    dept = ((await office.get('/api/v1/units')).json() as { id: number; kind: string; name: string }[]).find(
      (u) => u.kind === 'department',
    )!;
    const bad = await office.post('/api/v1/services/assistants', { name: '示例帮办员码', unitId: dept.id, ratingCode: 'SNOSUCH1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.ratingCode' }] });
    const code = (await office.post('/api/v1/demands/rating-codes', { kind: 'specialist', name: '示例帮办专员', unitId: dept.id })).json();
    const created = await office.post('/api/v1/services/assistants', {
      name: '示例帮办员码',
      unitId: dept.id,
      ratingCode: ` ${code.code.toLowerCase()} `,
    });
    expect(created.statusCode).toBe(201);
    withCode = created.json();
    expect(withCode.ratingCode).toBe(code.code);
    ownOnly = (await office.post('/api/v1/services/assistants', { name: '示例帮办员无码', unitId: dept.id })).json();
    const listed = (await office.get('/api/v1/services/assistants')).json();
    expect(listed.find((a: { id: number }) => a.id === withCode.id).ratingCode).toBe(code.code);
    // An existing assistant gets the code later, or loses it; an unknown one changes nothing.
    const later = (await office.post('/api/v1/services/assistants', { name: '示例帮办员后设', unitId: dept.id })).json();
    const set = await office.request('PUT', `/api/v1/services/assistants/${later.id}/rating-code`, { ratingCode: code.code });
    expect(set.json()).toMatchObject({ id: later.id, ratingCode: code.code });
    const wrong = await office.request('PUT', `/api/v1/services/assistants/${later.id}/rating-code`, { ratingCode: 'SNOSUCH1' });
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.ratingCode' }] });
    const cleared = await office.request('PUT', `/api/v1/services/assistants/${later.id}/rating-code`, { ratingCode: null });
    expect(cleared.json()).toMatchObject({ id: later.id, ratingCode: null });
  });

  it('links a case to its service or package by code or exact name, and refuses an unknown one where it is', async () => {
    const office = await h.as('office');
    const unknown = await office.post('/api/v1/services/assisted-cases', aCase(ownOnly.id, '没有这个事项'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'SERVICE_UNKNOWN', details: [{ path: 'body.subject' }] });
    const before = (await office.get(`/api/v1/services/assisted-cases?assistantId=${ownOnly.id}`)).json().total;
    expect(before).toBe(0);
    expect((await office.post('/api/v1/services/assisted-cases', aCase(ownOnly.id, 'SL-YJS-QYKB'))).statusCode).toBe(201);
    expect((await office.post('/api/v1/services/assisted-cases', aCase(ownOnly.id, '企业开办“一件事”'))).statusCode).toBe(201);
    const service = (await office.get('/api/v1/services/catalogue?pageSize=1')).json().items[0];
    expect((await office.post('/api/v1/services/assisted-cases', aCase(ownOnly.id, service.code))).statusCode).toBe(201);
    const list = (await office.get(`/api/v1/services/assisted-cases?assistantId=${ownOnly.id}`)).json();
    expect(list.items.map((c: { serviceCode: string | null; packageCode: string | null }) => [c.serviceCode, c.packageCode])).toEqual([
      [service.code, null],
      [null, 'SL-YJS-QYKB'],
      [null, 'SL-YJS-QYKB'],
    ]);
  });

  it('counts a rating through the assistant’s code on the demand desk, and keeps its own rating without one', async () => {
    const office = await h.as('office');
    const codeId = (
      await h.ctx.db.selectFrom('demand_rating_code').select('id').where('code', '=', withCode.ratingCode).executeTakeFirstOrThrow()
    ).id;
    const deskRatings = () =>
      h.ctx.db
        .selectFrom('demand_rating')
        .select(['level', 'month', 'unit_id'])
        .where('rating_code_id', '=', codeId)
        .orderBy('id')
        .execute();
    expect(await deskRatings()).toEqual([]);
    expect((await office.post('/api/v1/services/assisted-cases', aCase(withCode.id, 'SL-YJS-QYKB', { rating: 2 }))).statusCode).toBe(201);
    expect((await office.post('/api/v1/services/assisted-cases', aCase(ownOnly.id, 'SL-YJS-QYKB', { rating: 4 }))).statusCode).toBe(201);
    // Counted like a window's rating: the code's unit, the month the case was finished, the same five levels.
    expect(await deskRatings()).toEqual([{ level: 2, month: '2026-02', unit_id: dept.id }]);
    const rated = (await office.get('/api/v1/services/assisted-cases?pageSize=200')).json().items;
    expect(rated.find((c: { assistantId: number; rating: number }) => c.assistantId === withCode.id && c.rating === 2).ratedVia).toBe(
      'code',
    );
    expect(rated.find((c: { assistantId: number; rating: number }) => c.assistantId === ownOnly.id && c.rating === 4).ratedVia).toBe('own');

    // Rated afterwards, once: the follow-up answer goes the same way.
    const open = (await office.post('/api/v1/services/assisted-cases', aCase(withCode.id, 'SL-YJS-QYKB'))).statusCode;
    expect(open).toBe(201);
    const unrated = (await office.get(`/api/v1/services/assisted-cases?assistantId=${withCode.id}`))
      .json()
      .items.find((c: { rating: number | null }) => c.rating === null);
    const first = await office.post(`/api/v1/services/assisted-cases/${unrated.id}/rating`, { level: 5 });
    expect(first.json()).toEqual({ id: unrated.id, rating: 5, ratedVia: 'code' });
    const again = await office.post(`/api/v1/services/assisted-cases/${unrated.id}/rating`, { level: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SERVICE_ASSISTED_RATED');
    expect((await deskRatings()).map((r) => [r.level, r.month])).toEqual([
      [2, '2026-02'],
      [5, '2026-03'],
    ]);
    const bad = await office.post(`/api/v1/services/assisted-cases/${unrated.id}/rating`, { level: 6 });
    expect(bad.statusCode).toBe(400);
  });

  it('imports the mini-program export with its subjects resolved, unknown ones located, ratings through the code', async () => {
    const office = await h.as('office');
    const bad = await upload(
      office,
      '/api/v1/services/assisted-cases/import',
      'xcx.xlsx',
      await exportSheet([
        ['XCX-L1', withCode.id, '示例甲', 'SL-YJS-QYKB', '小程序', '2026-01-05', '2026-01-06', '已办结', 3],
        ['XCX-L2', withCode.id, '示例乙', '不存在的事项', '小程序', '2026-01-05', '', '办理中', ''],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details).toEqual([expect.objectContaining({ row: 3, column: 'D', code: 'SERVICE_UNKNOWN' })]);
    const good = await upload(
      office,
      '/api/v1/services/assisted-cases/import',
      'xcx.xlsx',
      await exportSheet([
        ['XCX-L1', withCode.id, '示例甲', 'SL-YJS-QYKB', '小程序', '2026-01-05', '2026-01-06', '已办结', 3],
        ['XCX-L2', ownOnly.id, '示例乙', '企业开办“一件事”', '小程序', '2026-01-05', '2026-01-07', '已办结', 5],
      ]),
    );
    expect(good.json()).toEqual({ imported: 2, skipped: 0 });
    const january = await h.ctx.db
      .selectFrom('demand_rating as r')
      .innerJoin('demand_rating_code as c', 'c.id', 'r.rating_code_id')
      .select(['r.level', 'r.month'])
      .where('c.code', '=', withCode.ratingCode)
      .where('r.month', '=', '2026-01')
      .execute();
    expect(january).toEqual([{ level: 3, month: '2026-01' }]);
  });

  it('links the existing cases on migration by code or exact name, and leaves ambiguous or unknown text alone', async () => {
    const db = h.ctx.db;
    const assistantId = ownOnly.id;
    await linkMigration.down(db as never);
    const service = (await h.as('office')).get('/api/v1/services/catalogue?pageSize=1');
    const code = (await service).json().items[0].code as string;
    const row = (subject: string, no: string) =>
      sql`insert into service_assisted_case
          (external_no, assistant_id, applicant, subject, channel, received_on, result, rating, created_at)
          values (${no}, ${assistantId}, '示例', ${subject}, 'hall', '2026-02-01', 'done', 4, '2026-02-01T00:00:00Z')`.execute(db);
    await row(code, 'MIG-1');
    await row('企业开办“一件事”', 'MIG-2');
    await row('旧的文字事项', 'MIG-3');
    await linkMigration.up(db as never);
    const linked = await db
      .selectFrom('service_assisted_case as c')
      .leftJoin('service_item as s', 's.id', 'c.service_id')
      .leftJoin('service_package as p', 'p.id', 'c.package_id')
      .select(['c.external_no', 's.code as service_code', 'p.code as package_code', 'c.rated_via'])
      .where('c.external_no', 'like', 'MIG-%')
      .orderBy('c.external_no')
      .execute();
    expect(linked).toEqual([
      { external_no: 'MIG-1', service_code: code, package_code: null, rated_via: 'own' },
      { external_no: 'MIG-2', service_code: null, package_code: 'SL-YJS-QYKB', rated_via: 'own' },
      { external_no: 'MIG-3', service_code: null, package_code: null, rated_via: 'own' },
    ]);
  });
});
