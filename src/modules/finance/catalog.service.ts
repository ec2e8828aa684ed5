import { AppError } from '../../common/errors.js';
import { addDays, chinaDate } from '../../common/dates.js';
import type { EventBody, EventListView, EventResult, ProjectView, ProjectsView } from '../../common/schemas/finance.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { findUserById, listUsers } from '../org/index.js';
import { registryByIds } from '../policies/index.js';
import {
  findBank,
  findEvent,
  findFollowup,
  followupsOf,
  insertBank,
  insertEvent,
  insertFollowup,
  insertParties,
  insertProject,
  linkBankUser,
  listBankUsers,
  listBanks,
  listEvents,
  listNeeds,
  listProjects,
  markFollowupDone,
  partiesOf,
  projectBankTotals,
  publicationsOf,
} from './finance.repository.js';

// ---- banks ----
export async function listBankViews(ctx: AppContext) {
  const [banks, links, users] = await Promise.all([listBanks(ctx.db), listBankUsers(ctx.db), listUsers(ctx.db, { role: 'bank' })]);
  const nameOf = new Map(users.map((u) => [u.id, u.display_name]));
  return banks.map((b) => {
    const ids = links.filter((u) => u.bank_id === b.id).map((u) => u.user_id);
    return { id: b.id, name: b.name, userIds: ids, users: ids.map((id) => ({ id, name: nameOf.get(id) ?? '' })), version: b.version };
  });
}

export async function createBank(ctx: AppContext, actor: Actor, name: string) {
  try {
    const id = await withTransaction(ctx.db, async (trx) => {
      const id = await insertBank(trx, name, ctx.clock().toISOString());
      await audit(ctx, trx, actor, { action: 'finance.bank.create', entity: 'finance_bank', entityId: id, after: { name } });
      return id;
    });
    return (await listBankViews(ctx)).find((b) => b.id === id)!;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE_NAME', [{ path: 'body.name', message: `已有银行“${name}” / this bank exists` }]);
    throw err;
  }
}

/** Ties a `bank` user (created by the admin) to the bank whose needs he will see. */
export async function linkUserToBank(ctx: AppContext, actor: Actor, bankId: number, userId: number) {
  await withTransaction(ctx.db, async (trx) => {
    if (!(await findBank(trx, bankId))) throw new AppError('NOT_FOUND');
    const user = await findUserById(trx, userId);
    if (!user || user.role !== 'bank')
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.userId', message: '只能关联“银行客户经理”角色的用户 / only users with the bank role can be linked' },
      ]);
    await linkBankUser(trx, userId, bankId);
    await audit(ctx, trx, actor, { action: 'finance.bank.link', entity: 'finance_bank', entityId: bankId, after: { userId } });
  });
  return (await listBankViews(ctx)).find((b) => b.id === bankId)!;
}

/** Active users of one role, for the office's pickers (linking bank managers, choosing a task-force member). */
export async function listPickableUsers(ctx: AppContext, role: string) {
  return (await listUsers(ctx.db, { role }))
    .filter((u) => u.status === 'active')
    .map((u) => ({ id: u.id, name: u.display_name, username: u.username, unitName: u.unit_name }));
}

// ---- major projects ----
/** Credit granted and landed per project and bank, with the sums, all from the publications. */
/** The projects with their credit; with `upTo` ('YYYY-MM-DD'), the credit as it stood at the end of that day. */
export async function listProjectViews(ctx: AppContext, upTo?: string): Promise<ProjectsView> {
  const [projects, banks, sums] = await Promise.all([listProjects(ctx.db), listBanks(ctx.db), projectBankTotals(ctx.db, upTo)]);
  const bankName = new Map(banks.map((b) => [b.id, b.name]));
  const items = projects.map((p): ProjectView => {
    const rows = sums
      .filter((s) => s.project_id === p.id)
      .map((s) => ({
        bankId: s.bank_id,
        bankName: bankName.get(s.bank_id) ?? '',
        grantedFen: Number(s.granted),
        landedFen: Number(s.landed),
      }))
      .filter((s) => s.grantedFen > 0 || s.landedFen > 0);
    return {
      id: p.id,
      name: p.name,
      countyCode: p.county_code,
      banks: rows,
      grantedFen: rows.reduce((a, r) => a + r.grantedFen, 0),
      landedFen: rows.reduce((a, r) => a + r.landedFen, 0),
    };
  });
  return {
    items,
    totals: {
      projects: items.length,
      withCredit: items.filter((p) => p.grantedFen > 0).length,
      grantedFen: items.reduce((a, p) => a + p.grantedFen, 0),
      landedFen: items.reduce((a, p) => a + p.landedFen, 0),
    },
  };
}

