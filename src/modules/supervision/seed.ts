import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { addDays, chinaDate } from '../../common/dates.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { loadUnitResolver } from '../org/units.service.js';
import { draftLastMonth } from './bulletin.service.js';
import { createMeeting } from './dispatch.service.js';
import { runEscalation } from './escalation.service.js';
import { listMeetings } from './supervision.repository.js';
import { takeWeeklySnapshot } from './weekly.service.js';

/** How far back the demo replays the daily escalation job. */
const DEMO_LADDER_WORKDAYS = 12;

/** Synthetic demo meetings (clearly marked 演示) and the first round of the supervision rhythm. Idempotent. */
export async function seedDemoSupervision(ctx: AppContext): Promise<{ meetings: number; snapshot: boolean; bulletin: string | null }> {
  if ((await listMeetings(ctx.db, {})).length) return { meetings: 0, snapshot: false, bulletin: null };
  const resolver = await loadUnitResolver(ctx.db);
  const id = (name: string) => resolver.resolve(name)?.id;
  const units = ['市发改委', '市行政审批和政务服务局', '市住建局', '市市场监管局', '市自然资源局']
    .map(id)
    .filter((u): u is number => Boolean(u));
  if (units.length < 3) return { meetings: 0, snapshot: false, bulletin: null };
  const today = chinaDate(ctx.clock());
  const meetings = [
    { type: 'mayor' as const, title: '全市优化营商环境工作调度会（演示）', chair: '市长', days: -40 },
    { type: 'task_force' as const, title: '营商环境工作专班周调度会（演示）', chair: '专班负责人', days: -12 },
    { type: 'special' as const, title: '获得电力专题调度会（演示）', chair: '常务副市长', days: -5 },
  ];
  for (const [i, m] of meetings.entries()) {
    const date = addDays(today, m.days);
    await createMeeting(ctx, SYSTEM_ACTOR, {
      date,
      type: m.type,
      title: m.title,
      chair: m.chair,
      unitIds: units,
      topics: ['企业开办全程网办', '工程建设项目审批提速', '低压小微企业接电'].slice(0, i + 1),
      // A meeting of 40 days ago may have decided things due by now: recorded as they were decided.
      confirmPastDeadline: true,
      decisions: [
        {
          content: `${m.title}议定：压缩企业开办时间至0.5个工作日（演示）`,
          leadUnitIds: [units[1]],
          coopUnitIds: [units[3]],
          deadline: addDays(date, 20),
        },
        { content: `${m.title}议定：工程建设项目审批全流程网办（演示）`, leadUnitIds: [units[2]], deadline: addDays(date, 45) },
        { content: `${m.title}议定：常态化政企沟通（演示）`, leadUnitIds: [units[0]], ongoing: true },
      ],
    });
  }
  // The ladder as it stands after the office has run it for the last weeks: each day in turn, on that
  // day's clock, so items overdue for long have climbed further than those just overdue.
  const cal = await getWorkCalendar(ctx);
  for (let d = cal.addWorkdays(today, -DEMO_LADDER_WORKDAYS); d <= today; d = addDays(d, 1)) {
    if (!cal.isWorkday(d)) continue;
    const at = d === today ? ctx.clock() : new Date(`${d}T01:00:00Z`);
    await runEscalation({ ...ctx, clock: () => at }, SYSTEM_ACTOR, { date: d });
  }
  const { created } = await takeWeeklySnapshot(ctx, SYSTEM_ACTOR);
  const { month } = await draftLastMonth(ctx, SYSTEM_ACTOR);
  return { meetings: meetings.length, snapshot: created, bulletin: month };
}
