import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';
import { mergeUnit } from '../org/units.service.js';
import { findOrCreateList, upsertImportedItems } from './worklists.service.js';
import { DEMO_UNIT, makeItem, makeList, unitId } from './worklists.fixtures.js';

describeEachDialect('worklists items: search, overdue, filters, import contract', (h) => {
  let unitA: number;
  let unitB: number;
  let listId: number;

  beforeAll(async () => {
    unitA = await unitId(h, DEMO_UNIT);
    unitB = await unitId(h, '市市场监管局');
    listId = await makeList(h, 'task');
    await makeItem(h, { listId, lead: [unitA], content: '推进企业开办全程网办，实现一日办结' });
    await makeItem(h, { listId, lead: [unitB], content: '持续优化营商环境，开展营商环境满意度调查' });
    await makeItem(h, { listId, lead: [unitB], content: '深化工程建设项目审批制度改革', extra: { measures: '推行“拿地即开工”' } });
  });

  const search = async (q: string) => {
    const office = await h.as('office');
    const res = await office.get(`/api/v1/items?listId=${listId}&q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { content: string }) => i.content) as string[];
  };

  it('refuses a deadline in the past without confirmation, with a located error, and saves it once confirmed', async () => {
    const office = await h.as('office');
    const ownList = await makeList(h, 'task');
    const body = { listId: ownList, code: 'PAST-1', content: '已过完成时限的事项', leadUnitIds: [unitA], deadline: '2026-02-27' };
    const refused = await office.post('/api/v1/items', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'DEADLINE_IN_PAST', details: [{ path: 'body.deadline' }] });
    expect((await office.get(`/api/v1/items?listId=${ownList}`)).json().total).toBe(0);
    const saved = await office.post('/api/v1/items', { ...body, confirmPastDeadline: true });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ deadline: '2026-02-27', overdue: true });
    // Today (the harness clock's 2026-03-02) is not in the past; moving a deadline into the past asks again.
    const item = await makeItem(h, { listId: ownList, lead: [unitA], deadline: '2026-03-02' });
    const moved = await office.request('PATCH', `/api/v1/items/${item.id}`, { version: item.version, deadline: '2026-01-30' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().details[0].path).toBe('body.deadline');
    const confirmed = await office.request('PATCH', `/api/v1/items/${item.id}`, {
      version: item.version,
      deadline: '2026-01-30',
      confirmPastDeadline: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().deadline).toBe('2026-01-30');
  });

  it('finds Chinese keywords inside longer text (≥ 3 characters through the trigram index)', async () => {
    expect(await search('企业开办')).toEqual(['推进企业开办全程网办，实现一日办结']);
    expect(await search('拿地即开工')).toEqual(['深化工程建设项目审批制度改革']);
    expect(await search('不存在的词')).toEqual([]);
  });

  it('finds 1–2 character keywords too (营商) and treats LIKE wildcards literally', async () => {
    expect(await search('营商')).toEqual(['持续优化营商环境，开展营商环境满意度调查']);
    expect(await search('%')).toEqual([]);
    expect(await search('企业 一日')).toHaveLength(1);
  });

  it('derives overdue in working days: a deadline before National Day is not overdue during the holiday', async () => {
    const list = await makeList(h, 'problem');
    const item = await makeItem(h, { listId: list, lead: [unitA], deadline: '2026-09-30' });
    const saved = h.now;
    // Sessions expire as the clock moves: log in afresh at each moment.
    let office = await login(h.app, 'office', TEST_PASSWORD);
    const at = async (iso: string) => {
      h.now = new Date(iso);
      office = await login(h.app, 'office', TEST_PASSWORD);
    };
    try {
      await at('2026-10-05T04:00:00Z'); // 国庆假期
      let r = (await office.get(`/api/v1/items/${item.id}`)).json();
      expect(r).toMatchObject({ overdue: false, overdueWorkdays: 0 });
      expect((await office.get(`/api/v1/items?listId=${list}&overdue=true`)).json().total).toBe(0);
      await at('2026-10-09T04:00:00Z'); // second working day after the holiday
      r = (await office.get(`/api/v1/items/${item.id}`)).json();
      expect(r).toMatchObject({ overdue: true, overdueWorkdays: 2, dueInWorkdays: -2 });
      expect((await office.get(`/api/v1/items?listId=${list}&overdue=true`)).json().total).toBe(1);
      expect((await office.get(`/api/v1/items?listId=${list}&overdue=false`)).json().total).toBe(0);
      // Due within N working days, seen from before the holiday: 9-30 is 2 working days after 9-28.
      await at('2026-09-28T04:00:00Z');
      expect((await office.get(`/api/v1/items?listId=${list}&dueWithin=1`)).json().total).toBe(0);
      expect((await office.get(`/api/v1/items?listId=${list}&dueWithin=2`)).json().total).toBe(1);
    } finally {
      h.now = saved;
    }
  });

  it('uses the calendar in force: a holiday the admin adds stops the overdue count', async () => {
    const list = await makeList(h, 'improvement');
    const item = await makeItem(h, { listId: list, lead: [unitA], deadline: '2026-03-04' });
    const saved = h.now;
    try {
      h.now = new Date('2026-03-05T04:00:00Z');
      const office = await login(h.app, 'office', TEST_PASSWORD);
      expect((await office.get(`/api/v1/items/${item.id}`)).json()).toMatchObject({ overdue: true, overdueWorkdays: 1 });
      const admin = await login(h.app, 'admin', TEST_PASSWORD);
      expect((await admin.post('/api/v1/calendar/days', { date: '2026-03-05', type: 'holiday', name: '测试调休' })).statusCode).toBe(201);
      expect((await office.get(`/api/v1/items/${item.id}`)).json()).toMatchObject({ overdue: false, overdueWorkdays: 0 });
      expect((await office.get(`/api/v1/items?listId=${list}&overdue=true`)).json().total).toBe(0);
    } finally {
      h.now = saved;
    }
  });

  it('filters by unit, role, status and sorts and pages', async () => {
    const office = await h.as('office');
    const byUnit = (await office.get(`/api/v1/items?listId=${listId}&unitId=${unitB}&role=lead`)).json();
    expect(byUnit.total).toBe(2);
    const paged = (await office.get(`/api/v1/items?listId=${listId}&pageSize=1&page=2&sort=code&order=desc`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect((await office.get(`/api/v1/items?listId=${listId}&status=closed`)).json().total).toBe(0);
    expect((await office.get(`/api/v1/items?nope=1`)).statusCode).toBe(400);
  });

  it('keeps saved filters per user', async () => {
    const office = await h.as('office');
    const r = await office.post('/api/v1/items/saved-filters', { name: '逾期任务', filter: { kind: 'task', overdue: 'true' } });
    expect(r.statusCode).toBe(201);
    expect((await office.post('/api/v1/items/saved-filters', { name: '逾期任务', filter: {} })).json().code).toBe('DUPLICATE_NAME');
    expect((await office.get('/api/v1/items/saved-filters')).json()).toEqual([
      expect.objectContaining({ name: '逾期任务', filter: { kind: 'task', overdue: 'true' } }),
    ]);
    expect((await (await h.as('leader')).get('/api/v1/items/saved-filters')).json()).toEqual([]);
    expect((await (await h.as('leader')).delete(`/api/v1/items/saved-filters/${r.json().id}`)).statusCode).toBe(404);
  });

  it('upserts imported rows by code: a re-import updates instead of duplicating and replaces assignments', async () => {
    const rows = [
      {
        row: 3,
        code: '1',
        area: '开办企业',
        content: '推行企业开办“一网通办”',
        measures: null,
        leadUnitIds: [unitA],
        coopUnitIds: [unitB],
        deadline: '2026-06-30',
        ongoing: false,
      },
      {
        row: 4,
        code: '2',
        area: '开办企业',
        content: '推行电子营业执照',
        measures: null,
        leadUnitIds: [unitB],
        coopUnitIds: [],
        deadline: null,
        ongoing: true,
      },
    ];
    const first = await withTransaction(h.ctx.db, async (trx) => {
      const list = await findOrCreateList(h.ctx, SYSTEM_ACTOR, trx, { name: '实施方案4.0（导入测试）', kind: 'task' });
      return { list, result: await upsertImportedItems(h.ctx, SYSTEM_ACTOR, trx, { listId: list.id, kind: 'task', rows }) };
    });
    expect(first.result).toMatchObject({ created: 2, updated: 0 });
    const again = await withTransaction(h.ctx.db, async (trx) => {
      const list = await findOrCreateList(h.ctx, SYSTEM_ACTOR, trx, { name: '实施方案4.0（导入测试）', kind: 'task' });
      expect(list).toMatchObject({ id: first.list.id, created: false });
      return upsertImportedItems(h.ctx, SYSTEM_ACTOR, trx, {
        listId: list.id,
        kind: 'task',
        rows: [{ ...rows[0], content: '推行企业开办“一网通办”（修订）', leadUnitIds: [unitB], coopUnitIds: [] }],
      });
    });
    expect(again).toMatchObject({ created: 0, updated: 1, itemIds: [first.result.itemIds[0]] });
    const office = await h.as('office');
    const page = (await office.get(`/api/v1/items?listId=${first.list.id}`)).json();
    expect(page.total).toBe(2);
    const item = (await office.get(`/api/v1/items/${first.result.itemIds[0]}`)).json();
    expect(item).toMatchObject({ content: '推行企业开办“一网通办”（修订）', leadUnits: [{ id: unitB }], coopUnits: [], version: 2 });
    expect(item.timeline.map((e: { type: string }) => e.type)).toEqual(['imported', 'imported']);
    const audits = await h.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'item.import').execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
    // Duplicate codes in one batch are refused with the rows named.
    await expect(
      withTransaction(h.ctx.db, (trx) =>
        upsertImportedItems(h.ctx, SYSTEM_ACTOR, trx, { listId: first.list.id, kind: 'task', rows: [rows[1], { ...rows[1], row: 9 }] }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ row: 9, column: 'code' })] });
  });

  it('moves assignments to the target when a unit is merged', async () => {
    const office = await h.as('office');
    const from = await unitId(h, '市统计局');
    // Its own list: the searches and counts above read the shared one, in any order.
    const item = await makeItem(h, { listId: await makeList(h, 'task'), lead: [from], coop: [unitA] });
    const unit = (await office.get(`/api/v1/units/${from}`)).json();
    await mergeUnit(h.ctx, SYSTEM_ACTOR, from, unitA, unit.version);
    const after = (await office.get(`/api/v1/items/${item.id}`)).json();
    expect(after.leadUnits.map((u: { id: number }) => u.id)).toEqual([unitA]);
    expect(after.coopUnits).toEqual([]);
  });
});
