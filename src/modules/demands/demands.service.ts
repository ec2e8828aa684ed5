import { createHash, randomBytes } from 'node:crypto';
import { hasPermission } from '../../common/permissions.js';
import { AppError } from '../../common/errors.js';
import {
  type DemandDetailView,
  type DemandFinding,
  type DemandQuery,
  type DemandStatus,
  type DemandType,
  type DemandView,
  type DuplicateView,
  type IntakeBody,
  RESPONDENT_TYPES,
} from '../../common/schemas/demands.js';
import type { WorkCalendar } from '../../common/workdays.js';
import { chinaDate } from '../../common/dates.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { DemandRouteRuleTable, DemandSubjectTable, DemandTable } from './demands.tables.js';
import { isUniqueViolation } from '../../db/errors.js';
import { getWorkCalendar } from '../calendar/calendar.service.js';
import { notify } from '../notifications/notifications.service.js';
import { audit } from '../org/audit.service.js';
import { listUnits, unitNames } from '../org/index.js';
import { checkUscc, enterpriseOfUser, enterpriseUserIds, registeredEnterprise } from '../policies/index.js';
import {
  type DemandFilter,
  type DemandEventValues,
  type DemandRow,
  type ListedDemandRow,
  countDemands,
  findDemand,
  findDemandBy,
  insertDemand,
  insertEvent,
  insertEvents,
  keyEnterpriseOf,
  listDemands,
  listEvents,
  listRouteRules,
  listSubjects,
  recentFromSame,
  setDemandCode,
  updateDemand,
} from './demands.repository.js';
import { type Deadlines, loadDeadlines, routeIn } from './settings.service.js';
import { addWorkingHours, dueAfterWorkdays, workingHoursBetween } from './sla.js';
import { similarity } from './similarity.js';
import { whileUnchanged } from './stamp.js';

const OPEN_STATUSES: readonly DemandStatus[] = ['received', 'dispatched', 'sent_back', 'in_progress'];
/** A ticket this similar (character bigrams) from the same enterprise or phone within 30 days is offered for merging. */
export const DUPLICATE_THRESHOLD = 0.5;
export const DUPLICATE_DAYS = 30;

/** 13812341234 → 138****1234: phone numbers are personal information, shown whole only through the audited reveal. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** A one-time rating code: 8 characters without look-alikes, easy to read out on the phone or type from an SMS. */
export function newRatingCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

interface Names {
  units: Map<number, string>;
  subjects: Map<number, string>;
}

/**
 * Unit and subject names for every row of a page: two small lists, read once per change of units or
 * subjects (the `demand_settings` stamp, which new tickets do not move).
 */
function namesFor(ctx: AppContext, db: Executor): Promise<Names> {
  const load = async () => ({
    units: await unitNames(db),
    subjects: new Map((await listSubjects(db)).map((s) => [s.id, s.name])),
  });
  // Inside a transaction the names are read there: the cache holds only committed data.
  return db === ctx.db ? whileUnchanged(ctx, 'names', load, { counter: 'demand_settings' }) : load();
}

export function presentDemand(r: ListedDemandRow, names: Names, now: Date): DemandView {
  const open = OPEN_STATUSES.includes(r.status as DemandStatus);
  return {
    id: r.id,
    code: r.code,
    externalCode: r.external_code,
    channel: r.channel as DemandView['channel'],
    type: r.type as DemandView['type'],
    subjectId: r.subject_id,
    subjectName: names.subjects.get(r.subject_id) ?? '',
    countyCode: r.county_code,
    uscc: r.uscc,
    enterpriseKnown: r.uscc === null || r.enterprise_id !== null,
    enterpriseName: r.enterprise_name,
    contactName: r.contact_name,
    contactPhone: maskPhone(r.contact_phone),
    description: r.description,
    status: r.status as DemandStatus,
    unitId: r.unit_id,
    unitName: r.unit_id ? (names.units.get(r.unit_id) ?? null) : null,
    receivedAt: r.received_at,
    signDueAt: r.sign_due_at,
    dueAt: r.due_at,
    signedAt: r.signed_at,
    answeredAt: r.answered_at,
    answer: r.answer,
    followedUpAt: r.followed_up_at,
    closedAt: r.closed_at,
    firstContact: r.first_contact === 1,
    reopenCount: r.reopen_count,
    rating: r.rating,
    overdue: open && r.due_at !== null && r.due_at < now.toISOString(),
    pendingExtension: r.pending_extension_days ? { days: r.pending_extension_days, reason: r.pending_extension_reason ?? '' } : null,
    mergedIntoId: r.merged_into_id,
    respondent: r.respondent_uscc ? { uscc: r.respondent_uscc, name: r.respondent_name, known: r.respondent_enterprise_id !== null } : null,
    finding: r.finding as DemandFinding | null,
    version: r.version,
  };
}

