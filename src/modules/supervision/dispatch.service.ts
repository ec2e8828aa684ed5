import { AppError, type ErrorDetail } from '../../common/errors.js';
import {
  type CreateMeetingBody,
  type DecisionInput,
  MEETING_TYPE_LABELS,
  type MeetingSummary,
  type MeetingType,
  type MeetingView,
} from '../../common/schemas/supervision.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { audit } from '../org/audit.service.js';
import { dueInfo, today } from '../worklists/deadlines.js';
import { recordEvents } from '../worklists/timeline.js';
import { activeUnitIds } from '../org/index.js';
import { assertDeadlinesConfirmed, listItemAssignments } from '../worklists/index.js';
import { findOrCreateList, upsertImportedItems } from '../worklists/worklists.service.js';
import {
  findMeeting,
  insertDecisions,
  insertMeeting,
  listDecisionItems,
  listMeetingUnits,
  listMeetings,
  maxDecisionOrder,
} from './supervision.repository.js';

/** Every meeting's decisions (议定事项) are supervised as items of this one task list. */
export const MEETINGS_LIST_NAME = '调度会议定事项';

async function checkUnits(trx: Transaction<DB>, unitIds: number[], decisions: DecisionInput[]): Promise<void> {
  const all = [...new Set([...unitIds, ...decisions.flatMap((d) => [...d.leadUnitIds, ...(d.coopUnitIds ?? [])])])];
  const active = new Set(await activeUnitIds(trx, all));
  const details: ErrorDetail[] = [];
  unitIds.forEach((u, i) => {
    if (!active.has(u)) details.push({ path: `body.unitIds.${i}`, message: `单位 ${u} 不存在或已撤销 / unit not found or retired` });
  });
  decisions.forEach((d, i) => {
    for (const [field, ids] of [
      ['leadUnitIds', d.leadUnitIds],
      ['coopUnitIds', d.coopUnitIds ?? []],
    ] as const) {
      ids.forEach((u, j) => {
        if (!active.has(u))
          details.push({ path: `body.decisions.${i}.${field}.${j}`, message: `单位 ${u} 不存在或已撤销 / unit not found or retired` });
      });
    }
    if (!d.deadline && !d.ongoing)
      details.push({
        path: `body.decisions.${i}.deadline`,
        message: '请填写完成时限，或标记为长期坚持 / give a deadline or mark it ongoing',
      });
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
}

/** Turns decisions into supervised items linked to the meeting, inside the caller's transaction. */
async function addDecisionItems(
  ctx: AppContext,
  actor: Actor,
  trx: Transaction<DB>,
  meeting: { id: number; type: string; title: string; date: string },
  decisions: DecisionInput[],
) {
  if (!decisions.length) return;
  const list = await findOrCreateList(ctx, actor, trx, { name: MEETINGS_LIST_NAME, kind: 'task' });
  const start = (await maxDecisionOrder(trx, meeting.id)) + 1;
  const { itemIds } = await upsertImportedItems(ctx, actor, trx, {
    listId: list.id,
    kind: 'task',
    rows: decisions.map((d, i) => ({
      row: start + i,
      code: `DD-${meeting.id}-${String(start + i).padStart(2, '0')}`,
      area: MEETING_TYPE_LABELS[meeting.type as MeetingType].zh,
      content: d.content,
      measures: `${meeting.date}「${meeting.title}」议定事项`,
      leadUnitIds: [...new Set(d.leadUnitIds)],
      coopUnitIds: [...new Set(d.coopUnitIds ?? [])].filter((u) => !d.leadUnitIds.includes(u)),
      deadline: d.ongoing ? null : (d.deadline ?? null),
      ongoing: Boolean(d.ongoing),
      tags: ['调度会'],
    })),
  });
  await insertDecisions(trx, meeting.id, itemIds, start);
  await recordEvents(
    ctx,
    trx,
    actor,
    itemIds.map((itemId) => ({
      itemId,
      type: 'supervision' as const,
      data: { step: 'dispatch', meetingId: meeting.id, meeting: meeting.title, date: meeting.date },
    })),
  );
}

/** Decisions become items: one whose deadline has passed is overdue at once, which the office must confirm. */
function assertDecisionDeadlines(ctx: AppContext, decisions: DecisionInput[], confirmed: boolean | undefined): void {
  const deadlines = decisions.map((d, i) => ({ path: `body.decisions.${i}.deadline`, deadline: d.ongoing ? null : d.deadline }));
  assertDeadlinesConfirmed(deadlines, today(ctx.clock), confirmed);
}

export async function createMeeting(ctx: AppContext, actor: Actor, body: CreateMeetingBody): Promise<MeetingView> {
  assertDecisionDeadlines(ctx, body.decisions, body.confirmPastDeadline);
  const id = await withTransaction(ctx.db, async (trx) => {
    await checkUnits(trx, body.unitIds, body.decisions);
    const at = ctx.clock().toISOString();
    const meetingId = await insertMeeting(
      trx,
      {
        date: body.date,
        type: body.type,
        title: body.title,
        chair: body.chair,
        topics_json: JSON.stringify(body.topics),
        created_by: actor.id > 0 ? actor.id : null,
        at,
      },
      [...new Set(body.unitIds)],
    );
    await addDecisionItems(ctx, actor, trx, { id: meetingId, type: body.type, title: body.title, date: body.date }, body.decisions);
    await audit(ctx, trx, actor, {
      action: 'supervision.meeting.create',
      entity: 'dispatch_meeting',
      entityId: meetingId,
      after: { ...body },
    });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

export async function addDecisions(
  ctx: AppContext,
  actor: Actor,
  id: number,
  decisions: DecisionInput[],
  confirmPastDeadline?: boolean,
): Promise<MeetingView> {
  assertDecisionDeadlines(ctx, decisions, confirmPastDeadline);
  await withTransaction(ctx.db, async (trx) => {
    const m = await findMeeting(trx, id);
    if (!m) throw new AppError('NOT_FOUND');
    await checkUnits(trx, [], decisions);
    await addDecisionItems(ctx, actor, trx, m, decisions);
    await audit(ctx, trx, actor, {
      action: 'supervision.meeting.decisions',
      entity: 'dispatch_meeting',
      entityId: id,
      after: { decisions },
    });
  });
  return getMeeting(ctx, id);
}

type DecisionRow = Awaited<ReturnType<typeof listDecisionItems>>[number];

function counts(decisions: DecisionRow[], day: string) {
  return {
    decisionCount: decisions.length,
    closedCount: decisions.filter((d) => d.status === 'closed').length,
    overdueCount: decisions.filter((d) => dueInfo(d.deadline, d.status, day).overdue).length,
  };
}

export async function getMeeting(ctx: AppContext, id: number): Promise<MeetingView> {
  const m = await findMeeting(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND');
  const day = today(ctx.clock);
  const decisions = await listDecisionItems(ctx.db, [id]);
  const assignments = await listItemAssignments(
    ctx.db,
    decisions.map((d) => d.id),
  );
  const listId = decisions[0]?.list_id ?? null;
  return {
    id: m.id,
    date: m.date,
    type: m.type as MeetingType,
    title: m.title,
    chair: m.chair,
    ...counts(decisions, day),
    units: await listMeetingUnits(ctx.db, id),
    topics: JSON.parse(m.topics_json) as string[],
    decisions: decisions.map((d) => ({
      itemId: d.id,
      code: d.code,
      content: d.content,
      status: d.status as MeetingView['decisions'][number]['status'],
      percent: d.percent,
      deadline: d.deadline,
      ongoing: d.ongoing === 1,
      overdue: dueInfo(d.deadline, d.status, day).overdue,
      leadUnits: assignments.filter((a) => a.item_id === d.id && a.role === 'lead').map((a) => ({ id: a.unit_id, name: a.unit_name })),
    })),
    listId,
    version: m.version,
  };
}

export async function listMeetingSummaries(
  ctx: AppContext,
  q: { from?: string | undefined; to?: string | undefined; type?: MeetingType | undefined },
): Promise<MeetingSummary[]> {
  const meetings = await listMeetings(ctx.db, q);
  const decisions = await listDecisionItems(
    ctx.db,
    meetings.map((m) => m.id),
  );
  const day = today(ctx.clock);
  return meetings.map((m) => ({
    id: m.id,
    date: m.date,
    type: m.type as MeetingType,
    title: m.title,
    chair: m.chair,
    ...counts(
      decisions.filter((d) => d.meeting_id === m.id),
      day,
    ),
  }));
}
