import { AppError } from '../../common/errors.js';
import { chinaDate } from '../../common/dates.js';
import { LISTING_STAGES, LISTING_STAGE_LABELS, type ListingStage, type ListingStageBody } from '../../common/schemas/finance.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import { actOnResult, registryByIds, getResult } from '../policies/index.js';
import { findListing, insertListing, insertListingEvent, listListings, listingEventsOf, updateListing } from './finance.repository.js';

export async function listListingViews(ctx: AppContext) {
  const rows = await listListings(ctx.db);
  const [events, enterprises] = await Promise.all([
    listingEventsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    registryByIds(
      ctx.db,
      rows.map((r) => r.enterprise_id),
    ),
  ]);
  return rows.map((r) => {
    const own = events.filter((e) => e.listing_id === r.id);
    return {
      id: r.id,
      enterprise: { id: r.enterprise_id, name: enterprises.get(r.enterprise_id)?.name ?? '' },
      stage: r.stage as ListingStage,
      exchange: r.exchange,
      board: r.board,
      version: r.version,
      history: own.map((e) => ({
        kind: e.kind,
        on: e.on_date,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        note: e.note,
        amountFen: e.amount_fen,
        resultId: e.match_result_id,
      })),
      subsidyFen: own.filter((e) => e.kind === 'subsidy').reduce((a, e) => a + (e.amount_fen ?? 0), 0),
    };
  });
}

async function listingView(ctx: AppContext, id: number) {
  return (await listListingViews(ctx)).find((l) => l.id === id)!;
}

export async function addToReserve(
  ctx: AppContext,
  actor: Actor,
  body: { enterpriseId: number; stage: ListingStage; exchange?: string | null | undefined; board?: string | null | undefined },
) {
  try {
    const id = await withTransaction(ctx.db, async (trx) => {
      if (!(await registryByIds(trx, [body.enterpriseId])).size)
        throw new AppError('VALIDATION_FAILED', [{ path: 'body.enterpriseId', message: '企业库中没有该企业 / no such enterprise' }]);
      const at = ctx.clock().toISOString();
      const id = await insertListing(trx, {
        enterprise_id: body.enterpriseId,
        stage: body.stage,
        exchange: body.exchange ?? null,
        board: body.board ?? null,
        created_at: at,
        updated_at: at,
      });
      await insertListingEvent(trx, {
        listing_id: id,
        kind: 'stage',
        on_date: chinaDate(ctx.clock()),
        from_stage: null,
        to_stage: body.stage,
        note: '入库 / added to the reserve',
        created_at: at,
      });
      await audit(ctx, trx, actor, { action: 'finance.listing.create', entity: 'finance_listing', entityId: id, after: body });
      return id;
    });
    return listingView(ctx, id);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', [
        { path: 'body.enterpriseId', message: '该企业已在上市后备库中 / the enterprise is already in the reserve' },
      ]);
    throw err;
  }
}

/** 培育 → 股改 → 辅导 → 申报 → 上市; a move back (a withdrawn filing, a failed review) must say why. */
export async function moveListingStage(ctx: AppContext, actor: Actor, id: number, body: ListingStageBody) {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findListing(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const from = LISTING_STAGES.indexOf(before.stage as ListingStage);
    const to = LISTING_STAGES.indexOf(body.stage);
    if (to < from && !body.reason) {
      const message =
        `从“${LISTING_STAGE_LABELS[before.stage as ListingStage].zh}”退回“${LISTING_STAGE_LABELS[body.stage].zh}”须填写原因 ` +
        `/ moving back needs a reason`;
      throw new AppError('LISTING_STAGE_BACKWARDS', [{ path: 'body.reason', message }]);
    }
    const at = ctx.clock().toISOString();
    const set = {
      stage: body.stage,
      exchange: body.exchange !== undefined ? body.exchange : before.exchange,
      board: body.board !== undefined ? body.board : before.board,
      updated_at: at,
    };
    if (!(await updateListing(trx, id, body.version, set))) throw new AppError('VERSION_CONFLICT');
    await insertListingEvent(trx, {
      listing_id: id,
      kind: 'stage',
      on_date: body.on,
      from_stage: before.stage,
      to_stage: body.stage,
      note: body.reason ?? null,
      created_at: at,
    });
    await audit(ctx, trx, actor, {
      action: 'finance.listing.stage',
      entity: 'finance_listing',
      entityId: id,
      before: { stage: before.stage },
      after: { ...set, reason: body.reason },
    });
  });
  return listingView(ctx, id);
}

export async function recordListingService(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { kind: string; on: string; note?: string | undefined },
) {
  await withTransaction(ctx.db, async (trx) => {
    if (!(await findListing(trx, id))) throw new AppError('NOT_FOUND');
    await insertListingEvent(trx, {
      listing_id: id,
      kind: body.kind,
      on_date: body.on,
      note: body.note ?? null,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'finance.listing.service', entity: 'finance_listing', entityId: id, after: body });
  });
  return listingView(ctx, id);
}

/**
 * A listing subsidy is paid through the policies module's payout: the enterprise's confirmed
 * benefit match is marked paid there (its status rules apply), then the payment is kept in the
 * reserve's log. The payout is its own transaction; a failure of the second step leaves a paid
 * result the reserve does not show yet, which paying again cannot double (the result is paid).
 */
export async function payListingSubsidy(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { resultId: number; amount: number; paidOn: string; resultVersion: number },
) {
  const listing = await findListing(ctx.db, id);
  if (!listing) throw new AppError('NOT_FOUND');
  const result = await getResult(ctx, actor, body.resultId);
  if (result.enterprise.id !== listing.enterprise_id)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.resultId', message: '该兑现记录不属于这家企业 / the payout record is another enterprise’s' },
    ]);
  await actOnResult(ctx, actor, body.resultId, {
    action: 'pay',
    amount: body.amount / 100,
    paidOn: body.paidOn,
    version: body.resultVersion,
  });
  await withTransaction(ctx.db, async (trx) => {
    await insertListingEvent(trx, {
      listing_id: id,
      kind: 'subsidy',
      on_date: body.paidOn,
      note: result.benefit.name,
      match_result_id: body.resultId,
      amount_fen: body.amount,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'finance.listing.subsidy', entity: 'finance_listing', entityId: id, after: body });
  });
  return listingView(ctx, id);
}
