import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';

function multipart(filename: string, data: Buffer) {
  const boundary = '----bizenvattach';
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
// The smallest well-formed PDF header is enough for the content check (magic bytes %PDF-).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('ticket attachments', (h) => {
  it('keeps a PDF, refuses a disguised or oversize file with its reason, and only for those who see the ticket', async () => {
    const office = await h.as('office');
    const subjects = (await office.get('/api/v1/demands/subjects')).json() as { id: number; name: string }[];
    const t = (
      await office.post('/api/v1/demands', {
        type: 'help',
        subjectId: subjects.find((s) => s.name === '纳税')!.id,
        description: '附件测试：纳税证明开具',
      })
    ).json();
    const ok = await upload(office, `/api/v1/demands/${t.id}/attachments`, '证明.pdf', PDF);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ filename: '证明.pdf', mime: 'application/pdf', size: PDF.length });
    const disguised = await upload(
      office,
      `/api/v1/demands/${t.id}/attachments`,
      '证明.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(disguised.statusCode).toBe(415);
    // the platform's code for every stored document, located at the file and saying what it holds
    expect(disguised.json()).toMatchObject({
      code: 'UPLOAD_TYPE_NOT_ALLOWED',
      details: [{ path: 'file', filename: '证明.pdf', message: expect.stringContaining('扩展名为 .pdf') }],
    });
    const big = await upload(
      office,
      `/api/v1/demands/${t.id}/attachments`,
      '大文件.pdf',
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().details[0].message).toContain('10 MB');
    const list = (await office.get(`/api/v1/demands/${t.id}/attachments`)).json();
    expect(list).toHaveLength(1);
    const file = await office.get(`/api/v1/demands/${t.id}/attachments/${list[0].id}`);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // the approval bureau's liaison does not see the tax office's ticket, nor its files
    const liaison = await h.as('liaison');
    expect((await liaison.get(`/api/v1/demands/${t.id}/attachments/${list[0].id}`)).statusCode).toBe(404);
    expect((await upload(liaison, `/api/v1/demands/${t.id}/attachments`, 'x.pdf', PDF)).statusCode).toBe(404);
  });
});
