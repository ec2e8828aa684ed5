import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDayBody,
  calendarDayView,
  calendarImportResult,
  calendarYearQuery,
  calendarYearView,
  importCalendarBody,
  updateCalendarDayBody,
} from '../../common/schemas/calendar.js';
import { idParam, okView } from '../../common/schemas/org.js';
import { chinaDate } from '../../common/dates.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { addCalendarDay, calendarYear, importCalendarDays, removeCalendarDay, updateCalendarDay } from './calendar.service.js';

export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendar',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['calendar'],
          summary: '工作日历：节假日与调休 / holidays and swapped working days of a year',
          querystring: calendarYearQuery,
          response: { 200: calendarYearView },
        },
      },
      async (request) => calendarYear(ctx, request.query.year ?? Number(chinaDate(ctx.clock()).slice(0, 4))),
    );

    app.post(
      '/calendar/days',
      {
        config: { access: 'calendar.manage' },
        schema: { tags: ['calendar'], summary: '新增节假日/调休 / add a day', body: calendarDayBody, response: { 201: calendarDayView } },
      },
      async (request, reply) => reply.status(201).send(await addCalendarDay(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/calendar/days/:id',
      {
        config: { access: 'calendar.manage' },
        schema: {
          tags: ['calendar'],
          summary: '修改 / edit a day',
          params: idParam,
          body: updateCalendarDayBody,
          response: { 200: calendarDayView },
        },
      },
      async (request) => updateCalendarDay(ctx, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/calendar/days/:id',
      {
        config: { access: 'calendar.manage' },
        schema: { tags: ['calendar'], summary: '删除 / remove a day', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await removeCalendarDay(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/calendar/import',
      {
        config: { access: 'calendar.manage' },
        schema: {
          tags: ['calendar'],
          summary: '导入国务院放假安排（CSV/JSON） / import the State Council schedule',
          body: importCalendarBody,
          response: { 200: calendarImportResult },
        },
      },
      async (request) => importCalendarDays(ctx, actorOf(request), request.body),
    );
  };
}
