import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from './client.js';

// The typed client's own behaviour (what web/src/api.ts did by hand before): the session's CSRF
// token on writes only, coded bilingual errors thrown as ApiError, a lost session announced, and
// every write (but a compute-only POST) refreshing the cached server data. The browser's fetch is
// replaced by a recorder; openapi-fetch takes fetch and Request when the client is created, so the
// module is imported after they are stubbed.

const fetchMock = vi.fn<(req: Request) => Promise<Response>>();
let api: typeof ClientModule;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  // In the browser paths are relative to the page; here they need an origin.
  class PageRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://bizenv.test${input}` : input, init);
    }
  }
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', fetchMock);
  api = await import('./client.js');
});

afterEach(() => {
  fetchMock.mockReset();
  api.setCsrfToken('');
  api.queryClient.clear();
});

describe('web API client', () => {
  it('sends the CSRF token with writes only, and the session cookie with every call', async () => {
    fetchMock.mockImplementation(async () => json(200, { unread: 3 }));
    api.setCsrfToken('tok-123');
    const count = await api.ok(api.client.GET('/api/v1/notifications/unread-count'));
    expect(count).toEqual({ unread: 3 });
    await api.client.POST('/api/v1/notifications/read', { body: { ids: [1, 2] } });

    const [read, write] = fetchMock.mock.calls.map(([r]) => r);
    expect(read.headers.get('x-csrf-token')).toBeNull();
    expect(write.headers.get('x-csrf-token')).toBe('tok-123');
    expect(write.headers.get('content-type')).toBe('application/json');
    expect(await write.json()).toEqual({ ids: [1, 2] });
    for (const r of [read, write]) expect(r.credentials).toBe('same-origin');
    expect(new URL(read.url).pathname).toBe('/api/v1/notifications/unread-count');
  });

  it('writes the query string without empty filters and with ids as the server reads them', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [], total: 0, page: 2, pageSize: 20 }));
    await api.client.GET('/api/v1/audit', { params: { query: { actorId: '7', entity: '', action: undefined, page: 2, pageSize: 20 } } });
    expect(new URL(fetchMock.mock.calls[0][0].url).search).toBe('?actorId=7&page=2&pageSize=20');
    expect(api.apiUrl('/api/v1/items/{id}/evidence/{evidenceId}', { path: { id: 4, evidenceId: 9 } })).toBe('/api/v1/items/4/evidence/9');
    expect(api.apiUrl('/api/v1/policies/results/export', { query: { status: undefined } })).toBe('/api/v1/policies/results/export');
  });

  it('throws the server’s coded, bilingual, located error as ApiError', async () => {
    const details = [{ path: 'body.name', message: '名称已存在 / the name is taken' }];
    fetchMock.mockResolvedValue(json(409, { code: 'CONFLICT', message: '冲突', messages: { zh: '冲突', en: 'Conflict' }, details }));
    const err = await api.client.POST('/api/v1/units', { body: { name: '市发改委', kind: 'department' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    const e = err as ClientModule.ApiError;
    expect([e.status, e.code, e.text('zh-CN'), e.text('en')]).toEqual([409, 'CONFLICT', '冲突', 'Conflict']);
    expect(e.fieldErrors('en').get('name')).toEqual(['the name is taken']);
  });

  it('answers a failure without a JSON body with the status, and a lost connection as NETWORK', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const gateway = (await api.client.GET('/api/v1/units').catch((e: unknown) => e)) as ClientModule.ApiError;
    expect([gateway.status, gateway.code, gateway.text('zh-CN')]).toEqual([502, 'INTERNAL', '请求失败（502）']);

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const offline = (await api.client.GET('/api/v1/units').catch((e: unknown) => e)) as ClientModule.ApiError;
    expect([offline.status, offline.code, offline.text('zh-CN')]).toEqual([0, 'NETWORK', '无法连接服务器，请检查网络后重试']);
  });

  it('tells the session when the server no longer knows the user, except for the start-up /auth/me', async () => {
    const lost = vi.fn();
    const off = api.onUnauthenticated(lost);
    const unauthenticated = () =>
      json(401, { code: 'UNAUTHENTICATED', message: '请先登录', messages: { zh: '请先登录', en: 'Please log in' } });
    fetchMock.mockImplementation(async () => unauthenticated());
    await api.client.GET('/api/v1/auth/me').catch(() => {});
    expect(lost).not.toHaveBeenCalled();
    await api.client.GET('/api/v1/units').catch(() => {});
    expect(lost).toHaveBeenCalledTimes(1);
    off();
  });

  it('marks the cached server data stale after a write, but not after a rule check', async () => {
    api.queryClient.setQueryData(['get', '/api/v1/units'], []);
    const stale = () => api.queryClient.getQueryState(['get', '/api/v1/units'])?.isInvalidated;
    fetchMock.mockResolvedValue(json(200, { ok: true, errors: [], warnings: [], fields: [], examples: [] }));
    await api.client.POST('/api/v1/policies/rules/check', { body: { text: 'employees > 10' } });
    expect(stale()).toBe(false);
    fetchMock.mockResolvedValue(json(200, { updated: 1, unread: 0 }));
    await api.client.POST('/api/v1/notifications/read', { body: { ids: [1] } });
    expect(stale()).toBe(true);
  });

  it('sends an upload as a multipart form to the route’s path', async () => {
    fetchMock.mockResolvedValue(
      json(201, {
        id: 5,
        reportId: null,
        unitId: 2,
        filename: 'a.pdf',
        mime: 'application/pdf',
        size: 3,
        uploadedBy: null,
        createdAt: '2026-03-02T00:00:00.000Z',
      }),
    );
    const form = new FormData();
    form.append('file', new Blob(['%PD'], { type: 'application/pdf' }), 'a.pdf');
    const ev = await api.upload('/api/v1/items/{id}/evidence', form, { path: { id: '12' } });
    expect(ev.filename).toBe('a.pdf');
    const req = fetchMock.mock.calls[0][0];
    expect(new URL(req.url).pathname).toBe('/api/v1/items/12/evidence');
    expect(req.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  });
});
