import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors.js';

/**
 * The first sheet of an uploaded .xlsx, or a .csv, as rows of text cells (row 0 = headers), for
 * importers that validate every cell themselves. Dates typed as Excel dates come back as
 * 'YYYY-MM-DD HH:mm:ss' (the cell's wall-clock time as Excel shows it). The buffer must come from
 * the guarded upload reader (src/http/upload.ts).
 */
export async function readSheetRows(buffer: Buffer, filename: string): Promise<string[][]> {
  if (/\.csv$/i.test(filename)) {
    try {
      return (parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).map((r) =>
        r.map((c) => c.trim()),
      );
    } catch (err) {
      throw new AppError('WORKBOOK_INVALID', [{ path: 'file', message: `CSV 无法读取 / unreadable CSV: ${(err as Error).message}` }]);
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('WORKBOOK_INVALID', [{ path: 'file', message: `“${filename}”不是 .xlsx 或 .csv 文件 / not an .xlsx or .csv file` }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}
