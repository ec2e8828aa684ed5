import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { addClientKey } from './open311.service.js';
import { escapeXml, toXml } from './open311.xml.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

it('escapes markup and drops characters XML 1.0 forbids', () => {
  expect(escapeXml(`a<b>&"c"'d'\u0001\uD800e`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;e');
  expect(toXml('errors', [{ code: 400, description: 'x < y' }])).toBe(
    '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>x &lt; y</description></error></errors>',
  );
});

describeEachDialect('Open311 GeoReport v2 as XML', (h) => {
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>) =>
    h.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: FORM });
  const taxCode = async () =>
    (await get('/open311/v2/services.json')).json().find((s: { service_name: string }) => s.service_name === '纳税').service_code as string;

  it('serves the services and a service definition in the spec’s elements', async () => {
    const list = await get('/open311/v2/services.xml');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/xml');
    const code = await taxCode();
    expect(list.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    expect(list.body).toContain(
      `<service><service_code>${code}</service_code><service_name>纳税</service_name>` +
        '<description>企业诉求：纳税</description><metadata>true</metadata><type>realtime</type>',
    );
    const def = (await get(`/open311/v2/services/${code}.xml`)).body;
    expect(def).toContain(`<service_definition><service_code>${code}</service_code><attributes><attribute><variable>true</variable>`);
    expect(def).toContain('<values><value><key>consult</key><name>咨询</name></value>');
    expect(def).toMatch(/<\/attribute><\/attributes><\/service_definition>$/);
  });

  it('takes a request as XML, lists it, finds it by id and by token, with the same data as JSON', async () => {
    const { key } = await addClientKey(h.ctx, '12345平台（XML）');
    const created = await post('/open311/v2/requests.xml', {
      api_key: key,
      service_code: await taxCode(),
      address_string: '赛罕区 <测试> 路 1 号 & 2 号',
      'attribute[demand_type]': 'help',
      description: '发票 <开具> 失败 & 无法申报（测试）',
    });
    expect(created.statusCode).toBe(200);
    const id = /<service_request_id>(\d+)<\/service_request_id>/.exec(created.body)![1]!;
    expect(created.body).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id>` +
        '<service_notice>已派至国家税务总局呼和浩特市税务局</service_notice><account_id/></request></service_requests>',
    );
    const audited = await h.ctx.db.selectFrom('audit_log').select('after_json').where('action', '=', 'open311.request').execute();
    expect(audited.some((a) => String(a.after_json).includes('/open311/v2/requests.xml'))).toBe(true);
    const one = (await get(`/open311/v2/requests/${id}.xml`)).body;
    const [json] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(one).toContain(`<request><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(one).toContain(`<expected_datetime>${json.expected_datetime}</expected_datetime>`);
    expect(one).toContain('<agency_responsible>国家税务总局呼和浩特市税务局</agency_responsible>');
    expect(one).toContain('<description/>');
    const list = (await get(`/open311/v2/requests.xml?service_request_id=${id}`)).body;
    expect(list).toMatch(new RegExp(`^<\\?xml[^>]*>\\n<service_requests><request><service_request_id>${id}<`));
    const token = (await h.ctx.db.selectFrom('demand').select('open311_token').where('id', '=', Number(id)).executeTakeFirstOrThrow())
      .open311_token!;
    expect((await get(`/open311/v2/tokens/${token}.xml`)).body).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`,
    );
  });

  it('answers errors as <errors><error> with the spec’s status codes, on every path', async () => {
    const noKey = await post('/open311/v2/requests.xml', { service_code: '1' });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.headers['content-type']).toContain('text/xml');
    expect(noKey.body).toContain('<errors><error><code>403</code><description>api_key is required</description></error></errors>');
    for (const [url, status] of [
      ['/open311/v2/services/99999.xml', 404],
      ['/open311/v2/requests/99999.xml', 404],
      ['/open311/v2/tokens/nope.xml', 404],
      ['/open311/v2/requests.xml?start_date=yesterday', 400],
      ['/open311/v2/nothing.xml', 404],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.body, url).toMatch(new RegExp(`<errors><error><code>${status}</code><description>[^<]+</description></error></errors>$`));
    }
    // a description carrying markup stays well formed
    const { key } = await addClientKey(h.ctx, '小程序（XML）');
    const bad = await post('/open311/v2/requests.xml', {
      api_key: key,
      service_code: await taxCode(),
      lat: '40.8',
      long: '111.7',
      'attribute[demand_type]': '<b>',
      description: '测试',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<description>attribute[demand_type] must be one of');
    expect(bad.body).not.toContain('<b>');
  });
});
