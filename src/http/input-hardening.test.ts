import { expect, it, describe } from 'vitest';
import { parseRule } from '../modules/policies/rules/parser.js';
import { makeItem, makeList, multipart, unitId, DEMO_UNIT } from '../modules/worklists/worklists.fixtures.js';
import { describeEachDialect } from '../test/harness.js';

const deepBrackets = (n: number) => `${'('.repeat(n)}employees > 1${')'.repeat(n)}`;
const deepNots = (n: number) => `${'not '.repeat(n)}employees > 1`;
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);

describe('rules nested too deeply, without a server', () => {
  it('are a located problem of the parser (CLI, seeds, workers), not a stack overflow', () => {
    // The 33rd level: the 33rd bracket or minus (column 33), the 33rd "not " (column 4 × 32 + 1).
    for (const [text, column] of [
      [deepBrackets(1500), 33],
      [deepNots(1500), 129],
      [`${'-'.repeat(1500)}1 > 0`, 33],
    ] as const) {
      const r = parseRule(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ kind: 'too_deep', line: 1, column });
    }
    // Nesting a person would write still parses.
    expect(parseRule(deepBrackets(10)).ok).toBe(true);
    expect(parseRule('not not (employees > 1 and not (revenue < 5))').ok).toBe(true);
    // Brackets inside quotes and comments are text, not nesting.
    expect(parseRule(`industry under "${'('.repeat(100)}" # ${'('.repeat(100)}\n or employees > 1`).ok).toBe(true);
  });
});

describeEachDialect('malformed input at the door', (h) => {
  it('answers 400 with the line and column for a rule nested 1 500 levels, on check and on save', async () => {
    const office = await h.as('office');
    for (const [text, column] of [
      [deepBrackets(1500), 33],
      [deepNots(1500), 129],
    ] as const) {
      const res = await office.post('/api/v1/policies/rules/check', { text });
      expect(res.statusCode).toBe(400);
      const place = expect.stringContaining(`line 1, column ${column}`);
      expect(res.json().details).toEqual([expect.objectContaining({ path: 'body.text', message: place })]);
    }
    const policy = (await office.post('/api/v1/policies', { title: '嵌套测试政策', area: 'market' })).json();
    const benefit = { code: 'DEEP', name: '嵌套', autoGrant: false, rule: deepBrackets(1500) };
    const save = await office.post(`/api/v1/policies/${policy.id}/benefits`, benefit);
    expect(save.statusCode).toBe(400);
    expect(save.json().details).toEqual([expect.objectContaining({ path: 'body.rule' })]);
  });

  it('takes path and query ids only as plain decimal numbers', async () => {
    const office = await h.as('office');
    const policy = (await office.post('/api/v1/policies', { title: '编号测试政策', area: 'market' })).json();
    expect((await office.get(`/api/v1/policies/${policy.id}`)).statusCode).toBe(200);
    for (const id of ['0x10', '1e1', '%2016', '016', '-1', '+1', '1.0', '0', '99999999999', `${policy.id}%00`]) {
      const res = await office.get(`/api/v1/policies/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().details[0].path, id).toBe('params.id');
      expect((await office.get(`/api/v1/items/${id}`)).statusCode, `item ${id}`).toBe(400);
    }
    expect((await office.get('/api/v1/policies/results?enterpriseId=0x10')).statusCode).toBe(400);
  });

  it('refuses NUL and bidirectional controls in names, and strips them from uploaded file names', async () => {
    const office = await h.as('office');
    const admin = await h.as('admin');
    for (const bad of ['清单\u0000', '清单\u202Efdp.exe', '\u2066清单\u2069', '清单\u200F']) {
      const list = await office.post('/api/v1/worklists', { name: bad, kind: 'task' });
      expect(list.statusCode).toBe(400);
      expect(list.json().details[0].path).toBe('body.name');
      const unit = await admin.post('/api/v1/units', { name: bad, kind: 'department', parentId: 1 });
      expect(unit.statusCode).toBe(400);
      expect(unit.json().details.map((d: { path: string }) => d.path)).toContain('body.name');
      const policy = await office.post('/api/v1/policies', { title: bad, area: 'market' });
      expect(policy.json().details[0].path).toBe('body.title');
    }
    // A registry sheet is checked by the same helper (the API schema does not see imported rows).
    const csv = Buffer.from('统一社会信用代码,企业名称\n91150100MA0N00000X,示例\u202E企业\n');
    const sheet = multipart('r.csv', csv);
    const imported = await office.request('POST', '/api/v1/policies/enterprises/import', sheet.body, sheet.headers);
    expect(imported.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, field: 'name' })]));
    const item = await makeItem(h, { listId: await makeList(h), lead: [await unitId(h, DEMO_UNIT)] });
    const { body, headers } = multipart('报告\u202Efdp.exe\u0000.pdf', pdf());
    const up = await office.request('POST', `/api/v1/items/${item.id}/evidence`, body, headers);
    expect(up.statusCode).toBe(201);
    expect(up.json().filename).toBe('报告fdp.exe.pdf');
  });
});
