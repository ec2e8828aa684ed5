import { measureUnit } from '../../common/measure-units.js';
import { type CockpitView, NOTICE_KINDS, type NoticeKind } from '../../common/schemas/supervision.js';
import type { ItemKind } from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import { demandCockpitFigures } from '../demands/index.js';
import { latestPeerSet } from '../indicators/index.js';
import { forecast } from '../indicators/scores.service.js';
import { payoutTotals } from '../policies/results.service.js';
import { today } from '../worklists/deadlines.js';
import { dueOn } from './figures.js';
import { scoreFormula } from './score.js';
import { loadSettings } from './settings.service.js';
import { listActiveUnits, listLeadItems, listSnapshots, openItemSteps, recentInstructions } from './supervision.repository.js';
import { getSnapshot } from './weekly.service.js';

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);
/** Items due within this many working days are "upcoming". */
const UPCOMING_WORKDAYS = 10;

/**
 * The leaders' dashboard (驾驶舱). Every figure carries `drill`: the query parameters of
 * GET /api/v1/items that list the items behind it.
 */
export async function getCockpit(
  ctx: AppContext,
  actor: Actor,
  q: { kind?: ItemKind | undefined; listId?: number | undefined },
): Promise<CockpitView> {
  const day = today(ctx.clock);
  const scope: Record<string, string | number> = { ...(q.kind ? { kind: q.kind } : {}), ...(q.listId ? { listId: q.listId } : {}) };
  const [pairs, units, snapshots, notes, settings, rankGoal, autoGrant, escalation, demands] = await Promise.all([
    listLeadItems(ctx.db, q),
    listActiveUnits(ctx.db),
    listSnapshots(ctx.db, 12),
    recentInstructions(ctx.db, 20),
    loadSettings(ctx.db),
    rankGoalOf(ctx),
    autoGrantOf(ctx),
    escalationOf(ctx),
    demandCockpitFigures(ctx),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byUnit = new Map<number, { assigned: number; closed: number; onTime: number; overdue: number }>();
  const items = new Map<number, { row: (typeof pairs)[number]; leads: number[]; overdue: boolean; dueIn: number | null }>();
  const dueOf = dueOn(day);
  for (const p of pairs) {
    const due = dueOf(p.deadline, p.status);
    const u = byUnit.get(p.unit_id) ?? { assigned: 0, closed: 0, onTime: 0, overdue: 0 };
    u.assigned++;
    if (p.status === 'closed') u.closed++;
    else if (due.overdue) u.overdue++;
    else u.onTime++;
    byUnit.set(p.unit_id, u);
    const it = items.get(p.item_id);
    if (it) it.leads.push(p.unit_id);
    else items.set(p.item_id, { row: p, leads: [p.unit_id], overdue: due.overdue, dueIn: due.dueInWorkdays });
  }
  const byList = new Map<number, CockpitView['byList'][number]>();
  let closed = 0;
  let overdue = 0;
  for (const { row, overdue: late } of items.values()) {
    const l = byList.get(row.list_id) ?? {
      listId: row.list_id,
      name: row.list_name,
      kind: row.kind as ItemKind,
      total: 0,
      closed: 0,
      onTime: 0,
      overdue: 0,
      byStatus: {},
      drill: { ...scope, listId: row.list_id },
    };
    l.total++;
    l.byStatus[row.status] = (l.byStatus[row.status] ?? 0) + 1;
    if (row.status === 'closed') {
      l.closed++;
      closed++;
    } else if (late) {
      l.overdue++;
      overdue++;
    } else l.onTime++;
    byList.set(row.list_id, l);
  }
  const upcoming = [...items.values()]
    .filter((i) => i.row.status !== 'closed' && i.dueIn !== null && i.dueIn >= 0 && i.dueIn <= UPCOMING_WORKDAYS)
    .sort((a, b) => a.dueIn! - b.dueIn! || a.row.code.localeCompare(b.row.code))
    .slice(0, 50)
    .map((i) => ({
      itemId: i.row.item_id,
      code: i.row.code,
      content: i.row.content,
      deadline: i.row.deadline!,
      dueInWorkdays: i.dueIn!,
      leadUnits: i.leads.map((id) => ({ id, name: unitName.get(id) ?? String(id) })),
      drill: { listId: i.row.list_id, q: i.row.code },
    }));
  const latest = snapshots.length ? await getSnapshot(ctx, actor, snapshots[0].id) : null;
  return {
    asOf: day,
    totals: { items: items.size, closed, open: items.size - closed, overdue, completionRate: pct(closed, items.size) },
    byUnit: [...byUnit.entries()]
      .map(([id, u]) => ({
        unit: { id, name: unitName.get(id) ?? String(id) },
        ...u,
        completionRate: pct(u.closed, u.assigned),
        drill: { ...scope, unitId: id, role: 'lead' },
        overdueDrill: { ...scope, unitId: id, role: 'lead', overdue: 'true' },
      }))
      .sort((a, b) => b.completionRate - a.completionRate || a.overdue - b.overdue),
    byList: [...byList.values()],
    trend: snapshots
      .map((s) => {
        const t = JSON.parse(s.totals_json) as { assigned: number; closed: number; overdue: number };
        return { weekOf: s.week_of, assigned: t.assigned, closed: t.closed, overdue: t.overdue };
      })
      .reverse(),
    redBlack: latest
      ? { weekOf: latest.weekOf, red: latest.red, black: latest.black, formula: latest.formula }
      : { weekOf: null, red: [], black: [], formula: scoreFormula(settings.score) },
    instructions: notes.map((n) => ({
      itemId: n.item_id,
      code: n.code,
      content: n.content,
      text: n.text,
      author: n.author,
      createdAt: n.created_at,
      drill: { q: n.code },
    })),
    upcoming,
    drillPath: '/api/v1/items',
    rankGoal,
    autoGrant,
    escalation,
    demands,
  };
}

const one = (x: number) => Math.round(x * 10) / 10;

/** 保二争一 from the indicators module's forecast over the latest imported peer values. */
async function rankGoalOf(ctx: AppContext): Promise<CockpitView['rankGoal']> {
  const set = await latestPeerSet(ctx.db);
  if (!set) return null;
  const f = await forecast(ctx, { method: set.methodId, period: set.period }).catch(() => null);
  if (!f) return null;
  // The next goal: 2nd while behind it, then 1st; its plan is the shortest list of improvements.
  const plan = f.plans.find((p) => !p.alreadyThere && p.reachable && p.rank === 2) ?? f.plans.find((p) => !p.alreadyThere && p.reachable);
  const component = (topic: string, id: string) => f.method.topics.find((t) => t.id === topic)?.components.find((c) => c.id === id);
  const leader = f.peers[0];
  return {
    period: f.period,
    method: f.method.name,
    synthetic: f.synthetic,
    rank: f.position.rank,
    peers: f.position.peers,
    score: f.position.score,
    gapTo2: f.position.gapTo[2],
    gapTo1: f.position.gapTo[1],
    first: { name: leader.name, score: one(leader.score) },
    goalRank: plan?.rank ?? f.focus.rank,
    improvements: (plan?.improvements ?? []).slice(0, 3).map((i) => {
      const c = component(i.topic, i.component);
      const name = c?.name ?? { zh: i.component, en: i.component };
      return { name, unit: measureUnit(c?.unit), from: i.from, to: i.to, gain: i.overallGain };
    }),
  };
}

/** 免申即享 totals through the policies module; each stage counts the results that reached it. */
async function autoGrantOf(ctx: AppContext): Promise<CockpitView['autoGrant']> {
  const rows = await payoutTotals(ctx, 'policy');
  type Figure = 'matched' | 'notified' | 'confirmed' | 'declined' | 'paid' | 'amountDue' | 'amountPaid';
  const sum = (k: Figure) => rows.reduce((s, r) => s + r[k], 0);
  const [matched, notified, confirmed, declined, paid] = [sum('matched'), sum('notified'), sum('confirmed'), sum('declined'), sum('paid')];
  return {
    matched: matched + notified + confirmed + declined + paid,
    notified: notified + confirmed + declined + paid,
    confirmed: confirmed + paid,
    declined,
    paid,
    amountDue: Math.round(sum('amountDue') * 100) / 100,
    amountPaid: Math.round(sum('amountPaid') * 100) / 100,
  };
}

/** Open escalations: each open item counted once, at the highest ladder step it has reached. */
async function escalationOf(ctx: AppContext): Promise<CockpitView['escalation']> {
  const steps = await openItemSteps(ctx.db);
  const highest = new Map<number, number>();
  let awaitingReply = 0;
  for (const s of steps) {
    const level = NOTICE_KINDS.indexOf(s.kind as NoticeKind);
    if (level > (highest.get(s.item_id) ?? -1)) highest.set(s.item_id, level);
    if (s.status === 'awaiting_reply') awaitingReply++;
  }
  const byStep = Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;
  for (const level of highest.values()) byStep[NOTICE_KINDS[level]]++;
  return { open: highest.size, byStep, awaitingReply };
}
