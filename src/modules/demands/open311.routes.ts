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
import { type XmlRoot, toXml } from './open311.xml.js';

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

type Format = 'json' | 'xml';

/** The spec serves every method as `.json` or `.xml`; the path's extension chooses (JSON when it has none). */
function formatOf(request: FastifyRequest): Format {
  return request.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json';
}

/** `5.json` → `5`: the id parameter of a path carries the format. */
const withoutFormat = (param: string) => param.replace(/\.(json|xml)$/, '');

function answer(reply: FastifyReply, format: Format, root: XmlRoot, data: unknown) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(data);
  return reply.type('text/xml; charset=utf-8').send(toXml(root, data));
}

function specError(request: FastifyRequest, reply: FastifyReply, status: number, description: string) {
  return answer(reply.status(status), formatOf(request), 'errors', [{ code: status, description }]);
}

/**
 * Open311 GeoReport v2 at /open311/v2 (outside /api/v1: other systems call it with the spec's
 * paths), each method as `.json` and `.xml`. Reads are public as the spec has them; a POST needs a
 * client's `api_key` (access `apiKey`: no session, the key is checked here). Errors use the spec's
 * `[{code, description}]` / `<errors><error>`; parameters the spec does not know are ignored.
 */
export function open311Routes(ctx: AppContext) {
  return async (root: FastifyInstance) => root.register(v2(ctx), { prefix: '/open311/v2' });
}

const READ = { access: 'public' } as const;

function v2(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, parseForm(body as string)),
    );
    app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof Open311Error) return specError(request, reply, err.status, err.description);
      if (err.statusCode === 429) return specError(request, reply, 429, 'too many requests');
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return specError(request, reply, 400, err.message);
      request.log.error({ err }, 'open311 error');
      return specError(request, reply, 500, 'internal error');
    });
    app.setNotFoundHandler((request, reply) => specError(request, reply, 404, 'no such Open311 method'));

    const params = (request: FastifyRequest): Params => ({ ...(request.query as Params), ...((request.body as Params | undefined) ?? {}) });
    /** A read that carries a key is audited too: the key identifies the client. */
    const auditIfKeyed = async (request: FastifyRequest) => {
      const key = (request.query as Params).api_key;
      if (typeof key === 'string' && key)
        await auditKeyed(ctx, await clientOfKey(ctx, key), { method: request.method, url: request.url.split('?')[0]! });
    };

    for (const format of ['json', 'xml'] as const) {
      app.get(`/services.${format}`, { config: READ }, async (request, reply) => {
        await auditIfKeyed(request);
        return answer(reply, format, 'services', await services(ctx));
      });
      app.post(
        `/requests.${format}`,
        { config: { access: 'apiKey', rateLimit: { max: 600, timeWindow: '1 minute' } } },
        async (request, reply) => {
          const p = params(request);
          const client = await clientOfKey(ctx, typeof p.api_key === 'string' ? p.api_key : undefined);
          const idempotency = request.headers['idempotency-key'];
          return answer(
            reply,
            format,
            'requests',
            await createRequest(
              ctx,
              client,
              p,
              typeof idempotency === 'string' ? idempotency : undefined,
              `/open311/v2/requests.${format}`,
            ),
          );
        },
      );
      app.get(`/requests.${format}`, { config: READ }, async (request, reply) => {
        await auditIfKeyed(request);
        return answer(reply, format, 'requests', await listRequests(ctx, request.query as Params));
      });
    }
    app.get<{ Params: { code: string } }>('/services/:code', { config: READ }, async (request, reply) => {
      await auditIfKeyed(request);
      return answer(reply, formatOf(request), 'serviceDefinition', await serviceDefinition(ctx, withoutFormat(request.params.code)));
    });
    app.get<{ Params: { id: string } }>('/requests/:id', { config: READ }, async (request, reply) => {
      await auditIfKeyed(request);
      return answer(reply, formatOf(request), 'requests', await getRequest(ctx, withoutFormat(request.params.id)));
    });
    app.get<{ Params: { token: string } }>('/tokens/:token', { config: READ }, async (request, reply) => {
      await auditIfKeyed(request);
      return answer(reply, formatOf(request), 'requests', await requestOfToken(ctx, withoutFormat(request.params.token)));
    });
  };
}
