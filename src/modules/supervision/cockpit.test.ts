import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { insertTicket } from '../demands/demands.fixtures.js';
import { seedDemoPolicies } from '../policies/seed.js';
import { DEMO_UNIT, makeItem, makeList, unitId } from '../worklists/worklists.fixtures.js';
import { DEMO_PAIR, closeItem, setChinaTime } from './supervision.fixtures.js';

const TOPICS = ['starting_a_business', 'getting_electricity', 'enforcing_contracts', 'government_services', 'inclusive_innovation'];

describeEachDialect(
  'the cockpit’s four blocks: rank goal, work lists, auto-grant, supervision',
  (h) => {
    let unitA: number;

    beforeAll(async () => {
      setChinaTime(h, '2026-03-02');
      unitA = await unitId(h, DEMO_UNIT);
    });

    it(
      'says there is no forecast until peer values exist, then gives ' + 'the rank, the gaps to 2nd and 1st and the next improvements',
      async () => {
        const leader = await h.as('leader');
        expect((await leader.get('/api/v1/supervision/cockpit')).json().rankGoal).toBeNull();

        // Supplied topic scores, except the focus city's innovation topic, which is computed from its
        // single linear component (R&D intensity, bounds 0.3 → 3.0): 0.84 % scores 20.
        // Overall scores (equal weights): 1503 = 90, 1502 = 72, focus 1501 = (4 × 80 + 20) / 5 = 68, 1504 = 50.
        const supplied = (peer: string, score: number) => TOPICS.map((topic) => ({ peer, topic, value: score }));
        const rows = [
          ...supplied('1503', 90),
          ...supplied('1502', 72),
          ...supplied('1504', 50),
          ...TOPICS.slice(0, 4).map((topic) => ({ peer: '1501', topic, value: 80 })),
          { peer: '1501', topic: 'inclusive_innovation', component: 'innov_rd', value: 0.84 },
        ];
        const imported = await (
          await h.as('office')
        ).post('/api/v1/indicators/peers/import', { method: 'regional-demo', period: '2024', synthetic: true, source: '测试', rows });
        expect(imported.statusCode).toBe(200);

        const goal = (await leader.get('/api/v1/supervision/cockpit')).json().rankGoal;
        expect(goal).toMatchObject({ period: '2024', synthetic: true, rank: 3, peers: 4, score: 68, gapTo2: 4, gapTo1: 22, goalRank: 2 });
        expect(goal.first.score).toBe(90);
        // Reaching 2nd needs 4 overall points = 20 component points (a fifth of the overall) = 0.54 % more R&D intensity.
        expect(goal.improvements).toHaveLength(1);
        expect(goal.improvements[0].name.zh).toBe('研发经费投入强度');
        expect(goal.improvements[0].unit).toEqual({ zh: '%', en: '%' });
        expect(goal.improvements[0].from).toBe(0.84);
        expect(goal.improvements[0].to).toBeCloseTo(1.38, 4);
        expect(goal.improvements[0].gain).toBeCloseTo(4, 4);
      },
    );

    it('counts each list’s items as closed, on time or overdue, and the same per lead unit', async () => {
      const listId = await makeList(h, 'task');
      await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-03' });
      await makeItem(h, { listId, lead: [unitA], deadline: '2026-06-30' });
      const done = await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-03' });
      await closeItem(h, done.id, DEMO_PAIR);
      setChinaTime(h, '2026-03-10');
      const c = (await (await h.as('leader')).get('/api/v1/supervision/cockpit')).json();
      const list = c.byList.find((l: { listId: number }) => l.listId === listId);
      expect(list).toMatchObject({ total: 3, closed: 1, onTime: 1, overdue: 1 });
      // The closed item was due on the 3rd too: closed counts as closed, never as overdue.
      expect(c.byUnit.find((u: { unit: { id: number } }) => u.unit.id === unitA)).toMatchObject({
        assigned: 3,
        closed: 1,
        onTime: 1,
        overdue: 1,
      });
    });

    it('counts open escalations once per item at the highest step reached, and notices awaiting a reply', async () => {
      const office = await h.as('office');
      const before = (await (await h.as('leader')).get('/api/v1/supervision/cockpit')).json().escalation;
      const listId = await makeList(h, 'problem');
      const item = await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-11' });
      // Ten working days after the deadline the ladder has fired its reminder and at least the notice.
      for (const d of ['2026-03-10', '2026-03-12', '2026-03-16', '2026-03-20', '2026-03-26']) {
        expect((await office.post('/api/v1/supervision/escalation/run', { date: d })).statusCode).toBe(200);
      }
      setChinaTime(h, '2026-03-26');
      const notices = (await office.get(`/api/v1/supervision/notices?itemId=${item.id}&pageSize=50`)).json();
      const kinds: string[] = (notices.items ?? notices).map((n: { kind: string }) => n.kind);
      expect(kinds.length).toBeGreaterThanOrEqual(2);
      const esc = (await (await h.as('leader')).get('/api/v1/supervision/cockpit')).json().escalation;
      expect(esc.open).toBeGreaterThanOrEqual(before.open + 1);
      const order = ['reminder', 'notice', 'bulletin', 'summons'];
      const top = order[Math.max(...kinds.map((k) => order.indexOf(k)))];
      expect(esc.byStep[top]).toBeGreaterThanOrEqual(1);
      expect(Object.values(esc.byStep as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(esc.open);
      if (kinds.includes('notice')) expect(esc.awaitingReply).toBeGreaterThanOrEqual(1);
    });

    it('reads 免申即享 through the policies module: matched, notified and amounts agree with the results list', async () => {
      await seedDemoPolicies(h.ctx, { enterprises: 30 });
      const office = await h.as('office');
      const all = (await office.get('/api/v1/policies/results?status=matched&pageSize=100')).json();
      expect(all.total).toBeGreaterThan(1);
      for (const r of all.items.slice(0, 2)) {
        expect((await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'notify', version: r.version })).statusCode).toBe(
          200,
        );
      }
      const g = (await (await h.as('leader')).get('/api/v1/supervision/cockpit')).json().autoGrant;
      expect(g).toMatchObject({ matched: all.total, notified: 2, paid: 0, amountPaid: 0 });
      const due = all.items.reduce((s: number, r: { amount: number | null }) => s + (r.amount ?? 0), 0);
      expect(g.amountDue).toBeCloseTo(due, 2);
    });

    it('shows the demand desk’s month and its 12-month trend through the demands module', async () => {
      const cockpit = async () => (await (await h.as('leader')).get('/api/v1/supervision/cockpit')).json().demands;
      // The demo seed takes in a few open tickets today: none closed or rated yet.
      const before = await cockpit();
      expect(before).toMatchObject({ month: '2026-03', closed: 0, onTimeRate: null, satisfactionRate: null, reopenRate: null });
      expect(before.trend.every((t: { onTimeRate: number | null }) => t.onTimeRate === null)).toBe(true);
      // March (the clock's month): 3 tickets, 2 dispatched and signed in time of 3, 2 closed (1 in time),
      // rated 5 and 2 (the 2 reopened). January: 1 closed in time, rated 4. March 2025 is outside the 12 months.
      for (const t of [
        { unit: unitA, month: '2026-03', closedOnTime: 1, rating: 5 },
        { unit: unitA, month: '2026-03', closedOnTime: 0, rating: 2, reopened: true },
        { unit: unitA, month: '2026-03', signedOnTime: 0, closedOnTime: null },
        { unit: unitA, month: '2026-01', closedOnTime: 1, rating: 4 },
        { unit: unitA, month: '2025-03', closedOnTime: 0, rating: 1 },
      ])
        await insertTicket(h, t);
      const d = await cockpit();
      // Hand-computed over the closed and rated tickets (all ours): on time 1/2 = 50%, satisfied 1/2 = 50%, reopened 1/2 = 50%.
      expect(d).toMatchObject({ received: before.received + 3, closed: 2, onTimeRate: 50, satisfactionRate: 50, reopenRate: 50 });
      expect(d.trend.map((t: { month: string }) => t.month)).toEqual([
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ]);
      expect(d.trend.slice(9)).toEqual([
        { month: '2026-01', onTimeRate: 100, satisfactionRate: 100 },
        { month: '2026-02', onTimeRate: null, satisfactionRate: null },
        { month: '2026-03', onTimeRate: 50, satisfactionRate: 50 },
      ]);
      expect(d.trend[0]).toEqual({ month: '2025-04', onTimeRate: null, satisfactionRate: null });
    });
  },
  { config: { sessionHours: 24 * 30 } },
);
