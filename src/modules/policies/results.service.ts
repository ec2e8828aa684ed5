import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors.js';
import { type Permission, hasPermission } from '../../common/permissions.js';
import type {
  ExplainNodeView,
  ResultActionBody,
  ResultListQuery,
  ResultStatus,
  ResultView,
  TotalsRow,
} from '../../common/schemas/policies.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { type Scope, scopeOf } from './access.js';
import { countyLabel, resolveCounty } from './counties.js';
import { compileRuleVersion, loadEnterpriseColumns, prepareBenefit } from './engine.js';
import { presentEnterprise } from './enterprises.js';
import { findEnterprise } from './enterprises.repository.js';
import { findBenefit, findPolicy, listBenefits, ruleTexts, ruleVersionsByIds } from './library.repository.js';
import type { CompiledRule } from './rules/compile.js';
import {
  type NoticeRow,
  type ResultFilter,
  type ResultRecord,
  enterpriseUserIds,
  findNotices,
  findResult,
  insertNotices,
  listResults,
  markNoticesSent,
  noticesOf,
  resultTotals,
  updateResultVersioned,
} from './results.repository.js';
import { chinaDays } from '../../common/dates.js';
import { actionableGap, asBilingual, failingConditions, outcomeOf, sentenceOf } from './explanations.js';
import { type NoticeChannel, PAYOUT_LINK, PORTAL_LINK, answerNotice, draftNotices, noticeTitle } from './notices.js';
import { sendEmail } from '../notifications/channels.js';
import { notify } from '../notifications/notifications.service.js';
import { enqueueJob } from '../../jobs/runtime.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Results explained per call, at most this many at once (enterprise ids in one SQL list, their columns in memory). */
const EXPLAIN_CHUNK = 500;

/**
 * The explanations of stored results, computed when asked for (none is stored): each from the rule
 * version that decided the result and the enterprise's facts as they are now, on today's date.
 * When the enterprise's data changed after the decision, the explanation describes the new data:
 * the change marked the enterprise for re-matching, and the next run (scheduled) decides again;
 * until then the explanation may disagree with the stored outcome — it says why the enterprise
 * would or would not qualify today under the rule it was judged by. A later change of the rule
 * does not alter the explanation of results decided before it (the version is kept), and a result
 * stored before versions were kept is explained with the benefit's rule in force.
 */
async function explainResults(ctx: AppContext, db: Executor, rows: ResultRecord[]): Promise<Map<number, ExplainNodeView>> {
  const out = new Map<number, ExplainNodeView>();
  const today = chinaDays(ctx.clock());
  for (let k = 0; k < rows.length; k += EXPLAIN_CHUNK) {
    const part = rows.slice(k, k + EXPLAIN_CHUNK);
    const { cols } = await loadEnterpriseColumns(db, { ids: [...new Set(part.map((r) => r.enterprise_id))] });
    const rowOf = new Map<number, number>();
    for (let i = 0; i < cols.n; i++) rowOf.set(cols.ids[i]!, i);
    const versions = new Map(
      (await ruleVersionsByIds(db, [...new Set(part.flatMap((r) => r.rule_version_id ?? []))])).map((v) => [v.id, v]),
    );
    const unversioned = part.filter((r) => r.rule_version_id === null);
    const current = unversioned.length ? await listBenefits(db, { ids: [...new Set(unversioned.map((r) => r.benefit_id))] }) : [];
    const rules = current.length ? await ruleTexts(db) : new Map<string, string>();
    const compiled = new Map<string, CompiledRule | undefined>();
    const compiledFor = (r: ResultRecord): CompiledRule | undefined => {
      const key = r.rule_version_id === null ? `b${r.benefit_id}` : `v${r.rule_version_id}`;
      if (!compiled.has(key)) {
        const v = r.rule_version_id === null ? undefined : versions.get(r.rule_version_id);
        const b = current.find((x) => x.id === r.benefit_id);
        const p = !v && b ? prepareBenefit(b, cols, today, rules) : undefined;
        compiled.set(key, v ? compileRuleVersion(v, r.benefit_code, cols, today) : p?.ok ? p.value.compiled : undefined);
      }
      return compiled.get(key);
    };
    for (const r of part) {
      const i = rowOf.get(r.enterprise_id);
      const c = compiledFor(r);
      out.set(r.id, c && i !== undefined ? c.explain(i) : unexplained(r));
    }
  }
  return out;
}

