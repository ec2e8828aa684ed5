import { AppError } from '../../common/errors.js';
import { hasPermission } from '../../common/permissions.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { activeUnitIds } from '../org/index.js';
import {
  type ComplaintRow,
  type DocumentRow,
  findById,
  findItemsByCodes,
  insertRow,
  listComplaints,
  listDocuments,
  listWaivers,
  updateVersioned,
} from './enforcement.repository.js';
import { assertUnit, parseJson, visibleUnit } from './scope.js';

const at = (ctx: AppContext) => ctx.clock().toISOString();

async function knownUnit(ctx: AppContext, unitId: number) {
  if (!(await activeUnitIds(ctx.db, [unitId])).length)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unknown unit' }]);
}

// — first-violation-no-penalty and minor-violation lists (首违不罚 / 轻微违法不罚, 《行政处罚法》第三十三条) —

export async function addWaiver(
  ctx: AppContext,
  actor: Actor,
  body: { unitId: number; itemCode: string; kind: string; description: string },
) {
  assertUnit(actor, body.unitId);
  await knownUnit(ctx, body.unitId);
  return withTransaction(ctx.db, async (trx) => {
    if (!(await findItemsByCodes(trx, [body.itemCode])).length)
      throw new AppError('ENF_ITEM_NOT_IN_CATALOGUE', [
        { path: 'body.itemCode', message: `${body.itemCode} 不在执法事项清单中 / not in the catalogue` },
      ]);
    const id = await insertRow(trx, 'enf_waiver', {
      unit_id: body.unitId,
      item_code: body.itemCode,
      kind: body.kind,
      description: body.description,
      created_at: at(ctx),
    });
    await audit(ctx, trx, actor, { action: 'enforcement.waiver.add', entity: 'enf_waiver', entityId: id, after: body });
    return { id, ...body };
  });
}

export async function waiverList(ctx: AppContext) {
  return (await listWaivers(ctx.db)).map((w) => ({
    id: w.id,
    unitId: w.unit_id,
    itemCode: w.item_code,
    kind: w.kind,
    description: w.description,
  }));
}

// — normative documents (行政规范性文件) and their cleanup rounds —

interface Review {
  round: number;
  outcome: string;
  reviewedOn: string;
  note: string;
}

function presentDocument(d: DocumentRow) {
  return {
    id: d.id,
    unitId: d.unit_id,
    title: d.title,
    docNumber: d.doc_number,
    issuedOn: d.issued_on,
    outcome: d.outcome,
    reviewedOn: d.reviewed_on,
    reviews: parseJson<Review[]>(d.reviews_json),
    version: d.version,
  };
}

export async function addDocument(
  ctx: AppContext,
  actor: Actor,
  body: { unitId: number; title: string; docNumber: string; issuedOn: string | null },
) {
  assertUnit(actor, body.unitId);
  await knownUnit(ctx, body.unitId);
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertRow(trx, 'enf_document', {
      unit_id: body.unitId,
      title: body.title,
      doc_number: body.docNumber,
      issued_on: body.issuedOn,
      created_at: at(ctx),
      updated_at: at(ctx),
    });
    const view = presentDocument((await findById(trx, 'enf_document', id))!);
    await audit(ctx, trx, actor, { action: 'enforcement.document.add', entity: 'enf_document', entityId: id, after: view });
    return view;
  });
}

/** One review round: the latest round's outcome is the document's. */
export async function reviewDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { outcome: string; reviewedOn: string; note: string; version: number },
) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findById(trx, 'enf_document', id);
    if (!before) throw new AppError('NOT_FOUND');
    assertUnit(actor, before.unit_id);
    if (before.outcome === 'repeal')
      throw new AppError('CONFLICT', [{ path: 'body.outcome', message: '文件已废止 / the document is repealed' }]);
    const reviews = parseJson<Review[]>(before.reviews_json);
    reviews.push({ round: reviews.length + 1, outcome: body.outcome, reviewedOn: body.reviewedOn, note: body.note });
    const set = { reviews_json: JSON.stringify(reviews), outcome: body.outcome, reviewed_on: body.reviewedOn };
    if (!(await updateVersioned(trx, 'enf_document', id, body.version, set, at(ctx)))) throw new AppError('VERSION_CONFLICT');
    const after = presentDocument((await findById(trx, 'enf_document', id))!);
    await audit(ctx, trx, actor, {
      action: 'enforcement.document.review',
      entity: 'enf_document',
      entityId: id,
      before: presentDocument(before),
      after,
    });
    return after;
  });
}

export async function documentList(ctx: AppContext, actor: Actor) {
  const unit = visibleUnit(actor);
  const docs = (await listDocuments(ctx.db)).filter((d) => unit === undefined || d.unit_id === unit).map(presentDocument);
  const totals = { documents: docs.length, reviewed: 0, keep: 0, amend: 0, repeal: 0, pending: 0 };
  for (const d of docs) {
    if (d.outcome) {
      totals.reviewed++;
      totals[d.outcome as 'keep']++;
    } else totals.pending++;
  }
  return { documents: docs, totals };
}

// — complaints about enforcement against enterprises (涉企执法监督) —

function presentComplaint(c: ComplaintRow) {
  return {
    id: c.id,
    unitId: c.unit_id,
    enterpriseId: c.enterprise_id,
    source: c.source,
    summary: c.summary,
    status: c.status,
    outcome: c.outcome,
    ticketId: c.ticket_id,
    createdAt: c.created_at,
    version: c.version,
  };
}

export async function addComplaint(
  ctx: AppContext,
  actor: Actor,
  body: { unitId: number; enterpriseId: number | null; source: string; summary: string },
) {
  await knownUnit(ctx, body.unitId);
  return withTransaction(ctx.db, async (trx) => {
    const id = await insertRow(trx, 'enf_complaint', {
      unit_id: body.unitId,
      enterprise_id: body.enterpriseId,
      source: body.source,
      summary: body.summary,
      status: 'open',
      created_at: at(ctx),
      updated_at: at(ctx),
    });
    const view = presentComplaint((await findById(trx, 'enf_complaint', id))!);
    await audit(ctx, trx, actor, { action: 'enforcement.complaint.add', entity: 'enf_complaint', entityId: id, after: view });
    await notify(ctx, trx, {
      unitIds: [body.unitId],
      unitRoles: ['unit_head', 'liaison'],
      title: '涉企执法投诉待处理',
      body: body.summary,
      link: '/enforcement',
    });
    return view;
  });
}

/** The department complained about (or the office) records the outcome, which closes the complaint. */
export async function closeComplaint(ctx: AppContext, actor: Actor, id: number, body: { outcome: string; version: number }) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findById(trx, 'enf_complaint', id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!hasPermission(actor.role, 'enforcement.scope.complaints')) assertUnit(actor, before.unit_id);
    if (before.status !== 'open') throw new AppError('CONFLICT', [{ path: 'body', message: '投诉已办结 / already closed' }]);
    if (!(await updateVersioned(trx, 'enf_complaint', id, body.version, { status: 'closed', outcome: body.outcome }, at(ctx))))
      throw new AppError('VERSION_CONFLICT');
    const after = presentComplaint((await findById(trx, 'enf_complaint', id))!);
    await audit(ctx, trx, actor, {
      action: 'enforcement.complaint.close',
      entity: 'enf_complaint',
      entityId: id,
      before: presentComplaint(before),
      after,
    });
    return after;
  });
}

export async function complaintList(ctx: AppContext, actor: Actor) {
  return (await listComplaints(ctx.db, visibleUnit(actor))).map(presentComplaint);
}
