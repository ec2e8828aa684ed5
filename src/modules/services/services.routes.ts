import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okView } from '../../common/schemas/org.js';
import { itemDetailView } from '../../common/schemas/worklists.js';
import {
  POINT_KINDS,
  assistantBody,
  assistantRatingCodeBody,
  assistedCaseBody,
  assistedListQuery,
  assistedRatingBody,
  assistedCaseView,
  assistedPage,
  serviceEditBody,
  caseBody,
  caseStepParams,
  catalogueQuery,
  codeParam,
  importQuery,
  missedItemBody,
  packageBody,
  periodQuery,
  pointBody,
  publishRatesBody,
  ratesQuery,
  roundBody,
  serviceBody,
  stepBody,
  summaryQuery,
  yearQuery,
  assistantView,
  assistedImportView,
  caseView,
  catalogueImportView,
  cataloguePage,
  coverageView,
  missedView,
  monthlyView,
  networkPage,
  packageDetailView,
  packageGuideView,
  packageStatsView,
  packageView,
  pointView,
  publishView,
  ratesView,
  roundCreatedView,
  roundDiffView,
  roundView,
  serviceGuideView,
  serviceView,
  startupView,
  summaryView,
} from '../../common/schemas/services.js';
import { idValue } from '../../common/schemas/id.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { readUpload } from '../../http/upload.js';
import { exportCatalogue, importCatalogue } from './catalogue-sheet.js';
import {
  catalogueRates,
  createRound,
  createService,
  editService,
  listCatalogue,
  listStreamliningRounds,
  roundDiff,
} from './catalogue.service.js';
import { assistedMonthlyCounts, createAssistedCase, importAssistedCases, listAssisted, rateAssistedCase } from './assisted.service.js';
import { assistants, createAssistant, createPoint, listNetwork, networkCoverage, setAssistantRatingCode } from './network.service.js';
import {
  createServicePackage,
  fileServiceCase,
  getServiceCase,
  getServicePackage,
  listServicePackages,
  missedPromises,
  openMissedPromiseItem,
  packageStats,
  recordCaseStep,
  startupYear,
} from './packages.service.js';
import { packageGuide, publishRates, serviceGuide, servicesSummary } from './summary.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['services'];

