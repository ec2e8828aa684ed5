import type { BulletinData, Commentary, NoticeKind } from '../../common/schemas/supervision.js';
import { ITEM_KIND_LABELS, type ItemKind } from '../../common/schemas/worklists.js';
import { addDays, chinaDate } from '../../common/dates.js';
import type { Executor } from '../../db/database.js';
import { chinaMidnight, dueOn, unitWorkloads } from './figures.js';
import { rankUnits, scoreFormula } from './score.js';
import { leadItemsAt } from './history.js';
import { loadSettings } from './settings.service.js';
import {
  countNoticesByKind,
  listDecisionItems,
  listLeadItems,
  listMeetings,
  listNotices,
  listSnapshots,
} from './supervision.repository.js';

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);

/**
 * The figures of a monthly bulletin as they stood at the end of the month (or at `asOf` while the
 * month runs): items that existed then, with the status and deadline they had (rebuilt from their
 * timeline), overdue days counted to that day, reports, returns, notices and meetings within the
 * month, and the weekly snapshots taken by then.
 */
export async function gatherBulletinData(db: Executor, month: string, asOf: Date): Promise<Omit<BulletinData, 'sections'>> {
  const { first, last } = monthRange(month);
  const monthEnd = new Date(chinaMidnight(addDays(last, 1)));
  const cutoff = asOf < monthEnd ? asOf : monthEnd;
  const cutoffIso = cutoff.toISOString();
  // The last China day the figures cover: the month's last day once it is over.
  const day = chinaDate(new Date(cutoff.getTime() - 1));
  const { score } = await loadSettings(db);
  const pairs = cutoff === asOf ? await listLeadItems(db) : await leadItemsAt(db, await listLeadItems(db), cutoffIso);
  const statusAt = new Map(pairs.map((p) => [p.item_id, p.status]));

  // Items counted once each, however many lead units they have.
  const items = new Map<number, (typeof pairs)[number] & { leads: number[] }>();
  for (const p of pairs) {
    const it = items.get(p.item_id);
    if (it) it.leads.push(p.unit_id);
    else items.set(p.item_id, { ...p, leads: [p.unit_id] });
  }
  const totals = { items: items.size, closed: 0, inProgress: 0, notStarted: 0, overdue: 0, closedThisMonth: 0 };
  const byList = new Map<number, BulletinData['byList'][number]>();
  const byArea = new Map<string, BulletinData['byArea'][number]>();
  const overdueItems: BulletinData['overdueItems'] = [];
  const workloads = await unitWorkloads(db, {
    asOf: cutoff,
    period: { from: chinaMidnight(first), to: chinaMidnight(addDays(last, 1)) },
    score,
    items: pairs,
  });
  const unitName = new Map(workloads.map((w) => [w.unit.id, w.unit.name]));
  const dueOf = dueOn(day);
  for (const it of items.values()) {
    const due = dueOf(it.deadline, it.status);
    const closed = it.status === 'closed';
    if (closed) totals.closed++;
    else if (it.status === 'not_started') totals.notStarted++;
    else totals.inProgress++;
    if (closed && it.closed_at && chinaDate(new Date(it.closed_at)) >= first && chinaDate(new Date(it.closed_at)) <= last)
      totals.closedThisMonth++;
    if (due.overdue) {
      totals.overdue++;
      overdueItems.push({
        id: it.item_id,
        code: it.code,
        content: it.content,
        listName: it.list_name,
        deadline: it.deadline!,
        overdueWorkdays: due.overdueWorkdays,
        leadUnits: it.leads.map((u) => unitName.get(u) ?? String(u)),
      });
    }
    const l = byList.get(it.list_id) ?? {
      listId: it.list_id,
      name: it.list_name,
      kind: it.kind as ItemKind,
      total: 0,
      closed: 0,
      overdue: 0,
      byStatus: {},
    };
    l.total++;
    if (closed) l.closed++;
    if (due.overdue) l.overdue++;
    l.byStatus[it.status] = (l.byStatus[it.status] ?? 0) + 1;
    byList.set(it.list_id, l);
    const areaName = it.area ?? ITEM_KIND_LABELS[it.kind as ItemKind]?.zh ?? '其他';
    const a = byArea.get(areaName) ?? { area: areaName, total: 0, closed: 0, overdue: 0 };
    a.total++;
    if (closed) a.closed++;
    if (due.overdue) a.overdue++;
    byArea.set(areaName, a);
  }
  overdueItems.sort((a, b) => b.overdueWorkdays - a.overdueWorkdays || a.code.localeCompare(b.code));

  const ranking = rankUnits(workloads, score).map((r) => ({
    unit: r.row.unit,
    assigned: r.row.figures.assigned,
    closed: r.row.figures.closed,
    overdue: r.row.figures.overdue,
    completionRate: pct(r.row.figures.closed, r.row.figures.assigned),
    score: r.score,
    rank: r.rank,
    board: r.board,
  }));

  const named = (await listNotices(db, { dueFrom: first, dueTo: last })).rows
    .filter((n) => n.kind === 'bulletin' || n.kind === 'summons')
    .map((n) => ({ unit: n.unit_name, code: n.code, content: n.content, kind: n.kind as NoticeKind, dueOn: n.due_on }));

  const meetings = await listMeetings(db, { from: first, to: last });
  const decisions = await listDecisionItems(
    db,
    meetings.map((m) => m.id),
  );
  const trend = (await listSnapshots(db, 60))
    .filter((s) => s.week_of <= addDays(last, 1) && s.taken_at <= cutoffIso)
    .slice(0, 8)
    .reverse()
    .map((s) => {
      const t = JSON.parse(s.totals_json) as { assigned: number; closed: number; overdue: number };
      return { weekOf: s.week_of, assigned: t.assigned, closed: t.closed, overdue: t.overdue };
    });
  const notices = { reminder: 0, notice: 0, bulletin: 0, summons: 0, ...(await countNoticesByKind(db, first, last)) };

  return {
    month,
    asOf: cutoffIso,
    totals,
    byList: [...byList.values()].sort((a, b) => a.listId - b.listId),
    byArea: [...byArea.values()].sort((a, b) => b.total - a.total),
    ranking: ranking.map(({ board: _b, ...r }) => r),
    overdueItems,
    named,
    red: ranking.filter((r) => r.board === 'red').map(({ board: _b, ...r }) => r),
    black: ranking
      .filter((r) => r.board === 'black')
      .reverse()
      .map(({ board: _b, ...r }) => r),
    trend,
    meetings: {
      mayor: meetings.filter((m) => m.type === 'mayor').length,
      task_force: meetings.filter((m) => m.type === 'task_force').length,
      special: meetings.filter((m) => m.type === 'special').length,
      decisions: decisions.length,
      decisionsClosed: decisions.filter((d) => statusAt.get(d.id) === 'closed').length,
    },
    notices,
    formula: scoreFormula(score),
  };
}

