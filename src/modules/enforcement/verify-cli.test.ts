import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../app.js';
import { migrateToLatest } from '../../db/migrate.js';
import { runSeed } from '../../seed.js';
import { testConfig } from '../../test/harness.js';
import { drawnPlan } from './enforcement.fixtures.js';

const BIN = path.resolve('bin/bizenv');

function cli(args: string[], dataDir: string) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', BIZENV_DATA_DIR: dataDir },
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The command runs in its own Node process on a SQLite file, as an office or a citizen would run it.
describe('bizenv enforcement verify-draw', { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-verify-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says whether a drawn plan re-runs to the published result, with an exit code and --json', async () => {
    const ctx = createContext(testConfig({ dataDir: dir }), { clock: () => new Date('2026-03-02T02:00:00Z') });
    await migrateToLatest(ctx.db);
    await runSeed(ctx, { demo: true, light: true });
    const plan = await drawnPlan(ctx, { name: '复核测试计划', enterprisePrefix: '复核测试企业', enterprises: 5, firstSerial: 5000 });

    const ok = cli(['enforcement', 'verify-draw', String(plan.id), '--json'], dir);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      planId: plan.id,
      matches: true,
      checks: { commitment: true, snapshot: true, visits: true },
      visits: 2,
    });

    // Someone changes who was drawn: the re-run no longer matches.
    await ctx.db
      .updateTable('enf_visit')
      .set({ officer_ids_json: JSON.stringify([998, 999]) })
      .where('plan_id', '=', plan.id)
      .execute();
    const bad = cli(['enforcement', 'verify-draw', String(plan.id)], dir);
    expect(bad.code).toBe(3);
    expect(bad.out).toContain('抽取结果与公布不一致');
    expect(bad.out).toContain(`/api/v1/enforcement/public/plans/${plan.id}/snapshot`);

    const missing = cli(['enforcement', 'verify-draw', '999'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_FOUND');
    await ctx.database.destroy();
  });
});
