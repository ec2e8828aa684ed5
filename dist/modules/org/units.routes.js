import { z } from "zod";
import { AppError } from "../../common/errors.js";
import {
  createUnitBody,
  idParam,
  mergeUnitBody,
  okView,
  resolveUnitQuery,
  retireUnitBody,
  unitListQuery,
  unitView,
  updateUnitBody
} from "../../common/schemas/org.js";
import { actorOf } from "../../http/access.js";
import { createUnit, deleteUnit, getUnit, listVisibleUnits, loadUnitResolver, mergeUnit, presentUnit, retireUnit, updateUnit } from "./units.service.js";
function unitRoutes(ctx) {
  return async (app) => {
    app.get(
      "/units",
      { config: { access: "authenticated" }, schema: { tags: ["units"], summary: "\u5355\u4F4D\u5217\u8868\uFF08\u6309\u6743\u9650\uFF09 / units visible to the caller", querystring: unitListQuery, response: { 200: z.array(unitView) } } },
      async (request) => listVisibleUnits(ctx, actorOf(request), { ...request.query, includeRetired: request.query.includeRetired === "true" })
    );
    app.get(
      "/units/resolve",
      {
        config: { access: ["admin", "office", "leader", "specialist"] },
        schema: { tags: ["units"], summary: "\u6309\u7B80\u79F0\u6216\u522B\u540D\u67E5\u627E\u5355\u4F4D / resolve a unit name or alias", querystring: resolveUnitQuery, response: { 200: unitView } }
      },
      async (request) => {
        const unit = (await loadUnitResolver(ctx.db)).resolve(request.query.name);
        if (!unit) throw new AppError("NOT_FOUND", [{ path: "query.name", message: `\u65E0\u6CD5\u8BC6\u522B\u5355\u4F4D\u201C${request.query.name}\u201D / unknown unit` }]);
        return presentUnit(unit);
      }
    );
    app.get(
      "/units/:id",
      { config: { access: "authenticated" }, schema: { tags: ["units"], params: idParam, response: { 200: unitView } } },
      async (request) => getUnit(ctx, actorOf(request), request.params.id)
    );
    app.post(
      "/units",
      { config: { access: ["admin"] }, schema: { tags: ["units"], summary: "\u65B0\u589E\u5355\u4F4D / add a unit", body: createUnitBody, response: { 201: unitView } } },
      async (request, reply) => reply.status(201).send(await createUnit(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/units/:id",
      { config: { access: ["admin"] }, schema: { tags: ["units"], summary: "\u4FEE\u6539/\u66F4\u540D / edit or rename", params: idParam, body: updateUnitBody, response: { 200: unitView } } },
      async (request) => updateUnit(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/units/:id/merge",
      { config: { access: ["admin"] }, schema: { tags: ["units"], summary: "\u5408\u5E76\u5230\u53E6\u4E00\u5355\u4F4D / merge into another unit", params: idParam, body: mergeUnitBody, response: { 200: unitView } } },
      async (request) => mergeUnit(ctx, actorOf(request), request.params.id, request.body.intoUnitId, request.body.version)
    );
    app.post(
      "/units/:id/retire",
      { config: { access: ["admin"] }, schema: { tags: ["units"], summary: "\u64A4\u9500\uFF08\u4FDD\u7559\u5386\u53F2\uFF09 / retire, keeping history", params: idParam, body: retireUnitBody, response: { 200: unitView } } },
      async (request) => retireUnit(ctx, actorOf(request), request.params.id, request.body.version)
    );
    app.delete(
      "/units/:id",
      { config: { access: ["admin"] }, schema: { tags: ["units"], summary: "\u5220\u9664\u8BEF\u5EFA\u5355\u4F4D / delete a unit created by mistake", params: idParam, response: { 200: okView } } },
      async (request) => {
        await deleteUnit(ctx, actorOf(request), request.params.id);
        return { ok: true };
      }
    );
  };
}
export {
  unitRoutes
};
//# sourceMappingURL=units.routes.js.map
