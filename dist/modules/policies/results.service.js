import ExcelJS from "exceljs";
import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { scopeOf } from "./access.js";
import { countyLabel, resolveCounty } from "./counties.js";
import { loadEnterpriseColumns, prepareBenefit } from "./engine.js";
import { presentEnterprise } from "./enterprises.js";
import { findEnterprise } from "./enterprises.repository.js";
import { findBenefit, ruleTexts } from "./library.repository.js";
import { findResult, listResults, resultTotals, updateResultVersioned } from "./results.repository.js";
import { shanghaiDays } from "./rules/dates.js";
function presentResult(r) {
  return {
    id: r.id,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name, uscc: r.enterprise_uscc, countyCode: r.county_code, countyName: countyLabel(r.county_code) },
    benefit: { id: r.benefit_id, code: r.benefit_code, name: r.benefit_name, policyId: r.policy_id, policyTitle: r.policy_title, departmentName: r.department_name },
    eligible: r.eligible === 1,
    failed: r.failed,
    status: r.status,
    amount: r.amount,
    explanation: JSON.parse(r.explanation_json),
    matchedAt: r.matched_at,
    notifiedAt: r.notified_at,
    confirmedAt: r.confirmed_at,
    declinedAt: r.declined_at,
    declineReason: r.decline_reason,
    paidOn: r.paid_on,
    paidAmount: r.paid_amount,
    version: r.version
  };
}
function scoped(scope, f) {
  if (scope.all) return f;
  if (scope.enterpriseId) return f.enterpriseId && f.enterpriseId !== scope.enterpriseId ? null : { ...f, enterpriseId: scope.enterpriseId };
  if (scope.countyCode) return f.countyCode && f.countyCode !== scope.countyCode ? null : { ...f, countyCode: scope.countyCode };
  if (scope.departmentUnitId) return f.departmentUnitId && f.departmentUnitId !== scope.departmentUnitId ? null : { ...f, departmentUnitId: scope.departmentUnitId };
  return null;
}
function filterOf(q) {
  return { status: q.status, benefitId: q.benefitId, policyId: q.policyId, enterpriseId: q.enterpriseId, countyCode: q.county ? resolveCounty(q.county) ?? "-" : void 0, departmentUnitId: q.departmentUnitId };
}
async function listVisibleResults(ctx, actor, q) {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  if (!f) return { items: [], total: 0 };
  const { rows, total } = await listResults(ctx.db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: rows.map(presentResult), total };
}
async function getResult(ctx, actor, id) {
  const r = await findResult(ctx.db, id);
  const f = r && scoped(await scopeOf(ctx, actor), { enterpriseId: r.enterprise_id, countyCode: r.county_code ?? void 0, departmentUnitId: r.department_unit_id ?? void 0 });
  const visible = r && f && (f.enterpriseId === void 0 || f.enterpriseId === r.enterprise_id);
  if (!r || !visible) throw new AppError("NOT_FOUND");
  return presentResult(r);
}
async function explainEnterprise(ctx, actor, enterpriseId, benefitId) {
  const scope = await scopeOf(ctx, actor);
  const e = await findEnterprise(ctx.db, enterpriseId);
  const visible = e && (scope.all || scope.enterpriseId === enterpriseId || scope.countyCode !== void 0 && scope.countyCode === e.county_code || scope.departmentUnitId !== void 0);
  const b = await findBenefit(ctx.db, benefitId);
  if (!e || !visible || !b) throw new AppError("NOT_FOUND");
  const { cols } = await loadEnterpriseColumns(ctx.db, { ids: [enterpriseId] });
  const prepared = prepareBenefit(b, cols, shanghaiDays(ctx.clock()), await ruleTexts(ctx.db));
  if (!prepared.ok) throw new AppError("RULE_INVALID", prepared.problems.map((p) => ({ path: "rule", message: p.message, line: p.line, column: p.column })));
  const stored = (await listResults(ctx.db, { enterpriseId, benefitId })).rows.length > 0;
  return { enterpriseId, benefitId, eligible: prepared.value.compiled.test(0), stored, explanation: prepared.value.compiled.explain(0) };
}
const NEXT = {
  notify: { from: ["matched"], to: "notified", roles: ["admin", "office", "specialist"] },
  confirm: { from: ["notified"], to: "confirmed", roles: ["admin", "office", "specialist", "enterprise"] },
  decline: { from: ["notified", "confirmed"], to: "declined", roles: ["admin", "office", "specialist", "enterprise"] },
  pay: { from: ["confirmed"], to: "paid", roles: ["admin", "office"] }
};
async function actOnResult(ctx, actor, id, body) {
  const rule = NEXT[body.action];
  if (!rule.roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  const before = await getResult(ctx, actor, id);
  if (!rule.from.includes(before.status)) {
    throw new AppError("RESULT_STATUS_CONFLICT", [{ path: "body.action", message: `\u5F53\u524D\u72B6\u6001\u4E3A ${before.status}\uFF0C\u4E0D\u80FD\u6267\u884C ${body.action} / cannot ${body.action} from ${before.status}` }]);
  }
  if (body.action !== "decline" && !before.eligible) throw new AppError("RESULT_STATUS_CONFLICT", [{ path: "body.action", message: "\u4F01\u4E1A\u5DF2\u4E0D\u518D\u7B26\u5408\u6761\u4EF6 / the enterprise no longer qualifies" }]);
  const at = ctx.clock().toISOString();
  const patch = body.action === "notify" ? { notified_at: at } : body.action === "confirm" ? { confirmed_at: at } : body.action === "decline" ? { declined_at: at, decline_reason: body.reason } : { paid_on: body.paidOn, paid_amount: body.amount };
  return withTransaction(ctx.db, async (trx) => {
    if (!await updateResultVersioned(trx, id, body.version, { ...patch, status: rule.to }, at)) throw new AppError("VERSION_CONFLICT");
    const after = presentResult(await findResult(trx, id));
    await audit(ctx, trx, actor, { action: `payout.${body.action}`, entity: "match_result", entityId: id, before: { status: before.status }, after: { status: after.status, ...patch } });
    return after;
  });
}
async function payoutTotals(ctx, by) {
  const rows = await resultTotals(ctx.db, by);
  const out = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = r.key === null ? "" : String(r.key);
    const t = out.get(key) ?? { key, label: by === "county" ? countyLabel(key) || "\uFF08\u672A\u586B\uFF09" : r.label ?? "\uFF08\u672A\u586B\uFF09", matched: 0, notified: 0, confirmed: 0, declined: 0, paid: 0, amountDue: 0, amountPaid: 0 };
    t[r.status] += r.n;
    if (r.status !== "declined") t.amountDue += r.due ?? 0;
    t.amountPaid += r.paid ?? 0;
    out.set(key, t);
  }
  return [...out.values()].sort((a, b) => b.amountDue - a.amountDue);
}
const STATUS_LABELS = { near: "\u5DEE\u4E00\u9879", matched: "\u5DF2\u5339\u914D", notified: "\u5DF2\u544A\u77E5", confirmed: "\u5DF2\u786E\u8BA4", declined: "\u5DF2\u653E\u5F03", paid: "\u5DF2\u5151\u73B0" };
function failingText(n) {
  if (n.kind === "cond") return n.pass ? "" : `${n.text}\uFF08\u5B9E\u9645\uFF1A${n.actual ?? ""}\uFF09`;
  return (n.children ?? []).map(failingText).filter(Boolean).join("\uFF1B");
}
async function exportResults(ctx, actor, q) {
  const f = scoped(await scopeOf(ctx, actor), filterOf(q));
  const rows = f ? (await listResults(ctx.db, f)).rows.map(presentResult) : [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(q.status ? STATUS_LABELS[q.status] : "\u5151\u73B0\u6E05\u5355");
  ws.columns = [
    { header: "\u4F01\u4E1A\u540D\u79F0", key: "name", width: 36 },
    { header: "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801", key: "uscc", width: 22 },
    { header: "\u65D7\u53BF\u533A", key: "county", width: 14 },
    { header: "\u653F\u7B56", key: "policy", width: 36 },
    { header: "\u5151\u73B0\u4E8B\u9879", key: "benefit", width: 30 },
    { header: "\u53D1\u6587\u5355\u4F4D", key: "dept", width: 24 },
    { header: "\u72B6\u6001", key: "status", width: 10 },
    { header: "\u5E94\u5151\u73B0\u91D1\u989D\uFF08\u4E07\u5143\uFF09", key: "amount", width: 16 },
    { header: "\u544A\u77E5\u65F6\u95F4", key: "notified", width: 22 },
    { header: "\u653E\u5F03\u539F\u56E0", key: "reason", width: 24 },
    { header: "\u5151\u73B0\u65E5\u671F", key: "paidOn", width: 12 },
    { header: "\u5151\u73B0\u91D1\u989D\uFF08\u4E07\u5143\uFF09", key: "paid", width: 16 },
    { header: "\u672A\u6EE1\u8DB3\u7684\u6761\u4EF6", key: "failing", width: 50 }
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      name: r.enterprise.name,
      uscc: r.enterprise.uscc,
      county: r.enterprise.countyName,
      policy: r.benefit.policyTitle,
      benefit: r.benefit.name,
      dept: r.benefit.departmentName ?? "",
      status: STATUS_LABELS[r.status],
      amount: r.amount,
      notified: r.notifiedAt ?? "",
      reason: r.declineReason ?? "",
      paidOn: r.paidOn ?? "",
      paid: r.paidAmount,
      failing: failingText(r.explanation)
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function portalOverview(ctx, actor) {
  const scope = await scopeOf(ctx, actor);
  if (scope.all || !scope.enterpriseId) throw new AppError("ENTERPRISE_NOT_LINKED");
  const enterprise = await findEnterprise(ctx.db, scope.enterpriseId);
  if (!enterprise) throw new AppError("ENTERPRISE_NOT_LINKED");
  const all = (await listResults(ctx.db, { enterpriseId: scope.enterpriseId })).rows.map(presentResult);
  const failingLeaves = (n) => n.kind === "cond" ? n.pass ? [] : [n] : (n.children ?? []).flatMap(failingLeaves);
  return {
    enterprise: presentEnterprise(enterprise),
    qualifies: all.filter((r) => r.eligible && r.status !== "near"),
    nearly: all.filter((r) => r.status === "near").map((r) => ({ ...r, failing: failingLeaves(r.explanation) })),
    payouts: all.filter((r) => r.status === "paid")
  };
}
export {
  actOnResult,
  explainEnterprise,
  exportResults,
  getResult,
  listVisibleResults,
  payoutTotals,
  portalOverview,
  presentResult
};
//# sourceMappingURL=results.service.js.map
