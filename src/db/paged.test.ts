import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test/harness.js';
import { paged } from './paged.js';

describeEachDialect(
  'paged',
  (h) => {
    let all: number[];
    // Units with a join and a filter, ordered: what a repository's list query looks like.
    const query = () =>
      h.ctx.db
        .selectFrom('unit as u')
        .leftJoin('unit as p', 'p.id', 'u.parent_id')
        .select(['u.id', 'u.name', 'p.name as parent_name'])
        .where('u.status', '=', 'active')
        .orderBy('u.id', 'desc');

    beforeAll(async () => {
      all = (await query().execute()).map((r) => r.id);
    });

    it('returns one page in the query order with the total of the whole list, by page or by window', async () => {
      expect(all.length).toBeGreaterThan(5);
      const first = await paged(query(), { page: 1, pageSize: 2 });
      expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 2));
      expect(first.total).toBe(all.length);
      const second = await paged(query(), { offset: 2, limit: 3 });
      expect(second.rows.map((r) => r.id)).toEqual(all.slice(2, 5));
      expect(second.total).toBe(all.length);
      expect(second.rows[0]).toHaveProperty('parent_name');
    });

    it('counts right on the last, a short, an empty and a past-the-end page, and without paging', async () => {
      const last = await paged(query(), { page: Math.ceil(all.length / 4), pageSize: 4 });
      expect(last.total).toBe(all.length);
      expect(last.rows.map((r) => r.id)).toEqual(all.slice(4 * (Math.ceil(all.length / 4) - 1)));
      expect(await paged(query(), { page: 1, pageSize: all.length + 10 })).toMatchObject({ total: all.length });
      expect(await paged(query(), { page: 1000, pageSize: 10 })).toEqual({ rows: [], total: all.length });
      expect(await paged(query().where('u.name', '=', '不存在的单位'), { page: 1, pageSize: 10 })).toEqual({ rows: [], total: 0 });
      expect(await paged(query().where('u.name', '=', '不存在的单位'), { page: 3, pageSize: 10 })).toEqual({ rows: [], total: 0 });
      const everything = await paged(query());
      expect(everything.rows.map((r) => r.id)).toEqual(all);
      expect(everything.total).toBe(all.length);
    });
  },
  { demo: false },
);
