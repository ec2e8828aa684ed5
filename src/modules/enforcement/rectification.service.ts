import { chinaDate } from '../../common/dates.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { unitNames } from '../org/index.js';
import { registryByIds } from '../policies/index.js';
import { claimRectifyNotices, findOverdueRectifications } from './enforcement.repository.js';
import { parseJson } from './scope.js';

/** Results listed in one message before it says "and N more"; the plan page has them all. */
const LISTED = 20;

type Overdue = Awaited<ReturnType<typeof findOverdueRectifications>>[number];

/**
 * The daily run: a rectification (责令整改) still open after its deadline (整改期限) is told to the
 * department that owns the checked item (its unit head and liaisons, who follow the enterprise up and
 * record the rectification) and to the office, one message each per run listing what fell due. Each
 * (result, deadline) is told once, by whichever run records it first; a deadline moved later that
 * passes again is told again; a closed rectification is never told. Run as `enforcement.rectify-overdue`.
 */
export async function notifyOverdueRectifications(ctx: AppContext): Promise<{ date: string; results: number[] }> {
  // The deadline is a day in China: the run just after midnight there must see that day, not UTC's.
  const today = chinaDate(ctx.clock());
  return withTransaction(ctx.db, async (trx) => {
    const candidates = await findOverdueRectifications(trx, today);
    if (!candidates.length) return { date: today, results: [] };
    const claimed = await claimRectifyNotices(
      trx,
      candidates.map((r) => ({ result_id: r.id, rectify_due: r.rectify_due! })),
      ctx.clock().toISOString(),
    );
    const due = candidates.filter((r) => claimed.has(r.id));
    if (!due.length) return { date: today, results: [] };
    const names = await registryByIds(
      trx,
      due.map((r) => r.enterprise_id),
    );
    const units = await unitNames(trx);
    const line = (r: Overdue) =>
      `${r.plan_name}：${names.get(r.enterprise_id)?.name ?? '（企业已不在企业库）'}，${r.item_name ?? r.item_code}（整改期限 ${r.rectify_due}）`;
    const message = (rows: Overdue[], lead: string) => {
      const lines = rows.slice(0, LISTED).map(line);
      if (rows.length > LISTED) lines.push(`……另有 ${rows.length - LISTED} 项`);
      const plans = new Set(rows.map((r) => r.plan_id));
      return {
        kind: 'overdue' as const,
        title:
          rows.length === 1
            ? `抽查整改逾期：${names.get(rows[0]!.enterprise_id)?.name ?? rows[0]!.plan_name}`
            : `${rows.length} 项抽查整改已逾期`,
        body: `${lead}\n${lines.join('\n')}`,
        // The plan page lists the results and closes a rectification; several plans: the plan list.
        link: plans.size === 1 ? `/enforcement/plans/${rows[0]!.plan_id}` : '/enforcement',
      };
    };

    // The department of the checked item acts; an item gone from the catalogue falls to the plan's departments.
    const byUnit = new Map<number, Overdue[]>();
    for (const r of due)
      for (const u of r.item_unit_id !== null ? [r.item_unit_id] : parseJson<number[]>(r.unit_ids_json))
        byUnit.set(u, [...(byUnit.get(u) ?? []), r]);
    for (const [unitId, rows] of byUnit)
      await notify(ctx, trx, {
        unitIds: [unitId],
        unitRoles: ['unit_head', 'liaison'],
        ...message(rows, '以下抽查发现的问题已过整改期限仍未登记整改完成，请督促企业整改，整改到位后登记整改完成：'),
      });
    const withUnit = (rows: Overdue[]) =>
      rows.map((r) => ({ ...r, plan_name: `${r.plan_name}（${units.get(r.item_unit_id ?? -1) ?? '计划部门'}）` }));
    await notify(ctx, trx, {
      roles: ['office'],
      ...message(withUnit(due), '以下抽查发现的问题已过整改期限仍未登记整改完成，已同时提醒负责部门：'),
    });
    const results = due.map((r) => r.id);
    await audit(ctx, trx, SYSTEM_ACTOR, {
      action: 'enforcement.rectify.overdue.notify',
      entity: 'enf_result',
      entityId: results.length === 1 ? results[0]! : null,
      after: { date: today, results: due.map((r) => ({ id: r.id, rectifyDue: r.rectify_due })) },
    });
    return { date: today, results };
  });
}