/** What a result says when its rule version no longer checks (a later, stricter checker): its outcome only. */
function unexplained(r: ResultRecord): ExplainNodeView {
  const sentence = { zh: '该规则版本已无法逐条解释', en: 'This version of the rule can no longer be explained condition by condition' };
  return { kind: 'cond', pass: r.eligible === 1, text: '', line: 1, column: 1, sentence };
}

async function presentResults(ctx: AppContext, db: Executor, rows: ResultRecord[], withNotices = true): Promise<ResultView[]> {
  const explanations = await explainResults(ctx, db, rows);
  const notices = withNotices
    ? await noticesOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map((r) =>
    presentResult(
      r,
      explanations.get(r.id)!,
      notices.filter((n) => n.match_result_id === r.id),
    ),
  );
}

export function presentResult(r: ResultRecord, explanation: ExplainNodeView, notices: NoticeRow[] = []): ResultView {
  return {
    id: r.id,
    enterprise: {
      id: r.enterprise_id,
      name: r.enterprise_name,
      uscc: r.enterprise_uscc,
      countyCode: r.county_code,
      countyName: countyLabel(r.county_code),
    },
    benefit: {
      id: r.benefit_id,
      code: r.benefit_code,
      name: r.benefit_name,
      policyId: r.policy_id,
      policyTitle: r.policy_title,
      departmentName: r.department_name,
    },
    eligible: r.eligible === 1,
    failed: r.failed,
    status: r.status as ResultStatus,
    amount: r.amount,
    explanation,
    summary: outcomeOf(explanation),
    notices: notices.map((n) => ({ channel: n.channel as NoticeChannel, address: n.address, text: n.text, createdAt: n.created_at })),
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
  if (scope.enterpriseId)
    return f.enterpriseId && f.enterpriseId !== scope.enterpriseId ? null : { ...f, enterpriseId: scope.enterpriseId };
  if (scope.countyCode) return f.countyCode && f.countyCode !== scope.countyCode ? null : { ...f, countyCode: scope.countyCode };
  if (scope.departmentUnitId)
    return f.departmentUnitId && f.departmentUnitId !== scope.departmentUnitId ? null : { ...f, departmentUnitId: scope.departmentUnitId };
  return null;
}

function filterOf(q: Omit<ResultListQuery, 'page' | 'pageSize'>): ResultFilter {
  return {
    status: q.status,
    benefitId: q.benefitId,
    policyId: q.policyId,
    enterpriseId: q.enterpriseId,
    countyCode: q.county ? (resolveCounty(q.county) ?? '-') : undefined,
    departmentUnitId: q.departmentUnitId,
  };
}

export async function listVisibleResults(
  ctx: AppContext,
  actor: Actor,
  q: ResultListQuery,
): Promise<{ items: ResultView[]; total: number }> {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  if (!f) return { items: [], total: 0 };
  const { rows, total } = await listResults(ctx.db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: await presentResults(ctx, ctx.db, rows), total };
}

export async function getResult(ctx: AppContext, actor: Actor, id: number): Promise<ResultView> {
  const r = await findResult(ctx.db, id);
  const f =
    r &&
    scoped(await scopeOf(ctx, actor), {
      enterpriseId: r.enterprise_id,
      countyCode: r.county_code ?? undefined,
      departmentUnitId: r.department_unit_id ?? undefined,
    });
  const visible = r && f && (f.enterpriseId === undefined || f.enterpriseId === r.enterprise_id);
  if (!r || !visible) throw new AppError('NOT_FOUND');
  return (await presentResults(ctx, ctx.db, [r]))[0]!;
}

/**
 * A department sees the results of its own policies only (scopeOf), so it may explain a pair only
 * when the benefit is its own and that pair has a stored result it could already read.
 */
async function mayExplain(
  ctx: AppContext,
  scope: Scope,
  e: { id: number; county_code: string | null },
  b: { id: number; policy_id: number },
): Promise<boolean> {
  if (scope.all) return true;
  if (scope.enterpriseId !== undefined) return scope.enterpriseId === e.id;
  if (scope.countyCode !== undefined) return scope.countyCode === e.county_code;
  if (scope.departmentUnitId === undefined) return false;
  if ((await findPolicy(ctx.db, b.policy_id))?.department_unit_id !== scope.departmentUnitId) return false;
  const enterpriseId = e.id;
  const benefitId = b.id;
  return (await listResults(ctx.db, { enterpriseId, benefitId, departmentUnitId: scope.departmentUnitId })).rows.length > 0;
}

/**
 * "Why not me?": the explanation of one enterprise against one benefit's rule on the enterprise's
 * current data — for a stored result, the rule version that decided it (explainResults); for a
 * pair without one, the rule in force.
 */
export async function explainEnterprise(ctx: AppContext, actor: Actor, enterpriseId: number, benefitId: number) {
  const scope = await scopeOf(ctx, actor);
  const e = await findEnterprise(ctx.db, enterpriseId);
  const b = await findBenefit(ctx.db, benefitId);
  if (!e || !b || !(await mayExplain(ctx, scope, e, b))) throw new AppError('NOT_FOUND');
  const result = (await listResults(ctx.db, { enterpriseId, benefitId })).rows[0];
  if (result) {
    const explanation = (await explainResults(ctx, ctx.db, [result])).get(result.id)!;
    return { enterpriseId, benefitId, eligible: explanation.pass, stored: true, explanation };
  }
  const { cols } = await loadEnterpriseColumns(ctx.db, { ids: [enterpriseId] });
  const prepared = prepareBenefit(b, cols, chinaDays(ctx.clock()), await ruleTexts(ctx.db));
  if (!prepared.ok)
    throw new AppError(
      'RULE_INVALID',
      prepared.problems.map((p) => ({ path: 'rule', message: p.message, line: p.line, column: p.column })),
    );
  return {
    enterpriseId,
    benefitId,
    eligible: prepared.value.compiled.test(0),
    stored: false,
    explanation: prepared.value.compiled.explain(0),
  };
}

const STATUS_LABELS: Record<ResultStatus, string> = {
  near: '差一项',
  matched: '已匹配',
  notified: '已告知',
  confirmed: '已确认',
  declined: '已放弃',
  paid: '已兑现',
};
const STATUS_EN: Record<ResultStatus, string> = {
  near: 'one condition short',
  matched: 'matched',
  notified: 'notified',
  confirmed: 'confirmed',
  declined: 'declined',
  paid: 'paid',
};
const ACTION_LABELS: Record<ResultActionBody['action'], { zh: string; en: string }> = {
  notify: { zh: '告知企业', en: 'notify' },
  confirm: { zh: '确认享受', en: 'confirm' },
  decline: { zh: '放弃享受', en: 'decline' },
  pay: { zh: '登记兑现', en: 'pay out' },
};

/** matched → notified → confirmed | declined → paid; the enterprise itself confirms or declines. */
const NEXT: Record<ResultActionBody['action'], { from: ResultStatus[]; to: ResultStatus; permission: Permission }> = {
  notify: { from: ['matched'], to: 'notified', permission: 'policies.results.notify' },
  confirm: { from: ['notified'], to: 'confirmed', permission: 'policies.results.respond' },
  decline: { from: ['notified', 'confirmed'], to: 'declined', permission: 'policies.results.respond' },
  pay: { from: ['confirmed'], to: 'paid', permission: 'policies.results.pay' },
};

export async function actOnResult(ctx: AppContext, actor: Actor, id: number, body: ResultActionBody): Promise<ResultView> {
  const rule = NEXT[body.action];
  if (!hasPermission(actor.role, rule.permission)) throw new AppError('FORBIDDEN');
  const before = await getResult(ctx, actor, id);
  if (!rule.from.includes(before.status)) {
    const now = STATUS_LABELS[before.status];
    const act = ACTION_LABELS[body.action];
    const message = `当前状态为“${now}”，不能${act.zh} / cannot ${act.en} a result that is ${STATUS_EN[before.status]}`;
    throw new AppError('RESULT_STATUS_CONFLICT', [{ path: 'body.action', message }]);
  }
  if (body.action !== 'decline' && !before.eligible)
    throw new AppError('RESULT_STATUS_CONFLICT', [
      { path: 'body.action', message: '企业已不再符合条件 / the enterprise no longer qualifies' },
    ]);
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
    const row = (await findResult(trx, id))!;
    const explanation = before.explanation;
    if (body.action === 'notify') await tellEnterprise(ctx, trx, presentResult(row, explanation), at);
    // The office follows the answers in its inbox; answers it records itself need no message.
    if ((body.action === 'confirm' || body.action === 'decline') && hasPermission(actor.role, 'policies.scope.enterprise')) {
      await notify(ctx, trx, { roles: ['office'], ...answerNotice(before, body), link: PAYOUT_LINK });
    }
    const after = presentResult(row, explanation, await noticesOf(trx, [id]));
    await audit(ctx, trx, actor, {
      action: `payout.${body.action}`,
      entity: 'match_result',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, ...patch },
    });
    return after;
  });
}

