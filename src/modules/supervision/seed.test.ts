import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';

describeEachDialect(
  'supervision demo seed',
  (h) => {
    it('opens with a spread of escalation steps, not a wall of 约谈, and an inbox a person can read', async () => {
      const office = await h.as('office');
      const notices = await h.ctx.db.selectFrom('supervision_notice').select(['item_id', 'unit_id', 'kind']).execute();
      const rank = { reminder: 1, notice: 2, bulletin: 3, summons: 4 } as Record<string, number>;
      const top = new Map<string, number>();
      for (const n of notices) top.set(`${n.item_id}:${n.unit_id}`, Math.max(top.get(`${n.item_id}:${n.unit_id}`) ?? 0, rank[n.kind]));
      const at = (step: number) => [...top.values()].filter((s) => s === step).length;
      // Every step is represented, and the items summoned are a minority of those under supervision.
      for (const step of [1, 2, 3, 4]) expect(at(step), `step ${step}`).toBeGreaterThan(0);
      expect(at(4)).toBeLessThan(top.size / 3);
      const overdue = (await office.get('/api/v1/items?overdue=true&pageSize=1')).json().total;
      expect(overdue).toBeLessThan(80);
      for (const who of ['office', 'liaison', 'unit_head']) {
        const inbox = (await (await h.as(who)).get('/api/v1/notifications?pageSize=1')).json();
        expect(inbox.unread, who).toBeLessThan(99);
      }
    });
  },
  { demo: 'full' },
);
