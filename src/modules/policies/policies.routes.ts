import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobRunView } from '../../common/schemas/jobs.js';
import { idParam } from '../../common/schemas/org.js';
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
  totalsRow,
} from '../../common/schemas/policies.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { enqueueJob } from '../../jobs/runtime.js';
import { importRegistry } from './enterprises.import.js';
import { createEnterprise, getEnterprise, listVisibleEnterprises, updateEnterprise } from './enterprises.service.js';
import {
  checkRuleText,
  createBenefit,
  createPolicy,
  getPolicy,
  listPolicyLibrary,
  updateBenefit,
  updatePolicy,
} from './library.service.js';
import {
  actOnResult,
  explainEnterprise,
  exportResults,
  getResult,
  listVisibleResults,
  payoutTotals,
  portalOverview,
} from './results.service.js';
import { readUpload } from '../../http/upload.js';

const tags = ['policies'];

/** Registry, policy library, rule checking, matching, follow-through and the enterprise portal. */
export function policyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // — enterprise registry —
    app.get(
      '/policies/enterprises',
      {
        config: { access: 'policies.enterprises.read' },
        schema: { tags, summary: '企业库 / enterprise registry', querystring: enterpriseListQuery, response: { 200: enterpriseList } },
      },
      async (request) => listVisibleEnterprises(ctx, actorOf(request), request.query),
    );
    app.get(
      '/policies/enterprises/:id',
      { config: { access: 'policies.enterprises.read' }, schema: { tags, params: idParam, response: { 200: enterpriseView } } },
      async (request) => getEnterprise(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/policies/enterprises',
      {
        config: { access: 'policies.manage' },
        schema: { tags, summary: '登记企业 / add an enterprise', body: enterpriseInput, response: { 201: enterpriseView } },
      },
      async (request, reply) => reply.status(201).send(await createEnterprise(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/policies/enterprises/:id',
      {
        config: { access: 'policies.manage' },
        schema: { tags, params: idParam, body: enterpriseUpdateBody, response: { 200: enterpriseView } },
      },
      async (request) => updateEnterprise(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/policies/enterprises/import',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: '导入企业库（.xlsx/.csv，字段 file；commit=true 才写入） / import the registry',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importView },
        },
      },
      async (request) => {
        const { filename, data } = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importRegistry(ctx, actorOf(request), data, filename, {
          commit: request.query.commit === 'true',
          keepValid: request.query.keepValid === 'true',
        });
      },
    );
    app.get(
      '/policies/enterprises/:id/explain',
      {
        config: { access: 'policies.enterprises.read' },
        schema: {
          tags,
          summary: '为什么不符合 / why (not) eligible',
          params: idParam,
          querystring: explainQuery,
          response: { 200: explainView },
        },
      },
      async (request) => explainEnterprise(ctx, actorOf(request), request.params.id, request.query.benefitId),
    );

    // — policy library —
    app.get(
      '/policies',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: '政策库 / policy library', querystring: policyListQuery, response: { 200: policyList } },
      },
      async (request) => listPolicyLibrary(ctx, request.query),
    );
    app.get(
      '/policies/:id',
      { config: { access: 'authenticated' }, schema: { tags, params: idParam, response: { 200: policyView } } },
      async (request) => getPolicy(ctx, request.params.id),
    );
    app.post(
      '/policies',
      { config: { access: 'policies.manage' }, schema: { tags, body: policyBody, response: { 201: policyView } } },
      async (request, reply) => reply.status(201).send(await createPolicy(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/policies/:id',
      { config: { access: 'policies.manage' }, schema: { tags, params: idParam, body: policyUpdateBody, response: { 200: policyView } } },
      async (request) => updatePolicy(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/policies/:id/benefits',
      {
        config: { access: 'policies.manage' },
        schema: { tags, summary: '新增兑现事项 / add a benefit item', params: idParam, body: benefitBody, response: { 201: benefitView } },
      },
      async (request, reply) => reply.status(201).send(await createBenefit(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/policies/benefits/:id',
      { config: { access: 'policies.manage' }, schema: { tags, params: idParam, body: benefitUpdateBody, response: { 200: benefitView } } },
      async (request) => updateBenefit(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/policies/rules/check',
      {
        config: { access: 'policies.rules.check' },
        schema: {
          tags,
          summary: '校验规则并在示例企业上测试 / check a rule and test it on examples',
          body: ruleCheckBody,
          response: { 200: ruleCheckView },
        },
      },
      async (request) => checkRuleText(ctx, ctx.db, request.body),
    );

    // — matching —
    app.post(
      '/policies/match',
      {
        config: { access: 'policies.match' },
        schema: {
          tags,
          summary: '批量匹配（后台任务） / run the bulk match as a job',
          body: matchStartBody,
          response: { 202: jobRunView },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await enqueueJob(ctx, 'policies.match', { mode: request.body.mode }, { actorId: actorOf(request).id })),
    );

    // — results and follow-through —
    app.get(
      '/policies/results',
      {
        config: { access: 'policies.results.read' },
        schema: { tags, summary: '匹配与兑现清单 / matches and payouts', querystring: resultListQuery, response: { 200: resultList } },
      },
      async (request) => listVisibleResults(ctx, actorOf(request), request.query),
    );
    app.get(
      '/policies/results/export',
      {
        config: { access: 'policies.results.export' },
        schema: { tags, summary: '导出 Excel / export as .xlsx', querystring: resultExportQuery },
      },
      async (request, reply) => {
        const buf = await exportResults(ctx, actorOf(request), request.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment('兑现清单.xlsx', 'payouts.xlsx'))
          .send(buf);
      },
    );
    app.get(
      '/policies/results/totals',
      {
        config: { access: 'policies.results.totals' },
        schema: { tags, summary: '按政策/部门/旗县区汇总 / totals', querystring: totalsQuery, response: { 200: z.array(totalsRow) } },
      },
      async (request) => payoutTotals(ctx, request.query.by),
    );
    app.get(
      '/policies/results/:id',
      { config: { access: 'policies.results.read' }, schema: { tags, params: idParam, response: { 200: resultView } } },
      async (request) => getResult(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/policies/results/:id/actions',
      {
        config: { access: 'policies.results.act' },
        schema: {
          tags,
          summary: '告知/确认/放弃/兑现 / notify, confirm, decline, pay',
          params: idParam,
          body: resultActionBody,
          response: { 200: resultView },
        },
      },
      async (request) => actOnResult(ctx, actorOf(request), request.params.id, request.body),
    );

    // — enterprise portal —
    app.get(
      '/policies/portal',
      {
        config: { access: 'policies.portal' },
        schema: { tags, summary: '企业端：可享政策、差一项、已兑现 / the enterprise portal', response: { 200: portalView } },
      },
      async (request) => portalOverview(ctx, actorOf(request)),
    );
  };
}
