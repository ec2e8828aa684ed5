import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../common/schemas/org.js';
import {
  extensionBody,
  extensionDecisionBody,
  extensionParams,
  itemDetailView,
  noteBody,
  reasonBody,
  reportBody,
  reportParams,
  selfScoreBody,
  stageBody,
  textBody,
} from '../../common/schemas/worklists.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import {
  addComment,
  addInstruction,
  decideExtension,
  headDecision,
  officeDecision,
  reopenItem,
  reportProgress,
  requestExtension,
  setCaseStage,
  setSelfScore,
  startItem,
} from './progress.service.js';

const tags = ['worklists'];
const response = { 200: itemDetailView };

/** Life-cycle steps; each answers with the item as it now is (timeline included). */
export function progressRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/items/:id/start',
      { config: { access: 'worklists.start' }, schema: { tags, summary: '启动 / start', params: idParam, response } },
      async (request) => startItem(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/items/:id/reports',
      {
        config: { access: 'worklists.report' },
        schema: { tags, summary: '报送进展 / report progress', params: idParam, body: reportBody, response },
      },
      async (request) => reportProgress(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/items/:id/reports/:reportId/approve',
      {
        config: { access: 'worklists.approve' },
        schema: { tags, summary: '单位负责人审核通过 / unit head approves', params: reportParams, body: noteBody, response },
      },
      async (request) => headDecision(ctx, actorOf(request), request.params.id, request.params.reportId, true, request.body.note ?? null),
    );
    app.post(
      '/items/:id/reports/:reportId/send-back',
      {
        config: { access: 'worklists.approve' },
        schema: { tags, summary: '单位负责人退回 / unit head sends back', params: reportParams, body: reasonBody, response },
      },
      async (request) => headDecision(ctx, actorOf(request), request.params.id, request.params.reportId, false, request.body.reason),
    );
    app.post(
      '/items/:id/reports/:reportId/accept',
      {
        config: { access: 'worklists.review' },
        schema: {
          tags,
          summary: '办公室采纳（100% 即销号） / office accepts (closes at 100 %)',
          params: reportParams,
          body: noteBody,
          response,
        },
      },
      async (request) => officeDecision(ctx, actorOf(request), request.params.id, request.params.reportId, true, request.body.note ?? null),
    );
    app.post(
      '/items/:id/reports/:reportId/return',
      {
        config: { access: 'worklists.review' },
        schema: { tags, summary: '办公室退回 / office returns with a reason', params: reportParams, body: reasonBody, response },
      },
      async (request) => officeDecision(ctx, actorOf(request), request.params.id, request.params.reportId, false, request.body.reason),
    );
    app.post(
      '/items/:id/reopen',
      {
        config: { access: 'worklists.review' },
        schema: { tags, summary: '重新打开已销号事项 / reopen a closed item', params: idParam, body: reasonBody, response },
      },
      async (request) => reopenItem(ctx, actorOf(request), request.params.id, request.body.reason),
    );
    app.post(
      '/items/:id/self-score',
      {
        config: { access: 'worklists.selfScore' },
        schema: { tags, summary: '试题自评 / self-assess a question', params: idParam, body: selfScoreBody, response },
      },
      async (request) => setSelfScore(ctx, actorOf(request), request.params.id, request.body.version, request.body.selfScore),
    );
    app.post(
      '/items/:id/stage',
      {
        config: { access: 'worklists.review' },
        schema: { tags, summary: '案例阶段 / set a case’s stage', params: idParam, body: stageBody, response },
      },
      async (request) => setCaseStage(ctx, actorOf(request), request.params.id, request.body.version, request.body.stage),
    );
    app.post(
      '/items/:id/extensions',
      {
        config: { access: 'worklists.requestExtension' },
        schema: { tags, summary: '延期申请 / request an extension', params: idParam, body: extensionBody, response },
      },
      async (request) => requestExtension(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/items/:id/extensions/:extensionId/decision',
      {
        config: { access: 'worklists.review' },
        schema: {
          tags,
          summary: '批准或驳回延期 / approve or refuse an extension',
          params: extensionParams,
          body: extensionDecisionBody,
          response,
        },
      },
      async (request) =>
        decideExtension(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.extensionId,
          request.body.approve,
          request.body.note ?? null,
        ),
    );
    app.post(
      '/items/:id/instructions',
      {
        config: { access: 'worklists.instruct' },
        schema: { tags, summary: '领导批示 / leader’s instruction', params: idParam, body: textBody, response },
      },
      async (request) => addInstruction(ctx, actorOf(request), request.params.id, request.body.text),
    );
    app.post(
      '/items/:id/comments',
      { config: { access: 'worklists.comment' }, schema: { tags, summary: '评论 / comment', params: idParam, body: textBody, response } },
      async (request) => addComment(ctx, actorOf(request), request.params.id, request.body.text),
    );
  };
}
