import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../common/errors.js';
import {
  createUnitBody,
  idParam,
  mergeUnitBody,
  okView,
  resolveUnitQuery,
  retireUnitBody,
  unitListQuery,
  unitView,
  updateUnitBody,
} from '../../common/schemas/org.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/access.js';
import {
  createUnit,
  deleteUnit,
  getUnit,
  listVisibleUnits,
  loadUnitResolver,
  mergeUnit,
  presentUnit,
  retireUnit,
  updateUnit,
} from './units.service.js';

export function unitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/units',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['units'],
          summary: '单位列表（按权限） / units visible to the caller',
          querystring: unitListQuery,
          response: { 200: z.array(unitView) },
        },
      },
      async (request) =>
        listVisibleUnits(ctx, actorOf(request), { ...request.query, includeRetired: request.query.includeRetired === 'true' }),
    );

    app.get(
      '/units/resolve',
      {
        config: { access: 'units.resolve' },
        schema: {
          tags: ['units'],
          summary: '按简称或别名查找单位 / resolve a unit name or alias',
          querystring: resolveUnitQuery,
          response: { 200: unitView },
        },
      },
      async (request) => {
        const unit = (await loadUnitResolver(ctx.db)).resolve(request.query.name);
        if (!unit) throw new AppError('NOT_FOUND', [{ path: 'query.name', message: `无法识别单位“${request.query.name}” / unknown unit` }]);
        return presentUnit(unit);
      },
    );

    app.get(
      '/units/:id',
      { config: { access: 'authenticated' }, schema: { tags: ['units'], params: idParam, response: { 200: unitView } } },
      async (request) => getUnit(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/units',
      {
        config: { access: 'units.manage' },
        schema: { tags: ['units'], summary: '新增单位 / add a unit', body: createUnitBody, response: { 201: unitView } },
      },
      async (request, reply) => reply.status(201).send(await createUnit(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/units/:id',
      {
        config: { access: 'units.manage' },
        schema: {
          tags: ['units'],
          summary: '修改/更名 / edit or rename',
          params: idParam,
          body: updateUnitBody,
          response: { 200: unitView },
        },
      },
      async (request) => updateUnit(ctx, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/units/:id/merge',
      {
        config: { access: 'units.manage' },
        schema: {
          tags: ['units'],
          summary: '合并到另一单位 / merge into another unit',
          params: idParam,
          body: mergeUnitBody,
          response: { 200: unitView },
        },
      },
      async (request) => mergeUnit(ctx, actorOf(request), request.params.id, request.body.intoUnitId, request.body.version),
    );

    app.post(
      '/units/:id/retire',
      {
        config: { access: 'units.manage' },
        schema: {
          tags: ['units'],
          summary: '撤销（保留历史） / retire, keeping history',
          params: idParam,
          body: retireUnitBody,
          response: { 200: unitView },
        },
      },
      async (request) => retireUnit(ctx, actorOf(request), request.params.id, request.body.version),
    );

    app.delete(
      '/units/:id',
      {
        config: { access: 'units.manage' },
        schema: { tags: ['units'], summary: '删除误建单位 / delete a unit created by mistake', params: idParam, response: { 200: okView } },
      },
      async (request) => {
        await deleteUnit(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
