import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { period as periodSchema } from '../../common/schemas/indicators.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../reports/excel.js';

/**
 * Reads an indicator-values workbook: first sheet, a header row naming the columns (Chinese or
 * English), one value per row. Every problem of a row is reported with sheet, row and column in
 * `problems` beside the clean rows, so the service can add its own checks and report everything at
 * once; the import writes nothing while any problem is left, so it stays all-or-nothing.
 */

export interface ValueSheetRow {
  row: number;
  code: string;
  unit: string;
  period: string;
  value: number;
  source: string;
  evidence: string | null;
}

const HEADERS: Record<keyof Omit<ValueSheetRow, 'row'>, string[]> = {
  code: ['指标编码', 'code', 'indicator code'],
  unit: ['单位', 'unit'],
  period: ['期间', 'period'],
  value: ['数值', 'value'],
  source: ['来源', 'source'],
  evidence: ['佐证说明', '佐证', 'evidence'],
};
const REQUIRED: (keyof typeof HEADERS)[] = ['code', 'unit', 'period', 'value', 'source'];
export const VALUE_SHEET_HEADERS = ['指标编码', '单位', '期间', '数值', '来源', '佐证说明'];
const MAX_ERRORS = 100;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface ValueSheet {
  file: string;
  sheet: string;
  columns: Partial<Record<keyof typeof HEADERS, string>>;
  rows: ValueSheetRow[];
  /** Located problems of the rows left out of `rows` (text in a number, a bad period, an empty cell …). */
  problems: ErrorDetail[];
}

export async function readValueSheet(data: Buffer, file: string): Promise<ValueSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', [{ path: file, file, message: '不是有效的 .xlsx 文件 / not a valid .xlsx workbook' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', [{ path: file, file, message: '工作簿没有工作表 / the workbook has no sheet' }]);
  const where = (row: number, col: number, field: string) => ({
    path: `${file} ${ws.name}!${columnLetter(col)}${row}`,
    file,
    sheet: ws.name,
    row,
    column: columnLetter(col),
    field,
  });
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell.value).toLowerCase();
    for (const [key, names] of Object.entries(HEADERS)) if (names.includes(h)) cols.set(key, col);
  });
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      missing.map((k) => ({
        path: `${file} ${ws.name}!1`,
        file,
        sheet: ws.name,
        row: 1,
        field: k,
        message: `缺少列“${HEADERS[k][0]}” / missing column ${HEADERS[k][1]}`,
      })),
    );
  }
  const rows: ValueSheetRow[] = [];
  const errors: ErrorDetail[] = [];
  for (let r = 2; r <= ws.rowCount && errors.length < MAX_ERRORS; r++) {
    const row = ws.getRow(r);
    const get = (k: keyof typeof HEADERS) => (cols.has(k) ? cellText(row.getCell(cols.get(k)!).value) : '');
    if (REQUIRED.every((k) => get(k) === '')) continue; // blank line
    const problems: ErrorDetail[] = [];
    for (const k of REQUIRED)
      if (get(k) === '') problems.push({ ...where(r, cols.get(k)!, k), message: `“${HEADERS[k][0]}”为空 / ${HEADERS[k][1]} is empty` });
    const raw = row.getCell(cols.get('value')!).value;
    const num =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'object' && raw && 'result' in raw && typeof raw.result === 'number'
          ? raw.result
          : Number(get('value').replace(/,/g, ''));
    if (get('value') !== '' && !Number.isFinite(num))
      problems.push({ ...where(r, cols.get('value')!, 'value'), message: `不是数字：“${get('value')}” / not a number: "${get('value')}"` });
    const per = get('period');
    if (per !== '' && !periodSchema.safeParse(per).success)
      problems.push({ ...where(r, cols.get('period')!, 'period'), message: `期间“${per}”格式应为 2024、2024-Q3 或 2024-06 / bad period` });
    if (get('source').length > 300)
      problems.push({ ...where(r, cols.get('source')!, 'source'), message: '来源超过 300 字 / source longer than 300 characters' });
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    rows.push({
      row: r,
      code: get('code'),
      unit: get('unit'),
      period: per,
      value: num,
      source: get('source'),
      evidence: get('evidence') || null,
    });
  }
  if (!rows.length && !errors.length)
    throw new AppError('VALIDATION_FAILED', [{ path: `${file} ${ws.name}`, file, sheet: ws.name, message: '没有数据行 / no data rows' }]);
  const columns = Object.fromEntries([...cols.entries()].map(([k, c]) => [k, columnLetter(c)]));
  return { file, sheet: ws.name, columns, rows, problems: errors.slice(0, MAX_ERRORS) };
}

/** Locates a later (semantic) problem of a parsed row at its cell, so service checks report like the parser. */
export function locate(s: ValueSheet, r: ValueSheetRow, field: keyof typeof HEADERS, message: string): ErrorDetail {
  const column = s.columns[field] ?? '?';
  return { path: `${s.file} ${s.sheet}!${column}${r.row}`, file: s.file, sheet: s.sheet, row: r.row, column, field, message };
}

/** Orders located problems as a reader goes through the sheet: by row, then by column. */
export function byCell(a: ErrorDetail, b: ErrorDetail): number {
  const col = (d: ErrorDetail) => String(d.column ?? '');
  return Number(a.row ?? 0) - Number(b.row ?? 0) || col(a).length - col(b).length || col(a).localeCompare(col(b));
}

export interface TemplateKpi {
  code: string;
  nameZh: string;
  nameEn: string;
  unitOfMeasure: string | null;
  direction: string | null;
  physicalMin: number | null;
  physicalMax: number | null;
}

/**
 * The blank values workbook: the sheet the import reads first (its header only), then the KPI codes
 * with their physical ranges and the unit names the import recognises, to copy from.
 */
export async function valueTemplateWorkbook(kpis: TemplateKpi[], units: { name: string; kind: string }[]): Promise<Buffer> {
  const wb = newWorkbook();
  const widths = [18, 26, 12, 12, 30, 40];
  addTableSheet<never>(
    wb,
    '数值',
    VALUE_SHEET_HEADERS.map((header, i) => ({ header, value: () => null, width: widths[i] })),
    [],
  );
  addTableSheet(
    wb,
    '指标编码',
    [
      { header: '指标编码', value: (k: TemplateKpi) => k.code },
      { header: '名称', value: (k) => k.nameZh },
      { header: 'Name', value: (k) => k.nameEn },
      { header: '计量单位', value: (k) => k.unitOfMeasure },
      {
        header: '方向',
        value: (k) => (k.direction === 'lower_is_better' ? '越低越好' : k.direction === 'higher_is_better' ? '越高越好' : ''),
      },
      { header: '最小值', value: (k) => k.physicalMin, align: 'right' },
      { header: '最大值', value: (k) => k.physicalMax, align: 'right' },
    ],
    kpis,
    {
      title:
        '只读取第一个工作表“数值”；期间写作 2024、2024-Q3 或 2024-06 / only the first sheet is read; periods as 2024, 2024-Q3 or 2024-06',
    },
  );
  addTableSheet(
    wb,
    '单位',
    [
      { header: '单位', value: (u: { name: string; kind: string }) => u.name },
      { header: '类型', value: (u) => u.kind },
    ],
    units,
  );
  return workbookBuffer(wb);
}
