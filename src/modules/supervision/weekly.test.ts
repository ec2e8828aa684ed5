import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { DEFAULT_SCORE, rankUnits, scoreOf } from './score.js';
import { DEMO_PAIR, closeItem, once, returnReport, reportUp, setChinaTime } from './supervision.fixtures.js';
import { emptyFigures } from './figures.js';

describe('the red/black-list score', () => {
  const unit = (id: number, f: Partial<ReturnType<typeof emptyFigures>>) => ({ id, figures: { ...emptyFigures(), assigned: 10, ...f } });
  it('follows the documented formula and keeps the two lists apart', () => {
    expect(scoreOf({ ...emptyFigures(), assigned: 4, closed: 3, overdue: 1, stale: 2, lateReports: 1, returns: 1 }, DEFAULT_SCORE)).toBe(
      75 - 5 - 4 - 1 - 1,
    );
    const units = [
      unit(1, { closed: 9 }),
      unit(2, { closed: 5, overdue: 1 }),
      unit(3, { closed: 5 }),
      unit(4, { closed: 1, stale: 3 }),
      unit(5, { closed: 2 }),
      unit(6, { assigned: 0 }),
      unit(7, { closed: 0, overdue: 4 }),
    ];
    const ranked = rankUnits(units, { ...DEFAULT_SCORE, redCount: 2, blackCount: 5 });
    expect(ranked.map((r) => [r.row.id, r.rank, r.board])).toEqual([
      [1, 1, 'red'],
      [3, 2, 'red'],
      [2, 3, null],
      [5, 4, null], // lower half, but nothing overdue or stale
      [4, 5, 'black'],
      [7, 6, 'black'],
    ]);
  });
});

describeEachDialect(
  'weekly supervision (周督查) and the red/black list',
  (h) => {
    let unitA: number;
    let b: { unitId: number; liaison: string; head: string };
    let items: Record<string, number>;

    // Four items (A leads two, B leads two, one of A's closed) on 2026-03-02/03.
    const assigned = once(async () => {
      setChinaTime(h, '2026-03-02');
      unitA = await unitId(h, DEMO_UNIT);
      b = await unitUsers(h, '市住建局', 'wk');
      const listId = await makeList(h, 'task');
      items = {
        a1: (await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-10' })).id,
        a2: (await makeItem(h, { listId, lead: [unitA], coop: [b.unitId], deadline: '2026-06-30' })).id,
        b1: (await makeItem(h, { listId, lead: [b.unitId], deadline: '2026-03-04' })).id,
        b2: (await makeItem(h, { listId, lead: [b.unitId], deadline: null, extra: { ongoing: true } })).id,
      };
      setChinaTime(h, '2026-03-03');
      await closeItem(h, items.a1, DEMO_PAIR);
    });
    // The snapshot of Monday 2026-03-09.
    const firstWeek = once(async () => {
      await assigned();
      setChinaTime(h, '2026-03-09', '08:00');
      return (await h.as('office')).post('/api/v1/supervision/weekly', {});
    });
    // B reports late and is returned; the snapshot of Monday 2026-03-23.
    const thirdWeek = once(async () => {
      await firstWeek();
      setChinaTime(h, '2026-03-18');
      const partial = await reportUp(h, items.b1, b, 40); // late: B1 was due 03-04
      await (await h.as('office')).post(`/api/v1/items/${items.b1}/reports/${partial}/accept`, {});
      await returnReport(h, items.b1, b);
      setChinaTime(h, '2026-03-23', '08:00');
      return (await (await h.as('office')).post('/api/v1/supervision/weekly', {})).json();
    });

    it('freezes per-unit figures on Monday, ranks by the documented score and names the red and black list', async () => {
      const res = await firstWeek();
      const office = await h.as('office');
      expect(res.statusCode).toBe(201);
      const s = res.json();
      expect(s).toMatchObject({ weekOf: '2026-03-09', period: { from: '2026-03-02', to: '2026-03-08' }, previousWeekOf: null });
      const rowA = s.rows.find((r: { unit: { id: number } }) => r.unit.id === unitA);
      const rowB = s.rows.find((r: { unit: { id: number } }) => r.unit.id === b.unitId);
      expect(rowA).toMatchObject({
        assigned: 2,
        closed: 1,
        inProgress: 0,
        overdue: 0,
        stale: 0,
        score: 50,
        rank: 1,
        board: 'red',
        change: null,
      });
      expect(rowB).toMatchObject({ assigned: 2, closed: 0, overdue: 1, stale: 0, score: -5, rank: 2, board: 'black' });
      expect(s.red.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([unitA]);
      expect(s.black.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([b.unitId]);
      expect(s.formula.zh).toContain('100 × 已销号数 / 牵头事项数');
      // Units without lead items are listed unranked.
      expect(s.rows.filter((r: { rank: number }) => r.rank === 0).length).toBeGreaterThan(50);

      // Taken once: the job's retry (or a second click) returns the frozen snapshot unchanged.
      setChinaTime(h, '2026-03-09', '08:00');
      const again = await office.post('/api/v1/supervision/weekly', {});
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(s.id);
    });

    it('counts stale items, late reports and returns, and shows the change since last week', async () => {
      const s = await thirdWeek();
      expect(s.previousWeekOf).toBe('2026-03-09');
      const rowA = s.rows.find((r: { unit: { id: number } }) => r.unit.id === unitA);
      const rowB = s.rows.find((r: { unit: { id: number } }) => r.unit.id === b.unitId);
      // A2 has had no report for 21 days; B1 was reported on 03-18, B2 never.
      expect(rowA).toMatchObject({ stale: 1, change: { stale: 1, closed: 0, score: -2, rank: 0 } });
      expect(rowB).toMatchObject({ overdue: 1, stale: 1, lateReports: 2, returns: 1, inProgress: 1 });
      expect(rowB.score).toBe(-5 - 2 - 2 - 1);
    });

    it('shows a liaison only their own unit’s row, and exports the snapshot to Excel', async () => {
      await thirdWeek();
      const mine = (await (await h.as(b.liaison)).get('/api/v1/supervision/weekly/latest')).json();
      expect(mine.rows.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([b.unitId]);
      expect(mine.red).toEqual([]);
      const leader = (await (await h.as('leader')).get('/api/v1/supervision/weekly/latest')).json();
      expect(leader.rows.length).toBeGreaterThan(50);
      expect((await (await h.as('enterprise')).get('/api/v1/supervision/weekly/latest')).statusCode).toBe(403);
      expect((await (await h.as('liaison')).post('/api/v1/supervision/weekly', {})).statusCode).toBe(403);

      const res = await (await h.as('office')).get(`/api/v1/supervision/weekly/${leader.id}/export.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('周督查-2026-03-23.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(2).values).toContain('得分');
      expect(sheet.getRow(3).getCell(2).value).toBe(leader.rows[0].unit.name);
      expect(wb.getWorksheet('红黑榜')!.getColumn(1).values).toContain('黑榜');

      const list = (await (await h.as('office')).get('/api/v1/supervision/weekly')).json();
      expect(list.map((x: { weekOf: string }) => x.weekOf)).toEqual(['2026-03-23', '2026-03-09']);
    });
  },
  // The clock moves three weeks in this file; sessions must outlive it.
  { config: { sessionHours: 24 * 30 } },
);
