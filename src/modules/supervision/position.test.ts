import { beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { DEMO_PAIR, closeItem, setChinaTime } from './supervision.fixtures.js';

describeEachDialect("a unit's own place on the weekly red/black list", (h) => {
  let unitA: number;
  let b: { unitId: number; liaison: string; head: string };

  // Sessions lapse after 12 idle hours and the clock jumps by days here: log in afresh after each jump.
  const as = (username: string) => login(h.app, username, TEST_PASSWORD);

  beforeAll(async () => {
    setChinaTime(h, '2026-03-03');
    unitA = await unitId(h, DEMO_UNIT);
    b = await unitUsers(h, '市住建局', 'pos');
    const listId = await makeList(h, 'task');
    const a1 = (await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-10' })).id;
    await makeItem(h, { listId, lead: [unitA], deadline: '2026-06-30' });
    await makeItem(h, { listId, lead: [b.unitId], deadline: '2026-03-04' });
    await makeItem(h, { listId, lead: [b.unitId], deadline: '2026-06-30' });
    await closeItem(h, a1, DEMO_PAIR);
  });

  it('says there is no position before the first weekly snapshot', async () => {
    const res = await (await as('liaison')).get('/api/v1/supervision/weekly/my-unit');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ position: null });
  });

  it('gives each unit role its own rank, score and board, and nobody else this view', async () => {
    setChinaTime(h, '2026-03-09', '08:00');
    expect((await (await as('office')).post('/api/v1/supervision/weekly', {})).statusCode).toBe(201);
    // A: 1 of 2 closed → 100 × 1/2 = 50, first, red list. B: nothing closed, one overdue → 0 − 5 = −5, second, black list.
    const a = (await (await as('liaison')).get('/api/v1/supervision/weekly/my-unit')).json();
    expect(a.position).toMatchObject({ weekOf: '2026-03-09', unit: { id: unitA }, rank: 1, rankedUnits: 2, score: 50, board: 'red' });
    expect(a.position.change).toBeNull();
    const headA = (await (await as('unit_head')).get('/api/v1/supervision/weekly/my-unit')).json();
    expect(headA.position).toMatchObject({ unit: { id: unitA }, rank: 1 });
    const bView = (await (await as(b.head)).get('/api/v1/supervision/weekly/my-unit')).json();
    expect(bView.position).toMatchObject({ unit: { id: b.unitId }, rank: 2, rankedUnits: 2, score: -5, board: 'black' });
    for (const role of ['office', 'leader', 'admin', 'specialist', 'enterprise']) {
      expect((await (await as(role)).get('/api/v1/supervision/weekly/my-unit')).statusCode, role).toBe(403);
    }
  });
});
