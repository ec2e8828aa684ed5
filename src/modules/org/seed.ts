import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Role } from '../../common/roles.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from './audit.service.js';
import { hashPassword } from './passwords.js';
import { insertUnit, replaceAliases } from './units.repository.js';
import { loadUnitResolver } from './units.service.js';
import { findUserByUsername, insertUser } from './users.repository.js';

/** The reference city's member units; a copy of shared/data/units.csv (a test keeps them equal). */
export const UNITS_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference', 'units.csv');

interface UnitCsvRow {
  kind: 'city' | 'county' | 'zone' | 'department';
  name: string;
  short_names: string;
  division_code: string;
}

export function readReferenceUnits(file = UNITS_CSV): UnitCsvRow[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as UnitCsvRow[];
}

/** Adds the reference units that are missing (by name or alias); existing ones are left as edited. */
export async function seedReferenceUnits(ctx: AppContext): Promise<{ added: number }> {
  const rows = readReferenceUnits();
  return withTransaction(ctx.db, async (trx) => {
    const resolver = await loadUnitResolver(trx);
    const at = ctx.clock().toISOString();
    let cityId = resolver.all.find((u) => u.kind === 'city' && u.status === 'active')?.id;
    let added = 0;
    for (const [i, row] of rows.entries()) {
      if (resolver.resolve(row.name) || resolver.all.some((u) => u.name === row.name)) continue;
      const id = await insertUnit(
        trx,
        {
          name: row.name,
          kind: row.kind,
          parent_id: row.kind === 'city' ? null : (cityId ?? null),
          division_code: row.division_code || null,
          sort_order: (i + 1) * 10,
        },
        at,
      );
      if (row.kind === 'city') cityId = id;
      await replaceAliases(
        trx,
        id,
        row.short_names
          ? row.short_names
              .split('|')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      );
      added++;
    }
    if (added) await audit(ctx, trx, SYSTEM_ACTOR, { action: 'unit.seed', entity: 'unit', entityId: null, after: { added } });
    return { added };
  });
}

/** The demo unit that the unit-scoped demo accounts belong to (named in the README). */
export const DEMO_UNIT = '呼和浩特市行政审批和政务服务局';

const DEMO_ACCOUNTS: { username: Role; displayName: string; unit?: string }[] = [
  { username: 'admin', displayName: '系统管理员（演示）' },
  { username: 'office', displayName: '专班工作人员（演示）' },
  { username: 'leader', displayName: '市领导（演示）' },
  { username: 'unit_head', displayName: '单位负责人（演示）', unit: DEMO_UNIT },
  { username: 'liaison', displayName: '单位联络员（演示）', unit: DEMO_UNIT },
  { username: 'specialist', displayName: '企业服务专员（演示）' },
  { username: 'enterprise', displayName: '演示企业用户' },
  // finance
  { username: 'bank', displayName: '银行客户经理（演示）' },
];

export const DEMO_USERNAMES = DEMO_ACCOUNTS.map((a) => a.username);

/** Creates the demo accounts that do not exist yet; each named after its role. */
export async function seedDemoUsers(ctx: AppContext): Promise<{ added: number }> {
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  return withTransaction(ctx.db, async (trx) => {
    const resolver = await loadUnitResolver(trx);
    let added = 0;
    for (const a of DEMO_ACCOUNTS) {
      if (await findUserByUsername(trx, a.username)) continue;
      const unitId = a.unit ? (resolver.resolve(a.unit)?.id ?? null) : null;
      const id = await insertUser(
        trx,
        {
          username: a.username,
          display_name: a.displayName,
          role: a.username,
          unit_id: unitId,
          password_hash: passwordHash,
          must_change_password: 0,
          locale: 'zh-CN',
        },
        ctx.clock().toISOString(),
      );
      await audit(ctx, trx, SYSTEM_ACTOR, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: { username: a.username, role: a.username, demo: true },
      });
      added++;
    }
    return { added };
  });
}
