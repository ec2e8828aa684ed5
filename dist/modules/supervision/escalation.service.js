import { AppError } from "../../common/errors.js";
import { NOTICE_KIND_LABELS } from "../../common/schemas/supervision.js";
import { chinaDate } from "../../common/workdays.js";
import { withTransaction } from "../../db/database.js";
import { getWorkCalendar } from "../calendar/calendar.service.js";
import { notify } from "../notifications/notifications.service.js";
import { audit } from "../org/audit.service.js";
import { recordEvent } from "../worklists/timeline.js";
import { loadSettings } from "./settings.service.js";
import { countNoticesInYear, findNotice, firedStepKeys, insertNoticeOnce, listLeadItems, listNotices, replyToNotice } from "./supervision.repository.js";
function ladderFor(deadline, e, cal) {
  const steps = [];
  if (e.reminders.enabled) {
    for (const n of [...e.reminders.daysBefore].sort((a, b) => b - a)) steps.push({ kind: "reminder", offset: -n, dueOn: cal.addWorkdays(deadline, -n) });
  }
  for (const kind of ["notice", "bulletin", "summons"]) {
    if (e[kind].enabled) steps.push({ kind, offset: e[kind].daysAfter, dueOn: cal.addWorkdays(deadline, e[kind].daysAfter) });
  }
  return steps;
}
function stepToFire(steps, day, deadline, fired) {
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
function message(kind, item, step, extra) {
  const what = `\u3010${item.list_name}\u3011${item.code} ${item.content.slice(0, 60)}`;
  switch (kind) {
    case "reminder":
      return { title: `\u5230\u671F\u63D0\u9192\uFF1A${item.code} \u5C06\u4E8E ${item.deadline} \u5230\u671F`, body: `${what}
\u5B8C\u6210\u65F6\u9650 ${item.deadline}\uFF0C\u8FD8\u6709 ${-step.offset} \u4E2A\u5DE5\u4F5C\u65E5\uFF0C\u8BF7\u6309\u65F6\u62A5\u9001\u8FDB\u5C55\u3002` };
    case "notice":
      return {
        title: `\u7763\u529E\u5355 ${extra.number}\uFF1A${item.code} \u5DF2\u903E\u671F`,
        body: `${what}
\u5B8C\u6210\u65F6\u9650 ${item.deadline} \u5DF2\u8FC7\uFF0C\u8BF7\u4E8E ${extra.replyDue} \u524D\u4E66\u9762\u56DE\u590D\u6574\u6539\u60C5\u51B5\u3002`
      };
    case "bulletin":
      return { title: `\u901A\u62A5\u9884\u8B66\uFF1A${item.code} \u903E\u671F ${step.offset} \u4E2A\u5DE5\u4F5C\u65E5`, body: `${what}
\u903E\u671F ${step.offset} \u4E2A\u5DE5\u4F5C\u65E5\uFF0C\u5C06\u5728\u6708\u5EA6\u901A\u62A5\u4E2D\u70B9\u540D\u3002` };
    case "summons":
      return { title: `\u7EA6\u8C08\u901A\u77E5\uFF1A${item.code} \u903E\u671F ${step.offset} \u4E2A\u5DE5\u4F5C\u65E5`, body: `${what}
\u903E\u671F ${step.offset} \u4E2A\u5DE5\u4F5C\u65E5\u4ECD\u672A\u5B8C\u6210\uFF0C\u9886\u5BFC\u5C0F\u7EC4\u529E\u516C\u5BA4\u5C06\u7EA6\u8C08\u5355\u4F4D\u8D1F\u8D23\u4EBA\u3002` };
  }
}
async function runEscalation(ctx, actor, opts = {}) {
  const day = opts.date ?? chinaDate(ctx.clock());
  const fired = { reminder: 0, notice: 0, bulletin: 0, summons: 0 };
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
      const deadline = item.deadline;
      const key = (s) => `${item.item_id}:${item.unit_id}:${s.kind}:${s.offset}:${deadline}`;
      const step = stepToFire(ladderFor(deadline, escalation, cal), day, deadline, (s) => done.has(key(s)));
      if (!step) continue;
      const isNotice = step.kind === "notice";
      const number = isNotice ? `\u7763\u529E\u3014${day.slice(0, 4)}\u3015${++sequence}\u53F7` : null;
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
        status: isNotice ? "awaiting_reply" : "sent",
        created_at: at
      });
      if (id === null) continue;
      done.add(key(step));
      fired[step.kind]++;
      await recordEvent(ctx, trx, actor, item.item_id, "supervision", {
        step: step.kind,
        label: NOTICE_KIND_LABELS[step.kind].zh,
        noticeId: id,
        unitId: item.unit_id,
        offsetDays: step.offset,
        deadline,
        dueOn: day,
        ...number ? { number, replyDue } : {}
      });
      const m = message(step.kind, item, step, { number, replyDue });
      const link = `/supervision/notices?itemId=${item.item_id}`;
      notified += (await notify(ctx, trx, { unitIds: [item.unit_id], title: m.title, body: m.body, link })).notificationIds.length;
      if (step.kind === "bulletin" || step.kind === "summons") {
        notified += (await notify(ctx, trx, { roles: ["office"], title: m.title, body: m.body, link })).notificationIds.length;
      }
    }
    const total = Object.values(fired).reduce((a, b) => a + b, 0);
    if (total) await audit(ctx, trx, actor, { action: "supervision.escalate", entity: "supervision_notice", entityId: null, after: { date: day, fired } });
    return { date: day, workday: true, fired, notified };
  });
}
function presentNotice(r) {
  return {
    id: r.id,
    kind: r.kind,
    item: { id: r.item_id, code: r.code, content: r.content, listName: r.list_name },
    unit: { id: r.unit_id, name: r.unit_name },
    offsetDays: r.offset_days,
    deadline: r.deadline,
    dueOn: r.due_on,
    number: r.number,
    replyDue: r.reply_due,
    replyText: r.reply_text,
    repliedAt: r.replied_at,
    status: r.status,
    createdAt: r.created_at
  };
}
function unitScope(actor) {
  if (actor.role === "liaison" || actor.role === "unit_head") {
    if (!actor.unitId) throw new AppError("FORBIDDEN");
    return actor.unitId;
  }
  if (actor.role === "office" || actor.role === "admin" || actor.role === "leader") return void 0;
  throw new AppError("FORBIDDEN");
}
async function listNoticesFor(ctx, actor, q) {
  const scoped = unitScope(actor);
  const { rows, total } = await listNotices(
    ctx.db,
    { unitId: scoped ?? q.unitId, kind: q.kind, itemId: q.itemId, status: q.status },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }
  );
  return { items: rows.map(presentNotice), total, page: q.page, pageSize: q.pageSize };
}
async function replyNotice(ctx, actor, id, text) {
  return withTransaction(ctx.db, async (trx) => {
    const n = await findNotice(trx, id);
    const scoped = unitScope(actor);
    if (!n || scoped !== void 0 && n.unit_id !== scoped) throw new AppError("NOT_FOUND");
    if (actor.role !== "liaison" && actor.role !== "unit_head") throw new AppError("FORBIDDEN");
    if (!await replyToNotice(trx, id, { text, by: actor.id, at: ctx.clock().toISOString() })) throw new AppError("NOTICE_NOT_AWAITING_REPLY");
    await recordEvent(ctx, trx, actor, n.item_id, "supervision", { step: "notice_reply", noticeId: id, number: n.number, unitId: n.unit_id });
    const after = presentNotice(await findNotice(trx, id));
    await audit(ctx, trx, actor, { action: "supervision.notice.reply", entity: "supervision_notice", entityId: id, before: presentNotice(n), after });
    await notify(ctx, trx, { roles: ["office"], title: `\u7763\u529E\u5355 ${n.number ?? ""} \u5DF2\u56DE\u590D\uFF1A${n.unit_name}`, body: text.slice(0, 500), link: `/supervision/notices?itemId=${n.item_id}` });
    return after;
  });
}
export {
  ladderFor,
  listNoticesFor,
  presentNotice,
  replyNotice,
  runEscalation,
  stepToFire
};
//# sourceMappingURL=escalation.service.js.map
