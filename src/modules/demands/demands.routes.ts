import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionResult,
  attachmentView,
  answerBody,
  respondentBody,
  boardView,
  codeRatingBody,
  deadlinesBody,
  deadlinesView,
  decideExtensionBody,
  decideSendBackBody,
  demandDetailView,
  demandPage,
  demandQuery,
  dispatchBody,
  duplicateQuery,
  duplicateView,
  extensionBody,
  followUpBody,
  intakeBody,
  intakeResult,
  knowledgeBody,
  knowledgeQuery,
  knowledgeView,
  importQuery,
  importResult,
  kpiQuery,
  hotIssueView,
  keyEnterpriseBody,
  keyEnterpriseView,
  kpiView,
  mergeBody,
  phoneView,
  rateBody,
  rateResult,
  ratingCodeBody,
  ratingCodeView,
  routeRuleBody,
  routeRuleView,
  sendBackBody,
  subjectBody,
  subjectView,
  versionBody,
  visitBody,
  visitView,
} from '../../common/schemas/demands.js';
import { idValue } from '../../common/schemas/id.js';
import { idParam, okView } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { sendJsonOnceTagged } from '../../http/json-once.js';
import {
  answerDemand,
  setRespondent,
  closeDemand,
  decideExtension,
  decideSendBack,
  dispatchDemand,
  findDuplicates,
  followUpDemand,
  getDemand,
  intakeDemand,
  listDemandPage,
  mergeDemand,
  requestExtension,
  revealPhone,
  sendBackDemand,
  signForDemand,
} from './demands.service.js';
import { addAttachment, attachmentTooLarge, attachmentsOf, ATTACHMENT_MAX_BYTES, downloadAttachment } from './attachments.service.js';
import { hotIssues } from './hot-issues.service.js';
import { kpiWorkbook } from './kpi.export.js';
import { demandKpis, publicBoard } from './kpi.service.js';
import { addRatingCode, rateDemand, rateWithCode, ratingCodes, retireRatingCodeById } from './ratings.service.js';
import { addKnowledge, editKnowledge, findAnswers, removeKnowledge } from './knowledge.service.js';
import {
  addRouteRule,
  addSubject,
  editRouteRule,
  loadDeadlines,
  removeRouteRule,
  routeRules,
  subjectTree,
  updateDeadlines,
} from './settings.service.js';
import { import12345 } from './import.service.js';
import { assignKeyEnterprise, recordVisit } from './visits.service.js';
import { readUpload } from '../../http/upload.js';