/** Whether the actor may see this ticket: city roles all, a unit its own, an enterprise its own. */
async function canSee(ctx: AppContext, actor: Actor, r: DemandRow): Promise<boolean> {
  if (hasPermission(actor.role, 'demands.scope.all')) return true;
  if (hasPermission(actor.role, 'demands.scope.enterprise')) {
    if (r.created_by === actor.id) return true;
    const own = await enterpriseOfUser(ctx.db, actor.id);
    return !!own && own.uscc === r.uscc;
  }
  return hasPermission(actor.role, 'demands.scope.unit') && actor.unitId !== null && r.unit_id === actor.unitId;
}

async function scopeFilter(ctx: AppContext, actor: Actor): Promise<DemandFilter> {
  if (hasPermission(actor.role, 'demands.scope.all')) return {};
  if (hasPermission(actor.role, 'demands.scope.enterprise')) {
    const own = await enterpriseOfUser(ctx.db, actor.id);
    return { createdBy: actor.id, uscc: own?.uscc };
  }
  // No unit scope (or no unit): a filter that matches no ticket.
  return { unitId: (hasPermission(actor.role, 'demands.scope.unit') ? actor.unitId : null) ?? -1 };
}

/**
 * One page of tickets. The page is read by index in the list's order; its total is counted only
 * when the page is full, and that count is kept while the desk's data is unchanged, so paging and
 * polling a list of 100 000 tickets costs one short read. The overdue filter reads "overdue" as of
 * the start of the current minute, which lets that count be kept too (a ticket falling due shows
 * within the minute).
 */
export async function listDemandPage(ctx: AppContext, actor: Actor, q: DemandQuery) {
  const now = ctx.clock();
  const scope = await scopeFilter(ctx, actor);
  const filter: DemandFilter = {
    ...scope,
    status: q.status,
    type: q.type,
    channel: q.channel,
    q: q.q,
    overdueAt: q.overdue === 'true' ? new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString() : undefined,
  };
  if (q.unitId && scope.unitId === undefined) filter.unitId = q.unitId;
  const offset = (q.page - 1) * q.pageSize;
  // The page's rows are kept while the desk's data is unchanged, keyed by the whole filter (so by the
  // caller's scope too): polling and paging clients read them from memory. Only where the stamp sees
  // every process's writes (SQLite); on PostgreSQL another process's new ticket must show at once too.
  const window = { offset, limit: q.pageSize };
  const [rows, names] = await Promise.all([
    whileUnchanged(ctx, `page|${JSON.stringify(filter)}|${offset}|${q.pageSize}`, () => listDemands(ctx.db, filter, window), {
      exactOnly: true,
    }),
    namesFor(ctx, ctx.db),
  ]);
  const total =
    rows.length < q.pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : await whileUnchanged(ctx, `count|${JSON.stringify(filter)}`, () => countDemands(ctx.db, filter));
  return presentPage(rows, names, total, q, now);
}

export type DemandPageView = { items: DemandView[]; total: number; page: number; pageSize: number };

interface PresentedPage {
  names: Names;
  total: number;
  /** the instants (ISO) between which no listed ticket's `overdue` flag changes */
  from: string;
  until: string;
  value: DemandPageView;
}
const presentedPages = new WeakMap<readonly ListedDemandRow[], PresentedPage>();

/**
 * A kept page (the same rows object) is presented once, and the same answer object is given again
 * while its names and total are the same and no listed ticket falls due: the route sends it as JSON
 * serialised once (sendJsonOnce), so a polled page costs no presenting, validating or stringifying.
 */
function presentPage(rows: readonly ListedDemandRow[], names: Names, total: number, q: DemandQuery, now: Date): DemandPageView {
  const at = now.toISOString();
  const memo = presentedPages.get(rows);
  if (memo && memo.names === names && memo.total === total && memo.from <= at && at <= memo.until) return memo.value;
  const value = { items: rows.map((r) => presentDemand(r, names, now)), total, page: q.page, pageSize: q.pageSize };
  // `overdue` is `due_at < now` for an open ticket: the answer stands until the first listed deadline still ahead.
  let until = '\uffff';
  for (const r of rows)
    if (OPEN_STATUSES.includes(r.status as DemandStatus) && r.due_at !== null && r.due_at >= at && r.due_at < until) until = r.due_at;
  presentedPages.set(rows, { names, total, from: at, until, value });
  return value;
}

