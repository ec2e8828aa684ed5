import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_PAIR, closeItem, setChinaTime } from '../supervision/supervision.fixtures.js';
import { DEMO_UNIT, makeItem, makeList, unitId } from './worklists.fixtures.js';

describeEachDialect(
  'a closed item keeps showing that it closed late',
  (h) => {
    let unitA: number;

    beforeAll(async () => {
      setChinaTime(h, '2026-03-02');
      unitA = await unitId(h, DEMO_UNIT);
    });

    it('counts the working days from the deadline to the day it closed, on the item and in the list', async () => {
      const listId = await makeList(h, 'task');
      const late = await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-03' });
      const inTime = await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-31' });
      // Tuesday 3 March → Tuesday 10 March: the 4th, 5th, 6th, 9th and 10th are working days.
      setChinaTime(h, '2026-03-10');
      await closeItem(h, late.id, DEMO_PAIR);
      await closeItem(h, inTime.id, DEMO_PAIR);
      const office = await h.as('office');
      const one = (await office.get(`/api/v1/items/${late.id}`)).json();
      expect(one).toMatchObject({ status: 'closed', overdue: false, closedLateWorkdays: 5 });
      expect(one.closedAt).toMatch(/^2026-03-10T/);
      const list = (await office.get(`/api/v1/items?listId=${listId}`)).json();
      const byId = new Map(list.items.map((i: { id: number; closedLateWorkdays: number }) => [i.id, i.closedLateWorkdays]));
      expect(byId.get(late.id)).toBe(5);
      expect(byId.get(inTime.id)).toBe(0);
    });
  },
  { config: { sessionHours: 24 * 30 } },
);
