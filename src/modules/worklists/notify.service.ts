import type { Transaction } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { calendarOf, overdueBefore, today } from './deadlines.js';
import { findNewlyOverdue, recordOverdueNotices } from './notify.repository.js';

/**
 * Who the work lists tell, and in what words. Every function runs inside the caller's transaction,
 * so a message exists only if the change it reports is committed. Messages are plain Chinese and
 * link to the item (or, for many items at once, to the list filtered for the reader).
 */

export interface ItemRef {
  id: number;
  code: string;
  content: string;
  list_name: string;
  deadline: string | null;
}

interface Assignment {
  item_id?: number;
  unit_id: number;
  role: string;
}

const LIAISONS = ['liaison'];
const itemLink = (id: number) => `/worklists/items/${id}`;

function what(item: ItemRef): string {
  const content = item.content.length > 60 ? `${item.content.slice(0, 60)}…` : item.content;
  return `【${item.list_name}】${item.code} ${content}`;
}

/** The (item, unit, role) triples of `after` that `before` did not have: a new unit, or a unit whose role changed. */
export function newAssignments<A extends Assignment>(before: Assignment[], after: A[]): A[] {
  const key = (a: Assignment) => `${a.item_id ?? ''}:${a.unit_id}:${a.role}`;
  const had = new Set(before.map(key));
  return after.filter((a) => !had.has(key(a)));
}

/** The liaisons of units newly assigned to one item (create, or an edit of its units). */
export async function tellAssigned(ctx: AppContext, trx: Transaction<DB>, item: ItemRef, added: Assignment[]): Promise<void> {
  const due = item.deadline ? `，完成时限 ${item.deadline}` : '';
  for (const role of ['lead', 'coop'] as const) {
    const unitIds = added.filter((a) => a.role === role).map((a) => a.unit_id);
    if (!unitIds.length) continue;
    const lead = role === 'lead';
    await notify(ctx, trx, {
      unitIds,
      unitRoles: LIAISONS,
      kind: 'assigned',
      title: `新分配事项（${lead ? '牵头' : '配合'}）：${item.code}`,
      body: `${what(item)}\n贵单位为${lead ? '牵头' : '配合'}单位${due}。${lead ? '请及时推进并按时报送进展。' : '请配合牵头单位推进，并报送本单位的进展。'}`,
      link: itemLink(item.id),
    });
  }
}

/**
 * An import tells each unit once, with the number of items it leads and supports, linking to the
 * list (a unit's users see only their own items there) — not one message per item.
 */
export async function tellImportAssigned(
  ctx: AppContext,
  trx: Transaction<DB>,
  list: { id: number; name: string },
  added: Assignment[],
): Promise<void> {
  const byUnit = new Map<number, { lead: number; coop: number; itemIds: number[] }>();
  for (const a of added) {
    const u = byUnit.get(a.unit_id) ?? byUnit.set(a.unit_id, { lead: 0, coop: 0, itemIds: [] }).get(a.unit_id)!;
    if (a.role === 'lead') u.lead++;
    else u.coop++;
    if (a.item_id) u.itemIds.push(a.item_id);
  }
  for (const [unitId, u] of byUnit) {
    const parts = [u.lead ? `牵头事项 ${u.lead} 项` : '', u.coop ? `配合事项 ${u.coop} 项` : ''].filter(Boolean).join('、');
    await notify(ctx, trx, {
      unitIds: [unitId],
      unitRoles: LIAISONS,
      kind: 'assigned',
      title: `新分配事项：“${list.name}”${u.lead + u.coop} 项`,
      body: `清单“${list.name}”中新分配给贵单位${parts}。请在事项列表中查看完成时限，及时推进并报送进展。`,
      link: u.itemIds.length === 1 ? itemLink(u.itemIds[0]) : `/worklists?listId=${list.id}`,
    });
  }
}

/** A liaison reported: the head of that unit approves before the office sees it. */
export async function tellReportAwaitsApproval(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitId: number,
  percent: number,
): Promise<void> {
  await notify(ctx, trx, {
    unitIds: [unitId],
    unitRoles: ['unit_head'],
    kind: 'awaiting_approval',
    title: `待审核报送：${item.code}`,
    body: `${what(item)}\n本单位联络员报送了进展（完成 ${percent}%），请审核后报送办公室。`,
    link: itemLink(item.id),
  });
}

/** The unit head passed the lead unit's report: the office reviews it. */
export async function tellReportAwaitsReview(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitName: string,
  percent: number,
): Promise<void> {
  await notify(ctx, trx, {
    roles: ['office'],
    kind: 'awaiting_review',
    title: `待审核：${item.code} 进展报送`,
    body: `${what(item)}\n${unitName}报送的进展（完成 ${percent}%）已经单位负责人审核，请审核。`,
    link: itemLink(item.id),
  });
}