/** The open tickets of the last 30 days from the same enterprise or phone whose text is similar. */
export async function findDuplicates(
  db: Executor,
  now: Date,
  by: { uscc?: string | null | undefined; phone?: string | null | undefined; description: string },
  exceptId: number | null,
): Promise<DuplicateView[]> {
  const since = new Date(now.getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const rows = await recentFromSame(db, { uscc: by.uscc, phone: by.phone?.replace(/\D/g, '') || by.phone }, since, exceptId);
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      receivedAt: r.received_at,
      status: r.status as DemandStatus,
      description: r.description,
      similarity: Math.round(similarity(by.description, r.description) * 100) / 100,
    }))
    .filter((d) => d.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 10);
}

async function detailIn(ctx: AppContext, db: Executor, r: DemandRow): Promise<DemandDetailView> {
  const events = await listEvents(db, r.id);
  const names = await namesFor(ctx, db);
  const duplicates = OPEN_STATUSES.includes(r.status as DemandStatus)
    ? await findDuplicates(db, ctx.clock(), { uscc: r.uscc, phone: r.contact_phone, description: r.description }, r.id)
    : [];
  return {
    ...presentDemand(r, names, ctx.clock()),
    events: events.map((e) => ({
      action: e.action,
      actorName: e.actor_name,
      unitName: e.unit_id ? (names.units.get(e.unit_id) ?? null) : null,
      note: e.note,
      at: e.at,
    })),
    duplicates,
  };
}

export async function getDemand(ctx: AppContext, actor: Actor, id: number): Promise<DemandDetailView> {
  const r = await findDemand(ctx.db, id);
  if (!r || !(await canSee(ctx, actor, r))) throw new AppError('NOT_FOUND');
  return detailIn(ctx, ctx.db, r);
}

/** The whole phone number, for the staff handling the ticket; every reveal is audited. */
export async function revealPhone(ctx: AppContext, actor: Actor, id: number): Promise<{ contactPhone: string | null }> {
  return withTransaction(ctx.db, async (trx) => {
    const r = await findDemand(trx, id);
    if (!r || !(await canSee(ctx, actor, r))) throw new AppError('NOT_FOUND');
    await audit(ctx, trx, actor, { action: 'demands.revealPhone', entity: 'demand', entityId: id, after: { code: r.code } });
    return { contactPhone: r.contact_phone };
  });
}

// — intake —

export interface IntakeExtra {
  /** Open311 client, CLI import … */
  open311ClientId?: number;
  open311Token?: string;
  externalCode?: string;
  receivedAt?: Date;
  actorName?: string;
}

/** Validates the credit code: malformed → 422 located at `path`; well formed but unregistered → kept and flagged. */
export async function resolveEnterprise(db: Executor, raw: string | undefined, path: string) {
  if (!raw) return null;
  const check = checkUscc(raw);
  if (!check.ok) throw new AppError('DEMAND_USCC_INVALID', [{ path, message: check.reason }]);
  const known = await registeredEnterprise(db, check.uscc);
  return { uscc: check.uscc, divisionCode: check.divisionCode, known };
}

/**
 * The enterprise a 投诉/举报 is against (被投诉（举报）企业): only those two types name one; its code is
 * checked like the ticket's (malformed → located error, unregistered → kept and flagged) and it may
 * not be the complaining enterprise itself, whose grade a complaint must never touch.
 */
export async function resolveRespondent(
  db: Executor,
  f: { type: string; uscc: string | null | undefined; name?: string | undefined; complainantUscc: string | null; path: string },
) {
  if (!f.uscc) return null;
  if (!RESPONDENT_TYPES.includes(f.type as DemandType))
    throw new AppError('VALIDATION_FAILED', [
      {
        path: f.path,
        message: '只有投诉、举报类诉求可以填写被投诉（举报）企业 / only a complaint or report names an enterprise complained about',
      },
    ]);
  const check = checkUscc(f.uscc);
  if (!check.ok) throw new AppError('DEMAND_USCC_INVALID', [{ path: f.path, message: check.reason }]);
  if (check.uscc === f.complainantUscc)
    throw new AppError('VALIDATION_FAILED', [
      {
        path: f.path,
        message: '被投诉（举报）企业不能是提出诉求的企业本身 / the enterprise complained about cannot be the one complaining',
      },
    ]);
  const known = await registeredEnterprise(db, check.uscc);
  return { uscc: check.uscc, enterpriseId: known?.id ?? null, name: known?.name ?? f.name ?? null };
}

interface IntakeSettings {
  subjects: Map<number, Selectable<DemandSubjectTable>>;
  rules: Selectable<DemandRouteRuleTable>[];
  deadlines: Deadlines;
}

/**
 * What every ticket's intake reads and the office rarely changes: active subjects, routing rules,
 * deadlines. Kept while the `demand_settings` stamp stays (SQLite, where any process's change moves
 * it at once); on PostgreSQL read afresh, since a rule changed in another process must route the
 * next ticket. Inside a caller's transaction (a visit's tickets) read there.
 */
