import { today } from "../worklists/deadlines.js";
import { dueOn } from "./figures.js";
import { scoreFormula } from "./score.js";
import { loadSettings } from "./settings.service.js";
import { listActiveUnits, listLeadItems, listSnapshots, recentInstructions } from "./supervision.repository.js";
import { getSnapshot } from "./weekly.service.js";
const pct = (a, b) => b ? Math.round(a / b * 1e3) / 10 : 0;
const UPCOMING_WORKDAYS = 10;
async function getCockpit(ctx, actor, q) {
  const day = today(ctx.clock);
  const scope = { ...q.kind ? { kind: q.kind } : {}, ...q.listId ? { listId: q.listId } : {} };
  const [pairs, units, snapshots, notes, settings] = await Promise.all([
    listLeadItems(ctx.db, q),
    listActiveUnits(ctx.db),
    listSnapshots(ctx.db, 12),
    recentInstructions(ctx.db, 20),
    loadSettings(ctx.db)
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byUnit = /* @__PURE__ */ new Map();
  const items = /* @__PURE__ */ new Map();
  const dueOf = dueOn(day);
  for (const p of pairs) {
    const due = dueOf(p.deadline, p.status);
    const u = byUnit.get(p.unit_id) ?? { assigned: 0, closed: 0, overdue: 0 };
    u.assigned++;
    if (p.status === "closed") u.closed++;
    if (due.overdue) u.overdue++;
    byUnit.set(p.unit_id, u);
    const it = items.get(p.item_id);
    if (it) it.leads.push(p.unit_id);
    else items.set(p.item_id, { row: p, leads: [p.unit_id], overdue: due.overdue, dueIn: due.dueInWorkdays });
  }
  const byList = /* @__PURE__ */ new Map();
  let closed = 0;
  let overdue = 0;
  for (const { row, overdue: late } of items.values()) {
    const l = byList.get(row.list_id) ?? { listId: row.list_id, name: row.list_name, kind: row.kind, total: 0, closed: 0, overdue: 0, byStatus: {}, drill: { ...scope, listId: row.list_id } };
    l.total++;
    l.byStatus[row.status] = (l.byStatus[row.status] ?? 0) + 1;
    if (row.status === "closed") {
      l.closed++;
      closed++;
    }
    if (late) {
      l.overdue++;
      overdue++;
    }
    byList.set(row.list_id, l);
  }
  const upcoming = [...items.values()].filter((i) => i.row.status !== "closed" && i.dueIn !== null && i.dueIn >= 0 && i.dueIn <= UPCOMING_WORKDAYS).sort((a, b) => a.dueIn - b.dueIn || a.row.code.localeCompare(b.row.code)).slice(0, 50).map((i) => ({
    itemId: i.row.item_id,
    code: i.row.code,
    content: i.row.content,
    deadline: i.row.deadline,
    dueInWorkdays: i.dueIn,
    leadUnits: i.leads.map((id) => ({ id, name: unitName.get(id) ?? String(id) })),
    drill: { listId: i.row.list_id, q: i.row.code }
  }));
  const latest = snapshots.length ? await getSnapshot(ctx, actor, snapshots[0].id) : null;
  return {
    asOf: day,
    totals: { items: items.size, closed, open: items.size - closed, overdue, completionRate: pct(closed, items.size) },
    byUnit: [...byUnit.entries()].map(([id, u]) => ({
      unit: { id, name: unitName.get(id) ?? String(id) },
      ...u,
      completionRate: pct(u.closed, u.assigned),
      drill: { ...scope, unitId: id, role: "lead" },
      overdueDrill: { ...scope, unitId: id, role: "lead", overdue: "true" }
    })).sort((a, b) => b.completionRate - a.completionRate || a.overdue - b.overdue),
    byList: [...byList.values()],
    trend: snapshots.map((s) => {
      const t = JSON.parse(s.totals_json);
      return { weekOf: s.week_of, assigned: t.assigned, closed: t.closed, overdue: t.overdue };
    }).reverse(),
    redBlack: latest ? { weekOf: latest.weekOf, red: latest.red, black: latest.black, formula: latest.formula } : { weekOf: null, red: [], black: [], formula: scoreFormula(settings.score) },
    instructions: notes.map((n) => ({ itemId: n.item_id, code: n.code, content: n.content, text: n.text, author: n.author, createdAt: n.created_at, drill: { q: n.code } })),
    upcoming,
    drillPath: "/api/v1/items"
  };
}
export {
  getCockpit
};
//# sourceMappingURL=cockpit.service.js.map