export async function createProject(ctx: AppContext, actor: Actor, body: { name: string; countyCode?: string | null | undefined }) {
  try {
    const id = await withTransaction(ctx.db, async (trx) => {
      const id = await insertProject(trx, body.name, body.countyCode ?? null, ctx.clock().toISOString());
      await audit(ctx, trx, actor, { action: 'finance.project.create', entity: 'finance_project', entityId: id, after: body });
      return id;
    });
    return (await listProjectViews(ctx)).items.find((p) => p.id === id)!;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE_NAME', [{ path: 'body.name', message: `已有重大项目“${body.name}” / this project exists` }]);
    throw err;
  }
}

// ---- matchmaking events ----
export const RESULT_WINDOWS = [30, 90, 180] as const;

export async function listEventViews(ctx: AppContext): Promise<EventListView[]> {
  const events = await listEvents(ctx.db);
  const parties = await partiesOf(
    ctx.db,
    events.map((e) => e.id),
  );
  const count = (id: number, kind: string) => parties.filter((p) => p.event_id === id && p.kind === kind).length;
  const results = await Promise.all(
    events.map((e) =>
      eventResults(
        ctx,
        e.held_on,
        parties.filter((p) => p.event_id === e.id && p.kind === 'need').map((p) => p.ref_id),
      ),
    ),
  );
  return events.map((e, k) => ({
    id: e.id,
    title: e.title,
    heldOn: e.held_on,
    place: e.place,
    banks: count(e.id, 'bank'),
    enterprises: count(e.id, 'enterprise'),
    needs: count(e.id, 'need'),
    results: results[k]!,
  }));
}

/**
 * What came of the needs presented at an event within 30/90/180 days of it: offers made, credit
 * granted and loans landed on or after the event day and within the window (day 0 = the event).
 */
async function eventResults(ctx: AppContext, heldOn: string, needIds: number[]): Promise<EventResult[]> {
  const pubs = await publicationsOf(ctx.db, needIds);
  return RESULT_WINDOWS.map((days) => {
    const end = addDays(heldOn, days);
    const within = (d: string | null) => d !== null && d >= heldOn && d <= end;
    return {
      days,
      offers: pubs.filter((p) => p.response === 'offered' && within(p.responded_at?.slice(0, 10) ?? null)).length,
      grantedFen: pubs.filter((p) => within(p.granted_on)).reduce((a, p) => a + (p.granted_fen ?? 0), 0),
      landedFen: pubs.filter((p) => within(p.landed_on)).reduce((a, p) => a + (p.landed_fen ?? 0), 0),
    };
  });
}