function intakeSettings(ctx: AppContext, db: Executor): Promise<IntakeSettings> {
  const load = async () => ({
    subjects: new Map((await listSubjects(db)).map((s) => [s.id, s])),
    rules: await listRouteRules(db),
    deadlines: await loadDeadlines(db),
  });
  return db === ctx.db ? whileUnchanged(ctx, 'intake-settings', load, { exactOnly: true, counter: 'demand_settings' }) : load();
}

/** A ticket decided before it is written: everything intake reads, so its transaction only writes. */
interface IntakePlan {
  values: Insertable<DemandTable>;
  firstContact: boolean;
  unitId: number | null;
  signForHours: number;
  /** the intake's date in China, for the ticket number */
  day: string;
  actorName: string;
  knowledgeId: number | undefined;
}

/** A written ticket as listed and the history events written with it (what its detail shows). */
interface WrittenTicket {
  row: ListedDemandRow;
  events: DemandEventValues[];
}

async function planIntake(
  ctx: AppContext,
  db: Executor,
  cal: WorkCalendar,
  actor: Actor,
  body: IntakeBody,
  extra: IntakeExtra,
): Promise<IntakePlan> {
  if (body.firstContactAnswer && body.type !== 'consult') {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.firstContactAnswer', message: '只有咨询类诉求可以即时答复办结 / only a consultation is closed on first contact' },
    ]);
  }
  let enterprise = await resolveEnterprise(db, body.uscc, 'body.uscc');
  if (hasPermission(actor.role, 'demands.scope.enterprise')) {
    const own = await enterpriseOfUser(db, actor.id);
    if (!own) throw new AppError('ENTERPRISE_NOT_LINKED');
    enterprise = { uscc: own.uscc, divisionCode: own.uscc.slice(2, 8), known: own };
    // An enterprise files on the web form, whatever it sends, and cannot close its own ticket as
    // answered on first contact (that would count towards the desk's 一次办结率).
    if (body.firstContactAnswer)
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.firstContactAnswer', message: '企业提交的诉求由专席答复 / the desk answers a demand an enterprise files' },
      ]);
    body = { ...body, channel: 'web' };
  }
  const settings = await intakeSettings(ctx, db);
  if (!settings.subjects.has(body.subjectId))
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.subjectId', message: '业务事项不存在 / subject not found' }]);
  const now = extra.receivedAt ?? ctx.clock();
  const at = now.toISOString();
  const county = body.countyCode ?? enterprise?.known?.countyCode ?? null;
  const { deadlines } = settings;
  const firstContact = !!body.firstContactAnswer;
  const unitId = firstContact ? null : (routeIn(settings.rules, settings.subjects, body.subjectId, county) ?? null);
  const key = enterprise ? await keyEnterpriseOf(db, enterprise.uscc) : undefined;
  const respondent = await resolveRespondent(db, {
    type: body.type,
    uscc: body.respondentUscc,
    name: body.respondentName,
    complainantUscc: enterprise?.uscc ?? null,
    path: 'body.respondentUscc',
  });
  return {
    firstContact,
    unitId,
    signForHours: deadlines.signForHours,
    day: chinaDate(now),
    actorName: extra.actorName ?? actor.displayName,
    knowledgeId: body.knowledgeId,
    values: {
      // replaced by the ticket number once the id is known (writeIntake)
      code: `T${randomBytes(8).toString('hex')}`,
      external_code: extra.externalCode ?? null,
      idempotency_key: body.idempotencyKey ?? null,
      channel: body.channel,
      type: body.type,
      subject_id: body.subjectId,
      county_code: county,
      address: body.address ?? null,
      uscc: enterprise?.uscc ?? null,
      enterprise_id: enterprise?.known?.id ?? null,
      enterprise_name: enterprise?.known?.name ?? body.enterpriseName ?? null,
      contact_name: body.contactName ?? null,
      contact_phone: body.contactPhone?.replace(/[\s-]/g, '') ?? null,
      description: body.description,
      status: firstContact ? 'closed' : unitId ? 'dispatched' : 'received',
      unit_id: unitId,
      month: chinaDate(now).slice(0, 7),
      received_at: at,
      sign_due_at: unitId ? addWorkingHours(cal, now, deadlines.signForHours).toISOString() : null,
      due_at: dueAfterWorkdays(cal, now, deadlines.days[body.type]).toISOString(),
      dispatched_at: unitId ? at : null,
      answered_at: firstContact ? at : null,
      answer: body.firstContactAnswer ?? null,
      closed_at: firstContact ? at : null,
      closed_on_time: firstContact ? 1 : null,
      first_contact: firstContact ? 1 : 0,
      handling_hours: firstContact ? 0 : null,
      specialist_id: actor.role === 'specialist' ? actor.id : (key?.specialist_id ?? null),
      open311_client_id: extra.open311ClientId ?? null,
      open311_token: extra.open311Token ?? null,
      respondent_uscc: respondent?.uscc ?? null,
      respondent_enterprise_id: respondent?.enterpriseId ?? null,
      respondent_name: respondent?.name ?? null,
      created_by: actor.id > 0 ? actor.id : null,
      created_at: at,
      updated_at: at,
    },
  };
}

