import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { describeEachDialect } from '../../test/harness.js';
import { HEADER, multipart as workbookUpload, workbook } from './import/import.fixtures.js';
import { notifyOverdueItems } from './notify.service.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from './worklists.fixtures.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-notify-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Sent = { to: string; kind: string; title: string; link: string | null };

describeEachDialect(
  'work lists tell the people who must act',
  (h) => {
    let unitA: number;
    let unitB: { unitId: number; liaison: string; head: string };
    let unitC: { unitId: number; liaison: string; head: string };
    let listId: number;
    let mark = 0;

    /** Every notification written since the last call, as (recipient, kind, title, link), sorted by recipient. */
    async function sent(): Promise<Sent[]> {
      const rows = await h.ctx.db
        .selectFrom('notification')
        .innerJoin('app_user', 'app_user.id', 'notification.user_id')
        .select(['notification.id', 'app_user.username', 'notification.kind', 'notification.title', 'notification.link'])
        .where('notification.id', '>', mark)
        .orderBy('notification.id')
        .execute();
      if (rows.length) mark = rows[rows.length - 1].id;
      return rows.map((r) => ({ to: r.username, kind: r.kind, title: r.title, link: r.link })).sort((a, b) => a.to.localeCompare(b.to));
    }
    const recipients = (s: Sent[]) => s.map((x) => x.to);

    beforeAll(async () => {
      unitA = await unitId(h, DEMO_UNIT);
      unitB = await unitUsers(h, '市发改委', 'fgw');
      unitC = await unitUsers(h, '市住建局', 'zjj');
      listId = await makeList(h, 'task');
      await sent();
    });

    it('tells the liaisons of the lead and cooperating units of a new item, and on an edit only the unit newly added', async () => {
      const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId], deadline: '2026-09-30' });
      const s = await sent();
      expect(recipients(s)).toEqual(['fgw_liaison', 'liaison']);
      expect(s.every((x) => x.kind === 'assigned' && x.link === `/worklists/items/${item.id}`)).toBe(true);
      expect(s.find((x) => x.to === 'liaison')!.title).toMatch(/^新分配事项（牵头）：/);
      expect(s.find((x) => x.to === 'fgw_liaison')!.title).toMatch(/^新分配事项（配合）：/);

      const office = await h.as('office');
      const r = await office.patch(`/api/v1/items/${item.id}`, { version: item.version, coopUnitIds: [unitB.unitId, unitC.unitId] });
      expect(r.statusCode).toBe(200);
      expect(recipients(await sent())).toEqual(['zjj_liaison']);
      // An edit that does not touch the units tells nobody.
      expect((await office.patch(`/api/v1/items/${item.id}`, { version: r.json().version, measures: '按月调度' })).statusCode).toBe(200);
      expect(await sent()).toEqual([]);
    });

    it('walks a report through the unit head and the office, telling exactly the next person each time', async () => {
      const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId] });
      await sent();
      const liaison = await h.as('liaison');
      const head = await h.as('unit_head');
      const office = await h.as('office');

      // A cooperating unit's report goes to its own head only.
      const fgw = await h.as(unitB.liaison);
      expect((await fgw.post(`/api/v1/items/${item.id}/reports`, { text: '配合完成', percent: 100 })).statusCode).toBe(200);
      expect(recipients(await sent())).toEqual([unitB.head]);

      let r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '已完成系统改造', percent: 100 });
      const first = r.json().reports[0].id;
      expect(await sent()).toEqual([
        { to: 'unit_head', kind: 'awaiting_approval', title: `待审核报送：${r.json().code}`, link: `/worklists/items/${item.id}` },
      ]);

      await head.post(`/api/v1/items/${item.id}/reports/${first}/approve`, {});
      let s = await sent();
      expect(recipients(s)).toEqual(['office']);
      expect(s[0].kind).toBe('awaiting_review');

      await office.post(`/api/v1/items/${item.id}/reports/${first}/return`, { reason: '缺少办件量统计' });
      expect(recipients(await sent())).toEqual(['liaison']);

      r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '补充统计', percent: 100 });
      const second = r.json().reports[0].id;
      await sent();
      await head.post(`/api/v1/items/${item.id}/reports/${second}/send-back`, { reason: '数据需核实' });
      s = await sent();
      expect(s).toEqual([{ to: 'liaison', kind: 'returned', title: `报送被退回：${r.json().code}`, link: `/worklists/items/${item.id}` }]);

      r = await liaison.post(`/api/v1/items/${item.id}/reports`, { text: '已核实', percent: 100 });
      const third = r.json().reports[0].id;
      await head.post(`/api/v1/items/${item.id}/reports/${third}/approve`, {});
      await sent();
      await office.post(`/api/v1/items/${item.id}/reports/${third}/accept`, {});
      s = await sent();
      expect(s).toEqual([{ to: 'liaison', kind: 'accepted', title: `事项已销号：${r.json().code}`, link: `/worklists/items/${item.id}` }]);
    });

    it('sends extension requests to the office and the decision back to the unit', async () => {
      const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId], deadline: '2026-06-30' });
      await sent();
      const r = await (
        await h.as('liaison')
      ).post(`/api/v1/items/${item.id}/extensions`, { reason: '系统对接延后', requestedDeadline: '2026-09-30' });
      expect(r.statusCode).toBe(200);
      let s = await sent();
      expect(recipients(s)).toEqual(['office']);
      expect(s[0]).toMatchObject({ kind: 'awaiting_review', title: `延期申请待审批：${r.json().code}` });
      const extensionId = r.json().extensions[0].id;
      await (await h.as('office')).post(`/api/v1/items/${item.id}/extensions/${extensionId}/decision`, { approve: true });
      s = await sent();
      expect(s).toEqual([
        { to: 'liaison', kind: 'accepted', title: `延期申请已批准：${r.json().code}`, link: `/worklists/items/${item.id}` },
      ]);
    });

    it('tells every user of every unit on the item of a leader’s instruction, and nobody else', async () => {
      const item = await makeItem(h, { listId, lead: [unitA], coop: [unitB.unitId] });
      await sent();
      const r = await (await h.as('leader')).post(`/api/v1/items/${item.id}/instructions`, { text: '请加快进度，月底前完成' });
      expect(r.statusCode).toBe(200);
      const s = await sent();
      expect(recipients(s)).toEqual([unitB.liaison, unitB.head, 'liaison', 'unit_head'].sort());
      expect(s.every((x) => x.kind === 'instruction')).toBe(true);
    });

    it('tells the office once of each item that became overdue, in one message', async () => {
      const before = await makeItem(h, { listId, lead: [unitC.unitId], deadline: '2026-02-20', extra: { confirmPastDeadline: true } });
      const alsoBefore = await makeItem(h, { listId, lead: [unitC.unitId], deadline: '2026-02-24', extra: { confirmPastDeadline: true } });
      await makeItem(h, { listId, lead: [unitC.unitId], deadline: '2026-03-31' });
      await sent();
      // Items made by earlier tests in this file all have later deadlines: only these two are overdue on 2026-03-02.
      expect(await notifyOverdueItems(h.ctx, SYSTEM_ACTOR, { date: '2026-03-02' })).toEqual({ date: '2026-03-02', items: 2 });
      const s = await sent();
      expect(s).toEqual([{ to: 'office', kind: 'overdue', title: '2 项事项已逾期', link: '/worklists?overdue=true' }]);
      const body = (await h.ctx.db.selectFrom('notification').select('body').where('id', '=', mark).executeTakeFirstOrThrow()).body;
      expect(body).toContain(`（时限 2026-02-20）`);
      expect(body).toContain(`（时限 2026-02-24）`);
      // The next day's run has nothing new to tell.
      expect((await notifyOverdueItems(h.ctx, SYSTEM_ACTOR, { date: '2026-03-03' })).items).toBe(0);
      expect(await sent()).toEqual([]);
      // An extended deadline that passes again is told again.
      const office = await h.as('office');
      const found = (await office.get(`/api/v1/items/${before.id}`)).json();
      await office.patch(`/api/v1/items/${before.id}`, { version: found.version, deadline: '2026-03-04' });
      await sent();
      expect((await notifyOverdueItems(h.ctx, SYSTEM_ACTOR, { date: '2026-03-06' })).items).toBe(1);
      expect(await sent()).toEqual([
        { to: 'office', kind: 'overdue', title: `事项逾期：${found.code}`, link: `/worklists/items/${before.id}` },
      ]);
      expect(alsoBefore.id).toBeGreaterThan(0);
    });

    it('groups an import: one message per unit with its count, and a re-import tells nobody again', async () => {
      const rows = Array.from({ length: 300 }, (_, i) => [
        String(i + 1),
        '开办企业',
        `导入事项 ${i + 1}`,
        null,
        i < 200 ? '市行政审批局' : '市发改委',
        i < 200 ? '市发改委' : null,
        '2026年12月底',
      ]);
      const file = await workbook({ name: '任务', rows: [HEADER, ...rows] });
      const office = await h.as('office');
      const importOnce = async () => {
        const { body, headers } = workbookUpload(file);
        const preview = await office.request(
          'POST',
          `/api/v1/worklists/imports?kind=task&list=${encodeURIComponent('分组通知清单')}`,
          body,
          headers,
        );
        expect(preview.statusCode).toBe(200);
        const commit = await office.post('/api/v1/worklists/imports/commit', { token: preview.json().token });
        expect(commit.statusCode).toBe(200);
        return commit.json();
      };
      await sent();
      expect(await importOnce()).toMatchObject({ created: 300 });
      const s = await sent();
      expect(recipients(s)).toEqual([unitB.liaison, 'liaison'].sort());
      const list = await h.ctx.db.selectFrom('worklist').select('id').where('name', '=', '分组通知清单').executeTakeFirstOrThrow();
      expect(s.find((x) => x.to === 'liaison')).toEqual({
        to: 'liaison',
        kind: 'assigned',
        title: '新分配事项：“分组通知清单”200 项',
        link: `/worklists?listId=${list.id}`,
      });
      expect(s.find((x) => x.to === unitB.liaison)!.title).toBe('新分配事项：“分组通知清单”300 项');
      const fgwBody = (
        await h.ctx.db
          .selectFrom('notification')
          .innerJoin('app_user', 'app_user.id', 'notification.user_id')
          .select('body')
          .where('username', '=', unitB.liaison)
          .orderBy('notification.id', 'desc')
          .executeTakeFirstOrThrow()
      ).body;
      expect(fgwBody).toContain('牵头事项 100 项、配合事项 200 项');

      expect(await importOnce()).toMatchObject({ created: 0, updated: 300 });
      expect(await sent()).toEqual([]);
    });
  },
  { config: { dataDir } },
);
