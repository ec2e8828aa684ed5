import { z } from "zod";
import { LIMITS } from "../limits.js";
const JOB_RUN_STATUSES = ["queued", "running", "succeeded", "failed"];
const label = z.object({ zh: z.string(), en: z.string() });
const jobRunView = z.object({
  id: z.number(),
  name: z.string(),
  label,
  status: z.enum(JOB_RUN_STATUSES),
  /** The schedule slot a scheduled run stands for; null when started by hand or by another module. */
  slot: z.string().nullable(),
  attempts: z.number(),
  maxAttempts: z.number(),
  progress: z.object({ done: z.number(), total: z.number().nullable(), percent: z.number().nullable() }),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
  actorId: z.number().nullable(),
  enqueuedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable()
});
const jobScheduleView = z.object({
  name: z.string(),
  label,
  cron: z.string(),
  defaultCron: z.string().nullable(),
  timezone: z.string(),
  enabled: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastRunId: z.number().nullable(),
  lastStatus: z.string().nullable(),
  version: z.number()
});
const jobNameParam = z.object({ name: z.string().min(1).max(80) }).strict();
const updateScheduleBody = z.object({
  cron: z.string().trim().min(9).max(80).optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().positive()
}).strict();
const jobRunListQuery = z.object({
  name: z.string().max(80).optional(),
  status: z.enum(JOB_RUN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default)
}).strict();
const jobRunList = z.object({ items: z.array(jobRunView), total: z.number() });
export {
  JOB_RUN_STATUSES,
  jobNameParam,
  jobRunList,
  jobRunListQuery,
  jobRunView,
  jobScheduleView,
  updateScheduleBody
};
//# sourceMappingURL=jobs.js.map
