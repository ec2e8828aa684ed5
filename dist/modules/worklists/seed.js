import { addDays } from "../../common/workdays.js";
import { SYSTEM_ACTOR } from "../../context.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { DEMO_UNIT } from "../org/seed.js";
import { loadUnitResolver } from "../org/units.service.js";
import { today } from "./deadlines.js";
import * as D from "./demo-data.js";
import { insertEvents, insertExtension, insertEvidence, insertNote, insertReports } from "./progress.repository.js";
import { findWorklistByName, insertItems, insertPublicityRows, insertWorklist, replaceAssignments } from "./worklists.repository.js";
const DEMO_LISTS = {
  task: "\u5B9E\u65BD\u65B9\u68484.0\uFF08\u6F14\u793A\u6570\u636E\uFF09",
  problem: "2023\u5E74\u5EA6\u8BC4\u4EF7\u95EE\u9898\u6E05\u5355\uFF08\u6F14\u793A\u6570\u636E\uFF09",
  question: "\u8425\u5546\u73AF\u5883\u8BC4\u4EF7\u8BD5\u9898\u6E05\u5355\uFF08\u6F14\u793A\u6570\u636E\uFF09",
  improvement: "\u56FD\u5BB6\u548C\u81EA\u6CBB\u533A\u63D0\u5347\u6E05\u5355\uFF08\u6F14\u793A\u6570\u636E\uFF09",
  case: "\u5178\u578B\u6848\u4F8B\uFF08\u6F14\u793A\u6570\u636E\uFF09"
};
const TASK_LEADS = ["\u5E02\u5E02\u573A\u76D1\u7BA1\u5C40", "\u5E02\u884C\u653F\u5BA1\u6279\u5C40", "\u5E02\u4EBA\u793E\u5C40", "\u5E02\u4F4F\u5EFA\u5C40", "\u5E02\u81EA\u7136\u8D44\u6E90\u5C40", "\u5E02\u8D22\u653F\u5C40", "\u5E02\u516C\u5171\u8D44\u6E90\u4EA4\u6613\u4E2D\u5FC3", "\u547C\u548C\u6D69\u7279\u4F9B\u7535\u516C\u53F8", "\u6625\u534E\u6C34\u52A1", "\u5E02\u4E0D\u52A8\u4EA7\u767B\u8BB0\u4E2D\u5FC3", "\u4EBA\u884C\u547C\u548C\u6D69\u7279\u5206\u884C", "\u5E02\u4E2D\u9662", "\u5E02\u7A0E\u52A1\u5C40", "\u5E02\u5927\u6570\u636E\u5C40", "\u5E02\u53D1\u6539\u59D4"];
const COUNTIES = ["\u65B0\u57CE\u533A", "\u56DE\u6C11\u533A", "\u7389\u6CC9\u533A", "\u8D5B\u7F55\u533A", "\u571F\u9ED8\u7279\u5DE6\u65D7", "\u6258\u514B\u6258\u53BF", "\u548C\u6797\u683C\u5C14\u53BF", "\u6E05\u6C34\u6CB3\u53BF", "\u6B66\u5DDD\u53BF"];
const COUNTS = { task: 382, problem: 214, questionCity: 80, questionCounty: 60, improvement: 256, case: 36 };
function random(seed) {
  let a = seed;
  const next = () => {
    a = a + 1831565813 | 0;
    let t = Math.imul(a ^ a >>> 15, 1 | a);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}
const TINY_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
async function seedDemoWorklists(ctx) {
  return withTransaction(ctx.db, async (trx) => {
    if (await findWorklistByName(trx, "task", DEMO_LISTS.task)) return { added: 0 };
    const resolver = await loadUnitResolver(trx);
    const unit = (name) => {
      const u = resolver.resolve(name);
      if (!u) throw new Error(`demo seed: unknown unit ${name}`);
      return u.id;
    };
    const users = new Map((await trx.selectFrom("app_user").select(["id", "username"]).where("username", "in", ["liaison", "unit_head", "office", "leader"]).execute()).map((u) => [u.username, u.id]));
    const demoUnit = resolver.resolve(DEMO_UNIT)?.id;
    const rnd = random(2024);
    const day = today(ctx.clock);
    const now = ctx.clock().getTime();
    const isoDaysAgo = (d) => new Date(now - d * 864e5).toISOString();
    const departments = resolver.all.filter((u) => u.kind === "department" && u.status === "active").map((u) => u.id);
    const coopFrom = (pool, lead, n) => [...new Set(Array.from({ length: n }, () => rnd.pick(pool)))].filter((u) => !lead.includes(u));
    const deadline = (ongoingShare) => rnd.next() < ongoingShare ? null : addDays(day, rnd.int(-90, 240));
    const content = (a) => `${rnd.pick(D.VERBS)}${rnd.pick(a.objects)}\uFF0C${rnd.pick(D.GOALS)}`;
    const measures = () => `${rnd.pick(D.MEASURE_PARTS)}\uFF1B${rnd.pick(D.MEASURE_PARTS)}\u3002`;
    const specs = [];
    for (let i = 0; i < COUNTS.task; i++) {
      const a = D.AREAS[i % D.AREAS.length];
      const usual = a.leads.filter((l) => TASK_LEADS.includes(l));
      const leadName = i % 5 === 4 || !usual.length ? TASK_LEADS[Math.floor(i / 5) % TASK_LEADS.length] : usual[i % usual.length];
      const lead = [unit(leadName)];
      specs.push({ kind: "task", code: String(i + 1), area: a.area, content: content(a), measures: measures(), lead, coop: coopFrom(departments, lead, rnd.int(0, 3)), deadline: deadline(0.12), extra: {} });
    }
    const problemLeads = [...TASK_LEADS.map(unit), ...COUNTIES.map(unit)];
    for (let i = 0; i < COUNTS.problem; i++) {
      const a = D.AREAS[i % D.AREAS.length];
      const lead = [problemLeads[i % problemLeads.length]];
      specs.push({
        kind: "problem",
        code: String(i + 1),
        area: a.area,
        content: `${a.area}\uFF1A${rnd.pick(D.PROBLEM_FINDINGS)}`,
        measures: measures(),
        lead,
        coop: coopFrom(departments, lead, rnd.int(0, 2)),
        deadline: deadline(0.05),
        extra: { source_evaluation: D.PROBLEM_SOURCE, rectification: `${rnd.pick(D.RECTIFICATIONS)}\uFF0C${rnd.pick(D.GOALS)}` }
      });
    }
    for (let i = 0; i < COUNTS.questionCity + COUNTS.questionCounty; i++) {
      const county = i >= COUNTS.questionCity;
      const a = D.AREAS[i % D.AREAS.length];
      const lead = [county ? unit(COUNTIES[i % COUNTIES.length]) : unit(a.leads[0])];
      const max = rnd.int(2, 10);
      specs.push({
        kind: "question",
        code: `${county ? "X" : "S"}${String(i + 1).padStart(3, "0")}`,
        area: a.area,
        content: `${rnd.pick(a.objects)}${rnd.pick(D.QUESTION_STEMS)}\uFF1F`,
        measures: "",
        lead,
        coop: [],
        deadline: addDays(day, rnd.int(10, 120)),
        extra: { level: county ? "county" : "city", max_score: max, self_score: rnd.next() < 0.5 ? Math.round(max * (0.5 + rnd.next() / 2) * 2) / 2 : null, scoring_rule: rnd.pick(D.SCORING_RULES) }
      });
    }
    for (let i = 0; i < COUNTS.improvement; i++) {
      const a = D.AREAS[i * 7 % D.AREAS.length];
      const lead = [unit(rnd.pick(a.leads))];
      specs.push({ kind: "improvement", code: String(i + 1), area: a.area, content: content(a), measures: measures(), lead, coop: coopFrom(departments, lead, rnd.int(0, 2)), deadline: deadline(0.2), extra: {} });
    }
    const stages = ["declared", "nurtured", "selected", "promoted"];
    for (let i = 0; i < COUNTS.case; i++) {
      const lead = [i % 3 === 0 && demoUnit ? demoUnit : rnd.pick(problemLeads)];
      specs.push({
        kind: "case",
        code: String(i + 1),
        area: rnd.pick(D.AREAS).area,
        content: `${D.CASE_TITLES[i % D.CASE_TITLES.length]}${i >= D.CASE_TITLES.length ? `\uFF08${Math.floor(i / D.CASE_TITLES.length) + 1}\uFF09` : ""}`,
        measures: measures(),
        lead,
        coop: [],
        deadline: null,
        extra: { stage: stages[Math.min(3, Math.floor(i * 4 / COUNTS.case + rnd.next() * 0.5))] }
      });
    }
    const listIds = {};
    const at = isoDaysAgo(120);
    for (const kind of Object.keys(DEMO_LISTS)) {
      listIds[kind] = await insertWorklist(trx, { name: DEMO_LISTS[kind], kind, description: "\u6F14\u793A\u6570\u636E\uFF1A\u7531\u7CFB\u7EDF\u751F\u6210\uFF0C\u975E\u771F\u5B9E\u6E05\u5355 / synthetic demo data" }, at);
    }
    const perUnit = /* @__PURE__ */ new Map();
    const plan = specs.map((s) => {
      const n = perUnit.get(s.lead[0]) ?? 0;
      perUnit.set(s.lead[0], n + 1);
      if (s.kind === "case") return s.extra.stage === "declared" ? "in_progress" : "closed";
      const fixed = ["submitted", "returned", "under_review", "in_progress", "not_started"];
      if (n < fixed.length) return fixed[n];
      const x = rnd.next();
      return x < 0.28 ? "closed" : x < 0.36 ? "under_review" : x < 0.42 ? "submitted" : x < 0.47 ? "returned" : x < 0.8 ? "in_progress" : "not_started";
    });
    const returnReason = plan.map((st) => st === "returned" ? rnd.pick(D.RETURN_REASONS) : null);
    const percent = plan.map((st) => st === "closed" ? 100 : st === "not_started" ? 0 : rnd.int(2, 8) * 10);
    const ids = await insertItems(
      trx,
      specs.map((s, i) => ({
        list_id: listIds[s.kind],
        kind: s.kind,
        code: s.code,
        sort_order: i + 1,
        area: s.area,
        content: s.content,
        measures: s.measures || null,
        deadline: s.deadline,
        ongoing: s.deadline === null && s.kind !== "case" ? 1 : 0,
        status: plan[i],
        // An item with a report on its way shows that report's percent, as the item page and lists present it.
        percent: percent[i],
        return_reason: returnReason[i],
        tags_json: JSON.stringify(i % 11 === 0 ? ["\u91CD\u70B9\u7763\u529E"] : []),
        closed_at: plan[i] === "closed" ? isoDaysAgo(rnd.int(1, 30)) : null,
        created_at: at,
        updated_at: isoDaysAgo(rnd.int(0, 20)),
        ...s.extra
      }))
    );
    await replaceAssignments(trx, [], specs.flatMap((s, i) => [...s.lead.map((u) => ({ item_id: ids[i], unit_id: u, role: "lead" })), ...s.coop.map((u) => ({ item_id: ids[i], unit_id: u, role: "coop" }))]));
    const reportStatus = { submitted: "pending_head", under_review: "pending_office", returned: "office_returned", closed: "accepted", in_progress: "accepted" };
    const reports = [];
    const reportItem = [];
    const events = [];
    const ev = (i, daysAgo, type, actor, data = {}) => events.push({ item_id: ids[i], at: isoDaysAgo(daysAgo), type, actor_id: null, actor_name: actor, data_json: JSON.stringify(data) });
    specs.forEach((s, i) => {
      ev(i, 120, "imported", SYSTEM_ACTOR.displayName, { list: DEMO_LISTS[s.kind], row: i + 1, created: true });
      const st = plan[i];
      const rs = reportStatus[st];
      if (!rs || st === "in_progress" && rnd.next() < 0.4) return;
      const mine = s.lead[0] === demoUnit;
      const unitName = resolver.all.find((u) => u.id === s.lead[0])?.aliases[0] ?? "\u5355\u4F4D";
      const pct = st === "closed" ? 100 : percent[i];
      const d = rnd.int(3, 25);
      reports.push({
        item_id: ids[i],
        unit_id: s.lead[0],
        role: "lead",
        author_id: mine ? users.get("liaison") ?? null : null,
        text: st === "closed" ? D.REPORT_TEXTS[4] : rnd.pick(D.REPORT_TEXTS.slice(0, 4)),
        percent: pct,
        status: rs,
        head_id: rs !== "pending_head" && mine ? users.get("unit_head") ?? null : null,
        head_note: null,
        reviewer_id: ["accepted", "office_returned"].includes(rs) ? users.get("office") ?? null : null,
        review_note: rs === "office_returned" ? returnReason[i] : null,
        created_at: isoDaysAgo(d),
        updated_at: isoDaysAgo(d - 1)
      });
      reportItem.push(i);
      ev(i, d, "reported", `${unitName}\u8054\u7EDC\u5458`, { percent: pct, role: "lead" });
      if (rs === "pending_head") return;
      ev(i, d - 1, "head_approved", `${unitName}\u8D1F\u8D23\u4EBA`);
      if (rs === "office_returned") ev(i, d - 2, "returned", "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09", { reason: returnReason[i] });
      if (rs === "accepted") ev(i, d - 2, "accepted", "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09", { percent: pct });
      if (st === "closed") ev(i, d - 2, "closed", "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09");
    });
    const reportIds = await insertReports(trx, reports);
    for (const [k, i] of reportItem.entries()) {
      if (specs[i].lead[0] !== demoUnit || plan[i] !== "closed") continue;
      await insertEvidence(trx, { item_id: ids[i], report_id: reportIds[k], unit_id: demoUnit, uploader_id: users.get("liaison") ?? null, filename: `\u4F50\u8BC1\u6750\u6599-${specs[i].code}.pdf`, mime: "application/pdf", size: TINY_PDF.length, sha256: "demo", created_at: reports[k].created_at }, TINY_PDF);
    }
    const open = specs.map((_, i) => i).filter((i) => plan[i] !== "closed" && specs[i].deadline !== null && specs[i].kind !== "question");
    for (const [n, i] of open.filter((_, k) => k % 17 === 0).entries()) {
      const status = n % 3 === 0 ? "pending" : n % 3 === 1 ? "approved" : "refused";
      const old = specs[i].deadline;
      const requested = addDays(old, 30 * rnd.int(1, 3));
      await insertExtension(trx, {
        item_id: ids[i],
        unit_id: specs[i].lead[0],
        requester_id: specs[i].lead[0] === demoUnit ? users.get("liaison") ?? null : null,
        reason: rnd.pick(D.EXTENSION_REASONS),
        old_deadline: old,
        requested_deadline: requested,
        status,
        decider_id: status === "pending" ? null : users.get("office") ?? null,
        decision_note: status === "refused" ? "\u7406\u7531\u4E0D\u5145\u5206\uFF0C\u8BF7\u6309\u539F\u65F6\u9650\u63A8\u8FDB" : null,
        created_at: isoDaysAgo(10),
        decided_at: status === "pending" ? null : isoDaysAgo(8)
      });
      if (status === "approved") await trx.updateTable("item").set({ deadline: requested }).where("id", "=", ids[i]).execute();
      ev(i, 10, "extension_requested", "\u5355\u4F4D\u8054\u7EDC\u5458", { from: old, to: requested });
      if (status !== "pending") ev(i, 8, status === "approved" ? "extension_approved" : "extension_refused", "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09", { from: old, to: requested });
    }
    for (const i of open.filter((_, k) => k % 23 === 5)) {
      await insertNote(trx, { item_id: ids[i], kind: "instruction", author_id: users.get("leader") ?? null, text: rnd.pick(D.INSTRUCTIONS), created_at: isoDaysAgo(6) });
      ev(i, 6, "instruction", "\u5E02\u9886\u5BFC\uFF08\u6F14\u793A\uFF09");
    }
    for (const i of open.filter((_, k) => k % 29 === 3)) {
      await insertNote(trx, { item_id: ids[i], kind: "comment", author_id: users.get("office") ?? null, text: "\u8BF7\u4E8E\u672C\u5468\u4E94\u524D\u8865\u5145\u6700\u65B0\u8FDB\u5C55\u3002", created_at: isoDaysAgo(4) });
      ev(i, 4, "comment", "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09");
    }
    const publicity = specs.flatMap(
      (s, i) => s.kind === "case" && ["selected", "promoted"].includes(String(s.extra.stage)) ? Array.from({ length: rnd.int(1, 3) }, (_, k) => {
        const o = D.OUTLETS[(i + k) % D.OUTLETS.length];
        return { item_id: ids[i], level: o.level, outlet: o.outlet, date: addDays(day, -rnd.int(5, 200)), link: null };
      }) : []
    );
    await insertPublicityRows(trx, publicity);
    events.sort((a, b) => a.at < b.at ? -1 : 1);
    await insertEvents(trx, events);
    await audit(ctx, trx, SYSTEM_ACTOR, { action: "worklist.seed", entity: "worklist", entityId: null, after: { items: specs.length, reports: reports.length } });
    return { added: specs.length };
  });
}
export {
  DEMO_LISTS,
  seedDemoWorklists
};
//# sourceMappingURL=seed.js.map
