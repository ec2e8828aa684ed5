import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const serialized = new WeakMap<object, string>();

/**
 * Sends a cached response object serialized once: hot cached reads (the item list) would otherwise
 * validate and stringify the same page on every request, which costs more than finding it. Only for
 * objects built by a presenter typed against the route's response schema (its tests check the shape),
 * since the schema's serializer is bypassed.
 */
export function sendJsonOnce(reply: FastifyReply, value: object): FastifyReply {
  let json = serialized.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialized.set(value, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}

const tagged = new WeakMap<object, { etag: string; body: Buffer }>();

/**
 * `sendJsonOnce` with an ETag made once per object: a client that already holds this answer
 * (a browser revalidating, `cache-control: private, no-cache`) gets an empty 304 instead. The body
 * is kept encoded, so a page of Chinese text is not turned into UTF-8 bytes again on every send.
 */
export function sendJsonOnceTagged(request: FastifyRequest, reply: FastifyReply, value: object): FastifyReply {
  let t = tagged.get(value);
  if (t === undefined) {
    const body = Buffer.from(serialized.get(value) ?? JSON.stringify(value));
    t = { etag: `"${createHash('sha1').update(body).digest('base64url')}"`, body };
    tagged.set(value, t);
  }
  reply.header('etag', t.etag).header('cache-control', 'private, no-cache');
  if (request.headers['if-none-match'] === t.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(t.body);
}
