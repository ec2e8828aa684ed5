import { AppError } from '../../common/errors.js';
import type { LoanStat, ReturnPreview } from '../../common/schemas/finance.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findEnterprisesByUscc } from '../policies/index.js';
import { financeScope } from './access.js';
import { listBanks, listRegionStats, replaceReturns, returnTotals, upsertRegionStat } from './finance.repository.js';
import { RETURN_SHEET, parseReturn } from './returns.js';

const RETURN_CELL = `${RETURN_SHEET}!`;

const share = (part: number, whole: number | undefined) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);

/** Loan statistics per month: the banks' returns summed, set against the region's published figures. */
export async function loanStats(ctx: AppContext): Promise<LoanStat[]> {
  const [totals, regions] = await Promise.all([returnTotals(ctx.db), listRegionStats(ctx.db)]);
  const region = new Map(regions.map((r) => [r.period, r]));
  const periods = [...new Set([...totals.map((t) => t.period), ...regions.map((r) => r.period)])].sort();
  return periods.map((period) => {
    const t = totals.find((x) => x.period === period);
    const r = region.get(period);
    const balanceFen = Number(t?.balance ?? 0);
    const privateFen = Number(t?.private ?? 0);
    const smeFen = Number(t?.sme ?? 0);
    const banks = Number(t?.banks ?? 0);
    return {
      period,
      banks,
      balanceFen,
      privateFen,
      smeFen,
      privateShare: share(privateFen, balanceFen),
      smeShare: share(smeFen, balanceFen),
      region: r ? { balanceFen: r.balance_fen, privateFen: r.private_fen, smeFen: r.sme_fen, source: r.source } : null,
      balanceOfRegion: t ? share(balanceFen, r?.balance_fen) : null,
      privateOfRegion: t ? share(privateFen, r?.private_fen) : null,
      smeOfRegion: t ? share(smeFen, r?.sme_fen) : null,
      source: banks ? `${banks} 家银行月度贷款报表 / monthly returns of ${banks} banks` : '',
    };
  });
}

export async function setRegionStat(
  ctx: AppContext,
  actor: Actor,
  body: { period: string; balance: number; private: number; sme: number; source: string },
) {
  const details = [];
  if (body.private > body.balance)
    details.push({ path: 'body.private', message: '民营企业贷款不能超过贷款余额 / cannot exceed the balance' });
  if (body.sme > body.balance) details.push({ path: 'body.sme', message: '中小微企业贷款不能超过贷款余额 / cannot exceed the balance' });
  if (details.length) throw new AppError('FINANCE_AMOUNT_INVALID', details);
  await withTransaction(ctx.db, async (trx) => {
    await upsertRegionStat(trx, {
      period: body.period,
      balance_fen: body.balance,
      private_fen: body.private,
      sme_fen: body.sme,
      source: body.source,
      updated_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'finance.region.set', entity: 'finance_region_stat', entityId: null, after: body });
  });
  return (await loanStats(ctx)).find((s) => s.period === body.period)!;
}

/**
 * A bank's monthly return: preview (every problem located by cell: an unknown bank, an enterprise
 * code not in the registry, a third decimal …) or commit, which replaces that bank's month in one
 * transaction only when the file has no problem. A bank's user may send only his own bank's return.
 */
export async function importReturn(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; data: Buffer },
  mode: 'preview' | 'commit',
): Promise<ReturnPreview> {
  const scope = await financeScope(ctx, actor);
  const parsed = await parseReturn(file.data, file.filename);
  const problems = [...parsed.problems];
  const bank = (await listBanks(ctx.db)).find((b) => b.name === parsed.bankName);
  if (!bank)
    problems.unshift({ path: `${RETURN_CELL}B1`, row: 1, column: 'B', message: `银行“${parsed.bankName}”不在银行名录中 / unknown bank` });
  else if (scope.kind === 'bank' && scope.bankId !== bank.id)
    problems.unshift({
      path: `${RETURN_CELL}B1`,
      row: 1,
      column: 'B',
      message: '只能报送本行的报表 / you send your own bank’s return only',
    });
  const known = await findEnterprisesByUscc(
    ctx.db,
    parsed.rows.map((r) => r.uscc),
  );
  for (const r of parsed.rows)
    if (!known.has(r.uscc))
      problems.push({
        path: `${RETURN_CELL}A${r.row}`,
        row: r.row,
        column: 'A',
        message: `企业库中没有统一社会信用代码 ${r.uscc} / unknown enterprise code`,
      });
  problems.sort((a, b) => Number(a.row ?? 0) - Number(b.row ?? 0));
  const preview: ReturnPreview = {
    bank: bank ? { id: bank.id, name: bank.name } : null,
    period: parsed.period,
    rows: parsed.rows.length,
    balanceFen: parsed.rows.reduce((a, r) => a + r.balanceFen, 0),
    privateFen: parsed.rows.filter((r) => r.private).reduce((a, r) => a + r.balanceFen, 0),
    smeFen: parsed.rows.filter((r) => r.sme).reduce((a, r) => a + r.balanceFen, 0),
    problems,
    imported: false,
  };
  if (mode === 'preview') return preview;
  if (problems.length || !bank) throw new AppError('IMPORT_HAS_PROBLEMS', problems);
  await withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    await replaceReturns(
      trx,
      bank.id,
      parsed.period,
      parsed.rows.map((r) => ({
        bank_id: bank.id,
        period: parsed.period,
        enterprise_id: known.get(r.uscc)!.id,
        balance_fen: r.balanceFen,
        private: r.private ? 1 : 0,
        sme: r.sme ? 1 : 0,
        imported_at: at,
      })),
    );
    await audit(ctx, trx, actor, {
      action: 'finance.returns.import',
      entity: 'finance_loan_return',
      entityId: bank.id,
      after: { file: file.filename, period: parsed.period, rows: parsed.rows.length, balanceFen: preview.balanceFen },
    });
  });
  return { ...preview, imported: true };
}
