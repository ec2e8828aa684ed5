import { randomBytes } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import { BAD_RATING } from '../../common/schemas/demands.js';
import { chinaDate } from '../../common/dates.js';
import { type Actor, type AppContext, SYSTEM_ACTOR } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { findUnit } from '../org/index.js';
import { createItem, findOrCreateList } from '../worklists/worklists.service.js';
import {
  findDemand,
  findDemandBy,
  findRatingByCodeHash,
  findRatingCode,
  insertEvent,
  insertRating,
  insertRatingCode,
  listRatingCodes,
  markOverdueNotified,
  overdueUnnotified,
  updateDemand,
  findRatingCodeById,
  retireRatingCode,
} from './demands.repository.js';
import { hashCode } from './demands.service.js';
import { loadDeadlines } from './settings.service.js';
import { dueAfterWorkdays, workingHoursBetween } from './sla.js';

/** The work list that receives tickets rated bad twice, as problems to rectify under supervision. */
export const SECOND_BAD_RATING_LIST = '企业诉求二次差评整改清单';
/** The work list that receives overdue tickets: the supervision ladder and the red/black list follow them there. */
export const OVERDUE_LIST = '企业诉求超期督办清单';

/**
 * A rating through the one-time code given with the answer (no login). 基本满意 or better closes
 * the ticket; 不满意 or worse reopens it (重办) for the unit with a new deadline, and a second bad
 * rating also opens a problem item in the work lists, so the supervision ladder follows it.
 */
export async function rateDemand(ctx: AppContext, body: { code: string; level: number; comment?: string | undefined }) {
  const hash = hashCode(body.code);
  const cal = await getWorkCalendar(ctx);
  const outcome = await withTransaction(ctx.db, async (trx) => {
    const row = await findDemandBy(trx, 'rating_code_hash', hash);
    if (!row || row.status !== 'answered') {
      if (row || (await findRatingByCodeHash(trx, hash))) throw new AppError('DEMAND_RATING_USED');
      throw new AppError('DEMAND_RATING_CODE_UNKNOWN', [{ path: 'body.code', message: '评价码不存在 / unknown code' }]);
    }
    const now = ctx.clock();
    const at = now.toISOString();
    const unitId = row.unit_id ?? 0;
    await insertRating(trx, {
      demand_id: row.id,
      rating_code_id: null,
      unit_id: unitId,
      month: chinaDate(now).slice(0, 7),
      level: body.level,
      comment: body.comment ?? null,
      code_hash: hash,
      at,
    });
    const bad = body.level <= BAD_RATING;
    const deadlines = await loadDeadlines(trx);
    const set = bad
      ? {
          status: 'in_progress',
          rating: body.level,
          rated_at: at,
          reopened_at: row.reopened_at ?? at,
          rating_code_hash: null,
          reopen_count: row.reopen_count + 1,
          due_at: dueAfterWorkdays(cal, now, deadlines.reopenDays).toISOString(),
          closed_on_time: null,
          overdue_notified: 0,
          updated_at: at,
        }
      : {
          status: 'closed',
          rating: body.level,
          rated_at: at,
          rating_code_hash: null,
          closed_at: at,
          handling_hours: workingHoursBetween(cal, new Date(row.received_at), new Date(row.answered_at ?? at)),
          updated_at: at,
        };
    if (!(await updateDemand(trx, row.id, row.version, set))) throw new AppError('VERSION_CONFLICT');
    await insertEvent(trx, {
      demand_id: row.id,
      action: 'rate',
      actor_id: null,
      actor_name: '企业评价',
      unit_id: null,
      note: String(body.level),
      at,
    });
    if (bad) {
      await insertEvent(trx, {
        demand_id: row.id,
        action: 'reopen',
        actor_id: null,
        actor_name: '系统',
        unit_id: row.unit_id,
        note: body.comment ?? null,
        at,
      });
      if (row.unit_id)
        await notify(ctx, trx, {
          unitIds: [row.unit_id],
          unitRoles: ['liaison', 'unit_head'],
          kind: 'returned',
          title: `工单 ${row.code} 评价不满意，已重办，请在 ${deadlines.reopenDays} 个工作日内整改答复`,
          body: body.comment ?? '',
          link: `/demands/${row.id}`,
        });
    }
    await audit(ctx, trx, null, {
      action: bad ? 'demands.reopen' : 'demands.rate',
      entity: 'demand',
      entityId: row.id,
      after: { level: body.level, status: set.status },
    });
    const unit = row.unit_id ? await findUnit(trx, row.unit_id) : undefined;
    return { reopened: bad, unitName: unit?.name ?? '', secondBad: bad && row.reopen_count + 1 >= 2, row, due: set.due_at };
  });
  // After the rating has committed: the work lists write in their own transaction.
  if (outcome.secondBad && outcome.row.unit_id)
    await openProblemItem(ctx, outcome.row.id, SECOND_BAD_RATING_LIST, '两次评价不满意，需督办整改');
  return { ok: true as const, reopened: outcome.reopened, unitName: outcome.unitName };
}