/** The writes of one intake, all or nothing: the ticket, its number, its history, the unit's or office's notice, the audit row. */
async function writeIntake(ctx: AppContext, trx: Transaction<DB>, actor: Actor, plan: IntakePlan): Promise<WrittenTicket> {
  const { values, firstContact, unitId } = plan;
  const at = values.received_at;
  const id = await insertDemand(trx, values);
  // The ticket number the caller is told: date and sequence, readable on the phone.
  const code = `QY${plan.day.replaceAll('-', '')}${String(id).padStart(6, '0')}`;
  const row = await setDemandCode(trx, id, code);
  const events: DemandEventValues[] = [
    {
      demand_id: id,
      action: firstContact ? 'firstContactClose' : 'intake',
      actor_id: actor.id > 0 ? actor.id : null,
      actor_name: plan.actorName,
      unit_id: null,
      note: plan.knowledgeId ? `knowledge:${plan.knowledgeId}` : null,
      at,
    },
  ];
  if (unitId) events.push({ demand_id: id, action: 'dispatch', actor_id: null, actor_name: '自动派单', unit_id: unitId, note: null, at });
  await insertEvents(trx, events);
  if (unitId) {
    await notify(ctx, trx, {
      unitIds: [unitId],
      unitRoles: ['liaison', 'unit_head'],
      kind: 'assigned',
      title: `新诉求工单 ${code}，请在 ${plan.signForHours} 个工作小时内签收`,
      body: values.description.slice(0, 200),
      link: `/demands/${id}`,
    });
  } else if (!firstContact) {
    await notify(ctx, trx, {
      roles: ['office'],
      kind: 'assigned',
      title: `诉求工单 ${code} 待派单`,
      body: values.description.slice(0, 200),
      link: `/demands/${id}`,
    });
  }
  await audit(ctx, trx, actor, {
    action: 'demands.intake',
    entity: 'demand',
    entityId: id,
    after: {
      code,
      channel: values.channel,
      type: values.type,
      unitId,
      uscc: row.uscc,
      enterpriseKnown: row.uscc === null || row.enterprise_id !== null,
      ...(row.respondent_uscc ? { respondentUscc: row.respondent_uscc, respondentKnown: row.respondent_enterprise_id !== null } : {}),
      via: values.open311_client_id ? plan.actorName : undefined,
    },
  });
  return { row, events };
}

/** A new ticket's detail from what was written, with the duplicates offer read after the commit. */
async function writtenDetail(ctx: AppContext, { row, events }: WrittenTicket): Promise<DemandDetailView> {
  const names = await namesFor(ctx, ctx.db);
  const duplicates = OPEN_STATUSES.includes(row.status as DemandStatus)
    ? await findDuplicates(ctx.db, ctx.clock(), { uscc: row.uscc, phone: row.contact_phone, description: row.description }, row.id)
    : [];
  return {
    ...presentDemand(row, names, ctx.clock()),
    events: events.map((e) => ({
      action: e.action,
      actorName: e.actor_name,
      unitName: e.unit_id ? (names.units.get(e.unit_id) ?? null) : null,
      note: e.note ?? null,
      at: e.at,
    })),
    duplicates,
  };
}

/**
 * Takes one demand from any channel. A repeat with the same idempotency key returns the first
 * ticket (`created: false`), whether it comes after the first or races it. A 咨询 answered on the
 * line is closed at once and counts as resolved at first contact; anything else is routed by the
 * rules to its unit (or waits for the office) with its sign-for and handling deadlines.
 *
 * Everything the ticket needs is read before its transaction, and its detail is made after the
 * commit: the transaction holds the write lock (SQLite: every request of the process waits on its
 * one connection) only for the writes.
 */
export async function intakeDemand(
  ctx: AppContext,
  actor: Actor,
  body: IntakeBody,
  extra: IntakeExtra = {},
): Promise<DemandDetailView & { created: boolean; ratingCode: string | null }> {
  if (body.idempotencyKey) {
    const first = await findDemandBy(ctx.db, 'idempotency_key', body.idempotencyKey);
    if (first) return { ...(await detailIn(ctx, ctx.db, first)), created: false, ratingCode: null };
  }
  const plan = await planIntake(ctx, ctx.db, await getWorkCalendar(ctx), actor, body, extra);
  let written: WrittenTicket;
  try {
    written = await withTransaction(ctx.db, (trx) => writeIntake(ctx, trx, actor, plan));
  } catch (err) {
    // Two submissions with one key racing: the loser answers with the winner's ticket.
    if (body.idempotencyKey && isUniqueViolation(err)) {
      const first = await findDemandBy(ctx.db, 'idempotency_key', body.idempotencyKey);
      if (first) return { ...(await detailIn(ctx, ctx.db, first)), created: false, ratingCode: null };
    }
    throw err;
  }
  return { ...(await writtenDetail(ctx, written)), created: true, ratingCode: null };
}