/**
 * Tells the enterprise of a match: an inbox message to each of its portal accounts, and — when the
 * registry has them — an e-mail (sent by a job when mail is configured) and an SMS-ready text (kept
 * for a gateway or a clerk to send: none is connected). Every text is stored with the match.
 */
async function tellEnterprise(ctx: AppContext, trx: Transaction<DB>, r: ResultView, at: string): Promise<void> {
  const e = await findEnterprise(trx, r.enterprise.id);
  const drafts = draftNotices(r, { email: e?.contact_email ?? null, phone: e?.contact_phone ?? null }, ctx.config.notify.publicUrl ?? null);
  const users = await enterpriseUserIds(trx, r.enterprise.id);
  if (users.length) await notify(ctx, trx, { userIds: users, title: noticeTitle(r), body: drafts[0]!.text, link: PORTAL_LINK });
  const rows = drafts.map((d) => ({
    match_result_id: r.id,
    enterprise_id: r.enterprise.id,
    channel: d.channel,
    address: d.address,
    text: d.text,
    created_at: at,
  }));
  const ids = await insertNotices(trx, rows);
  const emailIds = ids.filter((_, k) => drafts[k]!.channel === 'email');
  if (emailIds.length && ctx.config.notify.smtpUrl) await enqueueJob(ctx, 'policies.notice-email', { ids: emailIds }, { trx });
}

