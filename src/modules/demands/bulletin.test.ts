import { expect, it } from 'vitest';
import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import { describeEachDialect } from '../../test/harness.js';
import { listUnits } from '../org/index.js';
import { demandsBulletinSection } from './index.js';

interface Ticket {
  unit: number | null;
  month?: string;
  status?: string;
  dispatched?: boolean;
  signedOnTime?: number;
  closedOnTime?: number | null;
  firstContact?: number;
  rating?: number | null;
  reopened?: boolean;
}

describeEachDialect('demands: the monthly bulletin section', (h) => {
  it('gives a past month’s figures and the units with the lowest on-time rate', async () => {
    const [a, b, c] = (await listUnits(h.ctx.db)).slice(0, 3);
    const subject = await h.ctx.db.selectFrom('demand_subject').select('id').executeTakeFirstOrThrow();
    const at = '2025-11-10T02:00:00.000Z';
    const tickets: Ticket[] = [
      // Unit A: 4 tickets, signed in time 3, closed 4 of which 3 in time, rated 5 and 2 (the 2 reopened).
      { unit: a!.id, signedOnTime: 1, closedOnTime: 1, rating: 5 },
      { unit: a!.id, signedOnTime: 1, closedOnTime: 1, rating: 2, reopened: true },
      { unit: a!.id, signedOnTime: 1, closedOnTime: 1 },
      { unit: a!.id, signedOnTime: 0, closedOnTime: 0 },
      // Unit B: 2 tickets, both signed in time, closed 2 of which 1 in time, rated 4; a merged one does not count.
      { unit: b!.id, signedOnTime: 1, closedOnTime: 1, rating: 4 },
      { unit: b!.id, signedOnTime: 1, closedOnTime: 0 },
      { unit: b!.id, signedOnTime: 1, closedOnTime: 1, status: 'merged' },
      // Unit C: 1 ticket signed in time, still open: no on-time rate, so not in the table.
      { unit: c!.id, signedOnTime: 1, closedOnTime: null },
      // Closed at first contact without dispatch, rated 5.
      { unit: null, dispatched: false, closedOnTime: 1, firstContact: 1, rating: 5 },
      // October: not in November's figures.
      { unit: a!.id, month: '2025-10', signedOnTime: 0, closedOnTime: 0, rating: 1 },
    ];
    let n = 0;
    for (const t of tickets) {
      const dispatched = t.dispatched ?? true;
      const closed = t.closedOnTime !== null && t.closedOnTime !== undefined;
      await h.ctx.db
        .insertInto('demand')
        .values({
          code: `BT-${++n}`,
          channel: 'seat',
          type: 'consult',
          subject_id: subject.id,
          description: '示例诉求',
          status: t.status ?? (closed ? 'closed' : 'handling'),
          unit_id: t.unit,
          month: t.month ?? '2025-11',
          received_at: at,
          dispatched_at: dispatched ? at : null,
          signed_at: dispatched ? at : null,
          signed_on_time: dispatched ? (t.signedOnTime ?? 1) : null,
          closed_at: closed ? at : null,
          closed_on_time: closed ? t.closedOnTime! : null,
          first_contact: t.firstContact ?? 0,
          reopen_count: t.reopened ? 1 : 0,
          rating: t.rating ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const blocks = await demandsBulletinSection(h.ctx, '2025-11');
    // Hand-computed: 8 tickets, 7 closed; signed 6/7 dispatched = 85.7%; on time 5/7 = 71.4%;
    // first contact 1/8 = 12.5%; satisfied (5, 4, 5) 3/4 rated = 75%; reopened 1/4 = 25%.
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      indent: true,
      text: '本月受理企业诉求8件，已办结7件。签收率85.7%，按时办结率71.4%，一次办结率12.5%，满意率75%，重办率25%。',
    });
    const table = blocks.find((x): x is Extract<BulletinSectionBlock, { type: 'table' }> => x.type === 'table')!;
    // B 1/2 = 50% (satisfied 1/1), then A 3/4 = 75% (satisfied 1/2); C has nothing closed.
    expect(table.rows).toEqual([
      [b!.name, 2, '50%', '100%'],
      [a!.name, 4, '75%', '50%'],
    ]);
    expect(await demandsBulletinSection(h.ctx, '2025-09')).toEqual([]);
  });
});
