import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import type { JobHandlers } from '../jobs/define.js';
import { jobRoutes } from '../jobs/jobs.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { indicatorRoutes } from './indicators/indicators.routes.js';
import { notificationJobHandlers } from './notifications/notifications.jobs.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { auditRoutes } from './org/audit.routes.js';
import { authRoutes } from './org/auth.routes.js';
import { unitRoutes } from './org/units.routes.js';
import { userRoutes } from './org/users.routes.js';
import { policyJobHandlers } from './policies/policies.jobs.js';
import { policyRoutes } from './policies/policies.routes.js';
import { bulletinRoutes } from './supervision/bulletin.routes.js';
import { dispatchRoutes } from './supervision/dispatch.routes.js';
import { supervisionJobHandlers } from './supervision/supervision.jobs.js';
import { supervisionRoutes } from './supervision/supervision.routes.js';
import { worklistExportRoutes } from './worklists/export/export.routes.js';
import { worklistJobHandlers } from './worklists/import/import.jobs.js';
import { worklistImportRoutes } from './worklists/import/import.routes.js';
import { worklistRoutes } from './worklists/worklists.routes.js';

/** Every module's routes, mounted under /api/v1. A new module adds its line here. */
export const moduleRoutes: ((ctx: AppContext) => FastifyPluginAsyncZod)[] = [
  authRoutes,
  unitRoutes,
  userRoutes,
  auditRoutes,
  jobRoutes,
  notificationRoutes,
  calendarRoutes,
  worklistRoutes,
  worklistImportRoutes,
  worklistExportRoutes,
  indicatorRoutes,
  supervisionRoutes,
  bulletinRoutes,
  dispatchRoutes,
  policyRoutes,
];

/**
 * Every module's job handlers, handed to the job runtime by the processes that run jobs (the jobs
 * themselves are declared in src/common/jobs.ts). A job without its handler does not compile.
 */
export const moduleJobHandlers: JobHandlers = {
  ...supervisionJobHandlers,
  ...notificationJobHandlers,
  ...worklistJobHandlers,
  ...policyJobHandlers,
};
