import { AppError } from '../../common/errors.js';
import { chinaDate } from '../../common/dates.js';
import type { BankResponse, CreditBody, NeedBody, NeedView, PublicationView, RespondBody } from '../../common/schemas/finance.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { findRegistryEnterprise, registryByIds } from '../policies/index.js';
import { type FinanceScope, financeScope } from './access.js';
import {
  type NeedFilter,
  type NeedRow,
  type PublicationRow,
  bankUserIds,
  findNeed,
  findProject,
  findPublication,
  insertNeed,
  insertPublication,
  listBanks,
  listNeeds,
  listProjects,
  publicationsOf,
  setNeedStatus,
  updatePublication,
} from './finance.repository.js';

const NEED_LINK = '/finance';

export async function presentNeeds(db: Executor, rows: NeedRow[], scope: FinanceScope): Promise<NeedView[]> {
  const [enterprises, banks, projects, pubs] = await Promise.all([
    registryByIds(
      db,
      rows.map((r) => r.enterprise_id),
    ),
    listBanks(db),
    listProjects(db),
    publicationsOf(
      db,
      rows.map((r) => r.id),
      scope.kind === 'bank' ? scope.bankId : undefined,
    ),
  ]);
  const bankName = new Map(banks.map((b) => [b.id, b.name]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return rows.map((r) => {
    const e = enterprises.get(r.enterprise_id);
    const publications = pubs.filter((p) => p.need_id === r.id).map((p) => presentPublication(p, bankName.get(p.bank_id) ?? ''));
    return {
      id: r.id,
      enterprise: { id: r.enterprise_id, name: e?.name ?? '', uscc: e?.uscc ?? '' },
      amountFen: r.amount_fen,
      termMonths: r.term_months,
      purpose: r.purpose,
      collateral: r.collateral,
      project: r.project_id ? { id: r.project_id, name: projectName.get(r.project_id) ?? '' } : null,
      source: r.source,
      sourceRef: r.source_ref,
      status: r.status,
      createdAt: r.created_at,
      version: r.version,
      publications,
      grantedFen: publications.reduce((s, p) => s + (p.grantedFen ?? 0), 0),
      landedFen: publications.reduce((s, p) => s + (p.landedFen ?? 0), 0),
    };
  });
}

function presentPublication(p: PublicationRow, bankName: string): PublicationView {
  return {
    id: p.id,
    needId: p.need_id,
    bankId: p.bank_id,
    bankName,
    publishedAt: p.published_at,
    response: p.response as BankResponse,
    reason: p.reason,
    offerFen: p.offer_fen,
    respondedAt: p.responded_at,
    grantedFen: p.granted_fen,
    grantedOn: p.granted_on,
    landedFen: p.landed_fen,
    landedOn: p.landed_on,
    version: p.version,
  };
}

function filterFor(scope: FinanceScope, f: NeedFilter): NeedFilter {
  if (scope.kind === 'bank') return { ...f, bankId: scope.bankId };
  if (scope.kind === 'enterprise') return { ...f, enterpriseId: scope.enterpriseId };
  return f;
}

export async function listVisibleNeeds(ctx: AppContext, actor: Actor, q: Omit<NeedFilter, 'bankId' | 'ids'>): Promise<NeedView[]> {
  const scope = await financeScope(ctx, actor);
  return presentNeeds(ctx.db, await listNeeds(ctx.db, filterFor(scope, q)), scope);
}

/** One need as the actor may see it; a need outside the actor's scope is simply not found. */
export async function getNeed(ctx: AppContext, actor: Actor, id: number, db: Executor = ctx.db): Promise<NeedView> {
  const scope = await financeScope(ctx, actor, db);
  const [row] = await listNeeds(db, filterFor(scope, { ids: [id] }));
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentNeeds(db, [row], scope))[0]!;
}

async function assertProject(db: Executor, projectId: number | null | undefined): Promise<void> {
  if (projectId && !(await findProject(db, projectId)))
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.projectId', message: '重大项目不存在 / no such major project' }]);
}

async function insertNeedIn(
  ctx: AppContext,
  trx: Executor,
  actor: Actor,
  enterpriseId: number,
  body: NeedBody,
  source: string,
  sourceRef: string | null,
): Promise<number> {
  if (!(await findRegistryEnterprise(trx, enterpriseId)))
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.enterpriseId', message: '企业库中没有该企业 / no such enterprise in the registry' },
    ]);
  await assertProject(trx, body.projectId);
  const at = ctx.clock().toISOString();
  const id = await insertNeed(trx, {
    enterprise_id: enterpriseId,
    amount_fen: body.amount,
    term_months: body.termMonths,
    purpose: body.purpose,
    collateral: body.collateral,
    project_id: body.projectId ?? null,
    source,
    source_ref: sourceRef,
    status: 'open',
    filed_by: actor.id > 0 ? actor.id : null,
    created_at: at,
    updated_at: at,
  });
  await audit(ctx, trx, actor, {
    action: 'finance.need.file',
    entity: 'finance_need',
    entityId: id,
    after: { enterpriseId, ...body, source, sourceRef },
  });
  return id;
}

