import fastifyMultipart from "@fastify/multipart";
import { z } from "zod";
import {
  catalogueView,
  createIndicatorBody,
  createValueBody,
  forecastQuery,
  historyView,
  importResultView,
  importValuesQuery,
  indicatorView,
  looseObject,
  methodParam,
  methodSummaryView,
  peerImportBody,
  rollupQuery,
  scoreBody,
  targetBody,
  targetListQuery,
  targetView,
  unitScoreQuery,
  updateIndicatorBody,
  updateValueBody,
  valueListQuery,
  valueView
} from "../../common/schemas/indicators.js";
import { idParam } from "../../common/schemas/org.js";
import { actorOf } from "../../http/access.js";
import { forecastWorkbook } from "./forecast-export.js";
import {
  createIndicator,
  createIndicatorValue,
  getCatalogue,
  importIndicatorValues,
  indicatorValueTemplate,
  listIndicatorTargets,
  listIndicatorValues,
  setTarget,
  updateIndicator,
  updateIndicatorValue,
  valueHistory
} from "./indicators.service.js";
import { loadMethod } from "./method.js";
import { forecast, importPeerValues, listMethodSummaries, rollUp, scorePosted, scoreUnit, summarizeMethod } from "./scores.service.js";
import { readUpload } from "../../http/upload.js";
const tags = ["indicators"];
const WRITERS = ["admin", "office"];
const READERS = ["admin", "office", "leader", "unit_head", "liaison", "specialist"];
const OFFICE_SIDE = ["admin", "office", "leader"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
function indicatorRoutes(ctx) {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5, fieldSize: 1024 } });
    app.get("/indicators/catalogue", { config: { access: READERS }, schema: { tags, summary: "\u6307\u6807\u76EE\u5F55 / indicator catalogue", response: { 200: catalogueView } } }, async () => getCatalogue(ctx));
    app.post(
      "/indicators/catalogue",
      { config: { access: WRITERS }, schema: { tags, summary: "\u65B0\u589E KPI / add a KPI", body: createIndicatorBody, response: { 201: indicatorView } } },
      async (request, reply) => reply.status(201).send(await createIndicator(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/indicators/catalogue/:id",
      { config: { access: WRITERS }, schema: { tags, summary: "\u4FEE\u6539\u6307\u6807 / edit an indicator", params: idParam, body: updateIndicatorBody, response: { 200: indicatorView } } },
      async (request) => updateIndicator(ctx, actorOf(request), request.params.id, request.body)
    );
    app.get(
      "/indicators/values",
      { config: { access: READERS }, schema: { tags, summary: "\u6307\u6807\u6570\u503C\uFF08\u6309\u6743\u9650\uFF09 / values visible to the caller", querystring: valueListQuery, response: { 200: z.array(valueView) } } },
      async (request) => listIndicatorValues(ctx, actorOf(request), request.query)
    );
    app.post(
      "/indicators/values",
      { config: { access: WRITERS }, schema: { tags, summary: "\u5F55\u5165\u6570\u503C / enter a value", body: createValueBody, response: { 201: valueView } } },
      async (request, reply) => reply.status(201).send(await createIndicatorValue(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/indicators/values/:id",
      { config: { access: WRITERS }, schema: { tags, summary: "\u4FEE\u6539\u6570\u503C / edit a value", params: idParam, body: updateValueBody, response: { 200: valueView } } },
      async (request) => updateIndicatorValue(ctx, actorOf(request), request.params.id, request.body)
    );
    app.get(
      "/indicators/values/:id/history",
      { config: { access: READERS }, schema: { tags, summary: "\u6570\u503C\u4FEE\u6539\u8BB0\u5F55 / audit trail of a value", params: idParam, response: { 200: historyView } } },
      async (request) => valueHistory(ctx, actorOf(request), request.params.id)
    );
    app.post(
      "/indicators/values/import",
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: "\u4ECE Excel \u5BFC\u5165\u6570\u503C\uFF08multipart\uFF0C\u5B57\u6BB5 file\uFF1B\u5168\u90E8\u6210\u529F\u6216\u5168\u90E8\u4E0D\u5BFC\u5165\uFF1BdryRun=true \u53EA\u68C0\u67E5\u5E76\u9884\u89C8\uFF09 / import values from .xlsx, all or nothing; dryRun=true checks and previews only",
          consumes: ["multipart/form-data"],
          querystring: importValuesQuery,
          response: { 200: importResultView }
        }
      },
      async (request) => {
        const { filename, data } = await readUpload(request, ctx.config.uploadMaxBytes);
        return importIndicatorValues(ctx, actorOf(request), { filename, data }, { dryRun: request.query.dryRun });
      }
    );
    app.get(
      "/indicators/values/template.xlsx",
      { config: { access: WRITERS }, schema: { tags, summary: "\u6570\u503C\u5BFC\u5165\u6A21\u677F / blank workbook for the values import" } },
      async (_request, reply) => reply.header("content-type", XLSX).header("content-disposition", 'attachment; filename="indicator-values-template.xlsx"').send(await indicatorValueTemplate(ctx))
    );
    app.get(
      "/indicators/targets",
      { config: { access: READERS }, schema: { tags, summary: "\u76EE\u6807\u503C\uFF08\u6309\u6743\u9650\uFF09 / targets visible to the caller", querystring: targetListQuery, response: { 200: z.array(targetView) } } },
      async (request) => listIndicatorTargets(ctx, actorOf(request), request.query)
    );
    app.put(
      "/indicators/targets",
      { config: { access: WRITERS }, schema: { tags, summary: "\u8BBE\u5B9A\u76EE\u6807\u503C / set a target for a period", body: targetBody, response: { 200: targetView } } },
      async (request) => setTarget(ctx, actorOf(request), request.body)
    );
    app.get("/indicators/methods", { config: { access: READERS }, schema: { tags, summary: "\u8BC4\u4EF7\u65B9\u6CD5 / scoring methods", response: { 200: z.array(methodSummaryView) } } }, async () => listMethodSummaries());
    app.get(
      "/indicators/methods/:method",
      { config: { access: READERS }, schema: { tags, summary: "\u8BC4\u4EF7\u65B9\u6CD5\u8BE6\u60C5\uFF08\u542B\u8FB9\u754C\u6838\u5B9E\u72B6\u6001\uFF09 / one method with bound statuses", params: methodParam, response: { 200: methodSummaryView } } },
      async (request) => summarizeMethod(loadMethod(request.params.method))
    );
    app.post(
      "/indicators/score",
      { config: { access: READERS }, schema: { tags, summary: "\u6309\u65B9\u6CD5\u8BA1\u7B97\u5F97\u5206\u5E76\u7ED9\u51FA\u89E3\u91CA / score posted values with explanations", body: scoreBody, response: { 200: looseObject } } },
      async (request) => scorePosted(request.body)
    );
    app.get(
      "/indicators/scores",
      { config: { access: READERS }, schema: { tags, summary: "\u5355\u4F4D\u5F97\u5206\uFF08\u6700\u65B0\u6570\u503C\uFF09 / a unit\u2019s score from its latest values", querystring: unitScoreQuery, response: { 200: looseObject } } },
      async (request) => scoreUnit(ctx, actorOf(request), request.query)
    );
    app.post(
      "/indicators/peers/import",
      { config: { access: WRITERS }, schema: { tags, summary: "\u5BFC\u5165\u76DF\u5E02\u6570\u503C\u6216\u5F97\u5206\uFF08\u66FF\u6362\u8BE5\u65B9\u6CD5\u8BE5\u671F\u95F4\u7684\u5168\u90E8\u6570\u636E\uFF09 / import peer values or scores", body: peerImportBody, response: { 200: looseObject } } },
      async (request) => importPeerValues(ctx, actorOf(request), request.body)
    );
    app.get(
      "/indicators/forecast",
      { config: { access: OFFICE_SIDE }, schema: { tags, summary: "\u6392\u540D\u9884\u6D4B\u4E0E\u5DEE\u8DDD\u5206\u6790\uFF08\u4FDD\u4E8C\u4E89\u4E00\uFF09 / rank forecast and gap analysis", querystring: forecastQuery, response: { 200: looseObject } } },
      // Spread into a plain object: the loose response schema wants an index signature.
      async (request) => ({ ...await forecast(ctx, request.query) })
    );
    app.get(
      "/indicators/forecast/export",
      { config: { access: OFFICE_SIDE }, schema: { tags, summary: "\u5BFC\u51FA\u6392\u540D\u9884\u6D4B Excel / export the forecast as .xlsx", querystring: forecastQuery } },
      async (request, reply) => {
        const f = await forecast(ctx, request.query);
        return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="forecast-${f.period}.xlsx"`).send(await forecastWorkbook(f));
      }
    );
    app.get(
      "/indicators/rollup",
      { config: { access: READERS }, schema: { tags, summary: "\u8BD5\u9898\u81EA\u8BC4\u5F97\u5206\u6C47\u603B\u4E3A\u9884\u6D4B\u5F97\u5206 / self-assessments rolled up to predicted scores", querystring: rollupQuery, response: { 200: looseObject } } },
      async (request) => ({ ...await rollUp(ctx, actorOf(request), request.query) })
    );
  };
}
export {
  indicatorRoutes
};
//# sourceMappingURL=indicators.routes.js.map
