import { AppError } from "../../common/errors.js";
import { MEETING_TYPE_LABELS } from "../../common/schemas/supervision.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { dueInfo, today } from "../worklists/deadlines.js";
import { recordEvents } from "../worklists/timeline.js";
import { findActiveUnitIds, listAssignments } from "../worklists/worklists.repository.js";
import { findOrCreateList, upsertImportedItems } from "../worklists/worklists.service.js";
import { findMeeting, insertDecisions, insertMeeting, listDecisionItems, listMeetingUnits, listMeetings, maxDecisionOrder } from "./supervision.repository.js";
const MEETINGS_LIST_NAME = "\u8C03\u5EA6\u4F1A\u8BAE\u5B9A\u4E8B\u9879";
async function checkUnits(trx, unitIds, decisions) {
  const all = [.../* @__PURE__ */ new Set([...unitIds, ...decisions.flatMap((d) => [...d.leadUnitIds, ...d.coopUnitIds ?? []])])];
  const active = new Set(await findActiveUnitIds(trx, all));
  const details = [];
  unitIds.forEach((u, i) => {
    if (!active.has(u)) details.push({ path: `body.unitIds.${i}`, message: `\u5355\u4F4D ${u} \u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit not found or retired` });
  });
  decisions.forEach((d, i) => {
    for (const [field, ids] of [["leadUnitIds", d.leadUnitIds], ["coopUnitIds", d.coopUnitIds ?? []]]) {
      ids.forEach((u, j) => {
        if (!active.has(u)) details.push({ path: `body.decisions.${i}.${field}.${j}`, message: `\u5355\u4F4D ${u} \u4E0D\u5B58\u5728\u6216\u5DF2\u64A4\u9500 / unit not found or retired` });
      });
    }
    if (!d.deadline && !d.ongoing) details.push({ path: `body.decisions.${i}.deadline`, message: "\u8BF7\u586B\u5199\u5B8C\u6210\u65F6\u9650\uFF0C\u6216\u6807\u8BB0\u4E3A\u957F\u671F\u575A\u6301 / give a deadline or mark it ongoing" });
  });
  if (details.length) throw new AppError("VALIDATION_FAILED", details);
}
async function addDecisionItems(ctx, actor, trx, meeting, decisions) {
  if (!decisions.length) return;
  const list = await findOrCreateList(ctx, actor, trx, { name: MEETINGS_LIST_NAME, kind: "task" });
  const start = await maxDecisionOrder(trx, meeting.id) + 1;
  const { itemIds } = await upsertImportedItems(ctx, actor, trx, {
    listId: list.id,
    kind: "task",
    rows: decisions.map((d, i) => ({
      row: start + i,
      code: `DD-${meeting.id}-${String(start + i).padStart(2, "0")}`,
      area: MEETING_TYPE_LABELS[meeting.type].zh,
      content: d.content,
      measures: `${meeting.date}\u300C${meeting.title}\u300D\u8BAE\u5B9A\u4E8B\u9879`,
      leadUnitIds: [...new Set(d.leadUnitIds)],
      coopUnitIds: [...new Set(d.coopUnitIds ?? [])].filter((u) => !d.leadUnitIds.includes(u)),
      deadline: d.ongoing ? null : d.deadline ?? null,
      ongoing: Boolean(d.ongoing),
      tags: ["\u8C03\u5EA6\u4F1A"]
    }))
  });
  await insertDecisions(trx, meeting.id, itemIds, start);
  await recordEvents(
    ctx,
    trx,
    actor,
    itemIds.map((itemId) => ({ itemId, type: "supervision", data: { step: "dispatch", meetingId: meeting.id, meeting: meeting.title, date: meeting.date } }))
  );
}
async function createMeeting(ctx, actor, body) {
  const id = await withTransaction(ctx.db, async (trx) => {
    await checkUnits(trx, body.unitIds, body.decisions);
    const at = ctx.clock().toISOString();
    const meetingId = await insertMeeting(
      trx,
      { date: body.date, type: body.type, title: body.title, chair: body.chair, topics_json: JSON.stringify(body.topics), created_by: actor.id > 0 ? actor.id : null, at },
      [...new Set(body.unitIds)]
    );
    await addDecisionItems(ctx, actor, trx, { id: meetingId, type: body.type, title: body.title, date: body.date }, body.decisions);
    await audit(ctx, trx, actor, { action: "supervision.meeting.create", entity: "dispatch_meeting", entityId: meetingId, after: { ...body } });
    return meetingId;
  });
  return getMeeting(ctx, id);
}
async function addDecisions(ctx, actor, id, decisions) {
  await withTransaction(ctx.db, async (trx) => {
    const m = await findMeeting(trx, id);
    if (!m) throw new AppError("NOT_FOUND");
    await checkUnits(trx, [], decisions);
    await addDecisionItems(ctx, actor, trx, m, decisions);
    await audit(ctx, trx, actor, { action: "supervision.meeting.decisions", entity: "dispatch_meeting", entityId: id, after: { decisions } });
  });
  return getMeeting(ctx, id);
}
function counts(decisions, day) {
  return {
    decisionCount: decisions.length,
    closedCount: decisions.filter((d) => d.status === "closed").length,
    overdueCount: decisions.filter((d) => dueInfo(d.deadline, d.status, day).overdue).length
  };
}
async function getMeeting(ctx, id) {
  const m = await findMeeting(ctx.db, id);
  if (!m) throw new AppError("NOT_FOUND");
  const day = today(ctx.clock);
  const decisions = await listDecisionItems(ctx.db, [id]);
  const assignments = await listAssignments(ctx.db, decisions.map((d) => d.id));
  const listId = decisions[0]?.list_id ?? null;
  return {
    id: m.id,
    date: m.date,
    type: m.type,
    title: m.title,
    chair: m.chair,
    ...counts(decisions, day),
    units: await listMeetingUnits(ctx.db, id),
    topics: JSON.parse(m.topics_json),
    decisions: decisions.map((d) => ({
      itemId: d.id,
      code: d.code,
      content: d.content,
      status: d.status,
      percent: d.percent,
      deadline: d.deadline,
      ongoing: d.ongoing === 1,
      overdue: dueInfo(d.deadline, d.status, day).overdue,
      leadUnits: assignments.filter((a) => a.item_id === d.id && a.role === "lead").map((a) => ({ id: a.unit_id, name: a.unit_name }))
    })),
    listId,
    version: m.version
  };
}
async function listMeetingSummaries(ctx, q) {
  const meetings = await listMeetings(ctx.db, q);
  const decisions = await listDecisionItems(ctx.db, meetings.map((m) => m.id));
  const day = today(ctx.clock);
  return meetings.map((m) => ({
    id: m.id,
    date: m.date,
    type: m.type,
    title: m.title,
    chair: m.chair,
    ...counts(decisions.filter((d) => d.meeting_id === m.id), day)
  }));
}
export {
  MEETINGS_LIST_NAME,
  addDecisions,
  createMeeting,
  getMeeting,
  listMeetingSummaries
};
//# sourceMappingURL=dispatch.service.js.map
