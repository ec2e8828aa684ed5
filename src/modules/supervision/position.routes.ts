import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitPositionView } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { myUnitPosition } from './position.service.js';

/** A unit role's own place on the weekly red/black list. */
export function positionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/supervision/weekly/my-unit',
      {
        config: { access: 'supervision.weekly.myUnit' },
        schema: { tags: ['supervision'], summary: '本单位红黑榜位置 / my unit on the red/black list', response: { 200: unitPositionView } },
      },
      async (request) => myUnitPosition(ctx, actorOf(request)),
    );
  };
}
