import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactBody, contactView, markReadBody, notificationList, notificationListQuery } from '../../common/schemas/notifications.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { getMyContact, listMyNotifications, markNotificationsRead, setMyContact, unreadCount } from './notifications.service.js';

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '我的消息 / my inbox',
          querystring: notificationListQuery,
          response: { 200: notificationList },
        },
      },
      async (request) => listMyNotifications(ctx, actorOf(request), request.query),
    );

    app.get(
      '/notifications/unread-count',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['notifications'], summary: '未读数 / unread count', response: { 200: z.object({ unread: z.number() }) } },
      },
      async (request) => ({ unread: await unreadCount(ctx, actorOf(request)) }),
    );

    app.post(
      '/notifications/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '标为已读 / mark read (ids, all, or all of a kind)',
          body: markReadBody,
          response: { 200: z.object({ updated: z.number(), unread: z.number() }) },
        },
      },
      async (request) => markNotificationsRead(ctx, actorOf(request), request.body),
    );

    app.get(
      '/notifications/contact',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['notifications'], summary: '我的通知邮箱 / my e-mail for notifications', response: { 200: contactView } },
      },
      async (request) => getMyContact(ctx, actorOf(request)),
    );

    app.put(
      '/notifications/contact',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: '设置通知邮箱与发送方式 / set my e-mail and delivery for notifications',
          body: contactBody,
          response: { 200: contactView },
        },
      },
      async (request) => setMyContact(ctx, actorOf(request), request.body),
    );
  };
}
