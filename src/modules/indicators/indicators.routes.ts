import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forecastView, peerImportResultView, rollupView, scoredView, unitScoreView } from '../../common/schemas/indicator-results.js';
import { z } from 'zod';
import {
  catalogueView,
  createIndicatorBody,
  createValueBody,
  forecastQuery,
  historyView,
  importResultView,
  importValuesQuery,
  indicatorView,
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
  valueView,
} from '../../common/schemas/indicators.js';
import { idParam } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { forecastWorkbook } from './forecast-export.js';
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
  valueHistory,
} from './indicators.service.js';
import { loadMethod } from './method.js';
import { forecast, importPeerValues, listMethodSummaries, rollUp, scorePosted, scoreUnit, summarizeMethod } from './scores.service.js';
import { readUpload } from '../../http/upload.js';

const tags = ['indicators'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function indicatorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/indicators/catalogue',
      {
        config: { access: 'indicators.read' },
        schema: { tags, summary: '指标目录 / indicator catalogue', response: { 200: catalogueView } },
      },
      async () => getCatalogue(ctx),
    );

    app.post(
      '/indicators/catalogue',
      {
        config: { access: 'indicators.manage' },
        schema: { tags, summary: '新增 KPI / add a KPI', body: createIndicatorBody, response: { 201: indicatorView } },
      },
      async (request, reply) => reply.status(201).send(await createIndicator(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/indicators/catalogue/:id',
      {
        config: { access: 'indicators.manage' },
        schema: {
          tags,
          summary: '修改指标 / edit an indicator',
          params: idParam,
          body: updateIndicatorBody,
          response: { 200: indicatorView },
        },
      },
      async (request) => updateIndicator(ctx, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/indicators/values',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '指标数值（按权限） / values visible to the caller',
          querystring: valueListQuery,
          response: { 200: z.array(valueView) },
        },
      },
      async (request) => listIndicatorValues(ctx, actorOf(request), request.query),
    );

    app.post(
      '/indicators/values',
      {
        config: { access: 'indicators.manage' },
        schema: { tags, summary: '录入数值 / enter a value', body: createValueBody, response: { 201: valueView } },
      },
      async (request, reply) => reply.status(201).send(await createIndicatorValue(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/indicators/values/:id',
      {
        config: { access: 'indicators.manage' },
        schema: { tags, summary: '修改数值 / edit a value', params: idParam, body: updateValueBody, response: { 200: valueView } },
      },
      async (request) => updateIndicatorValue(ctx, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/indicators/values/:id/history',
      {
        config: { access: 'indicators.read' },
        schema: { tags, summary: '数值修改记录 / audit trail of a value', params: idParam, response: { 200: historyView } },
      },
      async (request) => valueHistory(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/indicators/values/import',
      {
        config: { access: 'indicators.manage' },
        schema: {
          tags,
          summary:
            '从 Excel 导入数值（multipart，字段 file；全部成功或全部不导入；dryRun=true 只检查并预览） / import ' +
            'values from .xlsx, all or nothing; dryRun=true checks and previews only',
          consumes: ['multipart/form-data'],
          querystring: importValuesQuery,
          response: { 200: importResultView },
        },
      },
      async (request) => {
        const { filename, data } = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importIndicatorValues(ctx, actorOf(request), { filename, data }, { dryRun: request.query.dryRun });
      },
    );

    app.get(
      '/indicators/values/template.xlsx',
      { config: { access: 'indicators.manage' }, schema: { tags, summary: '数值导入模板 / blank workbook for the values import' } },
      async (_request, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('指标数值导入模板.xlsx', 'indicator-values-template.xlsx'))
          .send(await indicatorValueTemplate(ctx)),
    );

    app.get(
      '/indicators/targets',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '目标值（按权限） / targets visible to the caller',
          querystring: targetListQuery,
          response: { 200: z.array(targetView) },
        },
      },
      async (request) => listIndicatorTargets(ctx, actorOf(request), request.query),
    );

    app.put(
      '/indicators/targets',
      {
        config: { access: 'indicators.manage' },
        schema: { tags, summary: '设定目标值 / set a target for a period', body: targetBody, response: { 200: targetView } },
      },
      async (request) => setTarget(ctx, actorOf(request), request.body),
    );

    app.get(
      '/indicators/methods',
      {
        config: { access: 'indicators.read' },
        schema: { tags, summary: '评价方法 / scoring methods', response: { 200: z.array(methodSummaryView) } },
      },
      async () => listMethodSummaries(),
    );

    app.get(
      '/indicators/methods/:method',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '评价方法详情（含边界核实状态） / one method with bound statuses',
          params: methodParam,
          response: { 200: methodSummaryView },
        },
      },
      async (request) => summarizeMethod(loadMethod(request.params.method)),
    );

    app.post(
      '/indicators/score',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '按方法计算得分并给出解释 / score posted values with explanations',
          body: scoreBody,
          response: { 200: scoredView },
        },
      },
      async (request) => scorePosted(request.body),
    );

    app.get(
      '/indicators/scores',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '单位得分（最新数值） / a unit’s score from its latest values',
          querystring: unitScoreQuery,
          response: { 200: unitScoreView },
        },
      },
      async (request) => scoreUnit(ctx, actorOf(request), request.query),
    );

    app.post(
      '/indicators/peers/import',
      {
        config: { access: 'indicators.manage' },
        schema: {
          tags,
          summary: '导入盟市数值或得分（替换该方法该期间的全部数据） / import peer values or scores',
          body: peerImportBody,
          response: { 200: peerImportResultView },
        },
      },
      async (request) => importPeerValues(ctx, actorOf(request), request.body),
    );

    app.get(
      '/indicators/forecast',
      {
        config: { access: 'indicators.forecast' },
        schema: {
          tags,
          summary: '排名预测与差距分析（保二争一） / rank forecast and gap analysis',
          querystring: forecastQuery,
          response: { 200: forecastView },
        },
      },
      async (request) => forecast(ctx, request.query),
    );

    app.get(
      '/indicators/forecast/export',
      {
        config: { access: 'indicators.forecast' },
        schema: { tags, summary: '导出排名预测 Excel / export the forecast as .xlsx', querystring: forecastQuery },
      },
      async (request, reply) => {
        const f = await forecast(ctx, request.query);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment(`排名预测-${f.period}.xlsx`, `forecast-${f.period}.xlsx`))
          .send(await forecastWorkbook(f));
      },
    );

    app.get(
      '/indicators/rollup',
      {
        config: { access: 'indicators.read' },
        schema: {
          tags,
          summary: '试题自评得分汇总为预测得分 / self-assessments rolled up to predicted scores',
          querystring: rollupQuery,
          response: { 200: rollupView },
        },
      },
      async (request) => rollUp(ctx, actorOf(request), request.query),
    );
  };
}