/** Sends stored e-mail notices (the job's handler); a notice already sent is not sent again. */
export async function sendNoticeEmails(ctx: AppContext, ids: number[]): Promise<{ sent: number }> {
  const rows = (await findNotices(ctx.db, ids)).filter((n) => n.channel === 'email' && n.address && !n.sent_at);
  for (const n of rows) {
    await sendEmail(ctx.config, [n.address!], { title: `免申即享：${n.title}`, body: n.text, link: null });
    await markNoticesSent(ctx.db, [n.id], ctx.clock().toISOString());
  }
  return { sent: rows.length };
}

export async function payoutTotals(ctx: AppContext, by: 'policy' | 'department' | 'county'): Promise<TotalsRow[]> {
  const rows = await resultTotals(ctx.db, by);
  const out = new Map<string, TotalsRow>();
  for (const r of rows) {
    const key = r.key === null ? '' : String(r.key);
    const t = out.get(key) ?? {
      key,
      label: by === 'county' ? countyLabel(key) || '（未填）' : (r.label ?? '（未填）'),
      matched: 0,
      notified: 0,
      confirmed: 0,
      declined: 0,
      paid: 0,
      amountDue: 0,
      amountPaid: 0,
    };
    t[r.status as 'matched' | 'notified' | 'confirmed' | 'declined' | 'paid'] += r.n;
    if (r.status !== 'declined') t.amountDue += r.due ?? 0;
    t.amountPaid += r.paid ?? 0;
    out.set(key, t);
  }
  return [...out.values()].sort((a, b) => b.amountDue - a.amountDue);
}

function failingText(n: ExplainNodeView): string {
  return failingConditions(n)
    .map((f) => `${sentenceOf(f).zh}${f.actual !== undefined ? `（实际：${asBilingual(f.actual).zh}）` : ''}`)
    .join('；');
}

/** One list (filtered like the API) as an .xlsx workbook. */
export async function exportResults(ctx: AppContext, actor: Actor, q: Omit<ResultListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  const rows = f ? await presentResults(ctx, ctx.db, (await listResults(ctx.db, f)).rows, false) : [];
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
      name: r.enterprise.name,
      uscc: r.enterprise.uscc,
      county: r.enterprise.countyName,
      policy: r.benefit.policyTitle,
      benefit: r.benefit.name,
      dept: r.benefit.departmentName ?? '',
      status: STATUS_LABELS[r.status],
      amount: r.amount,
      notified: r.notifiedAt ?? '',
      reason: r.declineReason ?? '',
      paidOn: r.paidOn ?? '',
      paid: r.paidAmount,
      failing: failingText(r.explanation),
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
  const all = await presentResults(ctx, ctx.db, (await listResults(ctx.db, { enterpriseId: scope.enterpriseId })).rows);
  const nearly = all
    .filter((r) => r.status === 'near')
    .flatMap((r) => {
      const failing = actionableGap(r.explanation);
      return failing ? [{ ...r, failing }] : [];
    });
  return {
    enterprise: presentEnterprise(enterprise),
    qualifies: all.filter((r) => r.eligible && r.status !== 'near'),
    nearly,
    payouts: all.filter((r) => r.status === 'paid'),
  };
}
