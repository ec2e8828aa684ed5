import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findById, listPlans, listResults } from './enforcement.repository.js';
import { markResultsPublished, publishBy } from './inspections.service.js';

/**
 * "一公开" by the deadline: publishes every drawn plan whose unpublished results have reached their
 * publication deadline (`publishBy`: the plan's working days after the inspection, default 20; 国务院
 * 关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见, 国发〔2019〕5号, results made public in
 * time). Done as the system, audited with the deadline, and the office is told; publishing by hand
 * before the deadline stays. Each plan in its own transaction, so one conflict does not hold up the rest.
 * Run daily as the `enforcement.publish-due` job.
 */
export async function publishDueResults(ctx: AppContext): Promise<{ published: number[] }> {
  const today = ctx.clock().toISOString().slice(0, 10);
  // Read before the transactions: on SQLite the calendar's own query would wait for them.
  const calendar = await getWorkCalendar(ctx);
  const published: number[] = [];
  for (const { id } of await listPlans(ctx.db, { status: ['drawn'] })) {
    await withTransaction(ctx.db, async (trx) => {
      const plan = await findById(trx, 'enf_plan', id);
      if (plan?.status !== 'drawn') return;
      const results = await listResults(trx, { planId: id });
      const due = publishBy(calendar, plan, results);
      if (due === null || due > today) return;
      // A plan someone is editing right now is left to the next run (or to them).
      if (!(await markResultsPublished(ctx, trx, SYSTEM_ACTOR, plan, plan.version, { automatic: true, deadline: due }))) return;
      await notify(ctx, trx, {
        roles: ['office'],
        kind: 'general',
        title: `抽查结果已按期自动公示：${plan.name}`,
        body: `公示期限 ${due} 已到，系统已公示该计划的 ${results.length} 条检查结果。`,
        link: `/enforcement/plans/${id}`,
      });
      published.push(id);
    });
  }
  return { published };
}
