import type { JobHandlersFor } from '../../jobs/define.js';
import { escalateOverdueDeskSteps } from './desk.service.js';

export const financeJobHandlers: JobHandlersFor<'finance'> = {
  // Daily, before the supervision ladder's run (09:00), so a step overdue since yesterday is on it today.
  'finance.desk-overdue': (ctx) => escalateOverdueDeskSteps(ctx),
};
