import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import {
  type EscalationRunView,
  type EscalationSettings,
  NOTICE_KIND_LABELS,
  type NoticeKind,
  type NoticeQuery,
  type NoticeView,
} from '../../common/schemas/supervision.js';
import { chinaDate } from '../../common/dates.js';
import { type WorkCalendar } from '../../common/workdays.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { recordEvent } from '../worklists/timeline.js';
import { loadSettings } from './settings.service.js';
import {
  type LeadItemRow,
  type NoticeListRow,
  countNoticesInYear,
  findNotice,
  firedStepKeys,
  insertNoticeOnce,
  listLeadItems,
  listNotices,
  replyToNotice,
} from './supervision.repository.js';

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
    for (const n of [...e.reminders.daysBefore].sort((a, b) => b - a))
      steps.push({ kind: 'reminder', offset: -n, dueOn: cal.addWorkdays(deadline, -n) });
  }
  for (const kind of ['notice', 'bulletin', 'summons'] as const) {
    if (e[kind].enabled) steps.push({ kind, offset: e[kind].daysAfter, dueOn: cal.addWorkdays(deadline, e[kind].daysAfter) });
  }
  return steps;
}

/**
 * The step to fire on `day` for one deadline, or none. The ladder climbs one step at a time: an item
 * first seen after its deadline (created or imported overdue) opens with a reminder (offset 0) rather
 * than jumping to 约谈, and each later step waits both for its own day counted from the deadline and
 * for the configured interval (the difference of the two steps' offsets) counted in working days from
 * the day the previous step actually fired. Reminders before the deadline catch up with one message,
 * not a burst of stale ones, and stop at the deadline. `firedOn` gives the day a step fired, if it did.
 */
export function stepToFire(
  steps: LadderStep[],
  day: string,
  deadline: string,
  cal: WorkCalendar,
  firedOn: (s: LadderStep) => string | undefined,
): LadderStep | null {
  const reminders = steps.filter((s) => s.offset < 0);
  const after = steps.filter((s) => s.offset > 0);
  const lateReminder: LadderStep | null = reminders.length ? { kind: 'reminder', offset: 0, dueOn: day } : null;
  const ladder = [...reminders, ...(lateReminder ? [lateReminder] : []), ...after];
  let last = -1;
  ladder.forEach((s, i) => {
    if (firedOn(s) !== undefined) last = i;
  });
  const latestDueReminder = (from: number) => reminders.filter((s, i) => i > from && s.dueOn <= day).at(-1) ?? null;
  if (last < 0) {
    if (day <= deadline) return latestDueReminder(-1);
    if (lateReminder) return lateReminder;
    return after.length && after[0].dueOn <= day ? after[0] : null;
  }
  const previous = ladder[last];
  if (previous.offset < 0 && day <= deadline) return latestDueReminder(last);
  // A reminder given before the deadline already opened the ladder: the next step is the first one after it.
  const next = previous.offset < 0 ? after[0] : ladder[last + 1];
  if (!next) return null;
  const waited = cal.addWorkdays(firedOn(previous)!, next.offset - previous.offset);
  const due = next.dueOn > waited ? next.dueOn : waited;
  return due <= day ? { ...next, dueOn: due } : null;
}

function message(
  kind: NoticeKind,
  item: LeadItemRow,
  day: string,
  cal: WorkCalendar,
  extra: { number?: string | null; replyDue?: string | null },
): { title: string; body: string } {
  const what = `【${item.list_name}】${item.code} ${item.content.slice(0, 60)}`;
  const deadline = item.deadline!;
  const late = cal.workdaysBetween(deadline, day);
  switch (kind) {
    case 'reminder':
      if (day > deadline) {
        return {
          title: `逾期提醒：${item.code} 已于 ${deadline} 到期`,
          body: `${what}\n完成时限 ${deadline} 已过 ${late} 个工作日，请尽快完成并报送进展。`,
        };
      }
      return {
        title: `到期提醒：${item.code} 将于 ${deadline} 到期`,
        body: `${what}\n完成时限 ${deadline}，还有 ${-late} 个工作日，请按时报送进展。`,
      };
    case 'notice':
      return {
        title: `督办单 ${extra.number}：${item.code} 已逾期`,
        body: `${what}\n完成时限 ${deadline} 已过，请于 ${extra.replyDue} 前书面回复整改情况。`,
      };
    case 'bulletin':
      return { title: `通报预警：${item.code} 逾期 ${late} 个工作日`, body: `${what}\n逾期 ${late} 个工作日，将在月度通报中点名。` };
    case 'summons':
      return {
        title: `约谈通知：${item.code} 逾期 ${late} 个工作日`,
        body: `${what}\n逾期 ${late} 个工作日仍未完成，领导小组办公室将约谈单位负责人。`,
      };
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
      const step = stepToFire(ladderFor(deadline, escalation, cal), day, deadline, cal, (s) => done.get(key(s)));
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
      done.set(key(step), day);
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
      const m = message(step.kind, item, day, cal, { number, replyDue });
      const link = `/supervision/notices?itemId=${item.item_id}`;
      notified += (await notify(ctx, trx, { unitIds: [item.unit_id], title: m.title, body: m.body, link, kind: 'escalation' }))
        .notificationIds.length;
      // 通报 and 约谈 are the office's to carry out: it hears of them too.
      if (step.kind === 'bulletin' || step.kind === 'summons') {
        notified += (await notify(ctx, trx, { roles: ['office'], title: m.title, body: m.body, link, kind: 'escalation' })).notificationIds
          .length;
      }
    }
    const total = Object.values(fired).reduce((a, b) => a + b, 0);
    if (total)
      await audit(ctx, trx, actor, {
        action: 'supervision.escalate',
        entity: 'supervision_notice',
        entityId: null,
        after: { date: day, fired },
      });
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
  if (hasPermission(actor.role, 'supervision.scope.unit')) {
    if (!actor.unitId) throw new AppError('FORBIDDEN');
    return actor.unitId;
  }
  if (hasPermission(actor.role, 'supervision.scope.all')) return undefined;
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
    if (!hasPermission(actor.role, 'supervision.notices.reply')) throw new AppError('FORBIDDEN');
    if (!(await replyToNotice(trx, id, { text, by: actor.id, at: ctx.clock().toISOString() })))
      throw new AppError('NOTICE_NOT_AWAITING_REPLY');
    await recordEvent(ctx, trx, actor, n.item_id, 'supervision', {
      step: 'notice_reply',
      noticeId: id,
      number: n.number,
      unitId: n.unit_id,
    });
    const after = presentNotice((await findNotice(trx, id))!);
    await audit(ctx, trx, actor, {
      action: 'supervision.notice.reply',
      entity: 'supervision_notice',
      entityId: id,
      before: presentNotice(n),
      after,
    });
    await notify(ctx, trx, {
      roles: ['office'],
      title: `督办单 ${n.number ?? ''} 已回复：${n.unit_name}`,
      body: text.slice(0, 500),
      link: `/supervision/notices?itemId=${n.item_id}`,
      kind: 'escalation',
    });
    return after;
  });
}
