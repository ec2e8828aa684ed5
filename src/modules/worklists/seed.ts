import type { ItemKind, ItemStatus, ReportStatus } from '../../common/schemas/worklists.js';
import { addDays } from '../../common/dates.js';
import { type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findUserByUsername } from '../org/index.js';
import { DEMO_UNIT } from '../org/seed.js';
import { loadUnitResolver } from '../org/units.service.js';
import { today } from './deadlines.js';
import * as D from './demo-data.js';
import { insertEvents, insertExtension, insertEvidence, insertNote, insertReports } from './progress.repository.js';
import {
  type ItemValues,
  findWorklistByName,
  insertItems,
  insertPublicityRows,
  insertWorklist,
  replaceAssignments,
  setItemDeadline,
} from './worklists.repository.js';

/**
 * The demo data set of the work lists, with the reference city's counts (382 tasks with 15 lead
 * units, 214 problems for 15 departments and 9 counties, a question bank, 256 improvements, typical
 * cases) — all text generated from phrase banks and marked 演示. Reports, returns, overdue items,
 * extensions and instructions are spread over the units so every page has something to show.
 * Idempotent: nothing happens when the demo task list already exists.
 */
export const DEMO_LISTS: Record<ItemKind, string> = {
  task: '实施方案4.0（演示数据）',
  problem: '2023年度评价问题清单（演示数据）',
  question: '营商环境评价试题清单（演示数据）',
  improvement: '国家和自治区提升清单（演示数据）',
  case: '典型案例（演示数据）',
};
const TASK_LEADS = [
  '市市场监管局',
  '市行政审批局',
  '市人社局',
  '市住建局',
  '市自然资源局',
  '市财政局',
  '市公共资源交易中心',
  '呼和浩特供电公司',
  '春华水务',
  '市不动产登记中心',
  '人行呼和浩特分行',
  '市中院',
  '市税务局',
  '市大数据局',
  '市发改委',
];
const COUNTIES = ['新城区', '回民区', '玉泉区', '赛罕区', '土默特左旗', '托克托县', '和林格尔县', '清水河县', '武川县'];
const COUNTS = { task: 382, problem: 214, questionCity: 80, questionCounty: 60, improvement: 256, case: 36 };

