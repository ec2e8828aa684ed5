import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';
import { isoDate } from '../../common/schemas/date.js';
import { importCommitBody } from '../../common/schemas/worklists-import.js';

/** The worklists module's jobs: name, payload, retries and default schedule (cron, Asia/Shanghai); handlers in worklists.jobs.ts. */
export const worklistJobs = defineJobs({
  'worklists.import': {
    label: { zh: 'Excel 清单导入', en: 'Work list import from Excel' },
    payload: importCommitBody,
    retry: { attempts: 2, delaySeconds: 5 },
  },
  'worklists.overdue-notice': {
    label: { zh: '逾期事项告知办公室', en: 'Tell the office of newly overdue items' },
    payload: z.object({ date: isoDate.optional() }).strict(),
    schedule: { cron: '5 9 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
});

type WorklistJobs = typeof worklistJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends WorklistJobs {}
}
