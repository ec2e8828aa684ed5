import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditQuery, auditView, page } from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { listAuditLog } from './audit.service.js';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { access: 'audit.read' },
        schema: { tags: ['audit'], summary: '审计日志 / audit log', querystring: auditQuery, response: { 200: page(auditView) } },
      },
      async (request) => ({ ...(await listAuditLog(ctx, request.query)), page: request.query.page, pageSize: request.query.pageSize }),
    );
  };
}
