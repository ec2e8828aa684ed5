import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';

describeEachDialect('auth', (h) => {
  it('logs in with the demo password, sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'office', role: 'office' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'bizenv_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.headers['set-cookie']).not.toContain(TEST_PASSWORD);
  });

  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const client = await login(h.app, 'leader', TEST_PASSWORD);
    const token = client.cookie.split('=')[1];
    const sessions = await h.ctx.db.selectFrom('session').select('id_hash').execute();
    expect(sessions.some((s) => s.id_hash === token)).toBe(false);
    const user = await h.ctx.db.selectFrom('app_user').select('password_hash').where('username', '=', 'leader').executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password with 401 and a bilingual coded error', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: 'wrong-password-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      messages: { zh: expect.stringContaining('用户名或密码错误'), en: expect.stringContaining('Wrong username or password') },
    });
  });

  const attempt = (username: string, password: string, ip = '203.0.113.7') =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const lockAudits = async (username: string) => {
    const u = await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return h.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'user.lock').where('entity_id', '=', String(u.id)).execute();
  };

  it('locks an account for that client after 5 failures in a row, refuses even the right password there, and audits the lock', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('specialist', `bad-password-${i}`)).statusCode).toBe(401);
    expect(await lockAudits('specialist')).toHaveLength(0);
    expect((await attempt('specialist', 'bad-password-4')).statusCode).toBe(401);
    const locked = await attempt('specialist', TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('INVALID_CREDENTIALS');
    expect(await lockAudits('specialist')).toHaveLength(1);
    // After the cool-down the right password works again.
    const before = h.now;
    h.now = new Date(before.getTime() + 16 * 60_000);
    const ok = await attempt('specialist', TEST_PASSWORD);
    h.now = before;
    expect(ok.statusCode).toBe(200);
  });

  it('locks exactly as 5 failures in a row do when 20 wrong passwords arrive at once', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('admin', `bad-password-${i}`, '198.51.100.9')));
    expect(all.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    expect(await lockAudits('admin')).toHaveLength(1);
    const failed = await h.ctx.db
      .selectFrom('login_throttle')
      .innerJoin('app_user', 'app_user.id', 'login_throttle.user_id')
      .select('failures')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    // Every one of the 20 was counted (none lost to a read-modify-write race).
    expect(failed.failures).toBe(20);
    expect((await attempt('admin', TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(401);
    // The stranger's lock does not keep the admin out from his own address.
    expect((await attempt('admin', TEST_PASSWORD, '192.0.2.44')).statusCode).toBe(200);
    // … and an admin unlock lifts it for the stranger's address too.
    const admin = await h.as('admin');
    const id = (await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    expect((await admin.post(`/api/v1/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await attempt('admin', TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('answers an unknown account, a wrong password, a disabled account and a locked client alike', async () => {
    for (let i = 0; i < 5; i++) await attempt('unit_head', `bad-password-${i}`, '203.0.113.99');
    const answers = [
      await attempt('nobody-here', 'whatever-123', '203.0.113.99'),
      await attempt('leader', 'wrong-password-9', '203.0.113.99'),
      await attempt('unit_head', TEST_PASSWORD, '203.0.113.99'),
      await attempt('unit_head', 'wrong-password-9', '203.0.113.99'),
    ];
    const shape = (r: (typeof answers)[number]) => ({ status: r.statusCode, body: r.body });
    expect(new Set(answers.map((r) => JSON.stringify(shape(r)))).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const c = await h.as('admin');
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('logs out: the session is gone server-side', async () => {
    const c = await login(h.app, 'leader', TEST_PASSWORD);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const c = await login(h.app, 'leader', TEST_PASSWORD);
    const before = h.now;
    h.now = new Date(before.getTime() + 13 * 3600_000);
    const res = await c.get('/api/v1/auth/me');
    h.now = before;
    expect(res.statusCode).toBe(401);
  });

  it('changes the own password and ends the other sessions', async () => {
    const a = await login(h.app, 'enterprise', TEST_PASSWORD);
    const b = await login(h.app, 'enterprise', TEST_PASSWORD);
    const weak = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'onlyletters' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'not-it-123', newPassword: 'NewPass-2026x' });
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    expect((await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPass-2026x' })).statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(h.app, 'enterprise', 'NewPass-2026x')).csrfToken).toBeTruthy();
  });

  it('remembers the language switch per user', async () => {
    const c = await h.as('office');
    const res = await c.patch('/api/v1/auth/me', { locale: 'en' });
    expect(res.json().locale).toBe('en');
    const me = await c.get('/api/v1/auth/me');
    expect(me.json().user.locale).toBe('en');
    // Errors now come back in English for this user.
    const err = await c.get('/api/v1/users');
    expect(err.json().message).toBe('You are not allowed to do this');
    await c.patch('/api/v1/auth/me', { locale: 'zh-CN' });
  });
});

describe('health', () => {
  describeEachDialect('health endpoint', (h) => {
    it('reports the database status', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: { dialect: h.dialect, ok: true } });
    });
    it('serves the OpenAPI document', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json().paths)).toContain('/api/v1/units');
    });
  });
});

describeEachDialect(
  'login rate limit',
  (h) => {
    it('answers 429 with a coded error once an IP exceeds the per-minute login budget', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `nobody${i}`, password: 'whatever-123' },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'whatever-123' },
      });
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', messages: { en: 'Too many requests; try again later' } });
    });
  },
  { demo: true, config: { loginRatePerMinute: 3 } },
);
