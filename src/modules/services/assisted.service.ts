import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { ASSIST_CHANNELS, ASSIST_RESULTS, type AssistedCaseBody, assistedCaseBody } from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { type Executor, withTransaction } from '../../db/database.js';
import { recordCodeRating } from '../demands/index.js';
import { audit } from '../org/audit.service.js';
import {
  assistantRatingCodes,
  assistedMonthly,
  findAssistedCase,
  insertAssistedCases,
  knownExternalNos,
  listAssistedCases,
  resolveSubjects,
  setAssistedRating,
} from './assisted.repository.js';

/**
 * Assisted service (帮办代办): cases by assistant, each linked to the service or one-thing package it
 * was for, rated through the assistant's demand-desk rating code when it has one (so the rating
 * counts on the desk's board like a window's), else with the module's own five levels.
 */

type Where = (field: string) => Omit<ErrorDetail, 'message'>;
interface Checked {
  body: AssistedCaseBody;
  where: Where;
  serviceId: number | null;
  packageId: number | null;
  ratingCode: string | null;
}

/**
 * Checks shared by one case and an imported batch — the assistant exists, the dates are in order,
 * the subject names a service (code or exact name) or a package — and the links they resolve to.
 */
async function checkAssisted(db: Executor, rows: { body: AssistedCaseBody; where: Where }[]) {
  const codes = await assistantRatingCodes(db, [...new Set(rows.map((r) => r.body.assistantId))]);
  const subjects = await resolveSubjects(db, [...new Set(rows.map((r) => r.body.subject))]);
  const problems: ErrorDetail[] = [];
  const checked: Checked[] = [];
  for (const { body, where } of rows) {
    if (!codes.has(body.assistantId))
      problems.push({
        ...where('assistantId'),
        code: 'SERVICE_ASSISTANT_UNKNOWN',
        message: `没有编号为 ${body.assistantId} 的帮办代办员 / unknown assistant`,
      });
    if (body.finishedOn && body.finishedOn < body.receivedOn)
      problems.push({ ...where('finishedOn'), message: '办结日期早于受理日期 / finished before it was received' });
    const link = subjects.get(body.subject);
    if (!link)
      problems.push({
        ...where('subject'),
        code: 'SERVICE_UNKNOWN',
        message: `目录和一件事中都没有“${body.subject}”，请填写事项编码或准确名称 / no service or package has this code or name`,
      });
    else if (link === 'ambiguous')
      problems.push({
        ...where('subject'),
        code: 'SERVICE_UNKNOWN',
        message: `“${body.subject}”是多个事项的名称，请填写事项编码 / several services have this name: give the code`,
      });
    else checked.push({ body, where, ...link, ratingCode: codes.get(body.assistantId) ?? null });
  }
  return { problems, checked };
}

function caseRow(c: Checked, via: 'code' | 'own' | null, at: string) {
  const b = c.body;
  return {
    external_no: b.externalNo,
    assistant_id: b.assistantId,
    applicant: b.applicant,
    subject: b.subject,
    service_id: c.serviceId,
    package_id: c.packageId,
    channel: b.channel,
    received_on: b.receivedOn,
    finished_on: b.finishedOn,
    result: b.result,
    rating: b.rating,
    rated_via: via,
    created_at: at,
  };
}

/** A case that arrives with its rating: through the assistant's code, counted in the month the case was finished. */
async function rateOnArrival(ctx: AppContext, trx: Executor, c: Checked): Promise<'code' | 'own' | null> {
  if (c.body.rating === null) return null;
  if (!c.ratingCode) return 'own';
  const day = c.body.finishedOn ?? c.body.receivedOn;
  await recordCodeRating(ctx, trx, c.ratingCode, { level: c.body.rating, at: new Date(`${day}T12:00:00+08:00`), path: 'body.rating' });
  return 'code';
}

