import { AppError } from '../../common/errors.js';
import { chinaDate } from '../../common/dates.js';
import type { DeskBody } from '../../common/schemas/finance.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { activeUnitIds, findUserById } from '../org/index.js';
import { registryByIds } from '../policies/index.js';
import { createItem, createWorklist, listWorklists } from '../worklists/index.js';
import {
  findBank,
  findDesk,
  findStep,
  insertDesk,
  insertStep,
  listBanks,
  listDesks,
  overdueUnescalatedSteps,
  stepsOf,
  updateStep,
} from './finance.repository.js';

/** The work list the desk's overdue steps are put on, so the supervision ladder follows them. */
export const DESK_LIST_NAME = '重点企业融资专班问题';
const DESK_LINK = '/finance?tab=desk';

export async function listDeskViews(ctx: AppContext) {
  const desks = await listDesks(ctx.db);
  const [steps, banks, enterprises] = await Promise.all([
    stepsOf(
      ctx.db,
      desks.map((d) => d.id),
    ),
    listBanks(ctx.db),
    registryByIds(
      ctx.db,
      desks.map((d) => d.enterprise_id),
    ),
  ]);
  const today = chinaDate(ctx.clock());
  const members = new Map<number, string>();
  for (const d of desks)
    if (!members.has(d.member_user_id)) members.set(d.member_user_id, (await findUserById(ctx.db, d.member_user_id))?.display_name ?? '');
  return desks.map((d) => ({
    id: d.id,
    enterprise: { id: d.enterprise_id, name: enterprises.get(d.enterprise_id)?.name ?? '' },
    problem: d.problem,
    member: { id: d.member_user_id, name: members.get(d.member_user_id) ?? '' },
    bank: { id: d.bank_id, name: banks.find((b) => b.id === d.bank_id)?.name ?? '' },
    presidentName: d.president_name,
    leadUnitId: d.lead_unit_id,
    status: d.status,
    createdAt: d.created_at,
    steps: steps
      .filter((s) => s.desk_id === d.id)
      .map((s) => ({
        id: s.id,
        action: s.action,
        deadline: s.deadline,
        doneOn: s.done_on,
        overdue: !s.done_on && s.deadline < today,
        itemId: s.item_id,
      })),
  }));
}

async function deskView(ctx: AppContext, id: number) {
  return (await listDeskViews(ctx)).find((d) => d.id === id)!;
}

/** 专班+行长: an enterprise's financing problem gets a named task-force member and bank president. */
export async function createDesk(ctx: AppContext, actor: Actor, body: DeskBody) {
  const id = await withTransaction(ctx.db, async (trx) => {
    const details = [];
    if (!(await registryByIds(trx, [body.enterpriseId])).size)
      details.push({ path: 'body.enterpriseId', message: '企业库中没有该企业 / no such enterprise' });
    const member = await findUserById(trx, body.memberUserId);
    if (!member || !['office', 'specialist'].includes(member.role))
      details.push({
        path: 'body.memberUserId',
        message: '专班成员须为专班或企业服务专员账号 / the member must be an office or specialist user',
      });
    if (!(await findBank(trx, body.bankId))) details.push({ path: 'body.bankId', message: '银行不存在 / unknown bank' });
    if (!(await activeUnitIds(trx, [body.leadUnitId])).length)
      details.push({ path: 'body.leadUnitId', message: '牵头单位不存在或已撤销 / unknown or retired unit' });
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const id = await insertDesk(trx, {
      enterprise_id: body.enterpriseId,
      problem: body.problem,
      member_user_id: body.memberUserId,
      bank_id: body.bankId,
      president_name: body.presidentName,
      lead_unit_id: body.leadUnitId,
      status: 'open',
      created_at: ctx.clock().toISOString(),
    });
    await notify(ctx, trx, {
      userIds: [body.memberUserId],
      kind: 'assigned',
      title: '您被指定为重点企业融资专班成员',
      body: body.problem,
      link: DESK_LINK,
    });
    await audit(ctx, trx, actor, { action: 'finance.desk.create', entity: 'finance_desk', entityId: id, after: body });
    return id;
  });
  return deskView(ctx, id);
}

