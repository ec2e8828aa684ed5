import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors.js';
import type { ExplainNodeView, ResultActionBody, ResultListQuery, ResultStatus, ResultView, TotalsRow } from '../../common/schemas/policies.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { type Scope, scopeOf } from './access.js';
import { countyLabel, resolveCounty } from './counties.js';
import { loadEnterpriseColumns, prepareBenefit } from './engine.js';
import { presentEnterprise } from './enterprises.js';
import { findEnterprise } from './enterprises.repository.js';
import { findBenefit, ruleTexts } from './library.repository.js';
import { type ResultFilter, type ResultRecord, findResult, listResults, resultTotals, updateResultVersioned } from './results.repository.js';
import { chinaDays } from '../../common/dates.js';

export function presentResult(r: ResultRecord): ResultView {
  return {
    id: r.id,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name, uscc: r.enterprise_uscc, countyCode: r.county_code, countyName: countyLabel(r.county_code) },
    benefit: { id: r.benefit_id, code: r.benefit_code, name: r.benefit_name, policyId: r.policy_id, policyTitle: r.policy_title, departmentName: r.department_name },
    eligible: r.eligible === 1,
    failed: r.failed,
    status: r.status as ResultStatus,
    amount: r.amount,
    explanation: JSON.parse(r.explanation_json),
    matchedAt: r.matched_at,
    notifiedAt: r.notified_at,
    confirmedAt: r.confirmed_at,
    declinedAt: r.declined_at,
    declineReason: r.decline_reason,
    paidOn: r.paid_on,
    paidAmount: r.paid_amount,
    version: r.version,
  };
}

function scoped(scope: Scope, f: ResultFilter): ResultFilter | null {
  if (scope.all) return f;
  if (scope.enterpriseId) return f.enterpriseId && f.enterpriseId !== scope.enterpriseId ? null : { ...f, enterpriseId: scope.enterpriseId };
  if (scope.countyCode) return f.countyCode && f.countyCode !== scope.countyCode ? null : { ...f, countyCode: scope.countyCode };
  if (scope.departmentUnitId) return f.departmentUnitId && f.departmentUnitId !== scope.departmentUnitId ? null : { ...f, departmentUnitId: scope.departmentUnitId };
  return null;
}

function filterOf(q: Omit<ResultListQuery, 'page' | 'pageSize'>): ResultFilter {
  return { status: q.status, benefitId: q.benefitId, policyId: q.policyId, enterpriseId: q.enterpriseId, countyCode: q.county ? (resolveCounty(q.county) ?? '-') : undefined, departmentUnitId: q.departmentUnitId };
}

export async function listVisibleResults(ctx: AppContext, actor: Actor, q: ResultListQuery): Promise<{ items: ResultView[]; total: number }> {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  if (!f) return { items: [], total: 0 };
  const { rows, total } = await listResults(ctx.db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: rows.map(presentResult), total };
}

export async function getResult(ctx: AppContext, actor: Actor, id: number): Promise<ResultView> {
  const r = await findResult(ctx.db, id);
  const f = r && scoped(await scopeOf(ctx, actor), { enterpriseId: r.enterprise_id, countyCode: r.county_code ?? undefined, departmentUnitId: r.department_unit_id ?? undefined });
  const visible = r && f && (f.enterpriseId === undefined || f.enterpriseId === r.enterprise_id);
  if (!r || !visible) throw new AppError('NOT_FOUND');
  return presentResult(r);
}

/**
 * "Why not me?": the explanation of one enterprise against one benefit's rule, evaluated now on
 * the enterprise's current data (the stored result's explanation is from the last match run).
 */
export async function explainEnterprise(ctx: AppContext, actor: Actor, enterpriseId: number, benefitId: number) {
  const scope = await scopeOf(ctx, actor);
  const e = await findEnterprise(ctx.db, enterpriseId);
  const visible = e && (scope.all || scope.enterpriseId === enterpriseId || (scope.countyCode !== undefined && scope.countyCode === e.county_code) || scope.departmentUnitId !== undefined);
  const b = await findBenefit(ctx.db, benefitId);
  if (!e || !visible || !b) throw new AppError('NOT_FOUND');
  const { cols } = await loadEnterpriseColumns(ctx.db, { ids: [enterpriseId] });
  const prepared = prepareBenefit(b, cols, chinaDays(ctx.clock()), await ruleTexts(ctx.db));
  if (!prepared.ok) throw new AppError('RULE_INVALID', prepared.problems.map((p) => ({ path: 'rule', message: p.message, line: p.line, column: p.column })));
  const stored = (await listResults(ctx.db, { enterpriseId, benefitId })).rows.length > 0;
  return { enterpriseId, benefitId, eligible: prepared.value.compiled.test(0), stored, explanation: prepared.value.compiled.explain(0) };
}

/** matched → notified → confirmed | declined → paid; the enterprise itself confirms or declines. */
const NEXT: Record<ResultActionBody['action'], { from: ResultStatus[]; to: ResultStatus; roles: string[] }> = {
  notify: { from: ['matched'], to: 'notified', roles: ['admin', 'office', 'specialist'] },
  confirm: { from: ['notified'], to: 'confirmed', roles: ['admin', 'office', 'specialist', 'enterprise'] },
  decline: { from: ['notified', 'confirmed'], to: 'declined', roles: ['admin', 'office', 'specialist', 'enterprise'] },
  pay: { from: ['confirmed'], to: 'paid', roles: ['admin', 'office'] },
};

