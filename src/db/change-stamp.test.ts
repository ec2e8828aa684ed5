import { expect, it } from 'vitest';
import { describeEachDialect } from '../test/harness.js';
import { counterStamp } from './change-stamp.js';

describeEachDialect('session cache stamp', (h) => {
  it('survives writes to other tables and moves when a user changes, who is then refused at once', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    expect((await liaison.get('/api/v1/items')).statusCode).toBe(200);
    const before = counterStamp(h.ctx.database, 'auth');
    const list = await office.post('/api/v1/worklists', { name: '会话缓存测试清单', kind: 'task' });
    expect(list.statusCode).toBe(201);
    // On SQLite only sessions, users and units move it; PostgreSQL falls back to the process write counter.
    if (h.dialect === 'sqlite') expect(counterStamp(h.ctx.database, 'auth')).toEqual(before);
    else expect(counterStamp(h.ctx.database, 'auth')).not.toEqual(before);

    const admin = await h.as('admin');
    const user = (await admin.get('/api/v1/users')).json().find((u: { username: string }) => u.username === 'liaison');
    const disabled = await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled', version: user.version });
    expect(disabled.statusCode).toBe(200);
    expect(counterStamp(h.ctx.database, 'auth')).not.toEqual(before);
    expect((await liaison.get('/api/v1/items')).statusCode).toBe(401);
  });
});
