import { SYSTEM_ACTOR } from '../../context.js';
import type { JobHandlersFor } from '../../jobs/define.js';
import { importWorklistHandler } from './import/import.jobs.js';
import { notifyOverdueItems } from './notify.service.js';

export const worklistJobHandlers: JobHandlersFor<'worklists'> = {
  'worklists.import': importWorklistHandler,
  // After the escalation run (09:00), the office hears once of each item that became overdue.
  'worklists.overdue-notice': (ctx, payload) => notifyOverdueItems(ctx, SYSTEM_ACTOR, payload),
};
