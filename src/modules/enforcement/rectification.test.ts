import { expect, it } from 'vitest';
import { drainJobs, enqueueJob } from '../../jobs/runtime.js';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';
import { createUser } from '../org/users.service.js';
import { OFFICE, drawnPlan } from './enforcement.fixtures.js';
import { getPlan } from './inspections.service.js';
import { notifyOverdueRectifications } from './rectification.service.js';

describeEachDialect('enforcement: passed rectification deadlines', (h) => {
  it(
    'tells the department of the checked item and the office once per deadline, again when a moved deadline passes, never a closed one',
    { timeout: 180_000 },
    async () => {
      const plan = await drawnPlan(h.ctx, {
        name: '整改逾期测试计划（示例）',
        enterprisePrefix: '整改测试企业',
        enterprises: 4,
        firstSerial: 9600,
      });
      const { unitIds, visits } = await getPlan(h.ctx, OFFICE, plan.id);
      const [late, fixed] = visits as [(typeof visits)[number], (typeof visits)[number]];
      // The department that owns SJ-CC-01 (the plan's one department) gets its own unit head and liaison.
      for (const [username, role] of [
        ['rect_head', 'unit_head'],
        ['rect_liaison', 'liaison'],
      ] as const)
        await createUser(
          h.ctx,
          { ...OFFICE, role: 'admin' },
          {
            username,
            displayName: username,
            role,
            unitId: unitIds[0]!,
            password: TEST_PASSWORD,
            mustChangePassword: false,
          },
        );
      const office = await h.as('office');
      const record = async (enterpriseId: number) => {
        const res = await office.post(`/api/v1/enforcement/plans/${plan.id}/results`, {
          enterpriseId,
          itemCode: 'SJ-CC-01',
          outcome: 'rectify',
          note: '台账不全',
          inspectedOn: '2026-03-02',
          rectifyDue: '2026-03-20',
        });
        expect(res.statusCode).toBe(201);
        return res.json() as { id: number; version: number };
      };
      const lateResult = await record(late.enterpriseId);
      const fixedResult = await record(fixed.enterpriseId);
      // Rectified before its deadline: never told.
      expect(
        (await office.post(`/api/v1/enforcement/results/${fixedResult.id}/rectified`, { rectifiedOn: '2026-03-10', version: 1 }))
          .statusCode,
      ).toBe(200);

      const runJob = async (day: string) => {
        // 08:20 in China (the schedule's hour): the China day is the one that counts.
        h.now = new Date(`${day}T00:20:00Z`);
        await enqueueJob(h.ctx, 'enforcement.rectify-overdue', {});
        await drainJobs(h.ctx);
      };
      // A fresh login each time: the test clock moves weeks ahead of any earlier session.
      const inbox = async (username: string) =>
        (await (await login(h.app, username, TEST_PASSWORD)).get('/api/v1/notifications?kind=overdue')).json().items as {
          title: string;
          body: string;
          link: string;
        }[];
      const told = ['rect_head', 'rect_liaison', 'office'];

      // On the deadline day the enterprise still has time: nothing.
      await runJob('2026-03-20');
      for (const u of [...told, 'unit_head', 'liaison']) expect(await inbox(u), u).toEqual([]);

      // The day after: one message each for the department's head and liaison and for the office.
      await runJob('2026-03-21');
      const enterprise = late.enterpriseName;
      for (const u of told) {
        const got = await inbox(u);
        expect(got, u).toHaveLength(1);
        expect(got[0]).toMatchObject({ title: `抽查整改逾期：${enterprise}`, link: `/enforcement/plans/${plan.id}` });
        expect(got[0]!.body).toContain('整改期限 2026-03-20');
        expect(got[0]!.body).not.toContain(fixed.enterpriseName);
      }
      // Another department's people are not told.
      for (const u of ['unit_head', 'liaison']) expect(await inbox(u), u).toEqual([]);
      const audits = await h.ctx.db
        .selectFrom('audit_log')
        .select(['entity_id', 'after_json'])
        .where('action', '=', 'enforcement.rectify.overdue.notify')
        .execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]!.entity_id).toBe(String(lateResult.id));

      // A second run, the same day and the next, and two processes at once: nothing more.
      await runJob('2026-03-21');
      await runJob('2026-03-23');
      await Promise.all([notifyOverdueRectifications(h.ctx), notifyOverdueRectifications(h.ctx)]);
      for (const u of told) expect(await inbox(u), u).toHaveLength(1);

      // A deadline moved later (an extension granted by the department) is told again once it passes.
      await h.ctx.db.updateTable('enf_result').set({ rectify_due: '2026-03-27' }).where('id', '=', lateResult.id).execute();
      await runJob('2026-03-27');
      for (const u of told) expect(await inbox(u), u).toHaveLength(1);
      const [first, second] = await Promise.all([notifyOverdueRectifications(h.ctx), notifyOverdueRectifications(h.ctx)]);
      expect([first.results, second.results].flat()).toEqual([]);
      h.now = new Date('2026-03-28T00:20:00Z');
      const [a, b] = await Promise.all([notifyOverdueRectifications(h.ctx), notifyOverdueRectifications(h.ctx)]);
      expect([a.results, b.results].flat()).toEqual([lateResult.id]);
      for (const u of told) {
        const got = await inbox(u);
        expect(got, u).toHaveLength(2);
        expect(got[0]!.body).toContain('整改期限 2026-03-27');
      }

      // Closed: however late, nothing more.
      expect(
        (
          await (
            await login(h.app, 'office', TEST_PASSWORD)
          ).post(`/api/v1/enforcement/results/${lateResult.id}/rectified`, { rectifiedOn: '2026-03-30', version: 1 })
        ).statusCode,
      ).toBe(200);
      await h.ctx.db.updateTable('enf_result').set({ rectify_due: '2026-03-29' }).where('id', '=', lateResult.id).execute();
      await runJob('2026-04-01');
      for (const u of told) expect(await inbox(u), u).toHaveLength(2);
    },
  );
});
