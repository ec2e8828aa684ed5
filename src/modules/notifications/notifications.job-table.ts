import { z } from 'zod';
import { defineJobs, notificationIds } from '../../common/jobs.js';

/**
 * The notifications module's jobs: name, payload, retries and default schedule (cron, Asia/Shanghai);
 * handlers in notifications.jobs.ts.
 */
export const notificationJobs = defineJobs({
  'notifications.email': {
    label: { zh: '邮件通知', en: 'E-mail notifications' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
  'notifications.webhook': {
    label: { zh: '工作群机器人通知', en: 'Work-chat robot notifications' },
    payload: notificationIds,
    retry: { attempts: 4, delaySeconds: 30 },
  },
  'notifications.digest': {
    label: { zh: '每日消息汇总（邮件/工作群）', en: 'Daily notification digest (e-mail/work chat)' },
    payload: z.object({}).strict(),
    schedule: { cron: '30 8 * * *' },
    retry: { attempts: 4, delaySeconds: 60 },
  },
});

type NotificationJobs = typeof notificationJobs;
declare module '../../common/jobs.js' {
  interface ModuleJobs extends NotificationJobs {}
}
