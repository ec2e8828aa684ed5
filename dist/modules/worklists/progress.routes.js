import { idParam } from "../../common/schemas/org.js";
import {
  extensionBody,
  extensionDecisionBody,
  extensionParams,
  itemDetailView,
  noteBody,
  reasonBody,
  reportBody,
  reportParams,
  selfScoreBody,
  stageBody,
  textBody
} from "../../common/schemas/worklists.js";
import { actorOf } from "../../http/access.js";
import {
  addComment,
  addInstruction,
  decideExtension,
  headDecision,
  officeDecision,
  reopenItem,
  reportProgress,
  requestExtension,
  setCaseStage,
  setSelfScore,
  startItem
} from "./progress.service.js";
const tags = ["worklists"];
const response = { 200: itemDetailView };
const UNIT_ROLES = ["liaison", "unit_head"];
const ALL = ["admin", "office", "leader", "unit_head", "liaison"];
const OFFICE = ["admin", "office"];
function progressRoutes(ctx) {
  return async (app) => {
    app.post(
      "/items/:id/start",
      { config: { access: [...OFFICE, ...UNIT_ROLES] }, schema: { tags, summary: "\u542F\u52A8 / start", params: idParam, response } },
      async (request) => startItem(ctx, actorOf(request), request.params.id)
    );
    app.post(
      "/items/:id/reports",
      { config: { access: ["liaison"] }, schema: { tags, summary: "\u62A5\u9001\u8FDB\u5C55 / report progress", params: idParam, body: reportBody, response } },
      async (request) => reportProgress(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/items/:id/reports/:reportId/approve",
      { config: { access: ["unit_head"] }, schema: { tags, summary: "\u5355\u4F4D\u8D1F\u8D23\u4EBA\u5BA1\u6838\u901A\u8FC7 / unit head approves", params: reportParams, body: noteBody, response } },
      async (request) => headDecision(ctx, actorOf(request), request.params.id, request.params.reportId, true, request.body.note ?? null)
    );
    app.post(
      "/items/:id/reports/:reportId/send-back",
      { config: { access: ["unit_head"] }, schema: { tags, summary: "\u5355\u4F4D\u8D1F\u8D23\u4EBA\u9000\u56DE / unit head sends back", params: reportParams, body: reasonBody, response } },
      async (request) => headDecision(ctx, actorOf(request), request.params.id, request.params.reportId, false, request.body.reason)
    );
    app.post(
      "/items/:id/reports/:reportId/accept",
      { config: { access: OFFICE }, schema: { tags, summary: "\u529E\u516C\u5BA4\u91C7\u7EB3\uFF08100% \u5373\u9500\u53F7\uFF09 / office accepts (closes at 100 %)", params: reportParams, body: noteBody, response } },
      async (request) => officeDecision(ctx, actorOf(request), request.params.id, request.params.reportId, true, request.body.note ?? null)
    );
    app.post(
      "/items/:id/reports/:reportId/return",
      { config: { access: OFFICE }, schema: { tags, summary: "\u529E\u516C\u5BA4\u9000\u56DE / office returns with a reason", params: reportParams, body: reasonBody, response } },
      async (request) => officeDecision(ctx, actorOf(request), request.params.id, request.params.reportId, false, request.body.reason)
    );
    app.post(
      "/items/:id/reopen",
      { config: { access: OFFICE }, schema: { tags, summary: "\u91CD\u65B0\u6253\u5F00\u5DF2\u9500\u53F7\u4E8B\u9879 / reopen a closed item", params: idParam, body: reasonBody, response } },
      async (request) => reopenItem(ctx, actorOf(request), request.params.id, request.body.reason)
    );
    app.post(
      "/items/:id/self-score",
      { config: { access: [...OFFICE, ...UNIT_ROLES] }, schema: { tags, summary: "\u8BD5\u9898\u81EA\u8BC4 / self-assess a question", params: idParam, body: selfScoreBody, response } },
      async (request) => setSelfScore(ctx, actorOf(request), request.params.id, request.body.version, request.body.selfScore)
    );
    app.post(
      "/items/:id/stage",
      { config: { access: OFFICE }, schema: { tags, summary: "\u6848\u4F8B\u9636\u6BB5 / set a case\u2019s stage", params: idParam, body: stageBody, response } },
      async (request) => setCaseStage(ctx, actorOf(request), request.params.id, request.body.version, request.body.stage)
    );
    app.post(
      "/items/:id/extensions",
      { config: { access: UNIT_ROLES }, schema: { tags, summary: "\u5EF6\u671F\u7533\u8BF7 / request an extension", params: idParam, body: extensionBody, response } },
      async (request) => requestExtension(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/items/:id/extensions/:extensionId/decision",
      { config: { access: OFFICE }, schema: { tags, summary: "\u6279\u51C6\u6216\u9A73\u56DE\u5EF6\u671F / approve or refuse an extension", params: extensionParams, body: extensionDecisionBody, response } },
      async (request) => decideExtension(ctx, actorOf(request), request.params.id, request.params.extensionId, request.body.approve, request.body.note ?? null)
    );
    app.post(
      "/items/:id/instructions",
      { config: { access: ["leader", "admin"] }, schema: { tags, summary: "\u9886\u5BFC\u6279\u793A / leader\u2019s instruction", params: idParam, body: textBody, response } },
      async (request) => addInstruction(ctx, actorOf(request), request.params.id, request.body.text)
    );
    app.post(
      "/items/:id/comments",
      { config: { access: ALL }, schema: { tags, summary: "\u8BC4\u8BBA / comment", params: idParam, body: textBody, response } },
      async (request) => addComment(ctx, actorOf(request), request.params.id, request.body.text)
    );
  };
}
export {
  progressRoutes
};
//# sourceMappingURL=progress.routes.js.map
