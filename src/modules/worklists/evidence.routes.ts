import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../common/errors.js';
import { evidenceView } from '../../common/schemas/worklists.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { downloadEvidence, tooLarge, uploadEvidence } from './evidence.service.js';

const tags = ['worklists'];
const evidenceParams = z.object({ id: z.coerce.number().int().positive(), evidenceId: z.coerce.number().int().positive() }).strict();

/** Evidence upload (multipart, one file) and download; multipart is registered in this scope only. */
export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5, fieldSize: 1024 } });

    app.post(
      '/items/:id/evidence',
      {
        config: { access: ['admin', 'office', 'unit_head', 'liaison'] },
        schema: { tags, summary: '上传佐证材料（multipart，字段 file） / upload evidence (multipart field "file")', consumes: ['multipart/form-data'], params: z.object({ id: z.coerce.number().int().positive() }).strict(), response: { 201: evidenceView } },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: '请以 multipart/form-data 上传 / send multipart/form-data' }]);
        const part = await request.file();
        if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '缺少文件 / no file' }]);
        let data: Buffer;
        try {
          data = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx.config.uploadMaxBytes);
          throw err;
        }
        return reply.status(201).send(await uploadEvidence(ctx, actorOf(request), request.params.id, { filename: part.filename, data }));
      },
    );

    app.get(
      '/items/:id/evidence/:evidenceId',
      { config: { access: ['admin', 'office', 'leader', 'unit_head', 'liaison'] }, schema: { tags, summary: '下载佐证材料 / download evidence', params: evidenceParams } },
      async (request, reply) => {
        const file = await downloadEvidence(ctx, actorOf(request), request.params.id, request.params.evidenceId);
        const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
  };
}