export async function getEventView(ctx: AppContext, id: number) {
  const e = await findEvent(ctx.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  const parties = await partiesOf(ctx.db, [id]);
  const ids = (kind: string) => parties.filter((p) => p.kind === kind).map((p) => p.ref_id);
  const [banks, enterprises, needs, followups] = await Promise.all([
    listBanks(ctx.db),
    registryByIds(ctx.db, ids('enterprise')),
    listNeeds(ctx.db, { ids: ids('need') }),
    followupsOf(ctx.db, id),
  ]);
  const invited = new Set(ids('bank'));
  return {
    id: e.id,
    title: e.title,
    heldOn: e.held_on,
    place: e.place,
    banks: banks.filter((b) => invited.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
    enterprises: [...enterprises.values()].map((x) => ({ id: x.id, name: x.name })),
    needs: needs.map((n) => ({ id: n.id, enterpriseId: n.enterprise_id, purpose: n.purpose, amountFen: n.amount_fen })),
    followups: followups.map((f) => ({ id: f.id, needId: f.need_id, text: f.text, dueOn: f.due_on, doneOn: f.done_on })),
    results: await eventResults(ctx, e.held_on, ids('need')),
  };
}

export async function createEvent(ctx: AppContext, actor: Actor, body: EventBody) {
  const id = await withTransaction(ctx.db, async (trx) => {
    const knownBanks = new Set((await listBanks(trx)).map((b) => b.id));
    const details = body.bankIds
      .filter((b) => !knownBanks.has(b))
      .map((b) => ({ path: 'body.bankIds', message: `银行 ${b} 不存在 / unknown bank` }));
    const enterprises = await registryByIds(trx, body.enterpriseIds);
    details.push(
      ...body.enterpriseIds
        .filter((x) => !enterprises.has(x))
        .map((x) => ({ path: 'body.enterpriseIds', message: `企业 ${x} 不在企业库 / unknown enterprise` })),
    );
    const needs = await listNeeds(trx, { ids: body.needIds });
    details.push(
      ...body.needIds
        .filter((n) => !needs.some((r) => r.id === n))
        .map((n) => ({ path: 'body.needIds', message: `融资需求 ${n} 不存在 / unknown need` })),
    );
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const id = await insertEvent(trx, {
      title: body.title,
      held_on: body.heldOn,
      place: body.place ?? null,
      created_at: ctx.clock().toISOString(),
    });
    await insertParties(trx, id, 'bank', body.bankIds);
    // the enterprises of the needs presented were there too
    await insertParties(trx, id, 'enterprise', [...body.enterpriseIds, ...needs.map((n) => n.enterprise_id)]);
    await insertParties(trx, id, 'need', body.needIds);
    await audit(ctx, trx, actor, { action: 'finance.event.create', entity: 'finance_event', entityId: id, after: body });
    return id;
  });
  return getEventView(ctx, id);
}

export async function addFollowup(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  body: { text: string; needId?: number | null | undefined; dueOn?: string | null | undefined },
) {
  await withTransaction(ctx.db, async (trx) => {
    if (!(await findEvent(trx, eventId))) throw new AppError('NOT_FOUND');
    const id = await insertFollowup(trx, {
      event_id: eventId,
      need_id: body.needId ?? null,
      text: body.text,
      due_on: body.dueOn ?? null,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'finance.event.followup', entity: 'finance_followup', entityId: id, after: body });
  });
  return getEventView(ctx, eventId);
}

/** Marks an event's follow-up done on a day up to today; a follow-up of another event is not found. */
export async function completeFollowup(ctx: AppContext, actor: Actor, eventId: number, followupId: number, doneOn: string) {
  await withTransaction(ctx.db, async (trx) => {
    const f = await findFollowup(trx, followupId);
    if (!f || f.event_id !== eventId) throw new AppError('NOT_FOUND');
    if (doneOn > chinaDate(ctx.clock()))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.doneOn', message: '完成日期不能晚于今天 / cannot be in the future' }]);
    if (f.done_on || !(await markFollowupDone(trx, followupId, doneOn)))
      throw new AppError('FINANCE_STATUS_CONFLICT', [
        { path: 'params.followupId', message: `该跟进事项已于 ${f.done_on ?? '此前'} 完成 / the follow-up is already done` },
      ]);
    await audit(ctx, trx, actor, {
      action: 'finance.event.followup.done',
      entity: 'finance_followup',
      entityId: followupId,
      before: { doneOn: null },
      after: { doneOn },
    });
  });
  return getEventView(ctx, eventId);
}
