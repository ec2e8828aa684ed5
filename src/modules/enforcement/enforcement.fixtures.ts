import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { createEnterprise } from '../policies/enterprises.service.js';
import { syntheticUscc } from '../policies/index.js';
import { listOfficersFor } from './catalogue.service.js';
import { commitPlan, createPlan, drawPlan } from './inspections.service.js';

/** Test helpers of the enforcement module. */

export const OFFICE = { ...SYSTEM_ACTOR, role: 'office' as const };

/**
 * A random-inspection plan drawn on the seeded demo officers: `enterprises` synthetic enterprises
 * (USCCs from `firstSerial`, so two tests on one database do not collide) form the pool, two of
 * grade B are drawn for item SJ-CC-01, results due 20 working days after inspection.
 */
export async function drawnPlan(
  ctx: AppContext,
  opts: { name: string; enterprisePrefix: string; enterprises: number; firstSerial: number },
): Promise<{ id: number }> {
  for (let i = 0; i < opts.enterprises; i++)
    await createEnterprise(ctx, OFFICE, {
      uscc: syntheticUscc(opts.firstSerial + i, '150102', '有限责任公司'),
      name: `${opts.enterprisePrefix}${i}（示例）`,
    });
  const officers = (await listOfficersFor(ctx, OFFICE)).filter((o) => o.certified && o.name.match(/^[张李王]/));
  const plan = await createPlan(ctx, OFFICE, {
    name: opts.name,
    kind: 'ad_hoc',
    unitIds: [officers[0]!.unitId],
    itemCodes: ['SJ-CC-01'],
    filter: {},
    quotas: [{ grade: 'B', count: 2 }],
    officerIds: officers.map((o) => o.id),
    officersPerVisit: 2,
    windowFrom: '2026-03-01',
    windowTo: '2026-06-30',
    offSite: false,
    dataSource: null,
    publishDays: 20,
  });
  const committed = await commitPlan(ctx, OFFICE, plan.id, plan.version);
  await drawPlan(ctx, OFFICE, plan.id, committed.version);
  return { id: plan.id };
}