/**
 * Opens a problem item in the work lists for a ticket (lead unit = its unit, deadline = its
 * deadline), so the supervision ladder (提醒 → 督办单 → 通报) and the weekly red/black list take it
 * up like any other item. The work lists write in their own transaction, after the ticket's.
 */
async function openProblemItem(ctx: AppContext, demandId: number, listName: string, why: string) {
  const row = (await findDemand(ctx.db, demandId))!;
  const list = await withTransaction(ctx.db, (trx) => findOrCreateList(ctx, SYSTEM_ACTOR, trx, { kind: 'problem', name: listName }));
  const item = await createItem(ctx, SYSTEM_ACTOR, {
    listId: list.id,
    code: listName === OVERDUE_LIST ? `${row.code}-超期` : `${row.code}-${row.reopen_count}`,
    content: `企业诉求工单 ${row.code} ${why}`,
    confirmPastDeadline: true,
    deadline: row.due_at ? chinaDate(new Date(row.due_at)) : null,
    leadUnitIds: [row.unit_id!],
    sourceEvaluation: '企业诉求好差评',
  });
  await withTransaction(ctx.db, (trx) =>
    insertEvent(trx, {
      demand_id: demandId,
      action: 'supervised',
      actor_id: null,
      actor_name: '系统',
      unit_id: row.unit_id,
      note: `item:${item.id}`,
      at: ctx.clock().toISOString(),
    }),
  );
}

/** A window's or specialist's rating code (评价码), printed at the counter: anyone served may rate with it, any number of times. */
export async function addRatingCode(
  ctx: AppContext,
  actor: Actor,
  body: { kind: 'window' | 'specialist'; name: string; unitId: number; userId: number | null },
) {
  return withTransaction(ctx.db, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    if (!unit) throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unit not found' }]);
    const code = `${body.kind === 'window' ? 'W' : 'S'}${randomBytes(4).toString('hex').toUpperCase()}`;
    const id = await insertRatingCode(trx, {
      code,
      kind: body.kind,
      name: body.name,
      unit_id: body.unitId,
      user_id: body.userId,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, {
      action: 'demands.ratingCode.add',
      entity: 'demand_rating_code',
      entityId: id,
      after: { ...body, code },
    });
    return { id, code, kind: body.kind, name: body.name, unitId: body.unitId, active: true };
  });
}

export async function ratingCodes(ctx: AppContext) {
  return (await listRatingCodes(ctx.db)).map((c) => ({
    id: c.id,
    code: c.code,
    kind: c.kind,
    name: c.name,
    unitId: c.unit_id,
    active: c.retired_at === null,
  }));
}

