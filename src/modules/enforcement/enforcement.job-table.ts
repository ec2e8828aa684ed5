import { z } from 'zod';
import { defineJobs } from '../../common/jobs.js';

/** The enforcement module's jobs; handlers in enforcement.jobs.ts. */
export const enforcementJobs = defineJobs({
  // Nightly: tax credit grades and records arrive every day, and the next draw uses the grades.
  'enforcement.regrade': {
    label: { zh: '企业信用风险分类评定', en: 'Credit-risk grading of every enterprise' },
    payload: z.object({}).strict(),
    retry: { attempts: 2, delaySeconds: 60 },
    schedule: { cron: '30 2 * * *' },
  },
});

type EnforcementJobs = typeof enforcementJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends EnforcementJobs {}
}