/**
 * Ticket creation inside the caller's transaction, so a record made together with its tickets (a
 * visit and its needs) keeps all or nothing. Call it before opening the transaction: it reads the
 * work calendar through the pool, which on SQLite would wait on the open transaction.
 */
export async function demandCreator(
  ctx: AppContext,
  actor: Actor,
): Promise<(trx: Transaction<DB>, body: IntakeBody, extra?: IntakeExtra) => Promise<{ id: number; code: string }>> {
  const cal = await getWorkCalendar(ctx);
  return async (trx, body, extra = {}) => {
    const { row } = await writeIntake(ctx, trx, actor, await planIntake(ctx, trx, cal, actor, body, extra));
    return { id: row.id, code: row.code };
  };
}

// — the loop —

type Step = (input: { trx: Transaction<DB>; row: DemandRow; now: Date; at: string; cal: WorkCalendar }) => Promise<{
  set: Partial<DemandRow>;
  event: string;
  note?: string | null;
  unitId?: number | null;
  ratingCode?: string | null;
  after?: () => Promise<void>;
  /** What else the step changed, audited before and after beside the status. */
  audit?: { before: Record<string, unknown>; after: Record<string, unknown> };
}>;

/**
 * One step of a ticket's life: checks scope and status, applies the change at the caller's
 * version, writes the history event and the audit row in one transaction.
 */
async function step(
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  allowed: readonly DemandStatus[],
  unitOnly: boolean,
  fn: Step,
): Promise<DemandDetailView & { ratingCode: string | null }> {
  const cal = await getWorkCalendar(ctx);
  let after: (() => Promise<void>) | undefined;
  const result = await withTransaction(ctx.db, async (trx) => {
    const row = await findDemand(trx, id);
    if (!row || !(await canSee(ctx, actor, row))) throw new AppError('NOT_FOUND');
    if (unitOnly && row.unit_id !== actor.unitId) throw new AppError('DEMAND_NOT_YOUR_UNIT');
    if (row.version !== version) throw new AppError('VERSION_CONFLICT');
    if (!allowed.includes(row.status as DemandStatus)) throw new AppError('DEMAND_STATUS_CONFLICT');
    const now = ctx.clock();
    const at = now.toISOString();
    const change = await fn({ trx, row, now, at, cal });
    if (!(await updateDemand(trx, id, version, { ...change.set, updated_at: at }))) throw new AppError('VERSION_CONFLICT');
    await insertEvent(trx, {
      demand_id: id,
      action: change.event,
      actor_id: actor.id > 0 ? actor.id : null,
      actor_name: actor.displayName,
      unit_id: change.unitId ?? actor.unitId,
      note: change.note ?? null,
      at,
    });
    const updated = (await findDemand(trx, id))!;
    await audit(ctx, trx, actor, {
      action: `demands.${change.event}`,
      entity: 'demand',
      entityId: id,
      before: { status: row.status, unitId: row.unit_id, ...change.audit?.before },
      after: { status: updated.status, unitId: updated.unit_id, note: change.note ?? undefined, ...change.audit?.after },
    });
    after = change.after;
    return { ...(await detailIn(ctx, trx, updated)), ratingCode: change.ratingCode ?? null };
  });
  if (after) await after();
  return result;
}

export function dispatchDemand(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { version: number; unitId: number; note?: string | undefined },
) {
  return step(
    ctx,
    actor,
    id,
    body.version,
    ['received', 'dispatched', 'sent_back', 'in_progress'],
    false,
    async ({ trx, row, now, at, cal }) => {
      const units = await listUnits(trx, { ids: [body.unitId] });
      if (!units.length)
        throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '承办单位不存在或已撤销 / unit not found or retired' }]);
      const deadlines = await loadDeadlines(trx);
      await notify(ctx, trx, {
        unitIds: [body.unitId],
        unitRoles: ['liaison', 'unit_head'],
        kind: 'assigned',
        title: `新诉求工单 ${row.code}，请在 ${deadlines.signForHours} 个工作小时内签收`,
        body: row.description.slice(0, 200),
        link: `/demands/${id}`,
      });
      return {
        set: {
          unit_id: body.unitId,
          status: 'dispatched',
          dispatched_at: at,
          sign_due_at: addWorkingHours(cal, now, deadlines.signForHours).toISOString(),
          signed_at: null,
          signed_on_time: null,
        },
        event: row.unit_id ? 'reassign' : 'dispatch',
        note: body.note ?? null,
        unitId: body.unitId,
      };
    },
  );
}

