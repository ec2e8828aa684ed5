import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserBody, idParam, okView, resetPasswordBody, updateUserBody, userListQuery, userView } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { createUser, getUser, listAllUsers, resetPassword, unlockUser, updateUser } from './users.service.js';

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['users'], summary: '用户列表 / users', querystring: userListQuery, response: { 200: z.array(userView) } },
      },
      async (request) => listAllUsers(ctx, request.query),
    );
    app.get(
      '/users/:id',
      { config: { access: 'users.manage' }, schema: { tags: ['users'], params: idParam, response: { 200: userView } } },
      async (request) => getUser(ctx, request.params.id),
    );
    app.post(
      '/users',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['users'], summary: '新增用户 / add a user', body: createUserBody, response: { 201: userView } },
      },
      async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/users/:id',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['users'], params: idParam, body: updateUserBody, response: { 200: userView } },
      },
      async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/users/:id/reset-password',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: '重置密码 / reset password',
          params: idParam,
          body: resetPasswordBody,
          response: { 200: okView },
        },
      },
      async (request) => {
        await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
        return { ok: true as const };
      },
    );
    app.post(
      '/users/:id/unlock',
      {
        config: { access: 'users.manage' },
        schema: { tags: ['users'], summary: '解除锁定 / unlock', params: idParam, response: { 200: userView } },
      },
      async (request) => unlockUser(ctx, actorOf(request), request.params.id),
    );
  };
}
