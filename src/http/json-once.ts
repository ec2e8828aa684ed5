import type { FastifyReply } from 'fastify';

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