/** A small deterministic generator, so the demo looks the same on every installation. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

interface Spec {
  kind: ItemKind;
  code: string;
  area: string;
  content: string;
  measures: string;
  lead: number[];
  coop: number[];
  deadline: string | null;
  extra: Partial<ItemValues>;
}

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function seedDemoWorklists(ctx: AppContext): Promise<{ added: number }> {
  return withTransaction(ctx.db, async (trx) => {
    if (await findWorklistByName(trx, 'task', DEMO_LISTS.task)) return { added: 0 };
    const resolver = await loadUnitResolver(trx);
    const unit = (name: string) => {
      const u = resolver.resolve(name);
      if (!u) throw new Error(`demo seed: unknown unit ${name}`);
      return u.id;
    };
    const users = new Map(
      (await Promise.all(['liaison', 'unit_head', 'office', 'leader'].map((n) => findUserByUsername(trx, n)))).flatMap((u) =>
        u ? [[u.username, u.id] as const] : [],
      ),
    );
    const demoUnit = resolver.resolve(DEMO_UNIT)?.id;
    const rnd = random(2024);
    const day = today(ctx.clock);
    const now = ctx.clock().getTime();
    const isoDaysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
    const departments = resolver.all.filter((u) => u.kind === 'department' && u.status === 'active').map((u) => u.id);
    const coopFrom = (pool: number[], lead: number[], n: number) =>
      [...new Set(Array.from({ length: n }, () => rnd.pick(pool)))].filter((u) => !lead.includes(u));
    const deadline = (ongoingShare: number) => (rnd.next() < ongoingShare ? null : addDays(day, rnd.int(-90, 240)));
    const content = (a: D.AreaBank) => `${rnd.pick(D.VERBS)}${rnd.pick(a.objects)}，${rnd.pick(D.GOALS)}`;
    const measures = () => `${rnd.pick(D.MEASURE_PARTS)}；${rnd.pick(D.MEASURE_PARTS)}。`;

    const specs: Spec[] = [];
    for (let i = 0; i < COUNTS.task; i++) {
      const a = D.AREAS[i % D.AREAS.length];
      // Mostly the area's usual lead unit; every fifth task goes round all 15 lead units.
      const usual = a.leads.filter((l) => TASK_LEADS.includes(l));
      const leadName = i % 5 === 4 || !usual.length ? TASK_LEADS[Math.floor(i / 5) % TASK_LEADS.length] : usual[i % usual.length];
      const lead = [unit(leadName)];
      specs.push({
        kind: 'task',
        code: String(i + 1),
        area: a.area,
        content: content(a),
        measures: measures(),
        lead,
        coop: coopFrom(departments, lead, rnd.int(0, 3)),
        deadline: deadline(0.12),
        extra: {},
      });
    }
    const problemLeads = [...TASK_LEADS.map(unit), ...COUNTIES.map(unit)];
    for (let i = 0; i < COUNTS.problem; i++) {
      const a = D.AREAS[i % D.AREAS.length];
      const lead = [problemLeads[i % problemLeads.length]];
      specs.push({
        kind: 'problem',
        code: String(i + 1),
        area: a.area,
        content: `${a.area}：${rnd.pick(D.PROBLEM_FINDINGS)}`,
        measures: measures(),
        lead,
        coop: coopFrom(departments, lead, rnd.int(0, 2)),
        deadline: deadline(0.05),
        extra: { source_evaluation: D.PROBLEM_SOURCE, rectification: `${rnd.pick(D.RECTIFICATIONS)}，${rnd.pick(D.GOALS)}` },
      });
    }
    for (let i = 0; i < COUNTS.questionCity + COUNTS.questionCounty; i++) {
      const county = i >= COUNTS.questionCity;
      const a = D.AREAS[i % D.AREAS.length];
      const lead = [county ? unit(COUNTIES[i % COUNTIES.length]) : unit(a.leads[0])];
      const max = rnd.int(2, 10);
      specs.push({
        kind: 'question',
        code: `${county ? 'X' : 'S'}${String(i + 1).padStart(3, '0')}`,
        area: a.area,
        content: `${rnd.pick(a.objects)}${rnd.pick(D.QUESTION_STEMS)}？`,
        measures: '',
        lead,
        coop: [],
        deadline: addDays(day, rnd.int(10, 120)),
        extra: {
          level: county ? 'county' : 'city',
          max_score: max,
          self_score: rnd.next() < 0.5 ? Math.round(max * (0.5 + rnd.next() / 2) * 2) / 2 : null,
          scoring_rule: rnd.pick(D.SCORING_RULES),
        },
      });
    }
    for (let i = 0; i < COUNTS.improvement; i++) {
      const a = D.AREAS[(i * 7) % D.AREAS.length];
      const lead = [unit(rnd.pick(a.leads))];
      specs.push({
        kind: 'improvement',
        code: String(i + 1),
        area: a.area,
        content: content(a),
        measures: measures(),
        lead,
        coop: coopFrom(departments, lead, rnd.int(0, 2)),
        deadline: deadline(0.2),
        extra: {},
      });
    }
    const stages = ['declared', 'nurtured', 'selected', 'promoted'] as const;
    for (let i = 0; i < COUNTS.case; i++) {
      const lead = [i % 3 === 0 && demoUnit ? demoUnit : rnd.pick(problemLeads)];
      specs.push({
        kind: 'case',
        code: String(i + 1),
        area: rnd.pick(D.AREAS).area,
        content:
          `${D.CASE_TITLES[i % D.CASE_TITLES.length]}` +
          `${i >= D.CASE_TITLES.length ? `（${Math.floor(i / D.CASE_TITLES.length) + 1}）` : ''}`,
        measures: measures(),
        lead,
        coop: [],
        deadline: null,
        extra: { stage: stages[Math.min(3, Math.floor((i * 4) / COUNTS.case + rnd.next() * 0.5))] },
      });
    }

    // Lists and items.
    const listIds = {} as Record<ItemKind, number>;
    const at = isoDaysAgo(120);
    for (const kind of Object.keys(DEMO_LISTS) as ItemKind[]) {
      listIds[kind] = await insertWorklist(
        trx,
        { name: DEMO_LISTS[kind], kind, description: '演示数据：由系统生成，非真实清单 / synthetic demo data' },
        at,
      );
    }
    // Status plan: each lead unit gets a few items waiting at each step, the rest spread at random.
    const perUnit = new Map<number, number>();
    const plan = specs.map((s): ItemStatus => {
      const n = perUnit.get(s.lead[0]) ?? 0;
      perUnit.set(s.lead[0], n + 1);
      if (s.kind === 'case') return s.extra.stage === 'declared' ? 'in_progress' : 'closed';
      const fixed: ItemStatus[] = ['submitted', 'returned', 'under_review', 'in_progress', 'not_started'];
      if (n < fixed.length) return fixed[n];
      const x = rnd.next();
      return x < 0.28
        ? 'closed'
        : x < 0.36
          ? 'under_review'
          : x < 0.42
            ? 'submitted'
            : x < 0.47
              ? 'returned'
              : x < 0.8
                ? 'in_progress'
                : 'not_started';
    });
    // An office chases what falls behind: few open items are overdue, and mostly by days, not months.
    // Without this a quarter of the open items would be weeks overdue and the ladder would open at 约谈.
    specs.forEach((s, i) => {
      if (plan[i] === 'closed' || s.deadline === null || s.deadline >= day) return;
      s.deadline = rnd.next() < 0.75 ? addDays(day, rnd.int(3, 200)) : addDays(day, -1 - Math.floor(rnd.next() ** 2 * 30));
    });
    const returnReason = plan.map((st) => (st === 'returned' ? rnd.pick(D.RETURN_REASONS) : null));
    const percent = plan.map((st) => (st === 'closed' ? 100 : st === 'not_started' ? 0 : rnd.int(2, 8) * 10));
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
        ongoing: s.deadline === null && s.kind !== 'case' ? 1 : 0,
        status: plan[i],
        // An item with a report on its way shows that report's percent, as the item page and lists present it.
        percent: percent[i],
        return_reason: returnReason[i],
        tags_json: JSON.stringify(i % 11 === 0 ? ['重点督办'] : []),
        closed_at: plan[i] === 'closed' ? isoDaysAgo(rnd.int(1, 30)) : null,
        created_at: at,
        updated_at: isoDaysAgo(rnd.int(0, 20)),
        ...s.extra,
      })),
    );
    await replaceAssignments(
      trx,
      [],
      specs.flatMap((s, i) => [
        ...s.lead.map((u) => ({ item_id: ids[i], unit_id: u, role: 'lead' })),
        ...s.coop.map((u) => ({ item_id: ids[i], unit_id: u, role: 'coop' })),
      ]),
    );

    // Reports and the timeline that goes with each status.
    const reportStatus: Partial<Record<ItemStatus, ReportStatus>> = {
      submitted: 'pending_head',
      under_review: 'pending_office',
      returned: 'office_returned',
      closed: 'accepted',
      in_progress: 'accepted',
    };
    const reports: Parameters<typeof insertReports>[1] = [];
    const reportItem: number[] = [];
    const events: Parameters<typeof insertEvents>[1] = [];
    const ev = (i: number, daysAgo: number, type: string, actor: string, data: Record<string, unknown> = {}) =>
      events.push({ item_id: ids[i], at: isoDaysAgo(daysAgo), type, actor_id: null, actor_name: actor, data_json: JSON.stringify(data) });
    specs.forEach((s, i) => {
      ev(i, 120, 'imported', SYSTEM_ACTOR.displayName, { list: DEMO_LISTS[s.kind], row: i + 1, created: true });
      const st = plan[i];
      const rs = reportStatus[st];
      if (!rs || (st === 'in_progress' && rnd.next() < 0.4)) return;
      const mine = s.lead[0] === demoUnit;
      const unitName = resolver.all.find((u) => u.id === s.lead[0])?.aliases[0] ?? '单位';
      const pct = st === 'closed' ? 100 : percent[i];
      const d = rnd.int(3, 25);
      reports.push({
        item_id: ids[i],
        unit_id: s.lead[0],
        role: 'lead',
        author_id: mine ? (users.get('liaison') ?? null) : null,
        text: st === 'closed' ? D.REPORT_TEXTS[4] : rnd.pick(D.REPORT_TEXTS.slice(0, 4)),
        percent: pct,
        status: rs,
        head_id: rs !== 'pending_head' && mine ? (users.get('unit_head') ?? null) : null,
        head_note: null,
        reviewer_id: ['accepted', 'office_returned'].includes(rs) ? (users.get('office') ?? null) : null,
        review_note: rs === 'office_returned' ? returnReason[i] : null,
        created_at: isoDaysAgo(d),
        updated_at: isoDaysAgo(d - 1),
      });
      reportItem.push(i);
      ev(i, d, 'reported', `${unitName}联络员`, { percent: pct, role: 'lead' });
      if (rs === 'pending_head') return;
      ev(i, d - 1, 'head_approved', `${unitName}负责人`);
      if (rs === 'office_returned') ev(i, d - 2, 'returned', '专班工作人员（演示）', { reason: returnReason[i] });
      if (rs === 'accepted') ev(i, d - 2, 'accepted', '专班工作人员（演示）', { percent: pct });
      if (st === 'closed') ev(i, d - 2, 'closed', '专班工作人员（演示）');
    });
    const reportIds = await insertReports(trx, reports);
    // Evidence on the demo unit's closed items, so its pages have files to open.
    for (const [k, i] of reportItem.entries()) {
      if (specs[i].lead[0] !== demoUnit || plan[i] !== 'closed') continue;
      await insertEvidence(
        trx,
        {
          item_id: ids[i],
          report_id: reportIds[k],
          unit_id: demoUnit,
          uploader_id: users.get('liaison') ?? null,
          filename: `佐证材料-${specs[i].code}.pdf`,
          mime: 'application/pdf',
          size: TINY_PDF.length,
          sha256: 'demo',
          created_at: reports[k].created_at,
        },
        TINY_PDF,
      );
    }

    // Extensions, instructions, comments and case publicity.
    const open = specs.map((_, i) => i).filter((i) => plan[i] !== 'closed' && specs[i].deadline !== null && specs[i].kind !== 'question');
    for (const [n, i] of open.filter((_, k) => k % 17 === 0).entries()) {
      const status = n % 3 === 0 ? 'pending' : n % 3 === 1 ? 'approved' : 'refused';
      const old = specs[i].deadline!;
      const requested = addDays(old, 30 * rnd.int(1, 3));
      await insertExtension(trx, {
        item_id: ids[i],
        unit_id: specs[i].lead[0],
        requester_id: specs[i].lead[0] === demoUnit ? (users.get('liaison') ?? null) : null,
        reason: rnd.pick(D.EXTENSION_REASONS),
        old_deadline: old,
        requested_deadline: requested,
        status,
        decider_id: status === 'pending' ? null : (users.get('office') ?? null),
        decision_note: status === 'refused' ? '理由不充分，请按原时限推进' : null,
        created_at: isoDaysAgo(10),
        decided_at: status === 'pending' ? null : isoDaysAgo(8),
      });
      if (status === 'approved') await setItemDeadline(trx, ids[i], requested);
      ev(i, 10, 'extension_requested', '单位联络员', { from: old, to: requested });
      if (status !== 'pending')
        ev(i, 8, status === 'approved' ? 'extension_approved' : 'extension_refused', '专班工作人员（演示）', { from: old, to: requested });
    }
    for (const i of open.filter((_, k) => k % 23 === 5)) {
      await insertNote(trx, {
        item_id: ids[i],
        kind: 'instruction',
        author_id: users.get('leader') ?? null,
        text: rnd.pick(D.INSTRUCTIONS),
        created_at: isoDaysAgo(6),
      });
      ev(i, 6, 'instruction', '市领导（演示）');
    }
    for (const i of open.filter((_, k) => k % 29 === 3)) {
      await insertNote(trx, {
        item_id: ids[i],
        kind: 'comment',
        author_id: users.get('office') ?? null,
        text: '请于本周五前补充最新进展。',
        created_at: isoDaysAgo(4),
      });
      ev(i, 4, 'comment', '专班工作人员（演示）');
    }
    const publicity = specs.flatMap((s, i) =>
      s.kind === 'case' && ['selected', 'promoted'].includes(String(s.extra.stage))
        ? Array.from({ length: rnd.int(1, 3) }, (_, k) => {
            const o = D.OUTLETS[(i + k) % D.OUTLETS.length];
            return { item_id: ids[i], level: o.level, outlet: o.outlet, date: addDays(day, -rnd.int(5, 200)), link: null };
          })
        : [],
    );
    await insertPublicityRows(trx, publicity);
    events.sort((a, b) => (a.at < b.at ? -1 : 1));
    await insertEvents(trx, events);
    await audit(ctx, trx, SYSTEM_ACTOR, {
      action: 'worklist.seed',
      entity: 'worklist',
      entityId: null,
      after: { items: specs.length, reports: reports.length },
    });
    return { added: specs.length };
  });
}
