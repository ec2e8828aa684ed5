import { emailNotificationsJob, webhookNotificationsJob } from '../modules/notifications/notifications.jobs.js';
import { matchPoliciesJob, noticeEmailJob } from '../modules/policies/policies.jobs.js';
import { supervisionJobs } from '../modules/supervision/supervision.jobs.js';
import { importWorklistJob } from '../modules/worklists/import/import.jobs.js';
import type { JobDefinition } from './define.js';

/**
 * Every job of the platform, with its retries and default schedule: the one place they are
 * declared. A module adds its jobs here (its `<module>.jobs.ts` exports them).
 * Default schedules (Asia/Shanghai): weekly snapshot Monday 08:00, bulletin draft on the 1st at
 * 08:00, reminders and escalation daily at 09:00.
 */
export const jobCatalog: JobDefinition[] = [...(supervisionJobs as JobDefinition[]), emailNotificationsJob, webhookNotificationsJob, importWorklistJob as JobDefinition, matchPoliciesJob as JobDefinition, noticeEmailJob as JobDefinition];
