import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';
import { withTransaction } from '../../db/database.js';
import { drainJobs } from '../../jobs/runtime.js';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT } from '../org/seed.js';
import { notify } from './notifications.service.js';

// A work-chat robot and a mail server on the loopback interface stand in for the real ones.
const hooks: { path: string; body: { msgtype: string; text: { content: string } } }[] = [];
const webhook = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => {
    hooks.push({ path: req.url ?? '', body: JSON.parse(data) });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
});
await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));

const mails: { from: string; to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    stream.on('end', () => {
      mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));

afterAll(async () => {
  await new Promise((r) => webhook.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
});

const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

describeEachDialect(
  'notifications',
  (h) => {
    const userId = async (username: string) => (await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    it('puts a message in the inbox of everyone named by user, unit or role, once each', async () => {
      const unit = await h.ctx.db.selectFrom('unit').select('id').where('name', '=', DEMO_UNIT).executeTakeFirstOrThrow();
      const { notificationIds } = await notify(h.ctx, undefined, {
        userIds: [await userId('leader')],
        unitIds: [unit.id],
        roles: ['office', 'leader'],
        title: '督办提醒：事项即将到期',
        body: '“企业开办全程网办”将于 3 个工作日后到期，请及时报送进展。',
        link: '/worklists/items/1',
      });
      // leader (named twice), office, and the unit's head and liaison
      expect(notificationIds).toHaveLength(4);
      const liaison = await h.as('liaison');
      const inbox = await liaison.get('/api/v1/notifications');
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json()).toMatchObject({ total: 1, unread: 1, items: [{ title: '督办提醒：事项即将到期', link: '/worklists/items/1', readAt: null }] });
      expect((await (await h.as('specialist')).get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
      await drainJobs(h.ctx);
    });

    it('marks only the reader’s own messages read', async () => {
      const liaison = await h.as('liaison');
      const office = await h.as('office');
      const officeItem = (await office.get('/api/v1/notifications')).json().items[0];
      const cross = await liaison.post('/api/v1/notifications/read', { ids: [officeItem.id] });
      expect(cross.json()).toEqual({ updated: 0, unread: 1 });
      const own = (await liaison.get('/api/v1/notifications?unread=true')).json().items[0];
      expect((await liaison.post('/api/v1/notifications/read', { ids: [own.id] })).json()).toEqual({ updated: 1, unread: 0 });
      expect((await office.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
      expect((await office.post('/api/v1/notifications/read', { all: true })).json()).toEqual({ updated: 1, unread: 0 });
      expect((await office.post('/api/v1/notifications/read', {})).statusCode).toBe(400);
    });

    it('posts the message to the work-chat robot as {msgtype:"text"}', async () => {
      const last = hooks.at(-1)!;
      expect(last.path).toBe('/cgi-bin/webhook/send?key=test');
      expect(last.body.msgtype).toBe('text');
      expect(last.body.text.content).toContain('督办提醒：事项即将到期');
      expect(last.body.text.content).toContain('https://bizenv.example.gov.cn/worklists/items/1');
    });

    it('e-mails the recipients who gave an address, in Bcc', async () => {
      const leader = await h.as('leader');
      const bad = await leader.request('PUT', '/api/v1/notifications/contact', { email: 'not-an-address' });
      expect(bad.statusCode).toBe(400);
      expect((await leader.request('PUT', '/api/v1/notifications/contact', { email: 'leader@bizenv.example.gov.cn' })).json()).toEqual({ email: 'leader@bizenv.example.gov.cn' });
      expect((await leader.get('/api/v1/notifications/contact')).json()).toEqual({ email: 'leader@bizenv.example.gov.cn' });
      const before = mails.length;
      await notify(h.ctx, undefined, { roles: ['leader', 'office'], title: '月通报已发布', body: '2026年2月通报已发布。', link: '/supervision/bulletins/2' });
      await drainJobs(h.ctx);
      expect(mails.length).toBe(before + 1);
      const mail = mails.at(-1)!;
      expect(mail.to).toEqual(['leader@bizenv.example.gov.cn']);
      expect(mail.raw).not.toMatch(/^Bcc:/m);
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    });

    it('sends nothing when the change it reports is rolled back', async () => {
      const hooksBefore = hooks.length;
      const count = async () => (await h.ctx.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await count());
      await expect(
        withTransaction(h.ctx.db, async (trx) => {
          await notify(h.ctx, trx, { roles: ['office'], title: '不会发出', body: '事务回滚 / rolled back' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await drainJobs(h.ctx);
      expect(Number(await count())).toBe(before);
      expect(hooks.length).toBe(hooksBefore);
    });
  },
  { config: { notify: { smtpUrl, webhookUrl, webhookFormat: 'text', mailFrom: 'bizenv <noreply@bizenv.example.gov.cn>', publicUrl: 'https://bizenv.example.gov.cn' } } },
);
