import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { SERVICE_FLAGS, SERVICE_LEVELS, SERVICE_TYPES, type ServiceBody, serviceBody } from '../../common/schemas/services.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { loadUnitResolver } from '../org/units.service.js';
import { audit } from '../org/audit.service.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../reports/excel.js';
import { type Material, type ServiceView, activeUnits, listCatalogue, serviceProblems, serviceRow, today } from './catalogue.service.js';
import { currentByCodes, endService, insertService } from './services.repository.js';

/**
 * The catalogue workbook, laid out as the service-list workbooks are kept: one row per service,
 * materials in one cell separated by "；" and marked （共享） or （免提交）, flags as 是/否. The
 * export writes exactly what the import reads. Import = preview (every problem located to its
 * cell, a code twice in the file included), then one transaction; a changed row ends the old
 * version today and starts the new one, so the catalogue of any earlier day stays as it was.
 */

export const LEVEL_ZH: Record<(typeof SERVICE_LEVELS)[number], string> = { city: '市级', county: '旗县级', township: '乡镇级' };
export const TYPE_ZH: Record<(typeof SERVICE_TYPES)[number], string> = {
  licence: '行政许可',
  confirmation: '行政确认',
  public_service: '公共服务',
  payment: '行政给付',
  inspection: '行政检查',
  other: '其他行政权力',
};
export const FLAG_ZH: Record<(typeof SERVICE_FLAGS)[number], string> = {
  online: '一网通办',
  fullyOnline: '全程网办',
  mobile: '掌上办',
  smart: '智审慧办',
  hubao: '呼包通办',
  regional: '区域通办',
  crossProvince: '跨省通办',
  park: '园区办',
};
const BASIS_ZH = { agreement: '协议赋权', entrust: '委托' } as const;

const COLUMNS = [
  '事项编码',
  '事项名称',
  '层级',
  '实施部门',
  '所属旗县区',
  '事项类型',
  '法定时限（工作日）',
  '承诺时限（工作日）',
  '收费（元）',
  '申请材料',
  ...SERVICE_FLAGS.map((f) => FLAG_ZH[f]),
  '赋权方式',
  '办理地点',
  '网上办理地址',
];

function materialsText(ms: Material[]): string {
  return ms.map((m) => `${m.name}${m.shared ? '（共享）' : ''}${m.exempt ? '（免提交）' : ''}`).join('；');
}

