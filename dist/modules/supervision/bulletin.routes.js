import { z } from "zod";
import { bulletinSummary, bulletinView, draftBulletinBody, idParam, updateBulletinBody, versionBody } from "../../common/schemas/supervision.js";
import { actorOf } from "../../http/access.js";
import { bulletinDocument } from "./bulletin.document.js";
import { draftBulletin, getBulletin, listAllBulletins, publishBulletin, updateBulletin } from "./bulletin.service.js";
import { MANAGE, READ_ALL, attachment } from "./supervision.routes.js";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
function bulletinRoutes(ctx) {
  return async (app) => {
    const tags = ["supervision"];
    app.get(
      "/supervision/bulletins",
      { config: { access: READ_ALL }, schema: { tags, summary: "\u6708\u901A\u62A5\u5217\u8868 / monthly bulletins", response: { 200: z.array(bulletinSummary) } } },
      async () => listAllBulletins(ctx)
    );
    app.post(
      "/supervision/bulletins",
      { config: { access: MANAGE }, schema: { tags, summary: "\u8D77\u8349\u6216\u5237\u65B0\u67D0\u6708\u901A\u62A5 / draft (or refresh the draft of) a month", body: draftBulletinBody, response: { 200: bulletinView, 201: bulletinView } } },
      async (request, reply) => {
        const { bulletin, created } = await draftBulletin(ctx, actorOf(request), request.body.month);
        return reply.status(created ? 201 : 200).send(bulletin);
      }
    );
    app.get(
      "/supervision/bulletins/:id",
      { config: { access: READ_ALL }, schema: { tags, params: idParam, response: { 200: bulletinView } } },
      async (request) => getBulletin(ctx, request.params.id)
    );
    app.patch(
      "/supervision/bulletins/:id",
      { config: { access: MANAGE }, schema: { tags, summary: "\u4FEE\u6539\u8349\u7A3F\u7684\u6807\u9898\u4E0E\u8BC4\u8FF0 / edit a draft\u2019s title and commentary", params: idParam, body: updateBulletinBody, response: { 200: bulletinView } } },
      async (request) => updateBulletin(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/supervision/bulletins/:id/publish",
      { config: { access: MANAGE }, schema: { tags, summary: "\u53D1\u5E03\uFF08\u53D1\u5E03\u540E\u4E0D\u53EF\u66F4\u6539\uFF09 / publish (final)", params: idParam, body: versionBody, response: { 200: bulletinView } } },
      async (request) => publishBulletin(ctx, actorOf(request), request.params.id, request.body.version)
    );
    for (const format of ["docx", "pdf"]) {
      app.get(
        `/supervision/bulletins/:id/document.${format}`,
        { config: { access: READ_ALL }, schema: { tags, summary: `\u4E0B\u8F7D .${format} / download as .${format}`, params: idParam, produces: [format === "docx" ? DOCX : "application/pdf"] } },
        async (request, reply) => {
          const b = await getBulletin(ctx, request.params.id);
          const buffer = await bulletinDocument(b, format, ctx.config);
          return reply.header("content-type", format === "docx" ? DOCX : "application/pdf").header("content-disposition", attachment(`${b.title}${b.status === "draft" ? "\uFF08\u8349\u7A3F\uFF09" : ""}.${format}`, `bulletin-${b.month}.${format}`)).send(buffer);
        }
      );
    }
  };
}
export {
  bulletinRoutes
};
//# sourceMappingURL=bulletin.routes.js.map