/** An enterprise files its own need; the office files one for any enterprise of the registry. */
export async function fileNeed(ctx: AppContext, actor: Actor, body: NeedBody): Promise<NeedView> {
  const scope = await financeScope(ctx, actor);
  if (scope.kind === 'bank') throw new AppError('FORBIDDEN');
  let enterpriseId = body.enterpriseId;
  if (scope.kind === 'enterprise') {
    if (enterpriseId && enterpriseId !== scope.enterpriseId)
      throw new AppError('FORBIDDEN', [{ path: 'body.enterpriseId', message: '只能为本企业填报 / you file for your own enterprise only' }]);
    enterpriseId = scope.enterpriseId;
  }
  if (!enterpriseId)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.enterpriseId', message: '请选择企业 / choose the enterprise' }]);
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertNeedIn(ctx, trx, actor, enterpriseId, body, scope.kind === 'enterprise' ? 'enterprise' : 'office', null);
    if (scope.kind === 'enterprise')
      await notify(ctx, trx, { roles: ['office'], title: '新的融资需求', body: `企业提交了融资需求：${body.purpose}`, link: NEED_LINK });
    return getNeed(ctx, actor, id, trx);
  });
}

/**
 * For the demand desk: a ticket that turns out to be a financing need becomes one, keeping the
 * ticket's reference, in the caller's transaction when given one.
 */
export async function needFromTicket(
  ctx: AppContext,
  actor: Actor,
  trx: Executor,
  input: NeedBody & { enterpriseId: number; ticketRef: string },
): Promise<number> {
  return insertNeedIn(ctx, trx, actor, input.enterpriseId, input, 'ticket', input.ticketRef);
}

/** The office publishes a need to banks; each bank's account managers are told at once. */
export async function publishNeed(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { bankIds: number[]; projectId?: number | null | undefined; version: number },
): Promise<NeedView> {
  return withTransaction(ctx.db, async (trx) => {
    const need = await findNeed(trx, id);
    if (!need) throw new AppError('NOT_FOUND');
    if (need.status === 'closed')
      throw new AppError('FINANCE_STATUS_CONFLICT', [{ path: 'body', message: '该需求已关闭 / the need is closed' }]);
    const known = new Set((await listBanks(trx)).map((b) => b.id));
    const unknown = body.bankIds.filter((b) => !known.has(b));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.bankIds', message: `银行不存在：${unknown.join('、')} / unknown banks` }]);
    await assertProject(trx, body.projectId);
    const set = { status: 'published', ...(body.projectId !== undefined ? { project_id: body.projectId } : {}) };
    if (!(await setNeedStatus(trx, id, body.version, set, ctx.clock().toISOString()))) throw new AppError('VERSION_CONFLICT');
    const already = new Set((await publicationsOf(trx, [id])).map((p) => p.bank_id));
    const fresh = [...new Set(body.bankIds)].filter((b) => !already.has(b));
    for (const bankId of fresh) await insertPublication(trx, id, bankId, ctx.clock().toISOString());
    const users = await bankUserIds(trx, fresh);
    if (users.length)
      await notify(ctx, trx, {
        userIds: users,
        kind: 'assigned',
        title: '新的融资需求待回应',
        body: `融资需求 ${need.purpose}（${need.amount_fen / 100} 元）已推送给贵行，请回应。`,
        link: NEED_LINK,
      });
    await audit(ctx, trx, actor, {
      action: 'finance.need.publish',
      entity: 'finance_need',
      entityId: id,
      after: { bankIds: fresh, projectId: body.projectId },
    });
    return getNeed(ctx, actor, id, trx);
  });
}

/** The publication the actor may act on: a bank user only his own bank's (403 otherwise). */
async function publicationFor(ctx: AppContext, trx: Executor, actor: Actor, id: number): Promise<PublicationRow> {
  const scope = await financeScope(ctx, actor, trx);
  const pub = await findPublication(trx, id);
  if (scope.kind === 'enterprise') throw new AppError('FORBIDDEN');
  if (!pub) throw new AppError('NOT_FOUND');
  if (scope.kind === 'bank' && pub.bank_id !== scope.bankId)
    throw new AppError('NEED_NOT_PUBLISHED_TO_BANK', [
      { path: 'params.id', message: '该需求未推送给贵行 / this need was not published to your bank' },
    ]);
  return pub;
}

