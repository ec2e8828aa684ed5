import { z } from 'zod';
import { isoDate } from '../../common/schemas/date.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { defineJob } from '../../jobs/define.js';
import { draftLastMonth } from './bulletin.service.js';
import { runEscalation } from './escalation.service.js';
import { takeWeeklySnapshot } from './weekly.service.js';

/**
 * The supervision rhythm as declared jobs (default schedules, Asia/Shanghai; the admin may change
 * them). Each handler is idempotent: a retry finds the step already fired, the week already
 * frozen, the bulletin already drafted (then refreshed) or published (then left alone).
 */
export const weeklySnapshotJob = defineJob({
  name: 'supervision.weekly-snapshot',
  label: { zh: '周督查快照', en: 'Weekly supervision snapshot' },
  payload: z.object({ weekOf: isoDate.optional() }).strict(),
  schedule: { cron: '0 8 * * 1' },
  retry: { attempts: 3, delaySeconds: 60 },
  handler: async (ctx, payload) => {
    const { snapshot, created } = await takeWeeklySnapshot(ctx, SYSTEM_ACTOR, payload);
    return { weekOf: snapshot.weekOf, id: snapshot.id, created, totals: snapshot.totals };
  },
});

export const bulletinDraftJob = defineJob({
  name: 'supervision.bulletin-draft',
  label: { zh: '月通报草稿', en: 'Monthly bulletin draft' },
  payload: z.object({}).strict(),
  schedule: { cron: '0 8 1 * *' },
  retry: { attempts: 3, delaySeconds: 60 },
  handler: (ctx) => draftLastMonth(ctx, SYSTEM_ACTOR),
});

export const remindersJob = defineJob({
  name: 'supervision.reminders',
  label: { zh: '到期提醒与督办升级', en: 'Deadline reminders and escalation' },
  payload: z.object({ date: isoDate.optional() }).strict(),
  schedule: { cron: '0 9 * * *' },
  retry: { attempts: 3, delaySeconds: 60 },
  handler: (ctx, payload) => runEscalation(ctx, SYSTEM_ACTOR, payload),
});

export const supervisionJobs = [weeklySnapshotJob, bulletinDraftJob, remindersJob];
