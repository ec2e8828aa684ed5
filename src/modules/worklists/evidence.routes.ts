import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idValue } from '../../common/schemas/id.js';
import { evidenceView } from '../../common/schemas/worklists.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { downloadEvidence, tooLarge, uploadEvidence } from './evidence.service.js';
import { readUpload } from '../../http/upload.js';

const tags = ['worklists'];
const evidenceParams = z.object({ id: idValue, evidenceId: idValue }).strict();

/** Evidence upload (multipart, one file) and download; multipart is registered in this scope only. */
export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/items/:id/evidence',
      {
        config: { access: 'worklists.evidence.upload' },
        schema: {
          tags,
          summary: '上传佐证材料（multipart，字段 file） / upload evidence (multipart field "file")',
          consumes: ['multipart/form-data'],
          params: z.object({ id: idValue }).strict(),
          response: { 201: evidenceView },
        },
      },
      async (request, reply) => {
        const limit = ctx.config.uploadMaxBytes;
        const { filename, data } = await readUpload(request, { maxBytes: limit, use: 'store', tooLarge: () => tooLarge(limit) });
        return reply.status(201).send(await uploadEvidence(ctx, actorOf(request), request.params.id, { filename, data }));
      },
    );

    app.get(
      '/items/:id/evidence/:evidenceId',
      { config: { access: 'worklists.read' }, schema: { tags, summary: '下载佐证材料 / download evidence', params: evidenceParams } },
      async (request, reply) => {
        const file = await downloadEvidence(ctx, actorOf(request), request.params.id, request.params.evidenceId);
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', attachment(file.filename))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
  };
}
