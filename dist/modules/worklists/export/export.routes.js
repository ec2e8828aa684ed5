import { XLSX_MEDIA_TYPE } from "../../../common/schemas/worklists-import.js";
import { itemFilter } from "../../../common/schemas/worklists.js";
import { actorOf } from "../../../http/access.js";
import { exportWorklist } from "./worklist-export.js";
function worklistExportRoutes(ctx) {
  return async (app) => {
    app.get(
      "/worklists/export",
      {
        config: { access: ["admin", "office"] },
        schema: { tags: ["worklists"], summary: "\u6309\u7B5B\u9009\u6761\u4EF6\u5BFC\u51FA Excel / export the filtered items as .xlsx", querystring: itemFilter, produces: [XLSX_MEDIA_TYPE] }
      },
      async (request, reply) => {
        const title = `\u5DE5\u4F5C\u6E05\u5355\u5BFC\u51FA ${ctx.clock().toISOString().slice(0, 10)}`;
        const { buffer } = await exportWorklist(ctx, actorOf(request), request.query, title);
        return reply.header("content-type", XLSX_MEDIA_TYPE).header("content-disposition", `attachment; filename="worklist.xlsx"; filename*=UTF-8''${encodeURIComponent(title)}.xlsx`).send(buffer);
      }
    );
  };
}
export {
  worklistExportRoutes
};
//# sourceMappingURL=export.routes.js.map
