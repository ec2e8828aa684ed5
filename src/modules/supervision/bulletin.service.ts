import { AppError } from '../../common/errors.js';
import {
  type BulletinSummary,
  type BulletinView,
  type Commentary,
  type UpdateBulletinBody,
  bulletinData,
  monthString,
} from '../../common/schemas/supervision.js';
import { chinaDate } from '../../common/dates.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { audit } from '../org/audit.service.js';
import type { BulletinData } from '../../common/schemas/supervision.js';
import { draftCommentary, gatherBulletinData } from './bulletin.data.js';
import { collectBulletinSections } from './bulletin.sections.js';
import { type BulletinRow, findBulletin, insertBulletin, listBulletins, updateDraftBulletin } from './supervision.repository.js';

function summary(r: BulletinRow): BulletinSummary {
  return {
    id: r.id,
    month: r.month,
    status: r.status as BulletinSummary['status'],
    title: r.title,
    docNumber: r.doc_number,
    generatedAt: r.generated_at,
    publishedAt: r.published_at,
    version: r.version,
  };
}

export function presentBulletin(r: BulletinRow): BulletinView {
  return {
    ...summary(r),
    commentary: JSON.parse(r.commentary_json) as Commentary,
    data: bulletinData.parse(JSON.parse(r.data_json)),
    publishedBy: r.published_by_name,
  };
}

/** Checks a month given on the CLI or in a job payload the same way the API schema does. */
export function assertMonth(month: string, path = 'body.month'): void {
  if (!monthString.safeParse(month).success) {
    throw new AppError('VALIDATION_FAILED', [
      { path, message: `“${month}”不是有效的月份，应为 YYYY-MM（01–12） / not a valid month, expected YYYY-MM with 01–12` },
    ]);
  }
}

