import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors.js';
import { MATTER_TYPES, type MatterBody } from '../../common/schemas/enforcement.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { loadUnitResolver } from '../org/units.service.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../reports/excel.js';
import { listCatalogue, saveMatters } from './catalogue.service.js';

/** The matter types as the catalogue names them (行政处罚、行政强制 …), both ways. */
export const MATTER_TYPE_NAMES: Record<(typeof MATTER_TYPES)[number], string> = {
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收',
  permit: '行政许可',
  other: '其他',
};
const TYPE_OF_NAME = new Map(Object.entries(MATTER_TYPE_NAMES).map(([k, v]) => [v, k as MatterBody['type']]));

const SHEET = '执法事项清单';
const HEADERS = ['实施部门', '事项编码', '事项名称', '事项类型', '法律依据', '抽查事项编码', '抽查事项名称'] as const;

/** The catalogue as a workbook, one row per inspection item (a matter without items has one row), in the layout the import reads. */
export async function exportCatalogue(ctx: AppContext, actor: Actor): Promise<Buffer> {
  const matters = await listCatalogue(ctx, actor);
  const units = new Map((await loadUnitResolver(ctx.db)).all.map((u) => [u.id, u.name]));
  const rows = matters.flatMap((m) => (m.items.length ? m.items : [{ code: '', name: '' }]).map((i) => ({ m, i })));
  const wb = newWorkbook();
  addTableSheet(
    wb,
    SHEET,
    [
      { header: HEADERS[0], value: (r) => units.get(r.m.unitId) ?? '' },
      { header: HEADERS[1], value: (r) => r.m.code },
      { header: HEADERS[2], value: (r) => r.m.name },
      { header: HEADERS[3], value: (r) => MATTER_TYPE_NAMES[r.m.type as 'penalty'] ?? r.m.type },
      { header: HEADERS[4], value: (r) => r.m.legalBasis, width: 50 },
      { header: HEADERS[5], value: (r) => r.i.code },
      { header: HEADERS[6], value: (r) => r.i.name },
    ],
    rows,
  );
  return workbookBuffer(wb);
}

function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

/**
 * Reads the catalogue workbook: rows sharing a matter code form one matter. Every problem is
 * located by sheet, row and column; nothing is saved unless the whole file is right, and then
 * in one transaction. `dryRun` returns the preview only.
 */
export async function importCatalogue(ctx: AppContext, actor: Actor, data: Buffer, opts: { dryRun: boolean }) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '不是有效的 .xlsx 文件 / not a valid .xlsx file' }]);
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '工作簿没有工作表 / no sheet' }]);
  const header = HEADERS.map((_, c) => text(ws.getRow(1).getCell(c + 1)));
  const missing = HEADERS.filter((h, c) => header[c] !== h);
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', [
      { sheet: ws.name, row: 1, path: 'file', message: `表头应为：${HEADERS.join('、')} / the header row must be the catalogue's columns` },
    ]);

  const resolver = await loadUnitResolver(ctx.db);
  const problems: { sheet: string; row: number; column: string; path: string; message: string }[] = [];
  const matters = new Map<string, MatterBody & { row: number }>();
  const at = (row: number, column: number, message: string) =>
    problems.push({ sheet: ws.name, row, column: HEADERS[column]!, path: `file.${ws.name}.${row}`, message });
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = HEADERS.map((_, c) => text(ws.getRow(r).getCell(c + 1)));
    if (cells.every((c) => !c)) continue;
    const [unitName, code, name, typeName, basis, itemCode, itemName] = cells as [string, string, string, string, string, string, string];
    const unit = resolver.resolve(unitName);
    if (!unit) at(r, 0, `未找到单位“${unitName}” / unknown unit`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(code)) at(r, 1, '事项编码为字母、数字、点、横线 / letters, digits, dot and dash');
    if (!name) at(r, 2, '事项名称必填 / required');
    const type = TYPE_OF_NAME.get(typeName);
    if (!type) at(r, 3, `事项类型应为：${[...TYPE_OF_NAME.keys()].join('、')} / unknown type`);
    if (!basis) at(r, 4, '法律依据必填 / required');
    if (itemCode && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(itemCode))
      at(r, 5, '抽查事项编码为字母、数字、点、横线 / letters, digits, dot and dash');
    if (itemCode && !itemName) at(r, 6, '抽查事项名称必填 / required');
    if (!unit || !type) continue;
    const m = matters.get(code) ?? { unitId: unit.id, code, name, type, legalBasis: basis, items: [], row: r };
    if (m.unitId !== unit.id || m.name !== name) at(r, 2, `事项 ${code} 与第 ${m.row} 行不一致 / differs from row ${m.row}`);
    if (itemCode) m.items.push({ code: itemCode, name: itemName });
    matters.set(code, m);
  }
  if (!matters.size && !problems.length)
    problems.push({ sheet: ws.name, row: 2, column: HEADERS[0], path: `file.${ws.name}.2`, message: '没有数据行 / no rows' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const list = [...matters.values()];
  const preview = { matters: list.length, items: list.reduce((n, m) => n + m.items.length, 0), codes: list.map((m) => m.code) };
  if (opts.dryRun) return { dryRun: true, ...preview, added: 0, replaced: 0 };
  const saved = await withTransaction(ctx.db, (trx) =>
    saveMatters(
      ctx,
      trx,
      actor,
      list.map(({ row: _row, ...m }) => m),
      (k) => `file.${ws.name}.${list[k]!.row}`,
    ),
  );
  return { dryRun: false, ...preview, ...saved };
}
