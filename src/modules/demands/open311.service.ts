import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import { DEMAND_TYPES, type DemandType } from '../../common/schemas/demands.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { listUnits } from '../org/index.js';
import {
  type DemandRow,
  findClientByHash,
  findClientByName,
  findDemand,
  findDemandBy,
  insertClient,
  listClients,
  listForOpen311,
  listSubjects,
  revokeClient,
} from './demands.repository.js';
import { intakeDemand } from './demands.service.js';

/**
 * Open311 GeoReport v2 over the demand desk: each top-level business subject is a service, each
 * ticket a service request. Internal states map to the spec's two (open/closed); the expected
 * datetime is the ticket's deadline and the agency responsible its unit.
 */

/** An Open311 error: the spec's status codes, answered as `[{code, description}]`. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
  }
}

const TYPE_NAMES: Record<DemandType, string> = { consult: '咨询', help: '求助', complaint: '投诉', suggestion: '建议', report: '举报' };

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function services(ctx: AppContext) {
  const subjects = (await listSubjects(ctx.db)).filter((s) => s.parent_id === null);
  return subjects.map((s) => ({
    service_code: String(s.id),
    service_name: s.name,
    description: `企业诉求：${s.name}`,
    metadata: true,
    type: 'realtime' as const,
    keywords: s.name,
    group: '企业诉求',
  }));
}

async function serviceOf(ctx: AppContext, code: string) {
  const s = (await listSubjects(ctx.db)).find((x) => String(x.id) === code && x.parent_id === null);
  if (!s) throw new Open311Error(404, `service_code ${code} not found`);
  return s;
}

/** The service definition: the attributes a request of this service may carry (the spec's format). */
export async function serviceDefinition(ctx: AppContext, code: string) {
  await serviceOf(ctx, code);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'demand_type',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '诉求类型',
        order: 1,
        description: '诉求类型（咨询/求助/投诉/建议/举报）',
        values: DEMAND_TYPES.map((t) => ({ key: t, name: TYPE_NAMES[t] })),
      },
      {
        variable: true,
        code: 'uscc',
        datatype: 'string',
        required: false,
        datatype_description: '18 位统一社会信用代码',
        order: 2,
        description: '企业统一社会信用代码',
      },
      {
        variable: true,
        code: 'enterprise_name',
        datatype: 'string',
        required: false,
        datatype_description: '企业名称',
        order: 3,
        description: '企业名称',
      },
    ],
  };
}

/** The client behind an api_key (the key itself is never stored, only its hash), or 403. */
export async function clientOfKey(ctx: AppContext, key: string | undefined): Promise<{ id: number; name: string }> {
  if (!key) throw new Open311Error(403, 'api_key is required');
  const client = await findClientByHash(ctx.db, keyHash(key));
  if (!client) throw new Open311Error(403, 'invalid api_key');
  return { id: client.id, name: client.name };
}

/** Every keyed request is audited with the client's name. */
export async function auditKeyed(
  ctx: AppContext,
  client: { id: number; name: string },
  what: { method: string; url: string; requestId?: number },
) {
  await withTransaction(ctx.db, (trx) =>
    audit(
      ctx,
      trx,
      { ...SYSTEM_ACTOR, displayName: `Open311: ${client.name}` },
      { action: 'open311.request', entity: 'open311_client', entityId: client.id, after: what },
    ),
  );
}

type Params = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : undefined);

/** `attribute[code]=value` (form) or `{attribute: {code: value}}` (JSON). */
function attribute(p: Params, code: string): string | undefined {
  const nested = p.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) return str((nested as Params)[code]);
  return str(p[`attribute[${code}]`]);
}

/** POST requests.json: creates a ticket and answers `[{service_request_id, service_notice, account_id}]`. */
export async function createRequest(
  ctx: AppContext,
  client: { id: number; name: string },
  p: Params,
  idempotencyKey: string | undefined,
  url = '/open311/v2/requests.json',
) {
  const serviceCode = str(p.service_code);
  if (!serviceCode) throw new Open311Error(400, 'service_code is required');
  const subject = await serviceOf(ctx, serviceCode);
  const lat = str(p.lat);
  const long = str(p.long);
  const address = str(p.address_string);
  if (!address && !(lat && long) && !str(p.address_id))
    throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const type = attribute(p, 'demand_type');
  if (!type) throw new Open311Error(400, 'attribute[demand_type] is required');
  if (!(DEMAND_TYPES as readonly string[]).includes(type))
    throw new Open311Error(400, `attribute[demand_type] must be one of ${DEMAND_TYPES.join(', ')}`);
  const description = str(p.description);
  if (!description || description.length < 2) throw new Open311Error(400, 'description is required');
  if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4000 characters');
  const phone = str(p.phone);
  if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) throw new Open311Error(400, 'phone is not a phone number');
  const name = [str(p.last_name), str(p.first_name)].filter(Boolean).join('') || undefined;
  const actor: Actor = { ...SYSTEM_ACTOR, displayName: `Open311: ${client.name}` };
  try {
    const t = await intakeDemand(
      ctx,
      actor,
      {
        channel: 'open311',
        type: type as DemandType,
        subjectId: subject.id,
        uscc: attribute(p, 'uscc') || undefined,
        enterpriseName: attribute(p, 'enterprise_name')?.slice(0, 200) || undefined,
        contactName: name?.slice(0, 100),
        contactPhone: phone,
        description,
        address: (address ?? (lat && long ? `${lat},${long}` : undefined))?.slice(0, 300),
        idempotencyKey: idempotencyKey ? `open311:${client.id}:${idempotencyKey}`.slice(0, 100) : undefined,
      },
      { open311ClientId: client.id, actorName: `Open311: ${client.name}`, open311Token: randomBytes(12).toString('hex') },
    );
    await auditKeyed(ctx, client, { method: 'POST', url, requestId: t.id });
    return [{ service_request_id: String(t.id), service_notice: t.unitName ? `已派至${t.unitName}` : '已受理，待派单', account_id: null }];
  } catch (err) {
    if (err instanceof AppError)
      throw new Open311Error(400, err.details?.map((d) => `${d.path ?? ''} ${d.message}`.trim()).join('; ') || err.message);
    throw err;
  }
}

