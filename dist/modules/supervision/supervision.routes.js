import { z } from "zod";
import {
  escalationRunBody,
  escalationRunView,
  escalationSettingsBody,
  idParam,
  noticePage,
  noticeQuery,
  noticeView,
  replyBody,
  scoreSettingsBody,
  settingsView,
  snapshotParam,
  snapshotSummary,
  snapshotView,
  takeSnapshotBody
} from "../../common/schemas/supervision.js";
import { actorOf } from "../../http/access.js";
import { listNoticesFor, replyNotice, runEscalation } from "./escalation.service.js";
import { getSettings, updateEscalationSettings, updateScoreSettings } from "./settings.service.js";
import { snapshotWorkbook } from "./weekly.export.js";
import { getSnapshot, listWeeklySnapshots, takeWeeklySnapshot } from "./weekly.service.js";
const MANAGE = ["admin", "office"];
const READ_ALL = ["admin", "office", "leader"];
const READ_SCOPED = ["admin", "office", "leader", "liaison", "unit_head"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
function attachment(filename, fallback) {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
function supervisionRoutes(ctx) {
  return async (app) => {
    const tags = ["supervision"];
    app.get(
      "/supervision/settings",
      { config: { access: READ_ALL }, schema: { tags, summary: "\u7763\u529E\u5347\u7EA7\u4E0E\u7EA2\u9ED1\u699C\u8BA1\u5206\u8BBE\u7F6E / escalation and score settings", response: { 200: settingsView } } },
      async () => getSettings(ctx)
    );
    app.put(
      "/supervision/settings/escalation",
      { config: { access: MANAGE }, schema: { tags, summary: "\u4FEE\u6539\u63D0\u9192\u4E0E\u5347\u7EA7\u6B65\u9AA4 / change the reminder and escalation steps", body: escalationSettingsBody, response: { 200: settingsView } } },
      async (request) => updateEscalationSettings(ctx, actorOf(request), request.body)
    );
    app.put(
      "/supervision/settings/score",
      { config: { access: MANAGE }, schema: { tags, summary: "\u4FEE\u6539\u7EA2\u9ED1\u699C\u8BA1\u5206 / change the red/black-list score", body: scoreSettingsBody, response: { 200: settingsView } } },
      async (request) => updateScoreSettings(ctx, actorOf(request), request.body)
    );
    app.post(
      "/supervision/escalation/run",
      { config: { access: MANAGE }, schema: { tags, summary: "\u7ACB\u5373\u6267\u884C\u63D0\u9192\u4E0E\u5347\u7EA7 / run reminders and escalation now", body: escalationRunBody, response: { 200: escalationRunView } } },
      async (request) => runEscalation(ctx, actorOf(request), { date: request.body.date })
    );
    app.get(
      "/supervision/notices",
      { config: { access: READ_SCOPED }, schema: { tags, summary: "\u63D0\u9192\u3001\u7763\u529E\u5355\u3001\u901A\u62A5\u3001\u7EA6\u8C08\u8BB0\u5F55 / reminders, notices, bulletin namings, summonses", querystring: noticeQuery, response: { 200: noticePage } } },
      async (request) => listNoticesFor(ctx, actorOf(request), request.query)
    );
    app.post(
      "/supervision/notices/:id/reply",
      { config: { access: ["liaison", "unit_head"] }, schema: { tags, summary: "\u56DE\u590D\u7763\u529E\u5355 / reply to a supervision notice", params: idParam, body: replyBody, response: { 200: noticeView } } },
      async (request) => replyNotice(ctx, actorOf(request), request.params.id, request.body.text)
    );
    app.get(
      "/supervision/weekly",
      { config: { access: READ_SCOPED }, schema: { tags, summary: "\u5468\u7763\u67E5\u5FEB\u7167\u5217\u8868 / weekly snapshots", response: { 200: z.array(snapshotSummary) } } },
      async (request) => listWeeklySnapshots(ctx, actorOf(request))
    );
    app.post(
      "/supervision/weekly",
      { config: { access: MANAGE }, schema: { tags, summary: "\u751F\u6210\u672C\u5468\u5FEB\u7167 / take this week\u2019s snapshot", body: takeSnapshotBody, response: { 200: snapshotView, 201: snapshotView } } },
      async (request, reply) => {
        const { snapshot, created } = await takeWeeklySnapshot(ctx, actorOf(request), request.body);
        return reply.status(created ? 201 : 200).send(snapshot);
      }
    );
    app.get(
      "/supervision/weekly/:id",
      { config: { access: READ_SCOPED }, schema: { tags, summary: "\u5468\u7763\u67E5\u5FEB\u7167\uFF08id \u6216 latest\uFF09 / a weekly snapshot (id or latest)", params: snapshotParam, response: { 200: snapshotView } } },
      async (request) => getSnapshot(ctx, actorOf(request), request.params.id)
    );
    app.get(
      "/supervision/weekly/:id/export.xlsx",
      { config: { access: READ_SCOPED }, schema: { tags, summary: "\u5BFC\u51FA\u5468\u7763\u67E5 Excel / export a snapshot as .xlsx", params: snapshotParam, produces: [XLSX] } },
      async (request, reply) => {
        const s = await getSnapshot(ctx, actorOf(request), request.params.id);
        return reply.header("content-type", XLSX).header("content-disposition", attachment(`\u5468\u7763\u67E5-${s.weekOf}.xlsx`, `weekly-${s.weekOf}.xlsx`)).send(await snapshotWorkbook(s));
      }
    );
  };
}
export {
  MANAGE,
  READ_ALL,
  READ_SCOPED,
  XLSX,
  attachment,
  supervisionRoutes
};
//# sourceMappingURL=supervision.routes.js.map