export function signForDemand(ctx: AppContext, actor: Actor, id: number, version: number) {
  return step(ctx, actor, id, version, ['dispatched'], true, async ({ row, at }) => ({
    set: { status: 'in_progress', signed_at: at, signed_on_time: row.sign_due_at && at <= row.sign_due_at ? 1 : 0 },
    event: 'signFor',
  }));
}

export function sendBackDemand(ctx: AppContext, actor: Actor, id: number, body: { version: number; reason: string }) {
  return step(ctx, actor, id, body.version, ['dispatched', 'in_progress'], true, async ({ trx, row }) => {
    await notify(ctx, trx, {
      roles: ['office'],
      kind: 'returned',
      title: `诉求工单 ${row.code} 被退单，请决定`,
      body: body.reason,
      link: `/demands/${id}`,
    });
    return { set: { status: 'sent_back' }, event: 'sendBack', note: body.reason };
  });
}

/** The office decides a send-back: to another unit (a new dispatch), or back to the same unit. */
export function decideSendBack(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { version: number; unitId?: number | undefined; note?: string | undefined },
) {
  if (body.unitId) return dispatchDemand(ctx, actor, id, { version: body.version, unitId: body.unitId, note: body.note });
  return step(ctx, actor, id, body.version, ['sent_back'], false, async ({ trx, row }) => {
    await notify(ctx, trx, {
      unitIds: [row.unit_id!],
      unitRoles: ['liaison', 'unit_head'],
      kind: 'returned',
      title: `退单未获同意，工单 ${row.code} 仍由贵单位办理`,
      body: body.note ?? '',
      link: `/demands/${id}`,
    });
    return {
      set: { status: row.signed_at ? 'in_progress' : 'dispatched' },
      event: 'sendBackRefused',
      note: body.note ?? null,
      unitId: row.unit_id,
    };
  });
}

/** The enterprise complained about, named (or corrected, or cleared) by the handling unit before it answers. */
export function setRespondent(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { version: number; uscc: string | null; name?: string | undefined },
) {
  return step(ctx, actor, id, body.version, ['dispatched', 'in_progress'], true, async ({ trx, row }) => {
    const respondent = await resolveRespondent(trx, {
      type: row.type,
      uscc: body.uscc,
      name: body.name,
      complainantUscc: row.uscc,
      path: 'body.uscc',
    });
    return {
      set: {
        respondent_uscc: respondent?.uscc ?? null,
        respondent_enterprise_id: respondent?.enterpriseId ?? null,
        respondent_name: respondent?.name ?? null,
      },
      event: 'setRespondent',
      note: respondent ? (respondent.name ?? respondent.uscc) : null,
      audit: {
        before: { respondentUscc: row.respondent_uscc },
        after: { respondentUscc: respondent?.uscc ?? null, respondentKnown: respondent ? respondent.enterpriseId !== null : undefined },
      },
    };
  });
}

/**
 * The unit's answer. On a 投诉/举报 that names the enterprise complained about it records the finding
 * (查实 / 部分查实 / 未查实), which decides whether the complaint counts in that enterprise's credit
 * grade; an answer after a reopen records the finding afresh.
 */
export function answerDemand(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { version: number; answer: string; finding?: DemandFinding | undefined },
) {
  return step(ctx, actor, id, body.version, ['in_progress'], true, async ({ trx, row, at }) => {
    if (body.finding && !RESPONDENT_TYPES.includes(row.type as DemandType))
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.finding', message: '只有投诉、举报类诉求需要核查结果 / only a complaint or report has a finding' },
      ]);
    if (row.respondent_uscc && !body.finding)
      throw new AppError('VALIDATION_FAILED', [
        {
          path: 'body.finding',
          message: '本工单有被投诉（举报）企业，请选择核查结果：查实、部分查实或未查实 / choose the finding: substantiated, partly or not',
        },
      ]);
    const code = newRatingCode();
    await notify(ctx, trx, {
      roles: ['office'],
      kind: 'awaiting_review',
      title: `诉求工单 ${row.code} 已答复，待回访`,
      body: body.answer.slice(0, 200),
      link: `/demands/${id}`,
    });
    // The enterprise's own accounts get the answer and the one-time rating link: without it an
    // enterprise that filed on the web (or is registered) could not rate (好差评) its ticket.
    const owners = row.enterprise_id ? await enterpriseUserIds(trx, row.enterprise_id) : [];
    if (owners.length)
      await notify(ctx, trx, {
        userIds: owners,
        kind: 'general',
        title: `您的诉求 ${row.code} 已答复，请评价`,
        body: `${body.answer.slice(0, 200)}\n评价码：${code}`,
        link: `/public/rate?code=${code}`,
      });
    return {
      set: {
        status: 'answered',
        answered_at: at,
        answer: body.answer,
        rating_code_hash: hashCode(code),
        closed_on_time: row.due_at && at <= row.due_at ? 1 : 0,
        ...(body.finding ? { finding: body.finding, found_at: at } : {}),
      },
      event: 'answer',
      ratingCode: code,
      ...(body.finding ? { audit: { before: { finding: row.finding }, after: { finding: body.finding } } } : {}),
    };
  });
}

