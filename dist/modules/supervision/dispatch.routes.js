import { z } from "zod";
import { addDecisionsBody, cockpitQuery, cockpitView, createMeetingBody, idParam, meetingQuery, meetingSummary, meetingView } from "../../common/schemas/supervision.js";
import { actorOf } from "../../http/access.js";
import { getCockpit } from "./cockpit.service.js";
import { addDecisions, createMeeting, getMeeting, listMeetingSummaries } from "./dispatch.service.js";
import { MANAGE, READ_ALL } from "./supervision.routes.js";
function dispatchRoutes(ctx) {
  return async (app) => {
    const tags = ["supervision"];
    app.get(
      "/supervision/meetings",
      { config: { access: READ_ALL }, schema: { tags, summary: "\u8C03\u5EA6\u4F1A\u5217\u8868 / dispatch meetings", querystring: meetingQuery, response: { 200: z.array(meetingSummary) } } },
      async (request) => listMeetingSummaries(ctx, request.query)
    );
    app.post(
      "/supervision/meetings",
      { config: { access: MANAGE }, schema: { tags, summary: "\u8BB0\u5F55\u8C03\u5EA6\u4F1A\u53CA\u8BAE\u5B9A\u4E8B\u9879 / record a meeting and its decisions", body: createMeetingBody, response: { 201: meetingView } } },
      async (request, reply) => reply.status(201).send(await createMeeting(ctx, actorOf(request), request.body))
    );
    app.get(
      "/supervision/meetings/:id",
      { config: { access: READ_ALL }, schema: { tags, params: idParam, response: { 200: meetingView } } },
      async (request) => getMeeting(ctx, request.params.id)
    );
    app.post(
      "/supervision/meetings/:id/decisions",
      { config: { access: MANAGE }, schema: { tags, summary: "\u8FFD\u52A0\u8BAE\u5B9A\u4E8B\u9879 / add decisions", params: idParam, body: addDecisionsBody, response: { 200: meetingView } } },
      async (request) => addDecisions(ctx, actorOf(request), request.params.id, request.body.decisions)
    );
    app.get(
      "/supervision/cockpit",
      { config: { access: READ_ALL }, schema: { tags, summary: "\u9886\u5BFC\u9A7E\u9A76\u8231 / the leaders\u2019 cockpit", querystring: cockpitQuery, response: { 200: cockpitView } } },
      async (request) => getCockpit(ctx, actorOf(request), request.query)
    );
  };
}
export {
  dispatchRoutes
};
//# sourceMappingURL=dispatch.routes.js.map
