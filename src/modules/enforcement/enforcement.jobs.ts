import { SYSTEM_ACTOR } from '../../context.js';
import type { JobHandlersFor } from '../../jobs/define.js';
import { regradeAll } from './credit.service.js';
import { importDeskComplaints } from './desk.service.js';
import { publishDueResults } from './publication.service.js';
import { notifyOverdueRectifications } from './rectification.service.js';

/** Regrading is idempotent: a second run computes the same grades from the same records. */
export const enforcementJobHandlers: JobHandlersFor<'enforcement'> = {
  'enforcement.regrade': (ctx, _payload, run) => regradeAll(ctx, SYSTEM_ACTOR, (done, total) => run.progress(done, total)),
  // Publishing is idempotent too: a published plan has no result left waiting for its deadline.
  'enforcement.publish-due': (ctx) => publishDueResults(ctx),
  // Each (result, deadline) is told once, recorded in the same transaction as the messages.
  'enforcement.rectify-overdue': (ctx) => notifyOverdueRectifications(ctx),
  // A ticket becomes one complaint, linked by its id: re-running imports only what is new.
  'enforcement.desk-complaints': (ctx) => importDeskComplaints(ctx),
};