/** The error of a batch of problems: the most specific code when only one kind is wrong. */
function problemError(problems: ErrorDetail[], fallback: 'VALIDATION_FAILED' | 'IMPORT_HAS_PROBLEMS') {
  const codes = new Set(problems.map((p) => p.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  return new AppError(fallback === 'VALIDATION_FAILED' && only ? (only as 'SERVICE_UNKNOWN') : fallback, problems);
}

export async function createAssistedCase(ctx: AppContext, actor: Actor, body: AssistedCaseBody) {
  return withTransaction(ctx.db, async (trx) => {
    const { problems, checked } = await checkAssisted(trx, [{ body, where: (f) => ({ path: `body.${f}` }) }]);
    if (problems.length) throw problemError(problems, 'VALIDATION_FAILED');
    const c = checked[0]!;
    const via = await rateOnArrival(ctx, trx, c);
    const [id] = await insertAssistedCases(trx, [caseRow(c, via, ctx.clock().toISOString())]);
    await audit(ctx, trx, actor, { action: 'services.assisted.create', entity: 'service_assisted_case', entityId: id!, after: body });
    return { ok: true as const };
  });
}

/**
 * Rates a case once, afterwards (the applicant answers the follow-up): through the assistant's
 * rating code when it has one, else on the case alone.
 */
export async function rateAssistedCase(ctx: AppContext, actor: Actor, id: number, body: { level: number; comment: string | null }) {
  return withTransaction(ctx.db, async (trx) => {
    const row = await findAssistedCase(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const via: 'code' | 'own' = row.rating_code ? 'code' : 'own';
    if (!(await setAssistedRating(trx, id, body.level, via))) throw new AppError('SERVICE_ASSISTED_RATED');
    if (row.rating_code) await recordCodeRating(ctx, trx, row.rating_code, { ...body, path: 'body.level' });
    await audit(ctx, trx, actor, {
      action: 'services.assisted.rate',
      entity: 'service_assisted_case',
      entityId: id,
      after: { level: body.level, via },
    });
    return { id, rating: body.level, ratedVia: via };
  });
}

export async function listAssisted(ctx: AppContext, q: { assistantId?: number | undefined; page: number; pageSize: number }) {
  const { rows, total } = await listAssistedCases(ctx.db, q, { page: q.page, pageSize: q.pageSize });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      externalNo: r.external_no,
      assistantId: r.assistant_id,
      assistantName: r.assistant_name,
      applicant: r.applicant,
      subject: r.subject,
      serviceCode: r.service_code,
      packageCode: r.package_code,
      channel: r.channel,
      receivedOn: r.received_on,
      finishedOn: r.finished_on,
      result: r.result,
      rating: r.rating,
      ratedVia: r.rated_via as 'code' | 'own' | null,
    })),
  };
}

const CHANNEL_ZH: Record<(typeof ASSIST_CHANNELS)[number], string> = {
  mini_program: '小程序',
  hall: '大厅',
  park_visit: '园区上门',
  door: '上门服务',
};
const RESULT_ZH: Record<(typeof ASSIST_RESULTS)[number], string> = { done: '已办结', in_progress: '办理中', declined: '不予受理' };
const EXPORT_HEADERS = ['工单编号', '帮办员编号', '申请人', '事项', '渠道', '受理日期', '办结日期', '办理结果', '评价'];

/**
 * Imports the mini-program's case export (.xlsx, headers as above): every row checked and located,
 * all or nothing; rows whose 工单编号 is already stored are skipped, so the same export can be
 * imported again.
 */
