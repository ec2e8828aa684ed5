import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { findUnit } from "../org/units.repository.js";
import { assertEditor } from "./access.js";
import { exampleFacts } from "./enterprises.js";
import {
  benefitsReferring,
  findBenefit,
  findPolicy,
  insertBenefit,
  insertPolicy,
  listBenefits,
  listPolicies,
  ruleTexts,
  updateBenefitRow,
  updatePolicyRow
} from "./library.repository.js";
import { checkFormula, checkRule } from "./rules/check.js";
import { Columns } from "./rules/columns.js";
import { compileRule } from "./rules/compile.js";
import { shanghaiDays, toDays } from "./rules/dates.js";
function presentBenefit(b) {
  return {
    id: b.id,
    policyId: b.policy_id,
    code: b.code,
    name: b.name,
    amount: b.amount,
    formula: b.formula,
    cap: b.cap,
    autoGrant: b.auto_grant === 1,
    rule: b.rule_text,
    examples: JSON.parse(b.examples_json),
    matchStale: b.match_stale === 1,
    version: b.version
  };
}
function presentPolicy(p, benefits) {
  return {
    id: p.id,
    title: p.title,
    departmentUnitId: p.department_unit_id,
    departmentName: p.department_name,
    docNumber: p.doc_number,
    effectiveFrom: p.effective_from,
    effectiveTo: p.effective_to,
    body: p.body,
    link: p.link,
    area: p.area,
    benefits: benefits.filter((b) => b.policy_id === p.id).map(presentBenefit),
    version: p.version
  };
}
function problemDetails(path, problems) {
  return problems.map((p) => ({ path, message: `\u7B2C ${p.line} \u884C\u7B2C ${p.column} \u5217\uFF1A${p.message}`, line: p.line, column: p.column, start: p.start, end: p.end, kind: p.kind }));
}
async function checkRuleText(ctx, db, body) {
  const today = shanghaiDays(ctx.clock());
  const rules = await ruleTexts(db);
  const checked = checkRule(body.text, { today, lookupRule: (c) => rules.get(c), selfCode: body.code });
  const examples = body.examples ?? [];
  if (!checked.ok) {
    return { ok: false, problems: checked.problems, examples: examples.map((e) => ({ name: e.name, expected: e.expected, actual: null, pass: false, explanation: null, problem: "\u89C4\u5219\u6709\u8BEF\uFF0C\u672A\u8FD0\u884C / the rule has errors" })) };
  }
  const outcomes = examples.map((e) => {
    const f = exampleFacts(e.enterprise);
    if (!f.facts) return { name: e.name, expected: e.expected, actual: null, pass: false, explanation: null, problem: f.problems.map((p) => `${p.field}: ${p.message}`).join("\uFF1B") };
    const compiled = compileRule(checked.rule, Columns.from([f.facts]), e.asOf ? toDays(e.asOf) : today, body.text);
    const actual = compiled.test(0);
    return { name: e.name, expected: e.expected, actual, pass: actual === e.expected, explanation: compiled.explain(0), problem: null };
  });
  return { ok: true, problems: [], examples: outcomes };
}
async function listPolicyLibrary(ctx, q) {
  const { rows, total } = await listPolicies(ctx.db, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const benefits = await listBenefits(ctx.db, { policyIds: rows.map((r) => r.id) });
  return { items: rows.map((r) => presentPolicy(r, benefits)), total };
}
async function getPolicy(ctx, id, db = ctx.db) {
  const p = await findPolicy(db, id);
  if (!p) throw new AppError("NOT_FOUND");
  return presentPolicy(p, await listBenefits(db, { policyIds: [id] }));
}
async function assertDepartment(db, id) {
  if (!id) return;
  const u = await findUnit(db, id);
  if (!u || u.status !== "active") throw new AppError("VALIDATION_FAILED", [{ path: "body.departmentUnitId", message: "\u53D1\u6587\u5355\u4F4D\u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unknown or retired unit" }]);
}
function policyValues(b) {
  const v = {};
  if (b.title !== void 0) v.title = b.title;
  if (b.departmentUnitId !== void 0) v.department_unit_id = b.departmentUnitId;
  if (b.docNumber !== void 0) v.doc_number = b.docNumber;
  if (b.effectiveFrom !== void 0) v.effective_from = b.effectiveFrom;
  if (b.effectiveTo !== void 0) v.effective_to = b.effectiveTo;
  if (b.body !== void 0) v.body = b.body;
  if (b.link !== void 0) v.link = b.link;
  if (b.area !== void 0) v.area = b.area;
  return v;
}
function assertDates(from, to) {
  if (from && to && to < from) throw new AppError("VALIDATION_FAILED", [{ path: "body.effectiveTo", message: "\u5931\u6548\u65E5\u671F\u65E9\u4E8E\u751F\u6548\u65E5\u671F / ends before it starts" }]);
}
async function createPolicy(ctx, actor, body) {
  assertEditor(actor);
  assertDates(body.effectiveFrom, body.effectiveTo);
  return withTransaction(ctx.db, async (trx) => {
    await assertDepartment(trx, body.departmentUnitId);
    const id = await insertPolicy(
      trx,
      { title: body.title, department_unit_id: body.departmentUnitId ?? null, doc_number: body.docNumber ?? null, effective_from: body.effectiveFrom ?? null, effective_to: body.effectiveTo ?? null, body: body.body ?? null, link: body.link ?? null, area: body.area },
      ctx.clock().toISOString()
    );
    const created = await getPolicy(ctx, id, trx);
    await audit(ctx, trx, actor, { action: "policy.create", entity: "policy", entityId: id, after: created });
    return created;
  });
}
async function updatePolicy(ctx, actor, id, body) {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getPolicy(ctx, id, trx);
    assertDates(body.effectiveFrom === void 0 ? before.effectiveFrom : body.effectiveFrom, body.effectiveTo === void 0 ? before.effectiveTo : body.effectiveTo);
    await assertDepartment(trx, body.departmentUnitId);
    if (!await updatePolicyRow(trx, id, body.version, policyValues(body), ctx.clock().toISOString())) throw new AppError("VERSION_CONFLICT");
    const after = await getPolicy(ctx, id, trx);
    await audit(ctx, trx, actor, { action: "policy.update", entity: "policy", entityId: id, before, after });
    return after;
  });
}
async function assertBenefitValid(ctx, db, b) {
  const check = await checkRuleText(ctx, db, { text: b.rule, code: b.code, examples: b.examples });
  if (!check.ok) throw new AppError("RULE_INVALID", problemDetails("body.rule", check.problems));
  if (b.formula) {
    const f = checkFormula(b.formula, { today: shanghaiDays(ctx.clock()) });
    if (!f.ok) throw new AppError("RULE_INVALID", problemDetails("body.formula", f.problems));
  }
  const failed = check.examples.filter((e) => !e.pass);
  if (failed.length) {
    throw new AppError(
      "RULE_EXAMPLES_FAILED",
      failed.map((e) => ({ path: "body.examples", message: e.problem ?? `\u793A\u4F8B\u201C${e.name}\u201D\u5E94\u4E3A${e.expected ? "\u7B26\u5408" : "\u4E0D\u7B26\u5408"}\uFF0C\u5B9E\u4E3A${e.actual ? "\u7B26\u5408" : "\u4E0D\u7B26\u5408"} / example "${e.name}" expected ${e.expected}, got ${e.actual}` }))
    );
  }
}
async function createBenefit(ctx, actor, policyId, body) {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    if (!await findPolicy(trx, policyId)) throw new AppError("NOT_FOUND");
    await assertBenefitValid(ctx, trx, body);
    try {
      const id = await insertBenefit(
        trx,
        { policy_id: policyId, code: body.code, name: body.name, amount: body.amount ?? null, formula: body.formula ?? null, cap: body.cap ?? null, auto_grant: body.autoGrant ? 1 : 0, rule_text: body.rule, examples_json: JSON.stringify(body.examples ?? []) },
        ctx.clock().toISOString()
      );
      const created = presentBenefit(await findBenefit(trx, id));
      await audit(ctx, trx, actor, { action: "benefit.create", entity: "benefit", entityId: id, after: created });
      return created;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("DUPLICATE_BENEFIT_CODE", [{ path: "body.code", message: `\u7F16\u7801 ${body.code} \u5DF2\u88AB\u4F7F\u7528 / code already used` }]);
      throw err;
    }
  });
}
async function updateBenefit(ctx, actor, id, body) {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBenefit(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (body.code && body.code !== before.code) throw new AppError("VALIDATION_FAILED", [{ path: "body.code", message: "\u7F16\u7801\u4E0D\u80FD\u4FEE\u6539\uFF08\u5176\u4ED6\u89C4\u5219\u53EF\u80FD\u5F15\u7528\u5B83\uFF09 / the code cannot change" }]);
    const merged = {
      code: before.code,
      rule: body.rule ?? before.rule_text,
      formula: body.formula === void 0 ? before.formula : body.formula,
      examples: body.examples ?? JSON.parse(before.examples_json)
    };
    await assertBenefitValid(ctx, trx, merged);
    const at = ctx.clock().toISOString();
    const ruleChanged = merged.rule !== before.rule_text || merged.formula !== before.formula || body.cap !== void 0 && body.cap !== before.cap || body.amount !== void 0 && body.amount !== before.amount;
    const ok = await updateBenefitRow(
      trx,
      id,
      body.version,
      {
        ...body.name !== void 0 ? { name: body.name } : {},
        ...body.amount !== void 0 ? { amount: body.amount } : {},
        ...body.cap !== void 0 ? { cap: body.cap } : {},
        ...body.autoGrant !== void 0 ? { auto_grant: body.autoGrant ? 1 : 0 } : {},
        formula: merged.formula ?? null,
        rule_text: merged.rule,
        examples_json: JSON.stringify(merged.examples),
        ...ruleChanged || body.autoGrant !== void 0 ? { match_stale: 1 } : {}
      },
      at
    );
    if (!ok) throw new AppError("VERSION_CONFLICT");
    if (merged.rule !== before.rule_text) {
      for (const r of await benefitsReferring(trx, before.code)) if (r.id !== id) await updateBenefitRow(trx, r.id, r.version, { match_stale: 1 }, at);
    }
    const after = presentBenefit(await findBenefit(trx, id));
    await audit(ctx, trx, actor, { action: "benefit.update", entity: "benefit", entityId: id, before: presentBenefit(before), after });
    return after;
  });
}
async function runAllRuleTests(ctx) {
  const out = [];
  for (const b of await listBenefits(ctx.db)) {
    out.push({ code: b.code, result: await checkRuleText(ctx, ctx.db, { text: b.rule_text, code: b.code, examples: JSON.parse(b.examples_json) }) });
  }
  return out;
}
export {
  checkRuleText,
  createBenefit,
  createPolicy,
  getPolicy,
  listPolicyLibrary,
  presentBenefit,
  presentPolicy,
  runAllRuleTests,
  updateBenefit,
  updatePolicy
};
//# sourceMappingURL=library.service.js.map
