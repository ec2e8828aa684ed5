import { expect, it } from 'vitest';
import { listUnits } from '../org/index.js';
import { describeEachDialect } from '../../test/harness.js';

const APPROVAL_UNIT = '呼和浩特市行政审批和政务服务局';
const TAX_UNIT = '国家税务总局呼和浩特市税务局';

describeEachDialect('demand desk settings: routing rules and rating codes', (h) => {
  const unitId = async (name: string) => (await listUnits(h.ctx.db)).find((u) => u.name === name)!.id;

  it('edits a routing rule: new tickets go to the new unit, the edit is audited, bad input changes nothing', async () => {
    const office = await h.as('office');
    const subjects = (await office.get('/api/v1/demands/subjects')).json() as { id: number; name: string }[];
    const start = subjects.find((s) => s.name === '开办企业')!.id;
    const rule = (await office.get('/api/v1/demands/route-rules')).json().find((r: { subjectId: number }) => r.subjectId === start);
    expect(rule.unitName).toBe(APPROVAL_UNIT);
    // a ticket before the edit: intake has read (and, on SQLite, kept) the routing rules
    const before = (
      await office.post('/api/v1/demands', { type: 'help', subjectId: start, description: '新办企业银行开户预约（规则测试）' })
    ).json();
    expect(before.unitName).toBe(APPROVAL_UNIT);
    const tax = await unitId(TAX_UNIT);
    const bad = await office.request('PUT', `/api/v1/demands/route-rules/${rule.id}`, {
      subjectId: start,
      countyCode: null,
      unitId: 999999,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.unitId');
    expect((await office.get('/api/v1/demands/route-rules')).json()).toContainEqual(rule);

    const edited = await office.request('PUT', `/api/v1/demands/route-rules/${rule.id}`, {
      subjectId: start,
      countyCode: null,
      unitId: tax,
    });
    expect(edited.json()).toEqual({ ...rule, unitId: tax, unitName: TAX_UNIT });
    const ticket = (
      await office.post('/api/v1/demands', { type: 'help', subjectId: start, description: '新办企业刻章备案流程（规则测试）' })
    ).json();
    expect(ticket.unitName).toBe(TAX_UNIT);
    const audits = await h.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'demands.route.edit').execute();
    expect(audits).toHaveLength(1);
    expect((await (await h.as('liaison')).request('PUT', `/api/v1/demands/route-rules/${rule.id}`, {})).statusCode).toBe(403);

    // a change written by another process (here straight to the table) routes the next ticket too
    await h.ctx.db
      .updateTable('demand_route_rule')
      .set({ unit_id: await unitId(APPROVAL_UNIT) })
      .where('id', '=', rule.id)
      .execute();
    const after = (
      await office.post('/api/v1/demands', { type: 'help', subjectId: start, description: '新办企业社保登记（规则测试）' })
    ).json();
    expect(after.unitName).toBe(APPROVAL_UNIT);
  });

  it('deactivates a window’s rating code: it takes no more ratings, and the list says so', async () => {
    const office = await h.as('office');
    const created = (
      await office.post('/api/v1/demands/rating-codes', { kind: 'window', name: '综合窗口 9 号（测试）', unitId: await unitId(TAX_UNIT) })
    ).json();
    expect(created.active).toBe(true);
    const anon = h.anonymous();
    const rate = (level: number) => anon.post(`/api/v1/demands/public/rating-codes/${created.code}/ratings`, { level });
    expect((await rate(5)).statusCode).toBe(200);
    const retired = await office.post(`/api/v1/demands/rating-codes/${created.id}/retire`, {});
    expect(retired.json()).toMatchObject({ id: created.id, active: false });
    const refused = await rate(4);
    expect(refused.statusCode).toBe(410);
    expect(refused.json()).toMatchObject({ code: 'DEMAND_RATING_CODE_RETIRED', details: [{ path: 'params.code' }] });
    expect((await office.get('/api/v1/demands/rating-codes')).json()).toContainEqual({ ...created, active: false });
    expect((await office.post('/api/v1/demands/rating-codes/999999/retire', {})).statusCode).toBe(404);
  });
});
