import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../context.js';
import { defineJob } from '../../jobs/define.js';
import { notifyOverdueItems } from './notify.service.js';

/** After the escalation run (09:00), the office hears once of each item that became overdue. */
export const overdueNoticeJob = defineJob({
  name: 'worklists.overdue-notice',
  label: { zh: '逾期事项告知办公室', en: 'Tell the office of newly overdue items' },
  payload: z.object({ date: z.iso.date().optional() }).strict(),
  schedule: { cron: '5 9 * * *' },
  retry: { attempts: 3, delaySeconds: 60 },
  handler: (ctx, payload) => notifyOverdueItems(ctx, SYSTEM_ACTOR, payload),
});
