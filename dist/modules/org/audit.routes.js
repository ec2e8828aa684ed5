import { auditQuery, auditView, page } from "../../common/schemas/org.js";
import { listAuditLog } from "./audit.service.js";
function auditRoutes(ctx) {
  return async (app) => {
    app.get(
      "/audit",
      { config: { access: ["admin", "office"] }, schema: { tags: ["audit"], summary: "\u5BA1\u8BA1\u65E5\u5FD7 / audit log", querystring: auditQuery, response: { 200: page(auditView) } } },
      async (request) => ({ ...await listAuditLog(ctx, request.query), page: request.query.page, pageSize: request.query.pageSize })
    );
  };
}
export {
  auditRoutes
};
//# sourceMappingURL=audit.routes.js.map
