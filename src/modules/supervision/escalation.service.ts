import { AppError } from '../../common/errors.js';
import { type EscalationRunView, type EscalationSettings, NOTICE_KIND_LABELS, type NoticeKind, type NoticeQuery, type NoticeView } from '../../common/schemas/supervision.js';
import { chinaDate } from '../../common/dates.js';
import { type WorkCalendar } from '../../common/workdays.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { recordEvent } from '../worklists/timeline.js';
import { loadSettings } from './settings.service.js';
import { type LeadItemRow, type NoticeListRow, countNoticesInYear, findNotice, firedStepKeys, insertNoticeOnce, listLeadItems, listNotices, replyToNotice } from './supervision.repository.js';

/** One rung of the ladder: its kind, its offset in working days from the deadline, and the day it falls on. */
export interface LadderStep {
  kind: NoticeKind;
  offset: number;
  dueOn: string;
}

/**
 * The steps of the ladder for a deadline, in order: reminders before it (farthest first), then
 * 督办单, 通报 and 约谈 after it. Every step falls on a working day: "1 working day before 10-01"
 * is 09-30, "1 working day after 09-30" is 10-08 when 10-01…10-07 are 国庆 holidays.
 */
export function ladderFor(deadline: string, e: EscalationSettings, cal: WorkCalendar): LadderStep[] {
  const steps: LadderStep[] = [];
  if (e.reminders.enabled) {
    for (const n of [...e.reminders.daysBefore].sort((a, b) => b - a)) steps.push({ kind: 'reminder', offset: -n, dueOn: cal.addWorkdays(deadline, -n) });
  }
  for (const kind of ['notice', 'bulletin', 'summons'] as const) {
    if (e[kind].enabled) steps.push({ kind, offset: e[kind].daysAfter, dueOn: cal.addWorkdays(deadline, e[kind].daysAfter) });
  }
  return steps;
}

/**
 * The step to fire today for one deadline, or none. Within each phase (before / after the deadline)
 * only the latest due step fires, and only if no later step of that phase already fired: a job that
 * missed days catches up with one message, not a burst of stale ones. Reminders stop at the deadline.
 */
export function stepToFire(steps: LadderStep[], day: string, deadline: string, fired: (s: LadderStep) => boolean): LadderStep | null {
  const phases = [steps.filter((s) => s.offset < 0 && day <= deadline), steps.filter((s) => s.offset > 0)];
  for (const phase of phases.reverse()) {
    const due = phase.filter((s) => s.dueOn <= day);
    if (!due.length) continue;
    const latest = due[due.length - 1];
    if (phase.slice(phase.indexOf(latest)).some(fired)) return null;
    return latest;
  }
  return null;
}

function message(kind: NoticeKind, item: LeadItemRow, step: LadderStep, extra: { number?: string | null; replyDue?: string | null }): { title: string; body: string } {
  const what = `【${item.list_name}】${item.code} ${item.content.slice(0, 60)}`;
  switch (kind) {
    case 'reminder':
      return { title: `到期提醒：${item.code} 将于 ${item.deadline} 到期`, body: `${what}\n完成时限 ${item.deadline}，还有 ${-step.offset} 个工作日，请按时报送进展。` };
    case 'notice':
      return {
        title: `督办单 ${extra.number}：${item.code} 已逾期`,
        body: `${what}\n完成时限 ${item.deadline} 已过，请于 ${extra.replyDue} 前书面回复整改情况。`,
      };
    case 'bulletin':
      return { title: `通报预警：${item.code} 逾期 ${step.offset} 个工作日`, body: `${what}\n逾期 ${step.offset} 个工作日，将在月度通报中点名。` };
    case 'summons':
      return { title: `约谈通知：${item.code} 逾期 ${step.offset} 个工作日`, body: `${what}\n逾期 ${step.offset} 个工作日仍未完成，领导小组办公室将约谈单位负责人。` };
  }
}

/**
 * The daily job: fires the reminders and escalation steps due on `date` (default: today in China)
 * for every open item with a deadline and each of its lead units. Idempotent — a step fires once
 * per (item, unit, deadline); on a rest day nothing fires and the steps wait for the next working day.
 */