async function present(ctx: AppContext, rows: DemandRow[]) {
  const unitIds = [...new Set(rows.map((r) => r.unit_id).filter((x): x is number => x !== null))];
  const units = new Map((unitIds.length ? await listUnits(ctx.db, { ids: unitIds, includeRetired: true }) : []).map((u) => [u.id, u.name]));
  const subjects = await listSubjects(ctx.db);
  const byId = new Map(subjects.map((s) => [s.id, s]));
  const top = (id: number) => {
    let s = byId.get(id);
    while (s?.parent_id) s = byId.get(s.parent_id);
    return s;
  };
  return rows.map((r) => {
    const service = top(r.subject_id);
    const closed = r.status === 'closed' || r.status === 'merged';
    return {
      service_request_id: String(r.id),
      status: closed ? 'closed' : 'open',
      // answers are written to the enterprise and may name people: only the state is published
      status_notes: r.status === 'merged' ? `merged into ${r.merged_into_id}` : (STATUS_NOTES[r.status] ?? null),
      service_name: service?.name ?? '',
      service_code: String(service?.id ?? r.subject_id),
      description: null,
      agency_responsible: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
      service_notice: null,
      requested_datetime: r.received_at,
      updated_datetime: r.updated_at,
      expected_datetime: r.due_at,
      address: null,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    };
  });
}

const STATUS_NOTES: Record<string, string> = {
  received: '已受理，待派单',
  dispatched: '已派单，待签收',
  sent_back: '退单审核中',
  in_progress: '办理中',
  answered: '已答复，待评价',
  closed: '已办结',
};

/** GET requests.json: by ids, or by service, dates and status (default: the last 90 days, at most 1000). */
export async function listRequests(ctx: AppContext, p: Params) {
  const ids = str(p.service_request_id);
  if (ids) {
    const list = ids
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^\d{1,10}$/.test(s))
      .map(Number);
    return present(ctx, await listForOpen311(ctx.db, { ids: list }));
  }
  const date = (name: string) => {
    const v = str(p[name]);
    if (!v) return undefined;
    const d = new Date(v);
    if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime()))
      throw new Open311Error(400, `${name} must be a w3 datetime, e.g. 2026-03-02T10:00:00+08:00`);
    return d.toISOString();
  };
  const end = date('end_date') ?? ctx.clock().toISOString();
  const start = date('start_date') ?? new Date(new Date(end).getTime() - 90 * 86_400_000).toISOString();
  const status = str(p.status);
  const statuses =
    status === 'open'
      ? ['received', 'dispatched', 'sent_back', 'in_progress', 'answered']
      : status === 'closed'
        ? ['closed', 'merged']
        : undefined;
  const code = str(p.service_code);
  const subjectId = code ? (await serviceOf(ctx, code)).id : undefined;
  return present(ctx, await listForOpen311(ctx.db, { subjectId, from: start, to: end, statuses }));
}

export async function getRequest(ctx: AppContext, id: string) {
  const row = /^\d{1,10}$/.test(id) ? await findDemand(ctx.db, Number(id)) : undefined;
  if (!row) throw new Open311Error(404, `service_request_id ${id} not found`);
  return present(ctx, [row]);
}

export async function requestOfToken(ctx: AppContext, token: string) {
  const row = /^[0-9a-f]{24}$/.test(token) ? await findDemandBy(ctx.db, 'open311_token', token) : undefined;
  if (!row) throw new Open311Error(404, `token ${token} not found`);
  return [{ service_request_id: String(row.id), token }];
}

// — keys (CLI) —

/** A new client key; only its hash is stored, so it is shown this once. */
export async function addClientKey(ctx: AppContext, name: string): Promise<{ name: string; key: string }> {
  const key = randomBytes(24).toString('base64url');
  try {
    await withTransaction(ctx.db, async (trx) => {
      const id = await insertClient(trx, { name, key_hash: keyHash(key), created_at: ctx.clock().toISOString() });
      await audit(ctx, trx, SYSTEM_ACTOR, { action: 'open311.key.add', entity: 'open311_client', entityId: id, after: { name } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Error(`an Open311 client named ${name} exists already`);
    throw err;
  }
  return { name, key };
}

export async function revokeClientKey(ctx: AppContext, name: string): Promise<void> {
  await withTransaction(ctx.db, async (trx) => {
    const c = await findClientByName(trx, name);
    if (!c) throw new Error(`no Open311 client named ${name}`);
    await revokeClient(trx, c.id, ctx.clock().toISOString());
    await audit(ctx, trx, SYSTEM_ACTOR, { action: 'open311.key.revoke', entity: 'open311_client', entityId: c.id, after: { name } });
  });
}

export async function clientKeys(ctx: AppContext) {
  return (await listClients(ctx.db)).map((c) => ({ name: c.name, createdAt: c.created_at, revokedAt: c.revoked_at }));
}
