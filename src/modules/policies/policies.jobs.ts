import type { JobHandlersFor } from '../../jobs/define.js';
import { matchPolicies } from './matching.service.js';

/** 免申即享 bulk matching: idempotent (a second run recomputes the same pairs). */
export const policyJobHandlers: JobHandlersFor<'policies'> = {
  'policies.match': (ctx, payload, run) =>
    matchPolicies(ctx, { mode: payload.mode, jobRunId: run.runId, progress: (done, total, message) => run.progress(done, total, message) }),
};
