import type { JobHandlersFor } from '../../jobs/define.js';
import { matchPolicies } from './matching.service.js';
import { sendNoticeEmails } from './results.service.js';

/** 免申即享 bulk matching: idempotent (a second run recomputes the same pairs). */
export const policyJobHandlers: JobHandlersFor<'policies'> = {
  'policies.match': (ctx, payload, run) =>
    matchPolicies(ctx, { mode: payload.mode, jobRunId: run.runId, progress: (done, total, message) => run.progress(done, total, message) }),
  // E-mail to an enterprise's registry address about a match; retried, never sent twice.
  'policies.notice-email': (ctx, p) => sendNoticeEmails(ctx, p.ids),
};
