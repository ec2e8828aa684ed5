import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { auditRoutes } from './org/audit.routes.js';
import { authRoutes } from './org/auth.routes.js';
import { unitRoutes } from './org/units.routes.js';
import { userRoutes } from './org/users.routes.js';

/** Every module's routes, mounted under /api/v1. A new module adds its line here. */
export const moduleRoutes: ((ctx: AppContext) => FastifyPluginAsyncZod)[] = [authRoutes, unitRoutes, userRoutes, auditRoutes];
