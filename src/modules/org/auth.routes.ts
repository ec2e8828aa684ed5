import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { permissionsOf } from '../../common/permissions.js';
import { changePasswordBody, loginBody, okView, sessionView, updateProfileBody, userView } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { SESSION_COOKIE, actorOf } from '../../http/access.js';
import { changeOwnPassword, login, logout, updateProfile } from './auth.service.js';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        // Per-IP limit on top of the per-account lock: slows password spraying across accounts.
        config: { access: 'public', rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: '登录 / log in', body: loginBody, response: { 200: sessionView } },
      },
      async (request, reply) => {
        const result = await login(ctx, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.cookieSecure,
          path: '/',
          expires: result.expiresAt,
        });
        return { user: result.user, csrfToken: result.csrfToken, permissions: permissionsOf(result.user.role) };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: ['auth'], summary: '退出 / log out', response: { 200: okView } },
      },
      async (request, reply) => {
        await logout(ctx, actorOf(request), request.session!.idHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: ['auth'], summary: '当前用户 / current user', response: { 200: sessionView } },
      },
      async (request) => {
        const { user, csrfToken } = request.session!;
        return { user, csrfToken, permissions: permissionsOf(user.role) };
      },
    );

    app.patch(
      '/auth/me',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true },
        schema: { tags: ['auth'], summary: '修改个人资料 / update my profile', body: updateProfileBody, response: { 200: userView } },
      },
      async (request) => updateProfile(ctx, actorOf(request), request.body),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowPendingPasswordChange: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: '修改密码 / change my password', body: changePasswordBody, response: { 200: okView } },
      },
      async (request) => {
        await changeOwnPassword(ctx, actorOf(request), request.session!.idHash, request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
}
