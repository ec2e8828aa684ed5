import { SYSTEM_ACTOR } from "../../context.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { loadUnitResolver } from "../org/units.service.js";
import { findUserByUsername } from "../org/users.repository.js";
import { DEMO_ENTERPRISE, DEMO_POLICIES } from "./demo-policies.js";
import { normalizeEnterprise } from "./enterprises.js";
import { countEnterprises, findEnterprisesByUscc, insertEnterprises, linkEnterpriseUser } from "./enterprises.repository.js";
import { insertBenefit, insertPolicy, listPolicies } from "./library.repository.js";
import { matchPolicies } from "./matching.service.js";
import { shanghaiDays } from "./rules/dates.js";
import { rng, syntheticEnterprise, syntheticUscc } from "./synthetic.js";
const DEMO_ENTERPRISE_COUNT = 2e4;
async function seedDemoPolicies(ctx, opts = {}) {
  const count = opts.enterprises ?? DEMO_ENTERPRISE_COUNT;
  const at = ctx.clock().toISOString();
  const today = shanghaiDays(ctx.clock());
  let addedEnterprises = 0;
  let addedPolicies = 0;
  const demoUscc = syntheticUscc(0, "150105", "\u6709\u9650\u8D23\u4EFB\u516C\u53F8");
  await withTransaction(ctx.db, async (trx) => {
    if (await countEnterprises(trx) === 0) {
      const r = rng(20260302);
      const values = [normalizeEnterprise({ ...DEMO_ENTERPRISE, uscc: demoUscc }, true).values];
      for (let i = 1; i < count; i++) {
        const v = normalizeEnterprise(syntheticEnterprise(r, i, today), true).values;
        if (v) values.push(v);
      }
      addedEnterprises = (await insertEnterprises(trx, values, at)).length;
    }
    if ((await listPolicies(trx, {}, { offset: 0, limit: 1 })).total === 0) {
      const units = await loadUnitResolver(trx);
      for (const p of DEMO_POLICIES) {
        const id = await insertPolicy(
          trx,
          { title: p.title, department_unit_id: units.resolve(p.department)?.id ?? null, doc_number: p.docNumber ?? null, effective_from: p.effectiveFrom ?? null, effective_to: p.effectiveTo ?? null, body: p.body ?? null, link: null, area: p.area },
          at
        );
        for (const b of p.benefits) {
          await insertBenefit(
            trx,
            { policy_id: id, code: b.code, name: b.name, amount: b.amount ?? null, formula: b.formula ?? null, cap: b.cap ?? null, auto_grant: b.autoGrant ? 1 : 0, rule_text: b.rule, examples_json: JSON.stringify(b.examples ?? []) },
            at
          );
        }
        addedPolicies++;
      }
    }
    const user = await findUserByUsername(trx, "enterprise");
    const demo = (await findEnterprisesByUscc(trx, [demoUscc])).get(demoUscc);
    if (user && demo) await linkEnterpriseUser(trx, user.id, demo.id);
    if (addedEnterprises || addedPolicies) await audit(ctx, trx, SYSTEM_ACTOR, { action: "policies.seed", entity: "enterprise", entityId: null, after: { enterprises: addedEnterprises, policies: addedPolicies } });
  });
  const matched = addedEnterprises || addedPolicies ? (await matchPolicies(ctx, { mode: "incremental" })).matched : 0;
  return { enterprises: addedEnterprises, policies: addedPolicies, matched };
}
export {
  DEMO_ENTERPRISE_COUNT,
  seedDemoPolicies
};
//# sourceMappingURL=seed.js.map