/** A step of the problem log, due a number of working days from today on the official calendar. */
export async function addDeskStep(ctx: AppContext, actor: Actor, deskId: number, body: { action: string; workdays: number }) {
  const cal = await getWorkCalendar(ctx);
  await withTransaction(ctx.db, async (trx) => {
    const desk = await findDesk(trx, deskId);
    if (!desk) throw new AppError('NOT_FOUND');
    const deadline = cal.addWorkdays(chinaDate(ctx.clock()), body.workdays);
    const id = await insertStep(trx, { desk_id: deskId, action: body.action, deadline, created_at: ctx.clock().toISOString() });
    await notify(ctx, trx, {
      userIds: [desk.member_user_id],
      kind: 'assigned',
      title: `专班问题新步骤，${deadline} 前完成`,
      body: body.action,
      link: DESK_LINK,
    });
    await audit(ctx, trx, actor, { action: 'finance.desk.step', entity: 'finance_desk_step', entityId: id, after: { ...body, deadline } });
  });
  return deskView(ctx, deskId);
}

export async function completeDeskStep(ctx: AppContext, actor: Actor, stepId: number, doneOn: string) {
  const step = await withTransaction(ctx.db, async (trx) => {
    const step = await findStep(trx, stepId);
    if (!step) throw new AppError('NOT_FOUND');
    if (step.done_on)
      throw new AppError('FINANCE_STATUS_CONFLICT', [{ path: 'params.id', message: '该步骤已办结 / the step is already done' }]);
    if (doneOn > chinaDate(ctx.clock()))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.doneOn', message: '办结日期不能晚于今天 / cannot be in the future' }]);
    await updateStep(trx, stepId, { done_on: doneOn });
    await audit(ctx, trx, actor, { action: 'finance.desk.step.done', entity: 'finance_desk_step', entityId: stepId, after: { doneOn } });
    return step;
  });
  return deskView(ctx, step.desk_id);
}

/**
 * Puts every overdue, not yet escalated step on the supervision ladder: a problem item in the desk's
 * work list, led by the desk's lead unit with the step's deadline, which the ladder then reminds,
 * escalates and reports like any other. Run daily by the `finance.desk-overdue` job; a step enters
 * once (its item id is kept).
 */
export async function escalateOverdueDeskSteps(ctx: AppContext, actor: Actor = SYSTEM_ACTOR): Promise<{ escalated: number }> {
  const today = chinaDate(ctx.clock());
  const steps = await overdueUnescalatedSteps(ctx.db, today);
  if (!steps.length) return { escalated: 0 };
  const lists = await listWorklists(ctx, actor, 'problem');
  const listId =
    lists.find((l) => l.name === DESK_LIST_NAME)?.id ??
    (
      await createWorklist(ctx, actor, {
        name: DESK_LIST_NAME,
        kind: 'problem',
        description: '融资专班问题步骤逾期后自动列入，进入督办流程',
      })
    ).id;
  for (const s of steps) {
    const desk = (await findDesk(ctx.db, s.desk_id))!;
    const e = (await registryByIds(ctx.db, [desk.enterprise_id])).get(desk.enterprise_id);
    const item = await createItem(ctx, actor, {
      listId,
      code: `RZ-${s.desk_id}-${s.id}`,
      content: `${e?.name ?? '企业'}融资问题：${s.action}`,
      measures: desk.problem.slice(0, 500),
      deadline: s.deadline,
      leadUnitIds: [desk.lead_unit_id],
      confirmPastDeadline: true,
    });
    await withTransaction(ctx.db, async (trx) => {
      await updateStep(trx, s.id, { item_id: item.id });
      await notify(ctx, trx, {
        userIds: [desk.member_user_id],
        roles: ['office'],
        kind: 'overdue',
        title: '融资专班问题逾期，已列入督办',
        body: s.action,
        link: DESK_LINK,
      });
      await audit(ctx, trx, actor, {
        action: 'finance.desk.escalate',
        entity: 'finance_desk_step',
        entityId: s.id,
        after: { itemId: item.id },
      });
    });
  }
  return { escalated: steps.length };
}
