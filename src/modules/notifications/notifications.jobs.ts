import { z } from 'zod';
import { defineJob } from '../../jobs/define.js';
import { deliverByEmail, deliverByWebhook } from './notifications.service.js';

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
