import { beforeAll, expect, it } from 'vitest';
import { itemPageCacheFor } from '../../db/item-changes.js';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId } from './worklists.fixtures.js';

describeEachDialect('listed item pages under writes', (h) => {
  let unitA: number;
  let listId: number;

  beforeAll(async () => {
    unitA = await unitId(h, DEMO_UNIT);
    listId = await makeList(h, 'task');
  });

  const list = async (query: string) => (await (await h.as('office')).get(`/api/v1/items?listId=${listId}&${query}`)).json();

  it('shows every write that changes a page at once: a report, a status filter, a new item, an edited deadline', async () => {
    const a = await makeItem(h, { listId, lead: [unitA], content: '缓存测试事项甲' });
    expect((await list('sort=code')).items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([[a.id, 'not_started']]);
    expect((await list('status=submitted')).total).toBe(0);
    await (await h.as('office')).post(`/api/v1/items/${a.id}/comments`, { text: '请按时报送' });
    expect((await list('sort=code')).items[0].status).toBe('not_started');

    const report = await (await h.as('liaison')).post(`/api/v1/items/${a.id}/reports`, { text: '已完成一半', percent: 50 });
    expect(report.statusCode).toBe(200);
    expect((await list('sort=code')).items[0].status).toBe('submitted');
    expect((await list('status=submitted')).items.map((i: { id: number }) => i.id)).toEqual([a.id]);

    const b = await makeItem(h, { listId, lead: [unitA], content: '缓存测试事项乙', deadline: '2026-11-30' });
    expect((await list('sort=code')).total).toBe(2);
    const edit = await (await h.as('office')).patch(`/api/v1/items/${b.id}`, { version: b.version, deadline: '2026-12-31' });
    expect(edit.statusCode).toBe(200);
    expect((await list('sort=code')).items.find((i: { id: number }) => i.id === b.id).deadline).toBe('2026-12-31');
  });

  it.runIf(h.dialect === 'sqlite')('drops only the pages a change can alter (SQLite change log)', async () => {
    const cache = itemPageCacheFor<string>(h.ctx.database)!;
    // Its own list: the test above counts the shared one's items, in any order.
    const ownList = await makeList(h, 'task');
    const shown = await makeItem(h, { listId: ownList, lead: [unitA], content: '页面上的事项' });
    const other = await makeItem(h, { listId: ownList, lead: [unitA], content: '不在页面上的事项' });
    const loads = { plain: 0, byStatus: 0, overdue: 0 };
    const plain = () => cache.get('plain', async () => ({ value: `plain${++loads.plain}`, itemIds: [shown.id], dependsOn: 'none' }));
    const byStatus = () => cache.get('byStatus', async () => ({ value: `byStatus${++loads.byStatus}`, itemIds: [], dependsOn: 'any' }));
    const overdue = () => cache.get('overdue', async () => ({ value: `overdue${++loads.overdue}`, itemIds: [], dependsOn: 'closed' }));
    const all = async () => [await plain(), await byStatus(), await overdue()];
    await all();
    expect(await all()).toEqual(['plain1', 'byStatus1', 'overdue1']);

    // A comment writes notes, events and audit rows only: nothing is dropped.
    await (await h.as('office')).post(`/api/v1/items/${shown.id}/comments`, { text: '评论不改变列表' });
    expect(await all()).toEqual(['plain1', 'byStatus1', 'overdue1']);

    // A report moves another item's status between open states: only the status-filtered page goes.
    await (await h.as('liaison')).post(`/api/v1/items/${other.id}/reports`, { text: '进展', percent: 100 });
    expect(await all()).toEqual(['plain1', 'byStatus2', 'overdue1']);

    // Closing that item (unit head passes, office accepts 100 %) also changes the overdue views.
    const report = (await h.ctx.db.selectFrom('item_report').select('id').where('item_id', '=', other.id).executeTakeFirstOrThrow()).id;
    expect((await (await h.as('unit_head')).post(`/api/v1/items/${other.id}/reports/${report}/approve`, {})).statusCode).toBe(200);
    expect(await all()).toEqual(['plain1', 'byStatus3', 'overdue1']);
    expect((await (await h.as('office')).post(`/api/v1/items/${other.id}/reports/${report}/accept`, {})).json().status).toBe('closed');
    expect(await all()).toEqual(['plain1', 'byStatus4', 'overdue2']);

    // A report on the item shown drops the plain page too.
    await (await h.as('liaison')).post(`/api/v1/items/${shown.id}/reports`, { text: '进展', percent: 20 });
    expect(await all()).toEqual(['plain2', 'byStatus5', 'overdue2']);

    // A holiday the admin adds can change any page (overdue): everything goes.
    const holiday = await (await h.as('admin')).post('/api/v1/calendar/days', { date: '2026-12-24', type: 'holiday', name: '缓存测试' });
    expect(holiday.statusCode).toBe(201);
    expect(await all()).toEqual(['plain3', 'byStatus6', 'overdue3']);
  });
});
