import { SYSTEM_ACTOR } from '../../context.js';
import type { JobHandlersFor } from '../../jobs/define.js';
import { draftLastMonth } from './bulletin.service.js';
import { runEscalation } from './escalation.service.js';
import { takeWeeklySnapshot } from './weekly.service.js';

/**
 * The supervision rhythm as jobs (declared with their schedules in src/common/jobs.ts). Each handler
 * is idempotent: a retry finds the step already fired, the week already frozen, the bulletin already
 * drafted (then refreshed) or published (then left alone).
 */
export const supervisionJobHandlers: JobHandlersFor<'supervision'> = {
  'supervision.weekly-snapshot': async (ctx, payload) => {
    const { snapshot, created } = await takeWeeklySnapshot(ctx, SYSTEM_ACTOR, payload);
    return { weekOf: snapshot.weekOf, id: snapshot.id, created, totals: snapshot.totals };
  },
  'supervision.bulletin-draft': (ctx) => draftLastMonth(ctx, SYSTEM_ACTOR),
  'supervision.reminders': (ctx, payload) => runEscalation(ctx, SYSTEM_ACTOR, payload),
};
