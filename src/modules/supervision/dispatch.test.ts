import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { DEMO_PAIR, closeItem, once, setChinaTime } from './supervision.fixtures.js';

describeEachDialect(
  'dispatch meetings (调度会) and the cockpit (驾驶舱)',
  (h) => {
    let unitA: number;
    let b: { unitId: number; liaison: string; head: string };
    let meetingId: number;

    const units = once(async () => {
      unitA = await unitId(h, DEMO_UNIT);
      b = await unitUsers(h, '市住建局', 'dsp');
    });
    // The mayor's meeting of 2026-03-02 with three decisions, and its first decision's item as its lead unit sees it.
    const meeting = once(async () => {
      await units();
      setChinaTime(h, '2026-03-02');
      const res = await (
        await h.as('office')
      ).post('/api/v1/supervision/meetings', {
        date: '2026-03-02',
        type: 'mayor',
        title: '全市优化营商环境工作调度会',
        chair: '市长',
        unitIds: [unitA, b.unitId],
        topics: ['企业开办', '工程建设项目审批'],
        decisions: [
          { content: '3月底前实现企业开办全程网办', leadUnitIds: [unitA], deadline: '2026-03-31' },
          { content: '压缩工程建设项目审批时限', leadUnitIds: [b.unitId], coopUnitIds: [unitA], deadline: '2026-03-04' },
          { content: '常态化开展政企座谈', leadUnitIds: [unitA], ongoing: true },
        ],
      });
      meetingId = res.json().id;
      const item =
        res.statusCode === 201 ? (await (await h.as('liaison')).get(`/api/v1/items/${res.json().decisions[0].itemId}`)).json() : null;
      return { res, item };
    });
    // The first decision closed; on 2026-03-10 the meeting's page, a fourth decision and the month's list.
    const progressed = once(async () => {
      const m = (await meeting()).res.json();
      await closeItem(h, m.decisions[0].itemId, DEMO_PAIR);
      setChinaTime(h, '2026-03-10');
      const office = await h.as('office');
      const page = (await (await h.as('leader')).get(`/api/v1/supervision/meetings/${meetingId}`)).json();
      const more = await office.post(`/api/v1/supervision/meetings/${meetingId}/decisions`, {
        decisions: [{ content: '建立问题台账', leadUnitIds: [b.unitId], deadline: '2026-04-30' }],
      });
      const list = (await office.get('/api/v1/supervision/meetings?from=2026-03-01&to=2026-03-31&type=mayor')).json();
      return { page, more, list };
    });
    // Two problem items, a leader's instruction and the weekly snapshot, on 2026-03-10.
    const cockpitData = once(async () => {
      await progressed();
      setChinaTime(h, '2026-03-10');
      const listId = await makeList(h, 'problem');
      const due = await makeItem(h, { listId, lead: [b.unitId], deadline: '2026-03-13' });
      await makeItem(h, { listId, lead: [unitA], deadline: '2026-09-30' });
      const instructed = await (await h.as('leader')).post(`/api/v1/items/${due.id}/instructions`, { text: '请抓紧推进，按期销号' });
      await (await h.as('office')).post('/api/v1/supervision/weekly', {});
      return { listId, due, instructed };
    });

    it('records a meeting whose decisions become supervised items linked back to it', async () => {
      const { res, item } = await meeting();
      expect(res.statusCode).toBe(201);
      const m = res.json();
      expect(m).toMatchObject({ type: 'mayor', decisionCount: 3, closedCount: 0, topics: ['企业开办', '工程建设项目审批'] });
      expect(m.units.map((u: { id: number }) => u.id).sort()).toEqual([unitA, b.unitId].sort());
      expect(m.decisions[1]).toMatchObject({
        content: '压缩工程建设项目审批时限',
        deadline: '2026-03-04',
        leadUnits: [{ id: b.unitId }],
        status: 'not_started',
      });
      expect(m.decisions[2]).toMatchObject({ ongoing: true, deadline: null });

      // The decisions are items of the meetings' list, visible to their lead unit, with the link on the timeline.
      expect(item).toMatchObject({ listId: m.listId, listName: '调度会议定事项', kind: 'task' });
      expect(
        item.timeline.some(
          (e: { type: string; data: { step?: string; meetingId?: number } }) => e.type === 'supervision' && e.data.meetingId === meetingId,
        ),
      ).toBe(true);

      const { page, more, list } = await progressed();
      expect(page).toMatchObject({ closedCount: 1, overdueCount: 1 });
      expect(page.decisions[0].status).toBe('closed');
      expect(page.decisions[1].overdue).toBe(true);
      expect(more.json().decisionCount).toBe(4);
      expect(list).toEqual([expect.objectContaining({ id: meetingId, decisionCount: 4, closedCount: 1 })]);
    });

    it('refuses a decision without deadline or an unknown unit, with the field named, and records nothing', async () => {
      await units();
      const office = await h.as('office');
      const before = (await office.get('/api/v1/supervision/meetings')).json().length;
      const res = await office.post('/api/v1/supervision/meetings', {
        date: '2026-03-05',
        type: 'task_force',
        title: '专班调度会',
        chair: '专班负责人',
        unitIds: [999999],
        topics: [],
        decisions: [{ content: '无时限事项', leadUnitIds: [unitA] }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['body.unitIds.0', 'body.decisions.0.deadline']);
      const badType = await office.post('/api/v1/supervision/meetings', {
        date: '2026-03-05',
        type: 'weekly',
        title: 'x',
        chair: 'y',
        unitIds: [],
        topics: [],
        decisions: [],
      });
      expect(badType.statusCode).toBe(400);
      expect((await office.get('/api/v1/supervision/meetings')).json().length).toBe(before);
      expect((await (await h.as('liaison')).get('/api/v1/supervision/meetings')).statusCode).toBe(403);
      expect((await (await h.as('leader')).post('/api/v1/supervision/meetings', {})).statusCode).toBe(403);
    });

    it('gives leaders completion and overdue by unit and list, instructions, upcoming deadlines and drill-down queries', async () => {
      const { listId, due, instructed } = await cockpitData();
      setChinaTime(h, '2026-03-10');
      const leader = await h.as('leader');
      expect(instructed.statusCode).toBe(200);

      const c = (await leader.get('/api/v1/supervision/cockpit')).json();
      expect(c.asOf).toBe('2026-03-10');
      expect(c.totals).toMatchObject({ items: 6, closed: 1, overdue: 1 });
      const unitB = c.byUnit.find((u: { unit: { id: number } }) => u.unit.id === b.unitId);
      expect(unitB).toMatchObject({
        assigned: 3,
        overdue: 1,
        drill: { unitId: b.unitId, role: 'lead' },
        overdueDrill: { overdue: 'true' },
      });
      const problems = c.byList.find((l: { listId: number }) => l.listId === listId);
      expect(problems).toMatchObject({ kind: 'problem', total: 2, drill: { listId } });
      expect(c.instructions[0]).toMatchObject({ itemId: due.id, text: '请抓紧推进，按期销号' });
      expect(c.upcoming.map((u: { itemId: number }) => u.itemId)).toContain(due.id);
      expect(c.upcoming.find((u: { itemId: number }) => u.itemId === due.id).dueInWorkdays).toBe(3);
      expect(c.trend).toHaveLength(1);
      expect(c.redBlack.weekOf).toBe('2026-03-09');
      expect(c.drillPath).toBe('/api/v1/items');

      // The drill-down query of a figure lists exactly the items behind it.
      const drilled = (
        await leader.get(
          `/api/v1/items?${new URLSearchParams(Object.entries(unitB.overdueDrill).map(([k, v]): [string, string] => [k, String(v)]))}`,
        )
      ).json();
      expect(drilled.total).toBe(unitB.overdue);
      const byKind = (await leader.get('/api/v1/supervision/cockpit?kind=problem')).json();
      expect(byKind.totals.items).toBe(2);
      expect((await (await h.as('liaison')).get('/api/v1/supervision/cockpit')).statusCode).toBe(403);
    });
  },
  { config: { sessionHours: 24 * 30 } },
);

// Its own database: the meeting it records would change the cockpit's totals above.
describeEachDialect('dispatch meetings (调度会): a decision due in the past', (h) => {
  it('asks before a decision due before today becomes an item, and records nothing until the office confirms', async () => {
    setChinaTime(h, '2026-03-02');
    const unitA = await unitId(h, DEMO_UNIT);
    const office = await h.as('office');
    const before = (await office.get('/api/v1/supervision/meetings')).json().length;
    const meeting = {
      date: '2026-02-10',
      type: 'task_force',
      title: '专班调度会（补录）',
      chair: '专班负责人',
      unitIds: [unitA],
      topics: [],
      decisions: [
        { content: '二月底前完成清单梳理', leadUnitIds: [unitA], deadline: '2026-02-27' },
        { content: '三月底前完成系统对接', leadUnitIds: [unitA], deadline: '2026-03-31' },
      ],
    };
    const asked = await office.post('/api/v1/supervision/meetings', meeting);
    expect(asked.statusCode).toBe(422);
    expect(asked.json().code).toBe('DEADLINE_IN_PAST');
    // Only the decision due before today (2026-03-02) is named.
    expect(asked.json().details.map((d: { path: string }) => d.path)).toEqual(['body.decisions.0.deadline']);
    expect((await office.get('/api/v1/supervision/meetings')).json().length).toBe(before);
    const confirmed = await office.post('/api/v1/supervision/meetings', { ...meeting, confirmPastDeadline: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().decisions.map((d: { deadline: string; overdue: boolean }) => [d.deadline, d.overdue])).toEqual([
      ['2026-02-27', true],
      ['2026-03-31', false],
    ]);
    const more = await office.post(`/api/v1/supervision/meetings/${confirmed.json().id}/decisions`, {
      decisions: [{ content: '补充事项', leadUnitIds: [unitA], deadline: '2026-02-20' }],
    });
    expect(more.statusCode).toBe(422);
  });
});
