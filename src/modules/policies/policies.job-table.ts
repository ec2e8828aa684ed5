import { z } from 'zod';
import { defineJobs, notificationIds } from '../../common/jobs.js';

/** The policies module's jobs: name, payload, retries and default schedule (cron, Asia/Shanghai); handlers in policies.jobs.ts. */
export const policyJobs = defineJobs({
  'policies.match': {
    label: { zh: '惠企政策批量匹配', en: 'Enterprise policy matching' },
    payload: z.object({ mode: z.enum(['full', 'incremental']) }).strict(),
    retry: { attempts: 2, delaySeconds: 30 },
  },
  'policies.notice-email': {
    label: { zh: '免申即享邮件告知', en: 'Auto-grant e-mail notices' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
});

type PolicyJobs = typeof policyJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends PolicyJobs {}
}
