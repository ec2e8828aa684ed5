import { z } from 'zod';
import { defineJob } from '../../jobs/define.js';
import { matchPolicies } from './matching.service.js';
import { sendNoticeEmails } from './results.service.js';

/** 免申即享 bulk matching: idempotent (a second run recomputes the same pairs). */
export const matchPoliciesJob = defineJob({
  name: 'policies.match',
  label: { zh: '惠企政策批量匹配', en: 'Enterprise policy matching' },
  payload: z.object({ mode: z.enum(['full', 'incremental']) }).strict(),
  retry: { attempts: 2, delaySeconds: 30 },
  handler: (ctx, payload, run) =>
    matchPolicies(ctx, { mode: payload.mode, jobRunId: run.runId, progress: (done, total, message) => run.progress(done, total, message) }),
});

/** E-mail to an enterprise's registry address about a match; retried, never sent twice. */
export const noticeEmailJob = defineJob({
  name: 'policies.notice-email',
  label: { zh: '免申即享邮件告知', en: 'Auto-grant e-mail notices' },
  payload: z.object({ ids: z.array(z.number().int().positive()).min(1) }).strict(),
  retry: { attempts: 4, delaySeconds: 30 },
  handler: (ctx, p) => sendNoticeEmails(ctx, p.ids),
});
