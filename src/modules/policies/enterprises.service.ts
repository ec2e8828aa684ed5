import { AppError } from '../../common/errors.js';
import type { EnterpriseInput, EnterpriseView } from '../../common/schemas/policies.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { assertEditor, scopeOf } from './access.js';
import { resolveCounty } from './counties.js';
import { type EnterpriseValues, normalizeEnterprise, presentEnterprise } from './enterprises.js';
import { findEnterprise, insertEnterprises, listEnterprises, updateEnterprise as updateRow } from './enterprises.repository.js';
import { checkIndustryCode } from './industry.js';

function invalid(problems: { field: string; message: string }[]): AppError {
  const code = problems.some((p) => p.field === 'uscc')
    ? 'USCC_INVALID'
    : problems.some((p) => p.field === 'industryCode')
      ? 'INDUSTRY_CODE_INVALID'
      : 'VALIDATION_FAILED';
  return new AppError(
    code,
    problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
  );
}

export function validEnterprise(input: EnterpriseInput): EnterpriseValues {
  const { values, problems } = normalizeEnterprise(input);
  if (!values) throw invalid(problems);
  return values;
}

export async function listVisibleEnterprises(
  ctx: AppContext,
  actor: Actor,
  q: {
    q?: string | undefined;
    county?: string | undefined;
    industry?: string | undefined;
    sizeClass?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: EnterpriseView[]; total: number }> {
  const scope = await scopeOf(ctx, actor);
  const countyCode = q.county ? (resolveCounty(q.county) ?? '-') : undefined;
  const industry = q.industry ? checkIndustryCode(q.industry, { names: true }) : undefined;
  const f = { q: q.q, countyCode, industryPrefix: industry?.ok ? industry.code : q.industry ? '-' : undefined, sizeClass: q.sizeClass };
  if (!scope.all) {
    if (scope.enterpriseId) Object.assign(f, { ids: [scope.enterpriseId] });
    else if (scope.countyCode) {
      if (countyCode && countyCode !== scope.countyCode) return { items: [], total: 0 };
      f.countyCode = scope.countyCode;
    } else return { items: [], total: 0 };
  }
  const { rows, total } = await listEnterprises(ctx.db, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: rows.map(presentEnterprise), total };
}

export async function getEnterprise(ctx: AppContext, actor: Actor, id: number): Promise<EnterpriseView> {
  const scope = await scopeOf(ctx, actor);
  const row = await findEnterprise(ctx.db, id);
  const visible =
    row && (scope.all || scope.enterpriseId === id || (scope.countyCode !== undefined && scope.countyCode === row.county_code));
  if (!row || !visible) throw new AppError('NOT_FOUND');
  return presentEnterprise(row);
}

export async function createEnterprise(ctx: AppContext, actor: Actor, input: EnterpriseInput): Promise<EnterpriseView> {
  assertEditor(actor);
  const values = validEnterprise(input);
  return withTransaction(ctx.db, async (trx) => {
    try {
      const [id] = await insertEnterprises(trx, [values], ctx.clock().toISOString());
      const created = presentEnterprise((await findEnterprise(trx, id!))!);
      await audit(ctx, trx, actor, { action: 'enterprise.create', entity: 'enterprise', entityId: id!, after: created });
      return created;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('DUPLICATE_USCC', [{ path: 'body.uscc', message: `${values.uscc} 已存在 / already registered` }]);
      throw err;
    }
  });
}

export async function updateEnterprise(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: EnterpriseInput & { version: number },
): Promise<EnterpriseView> {
  assertEditor(actor);
  const values = validEnterprise(input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findEnterprise(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.uscc !== values.uscc)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.uscc', message: '统一社会信用代码不能修改 / the USCC cannot change' }]);
    if (!(await updateRow(trx, id, input.version, { ...values, synthetic: before.synthetic }, ctx.clock().toISOString())))
      throw new AppError('VERSION_CONFLICT');
    const after = presentEnterprise((await findEnterprise(trx, id))!);
    await audit(ctx, trx, actor, {
      action: 'enterprise.update',
      entity: 'enterprise',
      entityId: id,
      before: presentEnterprise(before),
      after,
    });
    return after;
  });
}
