import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogueQuery,
  catalogueImportView,
  complaintBody,
  documentsView,
  repairListItem,
  repairView,
  publishFiguresBody,
  publishFiguresView,
  creditProfileView,
  figuresView,
  matterView,
  officerView,
  planDetailView,
  planSummaryView,
  planView,
  publicPlanSummaryView,
  publicPlanView,
  resultView,
  complaintCloseBody,
  complaintView,
  creditRecordBody,
  documentBody,
  documentReviewBody,
  matterBody,
  officerBody,
  officerUpdateBody,
  periodQuery,
  planBody,
  recusalBody,
  rectifiedBody,
  repairBody,
  repairReviewBody,
  resultBody,
  verifyView,
  waiverBody,
} from '../../common/schemas/enforcement.js';
import { jobRunView } from '../../common/schemas/jobs.js';
import { idParam } from '../../common/schemas/org.js';
import { enqueueJob } from '../../jobs/runtime.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { readUpload } from '../../http/upload.js';
import { addOfficer, addRecusal, listCatalogue, listOfficersFor, listRecusalsFor, saveMatter, updateOfficer } from './catalogue.service.js';
import { exportCatalogue, importCatalogue } from './catalogue.xlsx.js';
import { addCreditRecord, applyRepair, creditProfile, listRepairsFor, myCreditProfile, reviewRepair } from './credit.service.js';
import { publishFiguresToIndicators } from './feed.service.js';
import { enforcementFigures } from './figures.service.js';
import {
  addComplaint,
  addDocument,
  addWaiver,
  closeComplaint,
  complaintList,
  documentList,
  reviewDocument,
  waiverList,
} from './governance.service.js';
import {
  commitPlan,
  createPlan,
  drawPlan,
  getPlan,
  listPlansFor,
  markRectified,
  publicPlan,
  publicPlans,
  publicSnapshot,
  publishResults,
  recordResult,
  verifyPlanDraw,
} from './inspections.service.js';

const tags = ['enforcement'];
const versionBody = z.object({ version: z.number().int().positive() }).strict();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RECIPE = new URL('./verify-draw.py', import.meta.url);

