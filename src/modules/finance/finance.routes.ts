import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bankBody,
  bankView,
  financeUserView,
  financeUsersQuery,
  deskView,
  escalationResult,
  eventListView,
  eventView,
  indicatorsPosted,
  listingView,
  loanStat,
  loanStatList,
  needList,
  needView,
  projectView,
  projectsView,
  returnPreview,
  bankUserBody,
  creditBody,
  deskBody,
  deskStepBody,
  eventBody,
  followupBody,
  listingBody,
  listingServiceBody,
  listingStageBody,
  listingSubsidyBody,
  needBody,
  needQuery,
  period,
  projectBody,
  publishBody,
  regionStatBody,
  respondBody,
  returnsImportQuery,
  stepDoneBody,
} from '../../common/schemas/finance.js';
import { idValue } from '../../common/schemas/id.js';
import { idParam } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { readUpload } from '../../http/upload.js';
import {
  addFollowup,
  completeFollowup,
  createBank,
  createEvent,
  createProject,
  getEventView,
  linkUserToBank,
  listPickableUsers,
  listBankViews,
  listEventViews,
  listProjectViews,
} from './catalog.service.js';
import { addDeskStep, completeDeskStep, createDesk, escalateOverdueDeskSteps, listDeskViews } from './desk.service.js';
import { EXPORT_LISTS, exportList } from './export.service.js';
import { addToReserve, listListingViews, moveListingStage, payListingSubsidy, recordListingService } from './listing.service.js';
import { fileNeed, getNeed, grantCredit, landLoan, listVisibleNeeds, publishNeed, respondToNeed } from './needs.service.js';
import { publishLoanIndicators } from './indicators.js';
import { returnTemplate } from './returns.js';
import { importReturn, loanStats, setRegionStat } from './stats.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['finance'];

