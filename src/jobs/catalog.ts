import { digestNotificationsJob, emailNotificationsJob, webhookNotificationsJob } from '../modules/notifications/notifications.jobs.js';
import { matchPoliciesJob, noticeEmailJob } from '../modules/policies/policies.jobs.js';
import { supervisionJobs } from '../modules/supervision/supervision.jobs.js';
import { importWorklistJob } from '../modules/worklists/import/import.jobs.js';
import { overdueNoticeJob } from '../modules/worklists/notify.jobs.js';
import type { JobDefinition } from './define.js';

/**
 * Every job of the platform, with its retries and default schedule: the one place they are
 * declared. A module adds its jobs here (its `<module>.jobs.ts` exports them).
 * Default schedules (Asia/Shanghai): weekly snapshot Monday 08:00, bulletin draft on the 1st at
 * 08:00, reminders and escalation daily at 09:00, the notification digest daily at 08:30, the
 * overdue notice to the office daily at 09:05.
 */
export const jobCatalog: JobDefinition[] = [
  ...(supervisionJobs as JobDefinition[]),
  emailNotificationsJob,
  webhookNotificationsJob,
  digestNotificationsJob,
  importWorklistJob as JobDefinition,
  matchPoliciesJob as JobDefinition,
  noticeEmailJob as JobDefinition,
  overdueNoticeJob as JobDefinition,
];
