import ExcelJS from 'exceljs';
import type { ImportProblem, ImportSheetMapping } from '../../../common/schemas/worklists-import.js';
import { IMPORT_LIMITS } from '../../../common/schemas/worklists-import.js';
import type { ItemKind } from '../../../common/schemas/worklists.js';
import { cellTextOrEmpty, columnLetter } from './cells.js';
import { type ImportField, fieldOfHeader } from './headers.js';
import { type Columns, type ParsedRow, type SheetHeader, type SheetReadState, readSheetRows } from './sheet-rows.js';
import type { UnitDirectory } from './unit-cells.js';
import { WorkbookRejected, assertSafeXlsx } from '../../../http/zip-guard.js';
import { KIND_FIELDS, type KindField } from '../worklists.types.js';

export type { ParsedRow };

/**
 * Workbook → preview, with no database: the caller hands in the unit directory. Every problem is
 * located (sheet, row, column letter) and explained; the preview lists every data row it read.
 */

export interface WorkbookPreview {
  rows: ParsedRow[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  mapping: ImportSheetMapping[];
  /** The file could not be read as a workbook at all (not xlsx, too large, zip bomb). */
  rejected: { message: string; tooLarge: boolean } | null;
}

export interface ParseOptions {
  kind: ItemKind;
  units: UnitDirectory;
  maxBytes: number;
  /** Year for deadlines written without one ("6月底前") when the title row names none. */
  year: number;
  /** Today in China: rows whose deadline is earlier are imported with a warning. */
  today?: string;
  onProgress?: (message: string) => void;
}

const MIN_CONTENT_FIELDS: ImportField[] = ['content', 'measures'];

function rowFields(ws: ExcelJS.Worksheet, r: number, width: number): (ImportField | null)[] {
  const out: (ImportField | null)[] = [];
  for (let c = 1; c <= width; c++) out.push(fieldOfHeader(cellTextOrEmpty(ws.getCell(r, c))));
  return out;
}

/** The header is the first row naming the content and at least one other field; title rows sit above it. */
function findHeader(ws: ExcelJS.Worksheet, kind: ItemKind): SheetHeader | null {
  const width = Math.min(ws.columnCount, 60);
  const last = Math.min(ws.rowCount, IMPORT_LIMITS.headerSearchRows);
  for (let r = 1; r <= last; r++) {
    const fields = rowFields(ws, r, width);
    const distinct = new Set(fields.filter(Boolean));
    if (distinct.size < 2 || !MIN_CONTENT_FIELDS.some((f) => distinct.has(f))) continue;
    // A two-row header: "责任单位" merged over "牵头单位 | 配合单位" in the row below.
    const below = r < ws.rowCount ? rowFields(ws, r + 1, width) : [];
    const twoRow =
      below.some((f, i) => f && f !== fields[i]) &&
      below.every((f, i) => {
        const t = cellTextOrEmpty(ws.getCell(r + 1, i + 1));
        return f || !t || t === cellTextOrEmpty(ws.getCell(r, i + 1)); // merged down from the row above
      });
    const columns: Columns = {};
    const mapping: ImportSheetMapping['columns'] = [];
    for (let c = 1; c <= width; c++) {
      const sub = twoRow ? below[c - 1] : null;
      const header = (sub ? cellTextOrEmpty(ws.getCell(r + 1, c)) : cellTextOrEmpty(ws.getCell(r, c))).replace(/\s+/g, '');
      if (!header) continue;
      let field = sub ?? fields[c - 1];
      if (field && columns[field] !== undefined) field = null; // the first column of a field wins
      if (field && field in KIND_FIELDS && KIND_FIELDS[field as KindField].kind !== kind) field = null;
      if (field) columns[field] = c;
      mapping.push({ column: columnLetter(c), header, field });
    }
    if (columns.content === undefined && columns.measures !== undefined) {
      // "具体措施" alone is the item text.
      columns.content = columns.measures;
      delete columns.measures;
      for (const m of mapping) if (m.field === 'measures') m.field = 'content';
    }
    let year: number | null = null;
    for (let t = 1; t < r && year === null; t++) {
      const m = /(20\d{2})\s*年/.exec(cellTextOrEmpty(ws.getCell(t, 1)) + cellTextOrEmpty(ws.getCell(t, 2)));
      if (m) year = Number(m[1]);
    }
    return { headerRow: r, dataStart: r + (twoRow ? 2 : 1), columns, mapping, year };
  }
  return null;
}

function isEmptySheet(ws: ExcelJS.Worksheet): boolean {
  return ws.actualRowCount === 0;
}

export async function parseWorkbook(buffer: Buffer, opts: ParseOptions): Promise<WorkbookPreview> {
  const preview: WorkbookPreview = { rows: [], problems: [], warnings: [], mapping: [], rejected: null };
  const fileProblem = (message: string) => preview.problems.push({ sheet: null, row: null, column: null, message });
  let stored: Buffer;
  try {
    stored = await assertSafeXlsx(buffer, { maxBytes: opts.maxBytes });
  } catch (err) {
    if (!(err instanceof WorkbookRejected)) throw err;
    preview.rejected = { message: err.message, tooLarge: err.tooLarge };
    fileProblem(err.message);
    return preview;
  }
  const wb = new ExcelJS.Workbook();
  try {
    opts.onProgress?.('reading workbook');
    await wb.xlsx.load(stored as unknown as ExcelJS.Buffer); // inflated once, by the guard
  } catch {
    const message = 'Excel 无法读取该工作簿（文件已损坏或格式不符） / the workbook cannot be read';
    preview.rejected = { message, tooLarge: false };
    fileProblem(message);
    return preview;
  }

  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' && !isEmptySheet(ws));
  const headers = new Map(sheets.map((ws) => [ws, findHeader(ws, opts.kind)]));
  const anyHeader = [...headers.values()].some(Boolean);
  for (const ws of wb.worksheets) {
    const header = headers.get(ws);
    if (header) continue;
    const skipped =
      ws.state !== 'visible' ? '隐藏的工作表 / hidden sheet' : isEmptySheet(ws) ? '空白工作表 / empty sheet' : '找不到表头 / no header row';
    preview.mapping.push({ sheet: ws.name, headerRow: null, columns: [], skipped });
    if (sheets.includes(ws) && !anyHeader) {
      preview.problems.push({
        sheet: ws.name,
        row: null,
        column: null,
        message:
          `前 ${IMPORT_LIMITS.headerSearchRows} 行中找不到表头：需要“序号”“工作任务”“牵头单位”“完成时限”等列名 ` +
          `/ no header row (序号, 工作任务, 牵头单位, 完成时限 …) in the first rows`,
      });
    }
  }
  if (!sheets.length) fileProblem('工作簿中没有数据 / the workbook is empty');

  const state: SheetReadState = {
    preview,
    units: opts.units,
    unitCells: new Map(),
    deadlines: new Map(),
    codes: new Map(),
    autoCode: 0,
    today: opts.today,
  };
  for (const ws of sheets) {
    const header = headers.get(ws);
    if (!header) continue;
    preview.mapping.push({ sheet: ws.name, headerRow: header.headerRow, columns: header.mapping, skipped: null });
    if (header.columns.lead === undefined) {
      preview.problems.push({
        sheet: ws.name,
        row: header.headerRow,
        column: null,
        message: '缺少“牵头单位/责任单位”列 / no lead-unit column',
      });
    }
    const total = ws.rowCount - header.dataStart + 1;
    if (preview.rows.length + total > IMPORT_LIMITS.rows) {
      fileProblem(`数据行超过 ${IMPORT_LIMITS.rows} 行，请拆分文件 / more than ${IMPORT_LIMITS.rows} rows: split the file`);
      return preview;
    }
    opts.onProgress?.(`validating ${ws.name}: ${total} rows`);
    readSheetRows(ws, header, header.year ?? opts.year, state);
  }
  return preview;
}

/** Problems that no "keep only valid rows" can work around: the file, a sheet's header, a missing column. */
export function blockingProblems(p: WorkbookPreview): ImportProblem[] {
  return p.problems.filter(
    (x) => x.row === null || (x.column === null && p.mapping.some((m) => m.sheet === x.sheet && m.headerRow === x.row)),
  );
}

/** Rows without any problem, for a commit that keeps only the valid rows. */
export function validRows(p: WorkbookPreview): ParsedRow[] {
  const bad = new Set(p.problems.filter((x) => x.row !== null).map((x) => `${x.sheet}\u0000${x.row}`));
  return p.rows.filter((r) => !bad.has(`${r.sheet}\u0000${r.row}`));
}