/** 融资环境: /api/v1/finance/… — needs, bank answers, credit, events, projects, desk, listing reserve, statistics. */
export function financeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- banks and projects ----
    app.get(
      '/finance/banks',
      { config: { access: 'finance.read' }, schema: { tags, summary: '银行名录 / banks', response: { 200: z.array(bankView) } } },
      async () => listBankViews(ctx),
    );
    app.post(
      '/finance/banks',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '新增银行 / add a bank', body: bankBody, response: { 201: bankView } },
      },
      async (request, reply) => reply.status(201).send(await createBank(ctx, actorOf(request), request.body.name)),
    );
    app.post(
      '/finance/banks/:id/users',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '关联银行客户经理 / link a bank user', params: idParam, body: bankUserBody, response: { 200: bankView } },
      },
      async (request) => linkUserToBank(ctx, actorOf(request), request.params.id, request.body.userId),
    );
    app.get(
      '/finance/users',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '可选用户 / users to pick', querystring: financeUsersQuery, response: { 200: z.array(financeUserView) } },
      },
      async (request) => listPickableUsers(ctx, request.query.role),
    );
    app.get(
      '/finance/projects',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '重大项目授信与放款 / major projects', response: { 200: projectsView } },
      },
      async () => listProjectViews(ctx),
    );
    app.post(
      '/finance/projects',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '新增重大项目 / add a project', body: projectBody, response: { 201: projectView } },
      },
      async (request, reply) => reply.status(201).send(await createProject(ctx, actorOf(request), request.body)),
    );

    // ---- needs ----
    app.get(
      '/finance/needs',
      {
        config: { access: 'finance.needs.read' },
        schema: { tags, summary: '融资需求 / financing needs', querystring: needQuery, response: { 200: needList } },
      },
      async (request) => ({
        items: await listVisibleNeeds(ctx, actorOf(request), request.query),
      }),
    );
    app.get(
      '/finance/needs/:id',
      {
        config: { access: 'finance.needs.read' },
        schema: { tags, summary: '融资需求详情 / one need', params: idParam, response: { 200: needView } },
      },
      async (request) => getNeed(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/finance/needs',
      {
        config: { access: 'finance.needs.file' },
        schema: { tags, summary: '填报融资需求 / file a need', body: needBody, response: { 201: needView } },
      },
      async (request, reply) => reply.status(201).send(await fileNeed(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/finance/needs/:id/publish',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '推送给银行 / publish to banks', params: idParam, body: publishBody, response: { 200: needView } },
      },
      async (request) => publishNeed(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/publications/:id/respond',
      {
        config: { access: 'finance.respond' },
        schema: { tags, summary: '银行回应 / a bank answers', params: idParam, body: respondBody, response: { 200: needView } },
      },
      async (request) => respondToNeed(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/publications/:id/grant',
      {
        config: { access: 'finance.credit.record' },
        schema: { tags, summary: '登记授信 / credit granted', params: idParam, body: creditBody, response: { 200: needView } },
      },
      async (request) => grantCredit(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/publications/:id/land',
      {
        config: { access: 'finance.credit.record' },
        schema: { tags, summary: '登记放款 / loan landed', params: idParam, body: creditBody, response: { 200: needView } },
      },
      async (request) => landLoan(ctx, actorOf(request), request.params.id, request.body),
    );

    // ---- matchmaking events ----
    app.get(
      '/finance/events',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '政金企对接会 / matchmaking events', response: { 200: z.array(eventListView) } },
      },
      async () => listEventViews(ctx),
    );
    app.get(
      '/finance/events/:id',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '对接会详情与成效 / an event and its results', params: idParam, response: { 200: eventView } },
      },
      async (request) => getEventView(ctx, request.params.id),
    );
    app.post(
      '/finance/events',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '登记对接会 / record an event', body: eventBody, response: { 201: eventView } },
      },
      async (request, reply) => reply.status(201).send(await createEvent(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/finance/events/:id/followups',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '跟进事项 / a follow-up', params: idParam, body: followupBody, response: { 200: eventView } },
      },
      async (request) => addFollowup(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/events/:id/followups/:followupId/done',
      {
        config: { access: 'finance.manage' },
        schema: {
          tags,
          summary: '跟进事项完成 / a follow-up done',
          params: z.object({ id: idValue, followupId: idValue }).strict(),
          body: stepDoneBody,
          response: { 200: eventView },
        },
      },
      async (request) => completeFollowup(ctx, actorOf(request), request.params.id, request.params.followupId, request.body.doneOn),
    );

    // ---- key-enterprise desk ----
    app.get(
      '/finance/desk',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '专班+行长 / key-enterprise desk', response: { 200: z.array(deskView) } },
      },
      async () => listDeskViews(ctx),
    );
    app.post(
      '/finance/desk',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '建立专班对接 / open a desk case', body: deskBody, response: { 201: deskView } },
      },
      async (request, reply) => reply.status(201).send(await createDesk(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/finance/desk/:id/steps',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '问题步骤 / add a step', params: idParam, body: deskStepBody, response: { 200: deskView } },
      },
      async (request) => addDeskStep(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/desk/steps/:id/done',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '步骤办结 / step done', params: idParam, body: stepDoneBody, response: { 200: deskView } },
      },
      async (request) => completeDeskStep(ctx, actorOf(request), request.params.id, request.body.doneOn),
    );
    app.post(
      '/finance/desk/escalate',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '逾期步骤列入督办 / escalate overdue steps now', response: { 200: escalationResult } },
      },
      async (request) => escalateOverdueDeskSteps(ctx, actorOf(request)),
    );

    // ---- listing reserve ----
    app.get(
      '/finance/listing',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '上市后备库 / listing reserve', response: { 200: z.array(listingView) } },
      },
      async () => listListingViews(ctx),
    );
    app.post(
      '/finance/listing',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '入库 / add to the reserve', body: listingBody, response: { 201: listingView } },
      },
      async (request, reply) => reply.status(201).send(await addToReserve(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/finance/listing/:id/stage',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '阶段变更 / change stage', params: idParam, body: listingStageBody, response: { 200: listingView } },
      },
      async (request) => moveListingStage(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/listing/:id/services',
      {
        config: { access: 'finance.manage' },
        schema: {
          tags,
          summary: '服务记录 / a service received',
          params: idParam,
          body: listingServiceBody,
          response: { 200: listingView },
        },
      },
      async (request) => recordListingService(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/finance/listing/:id/subsidies',
      {
        config: { access: 'finance.manage' },
        schema: {
          tags,
          summary: '拨付上市补贴 / pay a listing subsidy',
          params: idParam,
          body: listingSubsidyBody,
          response: { 200: listingView },
        },
      },
      async (request) => payListingSubsidy(ctx, actorOf(request), request.params.id, request.body),
    );

    // ---- loan statistics and the banks' monthly returns ----
    app.get(
      '/finance/stats',
      {
        config: { access: 'finance.read' },
        schema: { tags, summary: '贷款统计 / loan statistics by month', response: { 200: loanStatList } },
      },
      async () => ({ items: await loanStats(ctx) }),
    );
    app.post(
      '/finance/region-stats',
      {
        config: { access: 'finance.manage' },
        schema: { tags, summary: '全区对比数据 / the region’s figures', body: regionStatBody, response: { 200: loanStat } },
      },
      async (request) => setRegionStat(ctx, actorOf(request), request.body),
    );
    app.post(
      '/finance/stats/:period/indicators',
      {
        config: { access: 'finance.manage' },
        schema: {
          tags,
          summary: '写入指标监测 / post a month as indicator values',
          params: z.object({ period }).strict(),
          response: { 200: indicatorsPosted },
        },
      },
      async (request) => publishLoanIndicators(ctx, actorOf(request), request.params.period),
    );
    app.get(
      '/finance/returns/template.xlsx',
      { config: { access: 'finance.credit.record' }, schema: { tags, summary: '月度贷款报表模板 / the return template' } },
      async (_request, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment('月度贷款报表模板.xlsx', 'loan-return-template.xlsx'))
          .send(await returnTemplate()),
    );
    app.post(
      '/finance/returns',
      {
        config: { access: 'finance.credit.record' },
        schema: {
          tags,
          summary: '导入银行月度报表（预览/提交） / import a monthly return',
          querystring: returnsImportQuery,
          response: { 200: returnPreview },
        },
      },
      async (request) => {
        const file = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        return importReturn(ctx, actorOf(request), file, request.query.mode);
      },
    );

    app.get(
      '/finance/export/:list',
      {
        config: { access: 'finance.export' },
        schema: { tags, summary: '导出 Excel / export a list', params: z.object({ list: z.enum(EXPORT_LISTS) }).strict() },
      },
      async (request, reply) => {
        const { filename, data } = await exportList(ctx, actorOf(request), request.params.list);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment(filename, `finance-${request.params.list}.xlsx`))
          .send(data);
      },
    );
  };
}
