import type { JobHandlersFor } from '../../jobs/define.js';
import { deliverByEmail, deliverByWebhook, sendDigest } from './notifications.service.js';

/** Sending is a job so that a slow or failing mail server never holds up the write that notified. */
export const notificationJobHandlers: JobHandlersFor<'notifications'> = {
  'notifications.email': (ctx, p) => deliverByEmail(ctx, p.ids),
  'notifications.webhook': (ctx, p) => deliverByWebhook(ctx, p.ids),
  // Routine messages (assignments, reports awaiting approval, returns …) reach e-mail and the robot once a day.
  'notifications.digest': (ctx) => sendDigest(ctx),
};
