import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { addProblem, addProjects, createCampaign, listCampaigns } from './campaigns.service.js';
import { importTenders, listTenders } from './procurement.service.js';
import { seededRandom, syntheticAmounts } from './synthetic.js';

/**
 * Demo data of the procurement module, clearly invented (示例): 120 tenders over January–March
 * 2026 in a market of 30 bidders, one ring of four bidders taking turns with cover bids and a
 * shared machine, imported through the same path as a user's file; an inspection campaign of
 * twelve agency projects with three problems found. Idempotent: skipped when tenders exist.
 */
export async function seedDemoProcurement(ctx: AppContext): Promise<{ tenders: number }> {
  if ((await listTenders(ctx, { page: 1, pageSize: 1 })).total > 0) return { tenders: 0 };
  const rng = seededRandom(20260302);
  const rows = ['tender_id,title,bidder_id,bidder_name,amount,bid_date,winner,machine_id,deposit_account,remote_evaluation'];
  const RING = [0, 1, 2, 3];
  for (let t = 0; t < 120; t++) {
    const month = 1 + (t % 3);
    const date = `2026-0${month}-${String(1 + (t % 27)).padStart(2, '0')}`;
    const ring = t % 6 === 0;
    const n = ring ? 4 : 4 + Math.floor(rng() * 5);
    const bidders = ring ? [RING[(t / 6) % 4]!, ...RING.filter((b) => b !== RING[(t / 6) % 4])] : pickBidders(rng, n);
    const amounts = syntheticAmounts(rng, ring ? 'cover' : 'competitive', n, 5e5 + Math.round(rng() * 5e6));
    const winner = amounts.indexOf(Math.min(...amounts));
    const remote = rng() < 0.3 ? 1 : 0;
    bidders.forEach((b, i) => {
      const machine = ring && i < 2 ? 'PC-RING' : `PC-${b}`;
      rows.push(
        `SL-2026-${String(t + 1).padStart(3, '0')},示例市政工程${t + 1}号,DEMO${String(b).padStart(4, '0')},` +
          `示例建设${b + 1}号公司,${amounts[i]},${date},${i === winner ? 1 : 0},${machine},62220000${b},${remote}`,
      );
    });
  }
  const result = await importTenders(
    ctx,
    SYSTEM_ACTOR,
    { filename: '示例投标数据.csv', data: Buffer.from(rows.join('\n')) },
    { dryRun: false },
  );
  if (!(await listCampaigns(ctx)).items.length) {
    const campaign = await createCampaign(ctx, SYSTEM_ACTOR, { name: '招标代理机构"四类"违法违规行为专项整治（示例）' });
    const agencies = ['示例招标代理甲', '示例招标代理乙', '示例招标代理丙'];
    const withProjects = await addProjects(ctx, SYSTEM_ACTOR, campaign.id, {
      projects: Array.from({ length: 12 }, (_, i) => ({
        code: `ZC-${i + 1}`,
        name: `示例政府采购项目${i + 1}`,
        agency: agencies[i % 3]!,
        amount: 200_000 + i * 150_000,
        checked: i < 10,
      })),
    });
    const [p1, p2, p3] = withProjects.projects;
    await addProblem(ctx, SYSTEM_ACTOR, campaign.id, {
      projectId: p1!.id,
      misconduct: 'false_materials',
      description: '评标报告与开标记录不一致（示例）',
    });
    await addProblem(ctx, SYSTEM_ACTOR, campaign.id, {
      projectId: p2!.id,
      misconduct: 'improper_fees',
      description: '超标准收取代理服务费（示例）',
    });
    await addProblem(ctx, SYSTEM_ACTOR, campaign.id, {
      projectId: p3!.id,
      misconduct: 'collusion_assist',
      description: '向特定投标人透露其他投标人信息（示例）',
    });
  }
  return { tenders: result.tenders };
}

function pickBidders(rng: () => number, n: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(4 + Math.floor(rng() * 26));
  return [...chosen];
}
