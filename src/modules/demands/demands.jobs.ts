import type { JobHandlersFor } from '../../jobs/define.js';
import { superviseOverdue } from './ratings.service.js';

/** Idempotent: a ticket is handed to supervision once (marked in the same run). */
export const demandJobHandlers: JobHandlersFor<'demands'> = {
  'demands.overdue': (ctx) => superviseOverdue(ctx),
};
