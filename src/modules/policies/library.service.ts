import { AppError, type ErrorDetail } from '../../common/errors.js';
import type { BenefitBody, BenefitView, PolicyBody, PolicyView, RuleCheckView, RuleExample } from '../../common/schemas/policies.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { findUnit } from '../org/index.js';
import { assertEditor } from './access.js';
import { exampleFacts } from './enterprises.js';
import {
  type BenefitRow,
  type PolicyRow,
  benefitsReferring,
  findBenefit,
  findPolicy,
  insertBenefit,
  insertPolicy,
  listBenefits,
  listPolicies,
  ruleTexts,
  updateBenefitRow,
  updatePolicyRow,
} from './library.repository.js';
import type { RuleProblem } from './rules/ast.js';
import { checkFormula, checkRule } from './rules/check.js';
import { Columns } from './rules/columns.js';
import { compileRule } from './rules/compile.js';
import { chinaDays, toDays } from '../../common/dates.js';
import { describeCondition } from './rules/describe.js';
import { asBilingual } from './explanations.js';

export function presentBenefit(b: BenefitRow): BenefitView {
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
    version: b.version,
  };
}

export function presentPolicy(p: PolicyRow, benefits: BenefitRow[]): PolicyView {
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
    area: p.area as PolicyView['area'],
    benefits: benefits.filter((b) => b.policy_id === p.id).map(presentBenefit),
    version: p.version,
  };
}

type LocatedProblem = Omit<RuleProblem, 'message'> & { message: string | { zh: string; en: string } };

function problemDetails(path: string, problems: LocatedProblem[]): ErrorDetail[] {
  return problems.map((p) => {
    const m = asBilingual(p.message);
    const message = `第 ${p.line} 行第 ${p.column} 列：${m.zh} / line ${p.line}, column ${p.column}: ${m.en}`;
    return { path, message, line: p.line, column: p.column, start: p.start, end: p.end, kind: p.kind };
  });
}

/**
 * Checks a rule and runs it on example enterprises: the editor's live validation and "test on
 * examples" button, and the rule tests that CI runs for every stored benefit.
 */
export async function checkRuleText(
  ctx: AppContext,
  db: Executor,
  body: { text: string; code?: string | undefined; examples?: RuleExample[] | undefined },
): Promise<RuleCheckView> {
  const today = chinaDays(ctx.clock());
  const rules = await ruleTexts(db);
  const checked = checkRule(body.text, { today, lookupRule: (c) => rules.get(c), selfCode: body.code });
  const examples = body.examples ?? [];
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => ({ ...p, message: asBilingual(p.message) })),
      examples: examples.map((e) => ({
        name: e.name,
        expected: e.expected,
        actual: null,
        pass: false,
        explanation: null,
        problem: '规则有误，未运行 / the rule has errors',
      })),
      reading: null,
    };
  }
  const outcomes = examples.map((e) => {
    const f = exampleFacts(e.enterprise);
    if (!f.facts)
      return {
        name: e.name,
        expected: e.expected,
        actual: null,
        pass: false,
        explanation: null,
        problem: f.problems.map((p) => `${p.field}: ${p.message}`).join('；'),
      };
    // Each example is judged on its own day, so "registered within 1 year" examples do not age.
    const compiled = compileRule(checked.rule, Columns.from([f.facts]), e.asOf ? toDays(e.asOf) : today, body.text);
    const actual = compiled.test(0);
    return { name: e.name, expected: e.expected, actual, pass: actual === e.expected, explanation: compiled.explain(0), problem: null };
  });
  return { ok: true, problems: [], examples: outcomes, reading: describeCondition(checked.rule, today) };
}