export function requestExtension(ctx: AppContext, actor: Actor, id: number, body: { version: number; days: number; reason: string }) {
  return step(ctx, actor, id, body.version, ['dispatched', 'in_progress'], true, async ({ trx, row }) => {
    if (row.pending_extension_days) throw new AppError('DEMAND_STATUS_CONFLICT');
    await notify(ctx, trx, {
      roles: ['office'],
      kind: 'awaiting_approval',
      title: `诉求工单 ${row.code} 申请延期 ${body.days} 个工作日`,
      body: body.reason,
      link: `/demands/${id}`,
    });
    return {
      set: { pending_extension_days: body.days, pending_extension_reason: body.reason },
      event: 'requestExtension',
      note: `${body.days}: ${body.reason}`,
    };
  });
}

export function decideExtension(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { version: number; approve: boolean; note?: string | undefined },
) {
  return step(ctx, actor, id, body.version, ['dispatched', 'in_progress', 'sent_back'], false, async ({ trx, row, cal }) => {
    if (!row.pending_extension_days) throw new AppError('DEMAND_STATUS_CONFLICT');
    const days = row.pending_extension_days;
    const set: Partial<DemandRow> = { pending_extension_days: null, pending_extension_reason: null };
    if (body.approve && row.due_at) {
      set.due_at = dueAfterWorkdays(cal, new Date(row.due_at), days).toISOString();
      set.extension_days = row.extension_days + days;
      set.overdue_notified = 0;
    }
    await notify(ctx, trx, {
      unitIds: [row.unit_id!],
      unitRoles: ['liaison', 'unit_head'],
      kind: body.approve ? 'accepted' : 'returned',
      title: `工单 ${row.code} 延期申请${body.approve ? '已批准' : '未批准'}`,
      body: body.note ?? '',
      link: `/demands/${id}`,
    });
    return { set, event: body.approve ? 'approveExtension' : 'denyExtension', note: body.note ?? null, unitId: row.unit_id };
  });
}

/** The desk calls the enterprise back after the answer; a new one-time rating code is issued for the SMS. */
export function followUpDemand(ctx: AppContext, actor: Actor, id: number, body: { version: number; note?: string | undefined }) {
  return step(ctx, actor, id, body.version, ['answered'], false, async ({ at }) => {
    const code = newRatingCode();
    return { set: { followed_up_at: at, rating_code_hash: hashCode(code) }, event: 'followUp', note: body.note ?? null, ratingCode: code };
  });
}

/** Closes an answered ticket without a rating (the enterprise did not rate in time). */
export function closeDemand(ctx: AppContext, actor: Actor, id: number, version: number) {
  return step(ctx, actor, id, version, ['answered'], false, async ({ row, at, cal }) => ({
    set: {
      status: 'closed',
      closed_at: at,
      rating_code_hash: null,
      handling_hours: workingHoursBetween(cal, new Date(row.received_at), new Date(row.answered_at ?? at)),
    },
    event: 'close',
    unitId: row.unit_id,
  }));
}

/** Merges a duplicate into another ticket: the duplicate keeps its history and points to the one that goes on. */
export async function mergeDemand(ctx: AppContext, actor: Actor, id: number, body: { version: number; intoId: number }) {
  if (id === body.intoId)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.intoId', message: '不能合并到自身 / cannot merge a ticket into itself' }]);
  return step(ctx, actor, id, body.version, ['received', 'dispatched', 'sent_back', 'in_progress'], false, async ({ trx, row, at }) => {
    const into = await findDemand(trx, body.intoId);
    if (!into || into.status === 'merged')
      throw new AppError('VALIDATION_FAILED', [
        { path: 'body.intoId', message: '目标工单不存在或已被合并 / target ticket not found or merged' },
      ]);
    await insertEvent(trx, {
      demand_id: into.id,
      action: 'mergedFrom',
      actor_id: actor.id,
      actor_name: actor.displayName,
      unit_id: null,
      note: row.code,
      at,
    });
    return { set: { status: 'merged', merged_into_id: into.id }, event: 'merge', note: into.code, unitId: row.unit_id };
  });
}
