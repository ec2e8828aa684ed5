import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import {
  ASSIST_CHANNELS,
  ASSIST_RESULTS,
  POINT_KINDS,
  type AssistantBody,
  type AssistedCaseBody,
  type PointBody,
  assistedCaseBody,
} from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { activeUnits } from './catalogue.service.js';
import {
  assistantIds,
  assistedMonthly,
  findPoint,
  insertAssistant,
  insertAssistedCases,
  insertPoint,
  knownExternalNos,
  listAssistants,
  listPoints,
  pointCounts,
} from './services.repository.js';

/** The service network (centres, windows, park bodies, township/village points, bank outlets) and assisted service (帮办代办). */

export async function createPoint(ctx: AppContext, actor: Actor, body: PointBody) {
  return withTransaction(ctx.db, async (trx) => {
    const units = await activeUnits(trx);
    if (units.get(body.countyId)?.kind !== 'county')
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.countyId', message: '请选择旗县区 / choose a county' }]);
    if (body.parentId && !(await findPoint(trx, body.parentId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.parentId', message: '上级服务场所不存在 / unknown parent point' }]);
    const id = await insertPoint(trx, {
      kind: body.kind,
      name: body.name,
      county_id: body.countyId,
      parent_id: body.parentId,
      all_in_one: body.allInOne ? 1 : 0,
      enterprise_zone: body.enterpriseZone ? 1 : 0,
      address: body.address,
      hours: body.hours,
      services: JSON.stringify(body.services),
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'services.point.create', entity: 'service_point', entityId: id, after: body });
    return { id, ...body };
  });
}

export async function listNetwork(
  ctx: AppContext,
  q: { countyId?: number | undefined; kind?: string | undefined; page: number; pageSize: number },
) {
  const units = await activeUnits(ctx.db);
  const { rows, total } = await listPoints(ctx.db, q, { page: q.page, pageSize: q.pageSize });
  return {
    total,
    items: rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      countyId: p.county_id,
      countyName: units.get(p.county_id)?.name ?? '',
      parentId: p.parent_id,
      allInOne: p.all_in_one === 1,
      enterpriseZone: p.enterprise_zone === 1,
      address: p.address,
      hours: p.hours,
      services: JSON.parse(p.services) as string[],
    })),
  };
}

/** 一窗式全覆盖: per county, how many points of each kind, all-in-one windows, enterprise zones; and the city total. */
export async function networkCoverage(ctx: AppContext) {
  const units = await activeUnits(ctx.db);
  const counties = [...units.entries()].filter(([, u]) => u.kind === 'county');
  const counts = await pointCounts(ctx.db);
  const empty = () =>
    ({ ...Object.fromEntries(POINT_KINDS.map((k) => [k, 0])), allInOneWindows: 0, enterpriseZones: 0 }) as Record<
      (typeof POINT_KINDS)[number] | 'allInOneWindows' | 'enterpriseZones',
      number
    >;
  const total = empty();
  const rows = counties.map(([id, u]) => {
    const row = empty();
    for (const c of counts.filter((x) => x.countyId === id)) {
      row[c.kind as (typeof POINT_KINDS)[number]] += c.n;
      if (c.kind === 'window') row.allInOneWindows += c.allInOne;
      if (c.kind === 'centre') row.enterpriseZones += c.zones;
    }
    for (const k of Object.keys(row) as (keyof typeof row)[]) total[k] += row[k];
    return { countyId: id, countyName: u.name, ...row, covered: row.centre > 0 && row.allInOneWindows > 0 };
  });
  return { counties: rows, total, allCovered: rows.every((r) => r.covered) };
}

export async function createAssistant(ctx: AppContext, actor: Actor, body: AssistantBody) {
  return withTransaction(ctx.db, async (trx) => {
    if (!(await activeUnits(trx)).has(body.unitId))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.unitId', message: '单位不存在 / unknown unit' }]);
    if (body.pointId && !(await findPoint(trx, body.pointId)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.pointId', message: '服务场所不存在 / unknown service point' }]);
    const id = await insertAssistant(trx, {
      name: body.name,
      unit_id: body.unitId,
      point_id: body.pointId,
      phone: body.phone,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, { action: 'services.assistant.create', entity: 'service_assistant', entityId: id, after: body });
    return { id, ...body };
  });
}

export async function assistants(ctx: AppContext) {
  return (await listAssistants(ctx.db)).map((a) => ({
    id: a.id,
    name: a.name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    pointId: a.point_id,
    pointName: a.point_name,
    phone: a.phone,
  }));
}

function caseRow(b: AssistedCaseBody, at: string) {
  return {
    external_no: b.externalNo,
    assistant_id: b.assistantId,
    applicant: b.applicant,
    subject: b.subject,
    channel: b.channel,
    received_on: b.receivedOn,
    finished_on: b.finishedOn,
    result: b.result,
    rating: b.rating,
    created_at: at,
  };
}

/** Checks shared by one case and an imported batch: the assistant exists, the dates are in order. */
async function assistedProblems(
  ctx: AppContext,
  rows: { body: AssistedCaseBody; where: (f: string) => Omit<ErrorDetail, 'message'> }[],
): Promise<ErrorDetail[]> {
  const known = await assistantIds(ctx.db, [...new Set(rows.map((r) => r.body.assistantId))]);
  return rows.flatMap(({ body, where }) => [
    ...(known.has(body.assistantId)
      ? []
      : [
          {
            ...where('assistantId'),
            code: 'SERVICE_ASSISTANT_UNKNOWN',
            message: `没有编号为 ${body.assistantId} 的帮办代办员 / unknown assistant`,
          },
        ]),
    ...(body.finishedOn && body.finishedOn < body.receivedOn
      ? [{ ...where('finishedOn'), message: '办结日期早于受理日期 / finished before it was received' }]
      : []),
  ]);
}

export async function createAssistedCase(ctx: AppContext, actor: Actor, body: AssistedCaseBody) {
  const problems = await assistedProblems(ctx, [{ body, where: (f) => ({ path: `body.${f}` }) }]);
  if (problems.length)
    throw new AppError(
      problems.some((p) => p.code === 'SERVICE_ASSISTANT_UNKNOWN') ? 'SERVICE_ASSISTANT_UNKNOWN' : 'VALIDATION_FAILED',
      problems,
    );
  return withTransaction(ctx.db, async (trx) => {
    await insertAssistedCases(trx, [caseRow(body, ctx.clock().toISOString())]);
    await audit(ctx, trx, actor, { action: 'services.assisted.create', entity: 'service_assisted_case', entityId: null, after: body });
    return { ok: true as const };
  });
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
  const parsed: { body: AssistedCaseBody; where: (f: string) => Omit<ErrorDetail, 'message'> }[] = [];
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
  problems.push(...(await assistedProblems(ctx, parsed)));
  if (problems.length) throw new AppError('IMPORT_HAS_PROBLEMS', problems);
  const known = await knownExternalNos(
    ctx.db,
    parsed.flatMap((p) => (p.body.externalNo ? [p.body.externalNo] : [])),
  );
  const fresh = parsed.filter((p) => !p.body.externalNo || !known.has(p.body.externalNo));
  const at = ctx.clock().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    await insertAssistedCases(
      trx,
      fresh.map((p) => caseRow(p.body, at)),
    );
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
