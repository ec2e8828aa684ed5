import { z } from 'zod';
import { defineJob } from '../../jobs/define.js';
import { deliverByEmail, deliverByWebhook, sendDigest } from './notifications.service.js';

const payload = z.object({ ids: z.array(z.number().int().positive()).min(1) }).strict();

/** Sending is a job so that a slow or failing mail server never holds up the write that notified. */
export const emailNotificationsJob = defineJob({
  name: 'notifications.email',
  label: { zh: '邮件通知', en: 'E-mail notifications' },
  payload,
  retry: { attempts: 4, delaySeconds: 30 },
  handler: (ctx, p) => deliverByEmail(ctx, p.ids),
});

export const webhookNotificationsJob = defineJob({
  name: 'notifications.webhook',
  label: { zh: '工作群机器人通知', en: 'Work-chat robot notifications' },
  payload,
  retry: { attempts: 4, delaySeconds: 30 },
  handler: (ctx, p) => deliverByWebhook(ctx, p.ids),
});

/**
 * Routine messages (assignments, reports awaiting approval, returns …) reach e-mail and the robot
 * once a day; the hour is this schedule, which the admin can change on the scheduled-jobs page.
 */
export const digestNotificationsJob = defineJob({
  name: 'notifications.digest',
  label: { zh: '每日消息汇总（邮件/工作群）', en: 'Daily notification digest (e-mail/work chat)' },
  payload: z.object({}).strict(),
  schedule: { cron: '30 8 * * *' },
  retry: { attempts: 4, delaySeconds: 60 },
  handler: (ctx) => sendDigest(ctx),
});