/** A first draft of the commentary from the figures; the office rewrites it before publishing. */
export function draftCommentary(d: Omit<BulletinData, 'sections'>): Commentary {
  const [y, m] = d.month.split('-');
  const t = d.totals;
  const lists = d.byList.map((l) => `${l.name}${l.total}项、已销号${l.closed}项`).join('；');
  const areas = d.byArea
    .slice(0, 6)
    .map((a) => `${a.area}领域${a.total}项，完成${a.closed}项（${pct(a.closed, a.total)}%）${a.overdue ? `，逾期${a.overdue}项` : ''}`)
    .join('；');
  const worst = d.black.map((r) => r.unit.name).join('、');
  return {
    basicSituation:
      `截至${Number(y)}年${Number(m)}月底，全市优化营商环境“四表一单”共有督办事项${t.items}项，已销号${t.closed}项，完成率${pct(t.closed, t.items)}%；` +
      `推进中${t.inProgress}项，未启动${t.notStarted}项，逾期未完成${t.overdue}项。本月新销号${t.closedThisMonth}项。` +
      `本月召开市长调度会${d.meetings.mayor}次、专班调度会${d.meetings.task_force}次、专题调度会${d.meetings.special}次，形成议定事项${d.meetings.decisions}项。` +
      (lists ? `分清单看：${lists}。` : ''),
    progressByArea: areas ? `${areas}。` : '本月暂无分领域数据。',
    problems:
      (t.overdue ? `一是仍有${t.overdue}项事项逾期未完成，` : '一是本月无逾期事项，') +
      (worst ? `${worst}等单位逾期或滞后事项较多。` : '个别单位进展报送不及时。') +
      `二是本月下发督办单${d.notices.notice}份，${d.named.length ? `${d.named.length}项事项进入通报或约谈环节` : '尚无事项进入通报环节'}。`,
    nextSteps:
      '一是压实牵头单位责任，对逾期事项逐项明确整改时限；二是坚持周督查、月通报，对连续上榜黑榜的单位由领导小组办公室约谈；' +
      '三是加强调度会议定事项跟踪问效，确保按期销号。',
  };
}