const tags = ['demands'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Public forms (rating without login) are limited per address, so codes cannot be guessed in bulk. */
const PUBLIC_LIMIT = { max: 30, timeWindow: '1 minute' };

export function demandsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/demands',
      {
        config: { access: 'demands.read' },
        schema: { tags, summary: '诉求工单列表 / tickets', querystring: demandQuery, response: { 200: demandPage } },
      },
      async (request, reply) => sendJsonOnceTagged(request, reply, await listDemandPage(ctx, actorOf(request), request.query)),
    );

    app.post(
      '/demands',
      {
        config: { access: 'demands.intake' },
        schema: { tags, summary: '受理诉求 / take a demand', body: intakeBody, response: { 200: intakeResult, 201: intakeResult } },
      },
      async (request, reply) => {
        const result = await intakeDemand(ctx, actorOf(request), request.body);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      '/demands/duplicates',
      {
        config: { access: 'demands.intake' },
        schema: { tags, summary: '重复诉求检查 / duplicate check', querystring: duplicateQuery, response: { 200: z.array(duplicateView) } },
      },
      async (request) =>
        findDuplicates(
          ctx.db,
          ctx.clock(),
          { uscc: request.query.uscc?.toUpperCase(), phone: request.query.phone, description: request.query.description },
          null,
        ),
    );

    app.get(
      '/demands/public/board',
      {
        config: { access: 'public' },
        schema: { tags, summary: '服务质量公示 / public service-quality board', response: { 200: boardView } },
      },
      async () => publicBoard(ctx),
    );

    app.post(
      '/demands/public/rate',
      {
        config: { access: 'public', rateLimit: PUBLIC_LIMIT },
        schema: { tags, summary: '凭评价码评价 / rate a ticket with its one-time code', body: rateBody, response: { 200: rateResult } },
      },
      async (request) => rateDemand(ctx, request.body),
    );

    app.post(
      '/demands/public/rating-codes/:code/ratings',
      {
        config: { access: 'public', rateLimit: PUBLIC_LIMIT },
        schema: {
          tags,
          summary: '凭窗口/专员评价码评价 / rate in-person service',
          params: z.object({ code: z.string().min(4).max(20) }).strict(),
          body: codeRatingBody,
          response: { 200: rateResult },
        },
      },
      async (request) => rateWithCode(ctx, request.params.code, request.body),
    );

    app.get(
      '/demands/rating-codes',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '评价码 / rating codes', response: { 200: z.array(ratingCodeView) } },
      },
      async () => ratingCodes(ctx),
    );
    app.post(
      '/demands/rating-codes',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '新增评价码 / add a rating code', body: ratingCodeBody, response: { 201: ratingCodeView } },
      },
      async (request, reply) => reply.status(201).send(await addRatingCode(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/demands/rating-codes/:id/retire',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '停用评价码 / deactivate a rating code', params: idParam, response: { 200: ratingCodeView } },
      },
      async (request) => retireRatingCodeById(ctx, actorOf(request), request.params.id),
    );

    app.get(
      '/demands/kpi',
      {
        config: { access: 'demands.kpi' },
        schema: { tags, summary: '诉求办理指标 / KPIs', querystring: kpiQuery, response: { 200: kpiView } },
      },
      async (request) => demandKpis(ctx, request.query),
    );
    app.get(
      '/demands/kpi/export',
      { config: { access: 'demands.kpi' }, schema: { tags, summary: '导出指标 Excel / export the KPIs', querystring: kpiQuery } },
      async (request, reply) => {
        const k = await demandKpis(ctx, request.query);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('企业诉求办理指标.xlsx', 'demand-kpis.xlsx'))
          .send(await kpiWorkbook(k.by, k.rows));
      },
    );

    app.get(
      '/demands/knowledge',
      {
        config: { access: 'demands.knowledge' },
        schema: {
          tags,
          summary: '知识库检索 / search the knowledge base',
          querystring: knowledgeQuery,
          response: { 200: z.array(knowledgeView) },
        },
      },
      async (request) => findAnswers(ctx, request.query),
    );
    app.post(
      '/demands/knowledge',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '新增知识 / add an answer', body: knowledgeBody, response: { 201: knowledgeView } },
      },
      async (request, reply) => reply.status(201).send(await addKnowledge(ctx, actorOf(request), request.body)),
    );
    app.put(
      '/demands/knowledge/:id',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '修改知识 / edit an answer', params: idParam, body: knowledgeBody, response: { 200: knowledgeView } },
      },
      async (request) => editKnowledge(ctx, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/demands/knowledge/:id',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '删除知识 / remove an answer', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await removeKnowledge(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/demands/subjects',
      { config: { access: 'demands.read' }, schema: { tags, summary: '业务事项 / subject tree', response: { 200: z.array(subjectView) } } },
      async () => subjectTree(ctx),
    );
    app.post(
      '/demands/subjects',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '新增业务事项 / add a subject', body: subjectBody, response: { 201: subjectView } },
      },
      async (request, reply) => reply.status(201).send(await addSubject(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/demands/route-rules',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '派单规则 / routing rules', response: { 200: z.array(routeRuleView) } },
      },
      async () => routeRules(ctx),
    );
    app.post(
      '/demands/route-rules',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '新增派单规则 / add a routing rule', body: routeRuleBody, response: { 201: routeRuleView } },
      },
      async (request, reply) => reply.status(201).send(await addRouteRule(ctx, actorOf(request), request.body)),
    );
    app.put(
      '/demands/route-rules/:id',
      {
        config: { access: 'demands.manage' },
        schema: {
          tags,
          summary: '修改派单规则 / edit a routing rule',
          params: idParam,
          body: routeRuleBody,
          response: { 200: routeRuleView },
        },
      },
      async (request) => editRouteRule(ctx, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/demands/route-rules/:id',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '删除派单规则 / remove a routing rule', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await removeRouteRule(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/demands/deadlines',
      { config: { access: 'demands.read' }, schema: { tags, summary: '办理时限 / deadlines', response: { 200: deadlinesView } } },
      async () => loadDeadlines(ctx.db),
    );
    app.put(
      '/demands/deadlines',
      {
        config: { access: 'demands.manage' },
        schema: { tags, summary: '修改办理时限 / edit the deadlines', body: deadlinesBody, response: { 200: deadlinesView } },
      },
      async (request) => updateDeadlines(ctx, actorOf(request), request.body),
    );

    app.get(
      '/demands/hot-issues',
      {
        config: { access: 'demands.dispatch' },
        schema: { tags, summary: '热点诉求 / hot issues', response: { 200: z.array(hotIssueView) } },
      },
      async () => hotIssues(ctx),
    );

    app.put(
      '/demands/key-enterprises',
      {
        config: { access: 'demands.manage' },
        schema: {
          tags,
          summary: '重点企业分配服务专员 / assign a key enterprise to a specialist',
          body: keyEnterpriseBody,
          response: { 200: keyEnterpriseView },
        },
      },
      async (request) => assignKeyEnterprise(ctx, actorOf(request), request.body),
    );

    app.post(
      '/demands/visits',
      {
        config: { access: 'demands.visits' },
        schema: { tags, summary: '走访记录 / record a visit', body: visitBody, response: { 201: visitView } },
      },
      async (request, reply) => reply.status(201).send(await recordVisit(ctx, actorOf(request), request.body)),
    );

    app.post(
      '/demands/import',
      {
        config: { access: 'demands.manage' },
        schema: {
          tags,
          summary: '导入 12345 平台工单（.xlsx/.csv，字段 file；commit=true 才写入） / import the 12345 export',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importResult },
        },
      },
      async (request) => {
        const { filename, data } = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return import12345(ctx, actorOf(request), data, filename, request.query.commit === 'true');
      },
    );

    app.get(
      '/demands/:id',
      {
        config: { access: 'demands.read' },
        schema: { tags, summary: '工单详情 / ticket', params: idParam, response: { 200: demandDetailView } },
      },
      async (request) => getDemand(ctx, actorOf(request), request.params.id),
    );

    app.get(
      '/demands/:id/attachments',
      {
        config: { access: 'demands.read' },
        schema: { tags, summary: '附件 / attachments', params: idParam, response: { 200: z.array(attachmentView) } },
      },
      async (request) => attachmentsOf(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/demands/:id/attachments',
      {
        config: { access: 'demands.read' },
        schema: {
          tags,
          summary: '上传附件（multipart，字段 file） / add an attachment',
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        const { filename, data } = await readUpload(request, {
          maxBytes: Math.min(ATTACHMENT_MAX_BYTES, ctx.config.uploadMaxBytes),
          use: 'store',
          tooLarge: attachmentTooLarge,
        });
        return reply.status(201).send(await addAttachment(ctx, actorOf(request), request.params.id, { filename, data }));
      },
    );
    app.get(
      '/demands/:id/attachments/:attachmentId',
      {
        config: { access: 'demands.read' },
        schema: { tags, summary: '下载附件 / download an attachment', params: z.object({ id: idValue, attachmentId: idValue }).strict() },
      },
      async (request, reply) => {
        const file = await downloadAttachment(ctx, actorOf(request), request.params.id, request.params.attachmentId);
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', attachment(file.filename))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );

    app.post(
      '/demands/:id/phone',
      {
        config: { access: 'demands.revealPhone' },
        schema: {
          tags,
          summary: '查看完整电话（留痕） / reveal the phone number (audited)',
          params: idParam,
          response: { 200: phoneView },
        },
      },
      async (request) => revealPhone(ctx, actorOf(request), request.params.id),
    );

    const action = <B extends z.ZodTypeAny>(
      path: string,
      access: 'demands.dispatch' | 'demands.handle',
      summary: string,
      body: B,
      fn: (actor: ReturnType<typeof actorOf>, id: number, body: z.infer<B>) => Promise<z.infer<typeof actionResult>>,
    ) =>
      app.post(
        `/demands/:id/${path}`,
        { config: { access }, schema: { tags, summary, params: idParam, body, response: { 200: actionResult } } },
        async (request) => fn(actorOf(request), (request.params as { id: number }).id, request.body as z.infer<B>),
      );

    action('dispatch', 'demands.dispatch', '派单/改派 / dispatch or reassign', dispatchBody, (a, id, b) => dispatchDemand(ctx, a, id, b));
    action('sign-for', 'demands.handle', '签收 / sign for', versionBody, (a, id, b) => signForDemand(ctx, a, id, b.version));
    action('send-back', 'demands.handle', '退单 / send back', sendBackBody, (a, id, b) => sendBackDemand(ctx, a, id, b));
    action('send-back-decision', 'demands.dispatch', '退单审核 / decide a send-back', decideSendBackBody, (a, id, b) =>
      decideSendBack(ctx, a, id, b),
    );
    action('answer', 'demands.handle', '答复 / answer', answerBody, (a, id, b) => answerDemand(ctx, a, id, b));
    action('respondent', 'demands.handle', '填写被投诉（举报）企业 / name the enterprise complained about', respondentBody, (a, id, b) =>
      setRespondent(ctx, a, id, b),
    );
    action('extension', 'demands.handle', '申请延期 / request an extension', extensionBody, (a, id, b) => requestExtension(ctx, a, id, b));
    action('extension-decision', 'demands.dispatch', '延期审批 / decide an extension', decideExtensionBody, (a, id, b) =>
      decideExtension(ctx, a, id, b),
    );
    // The desk may take the rating on the follow-up call itself: it goes through the one-time code like any other.
    action(
      'follow-up',
      'demands.dispatch',
      '回访（可当场记录评价） / follow-up call, optionally with the rating',
      followUpBody,
      async (a, id, b) => {
        const followed = await followUpDemand(ctx, a, id, b);
        if (!b.level || !followed.ratingCode) return followed;
        await rateDemand(ctx, { code: followed.ratingCode, level: b.level, comment: b.note });
        return { ...(await getDemand(ctx, a, id)), ratingCode: null };
      },
    );
    action('close', 'demands.dispatch', '办结（未评价） / close without rating', versionBody, (a, id, b) =>
      closeDemand(ctx, a, id, b.version),
    );
    action('merge', 'demands.dispatch', '合并重复工单 / merge a duplicate', mergeBody, (a, id, b) => mergeDemand(ctx, a, id, b));
  };
}
