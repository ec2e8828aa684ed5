import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../common/schemas/org.js';
import { jobNameParam, jobRunList, jobRunListQuery, jobRunView, jobScheduleView, updateScheduleBody } from '../common/schemas/jobs.js';
import type { AppContext } from '../context.js';
import { actorOf } from '../http/access.js';
import { listJobRuns, listSchedules, runScheduleNow, updateSchedule, viewJobRun } from './jobs.service.js';

export function jobRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/jobs/schedules',
      {
        config: { access: 'jobs.schedules.read' },
        schema: { tags: ['jobs'], summary: '定时任务 / schedules with last and next run', response: { 200: z.array(jobScheduleView) } },
      },
      async () => listSchedules(ctx),
    );

    app.patch(
      '/jobs/schedules/:name',
      {
        config: { access: 'jobs.schedules.edit' },
        schema: {
          tags: ['jobs'],
          summary: '修改定时设置 / change a schedule (cron, on/off)',
          params: jobNameParam,
          body: updateScheduleBody,
          response: { 200: jobScheduleView },
        },
      },
      async (request) => updateSchedule(ctx, actorOf(request), request.params.name, request.body),
    );

    app.post(
      '/jobs/schedules/:name/run',
      {
        config: { access: 'jobs.schedules.run' },
        schema: { tags: ['jobs'], summary: '立即执行 / run now', params: jobNameParam, response: { 202: jobRunView } },
      },
      async (request, reply) => reply.status(202).send(await runScheduleNow(ctx, actorOf(request), request.params.name)),
    );

    app.get(
      '/jobs/runs',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['jobs'], summary: '任务执行记录 / job runs', querystring: jobRunListQuery, response: { 200: jobRunList } },
      },
      async (request) => listJobRuns(ctx, actorOf(request), request.query),
    );

    app.get(
      '/jobs/runs/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['jobs'], summary: '任务进度 / a run and its progress', params: idParam, response: { 200: jobRunView } },
      },
      async (request) => viewJobRun(ctx, actorOf(request), request.params.id),
    );
  };
}
