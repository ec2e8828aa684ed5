import fastifyMultipart from "@fastify/multipart";
import { z } from "zod";
import { evidenceView } from "../../common/schemas/worklists.js";
import { actorOf } from "../../http/access.js";
import { downloadEvidence, tooLarge, uploadEvidence } from "./evidence.service.js";
import { readUpload } from "../../http/upload.js";
const tags = ["worklists"];
const evidenceParams = z.object({ id: z.coerce.number().int().positive(), evidenceId: z.coerce.number().int().positive() }).strict();
function evidenceRoutes(ctx) {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5, fieldSize: 1024 } });
    app.post(
      "/items/:id/evidence",
      {
        config: { access: ["admin", "office", "unit_head", "liaison"] },
        schema: { tags, summary: '\u4E0A\u4F20\u4F50\u8BC1\u6750\u6599\uFF08multipart\uFF0C\u5B57\u6BB5 file\uFF09 / upload evidence (multipart field "file")', consumes: ["multipart/form-data"], params: z.object({ id: z.coerce.number().int().positive() }).strict(), response: { 201: evidenceView } }
      },
      async (request, reply) => {
        const { filename, data } = await readUpload(request, ctx.config.uploadMaxBytes, () => tooLarge(ctx.config.uploadMaxBytes));
        return reply.status(201).send(await uploadEvidence(ctx, actorOf(request), request.params.id, { filename, data }));
      }
    );
    app.get(
      "/items/:id/evidence/:evidenceId",
      { config: { access: ["admin", "office", "leader", "unit_head", "liaison"] }, schema: { tags, summary: "\u4E0B\u8F7D\u4F50\u8BC1\u6750\u6599 / download evidence", params: evidenceParams } },
      async (request, reply) => {
        const file = await downloadEvidence(ctx, actorOf(request), request.params.id, request.params.evidenceId);
        const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
        return reply.header("content-type", file.mime).header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`).header("cache-control", "private, no-store").send(file.data);
      }
    );
  };
}
export {
  evidenceRoutes
};
//# sourceMappingURL=evidence.routes.js.map
