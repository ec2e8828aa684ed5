import { matchPolicies } from "./matching.service.js";
const policyJobHandlers = {
  "policies.match": (ctx, payload, run) => matchPolicies(ctx, { mode: payload.mode, jobRunId: run.runId, progress: (done, total, message) => run.progress(done, total, message) })
};
export {
  policyJobHandlers
};
//# sourceMappingURL=policies.jobs.js.map
