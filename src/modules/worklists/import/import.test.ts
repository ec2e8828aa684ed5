import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { drainJobs } from '../../../jobs/runtime.js';
import { type Client, describeEachDialect } from '../../../test/harness.js';
import { HEADER, multipart, rawZip, workbook } from './import.fixtures.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-import-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const SAMPLE = fs.readFileSync(path.resolve('examples/worklist-sample.xlsx'));

async function upload(c: Client, file: Buffer, list: string, kind = 'task') {
  const { body, headers } = multipart(file);
  return c.request('POST', `/api/v1/worklists/imports?kind=${kind}&list=${encodeURIComponent(list)}`, body, headers);
}

const goodList = (content = '推进企业开办全程网办') =>
  workbook({
    name: '任务',
    rows: [
      ['2024年重点任务清单'],
      HEADER,
      ['1', '开办企业', content, '0.5个工作日办结', '市市场监管局', '市行政审批局、市税务局', '2024年6月底'],
      ['2', '纳税', '推广非接触式办税', null, '市税务局', '各旗县区人民政府', '长期坚持'],
      ['3', '获得电力', '压减接电时间', null, '呼和浩特供电公司', null, '2024年第三季度'],
    ],
    merges: ['A1:G1'],
  });

describeEachDialect(
  'worklist Excel import and export',
  (h) => {
    const itemsOf = async (list: string) =>
      h.ctx.db
        .selectFrom('item')
        .innerJoin('worklist', 'worklist.id', 'item.list_id')
        .select(['item.code', 'item.content', 'item.deadline', 'item.ongoing', 'item.id'])
        .where('worklist.name', '=', list)
        .orderBy('item.code')
        .execute();

    it('previews the sample workbook with located problems, refuses the all-or-nothing commit, and changes nothing', async () => {
      const office = await h.as('office');
      const res = await upload(office, SAMPLE, '示例清单');
      expect(res.statusCode).toBe(200);
      const preview = res.json();
      expect(preview).toMatchObject({ kind: 'task', list: '示例清单', committable: true, validRows: 10 });
      expect(preview.problems).toHaveLength(5);
      expect(preview.rows[0]).toEqual({
        row: 6,
        code: '1',
        area: '开办企业',
        content: '推进企业开办全程网办',
        leadUnits: ['呼和浩特市市场监督管理局'],
        coopUnits: expect.any(Array),
        deadline: expect.stringMatching(/^\d{4}-\d{2}-(28|29|30|31)$/),
        ongoing: false,
      });
      const auditBefore = await h.ctx.db.selectFrom('audit_log').select('id').execute();
      const refused = await office.post('/api/v1/worklists/imports/commit', { token: preview.token });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('IMPORT_HAS_PROBLEMS');
      expect(refused.json().details[0]).toMatchObject({ sheet: '重点任务', row: 14, column: 'E' });
      expect(await itemsOf('示例清单')).toEqual([]);
      expect(await h.ctx.db.selectFrom('worklist').select('id').where('name', '=', '示例清单').execute()).toEqual([]);
      expect(await h.ctx.db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditBefore.length);

      // The user chooses to keep only the valid rows.
      const importLog = () => h.ctx.db.selectFrom('audit_log').select(['action']).where('action', '=', 'worklist.import_file').execute();
      const importsBefore = (await importLog()).length;
      const kept = await office.post('/api/v1/worklists/imports/commit', { token: preview.token, keepValid: true });
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toMatchObject({ list: '示例清单', created: 10, updated: 0, skipped: 4 });
      const items = await itemsOf('示例清单');
      expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['1', '2-1', '2-2', '2-3', '3', '4', '5', '8', '9', '10']));
      expect(items.find((i) => i.code === '2-3')).toMatchObject({ ongoing: 1, deadline: null });
      expect(await importLog()).toHaveLength(importsBefore + 1);
      // The token is spent.
      expect((await office.post('/api/v1/worklists/imports/commit', { token: preview.token })).statusCode).toBe(410);
    });

    it('commits a clean list in one go, and a re-import updates by code instead of duplicating', async () => {
      const office = await h.as('office');
      const first = await upload(office, await goodList(), '实施方案4.0');
      expect(first.json().problems).toEqual([]);
      expect((await office.post('/api/v1/worklists/imports/commit', { token: first.json().token })).json()).toMatchObject({
        created: 3,
        updated: 0,
      });
      const before = await itemsOf('实施方案4.0');
      const again = await upload(office, await goodList('推进企业开办全程网办（修订）'), '实施方案4.0');
      expect((await office.post('/api/v1/worklists/imports/commit', { token: again.json().token })).json()).toMatchObject({
        created: 0,
        updated: 3,
      });
      const after = await itemsOf('实施方案4.0');
      expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
      expect(after[0]).toMatchObject({ code: '1', content: '推进企业开办全程网办（修订）', deadline: '2024-06-30' });
      const assignments = await h.ctx.db.selectFrom('item_assignment').select(['role']).where('item_id', '=', after[1].id).execute();
      expect(assignments.filter((a) => a.role === 'coop')).toHaveLength(9);
    });

    it('exports a filtered view in the import layout and re-imports it without loss', async () => {
      const office = await h.as('office');
      // Its own list, imported here: the test does not depend on another having run first.
      const source = await upload(office, await goodList(), '导出清单');
      expect((await office.post('/api/v1/worklists/imports/commit', { token: source.json().token })).statusCode).toBe(200);
      const listId = (await h.ctx.db.selectFrom('worklist').select('id').where('name', '=', '导出清单').executeTakeFirstOrThrow()).id;
      const res = await office.get(`/api/v1/worklists/export?listId=${listId}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('导出清单');
      expect((ws.getRow(2).values as unknown[]).slice(1, 8)).toEqual([
        '序号',
        '指标领域',
        '工作任务',
        '工作措施',
        '牵头单位',
        '配合单位',
        '完成时限',
      ]);
      expect(ws.getCell('F4').value).toContain('新城区、回民区');
      expect(ws.getCell('G4').value).toBe('长期坚持');

      const back = await upload(office, res.rawPayload, '导出清单副本');
      expect(back.json().problems).toEqual([]);
      await office.post('/api/v1/worklists/imports/commit', { token: back.json().token });
      const view = async (id: number) =>
        (await office.get(`/api/v1/items?listId=${id}&pageSize=50`)).json().items.map((i: Record<string, unknown>) => {
          const { code, area, content, measures, deadline, ongoing, leadUnits, coopUnits, tags } = i;
          return { code, area, content, measures, deadline, ongoing, leadUnits, coopUnits, tags };
        });
      const copyId = (await h.ctx.db.selectFrom('worklist').select('id').where('name', '=', '导出清单副本').executeTakeFirstOrThrow()).id;
      expect(await view(copyId)).toEqual(await view(listId));
    });

    it('answers bad files with coded, located errors and writes nothing', async () => {
      const office = await h.as('office');
      const count = async () => (await h.ctx.db.selectFrom('item').select('id').execute()).length;
      const n = await count();
      const text = await upload(office, Buffer.from('序号,任务\n1,推进'), '坏文件');
      expect(text.statusCode).toBe(400);
      expect(text.json()).toMatchObject({
        code: 'WORKBOOK_INVALID',
        details: [{ path: 'file', message: expect.stringContaining('xlsx') }],
      });
      const big = Buffer.alloc(50 * 1024 * 1024);
      big.write('PK\u0003\u0004');
      const tooBig = await upload(office, big, '坏文件');
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().code).toBe('PAYLOAD_TOO_LARGE');
      const bomb = rawZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declared: 2 ** 32 - 1 },
      ]);
      const bombed = await upload(office, bomb, '坏文件');
      expect(bombed.statusCode).toBe(413);
      expect(bombed.json().details[0].message).toContain('压缩炸弹');
      const headerless = await upload(office, await workbook({ name: 'S', rows: [['推进企业开办', '市发改委']] }), '坏文件');
      expect(headerless.json()).toMatchObject({ committable: false, problems: [{ sheet: 'S', row: null }] });
      const keep = await office.post('/api/v1/worklists/imports/commit', { token: headerless.json().token, keepValid: true });
      expect(keep.statusCode).toBe(422);
      expect(await count()).toBe(n);
      expect(await h.ctx.db.selectFrom('worklist').select('id').where('name', '=', '坏文件').execute()).toEqual([]);
    });

    it('commits a large list as a background job whose progress and result the page can follow', async () => {
      const office = await h.as('office');
      const token = (await upload(office, await goodList(), '后台导入')).json().token;
      const queued = await office.post('/api/v1/worklists/imports/commit-job', { token });
      expect(queued.statusCode).toBe(202);
      expect(queued.json()).toMatchObject({ name: 'worklists.import', status: expect.stringMatching(/queued|running/) });
      await drainJobs(h.ctx);
      const run = (await office.get(`/api/v1/jobs/runs/${queued.json().id}`)).json();
      expect(run).toMatchObject({ status: 'succeeded', result: { list: '后台导入', created: 3 } });
      expect(await itemsOf('后台导入')).toHaveLength(3);
      expect((await office.post('/api/v1/worklists/imports/commit-job', { token })).statusCode).toBe(410);
    });

    it('describes the import and export routes in the OpenAPI document', async () => {
      const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/worklists/imports', '/api/v1/worklists/imports/commit', '/api/v1/worklists/export']),
      );
    });

    it('is for the office only, and a token belongs to its uploader', async () => {
      const liaison = await h.as('liaison');
      expect((await upload(liaison, await goodList(), 'x')).statusCode).toBe(403);
      expect((await liaison.get('/api/v1/worklists/export')).statusCode).toBe(403);
      const office = await h.as('office');
      const token = (await upload(office, await goodList(), '他人令牌')).json().token;
      const admin = await h.as('admin');
      expect((await admin.post('/api/v1/worklists/imports/commit', { token })).statusCode).toBe(410);
      expect((await office.post('/api/v1/worklists/imports/commit', { token: '../../etc/passwd-aaaaaaaaaaaaaa' })).statusCode).toBe(410);
      expect((await office.post('/api/v1/worklists/imports/commit', { token, extra: 1 })).statusCode).toBe(400);
    });
  },
  { config: { dataDir } },
);
