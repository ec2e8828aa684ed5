import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_LISTS, seedDemoWorklists } from './seed.js';

describeEachDialect(
  'worklists demo seed',
  (h) => {
    it('holds the reference counts, spread over the units, with every step of the life cycle represented', async () => {
      const office = await h.as('office');
      const lists = (await office.get('/api/v1/worklists')).json() as { name: string; kind: string; itemCount: number }[];
      const count = (kind: string) => lists.find((l) => l.name === DEMO_LISTS[kind as keyof typeof DEMO_LISTS])!.itemCount;
      expect([count('task'), count('problem'), count('improvement')]).toEqual([382, 214, 256]);
      expect(count('question')).toBeGreaterThan(100);
      expect(count('case')).toBeGreaterThan(20);
      const leads = await h.ctx.db
        .selectFrom('item_assignment as a')
        .innerJoin('item as i', 'i.id', 'a.item_id')
        .select(['i.kind', 'a.unit_id'])
        .where('a.role', '=', 'lead')
        .distinct()
        .execute();
      expect(new Set(leads.filter((l) => l.kind === 'task').map((l) => l.unit_id)).size).toBe(15);
      expect(new Set(leads.filter((l) => l.kind === 'problem').map((l) => l.unit_id)).size).toBe(24);
      for (const status of ['not_started', 'in_progress', 'submitted', 'under_review', 'returned', 'closed']) {
        expect((await office.get(`/api/v1/items?status=${status}&pageSize=1`)).json().total, status).toBeGreaterThan(0);
      }
      expect((await office.get('/api/v1/items?overdue=true&pageSize=1')).json().total).toBeGreaterThan(0);
      // An item awaiting its unit head shows the percent of the report that waits, not 0 %.
      const waiting = (await office.get('/api/v1/items?status=submitted&pageSize=5')).json().items as { id: number; percent: number }[];
      expect(waiting.every((i) => i.percent > 0)).toBe(true);
      const detail = (await office.get(`/api/v1/items/${waiting[0].id}`)).json() as {
        percent: number;
        reports: { status: string; percent: number }[];
      };
      expect(detail.reports.find((r) => r.status === 'pending_head')?.percent).toBe(detail.percent);
      const board = (await office.get('/api/v1/items/case-board')).json();
      expect(board.columns.every((c: { items: unknown[] }) => c.items.length > 0)).toBe(true);
      // The demo liaison's unit has work waiting at each step.
      const todo = (await (await h.as('unit_head')).get('/api/v1/items/todo')).json();
      expect(todo.toApprove.length).toBeGreaterThan(0);
      expect(todo.toReport.some((i: { status: string }) => i.status === 'returned')).toBe(true);
      expect((await h.ctx.db.selectFrom('item_extension').select('status').distinct().execute()).length).toBe(3);
      // Demo text is marked as synthetic, and a second run adds nothing.
      expect(Object.values(DEMO_LISTS).every((name) => name.includes('演示'))).toBe(true);
      expect(await seedDemoWorklists(h.ctx)).toEqual({ added: 0 });
    });
  },
  { demo: 'full' },
);
