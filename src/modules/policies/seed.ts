import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { loadUnitResolver } from '../org/units.service.js';
import { findUserByUsername } from '../org/index.js';
import { DEMO_ENTERPRISE, DEMO_POLICIES } from './demo-policies.js';
import { normalizeEnterprise } from './enterprises.js';
import { countEnterprises, findEnterprisesByUscc, insertEnterprises, linkEnterpriseUser } from './enterprises.repository.js';
import { insertBenefit, insertPolicy, listPolicies } from './library.repository.js';
import { matchPolicies } from './matching.service.js';
import { chinaDays } from '../../common/dates.js';
import { rng, syntheticEnterprise, syntheticUscc } from './synthetic.js';

/** Size of the demo registry; tests pass a small number so every module's test database stays quick. */
export const DEMO_ENTERPRISE_COUNT = 20_000;

/**
 * Demo data of the policies module: a synthetic registry (bulk inserts), the demo policy library,
 * the demo enterprise linked to the `enterprise` account, and a first full match. Idempotent.
 */
export async function seedDemoPolicies(
  ctx: AppContext,
  opts: { enterprises?: number } = {},
): Promise<{ enterprises: number; policies: number; matched: number }> {
  const count = opts.enterprises ?? DEMO_ENTERPRISE_COUNT;
  const at = ctx.clock().toISOString();
  const today = chinaDays(ctx.clock());
  let addedEnterprises = 0;
  let addedPolicies = 0;
  const demoUscc = syntheticUscc(0, '150105', '有限责任公司');
  await withTransaction(ctx.db, async (trx) => {
    if ((await countEnterprises(trx)) === 0) {
      const r = rng(20_260_302);
      const values = [normalizeEnterprise({ ...DEMO_ENTERPRISE, uscc: demoUscc }, true).values!];
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
          {
            title: p.title,
            department_unit_id: units.resolve(p.department)?.id ?? null,
            doc_number: p.docNumber ?? null,
            effective_from: p.effectiveFrom ?? null,
            effective_to: p.effectiveTo ?? null,
            body: p.body ?? null,
            link: null,
            area: p.area,
          },
          at,
        );
        for (const b of p.benefits) {
          await insertBenefit(
            trx,
            {
              policy_id: id,
              code: b.code,
              name: b.name,
              amount: b.amount ?? null,
              formula: b.formula ?? null,
              cap: b.cap ?? null,
              auto_grant: b.autoGrant ? 1 : 0,
              rule_text: b.rule,
              examples_json: JSON.stringify(b.examples ?? []),
            },
            at,
          );
        }
        addedPolicies++;
      }
    }
    const user = await findUserByUsername(trx, 'enterprise');
    const demo = (await findEnterprisesByUscc(trx, [demoUscc])).get(demoUscc);
    if (user && demo) await linkEnterpriseUser(trx, user.id, demo.id);
    if (addedEnterprises || addedPolicies)
      await audit(ctx, trx, SYSTEM_ACTOR, {
        action: 'policies.seed',
        entity: 'enterprise',
        entityId: null,
        after: { enterprises: addedEnterprises, policies: addedPolicies },
      });
  });
  const matched = addedEnterprises || addedPolicies ? (await matchPolicies(ctx, { mode: 'incremental' })).matched : 0;
  return { enterprises: addedEnterprises, policies: addedPolicies, matched };
}
