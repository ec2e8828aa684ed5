import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { drainJobs, enqueueJob } from '../../jobs/runtime.js';
import { describeEachDialect } from '../../test/harness.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { OFFICE, drawnPlan } from './enforcement.fixtures.js';
import { getPlan, recordResult } from './inspections.service.js';

describeEachDialect('enforcement: results published at their deadline', (h) => {
  it(
    'publishes as the system once the deadline has come, audited, the office told; not before, and only once',
    { timeout: 180_000 },
    async () => {
      const plan = await drawnPlan(h.ctx, {
        name: '到期公示测试计划（示例）',
        enterprisePrefix: '公示测试企业',
        enterprises: 4,
        firstSerial: 9400,
      });
      const visit = (await getPlan(h.ctx, OFFICE, plan.id)).visits[0]!;
      await recordResult(h.ctx, OFFICE, plan.id, {
        enterpriseId: visit.enterpriseId,
        itemCode: 'SJ-CC-01',
        outcome: 'none',
        note: '',
        inspectedOn: '2026-03-02',
        rectifyDue: null,
        waiverReason: null,
      });
      // 20 working days on the official calendar after the inspection day.
      const deadline = (await getWorkCalendar(h.ctx)).addWorkdays('2026-03-02', 20);
      expect((await getPlan(h.ctx, OFFICE, plan.id)).publishBy).toBe(deadline);

      const runJob = async () => {
        await enqueueJob(h.ctx, 'enforcement.publish-due', {});
        await drainJobs(h.ctx);
      };
      const publicResults = async () =>
        (await h.anonymous().get(`/api/v1/enforcement/public/plans/${plan.id}`)).json().results as unknown[];

      // The day before the deadline: nothing is published.
      h.now = new Date(`${deadline}T02:00:00Z`);
      h.now = new Date(h.now.getTime() - 86_400_000);
      await runJob();
      expect((await getPlan(h.ctx, OFFICE, plan.id)).resultsPublishedAt).toBeNull();
      expect(await publicResults()).toEqual([]);

      // On the deadline the job publishes.
      h.now = new Date(`${deadline}T02:00:00Z`);
      await runJob();
      expect((await getPlan(h.ctx, OFFICE, plan.id)).resultsPublishedAt).toBe(h.now.toISOString());
      expect(await publicResults()).toHaveLength(1);
      const audits = await h.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'after_json'])
        .where('action', '=', 'enforcement.results.publish')
        .where('entity_id', '=', String(plan.id))
        .execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actor_id ?? 0).toBe(SYSTEM_ACTOR.id);
      expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ results: 1, automatic: true, deadline });
      const told = await h.ctx.db.selectFrom('notification').select('title').where('link', '=', `/enforcement/plans/${plan.id}`).execute();
      expect(told.map((n) => n.title)).toContain('抽查结果已按期自动公示：到期公示测试计划（示例）');

      // A second run finds nothing waiting: no second publication, no second notice.
      const noticesBefore = told.length;
      h.now = new Date(h.now.getTime() + 86_400_000);
      await runJob();
      expect(
        await h.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'enforcement.results.publish')
          .where('entity_id', '=', String(plan.id))
          .execute(),
      ).toHaveLength(1);
      expect(
        await h.ctx.db.selectFrom('notification').select('id').where('link', '=', `/enforcement/plans/${plan.id}`).execute(),
      ).toHaveLength(noticesBefore);
    },
  );
});
