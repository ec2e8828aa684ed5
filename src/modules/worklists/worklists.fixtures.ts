import type { ItemKind } from '../../common/schemas/worklists.js';
import { SYSTEM_ACTOR } from '../../context.js';
import type { Harness } from '../../test/harness.js';
import { TEST_PASSWORD } from '../../test/harness.js';
import { DEMO_UNIT } from '../org/seed.js';
import { loadUnitResolver } from '../org/units.service.js';
import { createUser } from '../org/users.service.js';

/** Test factories for the worklists module: units, unit users, lists and items made through the API. */

export async function unitId(h: Harness, name: string): Promise<number> {
  const u = (await loadUnitResolver(h.ctx.db)).resolve(name);
  if (!u) throw new Error(`unknown unit ${name}`);
  return u.id;
}

/** The demo liaison and unit head belong to DEMO_UNIT (unit A); this adds the same pair for another unit. */
export async function unitUsers(h: Harness, unitName: string, prefix: string): Promise<{ unitId: number; liaison: string; head: string }> {
  const id = await unitId(h, unitName);
  for (const role of ['liaison', 'unit_head'] as const) {
    await createUser(h.ctx, SYSTEM_ACTOR, {
      username: `${prefix}_${role}`,
      displayName: `${prefix} ${role}`,
      role,
      unitId: id,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  }
  return { unitId: id, liaison: `${prefix}_liaison`, head: `${prefix}_unit_head` };
}

let listSeq = 0;
export async function makeList(h: Harness, kind: ItemKind = 'task'): Promise<number> {
  const office = await h.as('office');
  const res = await office.post('/api/v1/worklists', { name: `测试清单${++listSeq}-${kind}`, kind });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

let codeSeq = 0;
export async function makeItem(
  h: Harness,
  opts: { listId: number; lead: number[]; coop?: number[]; content?: string; deadline?: string | null; extra?: Record<string, unknown> },
): Promise<{ id: number; version: number }> {
  const office = await h.as('office');
  const res = await office.post('/api/v1/items', {
    listId: opts.listId,
    code: String(++codeSeq),
    content: opts.content ?? '推进企业开办全程网办，压缩办理时间',
    leadUnitIds: opts.lead,
    coopUnitIds: opts.coop ?? [],
    deadline: opts.deadline === undefined ? '2026-12-31' : opts.deadline,
    ...opts.extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { id: res.json().id, version: res.json().version };
}

export { DEMO_UNIT };

/** A multipart/form-data body with one file field named "file". */
export function multipart(
  filename: string,
  data: Buffer,
  mime = 'application/octet-stream',
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----bizenv${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
