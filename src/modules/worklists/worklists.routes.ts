import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okView } from '../../common/schemas/org.js';
import {
  caseBoardQuery,
  caseBoardView,
  createItemBody,
  createWorklistBody,
  itemDetailView,
  itemPage,
  itemQuery,
  savedFilterBody,
  savedFilterView,
  todoView,
  updateItemBody,
  updateWorklistBody,
  worklistQuery,
  worklistView,
} from '../../common/schemas/worklists.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import { sendJsonOnce } from '../../http/json-once.js';
import { evidenceRoutes } from './evidence.routes.js';
import { progressRoutes } from './progress.routes.js';
import { caseBoard, deleteSavedFilter, listMySavedFilters, myTodo, saveFilter } from './views.service.js';
import {
  createItem,
  createWorklist,
  deleteWorklist,
  getItemDetail,
  listItems,
  listWorklists,
  updateItem,
  updateWorklist,
} from './worklists.service.js';

/** Everyone who works with the lists; specialists and enterprises see nothing of them. */
const tags = ['worklists'];

export function worklistRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(progressRoutes(ctx));
    await app.register(evidenceRoutes(ctx));

    app.get(
      '/worklists',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '清单列表 / the lists', querystring: worklistQuery, response: { 200: z.array(worklistView) } },
      },
      async (request) => listWorklists(ctx, actorOf(request), request.query.kind),
    );
    app.post(
      '/worklists',
      {
        config: { access: 'worklists.manage' },
        schema: { tags, summary: '新建清单 / create a list', body: createWorklistBody, response: { 201: worklistView } },
      },
      async (request, reply) => reply.status(201).send(await createWorklist(ctx, actorOf(request), request.body)),
    );
    app.patch(
      '/worklists/:id',
      {
        config: { access: 'worklists.manage' },
        schema: { tags, summary: '修改清单 / edit a list', params: idParam, body: updateWorklistBody, response: { 200: worklistView } },
      },
      async (request) => updateWorklist(ctx, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/worklists/:id',
      {
        config: { access: 'worklists.manage' },
        schema: { tags, summary: '删除空清单 / delete an empty list', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await deleteWorklist(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/items',
      {
        config: { access: 'worklists.read' },
        schema: {
          tags,
          summary: '督办事项（筛选、检索、排序、分页） / items with filters',
          querystring: itemQuery,
          response: { 200: itemPage },
        },
      },
      async (request, reply) => sendJsonOnce(reply, await listItems(ctx, actorOf(request), request.query)),
    );
    app.get(
      '/items/todo',
      { config: { access: 'worklists.read' }, schema: { tags, summary: '本单位待办 / my unit’s to-do', response: { 200: todoView } } },
      async (request) => myTodo(ctx, actorOf(request)),
    );
    app.get(
      '/items/case-board',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '典型案例看板 / case board by stage', querystring: caseBoardQuery, response: { 200: caseBoardView } },
      },
      async (request) => caseBoard(ctx, actorOf(request), request.query.listId),
    );
    app.get(
      '/items/saved-filters',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '我的常用筛选 / my saved filters', response: { 200: z.array(savedFilterView) } },
      },
      async (request) => listMySavedFilters(ctx, actorOf(request)),
    );
    app.post(
      '/items/saved-filters',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '保存筛选 / save a filter', body: savedFilterBody, response: { 201: savedFilterView } },
      },
      async (request, reply) => reply.status(201).send(await saveFilter(ctx, actorOf(request), request.body)),
    );
    app.delete(
      '/items/saved-filters/:id',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '删除筛选 / delete a saved filter', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await deleteSavedFilter(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/items',
      {
        config: { access: 'worklists.manage' },
        schema: { tags, summary: '新增事项 / create an item', body: createItemBody, response: { 201: itemDetailView } },
      },
      async (request, reply) => reply.status(201).send(await createItem(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/items/:id',
      {
        config: { access: 'worklists.read' },
        schema: { tags, summary: '事项详情与时间线 / item with its timeline', params: idParam, response: { 200: itemDetailView } },
      },
      async (request) => getItemDetail(ctx, actorOf(request), request.params.id),
    );
    app.patch(
      '/items/:id',
      {
        config: { access: 'worklists.manage' },
        schema: {
          tags,
          summary: '修改事项（乐观锁） / edit an item (version-checked)',
          params: idParam,
          body: updateItemBody,
          response: { 200: itemDetailView },
        },
      },
      async (request) => updateItem(ctx, actorOf(request), request.params.id, request.body),
    );
  };
}