export async function listPolicyLibrary(
  ctx: AppContext,
  q: { q?: string | undefined; area?: string | undefined; page: number; pageSize: number },
): Promise<{ items: PolicyView[]; total: number }> {
  const { rows, total } = await listPolicies(ctx.db, q, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const benefits = await listBenefits(ctx.db, { policyIds: rows.map((r) => r.id) });
  return { items: rows.map((r) => presentPolicy(r, benefits)), total };
}

export async function getPolicy(ctx: AppContext, id: number, db: Executor = ctx.db): Promise<PolicyView> {
  const p = await findPolicy(db, id);
  if (!p) throw new AppError('NOT_FOUND');
  return presentPolicy(p, await listBenefits(db, { policyIds: [id] }));
}

async function assertDepartment(db: Executor, id: number | null | undefined): Promise<void> {
  if (!id) return;
  const u = await findUnit(db, id);
  if (!u || u.status !== 'active')
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.departmentUnitId', message: '发文单位不存在或已撤销 / unknown or retired unit' },
    ]);
}

function policyValues(b: Partial<PolicyBody>) {
  const v: Record<string, unknown> = {};
  if (b.title !== undefined) v.title = b.title;
  if (b.departmentUnitId !== undefined) v.department_unit_id = b.departmentUnitId;
  if (b.docNumber !== undefined) v.doc_number = b.docNumber;
  if (b.effectiveFrom !== undefined) v.effective_from = b.effectiveFrom;
  if (b.effectiveTo !== undefined) v.effective_to = b.effectiveTo;
  if (b.body !== undefined) v.body = b.body;
  if (b.link !== undefined) v.link = b.link;
  if (b.area !== undefined) v.area = b.area;
  return v;
}

function assertDates(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.effectiveTo', message: '失效日期早于生效日期 / ends before it starts' }]);
}

export async function createPolicy(ctx: AppContext, actor: Actor, body: PolicyBody): Promise<PolicyView> {
  assertEditor(actor);
  assertDates(body.effectiveFrom, body.effectiveTo);
  return withTransaction(ctx.db, async (trx) => {
    await assertDepartment(trx, body.departmentUnitId);
    const id = await insertPolicy(
      trx,
      {
        title: body.title,
        department_unit_id: body.departmentUnitId ?? null,
        doc_number: body.docNumber ?? null,
        effective_from: body.effectiveFrom ?? null,
        effective_to: body.effectiveTo ?? null,
        body: body.body ?? null,
        link: body.link ?? null,
        area: body.area,
      },
      ctx.clock().toISOString(),
    );
    const created = await getPolicy(ctx, id, trx);
    await audit(ctx, trx, actor, { action: 'policy.create', entity: 'policy', entityId: id, after: created });
    return created;
  });
}

export async function updatePolicy(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: Partial<PolicyBody> & { version: number },
): Promise<PolicyView> {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getPolicy(ctx, id, trx);
    assertDates(
      body.effectiveFrom === undefined ? before.effectiveFrom : body.effectiveFrom,
      body.effectiveTo === undefined ? before.effectiveTo : body.effectiveTo,
    );
    await assertDepartment(trx, body.departmentUnitId);
    if (!(await updatePolicyRow(trx, id, body.version, policyValues(body), ctx.clock().toISOString())))
      throw new AppError('VERSION_CONFLICT');
    const after = await getPolicy(ctx, id, trx);
    await audit(ctx, trx, actor, { action: 'policy.update', entity: 'policy', entityId: id, before, after });
    return after;
  });
}

/** Validates rule, formula and examples of a benefit; throws a located error when any fails. */
async function assertBenefitValid(
  ctx: AppContext,
  db: Executor,
  b: { code: string; rule: string; formula?: string | null | undefined; examples?: RuleExample[] | undefined },
): Promise<void> {
  const check = await checkRuleText(ctx, db, { text: b.rule, code: b.code, examples: b.examples });
  if (!check.ok) throw new AppError('RULE_INVALID', problemDetails('body.rule', check.problems as LocatedProblem[]));
  if (b.formula) {
    const f = checkFormula(b.formula, { today: chinaDays(ctx.clock()) });
    if (!f.ok) throw new AppError('RULE_INVALID', problemDetails('body.formula', f.problems));
  }
  const failed = check.examples.filter((e) => !e.pass);
  if (failed.length) {
    throw new AppError(
      'RULE_EXAMPLES_FAILED',
      failed.map((e) => ({
        path: 'body.examples',
        message:
          e.problem ??
          `示例“${e.name}”应为${e.expected ? '符合' : '不符合'}，实为${e.actual ? '符合' : '不符合'} ` +
            `/ example "${e.name}" expected ${e.expected}, got ${e.actual}`,
      })),
    );
  }
}

