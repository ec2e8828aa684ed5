import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';

/** The finance module's jobs (cron, Asia/Shanghai); handlers in finance.jobs.ts. */
export const financeJobs = defineJobs({
  'finance.desk-overdue': {
    label: { zh: '融资专班逾期问题列入督办', en: 'Put overdue financing-desk steps on the supervision ladder' },
    payload: z.object({}).strict(),
    // before the supervision ladder's 09:00 run, so a step overdue since yesterday is on it today
    schedule: { cron: '10 8 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
});

type FinanceJobs = typeof financeJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends FinanceJobs {}
}