export async function importAssistedCases(ctx: AppContext, actor: Actor, upload: { filename: string; data: Buffer }) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(upload.data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('WORKBOOK_INVALID', [{ path: upload.filename, message: '不是有效的 .xlsx 文件 / not a valid .xlsx workbook' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('WORKBOOK_INVALID', [{ path: upload.filename, message: '工作簿没有工作表 / the workbook has no sheet' }]);
  const cols = new Map<string, number>();
  for (let c = 1; c <= ws.columnCount; c++) cols.set(String(ws.getRow(1).getCell(c).text).trim(), c);
  const missing = EXPORT_HEADERS.filter((h) => !cols.has(h));
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((h) => ({ path: `${ws.name}!1`, row: 1, message: `缺少列“${h}” / missing column ${h}` })),
    );
  const fieldHeader: Record<string, string> = {
    externalNo: '工单编号',
    assistantId: '帮办员编号',
    applicant: '申请人',
    subject: '事项',
    channel: '渠道',
    receivedOn: '受理日期',
    finishedOn: '办结日期',
    result: '办理结果',
    rating: '评价',
  };
  const where = (r: number) => (field: string) => {
    const letter = ws.getColumn(cols.get(fieldHeader[field] ?? '工单编号')!).letter;
    return { path: `${ws.name}!${letter}${r}`, sheet: ws.name, row: r, column: letter };
  };
  const dateText = (cell: ExcelJS.Cell) => (cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.text).trim());
  const parsed: { body: AssistedCaseBody; where: Where }[] = [];
  const problems: ErrorDetail[] = [];
  for (let r = 2; r <= ws.rowCount && problems.length < 200; r++) {
    const row = ws.getRow(r);
    const get = (h: string) => String(row.getCell(cols.get(h)!).text ?? '').trim();
    if (EXPORT_HEADERS.every((h) => !get(h))) continue;
    const candidate = {
      externalNo: get('工单编号') || null,
      assistantId: Number(get('帮办员编号')),
      applicant: get('申请人'),
      subject: get('事项'),
      channel: (Object.keys(CHANNEL_ZH) as (keyof typeof CHANNEL_ZH)[]).find((k) => CHANNEL_ZH[k] === get('渠道')) ?? get('渠道'),
      receivedOn: dateText(row.getCell(cols.get('受理日期')!)),
      finishedOn: dateText(row.getCell(cols.get('办结日期')!)) || null,
      result: (Object.keys(RESULT_ZH) as (keyof typeof RESULT_ZH)[]).find((k) => RESULT_ZH[k] === get('办理结果')) ?? get('办理结果'),
      rating: get('评价') ? Number(get('评价')) : null,
    };
    const ok = assistedCaseBody.safeParse(candidate);
    if (ok.success) parsed.push({ body: ok.data, where: where(r) });
    else
      for (const issue of ok.error.issues)
        problems.push({ ...where(r)(String(issue.path[0])), message: `${fieldHeader[String(issue.path[0])] ?? ''}：${issue.message}` });
  }
  const { problems: more, checked } = await checkAssisted(ctx.db, parsed);
  problems.push(...more);
  if (problems.length) throw new AppError('IMPORT_HAS_PROBLEMS', problems);
  const known = await knownExternalNos(
    ctx.db,
    checked.flatMap((p) => (p.body.externalNo ? [p.body.externalNo] : [])),
  );
  const fresh = checked.filter((p) => !p.body.externalNo || !known.has(p.body.externalNo));
  const at = ctx.clock().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    const rows = [];
    for (const c of fresh) rows.push(caseRow(c, await rateOnArrival(ctx, trx, c), at));
    await insertAssistedCases(trx, rows);
    await audit(ctx, trx, actor, {
      action: 'services.assisted.import',
      entity: 'service_assisted_case',
      entityId: null,
      after: { file: upload.filename, imported: fresh.length, skipped: parsed.length - fresh.length },
    });
  });
  return { imported: fresh.length, skipped: parsed.length - fresh.length };
}

/** Monthly counts per assistant and per service point in a year. */
export async function assistedMonthlyCounts(ctx: AppContext, year: number) {
  const rows = await assistedMonthly(ctx.db, year);
  const points = new Map<string, { month: string; pointId: number | null; cases: number }>();
  for (const r of rows) {
    const key = `${r.month}|${r.pointId ?? ''}`;
    const p = points.get(key) ?? { month: r.month, pointId: r.pointId, cases: 0 };
    p.cases += r.cases;
    points.set(key, p);
  }
  return { year, byAssistant: rows, byPoint: [...points.values()], total: rows.reduce((a, r) => a + r.cases, 0) };
}