export async function respondToNeed(ctx: AppContext, actor: Actor, publicationId: number, body: RespondBody): Promise<NeedView> {
  return withTransaction(ctx.db, async (trx) => {
    const pub = await publicationFor(ctx, trx, actor, publicationId);
    if (pub.granted_fen !== null)
      throw new AppError('FINANCE_STATUS_CONFLICT', [
        { path: 'body.response', message: '已授信，不能再更改回应 / credit is granted; the answer can no longer change' },
      ]);
    const at = ctx.clock().toISOString();
    const set = {
      response: body.response,
      reason: body.reason ?? null,
      offer_fen: body.response === 'offered' ? (body.offerAmount ?? null) : null,
      responded_at: at,
      responded_by: actor.id,
      updated_at: at,
    };
    if (!(await updatePublication(trx, pub.id, body.version, set))) throw new AppError('VERSION_CONFLICT');
    await notify(ctx, trx, {
      roles: ['office'],
      title: '银行回应了融资需求',
      body: `融资需求 #${pub.need_id}：${body.response === 'declined' ? `婉拒（${body.reason}）` : body.response === 'offered' ? '已提供方案' : '有意向'}`,
      link: NEED_LINK,
    });
    await audit(ctx, trx, actor, {
      action: 'finance.publication.respond',
      entity: 'finance_publication',
      entityId: pub.id,
      before: { response: pub.response },
      after: set,
    });
    return getNeed(ctx, actor, pub.need_id, trx);
  });
}

function notAfterToday(ctx: AppContext, on: string): void {
  if (on > chinaDate(ctx.clock()))
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.on', message: '日期不能晚于今天 / the date cannot be in the future' }]);
}

/** 授信: only after an offer. Credit already landed caps how low the grant may be corrected. */
export async function grantCredit(ctx: AppContext, actor: Actor, publicationId: number, body: CreditBody): Promise<NeedView> {
  notAfterToday(ctx, body.on);
  return withTransaction(ctx.db, async (trx) => {
    const pub = await publicationFor(ctx, trx, actor, publicationId);
    if (pub.response !== 'offered')
      throw new AppError('FINANCE_STATUS_CONFLICT', [
        { path: 'body', message: '须先提供融资方案，才能登记授信 / record an offer before the credit granted' },
      ]);
    if (pub.landed_fen !== null && body.amount < pub.landed_fen) {
      throw new AppError('FINANCE_AMOUNT_INVALID', [
        {
          path: 'body.amount',
          message:
            `授信金额不能低于已放款 ${fmtYuan(pub.landed_fen)} 元 / the credit cannot ` +
            `be below the ${fmtYuan(pub.landed_fen)} yuan already landed`,
        },
      ]);
    }
    const set = { granted_fen: body.amount, granted_on: body.on, updated_at: ctx.clock().toISOString() };
    if (!(await updatePublication(trx, pub.id, body.version, set))) throw new AppError('VERSION_CONFLICT');
    await audit(ctx, trx, actor, {
      action: 'finance.publication.grant',
      entity: 'finance_publication',
      entityId: pub.id,
      before: { granted_fen: pub.granted_fen },
      after: set,
    });
    return getNeed(ctx, actor, pub.need_id, trx);
  });
}

/** 放款: never more than the credit granted, never before it. */
export async function landLoan(ctx: AppContext, actor: Actor, publicationId: number, body: CreditBody): Promise<NeedView> {
  notAfterToday(ctx, body.on);
  return withTransaction(ctx.db, async (trx) => {
    const pub = await publicationFor(ctx, trx, actor, publicationId);
    if (pub.granted_fen === null || pub.granted_on === null)
      throw new AppError('FINANCE_STATUS_CONFLICT', [
        { path: 'body', message: '须先登记授信，才能登记放款 / record the credit granted first' },
      ]);
    if (body.amount > pub.granted_fen) {
      throw new AppError('FINANCE_AMOUNT_INVALID', [
        {
          path: 'body.amount',
          message: `放款金额 ${fmtYuan(body.amount)} 元超过授信金额 ${fmtYuan(pub.granted_fen)} 元 / the loan exceeds the credit granted`,
        },
      ]);
    }
    if (body.on < pub.granted_on)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.on', message: `放款日期不能早于授信日期 ${pub.granted_on} / a loan lands after the credit is granted` },
      ]);
    const set = { landed_fen: body.amount, landed_on: body.on, updated_at: ctx.clock().toISOString() };
    if (!(await updatePublication(trx, pub.id, body.version, set))) throw new AppError('VERSION_CONFLICT');
    await audit(ctx, trx, actor, {
      action: 'finance.publication.land',
      entity: 'finance_publication',
      entityId: pub.id,
      before: { landed_fen: pub.landed_fen },
      after: set,
    });
    return getNeed(ctx, actor, pub.need_id, trx);
  });
}

/** Fen as yuan text with two decimals, exact (no floating point division). */
export function fmtYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
