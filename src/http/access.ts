import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../common/errors.js';
import { type Permission, hasPermission } from '../common/permissions.js';
import type { AppContext, Actor } from '../context.js';
import { type ResolvedSession, resolveSession } from '../modules/org/auth.service.js';

/**
 * Who may call a route: anyone, any logged-in user, or the holders of one permission of
 * src/common/permissions.ts; `apiKey` is a route for other systems that checks its own client key
 * (Open311) and needs no session. Every route under /api declares one; a route without a rule makes
 * the server refuse to start (and the route-walk test fail). Routes outside /api that declare one
 * (a module's root routes) join the table too, so the walk covers them.
 */
export type Access = 'public' | 'authenticated' | 'apiKey' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user still has to replace an initial password (profile, logout). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every API route with its access rule, in registration order (the route-walk test reads it). */
    routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export const SESSION_COOKIE = 'bizenv_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of an authenticated route; the access hook guarantees it is there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function registerAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);

  app.addHook('onRoute', (route: RouteOptions) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (!route.url.startsWith('/api') && !declared) return;
    // The OpenAPI document and its UI are public by design.
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    const access = declared;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // not an API route: static files and the SPA
    const token = request.cookies[SESSION_COOKIE];
    request.session = await resolveSession(ctx, token, request.ip);
    request.actor = request.session?.actor ?? null;
    if (access === 'public' || access === 'apiKey') return;
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError('CSRF_INVALID');
    }
    if (request.session.user.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access !== 'authenticated' && !hasPermission(request.session.actor.role, access)) throw new AppError('FORBIDDEN');
  });
}
