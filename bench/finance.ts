import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createContext } from '../src/app.js';
import { chinaDays } from '../src/common/dates.js';
import { loadConfig } from '../src/config.js';
import type { Actor } from '../src/context.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { withTransaction } from '../src/db/database.js';
import { listProjectViews, createProject } from '../src/modules/finance/catalog.service.js';
import { fileNeed, grantCredit, landLoan, listVisibleNeeds, publishNeed, respondToNeed } from '../src/modules/finance/needs.service.js';
import { importReturn } from '../src/modules/finance/stats.service.js';
import { returnTemplate } from '../src/modules/finance/returns.js';
import { findUserByUsername } from '../src/modules/org/index.js';
import { normalizeEnterprise } from '../src/modules/policies/enterprises.js';
import { insertEnterprises } from '../src/modules/policies/enterprises.repository.js';
import { rng, syntheticEnterprise } from '../src/modules/policies/synthetic.js';
import { runSeed } from '../src/seed.js';
import { DEMO_BANKS } from '../src/modules/finance/seed.js';

const ENTERPRISES = 5_000;
const NEEDS = 300;

async function actor(ctx: ReturnType<typeof createContext>, username: string): Promise<Actor> {
  const u = (await findUserByUsername(ctx.db, username))!;
  return { id: u.id, username, displayName: u.display_name, role: u.role as Actor['role'], unitId: u.unit_id, locale: 'zh-CN' };
}

const ms = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, Number((performance.now() - t0).toFixed(1))];
};

/**
 * The financing workflow on synthetic data generated here (never seeded): 5 000 registry
 * enterprises, 300 needs each filed, published to both demo banks and taken by the first through
 * offer → credit → loan; then the lists the pages read, and one bank's 5 000-row monthly return
 * previewed and imported.
 */
export async function financeBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bench-fin-'));
  const ctx = createContext({ ...loadConfig({ BIZENV_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL }), logLevel: 'silent' });
  try {
    await migrateToLatest(ctx.db);
    await runSeed(ctx, { demo: true, light: true });
    const r = rng(15);
    const today = chinaDays(ctx.clock());
    const values = Array.from(
      { length: ENTERPRISES },
      (_, i) => normalizeEnterprise(syntheticEnterprise(r, i + 1, today), true).values!,
    ).filter(Boolean);
    const ids = await withTransaction(ctx.db, (trx) => insertEnterprises(trx, values, ctx.clock().toISOString()));
    const office = await actor(ctx, 'office');
    const bank = await actor(ctx, 'bank');
    const project = await createProject(ctx, office, { name: '基准测试重大项目（虚构）' });
    const banks = (await ctx.db.selectFrom('finance_bank').select('id').orderBy('id').execute()).map((b) => b.id);
    const day = ctx.clock().toISOString().slice(0, 10);

    const [, workflowMs] = await ms(async () => {
      for (let k = 0; k < NEEDS; k++) {
        const need = await fileNeed(ctx, office, {
          enterpriseId: ids[k]!,
          amount: 100_000_000 + k,
          termMonths: 12,
          purpose: '基准测试（虚构）',
          collateral: '信用',
          projectId: project.id,
        });
        const pub = await publishNeed(ctx, office, need.id, { bankIds: banks, version: need.version });
        let p = pub.publications[0]!;
        p = (await respondToNeed(ctx, bank, p.id, { response: 'offered', offerAmount: 100_000_000, version: p.version })).publications[0]!;
        p = (await grantCredit(ctx, bank, p.id, { amount: 100_000_000, on: day, version: p.version })).publications[0]!;
        await landLoan(ctx, bank, p.id, { amount: 50_000_000, on: day, version: p.version });
      }
    });
    const [officeList, listOfficeMs] = await ms(() => listVisibleNeeds(ctx, office, {}));
    const [bankList, listBankMs] = await ms(() => listVisibleNeeds(ctx, bank, {}));
    const [projects, projectsMs] = await ms(() => listProjectViews(ctx));

    const template = await returnTemplate(DEMO_BANKS[0], '2026-11');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    values.forEach((v, k) =>
      ws.addRow([v.uscc, v.name, `${1000 + k}.${String(k % 100).padStart(2, '0')}`, k % 3 ? '是' : '否', k % 2 ? '是' : '否']),
    );
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const [preview, previewMs] = await ms(() => importReturn(ctx, office, { filename: 'bench.xlsx', data }, 'preview'));
    const [imported, importMs] = await ms(() => importReturn(ctx, office, { filename: 'bench.xlsx', data }, 'commit'));
    const figures = {
      dialect: ctx.database.dialect,
      needs: NEEDS,
      workflow_ms_per_need: Number((workflowMs / NEEDS).toFixed(1)),
      list_office_ms: listOfficeMs,
      list_bank_ms: listBankMs,
      projects_ms: projectsMs,
      project_granted_fen: projects.totals.grantedFen,
      return_rows: imported.rows,
      return_preview_ms: previewMs,
      return_import_ms: importMs,
      ok:
        officeList.length === NEEDS &&
        bankList.every((n) => n.publications.length === 1) &&
        projects.totals.grantedFen === NEEDS * 100_000_000 &&
        preview.problems.length === 0 &&
        imported.imported,
    };
    console.log(
      `finance: ${NEEDS} needs through offer → credit → loan at ${figures.workflow_ms_per_need} ms each; ` +
        `lists ${listOfficeMs}/${listBankMs} ms; return of ${imported.rows} rows previewed in ${previewMs} ms, imported in ${importMs} ms`,
    );
    return figures;
  } finally {
    await ctx.database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
