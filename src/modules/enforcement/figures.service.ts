import { chinaDate } from '../../common/dates.js';
import type { Executor } from '../../db/database.js';
import { listUnits } from '../org/index.js';
import { registryByIds } from '../policies/index.js';
import { certified } from './catalogue.service.js';
import type { DrawSnapshot } from './draw.js';
import { findById, listDocuments, listMatters, listOfficers, listPlans, listResults } from './enforcement.repository.js';
import { parseJson } from './scope.js';

/**
 * The work report's figures for a period, each with the list behind it: matters listed, bodies
 * (units with matters) and officers certified, off-site inspections, mutually recognised
 * inspections, normative documents cleaned up. For the indicators module (feed.service.ts) and the
 * monthly bulletin (its 法治环境 section).
 */
export async function enforcementFigures(ctx: { db: Executor }, period: { from: string; to: string }) {
  const units = new Map((await listUnits(ctx.db, { includeRetired: true })).map((u) => [u.id, u.name]));
  // As the period stood at its end: a past month counts only the matters and officers entered by then.
  const byEnd = (r: { created_at: string }) => chinaDate(new Date(r.created_at)) <= period.to;
  const matters = (await listMatters(ctx.db)).filter(byEnd);
  const bodies = [...new Set(matters.map((m) => m.unit_id))].map((u) => ({
    unitId: u,
    name: units.get(u) ?? '',
    matters: matters.filter((m) => m.unit_id === u).length,
  }));
  const officers = (await listOfficers(ctx.db)).filter((o) => byEnd(o) && certified(o, period.to));
  const results = await listResults(ctx.db, { from: period.from, to: period.to });
  const offSite = results.filter((r) => r.off_site === 1);
  const names = await registryByIds(
    ctx.db,
    results.map((r) => r.enterprise_id),
  );

  // Mutual recognition: enterprise-items a plan in the period left out because another inspection
  // in its window already covered them (read from the plans' snapshots).
  const recognised: { planId: number; planName: string; enterpriseId: number; enterpriseName: string; itemCodes: string[] }[] = [];
  for (const p of await listPlans(ctx.db, { status: ['drawn'] })) {
    if (!p.drawn_at || p.drawn_at.slice(0, 10) < period.from || p.drawn_at.slice(0, 10) > period.to) continue;
    const snapshot = parseJson<DrawSnapshot>((await findById(ctx.db, 'enf_plan', p.id))!.snapshot_json);
    const visited = new Set(snapshot.recognised.map(([e]) => e));
    const extra = await registryByIds(ctx.db, [...visited]);
    for (const [e, items] of snapshot.recognised)
      recognised.push({ planId: p.id, planName: p.name, enterpriseId: e, enterpriseName: extra.get(e)?.name ?? '', itemCodes: items });
  }
  const cleaned = (await listDocuments(ctx.db)).filter((d) => d.reviewed_on && d.reviewed_on >= period.from && d.reviewed_on <= period.to);
  const result = (r: (typeof results)[number]) => ({
    id: r.id,
    planId: r.plan_id,
    enterpriseName: names.get(r.enterprise_id)?.name ?? '',
    itemCode: r.item_code,
    outcome: r.outcome,
    inspectedOn: r.inspected_on,
  });
  return {
    period,
    figures: {
      matters: matters.length,
      bodies: bodies.length,
      officersCertified: officers.length,
      inspections: results.length,
      offSiteInspections: offSite.length,
      mutualRecognitions: recognised.length,
      documentsCleaned: cleaned.length,
    },
    lists: {
      bodies,
      officers: officers.map((o) => ({
        id: o.id,
        name: o.name,
        unitName: units.get(o.unit_id) ?? '',
        certNo: o.cert_no,
        certValidTo: o.cert_valid_to,
      })),
      offSiteInspections: offSite.map(result),
      mutualRecognitions: recognised,
      documentsCleaned: cleaned.map((d) => ({
        id: d.id,
        title: d.title,
        docNumber: d.doc_number,
        outcome: d.outcome,
        reviewedOn: d.reviewed_on,
      })),
    },
  };
}