export async function createBenefit(ctx: AppContext, actor: Actor, policyId: number, body: BenefitBody): Promise<BenefitView> {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    if (!(await findPolicy(trx, policyId))) throw new AppError('NOT_FOUND');
    await assertBenefitValid(ctx, trx, body);
    try {
      const id = await insertBenefit(
        trx,
        {
          policy_id: policyId,
          code: body.code,
          name: body.name,
          amount: body.amount ?? null,
          formula: body.formula ?? null,
          cap: body.cap ?? null,
          auto_grant: body.autoGrant ? 1 : 0,
          rule_text: body.rule,
          examples_json: JSON.stringify(body.examples ?? []),
        },
        ctx.clock().toISOString(),
      );
      const created = presentBenefit((await findBenefit(trx, id))!);
      await audit(ctx, trx, actor, { action: 'benefit.create', entity: 'benefit', entityId: id, after: created });
      return created;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('DUPLICATE_BENEFIT_CODE', [{ path: 'body.code', message: `编码 ${body.code} 已被使用 / code already used` }]);
      throw err;
    }
  });
}

export async function updateBenefit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: Partial<BenefitBody> & { version: number },
): Promise<BenefitView> {
  assertEditor(actor);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBenefit(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (body.code && body.code !== before.code)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.code', message: '编码不能修改（其他规则可能引用它） / the code cannot change' },
      ]);
    const merged = {
      code: before.code,
      rule: body.rule ?? before.rule_text,
      formula: body.formula === undefined ? before.formula : body.formula,
      examples: body.examples ?? (JSON.parse(before.examples_json) as RuleExample[]),
    };
    await assertBenefitValid(ctx, trx, merged);
    const at = ctx.clock().toISOString();
    const ruleChanged =
      merged.rule !== before.rule_text ||
      merged.formula !== before.formula ||
      (body.cap !== undefined && body.cap !== before.cap) ||
      (body.amount !== undefined && body.amount !== before.amount);
    const ok = await updateBenefitRow(
      trx,
      id,
      body.version,
      {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.amount !== undefined ? { amount: body.amount } : {}),
        ...(body.cap !== undefined ? { cap: body.cap } : {}),
        ...(body.autoGrant !== undefined ? { auto_grant: body.autoGrant ? 1 : 0 } : {}),
        formula: merged.formula ?? null,
        rule_text: merged.rule,
        examples_json: JSON.stringify(merged.examples),
        ...(ruleChanged || body.autoGrant !== undefined ? { match_stale: 1 } : {}),
      },
      at,
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    // Rules that include this one through rule("…") change with it.
    if (merged.rule !== before.rule_text) {
      for (const r of await benefitsReferring(trx, before.code))
        if (r.id !== id) await updateBenefitRow(trx, r.id, r.version, { match_stale: 1 }, at);
    }
    const after = presentBenefit((await findBenefit(trx, id))!);
    await audit(ctx, trx, actor, { action: 'benefit.update', entity: 'benefit', entityId: id, before: presentBenefit(before), after });
    return after;
  });
}

/** Runs every stored benefit's examples: the rule tests CI runs. */
export async function runAllRuleTests(ctx: AppContext): Promise<{ code: string; result: RuleCheckView }[]> {
  const out = [];
  for (const b of await listBenefits(ctx.db)) {
    out.push({
      code: b.code,
      result: await checkRuleText(ctx, ctx.db, { text: b.rule_text, code: b.code, examples: JSON.parse(b.examples_json) }),
    });
  }
  return out;
}
