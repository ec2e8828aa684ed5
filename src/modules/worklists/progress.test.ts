import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, multipart, unitId, unitUsers } from './worklists.fixtures.js';

const LIMIT = 64 * 1024;
const pdf = (size = 2000) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]);
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000' +
    '000d4944415478da63f8cfc0f01f0005000201a6f2d8b80000000049454e44ae426082',
  'hex',
);

describeEachDialect(
  'worklists evidence, extensions, to-do and case board',
  (h) => {
    let unitA: number;
    let unitB: { unitId: number; liaison: string; head: string };
    let listId: number;

    beforeAll(async () => {
      unitA = await unitId(h, DEMO_UNIT);
      unitB = await unitUsers(h, '市住建局', 'zjj');
      listId = await makeList(h, 'task');
    });

    const upload = async (who: string, itemId: number, filename: string, data: Buffer) => {
      const c = await h.as(who);
      const { body, headers } = multipart(filename, data);
      return c.request('POST', `/api/v1/items/${itemId}/evidence`, body, headers);
    };

    it('stores evidence checked by content, attaches it to a report and lets only those who see the item download it', async () => {
      const item = await makeItem(h, { listId, lead: [unitA] });
      const up = await upload('liaison', item.id, '办件量统计表.pdf', pdf());
      expect(up.statusCode).toBe(201);
      expect(up.json()).toMatchObject({ filename: '办件量统计表.pdf', mime: 'application/pdf', reportId: null, unitId: unitA });
      const evidenceId = up.json().id;
      const report = await (
        await h.as('liaison')
      ).post(`/api/v1/items/${item.id}/reports`, { text: '附统计表', percent: 60, evidenceIds: [evidenceId] });
      expect(report.json().reports[0].evidence).toEqual([expect.objectContaining({ id: evidenceId })]);
      // Attached once: it cannot be attached to a second report.
      for (const who of ['liaison', 'office', 'leader', 'unit_head']) {
        const res = await (await h.as(who)).get(`/api/v1/items/${item.id}/evidence/${evidenceId}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toContain(encodeURIComponent('办件量统计表.pdf'));
        expect(res.rawPayload.equals(pdf())).toBe(true);
      }
      const denied = await (await h.as(unitB.liaison)).get(`/api/v1/items/${item.id}/evidence/${evidenceId}`);
      expect(denied.statusCode).toBe(403);
      expect((await (await h.as('specialist')).get(`/api/v1/items/${item.id}/evidence/${evidenceId}`)).statusCode).toBe(403);
      const timeline = (await (await h.as('office')).get(`/api/v1/items/${item.id}`)).json().timeline;
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'evidence_added', 'reported']);
    });

    it('refuses evidence of the wrong type, with a mismatched extension, or over the size limit — and stores nothing', async () => {
      const item = await makeItem(h, { listId, lead: [unitA] });
      const count = async () => (await h.ctx.db.selectFrom('item_evidence').select('id').where('item_id', '=', item.id).execute()).length;
      const html = await upload('liaison', item.id, '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
      expect(html.statusCode).toBe(415);
      expect(html.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
      const renamed = await upload('liaison', item.id, '照片.pdf', png);
      expect(renamed.statusCode).toBe(415);
      expect(renamed.json().details[0]).toMatchObject({ detected: 'png' });
      const exe = await upload('liaison', item.id, 'setup.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
      expect(exe.statusCode).toBe(415);
      const big = await upload('liaison', item.id, '材料.pdf', pdf(LIMIT + 10));
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [expect.objectContaining({ limitBytes: LIMIT })] });
      expect(await count()).toBe(0);
      expect((await upload('liaison', item.id, '现场照片.png', png)).statusCode).toBe(201);
      expect((await upload(unitB.liaison, item.id, '越权.png', png)).statusCode).toBe(403);
      expect(await count()).toBe(1);
    });

    it('runs an extension request: one pending at a time, refused keeps the deadline, approved moves it', async () => {
      const item = await makeItem(h, { listId, lead: [unitA], deadline: '2026-06-30' });
      const liaison = await h.as('liaison');
      const office = await h.as('office');
      expect(
        (await liaison.post(`/api/v1/items/${item.id}/extensions`, { reason: '系统对接延后', requestedDeadline: '2026-06-01' })).statusCode,
      ).toBe(400);
      let r = await liaison.post(`/api/v1/items/${item.id}/extensions`, { reason: '系统对接延后', requestedDeadline: '2026-09-30' });
      expect(r.json().extensions[0]).toMatchObject({ status: 'pending', oldDeadline: '2026-06-30', requestedDeadline: '2026-09-30' });
      const first = r.json().extensions[0].id;
      expect(
        (await liaison.post(`/api/v1/items/${item.id}/extensions`, { reason: '再申请', requestedDeadline: '2026-10-30' })).json().code,
      ).toBe('CONFLICT');
      expect((await liaison.post(`/api/v1/items/${item.id}/extensions/${first}/decision`, { approve: true })).statusCode).toBe(403);
      r = await office.post(`/api/v1/items/${item.id}/extensions/${first}/decision`, { approve: false, note: '理由不充分' });
      expect(r.json()).toMatchObject({
        deadline: '2026-06-30',
        extensions: [expect.objectContaining({ status: 'refused', decisionNote: '理由不充分' })],
      });
      r = await liaison.post(`/api/v1/items/${item.id}/extensions`, {
        reason: '上级系统升级，接口延期开放',
        requestedDeadline: '2026-08-31',
      });
      const second = r.json().extensions[0].id;
      r = await office.post(`/api/v1/items/${item.id}/extensions/${second}/decision`, { approve: true });
      expect(r.json().deadline).toBe('2026-08-31');
      expect((await office.post(`/api/v1/items/${item.id}/extensions/${second}/decision`, { approve: false })).statusCode).toBe(409);
      const types = r.json().timeline.map((e: { type: string }) => e.type);
      expect(types).toEqual(['created', 'extension_requested', 'extension_refused', 'extension_requested', 'extension_approved']);
      expect(r.json().timeline.at(-1).data).toMatchObject({ from: '2026-06-30', to: '2026-08-31' });
    });

    it('shows the unit head the reports to approve and the office its review queue', async () => {
      const item = await makeItem(h, { listId, lead: [unitA] });
      const r = await (await h.as('liaison')).post(`/api/v1/items/${item.id}/reports`, { text: '完成', percent: 100 });
      const reportId = r.json().reports[0].id;
      const headTodo = (await (await h.as('unit_head')).get('/api/v1/items/todo')).json();
      expect(headTodo.toApprove.some((t: { report: { id: number } }) => t.report.id === reportId)).toBe(true);
      expect(headTodo.toReport.every((i: { status: string }) => ['not_started', 'in_progress', 'returned'].includes(i.status))).toBe(true);
      const detail = (await (await h.as('unit_head')).get(`/api/v1/items/${item.id}`)).json();
      expect(detail.can).toMatchObject({ approve: true, report: false, edit: false, review: false });
      await (await h.as('unit_head')).post(`/api/v1/items/${item.id}/reports/${reportId}/approve`, {});
      const officeTodo = (await (await h.as('office')).get('/api/v1/items/todo')).json();
      expect(officeTodo.toApprove.some((t: { report: { id: number } }) => t.report.id === reportId)).toBe(true);
      // Another unit's to-do does not show it.
      const otherTodo = (await (await h.as(unitB.head)).get('/api/v1/items/todo')).json();
      expect([...otherTodo.toReport, ...otherTodo.dueSoon].some((i: { id: number }) => i.id === item.id)).toBe(false);
    });

    it('groups cases by stage with their publicity, and self-assesses questions within the maximum', async () => {
      const office = await h.as('office');
      const cases = await makeList(h, 'case');
      const c = await makeItem(h, {
        listId: cases,
        lead: [unitA],
        content: '“一件事一次办”集成改革',
        extra: {
          stage: 'selected',
          publicity: [{ level: 'national', outlet: '国务院办公厅政务信息', date: '2026-05-10', link: 'https://example.gov.cn/a' }],
        },
      });
      await makeItem(h, { listId: cases, lead: [unitA], content: '企业服务专员制度' });
      const board = (await office.get(`/api/v1/items/case-board?listId=${cases}`)).json();
      expect(board.columns.map((col: { stage: string; items: unknown[] }) => [col.stage, col.items.length])).toEqual([
        ['declared', 1],
        ['nurtured', 0],
        ['selected', 1],
        ['promoted', 0],
      ]);
      expect((await office.get(`/api/v1/items/${c.id}`)).json().publicity).toEqual([
        { level: 'national', outlet: '国务院办公厅政务信息', date: '2026-05-10', link: 'https://example.gov.cn/a' },
      ]);
      const moved = await office.post(`/api/v1/items/${c.id}/stage`, { version: 1, stage: 'promoted' });
      expect(moved.json().stage).toBe('promoted');

      const questions = await makeList(h, 'question');
      const q = await makeItem(h, {
        listId: questions,
        lead: [unitA],
        content: '企业开办全程网办率',
        extra: { level: 'city', maxScore: 5, scoringRule: '达到 90% 得满分' },
      });
      const liaison = await h.as('liaison');
      expect((await liaison.post(`/api/v1/items/${q.id}/self-score`, { version: q.version, selfScore: 6 })).statusCode).toBe(400);
      const scored = await liaison.post(`/api/v1/items/${q.id}/self-score`, { version: q.version, selfScore: 4.5 });
      expect(scored.json()).toMatchObject({ selfScore: 4.5, maxScore: 5, level: 'city' });
      expect((await liaison.post(`/api/v1/items/${q.id}/self-score`, { version: q.version, selfScore: 4 })).json().code).toBe(
        'VERSION_CONFLICT',
      );
    });

    it('adds comments from anyone who sees the item and keeps lists CRUD to the office', async () => {
      const item = await makeItem(h, { listId, lead: [unitA] });
      const r = await (await h.as('liaison')).post(`/api/v1/items/${item.id}/comments`, { text: '已与市大数据局对接' });
      expect(r.json().comments[0]).toMatchObject({ text: '已与市大数据局对接', role: 'liaison' });
      expect((await (await h.as('liaison')).post('/api/v1/worklists', { name: 'x', kind: 'task' })).statusCode).toBe(403);
      const office = await h.as('office');
      const list = (await office.post('/api/v1/worklists', { name: '空清单', kind: 'improvement' })).json();
      expect((await office.patch(`/api/v1/worklists/${list.id}`, { version: list.version, name: '提升清单（2026）' })).json().name).toBe(
        '提升清单（2026）',
      );
      expect((await office.delete(`/api/v1/worklists/${listId}`)).json().code).toBe('LIST_NOT_EMPTY');
      expect((await office.delete(`/api/v1/worklists/${list.id}`)).statusCode).toBe(200);
    });
  },
  { config: { uploadMaxBytes: LIMIT } },
);
