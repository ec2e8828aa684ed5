import fastifyMultipart from "@fastify/multipart";
import { z } from "zod";
import { jobRunView } from "../../common/schemas/jobs.js";
import { idParam } from "../../common/schemas/org.js";
import {
  benefitBody,
  benefitUpdateBody,
  benefitView,
  enterpriseInput,
  enterpriseList,
  enterpriseListQuery,
  enterpriseUpdateBody,
  enterpriseView,
  explainQuery,
  explainView,
  importQuery,
  importView,
  matchStartBody,
  policyBody,
  policyList,
  policyListQuery,
  policyUpdateBody,
  policyView,
  portalView,
  resultActionBody,
  resultExportQuery,
  resultList,
  resultListQuery,
  resultView,
  ruleCheckBody,
  ruleCheckView,
  totalsQuery,
  totalsRow
} from "../../common/schemas/policies.js";
import { actorOf } from "../../http/access.js";
import { enqueueJob } from "../../jobs/runtime.js";
import { EDITORS } from "./access.js";
import { importRegistry } from "./enterprises.import.js";
import { createEnterprise, getEnterprise, listVisibleEnterprises, updateEnterprise } from "./enterprises.service.js";
import { checkRuleText, createBenefit, createPolicy, getPolicy, listPolicyLibrary, updateBenefit, updatePolicy } from "./library.service.js";
import { actOnResult, explainEnterprise, exportResults, getResult, listVisibleResults, payoutTotals, portalOverview } from "./results.service.js";
import { readUpload } from "../../http/upload.js";
const tags = ["policies"];
const STAFF = ["admin", "office", "leader", "specialist", "unit_head", "liaison"];
const CITY = ["admin", "office", "leader", "specialist"];
const editors = [...EDITORS];
function policyRoutes(ctx) {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5, fieldSize: 1024 } });
    app.get(
      "/policies/enterprises",
      { config: { access: [...STAFF, "enterprise"] }, schema: { tags, summary: "\u4F01\u4E1A\u5E93 / enterprise registry", querystring: enterpriseListQuery, response: { 200: enterpriseList } } },
      async (request) => listVisibleEnterprises(ctx, actorOf(request), request.query)
    );
    app.get(
      "/policies/enterprises/:id",
      { config: { access: [...STAFF, "enterprise"] }, schema: { tags, params: idParam, response: { 200: enterpriseView } } },
      async (request) => getEnterprise(ctx, actorOf(request), request.params.id)
    );
    app.post(
      "/policies/enterprises",
      { config: { access: editors }, schema: { tags, summary: "\u767B\u8BB0\u4F01\u4E1A / add an enterprise", body: enterpriseInput, response: { 201: enterpriseView } } },
      async (request, reply) => reply.status(201).send(await createEnterprise(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/policies/enterprises/:id",
      { config: { access: editors }, schema: { tags, params: idParam, body: enterpriseUpdateBody, response: { 200: enterpriseView } } },
      async (request) => updateEnterprise(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/policies/enterprises/import",
      {
        config: { access: editors },
        schema: { tags, summary: "\u5BFC\u5165\u4F01\u4E1A\u5E93\uFF08.xlsx/.csv\uFF0C\u5B57\u6BB5 file\uFF1Bcommit=true \u624D\u5199\u5165\uFF09 / import the registry", consumes: ["multipart/form-data"], querystring: importQuery, response: { 200: importView } }
      },
      async (request) => {
        const { filename, data } = await readUpload(request, ctx.config.uploadMaxBytes);
        return importRegistry(ctx, actorOf(request), data, filename, { commit: request.query.commit === "true", keepValid: request.query.keepValid === "true" });
      }
    );
    app.get(
      "/policies/enterprises/:id/explain",
      { config: { access: [...STAFF, "enterprise"] }, schema: { tags, summary: "\u4E3A\u4EC0\u4E48\u4E0D\u7B26\u5408 / why (not) eligible", params: idParam, querystring: explainQuery, response: { 200: explainView } } },
      async (request) => explainEnterprise(ctx, actorOf(request), request.params.id, request.query.benefitId)
    );
    app.get(
      "/policies",
      { config: { access: "authenticated" }, schema: { tags, summary: "\u653F\u7B56\u5E93 / policy library", querystring: policyListQuery, response: { 200: policyList } } },
      async (request) => listPolicyLibrary(ctx, request.query)
    );
    app.get("/policies/:id", { config: { access: "authenticated" }, schema: { tags, params: idParam, response: { 200: policyView } } }, async (request) => getPolicy(ctx, request.params.id));
    app.post(
      "/policies",
      { config: { access: editors }, schema: { tags, body: policyBody, response: { 201: policyView } } },
      async (request, reply) => reply.status(201).send(await createPolicy(ctx, actorOf(request), request.body))
    );
    app.patch(
      "/policies/:id",
      { config: { access: editors }, schema: { tags, params: idParam, body: policyUpdateBody, response: { 200: policyView } } },
      async (request) => updatePolicy(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/policies/:id/benefits",
      { config: { access: editors }, schema: { tags, summary: "\u65B0\u589E\u5151\u73B0\u4E8B\u9879 / add a benefit item", params: idParam, body: benefitBody, response: { 201: benefitView } } },
      async (request, reply) => reply.status(201).send(await createBenefit(ctx, actorOf(request), request.params.id, request.body))
    );
    app.patch(
      "/policies/benefits/:id",
      { config: { access: editors }, schema: { tags, params: idParam, body: benefitUpdateBody, response: { 200: benefitView } } },
      async (request) => updateBenefit(ctx, actorOf(request), request.params.id, request.body)
    );
    app.post(
      "/policies/rules/check",
      { config: { access: [...STAFF] }, schema: { tags, summary: "\u6821\u9A8C\u89C4\u5219\u5E76\u5728\u793A\u4F8B\u4F01\u4E1A\u4E0A\u6D4B\u8BD5 / check a rule and test it on examples", body: ruleCheckBody, response: { 200: ruleCheckView } } },
      async (request) => checkRuleText(ctx, ctx.db, request.body)
    );
    app.post(
      "/policies/match",
      { config: { access: editors }, schema: { tags, summary: "\u6279\u91CF\u5339\u914D\uFF08\u540E\u53F0\u4EFB\u52A1\uFF09 / run the bulk match as a job", body: matchStartBody, response: { 202: jobRunView } } },
      async (request, reply) => reply.status(202).send(await enqueueJob(ctx, "policies.match", { mode: request.body.mode }, { actorId: actorOf(request).id }))
    );
    app.get(
      "/policies/results",
      { config: { access: [...STAFF, "enterprise"] }, schema: { tags, summary: "\u5339\u914D\u4E0E\u5151\u73B0\u6E05\u5355 / matches and payouts", querystring: resultListQuery, response: { 200: resultList } } },
      async (request) => listVisibleResults(ctx, actorOf(request), request.query)
    );
    app.get("/policies/results/export", { config: { access: [...STAFF] }, schema: { tags, summary: "\u5BFC\u51FA Excel / export as .xlsx", querystring: resultExportQuery } }, async (request, reply) => {
      const buf = await exportResults(ctx, actorOf(request), request.query);
      return reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", `attachment; filename="payouts.xlsx"; filename*=UTF-8''${encodeURIComponent("\u5151\u73B0\u6E05\u5355.xlsx")}`).send(buf);
    });
    app.get(
      "/policies/results/totals",
      { config: { access: [...CITY] }, schema: { tags, summary: "\u6309\u653F\u7B56/\u90E8\u95E8/\u65D7\u53BF\u533A\u6C47\u603B / totals", querystring: totalsQuery, response: { 200: z.array(totalsRow) } } },
      async (request) => payoutTotals(ctx, request.query.by)
    );
    app.get(
      "/policies/results/:id",
      { config: { access: [...STAFF, "enterprise"] }, schema: { tags, params: idParam, response: { 200: resultView } } },
      async (request) => getResult(ctx, actorOf(request), request.params.id)
    );
    app.post(
      "/policies/results/:id/actions",
      { config: { access: ["admin", "office", "specialist", "enterprise"] }, schema: { tags, summary: "\u544A\u77E5/\u786E\u8BA4/\u653E\u5F03/\u5151\u73B0 / notify, confirm, decline, pay", params: idParam, body: resultActionBody, response: { 200: resultView } } },
      async (request) => actOnResult(ctx, actorOf(request), request.params.id, request.body)
    );
    app.get(
      "/policies/portal",
      { config: { access: ["enterprise"] }, schema: { tags, summary: "\u4F01\u4E1A\u7AEF\uFF1A\u53EF\u4EAB\u653F\u7B56\u3001\u5DEE\u4E00\u9879\u3001\u5DF2\u5151\u73B0 / the enterprise portal", response: { 200: portalView } } },
      async (request) => portalOverview(ctx, actorOf(request))
    );
  };
}
export {
  policyRoutes
};
//# sourceMappingURL=policies.routes.js.map
