import { emailNotificationsJob, webhookNotificationsJob } from '../modules/notifications/notifications.jobs.js';
import { matchPoliciesJob } from '../modules/policies/policies.jobs.js';
import { supervisionJobs } from '../modules/supervision/supervision.jobs.js';
import type { JobDefinition } from './define.js';

/**
 * Every job of the platform, with its retries and default schedule: the one place they are
 * declared. A module adds its jobs here (its `<module>.jobs.ts` exports them).
 */
export const jobCatalog: JobDefinition[] = [
  ...supervisionJobs,
  emailNotificationsJob,
  webhookNotificationsJob,
  matchPoliciesJob,
];