export async function runEscalation(ctx: AppContext, actor: Actor, opts: { date?: string | undefined } = {}): Promise<EscalationRunView> {
  const day = opts.date ?? chinaDate(ctx.clock());
  const fired: Record<NoticeKind, number> = { reminder: 0, notice: 0, bulletin: 0, summons: 0 };
  const cal = await getWorkCalendar(ctx);
  if (!cal.isWorkday(day)) return { date: day, workday: false, fired, notified: 0 };
  return withTransaction(ctx.db, async (trx) => {
    const { escalation } = await loadSettings(trx);
    const items = await listLeadItems(trx, { openWithDeadline: true });
    const done = await firedStepKeys(trx, [...new Set(items.map((i) => i.item_id))]);
    let sequence = await countNoticesInYear(trx, day.slice(0, 4));
    let notified = 0;
    const at = ctx.clock().toISOString();
    for (const item of items) {
      const deadline = item.deadline!;
      const key = (s: LadderStep) => `${item.item_id}:${item.unit_id}:${s.kind}:${s.offset}:${deadline}`;
      const step = stepToFire(ladderFor(deadline, escalation, cal), day, deadline, (s) => done.has(key(s)));
      if (!step) continue;
      const isNotice = step.kind === 'notice';
      const number = isNotice ? `督办〔${day.slice(0, 4)}〕${++sequence}号` : null;
      const replyDue = isNotice ? cal.addWorkdays(day, escalation.notice.replyDays) : null;
      const id = await insertNoticeOnce(trx, {
        item_id: item.item_id,
        unit_id: item.unit_id,
        kind: step.kind,
        offset_days: step.offset,
        deadline,
        due_on: day,
        number,
        reply_due: replyDue,
        reply_text: null,
        replied_at: null,
        replied_by: null,
        status: isNotice ? 'awaiting_reply' : 'sent',
        created_at: at,
      });
      if (id === null) continue;
      done.add(key(step));
      fired[step.kind]++;
      await recordEvent(ctx, trx, actor, item.item_id, 'supervision', {
        step: step.kind,
        label: NOTICE_KIND_LABELS[step.kind].zh,
        noticeId: id,
        unitId: item.unit_id,
        offsetDays: step.offset,
        deadline,
        dueOn: day,
        ...(number ? { number, replyDue } : {}),
      });
      const m = message(step.kind, item, step, { number, replyDue });
      const link = `/supervision/notices?itemId=${item.item_id}`;
      notified += (await notify(ctx, trx, { unitIds: [item.unit_id], title: m.title, body: m.body, link })).notificationIds.length;
      // 通报 and 约谈 are the office's to carry out: it hears of them too.
      if (step.kind === 'bulletin' || step.kind === 'summons') {
        notified += (await notify(ctx, trx, { roles: ['office'], title: m.title, body: m.body, link })).notificationIds.length;
      }
    }
    const total = Object.values(fired).reduce((a, b) => a + b, 0);
    if (total) await audit(ctx, trx, actor, { action: 'supervision.escalate', entity: 'supervision_notice', entityId: null, after: { date: day, fired } });
    return { date: day, workday: true, fired, notified };
  });
}

// ---- notices as users see them ----

export function presentNotice(r: NoticeListRow): NoticeView {
  return {
    id: r.id,
    kind: r.kind as NoticeView['kind'],
    item: { id: r.item_id, code: r.code, content: r.content, listName: r.list_name },
    unit: { id: r.unit_id, name: r.unit_name },
    offsetDays: r.offset_days,
    deadline: r.deadline,
    dueOn: r.due_on,
    number: r.number,
    replyDue: r.reply_due,
    replyText: r.reply_text,
    repliedAt: r.replied_at,
    status: r.status as NoticeView['status'],
    createdAt: r.created_at,
  };
}

/** A liaison or unit head sees only their own unit's notices, whatever filter they send. */
function unitScope(actor: Actor): number | undefined {
  if (actor.role === 'liaison' || actor.role === 'unit_head') {
    if (!actor.unitId) throw new AppError('FORBIDDEN');
    return actor.unitId;
  }
  if (actor.role === 'office' || actor.role === 'admin' || actor.role === 'leader') return undefined;
  throw new AppError('FORBIDDEN');
}

export async function listNoticesFor(ctx: AppContext, actor: Actor, q: NoticeQuery) {
  const scoped = unitScope(actor);
  const { rows, total } = await listNotices(
    ctx.db,
    { unitId: scoped ?? q.unitId, kind: q.kind, itemId: q.itemId, status: q.status },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: rows.map(presentNotice), total, page: q.page, pageSize: q.pageSize };
}

/** The unit answers a 督办单 in writing; the answer lands on the item's timeline. */
export async function replyNotice(ctx: AppContext, actor: Actor, id: number, text: string): Promise<NoticeView> {
  return withTransaction(ctx.db, async (trx) => {
    const n = await findNotice(trx, id);
    const scoped = unitScope(actor);
    if (!n || (scoped !== undefined && n.unit_id !== scoped)) throw new AppError('NOT_FOUND');
    if (actor.role !== 'liaison' && actor.role !== 'unit_head') throw new AppError('FORBIDDEN');
    if (!(await replyToNotice(trx, id, { text, by: actor.id, at: ctx.clock().toISOString() }))) throw new AppError('NOTICE_NOT_AWAITING_REPLY');
    await recordEvent(ctx, trx, actor, n.item_id, 'supervision', { step: 'notice_reply', noticeId: id, number: n.number, unitId: n.unit_id });
    const after = presentNotice((await findNotice(trx, id))!);
    await audit(ctx, trx, actor, { action: 'supervision.notice.reply', entity: 'supervision_notice', entityId: id, before: presentNotice(n), after });
    await notify(ctx, trx, { roles: ['office'], title: `督办单 ${n.number ?? ''} 已回复：${n.unit_name}`, body: text.slice(0, 500), link: `/supervision/notices?itemId=${n.item_id}` });
    return after;
  });
}