/** Deactivates a rating code (a counter closed, a specialist gone): it takes no more ratings, those given stay counted. */
export async function retireRatingCodeById(ctx: AppContext, actor: Actor, id: number) {
  return withTransaction(ctx.db, async (trx) => {
    const rc = await findRatingCodeById(trx, id);
    if (!rc) throw new AppError('NOT_FOUND');
    if (rc.retired_at === null) {
      await retireRatingCode(trx, id, ctx.clock().toISOString());
      await audit(ctx, trx, actor, {
        action: 'demands.ratingCode.retire',
        entity: 'demand_rating_code',
        entityId: id,
        before: { code: rc.code },
      });
    }
    return { id, code: rc.code, kind: rc.kind, name: rc.name, unitId: rc.unit_id, active: false };
  });
}

/** A rating through a window's or specialist's code: it counts for the unit like a ticket's rating. */
export async function rateWithCode(ctx: AppContext, code: string, body: { level: number; comment?: string | undefined }) {
  return withTransaction(ctx.db, async (trx) => {
    const rc = await recordCodeRating(ctx, trx, code, { ...body, path: 'params.code' });
    return { ok: true as const, reopened: false, unitName: rc.name };
  });
}

/** A rating code by its printed text (case and spaces forgiven), or undefined. */
export async function findRatingCodeByText(db: Executor, code: string) {
  const rc = await findRatingCode(db, code.trim().toUpperCase());
  return rc && { id: rc.id, code: rc.code, kind: rc.kind, name: rc.name, unitId: rc.unit_id };
}

/**
 * Records one rating through a rating code inside the caller's transaction, counted like every
 * rating of the desk (per unit and month of `at`, default now). Other desks that serve on the
 * desk's behalf (assisted service) rate through it; an unknown code is a located error at `path`.
 */
export async function recordCodeRating(
  ctx: AppContext,
  trx: Executor,
  code: string,
  body: { level: number; comment?: string | null | undefined; at?: Date | undefined; path: string },
) {
  const rc = await findRatingCode(trx, code.trim().toUpperCase());
  if (!rc) throw new AppError('DEMAND_RATING_CODE_UNKNOWN', [{ path: body.path, message: '评价码不存在 / unknown code' }]);
  if (rc.retired_at) throw new AppError('DEMAND_RATING_CODE_RETIRED', [{ path: body.path, message: '该评价码已停用 / code deactivated' }]);
  const when = body.at ?? ctx.clock();
  await insertRating(trx, {
    demand_id: null,
    rating_code_id: rc.id,
    unit_id: rc.unit_id,
    month: chinaDate(when).slice(0, 7),
    level: body.level,
    comment: body.comment ?? null,
    code_hash: null,
    at: when.toISOString(),
  });
  await audit(ctx, trx, null, {
    action: 'demands.rateWithCode',
    entity: 'demand_rating_code',
    entityId: rc.id,
    after: { level: body.level },
  });
  return rc;
}

/**
 * Open tickets past their deadline: the unit and the office are told once, and each ticket becomes
 * a supervised problem item (see openProblemItem) whose deadline is the ticket's.
 */
export async function superviseOverdue(ctx: AppContext): Promise<{ tickets: number }> {
  const at = ctx.clock().toISOString();
  const due = await withTransaction(ctx.db, async (trx) => {
    const rows = await overdueUnnotified(trx, at);
    await markOverdueNotified(
      trx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      await insertEvent(trx, {
        demand_id: r.id,
        action: 'overdue',
        actor_id: null,
        actor_name: '系统',
        unit_id: r.unit_id,
        note: null,
        at,
      });
      const message = {
        kind: 'overdue' as const,
        title: `诉求工单 ${r.code} 已超期`,
        body: '已转入督办，请尽快办理答复',
        link: `/demands/${r.id}`,
      };
      if (r.unit_id) await notify(ctx, trx, { ...message, unitIds: [r.unit_id], unitRoles: ['liaison', 'unit_head'] });
      await notify(ctx, trx, { ...message, roles: ['office'] });
    }
    return rows;
  });
  for (const r of due) if (r.unit_id) await openProblemItem(ctx, r.id, OVERDUE_LIST, '超过办理时限未办结，转入督办');
  return { tickets: due.length };
}
