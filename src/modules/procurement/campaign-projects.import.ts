import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isValidDate } from '../../common/dates.js';
import { hasUnsafeChars } from '../../common/text.js';

/**
 * Reads a campaign's projects file (CSV or .xlsx, one project a row) for the web upload and the
 * CLI alike. Headers may be Chinese or the API's field names; `checked` and `checkedOn` are
 * optional. Every problem is located by line and column; nothing here writes.
 */

export interface ProjectRow {
  line: number;
  code: string;
  name: string;
  agency: string;
  amount: number;
  checked: boolean;
  checkedOn?: string | undefined;
}

export interface ProjectProblem {
  line: number;
  column: string | null;
  message: string;
}

export type Field = 'code' | 'name' | 'agency' | 'amount' | 'checked' | 'checkedOn';

const HEADERS: Record<string, Field> = {
  code: 'code',
  项目编号: 'code',
  name: 'name',
  项目名称: 'name',
  agency: 'agency',
  招标代理机构: 'agency',
  代理机构: 'agency',
  amount: 'amount',
  金额: 'amount',
  项目金额: 'amount',
  checked: 'checked',
  已检查: 'checked',
  是否已检查: 'checked',
  checkedon: 'checkedOn',
  checked_on: 'checkedOn',
  检查日期: 'checkedOn',
};
const REQUIRED: { field: Field; zh: string }[] = [
  { field: 'code', zh: '项目编号' },
  { field: 'name', zh: '项目名称' },
  { field: 'agency', zh: '招标代理机构' },
  { field: 'amount', zh: '金额（元）' },
];
const LIMITS: Partial<Record<Field, number>> = { code: 100, name: 300, agency: 200 };
const YES = ['1', '是', 'true', 'yes', 'y'];
const NO = ['0', '否', 'false', 'no', 'n'];

const normHeader = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/\(.*?\)|\s/g, '')
    .toLowerCase();

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

async function readTable(data: Buffer, filename: string): Promise<string[][] | string> {
  if (/\.xlsx$/i.test(filename)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch {
      return `“${filename}”不是有效的 .xlsx 文件 / not a valid .xlsx file`;
    }
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  try {
    return (parse(data.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).map((r) =>
      r.map((c) => c.trim()),
    );
  } catch (err) {
    return `无法读取 CSV（${(err as Error).message}） / cannot read the CSV`;
  }
}

function normaliseDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** The projects of the file and every located problem (a file with problems adds nothing). */
export async function parseProjectsFile(
  data: Buffer,
  filename: string,
): Promise<{ rows: ProjectRow[]; problems: ProjectProblem[]; columnOf: (f: Field) => string }> {
  const table = await readTable(data, filename);
  const header = typeof table === 'string' ? [] : (table[0] ?? []);
  const fieldAt = header.map((h) => HEADERS[normHeader(h)]);
  /** The file's own header of a field, so a problem names the column the user sees. */
  const columnOf = (f: Field) => header[fieldAt.indexOf(f)] ?? f;
  if (typeof table === 'string') return { rows: [], problems: [{ line: 1, column: null, message: table }], columnOf };
  const problems: ProjectProblem[] = [];
  for (const r of REQUIRED)
    if (!fieldAt.includes(r.field)) problems.push({ line: 1, column: null, message: `缺少“${r.zh}”列 / missing column ${r.field}` });
  if (problems.length) return { rows: [], problems, columnOf };
  const rows: ProjectRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => !c)) continue;
    const line = i + 1;
    const raw: Partial<Record<Field, string>> = {};
    fieldAt.forEach((f, k) => {
      if (f) raw[f] = cells[k] ?? '';
    });
    const at = (f: Field, message: string) => problems.push({ line, column: columnOf(f), message: `第 ${line} 行：${message}` });
    for (const r of REQUIRED) if (!raw[r.field]) at(r.field, `缺少${r.zh} / no ${r.field}`);
    for (const [f, max] of Object.entries(LIMITS) as [Field, number][]) {
      const v = raw[f] ?? '';
      if (v.length > max) at(f, `超过 ${max} 个字符 / longer than ${max} characters`);
      if (hasUnsafeChars(v)) at(f, '含控制字符 / holds control characters');
    }
    const amount = Number((raw.amount ?? '').replace(/,/g, ''));
    if (raw.amount && (!Number.isFinite(amount) || amount < 0 || amount > 1e12))
      at('amount', `金额“${raw.amount}”不是非负数 / the amount is not a non-negative number`);
    const flag = (raw.checked ?? '').toLowerCase();
    if (flag && !YES.includes(flag) && !NO.includes(flag)) at('checked', `“${raw.checked}”应为 是/否 或 1/0 / should be yes/no or 1/0`);
    let checkedOn = raw.checkedOn ? normaliseDate(raw.checkedOn) : undefined;
    if (checkedOn && !isValidDate(checkedOn)) {
      at('checkedOn', `“${raw.checkedOn}”不是有效日期 / not a valid date`);
      checkedOn = undefined;
    }
    rows.push({
      line,
      code: raw.code ?? '',
      name: raw.name ?? '',
      agency: raw.agency ?? '',
      amount,
      checked: !flag || YES.includes(flag),
      checkedOn,
    });
  }
  if (!rows.length && !problems.length) problems.push({ line: 2, column: null, message: '文件中没有项目 / the file has no projects' });
  return { rows, problems, columnOf };
}
