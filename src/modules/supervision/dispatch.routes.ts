import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addDecisionsBody,
  cockpitQuery,
  cockpitView,
  createMeetingBody,
  idParam,
  meetingQuery,
  meetingSummary,
  meetingView,
} from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { getCockpit } from './cockpit.service.js';
import { addDecisions, createMeeting, getMeeting, listMeetingSummaries } from './dispatch.service.js';

/** Dispatch meetings (调度会) and the leaders' cockpit (驾驶舱). */
export function dispatchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['supervision'];
    app.get(
      '/supervision/meetings',
      {
        config: { access: 'supervision.meetings.read' },
        schema: { tags, summary: '调度会列表 / dispatch meetings', querystring: meetingQuery, response: { 200: z.array(meetingSummary) } },
      },
      async (request) => listMeetingSummaries(ctx, request.query),
    );
    app.post(
      '/supervision/meetings',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '记录调度会及议定事项 / record a meeting and its decisions',
          body: createMeetingBody,
          response: { 201: meetingView },
        },
      },
      async (request, reply) => reply.status(201).send(await createMeeting(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/supervision/meetings/:id',
      { config: { access: 'supervision.meetings.read' }, schema: { tags, params: idParam, response: { 200: meetingView } } },
      async (request) => getMeeting(ctx, request.params.id),
    );
    app.post(
      '/supervision/meetings/:id/decisions',
      {
        config: { access: 'supervision.manage' },
        schema: { tags, summary: '追加议定事项 / add decisions', params: idParam, body: addDecisionsBody, response: { 200: meetingView } },
      },
      async (request) => addDecisions(ctx, actorOf(request), request.params.id, request.body.decisions, request.body.confirmPastDeadline),
    );
    app.get(
      '/supervision/cockpit',
      {
        config: { access: 'supervision.cockpit' },
        schema: { tags, summary: '领导驾驶舱 / the leaders’ cockpit', querystring: cockpitQuery, response: { 200: cockpitView } },
      },
      async (request) => getCockpit(ctx, actorOf(request), request.query),
    );
  };
}
