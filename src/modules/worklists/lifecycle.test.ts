import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, multipart, unitId, unitUsers } from './worklists.fixtures.js';

describeEachDialect('worklists life cycle and scoping', (h) => {
  let unitA: number;
  let unitB: { unitId: number; liaison: string; head: string };
  let listId: number;

  beforeAll(async () => {
    unitA = await unitId(h, DEMO_UNIT);
    unitB = await unitUsers(h, '市发改委', 'fgw');
    listId = await makeList(h, 'task');
  });

  it('runs report → unit head approves → office returns → liaison fixes → office closes, and the timeline shows each step', async () => {
    const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId] });
    const liaison = await h.as('liaison');
    const head = await h.as('unit_head');
    const office = await h.as('office');

    let r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '已完成系统改造', percent: 100 });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('submitted');
    const firstReport = r.json().reports[0];
    expect(firstReport).toMatchObject({ status: 'pending_head', percent: 100, role: 'lead' });

    // The office cannot review before the unit head has passed it.
    r = await office.post(`/api/v1/items/${item.id}/reports/${firstReport.id}/accept`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('ITEM_STATUS_CONFLICT');

    r = await head.post(`/api/v1/items/${item.id}/reports/${firstReport.id}/approve`, { note: '同意上报' });
    expect(r.json().status).toBe('under_review');

    r = await office.post(`/api/v1/items/${item.id}/reports/${firstReport.id}/return`, { reason: '缺少办件量统计' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'returned', returnReason: '缺少办件量统计' });

    r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '补充办件量统计：全程网办率 78%', percent: 100 });
    expect(r.json().status).toBe('submitted');
    const second = r.json().reports[0];
    r = await head.post(`/api/v1/items/${item.id}/reports/${second.id}/approve`, {});
    r = await office.post(`/api/v1/items/${item.id}/reports/${second.id}/accept`, { note: '同意销号' });
    expect(r.json()).toMatchObject({ status: 'closed', percent: 100, overdue: false });

    const types = r.json().timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'reported', 'head_approved', 'returned', 'reported', 'head_approved', 'accepted', 'closed']);
    expect(r.json().timeline[3].data.reason).toBe('缺少办件量统计');
    // Every write is audited.
    const audits = await h.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'item')
      .where('entity_id', '=', String(item.id))
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'item.create',
      'item.report',
      'item.report.approve',
      'item.return',
      'item.report',
      'item.report.approve',
      'item.close',
    ]);
  });

  it('guards transitions: no second report while one is under review, nothing on a closed item but reopen', async () => {
    const item = await makeItem(h, { listId, lead: [unitA] });
    const liaison = await h.as('liaison');
    const head = await h.as('unit_head');
    const office = await h.as('office');
    let r = await liaison.post(`/api/v1/items/${item.id}/start`, {});
    expect(r.json().status).toBe('in_progress');
    r = await liaison.post(`/api/v1/items/${item.id}/start`, {});
    expect(r.json().code).toBe('ITEM_STATUS_CONFLICT');
    r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '推进中', percent: 40 });
    const reportId = r.json().reports[0].id;
    r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '再次报送', percent: 50 });
    expect(r.statusCode).toBe(409);
    // A liaison cannot approve; a unit head cannot review for the office.
    expect((await liaison.post(`/api/v1/items/${item.id}/reports/${reportId}/approve`, {})).statusCode).toBe(403);
    await head.post(`/api/v1/items/${item.id}/reports/${reportId}/approve`, {});
    expect((await head.post(`/api/v1/items/${item.id}/reports/${reportId}/accept`, {})).statusCode).toBe(403);
    // Accepting a partial report records the percent and keeps the item open.
    r = await office.post(`/api/v1/items/${item.id}/reports/${reportId}/accept`, {});
    expect(r.json()).toMatchObject({ status: 'in_progress', percent: 40 });
    // The unit head's send-back needs a reason and returns the item.
    r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '完成', percent: 100 });
    const next = r.json().reports[0].id;
    expect((await head.post(`/api/v1/items/${item.id}/reports/${next}/send-back`, {})).statusCode).toBe(400);
    r = await head.post(`/api/v1/items/${item.id}/reports/${next}/send-back`, { reason: '数据需核实' });
    expect(r.json()).toMatchObject({ status: 'returned', returnReason: '数据需核实' });
    expect(r.json().reports[0].status).toBe('head_returned');
  });

  it('lets a cooperating unit report its part to the lead unit without moving the item', async () => {
    const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId] });
    const coop = await h.as(unitB.liaison);
    const coopHead = await h.as(unitB.head);
    let r = await coop.post(`/api/v1/items/${item.id}/reports`, { text: '配合完成数据共享', percent: 100 });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('not_started');
    const reportId = r.json().reports[0].id;
    r = await coopHead.post(`/api/v1/items/${item.id}/reports/${reportId}/approve`, {});
    expect(r.json().reports[0]).toMatchObject({ status: 'delivered', role: 'coop' });
    // The lead unit sees the delivery on its to-do page.
    const todo = (await (await h.as('liaison')).get('/api/v1/items/todo')).json();
    expect(todo.coopReports.some((c: { item: { id: number } }) => c.item.id === item.id)).toBe(true);
    // A cooperating unit cannot request an extension (the lead unit does).
    expect(
      (await coop.post(`/api/v1/items/${item.id}/extensions`, { reason: '需要更多时间', requestedDeadline: '2027-03-31' })).statusCode,
    ).toBe(403);
  });

  it('scopes by unit: a liaison of unit B can neither read nor report on unit A’s item, and nothing changes', async () => {
    const item = await makeItem(h, { listId, lead: [unitA] });
    const other = await h.as(unitB.liaison);
    let r = await other.get(`/api/v1/items/${item.id}`);
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'UNIT_NOT_ASSIGNED', messages: { zh: '该事项未分配给您的单位' } });
    r = await other.post(`/api/v1/items/${item.id}/reports`, { text: '越权报送', percent: 100 });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('UNIT_NOT_ASSIGNED');
    const reports = await h.ctx.db.selectFrom('item_report').select('id').where('item_id', '=', item.id).execute();
    expect(reports).toHaveLength(0);
    const list = (await other.get(`/api/v1/items?listId=${listId}&pageSize=200`)).json();
    expect(
      list.items.every((i: { leadUnits: { id: number }[]; coopUnits: { id: number }[] }) =>
        [...i.leadUnits, ...i.coopUnits].some((u) => u.id === unitB.unitId),
      ),
    ).toBe(true);
    expect(list.items.some((i: { id: number }) => i.id === item.id)).toBe(false);
    // Specialists and enterprises see nothing of the work lists.
    for (const who of ['specialist', 'enterprise']) {
      expect((await (await h.as(who)).get('/api/v1/items')).statusCode).toBe(403);
      expect((await (await h.as(who)).get(`/api/v1/items/${item.id}`)).statusCode).toBe(403);
    }
    // The leader reads everything and may write an instruction, shown on the item.
    const leader = await h.as('leader');
    expect((await leader.get(`/api/v1/items/${item.id}`)).statusCode).toBe(200);
    r = await leader.post(`/api/v1/items/${item.id}/instructions`, { text: '请加快推进，月底前见成效' });
    expect(r.json().instructions[0]).toMatchObject({ text: '请加快推进，月底前见成效', role: 'leader' });
    expect((await leader.patch(`/api/v1/items/${item.id}`, { version: 1, content: '改写' })).statusCode).toBe(403);
    expect((await (await h.as('liaison')).post(`/api/v1/items/${item.id}/instructions`, { text: '不行' })).statusCode).toBe(403);
  });

  it('rejects a stale edit with VERSION_CONFLICT instead of overwriting', async () => {
    const item = await makeItem(h, { listId, lead: [unitA] });
    const office = await h.as('office');
    const first = await office.patch(`/api/v1/items/${item.id}`, { version: item.version, measures: '第一位编辑' });
    expect(first.statusCode).toBe(200);
    const second = await office.patch(`/api/v1/items/${item.id}`, { version: item.version, measures: '第二位编辑' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('VERSION_CONFLICT');
    const now = (await office.get(`/api/v1/items/${item.id}`)).json();
    expect(now.measures).toBe('第一位编辑');
    expect(now.timeline.at(-1)).toMatchObject({ type: 'updated', data: { fields: ['measures'] } });
  });

  it('refuses a duplicate code in the same list and unknown fields', async () => {
    const office = await h.as('office');
    const base = { listId, code: 'DUP-1', content: '优化水电气暖报装', leadUnitIds: [unitA] };
    expect((await office.post('/api/v1/items', base)).statusCode).toBe(201);
    const dup = await office.post('/api/v1/items', base);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_CODE');
    expect((await office.post('/api/v1/items', { ...base, code: 'DUP-2', bogus: 1 })).statusCode).toBe(400);
    // A kind-specific field of another kind is a located error.
    const wrong = await office.post('/api/v1/items', { ...base, code: 'DUP-3', stage: 'selected' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].path).toBe('body.stage');
  });

  it('accepts evidence larger than the 1 MB JSON body limit, up to the configured upload limit', async () => {
    const item = await makeItem(h, { listId, lead: [unitA] });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const { body, headers } = multipart('扫描件.pdf', big);
    const res = await (await h.as('office')).request('POST', `/api/v1/items/${item.id}/evidence`, body, headers);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ size: big.length, unitId: null });
  });
});
