import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { addClientKey, revokeClientKey } from './open311.service.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('Open311 GeoReport v2', (h) => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (body: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: body, headers: { ...FORM, ...headers } });
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  it('lists the services and their attributes in the spec’s shape', async () => {
    const list = (await get('/open311/v2/services.json')).json();
    const start = list.find((s: { service_name: string }) => s.service_name === '开办企业');
    expect(start).toMatchObject({ metadata: true, type: 'realtime', group: '企业诉求' });
    expect(typeof start.service_code).toBe('string');
    // children of the subject tree are not services of their own
    expect(list.some((s: { service_name: string }) => s.service_name === '设立登记')).toBe(false);
    const def = (await get(`/open311/v2/services/${start.service_code}.json`)).json();
    expect(def.service_code).toBe(start.service_code);
    expect(def.attributes[0]).toMatchObject({ code: 'demand_type', datatype: 'singlevaluelist', required: true, variable: true, order: 1 });
    expect(def.attributes[0].values).toContainEqual({ key: 'complaint', name: '投诉' });
    const missing = await get('/open311/v2/services/99999.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_code 99999 not found' }]);
  });

  it('takes a form-encoded request with a key, ignores unknown parameters, and follows it as open then closed', async () => {
    const { key } = await addClientKey(h.ctx, '12345平台');
    const code = (await get('/open311/v2/services.json'))
      .json()
      .find((s: { service_name: string }) => s.service_name === '纳税').service_code;
    const fields = {
      api_key: key,
      service_code: code,
      address_string: '赛罕区敕勒川大街 1 号',
      'attribute[demand_type]': 'help',
      description: '电子税务局无法开具发票',
      phone: '13712345678',
      jurisdiction_id: 'hohhot',
      frobnicate: 'yes',
    };
    const noKey = await post(form({ ...fields, api_key: '' }));
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    expect((await post(form({ ...fields, api_key: 'wrong' }))).json()[0].code).toBe(403);
    const noPlace = await post(form({ api_key: key, service_code: code, 'attribute[demand_type]': 'help', description: 'x 无地址' }));
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()[0].description).toContain('location');

    const res = await post(form(fields), { 'idempotency-key': 'retry-1' });
    expect(res.statusCode).toBe(200);
    const [created] = res.json();
    expect(created).toMatchObject({ service_notice: '已派至国家税务总局呼和浩特市税务局', account_id: null });
    // a client retry with the same key answers with the same request
    expect((await post(form(fields), { 'idempotency-key': 'retry-1' })).json()[0].service_request_id).toBe(created.service_request_id);

    const [one] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    // 求助: 5 working days from Monday 2 March 2026 → Monday 9 March 17:30 China time
    expect(one).toMatchObject({
      status: 'open',
      service_code: code,
      agency_responsible: '国家税务总局呼和浩特市税务局',
      requested_datetime: '2026-03-02T02:00:00.000Z',
      expected_datetime: '2026-03-09T09:30:00.000Z',
      description: null,
    });
    expect(JSON.stringify(one)).not.toContain('13712345678');
    const open = (
      await get(`/open311/v2/requests.json?status=open&service_code=${code}&start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z`)
    ).json();
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created.service_request_id);
    expect((await get('/open311/v2/requests.json?start_date=yesterday')).json()[0].code).toBe(400);

    // the office closes it: the spec's state follows
    const office = await h.as('office');
    const tax = await office.get(`/api/v1/demands/${created.service_request_id}`);
    expect(tax.json().channel).toBe('open311');
    await h.ctx.db
      .updateTable('demand')
      .set({ status: 'closed', closed_at: h.now.toISOString() })
      .where('id', '=', Number(created.service_request_id))
      .execute();
    const closed = (await get(`/open311/v2/requests.json?service_request_id=${created.service_request_id},abc`)).json();
    expect(closed).toHaveLength(1);
    expect(closed[0].status).toBe('closed');

    const token = (
      await h.ctx.db
        .selectFrom('demand')
        .select('open311_token')
        .where('id', '=', Number(created.service_request_id))
        .executeTakeFirstOrThrow()
    ).open311_token!;
    expect((await get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([{ service_request_id: created.service_request_id, token }]);

    // every keyed request is audited with the client's name; a revoked key is refused
    const audits = await h.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('action', '=', 'open311.request')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits.every((a) => a.actor_name === 'Open311: 12345平台')).toBe(true);
    await revokeClientKey(h.ctx, '12345平台');
    expect((await post(form(fields))).statusCode).toBe(403);
  });

  it('answers a malformed credit code in the spec’s error format and creates nothing', async () => {
    const { key } = await addClientKey(h.ctx, '小程序');
    const code = (await get('/open311/v2/services.json')).json()[0].service_code;
    const before = (
      await h.ctx.db
        .selectFrom('demand')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const res = await post(
      form({
        api_key: key,
        service_code: code,
        lat: '40.8',
        long: '111.7',
        'attribute[demand_type]': 'consult',
        'attribute[uscc]': '123',
        description: '咨询开办流程',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].description).toContain('body.uscc');
    const after = (
      await h.ctx.db
        .selectFrom('demand')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(after)).toBe(Number(before));
  });
});
