import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../common/errors.js';
import { jobRunView } from '../../../common/schemas/jobs.js';
import { importCommitBody, importPreviewView, importQuery, importResultView } from '../../../common/schemas/worklists-import.js';
import type { AppContext } from '../../../context.js';
import { actorOf } from '../../../http/access.js';
import { enqueueImportCommit, importCommitUpload, importPreviewUpload } from './import.service.js';

const tags = ['worklists'];

/** Excel import: upload → preview (problems located by sheet/row/column) → commit with the token. */
export function worklistImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 3, fieldSize: 1024 } });

    app.post(
      '/worklists/imports',
      {
        config: { access: ['admin', 'office'] },
        schema: {
          tags,
          summary: '上传 Excel 清单并预览（multipart，字段 file） / upload a workbook and preview the import',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importPreviewView },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: '请以 multipart/form-data 上传 / send multipart/form-data' }]);
        const part = await request.file();
        if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '缺少文件 / no file' }]);
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch (err) {
          // The size limit is enforced while streaming, before anything is parsed.
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('PAYLOAD_TOO_LARGE', [{ path: 'file', message: `文件超过 ${ctx.config.uploadMaxBytes / 1024 / 1024} MB / larger than the upload limit` }]);
          }
          throw err;
        }
        const q = request.query;
        return importPreviewUpload(ctx, actorOf(request), { buffer, kind: q.kind, list: q.list, fileName: q.fileName ?? part.filename });
      },
    );

    app.post(
      '/worklists/imports/commit',
      {
        config: { access: ['admin', 'office'] },
        schema: { tags, summary: '确认导入（全部或仅无误的行） / commit a previewed import', body: importCommitBody, response: { 200: importResultView } },
      },
      async (request) => importCommitUpload(ctx, actorOf(request), request.body),
    );

    app.post(
      '/worklists/imports/commit-job',
      {
        config: { access: ['admin', 'office'] },
        schema: { tags, summary: '后台确认导入，进度见 /jobs/runs/:id / commit as a background job', body: importCommitBody, response: { 202: jobRunView } },
      },
      async (request, reply) => reply.status(202).send(await enqueueImportCommit(ctx, actorOf(request), request.body)),
    );
  };
}
