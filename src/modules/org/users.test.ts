import { expect, it } from 'vitest';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';

describeEachDialect('users API', (h) => {
  const userCount = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a user who must change the initial password before doing anything else', async () => {
    const admin = await h.as('admin');
    const unit = (await admin.get(`/api/v1/units/resolve?name=${encodeURIComponent('赛罕区')}`)).json();
    const res = await admin.post('/api/v1/users', {
      username: 'saihan_liaison',
      displayName: '赛罕区联络员',
      role: 'liaison',
      unitId: unit.id,
      password: 'Initial-pass-1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'saihan_liaison', unitName: '赛罕区', mustChangePassword: true });
    const c = await login(h.app, 'saihan_liaison', 'Initial-pass-1');
    const blocked = await c.get('/api/v1/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/v1/auth/password', { currentPassword: 'Initial-pass-1', newPassword: 'My-own-pass-26' })).statusCode).toBe(
      200,
    );
    const units = (await c.get('/api/v1/units')).json();
    expect(units.map((u: { name: string }) => u.name)).toEqual(['赛罕区']);
  });

  it('refuses a liaison without a unit, a duplicate username and a weak password — creating nobody', async () => {
    const admin = await h.as('admin');
    const before = await userCount();
    const noUnit = await admin.post('/api/v1/users', {
      username: 'nounit',
      displayName: '无单位',
      role: 'liaison',
      password: 'Initial-pass-1',
    });
    expect(noUnit.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.unitId' }] });
    const dup = await admin.post('/api/v1/users', { username: 'office', displayName: '重复', role: 'office', password: 'Initial-pass-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details[0].path).toBe('body.username');
    const weak = await admin.post('/api/v1/users', {
      username: 'weakling',
      displayName: '弱密码',
      role: 'office',
      password: 'aaaaaaaaaaaa',
    });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const badName = await admin.post('/api/v1/users', {
      username: '张 三',
      displayName: '张三',
      role: 'office',
      password: 'Initial-pass-1',
    });
    expect(badName.json().details[0].path).toBe('body.username');
    expect(await userCount()).toBe(before);
  });

  it('disabling a user ends their sessions; an admin cannot disable themselves', async () => {
    const admin = await h.as('admin');
    const created = (
      await admin.post('/api/v1/users', { username: 'temp_office', displayName: '临时', role: 'office', password: 'Initial-pass-1' })
    ).json();
    await admin.post(`/api/v1/users/${created.id}/reset-password`, { password: 'Reset-pass-2026' });
    const u = (await admin.get(`/api/v1/users/${created.id}`)).json();
    await h.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', created.id).execute();
    const c = await login(h.app, 'temp_office', 'Reset-pass-2026');
    const disabled = await admin.patch(`/api/v1/users/${created.id}`, { version: u.version, status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const self = (await admin.get('/api/v1/auth/me')).json().user;
    const refused = await admin.patch(`/api/v1/users/${self.id}`, { version: self.version, status: 'disabled' });
    expect(refused.statusCode).toBe(400);
  });

  it('unlocks a locked account', async () => {
    const admin = await h.as('admin');
    for (let i = 0; i < 5; i++)
      await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: `nope-${i}-xxxx` } });
    const leader = (await admin.get('/api/v1/users?role=leader')).json()[0];
    expect(leader.lockedUntil).not.toBeNull();
    const unlocked = await admin.post(`/api/v1/users/${leader.id}/unlock`);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login(h.app, 'leader', TEST_PASSWORD)).csrfToken).toBeTruthy();
  });

  it('writes an audit row with before/after for every write, never a password or hash', async () => {
    const admin = await h.as('admin');
    const created = (
      await admin.post('/api/v1/users', { username: 'audited', displayName: '审计测试', role: 'office', password: 'Audit-pass-2026' })
    ).json();
    await admin.patch(`/api/v1/users/${created.id}`, { version: created.version, displayName: '审计测试（改）' });
    const page = (await admin.get(`/api/v1/audit?entity=user&entityId=${created.id}`)).json();
    expect(page.items.map((i: { action: string }) => i.action)).toEqual(['user.update', 'user.create']);
    expect(page.items[0].before.displayName).toBe('审计测试');
    expect(page.items[0].after.displayName).toBe('审计测试（改）');
    expect(page.items[0].actorName).toBe('系统管理员（演示）');
    const all = await h.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(all);
    expect(text).not.toContain('Audit-pass-2026');
    expect(text).not.toContain('$argon2id$');
  });

  it('filters the audit log by action and date, newest first, paginated', async () => {
    const office = await h.as('office');
    const day = h.now.toISOString().slice(0, 10);
    const logins = (await office.get(`/api/v1/audit?action=auth.login&from=${day}&to=${day}&pageSize=2`)).json();
    expect(logins.items).toHaveLength(2);
    expect(logins.total).toBeGreaterThan(2);
    expect(logins.items[0].id).toBeGreaterThan(logins.items[1].id);
    const none = (await office.get('/api/v1/audit?from=2020-01-01&to=2020-01-02')).json();
    expect(none.total).toBe(0);
    const bad = await office.get('/api/v1/audit?from=yesterday');
    expect(bad.json().details[0].path).toBe('querystring.from');
  });
});
