import { SYSTEM_ACTOR } from '../../context.js';
import type { JobHandlersFor } from '../../jobs/define.js';
import { regradeAll } from './credit.service.js';

/** Regrading is idempotent: a second run computes the same grades from the same records. */
export const enforcementJobHandlers: JobHandlersFor<'enforcement'> = {
  'enforcement.regrade': (ctx, _payload, run) => regradeAll(ctx, SYSTEM_ACTOR, (done, total) => run.progress(done, total)),
};