export async function actOnResult(ctx: AppContext, actor: Actor, id: number, body: ResultActionBody): Promise<ResultView> {
  const rule = NEXT[body.action];
  if (!rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  const before = await getResult(ctx, actor, id);
  if (!rule.from.includes(before.status)) {
    throw new AppError('RESULT_STATUS_CONFLICT', [{ path: 'body.action', message: `当前状态为 ${before.status}，不能执行 ${body.action} / cannot ${body.action} from ${before.status}` }]);
  }
  if (body.action !== 'decline' && !before.eligible) throw new AppError('RESULT_STATUS_CONFLICT', [{ path: 'body.action', message: '企业已不再符合条件 / the enterprise no longer qualifies' }]);
  const at = ctx.clock().toISOString();
  const patch =
    body.action === 'notify'
      ? { notified_at: at }
      : body.action === 'confirm'
        ? { confirmed_at: at }
        : body.action === 'decline'
          ? { declined_at: at, decline_reason: body.reason }
          : { paid_on: body.paidOn, paid_amount: body.amount };
  return withTransaction(ctx.db, async (trx) => {
    if (!(await updateResultVersioned(trx, id, body.version, { ...patch, status: rule.to }, at))) throw new AppError('VERSION_CONFLICT');
    const after = presentResult((await findResult(trx, id))!);
    await audit(ctx, trx, actor, { action: `payout.${body.action}`, entity: 'match_result', entityId: id, before: { status: before.status }, after: { status: after.status, ...patch } });
    return after;
  });
}

export async function payoutTotals(ctx: AppContext, by: 'policy' | 'department' | 'county'): Promise<TotalsRow[]> {
  const rows = await resultTotals(ctx.db, by);
  const out = new Map<string, TotalsRow>();
  for (const r of rows) {
    const key = r.key === null ? '' : String(r.key);
    const t = out.get(key) ?? { key, label: by === 'county' ? countyLabel(key) || '（未填）' : (r.label ?? '（未填）'), matched: 0, notified: 0, confirmed: 0, declined: 0, paid: 0, amountDue: 0, amountPaid: 0 };
    t[r.status as 'matched' | 'notified' | 'confirmed' | 'declined' | 'paid'] += r.n;
    if (r.status !== 'declined') t.amountDue += r.due ?? 0;
    t.amountPaid += r.paid ?? 0;
    out.set(key, t);
  }
  return [...out.values()].sort((a, b) => b.amountDue - a.amountDue);
}

const STATUS_LABELS: Record<ResultStatus, string> = { near: '差一项', matched: '已匹配', notified: '已告知', confirmed: '已确认', declined: '已放弃', paid: '已兑现' };

function failingText(n: ExplainNodeView): string {
  if (n.kind === 'cond') return n.pass ? '' : `${n.text}（实际：${n.actual ?? ''}）`;
  return (n.children ?? []).map(failingText).filter(Boolean).join('；');
}

/** One list (filtered like the API) as an .xlsx workbook. */
export async function exportResults(ctx: AppContext, actor: Actor, q: Omit<ResultListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  const rows = f ? (await listResults(ctx.db, f)).rows.map(presentResult) : [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(q.status ? STATUS_LABELS[q.status] : '兑现清单');
  ws.columns = [
    { header: '企业名称', key: 'name', width: 36 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '旗县区', key: 'county', width: 14 },
    { header: '政策', key: 'policy', width: 36 },
    { header: '兑现事项', key: 'benefit', width: 30 },
    { header: '发文单位', key: 'dept', width: 24 },
    { header: '状态', key: 'status', width: 10 },
    { header: '应兑现金额（万元）', key: 'amount', width: 16 },
    { header: '告知时间', key: 'notified', width: 22 },
    { header: '放弃原因', key: 'reason', width: 24 },
    { header: '兑现日期', key: 'paidOn', width: 12 },
    { header: '兑现金额（万元）', key: 'paid', width: 16 },
    { header: '未满足的条件', key: 'failing', width: 50 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      name: r.enterprise.name, uscc: r.enterprise.uscc, county: r.enterprise.countyName, policy: r.benefit.policyTitle, benefit: r.benefit.name, dept: r.benefit.departmentName ?? '',
      status: STATUS_LABELS[r.status], amount: r.amount, notified: r.notifiedAt ?? '', reason: r.declineReason ?? '', paidOn: r.paidOn ?? '', paid: r.paidAmount, failing: failingText(r.explanation),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The enterprise portal: what the signed-in enterprise qualifies for, nearly qualifies for, and was paid. */
export async function portalOverview(ctx: AppContext, actor: Actor) {
  const scope = await scopeOf(ctx, actor);
  if (scope.all || !scope.enterpriseId) throw new AppError('ENTERPRISE_NOT_LINKED');
  const enterprise = await findEnterprise(ctx.db, scope.enterpriseId);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_LINKED');
  const all = (await listResults(ctx.db, { enterpriseId: scope.enterpriseId })).rows.map(presentResult);
  const failingLeaves = (n: ExplainNodeView): ExplainNodeView[] => (n.kind === 'cond' ? (n.pass ? [] : [n]) : (n.children ?? []).flatMap(failingLeaves));
  return {
    enterprise: presentEnterprise(enterprise),
    qualifies: all.filter((r) => r.eligible && r.status !== 'near'),
    nearly: all.filter((r) => r.status === 'near').map((r) => ({ ...r, failing: failingLeaves(r.explanation) })),
    payouts: all.filter((r) => r.status === 'paid'),
  };
}
