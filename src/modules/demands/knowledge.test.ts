import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';

describeEachDialect('demand desk knowledge base linked to the service catalogue', (h) => {
  /** A synthetic service of the catalogue, added the way the office adds one. */
  async function aService(code: string): Promise<number> {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; kind: string }[];
    const body = {
      code,
      name: '测试事项（知识库）',
      level: 'city',
      unitId: units.find((u) => u.kind === 'department')!.id,
      type: 'licence',
      legalDays: 5,
      promisedDays: 2,
      validFrom: '2026-01-05',
    };
    expect((await office.post('/api/v1/services/catalogue', body)).statusCode).toBe(201);
    const rows = await h.ctx.db.selectFrom('service_item').select('id').where('code', '=', code).execute();
    return rows[0]!.id;
  }
  const answer = { question: '测试：食品经营许可怎么办？', answer: '可在政务服务网在线申请，示例答复。', keywords: '测试许可' };

  it('links an answer to a service: the seat finds it with the service code and name; edit and remove are audited', async () => {
    const office = await h.as('office');
    const serviceId = await aService('T-KB-1');
    const added = (await office.post('/api/v1/demands/knowledge', { ...answer, serviceId })).json();
    expect(added.service).toEqual({ id: serviceId, code: 'T-KB-1', name: '测试事项（知识库）' });

    const seat = await h.as('specialist');
    const found = (await seat.get('/api/v1/demands/knowledge?q=测试许可')).json();
    expect(found).toEqual([added]);

    const edited = await office.request('PUT', `/api/v1/demands/knowledge/${added.id}`, {
      ...answer,
      answer: '改：到大厅窗口办理。',
      serviceId: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: added.id, answer: '改：到大厅窗口办理。', service: null });

    expect((await office.request('DELETE', `/api/v1/demands/knowledge/${added.id}`)).statusCode).toBe(200);
    expect((await seat.get('/api/v1/demands/knowledge?q=测试许可')).json()).toEqual([]);
    const actions = (await h.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'demand_knowledge').execute()).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['demands.knowledge.add', 'demands.knowledge.edit', 'demands.knowledge.remove']);
  });

  it('refuses an unknown service with a located Chinese message and changes nothing', async () => {
    const office = await h.as('office');
    const added = (await office.post('/api/v1/demands/knowledge', answer)).json();
    const bad = await office.request('PUT', `/api/v1/demands/knowledge/${added.id}`, { ...answer, answer: '不应保存', serviceId: 999999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'body.serviceId', message: expect.stringContaining('政务服务事项不存在') });
    expect((await office.post('/api/v1/demands/knowledge', { ...answer, serviceId: 999999 })).statusCode).toBe(400);
    expect((await office.get('/api/v1/demands/knowledge?q=测试许可')).json()).toEqual([added]);
    expect((await office.request('DELETE', '/api/v1/demands/knowledge/999999')).statusCode).toBe(404);
    expect((await (await h.as('specialist')).request('DELETE', `/api/v1/demands/knowledge/${added.id}`)).statusCode).toBe(403);
  });
});
