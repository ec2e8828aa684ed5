import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../src/app.js';
import { ITEM_KINDS } from '../src/common/schemas/worklists.js';
import { addDays, chinaDate } from '../src/common/dates.js';
import { loadConfig } from '../src/config.js';
import { type AppContext, SYSTEM_ACTOR } from '../src/context.js';
import { withTransaction } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertUnit } from '../src/modules/org/units.repository.js';
import { loadUnitResolver } from '../src/modules/org/units.service.js';
import { AREAS } from '../src/modules/worklists/demo-data.js';
import { findOrCreateList, upsertImportedItems } from '../src/modules/worklists/worklists.service.js';
import { runSeed } from '../src/seed.js';

const STATUSES = [
  'closed',
  'closed',
  'closed',
  'in_progress',
  'in_progress',
  'in_progress',
  'not_started',
  'submitted',
  'under_review',
  'returned',
];

/**
 * A fresh SQLite file (or DATABASE_URL) with `items` synthetic items spread over `units` lead units
 * and five lists, in varied states, half of them with progress reports over the last 30 days.
 */
export async function supervisionBenchContext(opts: {
  items: number;
  units: number;
}): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-sv-'));
  const config = { ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' as const };
  const ctx = createContext(config);
  await migrateToLatest(ctx.db);
  await runSeed(ctx, { demo: true, light: true });
  const now = new Date();
  const today = chinaDate(now);
  const at = now.toISOString();
  let units = (await loadUnitResolver(ctx.db)).all.filter((u) => u.status === 'active' && u.kind !== 'city').map((u) => u.id);
  for (let i = units.length; i < opts.units; i++)
    units.push(
      await insertUnit(
        ctx.db,
        { name: `基准测试单位${i + 1}`, kind: 'department', parent_id: null, division_code: null, sort_order: 9000 + i },
        at,
      ),
    );
  units = units.slice(0, opts.units);
  await withTransaction(ctx.db, async (trx) => {
    for (const [k, kind] of ITEM_KINDS.entries()) {
      const list = await findOrCreateList(ctx, SYSTEM_ACTOR, trx, { name: `基准测试${kind}清单`, kind });
      const rows = [];
      for (let i = k; i < opts.items; i += ITEM_KINDS.length) {
        const a = AREAS[i % AREAS.length];
        rows.push({
          row: i + 2,
          code: `S${i + 1}`,
          area: a.area,
          content: `推进${a.objects[i % a.objects.length]}第${i + 1}项工作（基准测试数据）`,
          measures: '按月报送进展',
          leadUnitIds: [units[i % units.length]],
          coopUnitIds: [units[(i * 7 + 3) % units.length]].filter((u) => u !== units[i % units.length]),
          deadline: addDays(today, (i % 120) - 60),
          ongoing: false,
        });
      }
      await upsertImportedItems(ctx, SYSTEM_ACTOR, trx, { listId: list.id, kind, rows });
    }
  });
  const items = await ctx.db.selectFrom('item').select(['id']).orderBy('id').execute();
  const leads = new Map(
    (await ctx.db.selectFrom('item_assignment').select(['item_id', 'unit_id']).where('role', '=', 'lead').execute()).map((a) => [
      a.item_id,
      a.unit_id,
    ]),
  );
  for (const [i, it] of items.entries()) {
    const status = STATUSES[i % STATUSES.length];
    await ctx.db
      .updateTable('item')
      .set({
        status,
        percent: status === 'closed' ? 100 : 40,
        closed_at: status === 'closed' ? new Date(now.getTime() - (i % 40) * 86_400_000).toISOString() : null,
      })
      .where('id', '=', it.id)
      .execute();
  }
  const reports = items
    .filter((_, i) => i % 2 === 0)
    .map((it, i) => {
      const created = new Date(now.getTime() - (i % 30) * 86_400_000).toISOString();
      return {
        item_id: it.id,
        unit_id: leads.get(it.id)!,
        role: 'lead',
        author_id: null,
        text: '按计划推进（基准测试）',
        percent: 40,
        status: i % 9 === 0 ? 'office_returned' : 'accepted',
        created_at: created,
        updated_at: created,
      };
    });
  for (let i = 0; i < reports.length; i += 500)
    await ctx.db
      .insertInto('item_report')
      .values(reports.slice(i, i + 500))
      .execute();
  return {
    ctx,
    close: async () => {
      await ctx.database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}
