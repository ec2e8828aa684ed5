import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { yuanToFen } from '../../common/schemas/finance.js';
import { newWorkbook, workbookBuffer } from '../reports/excel.js';

/**
 * The banks' monthly loan return (月度贷款报表): the module's own template. Bank and month in B1/B2,
 * the header in row 4, one row per borrowing enterprise from row 5. Pure parsing here; the service
 * resolves the bank and the enterprise codes and writes.
 */
export const RETURN_SHEET = '月度贷款报表';
export const RETURN_HEADERS = ['统一社会信用代码', '企业名称', '贷款余额（元）', '民营企业（是/否）', '中小微企业（是/否）'] as const;
const FIRST_ROW = 5;
const MAX_PROBLEMS = 200;

export interface ReturnRow {
  row: number;
  uscc: string;
  balanceFen: number;
  private: boolean;
  sme: boolean;
}

export interface ParsedReturn {
  bankName: string;
  period: string;
  rows: ReturnRow[];
  problems: ErrorDetail[];
}

export async function returnTemplate(bankName = '', period = ''): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(RETURN_SHEET);
  ws.addRow(['银行', bankName]);
  ws.addRow(['报送月份', period]);
  ws.addRow(['说明', '金额单位为元，最多两位小数；企业须已在企业库中（按统一社会信用代码）；民营、中小微按人民银行统计口径填“是”或“否”']);
  const header = ws.addRow([...RETURN_HEADERS]);
  header.font = { bold: true };
  RETURN_HEADERS.forEach((h, k) => (ws.getColumn(k + 1).width = Math.max(14, h.length * 2 + 4)));
  ws.getColumn(1).width = 24;
  ws.getColumn(3).numFmt = '@'; // text, so an amount keeps exactly the decimals typed
  ws.views = [{ state: 'frozen', ySplit: FIRST_ROW - 1 }];
  return workbookBuffer(wb);
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  return String(v).trim();
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

export async function parseReturn(data: Buffer, file: string): Promise<ParsedReturn> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('WORKBOOK_INVALID', [{ path: file, file, message: '不是有效的 .xlsx 文件 / not a valid .xlsx workbook' }]);
  }
  const ws = wb.getWorksheet(RETURN_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new AppError('WORKBOOK_INVALID', [{ path: file, file, message: '工作簿没有工作表 / the workbook has no sheet' }]);
  const problems: ErrorDetail[] = [];
  const at = (row: number, col: number, message: string) =>
    problems.push({ path: `${ws.name}!${letter(col)}${row}`, sheet: ws.name, row, column: letter(col), message });
  const bankName = text(ws.getCell('B1').value);
  if (!bankName) at(1, 2, '请填写银行名称 / the bank is missing');
  const period = text(ws.getCell('B2').value);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) at(2, 2, '报送月份应为 YYYY-MM，如 2026-02 / the month is YYYY-MM');
  RETURN_HEADERS.forEach((h, k) => {
    if (text(ws.getRow(FIRST_ROW - 1).getCell(k + 1).value) !== h)
      at(FIRST_ROW - 1, k + 1, `表头应为“${h}”，请使用模板 / expected the template's header`);
  });
  if (problems.length) throw new AppError('IMPORT_HAS_PROBLEMS', problems);
  const rows: ReturnRow[] = [];
  const seen = new Map<string, number>();
  const yesNo = (v: string) => (v === '是' ? true : v === '否' ? false : undefined);
  for (let r = FIRST_ROW; r <= ws.rowCount && problems.length < MAX_PROBLEMS; r++) {
    const cells = RETURN_HEADERS.map((_, k) => text(ws.getRow(r).getCell(k + 1).value));
    if (cells.every((c) => !c)) continue;
    const [uscc, , amount, priv, sme] = cells as [string, string, string, string, string];
    const before = problems.length;
    if (!/^[0-9A-Z]{18}$/.test(uscc.toUpperCase())) at(r, 1, '统一社会信用代码应为 18 位 / the code has 18 characters');
    else if (seen.has(uscc.toUpperCase()))
      at(r, 1, `与第 ${seen.get(uscc.toUpperCase())} 行重复 / repeats row ${seen.get(uscc.toUpperCase())}`);
    if (!/^\d+(\.\d{1,2})?$/.test(amount))
      at(
        r,
        3,
        /^\d+\.\d{3,}$/.test(amount) ? '金额最多两位小数 / at most two decimals' : '贷款余额应为不带符号的数字 / the balance is a number',
      );
    if (yesNo(priv) === undefined) at(r, 4, '请填“是”或“否” / 是 or 否');
    if (yesNo(sme) === undefined) at(r, 5, '请填“是”或“否” / 是 or 否');
    if (problems.length > before) continue;
    seen.set(uscc.toUpperCase(), r);
    rows.push({ row: r, uscc: uscc.toUpperCase(), balanceFen: yuanToFen(amount), private: yesNo(priv)!, sme: yesNo(sme)! });
  }
  return { bankName, period, rows, problems };
}
