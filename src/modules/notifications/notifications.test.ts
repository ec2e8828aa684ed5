import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { withTransaction } from '../../db/database.js';
import { drainJobs, enqueueJob } from '../../jobs/runtime.js';
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
      mails.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
      });
      callback();
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));

afterAll(async () => {
  await new Promise((r) => webhook.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
});

/** The subject and text of a raw e-mail as a reader sees them (encoded words, base64 or quoted-printable bodies). */
function readMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  );
  const body = rest.join('\r\n\r\n');
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(unfolded)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? qp(body)
        : body;
  return { subject, text };
}

function qp(s: string): string {
  const bytes: number[] = [];
  const flat = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/i.test(flat.slice(i + 1, i + 3))) {
      bytes.push(parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

describeEachDialect(
  'notifications',
  (h) => {
    const userId = async (username: string) =>
      (await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    // Each test starts with empty inboxes and sends what it reads, whatever ran before it.
    beforeEach(async () => {
      await h.ctx.db.deleteFrom('notification').execute();
    });
    /** An escalation to the leader (named twice), the office and the demo unit's head and liaison. */
    const escalate = async () => {
      const unit = await h.ctx.db.selectFrom('unit').select('id').where('name', '=', DEMO_UNIT).executeTakeFirstOrThrow();
      return notify(h.ctx, undefined, {
        userIds: [await userId('leader')],
        unitIds: [unit.id],
        roles: ['office', 'leader'],
        title: '督办提醒：事项即将到期',
        body: '“企业开办全程网办”将于 3 个工作日后到期，请及时报送进展。',
        link: '/worklists/items/1',
        kind: 'escalation',
      });
    };

    it('puts a message in the inbox of everyone named by user, unit or role, once each', async () => {
      const { notificationIds } = await escalate();
      // leader (named twice), office, and the unit's head and liaison
      expect(notificationIds).toHaveLength(4);
      const liaison = await h.as('liaison');
      const inbox = await liaison.get('/api/v1/notifications');
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json()).toMatchObject({
        total: 1,
        unread: 1,
        items: [{ title: '督办提醒：事项即将到期', link: '/worklists/items/1', readAt: null, kind: 'escalation' }],
      });
      expect((await (await h.as('specialist')).get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
      await drainJobs(h.ctx);
    });

    it('marks only the reader’s own messages read', async () => {
      await escalate();
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

    it('posts an escalation to the work-chat robot at once, as {msgtype:"text"}', async () => {
      await escalate();
      await drainJobs(h.ctx);
      const last = hooks.at(-1)!;
      expect(last.path).toBe('/cgi-bin/webhook/send?key=test');
      expect(last.body.msgtype).toBe('text');
      expect(last.body.text.content).toContain('督办提醒：事项即将到期');
      expect(last.body.text.content).toContain('https://bizenv.example.gov.cn/worklists/items/1');
    });

    it('e-mails an instruction at once to the recipients who gave an address, in Bcc', async () => {
      const leader = await h.as('leader');
      const bad = await leader.request('PUT', '/api/v1/notifications/contact', { email: 'not-an-address' });
      expect(bad.statusCode).toBe(400);
      const saved = { email: 'leader@bizenv.example.gov.cn', delivery: 'digest' };
      expect((await leader.request('PUT', '/api/v1/notifications/contact', { email: 'leader@bizenv.example.gov.cn' })).json()).toEqual(
        saved,
      );
      expect((await leader.get('/api/v1/notifications/contact')).json()).toEqual(saved);
      const before = mails.length;
      await notify(h.ctx, undefined, {
        roles: ['leader', 'office'],
        title: '领导批示',
        body: '请加快推进。',
        link: '/worklists/items/2',
        kind: 'instruction',
      });
      await drainJobs(h.ctx);
      expect(mails.length).toBe(before + 1);
      const mail = mails.at(-1)!;
      expect(mail.to).toEqual(['leader@bizenv.example.gov.cn']);
      expect(mail.raw).not.toMatch(/^Bcc:/m);
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    });

    it('sends nothing when the change it reports is rolled back', async () => {
      const hooksBefore = hooks.length;
      const count = async () =>
        (
          await h.ctx.db
            .selectFrom('notification')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
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

    it('holds routine messages for the daily digest: one e-mail per person with all of them, one robot message', async () => {
      await enqueueJob(h.ctx, 'notifications.digest', {});
      await drainJobs(h.ctx);
      const unit = await h.ctx.db.selectFrom('unit').select('id').where('name', '=', DEMO_UNIT).executeTakeFirstOrThrow();
      for (const [who, delivery] of [
        ['office', 'digest'],
        ['liaison', 'digest'],
        ['unit_head', 'immediate'],
      ] as const) {
        const put = await (
          await h.as(who)
        ).request('PUT', '/api/v1/notifications/contact', { email: `${who}@bizenv.example.gov.cn`, delivery });
        expect(put.json()).toEqual({ email: `${who}@bizenv.example.gov.cn`, delivery });
      }
      const mailsBefore = mails.length;
      const hooksBefore = hooks.length;
      await notify(h.ctx, undefined, {
        unitIds: [unit.id],
        unitRoles: ['liaison'],
        kind: 'assigned',
        title: '新分配事项：甲',
        body: '甲',
        link: '/worklists/items/1',
      });
      await notify(h.ctx, undefined, {
        roles: ['office'],
        kind: 'awaiting_review',
        title: '待审核：乙',
        body: '乙',
        link: '/worklists/items/2',
      });
      await notify(h.ctx, undefined, {
        unitIds: [unit.id],
        kind: 'awaiting_approval',
        title: '待审核报送：丙',
        body: '丙',
        link: '/worklists/items/3',
      });
      await notify(h.ctx, undefined, {
        roles: ['office'],
        kind: 'instruction',
        title: '领导批示：丁',
        body: '丁',
        link: '/worklists/items/4',
      });
      await drainJobs(h.ctx);
      // At once: the instruction to the office, and 丙 to the unit head who chose immediate e-mail.
      const immediate = mails.slice(mailsBefore).map((m) => ({ to: m.to, subject: readMail(m.raw).subject }));
      expect(immediate).toHaveLength(2);
      expect(immediate).toEqual(
        expect.arrayContaining([
          { to: ['office@bizenv.example.gov.cn'], subject: '领导批示：丁' },
          { to: ['unit_head@bizenv.example.gov.cn'], subject: '待审核报送：丙' },
        ]),
      );
      expect(hooks.slice(hooksBefore).map((x) => x.body.text.content.split('\n')[0])).toEqual(['领导批示：丁']);
      // The inbox has everything at once.
      const liaisonInbox = (await (await h.as('liaison')).get('/api/v1/notifications?unread=true')).json();
      expect(liaisonInbox.items.map((n: { title: string }) => n.title).slice(0, 2)).toEqual(['待审核报送：丙', '新分配事项：甲']);

      const digestStart = mails.length;
      const hooksMid = hooks.length;
      await enqueueJob(h.ctx, 'notifications.digest', {});
      await drainJobs(h.ctx);
      const digests = mails.slice(digestStart).map((m) => ({ to: m.to, ...readMail(m.raw) }));
      expect(digests.map((d) => d.to[0]).sort()).toEqual(['liaison@bizenv.example.gov.cn', 'office@bizenv.example.gov.cn']);
      const liaisonMail = digests.find((d) => d.to[0] === 'liaison@bizenv.example.gov.cn')!;
      expect(liaisonMail.subject).toBe('每日消息汇总：2 条新消息');
      expect(liaisonMail.text).toContain('新分配事项：甲');
      expect(liaisonMail.text).toContain('待审核报送：丙');
      expect(liaisonMail.text).toContain('https://bizenv.example.gov.cn/worklists/items/3');
      const officeMail = digests.find((d) => d.to[0] === 'office@bizenv.example.gov.cn')!;
      expect(officeMail.subject).toBe('每日消息汇总：1 条新消息');
      expect(officeMail.text).toContain('待审核：乙');
      expect(officeMail.text).not.toContain('领导批示');
      // The robot: one message, each routine message once, with how many received it.
      const robot = hooks.slice(hooksMid).map((x) => x.body.text.content);
      expect(robot).toHaveLength(1);
      expect(robot[0]).toMatch(/^每日消息汇总：3 条/);
      expect(robot[0]).toContain('待审核报送：丙（2 人）');
      expect(robot[0]).toContain('新分配事项：甲\n');
      expect(robot[0]).not.toContain('领导批示');

      // A second run the same day has nothing left to send.
      await enqueueJob(h.ctx, 'notifications.digest', {});
      await drainJobs(h.ctx);
      expect(mails.length).toBe(digestStart + 2);
      expect(hooks.length).toBe(hooksMid + 1);
    });

    it('filters the inbox by kind and marks read in bulk: the selected ones, and all of one kind', async () => {
      const office = await h.as('office');
      await office.post('/api/v1/notifications/read', { all: true });
      for (const t of ['一', '二', '三'])
        await notify(h.ctx, undefined, { roles: ['office'], kind: 'overdue', title: `逾期${t}`, body: t });
      for (const t of ['一', '二'])
        await notify(h.ctx, undefined, { roles: ['office'], kind: 'awaiting_review', title: `待审核${t}`, body: t });
      await notify(h.ctx, undefined, { roles: ['leader'], kind: 'overdue', title: '别人的逾期', body: '-' });
      const overdue = (await office.get('/api/v1/notifications?kind=overdue&unread=true')).json();
      expect(overdue.items.map((n: { title: string }) => n.title)).toEqual(['逾期三', '逾期二', '逾期一']);
      expect(overdue).toMatchObject({ total: 3, unread: 5, unreadByKind: { overdue: 3, awaiting_review: 2 } });
      expect((await office.get('/api/v1/notifications?kind=nonsense')).statusCode).toBe(400);

      const picked = overdue.items.slice(0, 2).map((n: { id: number }) => n.id);
      expect((await office.post('/api/v1/notifications/read', { ids: picked })).json()).toEqual({ updated: 2, unread: 3 });
      expect((await office.post('/api/v1/notifications/read', { all: true, kind: 'awaiting_review' })).json()).toEqual({
        updated: 2,
        unread: 1,
      });
      expect((await office.post('/api/v1/notifications/read', { ids: picked, kind: 'overdue' })).statusCode).toBe(400);
      const left = (await office.get('/api/v1/notifications?unread=true')).json();
      expect(left).toMatchObject({ total: 1, unread: 1, unreadByKind: { overdue: 1 }, items: [{ title: '逾期一', kind: 'overdue' }] });
      expect((await office.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
      // Someone else's messages of that kind stay unread.
      expect((await (await h.as('leader')).get('/api/v1/notifications?kind=overdue&unread=true')).json().total).toBe(1);
    });
  },
  {
    config: {
      notify: {
        smtpUrl,
        webhookUrl,
        webhookFormat: 'text',
        mailFrom: 'bizenv <noreply@bizenv.example.gov.cn>',
        publicUrl: 'https://bizenv.example.gov.cn',
      },
    },
  },
);
