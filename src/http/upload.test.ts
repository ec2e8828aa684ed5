import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../common/errors.js';
import { describeEachDialect } from '../test/harness.js';
import { makeItem, makeList, unitId } from '../modules/worklists/worklists.fixtures.js';
import { multipart, rawZip } from '../modules/worklists/import/import.fixtures.js';
import { DEMO_UNIT } from '../modules/worklists/worklists.fixtures.js';
import { checkDocument, guardUpload, readUploadFile } from './upload.js';

const SHEET = 'xl/worksheets/sheet1.xml';
const XLSX_BASE = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];

/**
 * The workbooks of the report: a sheet that claims 1.1 GB (the 1.15 MB file that unpacked to
 * 1.1 GB), one whose real ratio is absurd, and one that lies about its size.
 */
function bombs(): Record<string, Buffer> {
  return {
    declared: rawZip([...XLSX_BASE, { name: SHEET, data: Buffer.alloc(1024 * 1024, ' '), declared: 1100 * 1024 * 1024 }]),
    ratio: rawZip([...XLSX_BASE, { name: SHEET, data: Buffer.alloc(8 * 1024 * 1024) }]),
    lying: rawZip([...XLSX_BASE, { name: SHEET, data: Buffer.alloc(2 * 1024 * 1024, 'a'), declared: 1000 }]),
  };
}

describe('guarded upload reader', () => {
  it('refuses every bomb with PAYLOAD_TOO_LARGE before a parser sees it, and passes a plain file through', async () => {
    for (const [name, bomb] of Object.entries(bombs())) {
      const err = await guardUpload(bomb, 'bomb.xlsx', { maxBytes: 20 * 1024 * 1024 }).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(AppError);
      expect((err as AppError).code, name).toBe('PAYLOAD_TOO_LARGE');
      expect((err as AppError).details?.[0], name).toMatchObject({ path: 'bomb.xlsx' });
    }
    const csv = Buffer.from('名称,统一社会信用代码\n');
    expect(await guardUpload(csv, 'r.csv', { maxBytes: 1024 })).toBe(csv);
    const big = await guardUpload(Buffer.alloc(2048), 'big.csv', { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((big as AppError).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('guards the CLI file paths the same way, checking the size before reading the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-upload-'));
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, bombs().declared);
    const err = await readUploadFile(file, { maxBytes: 20 * 1024 * 1024 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    fs.writeFileSync(file, Buffer.alloc(4096));
    expect(((await readUploadFile(file, { maxBytes: 1024 }).catch((e: unknown) => e)) as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    fs.rmSync(dir, { recursive: true });
  });

  it('checks a stored document by its content with the platform code, cleans its name, and refuses an empty one', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect(await checkDocument({ filename: '..\\材料/"证明".pdf', data: pdf }, { maxBytes: 1024 })).toEqual({
      filename: '证明.pdf',
      data: pdf,
      mime: 'application/pdf',
    });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const wrong = (await checkDocument({ filename: '通知.pdf', data: html }, { maxBytes: 1024 }).catch((e: unknown) => e)) as AppError;
    expect(wrong.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(wrong.details?.[0]).toMatchObject({ path: 'file', filename: '通知.pdf', detected: null });
    expect(wrong.details?.[0]?.message).toContain('文件“通知.pdf”的内容为 未知类型，扩展名为 .pdf');
    const renamed = (await checkDocument({ filename: '照片.png', data: pdf }, { maxBytes: 1024 }).catch((e: unknown) => e)) as AppError;
    expect(renamed.details?.[0]).toMatchObject({ detected: 'pdf' });
    const empty = (await checkDocument({ filename: 'a.pdf', data: Buffer.alloc(0) }, { maxBytes: 1024 }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(empty.code).toBe('VALIDATION_FAILED');
    const big = (await checkDocument({ filename: 'a.pdf', data: Buffer.concat([pdf, Buffer.alloc(2048)]) }, { maxBytes: 1024 }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(big.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describeEachDialect('zip bombs on every upload route', (h) => {
  let itemId: number;
  beforeAll(async () => {
    itemId = (await makeItem(h, { listId: await makeList(h), lead: [await unitId(h, DEMO_UNIT)] })).id;
  });

  it('answers 413 on every multipart route and changes nothing', async () => {
    const routes = [
      '/api/v1/indicators/values/import',
      '/api/v1/policies/enterprises/import?commit=true',
      `/api/v1/worklists/imports?kind=task&list=${encodeURIComponent('炸弹清单')}`,
      `/api/v1/items/${itemId}/evidence`,
    ];
    const admin = await h.as('admin');
    const office = await h.as('office');
    const auditTotal = async () => (await admin.get('/api/v1/audit?pageSize=1')).json().total as number;
    const before = await auditTotal();
    for (const route of routes) {
      for (const [name, bomb] of Object.entries(bombs())) {
        const { body, headers } = multipart(bomb, 'values.xlsx');
        const res = await office.request('POST', route, body, headers);
        expect(res.statusCode, `${route} ${name}`).toBe(413);
        expect(res.json().code, `${route} ${name}`).toBe('PAYLOAD_TOO_LARGE');
      }
    }
    expect(await auditTotal()).toBe(before);
  });
});