/** 政务服务: catalogue, rates, rounds, one-thing packages and cases, network, assisted service, summary, public guide. */
export function servicesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // — catalogue —
    app.get(
      '/services/catalogue',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '政务服务事项目录（任一日期） / the catalogue as of a day',
          querystring: catalogueQuery,
          response: { 200: cataloguePage },
        },
      },
      async (request) => listCatalogue(ctx, request.query),
    );
    app.post(
      '/services/catalogue',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '新增事项 / add a service', body: serviceBody, response: { 201: serviceView } },
      },
      async (request, reply) => reply.status(201).send(await createService(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/services/catalogue/:id',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '修改现行事项（自某日起生效，保留旧版本） / edit a service in force',
          params: idParam,
          body: serviceEditBody,
          response: { 200: serviceView },
        },
      },
      async (request) => editService(ctx, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/services/catalogue/export',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '导出目录（.xlsx） / export the catalogue',
          querystring: z.object({ date: catalogueQuery.shape.date }).strict(),
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('政务服务事项目录.xlsx', 'service-catalogue.xlsx'))
          .send(await exportCatalogue(ctx, request.query.date)),
    );
    app.post(
      '/services/catalogue/import',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '导入目录：commit=0 预览并定位问题，commit=1 一次性导入 / preview (commit=0) or import all or nothing (commit=1)',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: catalogueImportView },
        },
      },
      async (request) => {
        const upload = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importCatalogue(ctx, actorOf(request), upload, request.query.commit === '1');
      },
    );
    app.get(
      '/services/rates',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '目录各项比率（任一日期、层级、旗县区） / the rates of a day',
          querystring: ratesQuery,
          response: { 200: ratesView },
        },
      },
      async (request) => catalogueRates(ctx, request.query),
    );
    app.post(
      '/services/rates/publish',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '将比率写入指标（含来源） / feed the rates to the indicators',
          body: publishRatesBody,
          response: { 200: publishView },
        },
      },
      async (request) => publishRates(ctx, actorOf(request), request.body.date),
    );
    app.get(
      '/services/rounds',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '精简轮次 / streamlining rounds', response: { 200: z.array(roundView) } },
      },
      async () => listStreamliningRounds(ctx),
    );
    app.post(
      '/services/rounds',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '记录一轮精简 / record a streamlining round', body: roundBody, response: { 201: roundCreatedView } },
      },
      async (request, reply) => reply.status(201).send(await createRound(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/services/rounds/:id',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '一轮精简的变化 / the diff of a round', params: idParam, response: { 200: roundDiffView } },
      },
      async (request) => roundDiff(ctx, request.params.id),
    );

    // — one-thing packages and their cases —
    app.get(
      '/services/packages',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '高效办成一件事 / the packages', response: { 200: z.array(packageView) } },
      },
      async () => listServicePackages(ctx),
    );
    app.post(
      '/services/packages',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '新增一件事 / add a package', body: packageBody, response: { 201: packageView } },
      },
      async (request, reply) => reply.status(201).send(await createServicePackage(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/services/packages/stats',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '期间实际压减（由办件计算） / reductions measured from the cases',
          querystring: periodQuery,
          response: { 200: packageStatsView },
        },
      },
      async (request) => packageStats(ctx, request.query.from, request.query.to),
    );
    app.get(
      '/services/packages/missed',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '超承诺时限的一件事 / packages that missed their promise',
          querystring: periodQuery,
          response: { 200: missedView },
        },
      },
      async (request) => missedPromises(ctx, request.query.from, request.query.to),
    );
    app.post(
      '/services/packages/:id/problem-item',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '为超时的一件事开具问题清单事项 / open a work-list problem item for a late package',
          params: idParam,
          body: missedItemBody,
          response: { 201: itemDetailView },
        },
      },
      async (request, reply) => reply.status(201).send(await openMissedPromiseItem(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/services/packages/:id',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '一件事详情 / one package', params: idParam, response: { 200: packageDetailView } },
      },
      async (request) => getServicePackage(ctx, { id: request.params.id }),
    );
    app.post(
      '/services/packages/:id/cases',
      {
        config: { access: 'services.cases.record' },
        schema: { tags, summary: '受理办件（分发至各部门） / file a case', params: idParam, body: caseBody, response: { 201: caseView } },
      },
      async (request, reply) => reply.status(201).send(await fileServiceCase(ctx, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/services/cases/:id',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '办件及各部门环节 / a case and its steps', params: idParam, response: { 200: caseView } },
      },
      async (request) => getServiceCase(ctx, request.params.id),
    );
    app.post(
      '/services/cases/:id/steps/:stepId',
      {
        config: { access: 'services.cases.record' },
        schema: {
          tags,
          summary: '部门办结或退回 / a department finishes or returns its step',
          params: caseStepParams,
          body: stepBody,
          response: { 200: caseView },
        },
      },
      async (request) => recordCaseStep(ctx, actorOf(request), request.params.id, request.params.stepId, request.body),
    );
    app.get(
      '/services/startup',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '企业开办年度统计（免收费用合计） / company start-up in a year',
          querystring: yearQuery,
          response: { 200: startupView },
        },
      },
      async (request) => startupYear(ctx, request.query.year),
    );

    // — network and assisted service —
    app.get(
      '/services/network',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '服务网络 / service points',
          querystring: z
            .object({
              countyId: idValue.optional(),
              kind: z.enum(POINT_KINDS).optional(),
              page: z.coerce.number().int().min(1).default(1),
              pageSize: z.coerce.number().int().min(1).max(500).default(50),
            })
            .strict(),
          response: { 200: networkPage },
        },
      },
      async (request) => listNetwork(ctx, request.query),
    );
    app.post(
      '/services/network',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '新增服务场所 / add a service point', body: pointBody, response: { 201: pointView } },
      },
      async (request, reply) => reply.status(201).send(await createPoint(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/services/network/coverage',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '各旗县区覆盖情况 / coverage per county', response: { 200: coverageView } },
      },
      async () => networkCoverage(ctx),
    );
    app.get(
      '/services/assistants',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '帮办代办员 / assistants', response: { 200: z.array(assistantView) } },
      },
      async () => assistants(ctx),
    );
    app.post(
      '/services/assistants',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '新增帮办代办员 / add an assistant', body: assistantBody, response: { 201: assistantView } },
      },
      async (request, reply) => reply.status(201).send(await createAssistant(ctx, actorOf(request), request.body)),
    );
    app.put(
      '/services/assistants/:id/rating-code',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '设置帮办代办员的诉求平台评价码（null 为取消） / set or clear the rating code of an assistant',
          params: idParam,
          body: assistantRatingCodeBody,
          response: { 200: assistantView },
        },
      },
      async (request) => setAssistantRatingCode(ctx, actorOf(request), request.params.id, request.body.ratingCode),
    );
    app.get(
      '/services/assisted-cases',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '帮办代办件（含所办事项或一件事） / assisted cases',
          querystring: assistedListQuery,
          response: { 200: assistedPage },
        },
      },
      async (request) => listAssisted(ctx, request.query),
    );
    app.post(
      '/services/assisted-cases/:id/rating',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '评价帮办代办件（有评价码时计入诉求平台） / rate an assisted case',
          params: idParam,
          body: assistedRatingBody,
          response: { 200: assistedCaseView.pick({ id: true, rating: true, ratedVia: true }) },
        },
      },
      async (request) => rateAssistedCase(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/services/assisted-cases',
      {
        config: { access: 'services.manage' },
        schema: { tags, summary: '登记帮办代办件 / record an assisted case', body: assistedCaseBody, response: { 201: okView } },
      },
      async (request, reply) => reply.status(201).send(await createAssistedCase(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/services/assisted-cases/import',
      {
        config: { access: 'services.manage' },
        schema: {
          tags,
          summary: '导入小程序导出的办件（.xlsx，全部或不导入） / import the mini-program export',
          consumes: ['multipart/form-data'],
          response: { 200: assistedImportView },
        },
      },
      async (request) => importAssistedCases(ctx, actorOf(request), await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes })),
    );
    app.get(
      '/services/assisted-cases/monthly',
      {
        config: { access: 'services.read' },
        schema: { tags, summary: '按月统计（帮办员、服务场所） / monthly counts', querystring: yearQuery, response: { 200: monthlyView } },
      },
      async (request) => assistedMonthlyCounts(ctx, request.query.year),
    );

    // — office summary and the public guide —
    app.get(
      '/services/summary',
      {
        config: { access: 'services.read' },
        schema: {
          tags,
          summary: '政务服务数据（全市或旗县区，注明数据日期） / the report figures from the records',
          querystring: summaryQuery,
          response: { 200: summaryView },
        },
      },
      async (request) => servicesSummary(ctx, request.query),
    );
    app.get(
      '/services/public/guide/services/:code',
      {
        config: { access: 'public' },
        schema: { tags, summary: '办事指南（事项） / public guide of a service', params: codeParam, response: { 200: serviceGuideView } },
      },
      async (request) => serviceGuide(ctx, request.params.code),
    );
    app.get(
      '/services/public/guide/packages/:code',
      {
        config: { access: 'public' },
        schema: { tags, summary: '办事指南（一件事） / public guide of a package', params: codeParam, response: { 200: packageGuideView } },
      },
      async (request) => packageGuide(ctx, request.params.code),
    );
  };
}