function parseMaterials(text: string): Material[] {
  return text
    .split(/[；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({ name: s.replace(/（(共享|免提交)）/g, '').trim(), shared: s.includes('（共享）'), exempt: s.includes('（免提交）') }));
}

export async function exportCatalogue(ctx: AppContext, date?: string): Promise<Buffer> {
  const all: ServiceView[] = [];
  for (let page = 1; ; page++) {
    const p = await listCatalogue(ctx, { date, page, pageSize: 500 });
    all.push(...p.items);
    if (all.length >= p.total || !p.items.length) break;
  }
  const wb = newWorkbook();
  const yes = (s: ServiceView, f: (typeof SERVICE_FLAGS)[number]) => (s.flags.includes(f) ? '是' : '否');
  addTableSheet(
    wb,
    '政务服务事项目录',
    [
      { header: COLUMNS[0]!, value: (s: ServiceView) => s.code },
      { header: COLUMNS[1]!, value: (s) => s.name },
      { header: COLUMNS[2]!, value: (s) => LEVEL_ZH[s.level as keyof typeof LEVEL_ZH] },
      { header: COLUMNS[3]!, value: (s) => s.unitName },
      { header: COLUMNS[4]!, value: (s) => s.countyName ?? '' },
      { header: COLUMNS[5]!, value: (s) => TYPE_ZH[s.type as keyof typeof TYPE_ZH] },
      { header: COLUMNS[6]!, value: (s) => s.legalDays },
      { header: COLUMNS[7]!, value: (s) => s.promisedDays },
      { header: COLUMNS[8]!, value: (s) => s.feeFen / 100 },
      { header: COLUMNS[9]!, value: (s) => materialsText(s.materials) },
      ...SERVICE_FLAGS.map((f) => ({ header: FLAG_ZH[f], value: (s: ServiceView) => yes(s, f) })),
      { header: '赋权方式', value: (s) => (s.parkBasis ? BASIS_ZH[s.parkBasis as keyof typeof BASIS_ZH] : '') },
      { header: '办理地点', value: (s) => s.place ?? '' },
      { header: '网上办理地址', value: (s) => s.onlineUrl ?? '' },
    ],
    all,
    { freezeColumns: 2 },
  );
  return workbookBuffer(wb);
}

function reverse<T extends string>(table: Record<T, string>, text: string): T | undefined {
  return (Object.keys(table) as T[]).find((k) => table[k] === text);
}

interface ParsedRow {
  row: number;
  body: ServiceBody;
}

/** Reads and checks the workbook: the rows that are valid and every located problem. */
async function readCatalogue(ctx: AppContext, data: Buffer, file: string): Promise<{ rows: ParsedRow[]; problems: ErrorDetail[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('WORKBOOK_INVALID', [{ path: file, file, message: '不是有效的 .xlsx 文件 / not a valid .xlsx workbook' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('WORKBOOK_INVALID', [{ path: file, file, message: '工作簿没有工作表 / the workbook has no sheet' }]);
  const text = (r: number, c: number) => String(ws.getRow(r).getCell(c).text ?? '').trim();
  const cols = new Map<string, number>();
  for (let c = 1; c <= ws.columnCount; c++) cols.set(text(1, c), c);
  const missing = COLUMNS.slice(0, 10).filter((h) => !cols.has(h));
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((h) => ({ path: `${ws.name}!1`, sheet: ws.name, row: 1, message: `缺少列“${h}” / missing column ${h}` })),
    );
  const resolver = await loadUnitResolver(ctx.db);
  const units = await activeUnits(ctx.db);
  const validFrom = today(ctx);
  const rows: ParsedRow[] = [];
  const problems: ErrorDetail[] = [];
  const firstRowOf = new Map<string, number>();
  const cellOf = (r: number, header: string) => {
    const col = cols.get(header) ?? 1;
    const letter = ws.getColumn(col).letter;
    return { path: `${ws.name}!${letter}${r}`, sheet: ws.name, row: r, column: letter };
  };
  const fieldHeader: Record<string, string> = {
    code: '事项编码',
    name: '事项名称',
    level: '层级',
    unitId: '实施部门',
    countyId: '所属旗县区',
    type: '事项类型',
    legalDays: '法定时限（工作日）',
    promisedDays: '承诺时限（工作日）',
    feeFen: '收费（元）',
    materials: '申请材料',
    flags: '一网通办',
    parkBasis: '赋权方式',
    place: '办理地点',
    onlineUrl: '网上办理地址',
  };
  for (let r = 2; r <= ws.rowCount && problems.length < 200; r++) {
    const get = (h: string) => (cols.has(h) ? text(r, cols.get(h)!) : '');
    if (COLUMNS.every((h) => !get(h))) continue;
    const rowProblems: ErrorDetail[] = [];
    const unit = resolver.resolve(get('实施部门'));
    const county = get('所属旗县区') ? resolver.resolve(get('所属旗县区')) : undefined;
    if (!unit) rowProblems.push({ ...cellOf(r, '实施部门'), message: `没有名为“${get('实施部门')}”的部门 / unknown department` });
    if (get('所属旗县区') && !county)
      rowProblems.push({ ...cellOf(r, '所属旗县区'), message: `没有名为“${get('所属旗县区')}”的旗县区 / unknown county` });
    const num = (h: string) => (get(h) === '' ? Number.NaN : Number(get(h)));
    const candidate = {
      code: get('事项编码'),
      name: get('事项名称'),
      level: reverse(LEVEL_ZH, get('层级')) ?? get('层级'),
      unitId: unit?.id ?? 0,
      countyId: county?.id ?? null,
      type: reverse(TYPE_ZH, get('事项类型')) ?? get('事项类型'),
      legalDays: num('法定时限（工作日）'),
      promisedDays: num('承诺时限（工作日）'),
      feeFen: get('收费（元）') === '' ? 0 : Math.round(num('收费（元）') * 100),
      materials: parseMaterials(get('申请材料')),
      flags: SERVICE_FLAGS.filter((f) => get(FLAG_ZH[f]) === '是'),
      parkBasis: reverse(BASIS_ZH, get('赋权方式')) ?? null,
      place: get('办理地点') || null,
      onlineUrl: get('网上办理地址') || null,
      validFrom,
    };
    const parsed = serviceBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'code');
        if (field === 'unitId' && !unit) continue;
        rowProblems.push({ ...cellOf(r, fieldHeader[field] ?? '事项编码'), message: `${fieldHeader[field] ?? field}：${issue.message}` });
      }
    } else if (unit) {
      rowProblems.push(...serviceProblems(parsed.data, units, (field) => cellOf(r, fieldHeader[field] ?? '事项编码')));
    }
    const code = get('事项编码');
    if (code && firstRowOf.has(code)) {
      rowProblems.push({
        ...cellOf(r, '事项编码'),
        code: 'SERVICE_CODE_DUPLICATE',
        message: `事项编码 ${code} 与第 ${firstRowOf.get(code)} 行重复 / the code repeats row ${firstRowOf.get(code)}`,
      });
    } else if (code) firstRowOf.set(code, r);
    if (rowProblems.length) problems.push(...rowProblems);
    else if (parsed.success) rows.push({ row: r, body: parsed.data });
  }
  return { rows, problems };
}

function sameService(a: ReturnType<typeof serviceRow>, b: Record<string, unknown>): boolean {
  const keys = [
    'name',
    'level',
    'unit_id',
    'county_id',
    'type',
    'legal_days',
    'promised_days',
    'fee_fen',
    'materials',
    'online',
    'fully_online',
    'mobile',
    'smart',
    'hubao',
    'regional',
    'cross_province',
    'park',
    'park_basis',
    'place',
    'online_url',
  ] as const;
  return keys.every((k) => a[k] === b[k]);
}

/** Preview (commit = false) or import (commit = true, only when the workbook has no problem). */
export async function importCatalogue(ctx: AppContext, actor: Actor, upload: { filename: string; data: Buffer }, commit: boolean) {
  const { rows, problems } = await readCatalogue(ctx, upload.data, upload.filename);
  const date = today(ctx);
  const current = new Map(
    (
      await currentByCodes(
        ctx.db,
        rows.map((r) => r.body.code),
        date,
      )
    ).map((r) => [r.code, r]),
  );
  const at = ctx.clock().toISOString();
  const plan = rows.map((r) => {
    const next = serviceRow(r.body, at);
    const old = current.get(r.body.code);
    return {
      row: r.row,
      code: r.body.code,
      name: r.body.name,
      next,
      oldId: old?.id,
      change: !old ? ('added' as const) : sameService(next, old) ? ('unchanged' as const) : ('changed' as const),
    };
  });
  const summary = {
    file: upload.filename,
    rows: rows.length + new Set(problems.map((p) => p.row)).size,
    added: plan.filter((p) => p.change === 'added').length,
    changed: plan.filter((p) => p.change === 'changed').length,
    unchanged: plan.filter((p) => p.change === 'unchanged').length,
    problems,
    preview: plan.slice(0, 50).map((p) => ({ row: p.row, code: p.code, name: p.name, change: p.change })),
    imported: false,
  };
  if (!commit) return summary;
  if (problems.length) throw new AppError('IMPORT_HAS_PROBLEMS', problems);
  await withTransaction(ctx.db, async (trx) => {
    for (const p of plan) {
      if (p.change === 'unchanged') continue;
      if (p.oldId) await endService(trx, p.oldId, date, null, at);
      await insertService(trx, p.next);
    }
    await audit(ctx, trx, actor, {
      action: 'services.catalogue.import',
      entity: 'service_item',
      entityId: null,
      after: { file: upload.filename, added: summary.added, changed: summary.changed },
    });
  });
  return { ...summary, imported: true };
}