/** A report went back to its unit (by the unit head or the office), with the reason. */
export async function tellReportReturned(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitId: number,
  by: 'head' | 'office',
  reason: string,
): Promise<void> {
  await notify(ctx, trx, {
    unitIds: [unitId],
    unitRoles: LIAISONS,
    kind: 'returned',
    title: `报送被退回：${item.code}`,
    body: `${what(item)}\n${by === 'head' ? '单位负责人' : '办公室'}退回了本单位的报送。理由：${reason}\n请修改后重新报送。`,
    link: itemLink(item.id),
  });
}

/** The office accepted the unit's report; a report of 100 % closes the item (销号). */
export async function tellReportAccepted(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitId: number,
  percent: number,
  closes: boolean,
): Promise<void> {
  await notify(ctx, trx, {
    unitIds: [unitId],
    unitRoles: LIAISONS,
    kind: 'accepted',
    title: closes ? `事项已销号：${item.code}` : `报送已通过：${item.code}`,
    body: closes
      ? `${what(item)}\n办公室审核通过，事项已销号。`
      : `${what(item)}\n办公室审核通过本次报送（完成 ${percent}%），请继续推进。`,
    link: itemLink(item.id),
  });
}

export async function tellExtensionRequested(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitName: string,
  requested: string,
  reason: string,
): Promise<void> {
  await notify(ctx, trx, {
    roles: ['office'],
    kind: 'awaiting_review',
    title: `延期申请待审批：${item.code}`,
    body: `${what(item)}\n${unitName}申请将完成时限由 ${item.deadline ?? '—'} 延至 ${requested}。理由：${reason}`,
    link: itemLink(item.id),
  });
}

export async function tellExtensionDecided(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  x: { unitId: number | null; approve: boolean; requested: string; note: string | null },
): Promise<void> {
  if (!x.unitId) return;
  await notify(ctx, trx, {
    unitIds: [x.unitId],
    unitRoles: LIAISONS,
    kind: x.approve ? 'accepted' : 'returned',
    title: x.approve ? `延期申请已批准：${item.code}` : `延期申请未批准：${item.code}`,
    body: x.approve
      ? `${what(item)}\n完成时限已调整为 ${x.requested}。${x.note ? `意见：${x.note}` : ''}`
      : `${what(item)}\n完成时限仍为 ${item.deadline ?? '—'}。${x.note ? `意见：${x.note}` : ''}`,
    link: itemLink(item.id),
  });
}

/** A leader's instruction (批示) reaches every user of every unit on the item at once. */
export async function tellInstruction(
  ctx: AppContext,
  trx: Transaction<DB>,
  item: ItemRef,
  unitIds: number[],
  author: string,
  text: string,
): Promise<void> {
  if (!unitIds.length) return;
  await notify(ctx, trx, {
    unitIds: [...new Set(unitIds)],
    kind: 'instruction',
    title: `领导批示：${item.code}`,
    body: `${what(item)}\n${author}批示：${text}`,
    link: itemLink(item.id),
  });
}

/** Codes listed in the overdue message before it says "and N more". */
const OVERDUE_LISTED = 20;

/**
 * The daily run: tells the office, in one message, which items became overdue since the last run.
 * Each (item, deadline) is told once; an extended deadline that passes again is told again. The
 * units hear of it through the escalation ladder (督办单), which this does not repeat.
 */
export async function notifyOverdueItems(
  ctx: AppContext,
  actor: Actor,
  opts: { date?: string | undefined } = {},
): Promise<{ date: string; items: number }> {
  const day = opts.date ?? today(ctx.clock);
  const cal = await calendarOf(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const items = await findNewlyOverdue(trx, overdueBefore(day, cal));
    if (!items.length) return { date: day, items: 0 };
    const at = ctx.clock().toISOString();
    await recordOverdueNotices(
      trx,
      items.map((i) => ({ item_id: i.id, deadline: i.deadline! })),
      at,
    );
    const lines = items.slice(0, OVERDUE_LISTED).map((i) => `${what(i)}（时限 ${i.deadline}）`);
    if (items.length > OVERDUE_LISTED) lines.push(`……另有 ${items.length - OVERDUE_LISTED} 项`);
    const one = items.length === 1;
    await notify(ctx, trx, {
      roles: ['office'],
      kind: 'overdue',
      title: one ? `事项逾期：${items[0].code}` : `${items.length} 项事项已逾期`,
      body: `以下事项已超过完成时限仍未销号：\n${lines.join('\n')}`,
      link: one ? itemLink(items[0].id) : '/worklists?overdue=true',
    });
    const after = { date: day, itemIds: items.map((i) => i.id) };
    await audit(ctx, trx, actor, { action: 'item.overdue.notify', entity: 'item', entityId: one ? items[0].id : null, after });
    return { date: day, items: items.length };
  });
}
