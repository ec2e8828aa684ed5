import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { usccCheckChar } from '../policies/uscc.js';

/** A well-formed USCC of a Hohhot (150105) limited company (synthetic body, real check character). */
function uscc(body: string): string {
  const first17 = `91150105${body}`;
  return first17 + usccCheckChar(first17);
}

describeEachDialect('visits and the tickets of their needs', (h) => {
  const subjects = async () =>
    new Map(
      ((await (await h.as('office')).get('/api/v1/demands/subjects')).json() as { id: number; name: string }[]).map((s) => [s.name, s.id]),
    );
  const rows = async (table: 'demand' | 'demand_visit') =>
    Number(
      (
        await h.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses the whole visit when one need is refused, naming that need', async () => {
    const specialist = await h.as('specialist');
    const s = await subjects();
    const before = { demands: await rows('demand'), visits: await rows('demand_visit') };
    const res = await specialist.post('/api/v1/demands/visits', {
      uscc: uscc('MA0N0TR01'),
      kind: 'specialist',
      visitedOn: '2026-03-02',
      notes: '走访了解企业用地情况（测试）',
      needs: [
        { type: 'help', subjectId: s.get('融资'), description: '希望了解贴息贷款申请条件（测试）' },
        { type: 'suggestion', subjectId: 999999, description: '建议简化用地审批材料（测试）' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: 'body.needs.1.subjectId', message: expect.stringMatching(/^第 2 条需求：业务事项不存在/) },
    ]);
    expect({ demands: await rows('demand'), visits: await rows('demand_visit') }).toEqual(before);
  });

  it('records a leader visit and all its needs as tickets of the leader channel', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const res = await office.post('/api/v1/demands/visits', {
      uscc: uscc('MA0N0TR02'),
      kind: 'leader',
      visitedOn: '2026-03-02',
      notes: '领导走访（测试）',
      needs: [
        { type: 'help', subjectId: s.get('融资'), description: '希望协调首贷续贷（测试）' },
        { type: 'consult', subjectId: s.get('纳税'), description: '研发费用加计扣除口径（测试）' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const { ticketIds } = res.json() as { ticketIds: number[] };
    expect(ticketIds).toHaveLength(2);
    for (const id of ticketIds) expect((await office.get(`/api/v1/demands/${id}`)).json()).toMatchObject({ channel: 'leader_visit' });
  });
});
