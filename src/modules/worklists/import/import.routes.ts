import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobRunView } from '../../../common/schemas/jobs.js';
import { importCommitBody, importPreviewView, importQuery, importResultView } from '../../../common/schemas/worklists-import.js';
import type { AppContext } from '../../../context.js';
import { actorOf } from '../../../http/access.js';
import { enqueueImportCommit, importCommitUpload, importPreviewUpload } from './import.service.js';
import { readUpload } from '../../../http/upload.js';

const tags = ['worklists'];

/** Excel import: upload → preview (problems located by sheet/row/column) → commit with the token. */
export function worklistImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/worklists/imports',
      {
        config: { access: 'worklists.import' },
        schema: {
          tags,
          summary: '上传 Excel 清单并预览（multipart，字段 file） / upload a workbook and preview the import',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importPreviewView },
        },
      },
      async (request) => {
        const { filename, data: buffer } = await readUpload(request, { maxBytes: ctx.config.uploadMaxBytes });
        const q = request.query;
        return importPreviewUpload(ctx, actorOf(request), { buffer, kind: q.kind, list: q.list, fileName: q.fileName ?? filename });
      },
    );

    app.post(
      '/worklists/imports/commit',
      {
        config: { access: 'worklists.import' },
        schema: {
          tags,
          summary: '确认导入（全部或仅无误的行） / commit a previewed import',
          body: importCommitBody,
          response: { 200: importResultView },
        },
      },
      async (request) => importCommitUpload(ctx, actorOf(request), request.body),
    );

    app.post(
      '/worklists/imports/commit-job',
      {
        config: { access: 'worklists.import' },
        schema: {
          tags,
          summary: '后台确认导入，进度见 /jobs/runs/:id / commit as a background job',
          body: importCommitBody,
          response: { 202: jobRunView },
        },
      },
      async (request, reply) => reply.status(202).send(await enqueueImportCommit(ctx, actorOf(request), request.body)),
    );
  };
}