export function bulletinTitle(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月全市优化营商环境工作推进情况通报`;
}

export function docNumberOf(month: string): string {
  const [y, m] = month.split('-');
  return `营商办通〔${y}〕${Number(m)}号`;
}

/** The month before the one `date` falls in: the month the draft job on the 1st reports on. */
export function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

async function loadOr404(ctx: AppContext, id: number): Promise<BulletinRow> {
  const b = await findBulletin(ctx.db, { id });
  if (!b) throw new AppError('NOT_FOUND');
  return b;
}

/**
 * Drafts the bulletin of a month from the current data, or refreshes the figures of an existing
 * draft (the office's commentary is kept). A published bulletin is never touched.
 */
export async function draftBulletin(ctx: AppContext, actor: Actor, month: string): Promise<{ bulletin: BulletinView; created: boolean }> {
  assertMonth(month);
  const now = ctx.clock();
  const data = await monthData(ctx, month, now);
  const at = now.toISOString();
  try {
    return await withTransaction(ctx.db, async (trx) => {
      const existing = await findBulletin(trx, { month });
      if (existing?.status === 'published')
        throw new AppError('BULLETIN_PUBLISHED', [
          { path: 'body.month', message: `${month} 的通报已于 ${existing.published_at} 发布 / published already` },
        ]);
      if (existing) {
        if (!(await updateDraftBulletin(trx, existing.id, existing.version, { data_json: JSON.stringify(data), generated_at: at }, at)))
          throw new AppError('VERSION_CONFLICT');
        await audit(ctx, trx, actor, {
          action: 'supervision.bulletin.refresh',
          entity: 'bulletin',
          entityId: existing.id,
          after: { month, totals: data.totals },
        });
        return { bulletin: presentBulletin((await findBulletin(trx, { id: existing.id }))!), created: false };
      }
      const id = await insertBulletin(trx, {
        month,
        status: 'draft',
        title: bulletinTitle(month),
        doc_number: docNumberOf(month),
        commentary_json: JSON.stringify(draftCommentary(data)),
        data_json: JSON.stringify(data),
        generated_at: at,
        published_at: null,
        published_by: null,
        created_at: at,
        updated_at: at,
      });
      await audit(ctx, trx, actor, {
        action: 'supervision.bulletin.draft',
        entity: 'bulletin',
        entityId: id,
        after: { month, totals: data.totals },
      });
      return { bulletin: presentBulletin((await findBulletin(trx, { id }))!), created: true };
    });
  } catch (err) {
    // Two drafts of the same month at once (job and user): the other one won; refresh it instead.
    if (isUniqueViolation(err)) return draftBulletin(ctx, actor, month);
    throw err;
  }
}

/** The month's figures: the work lists' and every module section's, as they stood at the month's end. */
async function monthData(ctx: AppContext, month: string, now: Date): Promise<BulletinData> {
  return { ...(await gatherBulletinData(ctx.db, month, now)), sections: await collectBulletinSections(ctx, month) };
}

function assertDraft(b: BulletinRow): void {
  if (b.status === 'published') {
    throw new AppError('BULLETIN_PUBLISHED', [
      { path: 'params.id', message: `该通报已于 ${b.published_at} 发布，内容不可更改 / published on ${b.published_at}; it cannot change` },
    ]);
  }
}

export async function updateBulletin(ctx: AppContext, actor: Actor, id: number, body: UpdateBulletinBody): Promise<BulletinView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBulletin(trx, { id });
    if (!before) throw new AppError('NOT_FOUND');
    assertDraft(before);
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const commentary = { ...(JSON.parse(before.commentary_json) as Commentary), ...(body.commentary ?? {}) };
    const ok = await updateDraftBulletin(
      trx,
      id,
      body.version,
      {
        commentary_json: JSON.stringify(commentary),
        ...(body.title ? { title: body.title } : {}),
        ...(body.docNumber ? { doc_number: body.docNumber } : {}),
      },
      ctx.clock().toISOString(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = presentBulletin((await findBulletin(trx, { id }))!);
    await audit(ctx, trx, actor, {
      action: 'supervision.bulletin.update',
      entity: 'bulletin',
      entityId: id,
      before: { title: before.title, commentary: JSON.parse(before.commentary_json) },
      after: { title: after.title, commentary },
    });
    return after;
  });
}

/** Publishing freezes the bulletin: its figures and commentary stay as they are from now on. */
export async function publishBulletin(ctx: AppContext, actor: Actor, id: number, version: number): Promise<BulletinView> {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBulletin(trx, { id });
    if (!before) throw new AppError('NOT_FOUND');
    assertDraft(before);
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const at = ctx.clock().toISOString();
    if (
      !(await updateDraftBulletin(
        trx,
        id,
        version,
        { status: 'published', published_at: at, published_by: actor.id > 0 ? actor.id : null },
        at,
      ))
    )
      throw new AppError('VERSION_CONFLICT');
    const after = presentBulletin((await findBulletin(trx, { id }))!);
    await audit(ctx, trx, actor, {
      action: 'supervision.bulletin.publish',
      entity: 'bulletin',
      entityId: id,
      after: { month: after.month, publishedAt: at },
    });
    return after;
  });
}

export async function getBulletin(ctx: AppContext, id: number): Promise<BulletinView> {
  return presentBulletin(await loadOr404(ctx, id));
}

export async function listAllBulletins(ctx: AppContext): Promise<BulletinSummary[]> {
  return (await listBulletins(ctx.db)).map(summary);
}

/** The draft job on the 1st: last month's bulletin, unless it is already published. */
export async function draftLastMonth(ctx: AppContext, actor: Actor): Promise<{ month: string; created: boolean; skipped?: string }> {
  const month = previousMonth(chinaDate(ctx.clock()));
  const existing = await findBulletin(ctx.db, { month });
  if (existing?.status === 'published') return { month, created: false, skipped: 'published' };
  const { created } = await draftBulletin(ctx, actor, month);
  return { month, created };
}

/**
 * The draft of a month from the current data, without saving anything (the CLI's `bulletin`
 * command): the office's commentary and title are used when a bulletin of that month exists.
 */
export async function previewBulletin(ctx: AppContext, month: string): Promise<BulletinView> {
  assertMonth(month, 'month');
  const now = ctx.clock();
  const data = await monthData(ctx, month, now);
  const existing = await findBulletin(ctx.db, { month });
  return {
    id: existing?.id ?? 0,
    month,
    status: 'draft',
    title: existing?.title ?? bulletinTitle(month),
    docNumber: existing?.doc_number ?? docNumberOf(month),
    generatedAt: now.toISOString(),
    publishedAt: null,
    version: existing?.version ?? 0,
    commentary: existing ? (JSON.parse(existing.commentary_json) as Commentary) : draftCommentary(data),
    data,
    publishedBy: null,
  };
}
