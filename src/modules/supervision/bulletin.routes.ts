import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bulletinSummary,
  bulletinView,
  draftBulletinBody,
  idParam,
  updateBulletinBody,
  versionBody,
} from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { attachment } from '../../http/download.js';
import { bulletinDocument } from './bulletin.document.js';
import { draftBulletin, getBulletin, listAllBulletins, publishBulletin, updateBulletin } from './bulletin.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Monthly bulletins (月通报): draft, edit the commentary, publish, download .docx / .pdf. */
export function bulletinRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['supervision'];
    app.get(
      '/supervision/bulletins',
      {
        config: { access: 'supervision.bulletins.read' },
        schema: { tags, summary: '月通报列表 / monthly bulletins', response: { 200: z.array(bulletinSummary) } },
      },
      async () => listAllBulletins(ctx),
    );
    app.post(
      '/supervision/bulletins',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '起草或刷新某月通报 / draft (or refresh the draft of) a month',
          body: draftBulletinBody,
          response: { 200: bulletinView, 201: bulletinView },
        },
      },
      async (request, reply) => {
        const { bulletin, created } = await draftBulletin(ctx, actorOf(request), request.body.month);
        return reply.status(created ? 201 : 200).send(bulletin);
      },
    );
    app.get(
      '/supervision/bulletins/:id',
      { config: { access: 'supervision.bulletins.read' }, schema: { tags, params: idParam, response: { 200: bulletinView } } },
      async (request) => getBulletin(ctx, request.params.id),
    );
    app.patch(
      '/supervision/bulletins/:id',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '修改草稿的标题与评述 / edit a draft’s title and commentary',
          params: idParam,
          body: updateBulletinBody,
          response: { 200: bulletinView },
        },
      },
      async (request) => updateBulletin(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/supervision/bulletins/:id/publish',
      {
        config: { access: 'supervision.manage' },
        schema: {
          tags,
          summary: '发布（发布后不可更改） / publish (final)',
          params: idParam,
          body: versionBody,
          response: { 200: bulletinView },
        },
      },
      async (request) => publishBulletin(ctx, actorOf(request), request.params.id, request.body.version),
    );
    for (const format of ['docx', 'pdf'] as const) {
      app.get(
        `/supervision/bulletins/:id/document.${format}`,
        {
          config: { access: 'supervision.bulletins.read' },
          schema: {
            tags,
            summary: `下载 .${format} / download as .${format}`,
            params: idParam,
            produces: [format === 'docx' ? DOCX : 'application/pdf'],
          },
        },
        async (request, reply) => {
          const b = await getBulletin(ctx, request.params.id);
          const buffer = await bulletinDocument(b, format, ctx.config);
          return reply
            .header('content-type', format === 'docx' ? DOCX : 'application/pdf')
            .header(
              'content-disposition',
              attachment(`${b.title}${b.status === 'draft' ? '（草稿）' : ''}.${format}`, `bulletin-${b.month}.${format}`),
            )
            .send(buffer);
        },
      );
    }
  };
}
