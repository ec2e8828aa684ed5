import { expect, it } from 'vitest';
import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import { describeEachDialect } from '../../test/harness.js';
import { listUnits } from '../org/index.js';
import { type Ticket, insertTicket } from './demands.fixtures.js';
import { demandsBulletinSection } from './index.js';

describeEachDialect('demands: the monthly bulletin section', (h) => {
  it('gives a past month’s figures and the units with the lowest on-time rate', async () => {
    const [a, b, c] = (await listUnits(h.ctx.db)).slice(0, 3);
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
    for (const t of tickets) await insertTicket(h, t);
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
