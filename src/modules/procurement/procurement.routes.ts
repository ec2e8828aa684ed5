import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from '../../common/schemas/procurement.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { readUpload } from '../../http/upload.js';
import { addEvidence, createCase, getCase, listCases, recordOutcome, verifyCase } from './cases.service.js';
import {
  addProblem,
  addProjects,
  createCampaign,
  getCampaign,
  importCampaignProjects,
  listCampaigns,
  verifyProblem,
} from './campaigns.service.js';
import {
  bidderHistory,
  getTender,
  groupNetwork,
  importTenders,
  listGroups,
  listTenders,
  monthlyFigures,
  setExpertPool,
} from './procurement.service.js';
import { listPartyFlags } from './party-flags.service.js';

const tags = ['procurement'];

export function procurementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/procurement/imports',
      {
        config: { access: 'procurement.import' },
        schema: {
          tags,
          summary: '导入投标数据（CSV / 交易中心 Excel / OCDS）：先预览，再整体导入 / import bids: preview, then all or nothing',
          querystring: s.importQuery,
          response: { 200: s.importResult },
        },
      },
      async (request) => {
        const upload = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importTenders(ctx, actorOf(request), upload, { dryRun: request.query.dryRun === 'true', format: request.query.format });
      },
    );

    app.get(
      '/procurement/tenders',
      {
        config: { access: 'procurement.read' },
        schema: {
          tags,
          summary: '已筛查的标段（可疑优先） / screened tenders, suspect first',
          querystring: s.tenderListQuery,
          response: { 200: s.tenderList },
        },
      },
      async (request) => listTenders(ctx, request.query),
    );

    app.get(
      '/procurement/tenders/:id',
      {
        config: { access: 'procurement.read' },
        schema: {
          tags,
          summary: '标段：筛查指标、预警及原因 / a tender with its screens and flags',
          params: s.idParam,
          response: { 200: s.tenderView },
        },
      },
      async (request) => getTender(ctx, request.params.id),
    );

    app.get(
      '/procurement/groups',
      {
        config: { access: 'procurement.read' },
        schema: { tags, summary: '投标人组 / bidder groups', querystring: s.groupListQuery, response: { 200: s.groupList } },
      },
      async (request) => listGroups(ctx, request.query),
    );

    app.get(
      '/procurement/groups/:id/network',
      {
        config: { access: 'procurement.read' },
        schema: {
          tags,
          summary: '投标人组的共同投标网络 / co-bidding network of a group',
          params: s.idParam,
          response: { 200: s.networkView },
        },
      },
      async (request) => groupNetwork(ctx, request.params.id),
    );

    app.get(
      '/procurement/bidders/:bidderId',
      {
        config: { access: 'procurement.read' },
        schema: { tags, summary: '投标人投标历史 / a bidder’s history', params: s.bidderParam, response: { 200: s.bidderView } },
      },
      async (request) => bidderHistory(ctx, request.params.bidderId),
    );

    app.get(
      '/procurement/parties/flags',
      {
        config: { access: 'procurement.read' },
        schema: {
          tags,
          summary: '采购人、采购代理（组织）单位的预警 / red flags about buyers and procuring entities',
          querystring: s.partyFlagListQuery,
          response: { 200: s.partyFlagList },
        },
      },
      async (request) => listPartyFlags(ctx, request.query),
    );

    app.get(
      '/procurement/figures',
      {
        config: { access: 'procurement.read' },
        schema: {
          tags,
          summary: '月度数据：筛查标段、预警标段与投标人、远程异地评标、专家库规模 / monthly figures',
          response: { 200: s.figuresView },
        },
      },
      async () => monthlyFigures(ctx),
    );

    app.put(
      '/procurement/expert-pool/:month',
      {
        config: { access: 'procurement.import' },
        schema: {
          tags,
          summary: '登记当月评标专家库规模 / record the expert pool size of a month',
          params: s.expertPoolParams,
          body: s.expertPoolBody,
          response: { 200: s.figuresView },
        },
      },
      async (request) => setExpertPool(ctx, actorOf(request), request.params.month, request.body),
    );

    app.get(
      '/procurement/cases',
      {
        config: { access: 'procurement.cases.read' },
        schema: { tags, summary: '串通投标线索 / cases', querystring: s.caseListQuery, response: { 200: s.caseList } },
      },
      async (request) => listCases(ctx, actorOf(request), request.query),
    );

    app.post(
      '/procurement/cases',
      {
        config: { access: 'procurement.cases.manage' },
        schema: { tags, summary: '立为线索 / open a case on a tender or a group', body: s.createCaseBody, response: { 201: s.caseView } },
      },
      async (request, reply) => reply.status(201).send(await createCase(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/procurement/cases/:id',
      {
        config: { access: 'procurement.cases.read' },
        schema: { tags, summary: '线索详情 / a case', params: s.idParam, response: { 200: s.caseView } },
      },
      async (request) => getCase(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/procurement/cases/:id/verify',
      {
        config: { access: 'procurement.cases.manage' },
        schema: {
          tags,
          summary: '交单位核查 / send for verification',
          params: s.idParam,
          body: s.verifyCaseBody,
          response: { 200: s.caseView },
        },
      },
      async (request) => verifyCase(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/procurement/cases/:id/evidence',
      {
        config: { access: 'procurement.cases.evidence' },
        schema: { tags, summary: '补充核查材料 / add evidence', params: s.idParam, body: s.evidenceBody, response: { 200: s.caseView } },
      },
      async (request) => addEvidence(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/procurement/cases/:id/outcome',
      {
        config: { access: 'procurement.cases.manage' },
        schema: {
          tags,
          summary: '处理结果（移送/处罚/排除） / record the outcome',
          params: s.idParam,
          body: s.outcomeBody,
          response: { 200: s.caseView },
        },
      },
      async (request) => recordOutcome(ctx, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/procurement/campaigns',
      {
        config: { access: 'procurement.campaigns.read' },
        schema: { tags, summary: '专项整治 / inspection campaigns', response: { 200: s.campaignList } },
      },
      async () => listCampaigns(ctx),
    );

    app.post(
      '/procurement/campaigns',
      {
        config: { access: 'procurement.campaigns.manage' },
        schema: { tags, summary: '新建专项整治 / create a campaign', body: s.createCampaignBody, response: { 201: s.campaignView } },
      },
      async (request, reply) => reply.status(201).send(await createCampaign(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/procurement/campaigns/:id',
      {
        config: { access: 'procurement.campaigns.read' },
        schema: { tags, summary: '专项整治详情与合计 / a campaign with its totals', params: s.idParam, response: { 200: s.campaignView } },
      },
      async (request) => getCampaign(ctx, request.params.id),
    );

    app.post(
      '/procurement/campaigns/:id/projects',
      {
        config: { access: 'procurement.campaigns.manage' },
        schema: {
          tags,
          summary: '加入检查项目 / add checked projects',
          params: s.idParam,
          body: s.campaignProjectBody,
          response: { 200: s.campaignView },
        },
      },
      async (request) => addProjects(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/procurement/campaigns/:id/projects/import',
      {
        config: { access: 'procurement.campaigns.manage' },
        schema: {
          tags,
          summary: '上传检查项目文件（CSV / Excel）：先预览，再整体导入 / upload the projects file: preview, then all or nothing',
          params: s.idParam,
          querystring: s.campaignProjectsImportQuery,
          response: { 200: s.campaignProjectsImportResult },
        },
      },
      async (request) => {
        const upload = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importCampaignProjects(ctx, actorOf(request), request.params.id, upload, { dryRun: request.query.dryRun === 'true' });
      },
    );

    app.post(
      '/procurement/campaigns/:id/problems',
      {
        config: { access: 'procurement.campaigns.manage' },
        schema: {
          tags,
          summary: '登记发现的问题 / record a problem found',
          params: s.idParam,
          body: s.campaignProblemBody,
          response: { 200: s.campaignView },
        },
      },
      async (request) => addProblem(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/procurement/campaigns/:id/problems/:problemId/verify',
      {
        config: { access: 'procurement.campaigns.manage' },
        schema: {
          tags,
          summary: '问题已核实 / mark a problem verified',
          params: s.campaignProblemParams,
          response: { 200: s.campaignView },
        },
      },
      async (request) => verifyProblem(ctx, actorOf(request), request.params.id, request.params.problemId),
    );
  };
}
