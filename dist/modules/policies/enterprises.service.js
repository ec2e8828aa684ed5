import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { assertEditor, scopeOf } from "./access.js";
import { resolveCounty } from "./counties.js";
import { normalizeEnterprise, presentEnterprise } from "./enterprises.js";
import { findEnterprise, insertEnterprises, listEnterprises, updateEnterprise as updateRow } from "./enterprises.repository.js";
import { checkIndustryCode } from "./industry.js";
function invalid(problems) {
  const code = problems.some((p) => p.field === "uscc") ? "USCC_INVALID" : problems.some((p) => p.field === "industryCode") ? "INDUSTRY_CODE_INVALID" : "VALIDATION_FAILED";
  return new AppError(code, problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
}
function validEnterprise(input) {
  const { values, problems } = normalizeEnterprise(input);
  if (!values) throw invalid(problems);
  return values;
}
async function listVisibleEnterprises(ctx, actor, q) {
  const scope = await scopeOf(ctx, actor);
  const countyCode = q.county ? resolveCounty(q.county) ?? "-" : void 0;
  const industry = q.industry ? checkIndustryCode(q.industry) : void 0;
  const f = { q: q.q, countyCode, industryPrefix: industry?.ok ? industry.code : q.industry ? "-" : void 0, sizeClass: q.sizeClass };
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
async function getEnterprise(ctx, actor, id) {
  const scope = await scopeOf(ctx, actor);
  const row = await findEnterprise(ctx.db, id);
  const visible = row && (scope.all || scope.enterpriseId === id || scope.countyCode !== void 0 && scope.countyCode === row.county_code);
  if (!row || !visible) throw new AppError("NOT_FOUND");
  return presentEnterprise(row);
}
async function createEnterprise(ctx, actor, input) {
  assertEditor(actor);
  const values = validEnterprise(input);
  return withTransaction(ctx.db, async (trx) => {
    try {
      const [id] = await insertEnterprises(trx, [values], ctx.clock().toISOString());
      const created = presentEnterprise(await findEnterprise(trx, id));
      await audit(ctx, trx, actor, { action: "enterprise.create", entity: "enterprise", entityId: id, after: created });
      return created;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("DUPLICATE_USCC", [{ path: "body.uscc", message: `${values.uscc} \u5DF2\u5B58\u5728 / already registered` }]);
      throw err;
    }
  });
}
async function updateEnterprise(ctx, actor, id, input) {
  assertEditor(actor);
  const values = validEnterprise(input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await findEnterprise(trx, id);
    if (!before) throw new AppError("NOT_FOUND");
    if (before.uscc !== values.uscc) throw new AppError("VALIDATION_FAILED", [{ path: "body.uscc", message: "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u4E0D\u80FD\u4FEE\u6539 / the USCC cannot change" }]);
    if (!await updateRow(trx, id, input.version, { ...values, synthetic: before.synthetic }, ctx.clock().toISOString())) throw new AppError("VERSION_CONFLICT");
    const after = presentEnterprise(await findEnterprise(trx, id));
    await audit(ctx, trx, actor, { action: "enterprise.update", entity: "enterprise", entityId: id, before: presentEnterprise(before), after });
    return after;
  });
}
export {
  createEnterprise,
  getEnterprise,
  listVisibleEnterprises,
  updateEnterprise,
  validEnterprise
};
//# sourceMappingURL=enterprises.service.js.map