export function enforcementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // — catalogue, officers, recusals —
    app.get(
      '/enforcement/matters',
      {
        config: { access: 'enforcement.read' },
        schema: {
          response: { 200: z.array(matterView) },
          tags,
          summary: '执法事项清单 / enforcement matters',
          querystring: catalogueQuery,
        },
      },
      async (request) => listCatalogue(ctx, actorOf(request), request.query.unitId),
    );
    app.post(
      '/enforcement/matters',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: { response: { 200: matterView }, tags, summary: '新增或替换执法事项 / add or replace a matter', body: matterBody },
      },
      async (request) => saveMatter(ctx, actorOf(request), request.body),
    );
    app.get(
      '/enforcement/matters/export.xlsx',
      { config: { access: 'enforcement.read' }, schema: { tags, summary: '导出执法事项清单 / export the catalogue' } },
      async (request, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('执法事项清单.xlsx', 'enforcement-matters.xlsx'))
          .send(await exportCatalogue(ctx, actorOf(request))),
    );
    app.post(
      '/enforcement/matters/import',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: {
          response: { 200: catalogueImportView },
          tags,
          summary: '导入执法事项清单（先预览） / import the catalogue (preview first)',
          consumes: ['multipart/form-data'],
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict(),
        },
      },
      async (request) => {
        const upload = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importCatalogue(ctx, actorOf(request), upload.data, { dryRun: request.query.dryRun === 'true' });
      },
    );
    app.get(
      '/enforcement/officers',
      {
        config: { access: 'enforcement.read' },
        schema: { response: { 200: z.array(officerView) }, tags, summary: '执法人员 / officers', querystring: catalogueQuery },
      },
      async (request) => listOfficersFor(ctx, actorOf(request), request.query.unitId),
    );
    app.post(
      '/enforcement/officers',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: { response: { 201: officerView }, tags, summary: '新增执法人员 / add an officer', body: officerBody },
      },
      async (request, reply) => reply.status(201).send(await addOfficer(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/enforcement/officers/:id',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: {
          response: { 200: officerView },
          tags,
          summary: '修改执法人员（证件） / edit an officer',
          params: idParam,
          body: officerUpdateBody,
        },
      },
      async (request) => updateOfficer(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/enforcement/recusals',
      { config: { access: 'enforcement.read' }, schema: { tags, summary: '回避名单 / recusal lists' } },
      async (request) => listRecusalsFor(ctx, actorOf(request)),
    );
    app.post(
      '/enforcement/recusals',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: { tags, summary: '加入回避名单 / add to a recusal list', body: recusalBody },
      },
      async (request, reply) => reply.status(201).send(await addRecusal(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/enforcement/waivers',
      {
        config: { access: 'enforcement.read' },
        schema: { tags, summary: '首违不罚、轻微违法不罚清单 / first-violation and minor-violation lists' },
      },
      async () => waiverList(ctx),
    );
    app.post(
      '/enforcement/waivers',
      { config: { access: 'enforcement.catalogue.edit' }, schema: { tags, summary: '列入清单 / add to a list', body: waiverBody } },
      async (request, reply) => reply.status(201).send(await addWaiver(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/enforcement/documents',
      {
        config: { access: 'enforcement.read' },
        schema: { response: { 200: documentsView }, tags, summary: '行政规范性文件及清理 / normative documents and cleanup' },
      },
      async (request) => documentList(ctx, actorOf(request)),
    );
    app.post(
      '/enforcement/documents',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: { tags, summary: '登记规范性文件 / add a document', body: documentBody },
      },
      async (request, reply) => reply.status(201).send(await addDocument(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/enforcement/documents/:id/reviews',
      {
        config: { access: 'enforcement.catalogue.edit' },
        schema: { tags, summary: '清理审查结论 / a review round', params: idParam, body: documentReviewBody },
      },
      async (request) => reviewDocument(ctx, actorOf(request), request.params.id, request.body),
    );

    // — "双随机、一公开" plans —
    app.get(
      '/enforcement/plans',
      {
        config: { access: 'enforcement.read' },
        schema: { response: { 200: z.array(planSummaryView) }, tags, summary: '抽查计划 / inspection plans' },
      },
      async (request) => listPlansFor(ctx, actorOf(request)),
    );
    app.post(
      '/enforcement/plans',
      {
        config: { access: 'enforcement.plans.manage' },
        schema: { response: { 201: planView }, tags, summary: '新建抽查计划 / create a plan', body: planBody },
      },
      async (request, reply) => reply.status(201).send(await createPlan(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/enforcement/plans/:id',
      {
        config: { access: 'enforcement.read' },
        schema: {
          response: { 200: planDetailView },
          tags,
          summary: '计划、抽取结果与检查结果 / a plan with its draw and results',
          params: idParam,
        },
      },
      async (request) => getPlan(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/enforcement/plans/:id/commit',
      {
        config: { access: 'enforcement.plans.manage' },
        schema: {
          response: { 200: planView },
          tags,
          summary: '固定对象库并公布承诺值 / fix the pool and publish the commitment',
          params: idParam,
          body: versionBody,
        },
      },
      async (request) => commitPlan(ctx, actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/enforcement/plans/:id/draw',
      {
        config: { access: 'enforcement.plans.manage' },
        schema: {
          response: { 200: planView },
          tags,
          summary: '抽取并公布种子 / draw and reveal the seed',
          params: idParam,
          body: versionBody,
        },
      },
      async (request) => drawPlan(ctx, actorOf(request), request.params.id, request.body.version),
    );
    app.get(
      '/enforcement/plans/:id/verify',
      {
        config: { access: 'enforcement.read' },
        schema: { tags, summary: '复核抽取 / re-run the draw', params: idParam, response: { 200: verifyView } },
      },
      async (request) => verifyPlanDraw(ctx.db, request.params.id),
    );
    app.post(
      '/enforcement/plans/:id/results',
      {
        config: { access: 'enforcement.results.record' },
        schema: { response: { 201: resultView }, tags, summary: '登记检查结果 / record a result', params: idParam, body: resultBody },
      },
      async (request, reply) => reply.status(201).send(await recordResult(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/enforcement/plans/:id/publish',
      {
        config: { access: 'enforcement.results.record' },
        schema: { response: { 200: planView }, tags, summary: '公示检查结果 / publish the results', params: idParam, body: versionBody },
      },
      async (request) => publishResults(ctx, actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/enforcement/results/:id/rectified',
      {
        config: { access: 'enforcement.results.record' },
        schema: { response: { 200: resultView }, tags, summary: '整改完成 / rectification closed', params: idParam, body: rectifiedBody },
      },
      async (request) => markRectified(ctx, actorOf(request), request.params.id, request.body),
    );

    // — credit grades, repair, complaints, figures —
    app.get(
      '/enforcement/credit/mine',
      {
        config: { access: 'enforcement.portal' },
        schema: {
          response: { 200: creditProfileView },
          tags,
          summary: '本企业信用等级、记录及说明 / the caller’s own enterprise, explained',
        },
      },
      async (request) => myCreditProfile(ctx, actorOf(request)),
    );
    app.get(
      '/enforcement/credit/:id',
      {
        config: { access: 'enforcement.credit.read' },
        schema: {
          response: { 200: creditProfileView },
          tags,
          summary: '企业信用风险等级及说明 / an enterprise’s grade explained',
          params: idParam,
        },
      },
      async (request) => creditProfile(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/enforcement/credit/records',
      {
        config: { access: 'enforcement.credit.manage' },
        schema: { tags, summary: '登记信用记录 / add a credit record', body: creditRecordBody },
      },
      async (request, reply) => reply.status(201).send(await addCreditRecord(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/enforcement/credit/regrade',
      {
        config: { access: 'enforcement.credit.manage' },
        schema: { tags, summary: '重新评定全部企业（后台任务） / regrade every enterprise as a job', response: { 202: jobRunView } },
      },
      async (request, reply) => reply.status(202).send(await enqueueJob(ctx, 'enforcement.regrade', {}, { actorId: actorOf(request).id })),
    );
    app.get(
      '/enforcement/repairs',
      {
        config: { access: 'enforcement.credit.read' },
        schema: { response: { 200: z.array(repairListItem) }, tags, summary: '信用修复申请 / credit-repair applications' },
      },
      async (request) => listRepairsFor(ctx, actorOf(request)),
    );
    app.post(
      '/enforcement/repairs',
      {
        config: { access: 'enforcement.repair.apply' },
        schema: { response: { 201: repairView }, tags, summary: '申请信用修复 / apply for credit repair', body: repairBody },
      },
      async (request, reply) => reply.status(201).send(await applyRepair(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/enforcement/repairs/:id/review',
      {
        config: { access: 'enforcement.repair.review' },
        schema: {
          response: { 200: repairView.extend({ grade: z.string().nullable() }) },
          tags,
          summary: '审核信用修复 / review an application',
          params: idParam,
          body: repairReviewBody,
        },
      },
      async (request) => reviewRepair(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/enforcement/complaints',
      {
        config: { access: 'enforcement.complaints' },
        schema: { response: { 200: z.array(complaintView) }, tags, summary: '涉企执法投诉 / complaints about enforcement' },
      },
      async (request) => complaintList(ctx, actorOf(request)),
    );
    app.post(
      '/enforcement/complaints',
      {
        config: { access: 'enforcement.complaints' },
        schema: { response: { 201: complaintView }, tags, summary: '登记投诉 / record a complaint', body: complaintBody },
      },
      async (request, reply) => reply.status(201).send(await addComplaint(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/enforcement/complaints/:id/close',
      {
        config: { access: 'enforcement.complaints' },
        schema: {
          response: { 200: complaintView },
          tags,
          summary: '办结投诉 / close a complaint',
          params: idParam,
          body: complaintCloseBody,
        },
      },
      async (request) => closeComplaint(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/enforcement/figures',
      {
        config: { access: 'enforcement.read' },
        schema: {
          response: { 200: figuresView },
          tags,
          summary: '法治环境数据及明细 / figures with their lists',
          querystring: periodQuery,
        },
      },
      async (request) => enforcementFigures(ctx, request.query),
    );
    app.post(
      '/enforcement/figures/publish',
      {
        config: { access: 'enforcement.figures.publish' },
        schema: {
          response: { 200: publishFiguresView },
          tags,
          summary: '将某月数据写入指标（含来源） / feed a month’s figures to the indicators',
          body: publishFiguresBody,
        },
      },
      async (request) => publishFiguresToIndicators(ctx, actorOf(request), request.body.month),
    );

    // — public, without login: commitments, seeds, snapshots, the recipe, published results —
    app.get(
      '/enforcement/public/plans',
      {
        config: { access: 'public' },
        schema: { response: { 200: z.array(publicPlanSummaryView) }, tags, summary: '双随机抽查公示 / public plans' },
      },
      async () => publicPlans(ctx),
    );
    app.get(
      '/enforcement/public/plans/:id',
      {
        config: { access: 'public' },
        schema: { response: { 200: publicPlanView }, tags, summary: '抽查公示详情 / a public plan', params: idParam },
      },
      async (request) => publicPlan(ctx, request.params.id),
    );
    app.get(
      '/enforcement/public/plans/:id/snapshot',
      { config: { access: 'public' }, schema: { tags, summary: '对象库快照（验证用） / the pool snapshot', params: idParam } },
      async (request, reply) =>
        reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', attachment(`抽查快照-${request.params.id}.json`, `snapshot-${request.params.id}.json`))
          .send(await publicSnapshot(ctx, request.params.id)),
    );
    app.get(
      '/enforcement/public/verify-draw.py',
      { config: { access: 'public' }, schema: { tags, summary: '验证脚本 / the verification recipe (Python)' } },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/x-python; charset=utf-8')
          .header('content-disposition', attachment('verify-draw.py'))
          .send(await fs.promises.readFile(RECIPE, 'utf8')),
    );
  };
}
