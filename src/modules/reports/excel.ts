import ExcelJS from 'exceljs';

/** Excel output shared by every module: one look for every exported table. */

export interface SheetColumn<R> {
  header: string;
  /** Reads the cell value from a row. */
  value: (row: R) => string | number | Date | null | undefined;
  /** Width in characters; by default fitted to the header and the first rows (a CJK character counts 2). */
  width?: number;
  /** Excel number format, e.g. '0.0%' or 'yyyy-mm-dd'. */
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

export interface TableSheetOptions {
  /** A title row above the header (merged across the columns), e.g. 2026年第9周督查情况. */
  title?: string;
  /** Freeze the header (and title) rows and the first `freezeColumns` columns. Default: header frozen, no columns. */
  freezeColumns?: number;
  autoFilter?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bizenv 优化营商环境工作平台';
  wb.created = new Date();
  return wb;
}

/** Display width of a text in Excel character units: CJK and full-width characters take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Adds a sheet with a styled header (bold, shaded, bordered, wrapped), fitted column widths,
 * frozen header rows and an optional title row. Sheet names are cut to Excel's 31 characters.
 */
export function addTableSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn<R>[],
  rows: R[],
  opts: TableSheetOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  let headerRow = 1;
  if (opts.title) {
    const title = ws.addRow([opts.title]);
    ws.mergeCells(1, 1, 1, columns.length);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 26;
    headerRow = 2;
  }
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => c.value(r) ?? null));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const c = columns[col - 1];
      if (!c) return;
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true, ...(c.align ? { horizontal: c.align } : {}) };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  }
  const sample = rows.slice(0, 200);
  columns.forEach((c, i) => {
    const fitted = Math.max(textWidth(c.header), ...sample.map((r) => textWidth(String(c.value(r) ?? ''))));
    ws.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(6, fitted + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: opts.freezeColumns ?? 0 }];
  if (opts.autoFilter !== false && rows.length)
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columns.length } };
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
