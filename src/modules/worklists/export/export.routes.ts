import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chinaDate } from '../../../common/dates.js';
import { XLSX_MEDIA_TYPE } from '../../../common/schemas/worklists-import.js';
import { itemFilter } from '../../../common/schemas/worklists.js';
import type { AppContext } from '../../../context.js';
import { actorOf } from '../../../http/access.js';
import { attachment } from '../../../http/download.js';
import { exportWorklist } from './worklist-export.js';

/** Any filtered view of the lists (the list page's filters) as .xlsx that the importer reads back. */
export function worklistExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/worklists/export',
      {
        config: { access: 'worklists.export' },
        schema: {
          tags: ['worklists'],
          summary: '按筛选条件导出 Excel / export the filtered items as .xlsx',
          querystring: itemFilter,
          produces: [XLSX_MEDIA_TYPE],
        },
      },
      async (request, reply) => {
        const title = `工作清单导出 ${chinaDate(ctx.clock())}`;
        const { buffer } = await exportWorklist(ctx, actorOf(request), request.query, title);
        return reply
          .header('content-type', XLSX_MEDIA_TYPE)
          .header('content-disposition', attachment(`${title}.xlsx`, 'worklist.xlsx'))
          .send(buffer);
      },
    );
  };
}
