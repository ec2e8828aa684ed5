import fastifyMultipart from "@fastify/multipart";
import { jobRunView } from "../../../common/schemas/jobs.js";
import { importCommitBody, importPreviewView, importQuery, importResultView } from "../../../common/schemas/worklists-import.js";
import { actorOf } from "../../../http/access.js";
import { enqueueImportCommit, importCommitUpload, importPreviewUpload } from "./import.service.js";
import { readUpload } from "../../../http/upload.js";
const tags = ["worklists"];
function worklistImportRoutes(ctx) {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 3, fieldSize: 1024 } });
    app.post(
      "/worklists/imports",
      {
        config: { access: ["admin", "office"] },
        schema: {
          tags,
          summary: "\u4E0A\u4F20 Excel \u6E05\u5355\u5E76\u9884\u89C8\uFF08multipart\uFF0C\u5B57\u6BB5 file\uFF09 / upload a workbook and preview the import",
          consumes: ["multipart/form-data"],
          querystring: importQuery,
          response: { 200: importPreviewView }
        }
      },
      async (request) => {
        const { filename, data: buffer } = await readUpload(request, ctx.config.uploadMaxBytes);
        const q = request.query;
        return importPreviewUpload(ctx, actorOf(request), { buffer, kind: q.kind, list: q.list, fileName: q.fileName ?? filename });
      }
    );
    app.post(
      "/worklists/imports/commit",
      {
        config: { access: ["admin", "office"] },
        schema: { tags, summary: "\u786E\u8BA4\u5BFC\u5165\uFF08\u5168\u90E8\u6216\u4EC5\u65E0\u8BEF\u7684\u884C\uFF09 / commit a previewed import", body: importCommitBody, response: { 200: importResultView } }
      },
      async (request) => importCommitUpload(ctx, actorOf(request), request.body)
    );
    app.post(
      "/worklists/imports/commit-job",
      {
        config: { access: ["admin", "office"] },
        schema: { tags, summary: "\u540E\u53F0\u786E\u8BA4\u5BFC\u5165\uFF0C\u8FDB\u5EA6\u89C1 /jobs/runs/:id / commit as a background job", body: importCommitBody, response: { 202: jobRunView } }
      },
      async (request, reply) => reply.status(202).send(await enqueueImportCommit(ctx, actorOf(request), request.body))
    );
  };
}
export {
  worklistImportRoutes
};
//# sourceMappingURL=import.routes.js.map
