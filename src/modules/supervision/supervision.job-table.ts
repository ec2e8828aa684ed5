import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';
import { isoDate } from '../../common/schemas/date.js';

/** The supervision module's jobs: name, payload, retries and default schedule (cron, Asia/Shanghai); handlers in supervision.jobs.ts. */
export const supervisionJobs = defineJobs({
  'supervision.weekly-snapshot': {
    label: { zh: '周督查快照', en: 'Weekly supervision snapshot' },
    payload: z.object({ weekOf: isoDate.optional() }).strict(),
    schedule: { cron: '0 8 * * 1' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'supervision.bulletin-draft': {
    label: { zh: '月通报草稿', en: 'Monthly bulletin draft' },
    payload: z.object({}).strict(),
    schedule: { cron: '0 8 1 * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
  'supervision.reminders': {
    label: { zh: '到期提醒与督办升级', en: 'Deadline reminders and escalation' },
    payload: z.object({ date: isoDate.optional() }).strict(),
    schedule: { cron: '0 9 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
});

type SupervisionJobs = typeof supervisionJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends SupervisionJobs {}
}
