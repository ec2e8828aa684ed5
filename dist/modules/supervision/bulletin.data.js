import { ITEM_KIND_LABELS } from "../../common/schemas/worklists.js";
import { addDays, chinaDate } from "../../common/workdays.js";
import { chinaMidnight, dueOn, unitWorkloads } from "./figures.js";
import { rankUnits, scoreFormula } from "./score.js";
import { loadSettings } from "./settings.service.js";
import { countNoticesByKind, listDecisionItems, listLeadItems, listMeetings, listNotices, listSnapshots } from "./supervision.repository.js";
function monthRange(month) {
  const [y, m] = month.split("-").map(Number);
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { first, last: addDays(next, -1) };
}
const pct = (a, b) => b ? Math.round(a / b * 1e3) / 10 : 0;
async function gatherBulletinData(db, month, asOf) {
  const { first, last } = monthRange(month);
  const day = chinaDate(asOf);
  const { score } = await loadSettings(db);
  const pairs = await listLeadItems(db);
  const items = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    const it = items.get(p.item_id);
    if (it) it.leads.push(p.unit_id);
    else items.set(p.item_id, { ...p, leads: [p.unit_id] });
  }
  const totals = { items: items.size, closed: 0, inProgress: 0, notStarted: 0, overdue: 0, closedThisMonth: 0 };
  const byList = /* @__PURE__ */ new Map();
  const byArea = /* @__PURE__ */ new Map();
  const overdueItems = [];
  const workloads = await unitWorkloads(db, { asOf, period: { from: chinaMidnight(first), to: chinaMidnight(addDays(last, 1)) }, score, items: pairs });
  const unitName = new Map(workloads.map((w) => [w.unit.id, w.unit.name]));
  const dueOf = dueOn(day);
  for (const it of items.values()) {
    const due = dueOf(it.deadline, it.status);
    const closed = it.status === "closed";
    if (closed) totals.closed++;
    else if (it.status === "not_started") totals.notStarted++;
    else totals.inProgress++;
    if (closed && it.closed_at && chinaDate(new Date(it.closed_at)) >= first && chinaDate(new Date(it.closed_at)) <= last) totals.closedThisMonth++;
    if (due.overdue) {
      totals.overdue++;
      overdueItems.push({
        id: it.item_id,
        code: it.code,
        content: it.content,
        listName: it.list_name,
        deadline: it.deadline,
        overdueWorkdays: due.overdueWorkdays,
        leadUnits: it.leads.map((u) => unitName.get(u) ?? String(u))
      });
    }
    const l = byList.get(it.list_id) ?? { listId: it.list_id, name: it.list_name, kind: it.kind, total: 0, closed: 0, overdue: 0, byStatus: {} };
    l.total++;
    if (closed) l.closed++;
    if (due.overdue) l.overdue++;
    l.byStatus[it.status] = (l.byStatus[it.status] ?? 0) + 1;
    byList.set(it.list_id, l);
    const areaName = it.area ?? ITEM_KIND_LABELS[it.kind]?.zh ?? "\u5176\u4ED6";
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
    board: r.board
  }));
  const named = (await listNotices(db, { dueFrom: first, dueTo: last })).rows.filter((n) => n.kind === "bulletin" || n.kind === "summons").map((n) => ({ unit: n.unit_name, code: n.code, content: n.content, kind: n.kind, dueOn: n.due_on }));
  const meetings = await listMeetings(db, { from: first, to: last });
  const decisions = await listDecisionItems(db, meetings.map((m) => m.id));
  const trend = (await listSnapshots(db, 60)).filter((s) => s.week_of <= addDays(last, 1)).slice(0, 8).reverse().map((s) => {
    const t = JSON.parse(s.totals_json);
    return { weekOf: s.week_of, assigned: t.assigned, closed: t.closed, overdue: t.overdue };
  });
  const notices = { reminder: 0, notice: 0, bulletin: 0, summons: 0, ...await countNoticesByKind(db, first, last) };
  return {
    month,
    asOf: asOf.toISOString(),
    totals,
    byList: [...byList.values()].sort((a, b) => a.listId - b.listId),
    byArea: [...byArea.values()].sort((a, b) => b.total - a.total),
    ranking: ranking.map(({ board: _b, ...r }) => r),
    overdueItems,
    named,
    red: ranking.filter((r) => r.board === "red").map(({ board: _b, ...r }) => r),
    black: ranking.filter((r) => r.board === "black").reverse().map(({ board: _b, ...r }) => r),
    trend,
    meetings: {
      mayor: meetings.filter((m) => m.type === "mayor").length,
      task_force: meetings.filter((m) => m.type === "task_force").length,
      special: meetings.filter((m) => m.type === "special").length,
      decisions: decisions.length,
      decisionsClosed: decisions.filter((d) => d.status === "closed").length
    },
    notices,
    formula: scoreFormula(score)
  };
}
function draftCommentary(d) {
  const [y, m] = d.month.split("-");
  const t = d.totals;
  const lists = d.byList.map((l) => `${l.name}${l.total}\u9879\u3001\u5DF2\u9500\u53F7${l.closed}\u9879`).join("\uFF1B");
  const areas = d.byArea.slice(0, 6).map((a) => `${a.area}\u9886\u57DF${a.total}\u9879\uFF0C\u5B8C\u6210${a.closed}\u9879\uFF08${pct(a.closed, a.total)}%\uFF09${a.overdue ? `\uFF0C\u903E\u671F${a.overdue}\u9879` : ""}`).join("\uFF1B");
  const worst = d.black.map((r) => r.unit.name).join("\u3001");
  return {
    basicSituation: `\u622A\u81F3${Number(y)}\u5E74${Number(m)}\u6708\u5E95\uFF0C\u5168\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u201C\u56DB\u8868\u4E00\u5355\u201D\u5171\u6709\u7763\u529E\u4E8B\u9879${t.items}\u9879\uFF0C\u5DF2\u9500\u53F7${t.closed}\u9879\uFF0C\u5B8C\u6210\u7387${pct(t.closed, t.items)}%\uFF1B\u63A8\u8FDB\u4E2D${t.inProgress}\u9879\uFF0C\u672A\u542F\u52A8${t.notStarted}\u9879\uFF0C\u903E\u671F\u672A\u5B8C\u6210${t.overdue}\u9879\u3002\u672C\u6708\u65B0\u9500\u53F7${t.closedThisMonth}\u9879\u3002\u672C\u6708\u53EC\u5F00\u5E02\u957F\u8C03\u5EA6\u4F1A${d.meetings.mayor}\u6B21\u3001\u4E13\u73ED\u8C03\u5EA6\u4F1A${d.meetings.task_force}\u6B21\u3001\u4E13\u9898\u8C03\u5EA6\u4F1A${d.meetings.special}\u6B21\uFF0C\u5F62\u6210\u8BAE\u5B9A\u4E8B\u9879${d.meetings.decisions}\u9879\u3002` + (lists ? `\u5206\u6E05\u5355\u770B\uFF1A${lists}\u3002` : ""),
    progressByArea: areas ? `${areas}\u3002` : "\u672C\u6708\u6682\u65E0\u5206\u9886\u57DF\u6570\u636E\u3002",
    problems: (t.overdue ? `\u4E00\u662F\u4ECD\u6709${t.overdue}\u9879\u4E8B\u9879\u903E\u671F\u672A\u5B8C\u6210\uFF0C` : "\u4E00\u662F\u672C\u6708\u65E0\u903E\u671F\u4E8B\u9879\uFF0C") + (worst ? `${worst}\u7B49\u5355\u4F4D\u903E\u671F\u6216\u6EDE\u540E\u4E8B\u9879\u8F83\u591A\u3002` : "\u4E2A\u522B\u5355\u4F4D\u8FDB\u5C55\u62A5\u9001\u4E0D\u53CA\u65F6\u3002") + `\u4E8C\u662F\u672C\u6708\u4E0B\u53D1\u7763\u529E\u5355${d.notices.notice}\u4EFD\uFF0C${d.named.length ? `${d.named.length}\u9879\u4E8B\u9879\u8FDB\u5165\u901A\u62A5\u6216\u7EA6\u8C08\u73AF\u8282` : "\u5C1A\u65E0\u4E8B\u9879\u8FDB\u5165\u901A\u62A5\u73AF\u8282"}\u3002`,
    nextSteps: "\u4E00\u662F\u538B\u5B9E\u7275\u5934\u5355\u4F4D\u8D23\u4EFB\uFF0C\u5BF9\u903E\u671F\u4E8B\u9879\u9010\u9879\u660E\u786E\u6574\u6539\u65F6\u9650\uFF1B\u4E8C\u662F\u575A\u6301\u5468\u7763\u67E5\u3001\u6708\u901A\u62A5\uFF0C\u5BF9\u8FDE\u7EED\u4E0A\u699C\u9ED1\u699C\u7684\u5355\u4F4D\u7531\u9886\u5BFC\u5C0F\u7EC4\u529E\u516C\u5BA4\u7EA6\u8C08\uFF1B\u4E09\u662F\u52A0\u5F3A\u8C03\u5EA6\u4F1A\u8BAE\u5B9A\u4E8B\u9879\u8DDF\u8E2A\u95EE\u6548\uFF0C\u786E\u4FDD\u6309\u671F\u9500\u53F7\u3002"
  };
}
export {
  draftCommentary,
  gatherBulletinData,
  monthRange
};
//# sourceMappingURL=bulletin.data.js.map
