import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  escalationRunBody,
  escalationRunView,
  escalationSettingsBody,
  idParam,
  noticePage,
  noticeQuery,
  noticeView,
  replyBody,
  scoreSettingsBody,
  settingsView,
  snapshotParam,
  snapshotSummary,
  snapshotView,
  takeSnapshotBody,
} from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { listNoticesFor, replyNotice, runEscalation } from './escalation.service.js';
import { getSettings, updateEscalationSettings, updateScoreSettings } from './settings.service.js';
import { snapshotWorkbook } from './weekly.export.js';
import { getSnapshot, listWeeklySnapshots, takeWeeklySnapshot } from './weekly.service.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Settings, the escalation ladder and its notices, weekly snapshots. */
export function supervisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['supervision'];
    app.get(
      '/supervision/settings',
      {
        config: { access: 'supervision.settings.read' },
        schema: { tags, summary: '督办升级与红黑榜计分设置 / escalation and score settings', response: { 200: settingsView } },
      },
      async () => getSettings(ctx),
    );
    app.put(
      '/supervision/settings/escalation',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '修改提醒与升级步骤 / change the reminder and escalation steps',
          body: escalationSettingsBody,
          response: { 200: settingsView },
        },
      },
      async (request) => updateEscalationSettings(ctx, actorOf(request), request.body),
    );
    app.put(
      '/supervision/settings/score',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '修改红黑榜计分 / change the red/black-list score',
          body: scoreSettingsBody,
          response: { 200: settingsView },
        },
      },
      async (request) => updateScoreSettings(ctx, actorOf(request), request.body),
    );
    app.post(
      '/supervision/escalation/run',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '立即执行提醒与升级 / run reminders and escalation now',
          body: escalationRunBody,
          response: { 200: escalationRunView },
        },
      },
      async (request) => runEscalation(ctx, actorOf(request), { date: request.body.date }),
    );

    app.get(
      '/supervision/notices',
      {
        config: { access: 'supervision.notices.read' },
        schema: {
          tags,
          summary: '提醒、督办单、通报、约谈记录 / reminders, notices, bulletin namings, summonses',
          querystring: noticeQuery,
          response: { 200: noticePage },
        },
      },
      async (request) => listNoticesFor(ctx, actorOf(request), request.query),
    );
    app.post(
      '/supervision/notices/:id/reply',
      {
        config: { access: 'supervision.notices.reply' },
        schema: {
          tags,
          summary: '回复督办单 / reply to a supervision notice',
          params: idParam,
          body: replyBody,
          response: { 200: noticeView },
        },
      },
      async (request) => replyNotice(ctx, actorOf(request), request.params.id, request.body.text),
    );

    app.get(
      '/supervision/weekly',
      {
        config: { access: 'supervision.weekly.read' },
        schema: { tags, summary: '周督查快照列表 / weekly snapshots', response: { 200: z.array(snapshotSummary) } },
      },
      async (request) => listWeeklySnapshots(ctx, actorOf(request)),
    );
    app.post(
      '/supervision/weekly',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '生成本周快照 / take this week’s snapshot',
          body: takeSnapshotBody,
          response: { 200: snapshotView, 201: snapshotView },
        },
      },
      async (request, reply) => {
        const { snapshot, created } = await takeWeeklySnapshot(ctx, actorOf(request), request.body);
        return reply.status(created ? 201 : 200).send(snapshot);
      },
    );
    app.get(
      '/supervision/weekly/:id',
      {
        config: { access: 'supervision.weekly.read' },
        schema: {
          tags,
          summary: '周督查快照（id 或 latest） / a weekly snapshot (id or latest)',
          params: snapshotParam,
          response: { 200: snapshotView },
        },
      },
      async (request) => getSnapshot(ctx, actorOf(request), request.params.id),
    );
    app.get(
      '/supervision/weekly/:id/export.xlsx',
      {
        config: { access: 'supervision.weekly.read' },
        schema: { tags, summary: '导出周督查 Excel / export a snapshot as .xlsx', params: snapshotParam, produces: [XLSX] },
      },
      async (request, reply) => {
        const s = await getSnapshot(ctx, actorOf(request), request.params.id);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachment(`周督查-${s.weekOf}.xlsx`, `weekly-${s.weekOf}.xlsx`))
          .send(await snapshotWorkbook(s));
      },
    );
  };
}
