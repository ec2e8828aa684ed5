import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';

function multipart(filename: string, data: Buffer) {
  const boundary = '----bizenvdemands';
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

const HEADER = '工单编号,来电时间,诉求人,联系电话,诉求内容,诉求类型,承办单位,办理状态,答复内容,满意度';

describeEachDialect('12345 export import', (h) => {
  const imported = async () =>
    h.ctx.db
      .selectFrom('demand')
      .select(['external_code', 'status', 'rating', 'unit_id', 'contact_phone', 'received_at'])
      .where('channel', '=', 'import')
      .orderBy('external_code')
      .execute();

  it('refuses a file with an impossible date or unknown unit, locating each problem, and writes nothing', async () => {
    const office = await h.as('office');
    const csv = [
      HEADER,
      '12345-0001,2026-02-30 09:00,李先生,13800000001,发票领用慢,求助,市税务局,办理中,,',
      '12345-0002,2026-02-27 25:10,张女士,13800000002,接电慢,投诉,火星局,已办结,已处理,满意',
    ].join('\n');
    const res = await upload(office, '/api/v1/demands/import?commit=true', '12345.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`)).toEqual([
      '2:来电时间',
      '3:来电时间',
      '3:承办单位',
    ]);
    expect(await imported()).toEqual([]);
  });

  it('imports an .xlsx export and updates by 工单编号 on re-import, never duplicating', async () => {
    const office = await h.as('office');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      '12345-1001',
      '2026-02-27 16:00',
      '赵经理',
      '139 0000 0003',
      '不动产登记预约难',
      '投诉',
      '市不动产登记中心',
      '办理中',
      '',
      '',
    ]);
    ws.addRow([
      '12345-1002',
      '2026/2/26 9:30',
      '钱会计',
      '13900000004',
      '咨询社保补贴',
      '咨询',
      '市人社局',
      '已办结',
      '已电话答复',
      '非常满意',
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = (await upload(office, '/api/v1/demands/import', '12345.xlsx', file)).json();
    expect(preview).toEqual({ rows: 2, created: 2, updated: 0, committed: false });
    expect(await imported()).toEqual([]);
    expect((await upload(office, '/api/v1/demands/import?commit=true', '12345.xlsx', file)).json()).toMatchObject({
      created: 2,
      updated: 0,
    });
    const first = await imported();
    // 16:00 China time on 27 Feb is 08:00 UTC
    expect(first.map((r) => [r.external_code, r.status, r.rating, r.contact_phone, r.received_at])).toEqual([
      ['12345-1001', 'in_progress', null, '13900000003', '2026-02-27T08:00:00.000Z'],
      ['12345-1002', 'closed', 5, '13900000004', '2026-02-26T01:30:00.000Z'],
    ]);
    ws.getRow(2).getCell(8).value = '已办结';
    ws.getRow(2).getCell(9).value = '已协调增加预约号源';
    ws.getRow(2).getCell(10).value = '基本满意';
    const again = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(office, '/api/v1/demands/import?commit=true', '12345.xlsx', again)).json()).toMatchObject({
      created: 0,
      updated: 2,
    });
    const second = await imported();
    expect(second).toHaveLength(2);
    expect(second[0]).toMatchObject({ external_code: '12345-1001', status: 'closed', rating: 3 });
    // a list shows the phone masked
    const list = (await office.get('/api/v1/demands?channel=import')).json();
    expect(list.items.map((i: { contactPhone: string }) => i.contactPhone).sort()).toEqual(['139****0003', '139****0004']);
  });
});
