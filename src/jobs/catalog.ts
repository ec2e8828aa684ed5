import { z } from 'zod';
import { emailNotificationsJob, webhookNotificationsJob } from '../modules/notifications/notifications.jobs.js';
import { matchPoliciesJob } from '../modules/policies/policies.jobs.js';
import { type JobDefinition, defineJob } from './define.js';

/**
 * Every job of the platform, with its retries and default schedule: the one place they are
 * declared. A module adds its jobs here (its `<module>.jobs.ts` exports them).
 *
 * The three supervision schedules are declared now so the admin page and the clock exist; their
 * handlers become calls into src/modules/supervision when that module lands.
 */
const scheduled = (name: string, zh: string, en: string, cron: string) =>
  defineJob({
    name,
    label: { zh, en },
    payload: z.object({}).strict(),
    schedule: { cron },
    retry: { attempts: 3, delaySeconds: 60 },
    handler: async (_ctx, _payload, run) => ({ slot: run.slot, done: false, reason: 'supervision module not installed yet' }),
  });

export const jobCatalog: JobDefinition[] = [
  scheduled('supervision.weekly-snapshot', '周督查快照', 'Weekly supervision snapshot', '0 8 * * 1'),
  scheduled('supervision.bulletin-draft', '月通报草稿', 'Monthly bulletin draft', '0 8 1 * *'),
  scheduled('supervision.reminders', '到期提醒与督办升级', 'Deadline reminders and escalation', '0 9 * * *'),
  emailNotificationsJob,
  webhookNotificationsJob,
  matchPoliciesJob,
];
