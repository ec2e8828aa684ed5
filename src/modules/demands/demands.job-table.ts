import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';

/** The demands module's jobs: name, payload, retries and default schedule (cron, Asia/Shanghai); handlers in demands.jobs.ts. */
export const demandJobs = defineJobs({
  'demands.overdue': {
    label: { zh: '诉求工单超期转督办', en: 'Overdue tickets to supervision' },
    payload: z.object({}).strict(),
    // hourly through the office day, every day (swapped working days fall on weekends); a run with
    // nothing past its deadline does nothing
    schedule: { cron: '0 9-18 * * *' },
    retry: { attempts: 3, delaySeconds: 60 },
  },
});

type DemandJobs = typeof demandJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends DemandJobs {}
}
