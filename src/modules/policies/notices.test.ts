import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drainJobs } from '../../jobs/runtime.js';
import { type Client, TEST_PASSWORD, describeEachDialect } from '../../test/harness.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { createUser } from '../org/users.service.js';
import { linkEnterpriseUser } from './enterprises.repository.js';
import { seedDemoPolicies } from './seed.js';

// A mail server on the loopback interface stands in for the real one.
const mails: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const DEMO = '（演示）呼和浩特青城智造科技有限公司';

describeEachDialect(
  'policies: telling the enterprise and its answer',
  (h) => {
    let demoId = 0;
    let otherId = 0;
    const userId = async (username: string) =>
      (await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const inbox = async (c: Client) =>
      (await c.get('/api/v1/notifications?pageSize=50')).json() as { items: { title: string; body: string; link: string | null }[] };
    const matched = async (office: Client, enterpriseId: number) =>
      (await office.get(`/api/v1/policies/results?enterpriseId=${enterpriseId}&status=matched`)).json().items as {
        id: number;
        version: number;
        benefit: { name: string };
      }[];

    beforeAll(async () => {
      await seedDemoPolicies(h.ctx, { enterprises: 60 });
      demoId = (await h.ctx.db.selectFrom('enterprise').select('id').where('name', '=', DEMO).executeTakeFirstOrThrow()).id;
      // A second enterprise with its own portal account, and a second account of the demo enterprise.
      const other = await h.ctx.db
        .selectFrom('match_result')
        .select('enterprise_id')
        .where('enterprise_id', '!=', demoId)
        .where('status', '=', 'matched')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      otherId = other.enterprise_id;
      for (const username of ['ent-other', 'ent-demo-2']) {
        await createUser(h.ctx, SYSTEM_ACTOR, {
          username,
          displayName: username,
          role: 'enterprise',
          password: TEST_PASSWORD,
          mustChangePassword: false,
        });
      }
      await linkEnterpriseUser(h.ctx.db, await userId('ent-other'), otherId);
      await linkEnterpriseUser(h.ctx.db, await userId('ent-demo-2'), demoId);
      await h.ctx.db
        .updateTable('enterprise')
        .set({ contact_name: '王经理', contact_phone: '138-0471-0000', contact_email: 'finance@qingcheng.example.cn' })
        .where('id', '=', demoId)
        .execute();
    });

    it('notify reaches the inbox of the enterprise’s own accounts only, with an e-mail and an SMS-ready text', async () => {
      const office = await h.as('office');
      const r = (await matched(office, demoId))[0]!;
      const before = {
        other: (await inbox(await h.as('ent-other'))).items.length,
        specialist: (await inbox(await h.as('specialist'))).items.length,
      };
      const res = await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'notify', version: r.version });
      expect(res.statusCode).toBe(200);
      const view = res.json();
      expect(view.notices.map((n: { channel: string; address: string | null }) => [n.channel, n.address])).toEqual([
        ['inbox', null],
        ['email', 'finance@qingcheng.example.cn'],
        ['sms', '13804710000'],
      ]);
      const sms = view.notices[2].text as string;
      expect(sms).toContain(DEMO);
      expect(sms).toContain(r.benefit.name);
      expect(sms).toContain('无需申请');

      for (const username of ['enterprise', 'ent-demo-2']) {
        const mine = (await inbox(await h.as(username))).items;
        expect(mine, username).toEqual([
          expect.objectContaining({ title: `免申即享：${r.benefit.name}`, link: '/policies/portal', body: expect.stringContaining(DEMO) }),
        ]);
      }
      expect((await inbox(await h.as('ent-other'))).items.length).toBe(before.other);
      expect((await inbox(await h.as('specialist'))).items.length).toBe(before.specialist);

      await drainJobs(h.ctx);
      const mail = mails.find((m) => m.to.includes('finance@qingcheng.example.cn'));
      expect(mail).toBeDefined();
      const sent = await h.ctx.db
        .selectFrom('enterprise_notice')
        .select(['channel', 'sent_at'])
        .where('match_result_id', '=', r.id)
        .orderBy('id')
        .execute();
      expect(sent.find((n) => n.channel === 'email')!.sent_at).not.toBeNull();
    });

    it('without contact details the enterprise is told in its inbox only', async () => {
      const office = await h.as('office');
      const r = (await matched(office, otherId))[0]!;
      const view = (await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'notify', version: r.version })).json();
      expect(view.notices.map((n: { channel: string }) => n.channel)).toEqual(['inbox']);
      expect((await inbox(await h.as('ent-other'))).items[0]).toMatchObject({ title: `免申即享：${r.benefit.name}` });
    });

    it('the enterprise confirms one and declines one with a reason; the office sees both answers', async () => {
      const office = await h.as('office');
      const ent = await h.as('enterprise');
      const [a, b] = (await matched(office, demoId)).slice(0, 2);
      const na = (await office.post(`/api/v1/policies/results/${a!.id}/actions`, { action: 'notify', version: a!.version })).json();
      const nb = (await office.post(`/api/v1/policies/results/${b!.id}/actions`, { action: 'notify', version: b!.version })).json();
      const officeBefore = (await inbox(office)).items.length;

      const confirmed = await ent.post(`/api/v1/policies/results/${a!.id}/actions`, { action: 'confirm', version: na.version });
      expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
      const blank = await ent.post(`/api/v1/policies/results/${b!.id}/actions`, { action: 'decline', reason: '  ', version: nb.version });
      expect(blank.statusCode).toBe(400);
      const declined = await ent.post(`/api/v1/policies/results/${b!.id}/actions`, {
        action: 'decline',
        reason: '已享受市级同类补贴',
        version: nb.version,
      });
      expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '已享受市级同类补贴' });

      const seen = (await office.get(`/api/v1/policies/results/${b!.id}`)).json();
      expect(seen).toMatchObject({ status: 'declined', declineReason: '已享受市级同类补贴', declinedAt: expect.any(String) });
      const news = (await inbox(office)).items.slice(0, (await inbox(office)).items.length - officeBefore);
      expect(news.map((n) => n.title).sort()).toEqual([`企业放弃享受：${b!.benefit.name}`, `企业已确认享受：${a!.benefit.name}`].sort());
      expect(news.find((n) => n.title.startsWith('企业放弃'))!.body).toContain('已享受市级同类补贴');

      // The portal shows the answers, and another enterprise cannot answer for this one.
      const portal = (await ent.get('/api/v1/policies/portal')).json();
      expect(portal.qualifies.find((q: { id: number }) => q.id === b!.id)).toMatchObject({
        status: 'declined',
        declineReason: '已享受市级同类补贴',
      });
      const other = await h.as('ent-other');
      expect(
        (
          await other.post(`/api/v1/policies/results/${a!.id}/actions`, {
            action: 'decline',
            reason: 'x',
            version: confirmed.json().version,
          })
        ).statusCode,
      ).toBe(404);
    });

    it('the portal speaks plain words: sentences for every condition, near misses only on what the enterprise can change', async () => {
      const portal = (await (await h.as('enterprise')).get('/api/v1/policies/portal')).json();
      for (const r of portal.qualifies) expect(r.summary).toEqual({ zh: '满足全部条件', en: 'Meets every condition' });
      expect(portal.nearly.length).toBeGreaterThan(0);
      for (const r of portal.nearly) {
        expect(r.summary.zh).toMatch(/^未满足：/);
        for (const f of r.failing) {
          expect(f.actionable).toBe(true);
          expect(f.sentence.zh).not.toMatch(/行业|注册地|成立/);
        }
      }
    });
  },
  {
    config: {
      notify: {
        smtpUrl,
        webhookUrl: undefined,
        webhookFormat: 'text',
        mailFrom: 'bizenv <noreply@bizenv.example.gov.cn>',
        publicUrl: 'https://bizenv.example.gov.cn',
      },
    },
  },
);
