import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import {
  Open311Error,
  auditKeyed,
  clientOfKey,
  createRequest,
  getRequest,
  listRequests,
  requestOfToken,
  serviceDefinition,
  services,
} from './open311.service.js';

type Params = Record<string, unknown>;

/** application/x-www-form-urlencoded as the spec posts it; repeated names become arrays. */
function parseForm(body: string): Params {
  const out: Params = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function specError(reply: FastifyReply, status: number, description: string) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send([{ code: status, description }]);
}

/**
 * Open311 GeoReport v2 at /open311/v2 (outside /api/v1: other systems call it with the spec's
 * paths). Reads are public as the spec has them; a POST needs a client's `api_key`. Errors use the
 * spec's `[{code, description}]`; parameters the spec does not know are ignored.
 */
export function open311Routes(ctx: AppContext) {
  return async (root: FastifyInstance) => root.register(v2(ctx), { prefix: '/open311/v2' });
}

function v2(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, parseForm(body as string)),
    );
    app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof Open311Error) return specError(reply, err.status, err.description);
      if (err.statusCode === 429) return specError(reply, 429, 'too many requests');
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return specError(reply, 400, err.message);
      request.log.error({ err }, 'open311 error');
      return specError(reply, 500, 'internal error');
    });
    app.setNotFoundHandler((_request, reply) => specError(reply, 404, 'no such Open311 method'));

    const params = (request: FastifyRequest): Params => ({ ...(request.query as Params), ...((request.body as Params | undefined) ?? {}) });
    /** A read that carries a key is audited too: the key identifies the client. */
    const auditIfKeyed = async (request: FastifyRequest) => {
      const key = (request.query as Params).api_key;
      if (typeof key === 'string' && key)
        await auditKeyed(ctx, await clientOfKey(ctx, key), { method: request.method, url: request.url.split('?')[0]! });
    };

    app.get('/services.json', async (request) => {
      await auditIfKeyed(request);
      return services(ctx);
    });
    app.get<{ Params: { code: string } }>('/services/:code', async (request) => {
      await auditIfKeyed(request);
      const code = request.params.code.replace(/\.json$/, '');
      return serviceDefinition(ctx, code);
    });
    app.post('/requests.json', { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (request) => {
      const p = params(request);
      const client = await clientOfKey(ctx, typeof p.api_key === 'string' ? p.api_key : undefined);
      const idempotency = request.headers['idempotency-key'];
      return createRequest(ctx, client, p, typeof idempotency === 'string' ? idempotency : undefined);
    });
    app.get('/requests.json', async (request) => {
      await auditIfKeyed(request);
      return listRequests(ctx, request.query as Params);
    });
    app.get<{ Params: { id: string } }>('/requests/:id', async (request) => {
      await auditIfKeyed(request);
      return getRequest(ctx, request.params.id.replace(/\.json$/, ''));
    });
    app.get<{ Params: { token: string } }>('/tokens/:token', async (request) => {
      await auditIfKeyed(request);
      return requestOfToken(ctx, request.params.token.replace(/\.json$/, ''));
    });
  };
}
