import { expect, it } from 'vitest';
import { withTransaction } from '../../db/database.js';
import { describeEachDialect } from '../../test/harness.js';
import * as repo from './procurement.repository.js';

/** The buyer- and procuring-entity-level red flags as stored by an OCDS import, listed by role. */

const flag = (group: string, id: string) => ({
  code: 'R038',
  why: `示例：${id} 的投标被取消资格比例偏高`,
  whyEn: `Example: a high share of ${id}'s bids disqualified`,
  inputs: { group, id, value: 0.5 },
  threshold: 0.5,
});

describeEachDialect('procurement party flags', (h) => {
  it('lists buyers and procuring entities with why, inputs and threshold, not tenderers', async () => {
    await withTransaction(h.ctx.db, async (trx) => {
      const importId = await repo.insertImport(trx, {
        filename: 'release.jsonl',
        format: 'ocds',
        tenders: 0,
        bids: 0,
        suspect: 0,
        created_by: null,
        created_at: h.now.toISOString(),
      });
      await repo.replacePartyFlags(
        trx,
        importId,
        [
          {
            partyId: 'BUYER-1',
            name: '（演示）某市示例采购中心',
            flagsJson: JSON.stringify([flag('Buyer', 'BUYER-1'), flag('ProcuringEntity', 'BUYER-1')]),
          },
          { partyId: 'PE-1', flagsJson: JSON.stringify([flag('ProcuringEntity', 'PE-1')]) },
          { partyId: 'T-1', flagsJson: JSON.stringify([flag('Tenderer', 'T-1')]) },
        ],
        h.now.toISOString(),
      );
    });
    const leader = await h.as('leader');
    const all = (await leader.get('/api/v1/procurement/parties/flags')).json();
    expect(all.items.map((i: { partyId: string; role: string }) => `${i.partyId}:${i.role}`)).toEqual([
      'BUYER-1:Buyer',
      'BUYER-1:ProcuringEntity',
      'PE-1:ProcuringEntity',
    ]);
    // the name the OCDS file gave, or null where it gave none (the page then shows the id)
    expect(all.items.map((i: { name: string | null }) => i.name)).toEqual(['（演示）某市示例采购中心', '（演示）某市示例采购中心', null]);
    expect(all.items[0].flags[0]).toMatchObject({ code: 'R038', inputs: { value: 0.5 }, threshold: 0.5 });
    const buyers = (await leader.get('/api/v1/procurement/parties/flags?role=Buyer')).json();
    expect(buyers.items.map((i: { partyId: string }) => i.partyId)).toEqual(['BUYER-1']);
    const one = (await leader.get('/api/v1/procurement/parties/flags?party=PE-1')).json();
    expect(one.items).toHaveLength(1);
  });
});
