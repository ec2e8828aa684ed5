import { z } from "zod";
import { idParam } from "../common/schemas/org.js";
import { jobNameParam, jobRunList, jobRunListQuery, jobRunView, jobScheduleView, updateScheduleBody } from "../common/schemas/jobs.js";
import { actorOf } from "../http/access.js";
import { listJobRuns, listSchedules, runScheduleNow, updateSchedule, viewJobRun } from "./jobs.service.js";
function jobRoutes(ctx) {
  return async (app) => {
    app.get(
      "/jobs/schedules",
      { config: { access: ["admin", "office"] }, schema: { tags: ["jobs"], summary: "\u5B9A\u65F6\u4EFB\u52A1 / schedules with last and next run", response: { 200: z.array(jobScheduleView) } } },
      async () => listSchedules(ctx)
    );
    app.patch(
      "/jobs/schedules/:name",
      {
        config: { access: ["admin"] },
        schema: { tags: ["jobs"], summary: "\u4FEE\u6539\u5B9A\u65F6\u8BBE\u7F6E / change a schedule (cron, on/off)", params: jobNameParam, body: updateScheduleBody, response: { 200: jobScheduleView } }
      },
      async (request) => updateSchedule(ctx, actorOf(request), request.params.name, request.body)
    );
    app.post(
      "/jobs/schedules/:name/run",
      { config: { access: ["admin", "office"] }, schema: { tags: ["jobs"], summary: "\u7ACB\u5373\u6267\u884C / run now", params: jobNameParam, response: { 202: jobRunView } } },
      async (request, reply) => reply.status(202).send(await runScheduleNow(ctx, actorOf(request), request.params.name))
    );
    app.get(
      "/jobs/runs",
      { config: { access: "authenticated" }, schema: { tags: ["jobs"], summary: "\u4EFB\u52A1\u6267\u884C\u8BB0\u5F55 / job runs", querystring: jobRunListQuery, response: { 200: jobRunList } } },
      async (request) => listJobRuns(ctx, actorOf(request), request.query)
    );
    app.get(
      "/jobs/runs/:id",
      { config: { access: "authenticated" }, schema: { tags: ["jobs"], summary: "\u4EFB\u52A1\u8FDB\u5EA6 / a run and its progress", params: idParam, response: { 200: jobRunView } } },
      async (request) => viewJobRun(ctx, actorOf(request), request.params.id)
    );
  };
}
export {
  jobRoutes
};
//# sourceMappingURL=jobs.routes.js.map
