import type { JobHandlersFor } from '../../jobs/define.js';
import { deliverByEmail, deliverByWebhook } from './notifications.service.js';

/** Sending is a job so that a slow or failing mail server never holds up the write that notified. */
export const notificationJobHandlers: JobHandlersFor<'notifications'> = {
  'notifications.email': (ctx, p) => deliverByEmail(ctx, p.ids),
  'notifications.webhook': (ctx, p) => deliverByWebhook(ctx, p.ids),
};
