import ExcelJS from 'exceljs';
import type { ImportProblem, ImportSheetMapping } from '../../../common/schemas/worklists-import.js';
import { IMPORT_LIMITS } from '../../../common/schemas/worklists-import.js';
import { type ItemKind, WORKLIST_LIMITS } from '../../../common/schemas/worklists.js';
import { type CellRead, cellTextOrEmpty, columnLetter, readCell } from './cells.js';
import { parseDeadline } from './deadline.js';
import { type ImportField, fieldOfHeader } from './headers.js';
import { KIND_OF_FIELD, type KindFields, readKindField } from './kind-fields.js';
import { type UnitDirectory, type UnitRef, readUnitCell } from './unit-cells.js';
import { WorkbookRejected, assertSafeXlsx } from './zip-guard.js';

/**
 * Workbook → preview, with no database: the caller hands in the unit directory. Every problem is
 * located (sheet, row, column letter) and explained; the preview lists every data row it read.
 */

export interface ParsedRow {
  sheet: string;
  row: number;
  code: string;
  area: string | null;
  content: string;
  measures: string | null;
  leadUnits: UnitRef[];
  coopUnits: UnitRef[];
  deadline: string | null;
  ongoing: boolean;
  extra: KindFields;
}

export interface WorkbookPreview {
  rows: ParsedRow[];
  problems: ImportProblem[];
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
  onProgress?: (message: string) => void;
}

type Columns = Partial<Record<ImportField, number>>;

interface SheetHeader {
  headerRow: number;
  dataStart: number;
  columns: Columns;
  mapping: ImportSheetMapping['columns'];
  year: number | null;
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
      if (field && field in KIND_OF_FIELD && KIND_OF_FIELD[field as keyof typeof KIND_OF_FIELD] !== kind) field = null;
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

const NOTE_ROW = /^(?:注|备注|说明|填表说明|填报说明)[:：]?/;
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))\s*/;

/** A row whose only text is one value (often merged across the row): a section heading or a note. */
function sectionText(ws: ExcelJS.Worksheet, r: number, width: number): string | null {
  const values = new Set<string>();
  for (let c = 1; c <= width; c++) {
    const t = cellTextOrEmpty(ws.getCell(r, c));
    if (t) values.add(t);
    if (values.size > 1) return null;
  }
  return values.size === 1 ? [...values][0] : null;
}

export async function parseWorkbook(buffer: Buffer, opts: ParseOptions): Promise<WorkbookPreview> {
  const preview: WorkbookPreview = { rows: [], problems: [], mapping: [], rejected: null };
  const fileProblem = (message: string) => preview.problems.push({ sheet: null, row: null, column: null, message });
  try {
    await assertSafeXlsx(buffer, { maxBytes: opts.maxBytes });
  } catch (err) {
    if (!(err instanceof WorkbookRejected)) throw err;
    preview.rejected = { message: err.message, tooLarge: err.tooLarge };
    fileProblem(err.message);
    return preview;
  }
  const wb = new ExcelJS.Workbook();
  try {
    opts.onProgress?.('reading workbook');
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
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
    const skipped = ws.state !== 'visible' ? '隐藏的工作表 / hidden sheet' : isEmptySheet(ws) ? '空白工作表 / empty sheet' : '找不到表头 / no header row';
    preview.mapping.push({ sheet: ws.name, headerRow: null, columns: [], skipped });
    if (sheets.includes(ws) && !anyHeader) {
      preview.problems.push({
        sheet: ws.name,
        row: null,
        column: null,
        message: `前 ${IMPORT_LIMITS.headerSearchRows} 行中找不到表头：需要“序号”“工作任务”“牵头单位”“完成时限”等列名 / no header row (序号, 工作任务, 牵头单位, 完成时限 …) in the first rows`,
      });
    }
  }
  if (!sheets.length) fileProblem('工作簿中没有数据 / the workbook is empty');

  // A list repeats the same unit cells and deadline phrases thousands of times: read each text once.
  const unitCells = new Map<string, ReturnType<typeof readUnitCell>>();
  const readUnits = (text: string) => unitCells.get(text) ?? unitCells.set(text, readUnitCell(text, opts.units)).get(text)!;
  const codes = new Map<string, { sheet: string; row: number }>();
  let autoCode = 0;
  for (const ws of sheets) {
    const header = headers.get(ws);
    if (!header) continue;
    preview.mapping.push({ sheet: ws.name, headerRow: header.headerRow, columns: header.mapping, skipped: null });
    const cols = header.columns;
    if (cols.lead === undefined) {
      preview.problems.push({ sheet: ws.name, row: header.headerRow, column: null, message: '缺少“牵头单位/责任单位”列 / no lead-unit column' });
    }
    const width = Math.min(ws.columnCount, 60);
    const year = header.year ?? opts.year;
    let section: string | null = null;
    let mergedCode = null as { master: string; code: string; n: number } | null;
    const total = ws.rowCount - header.dataStart + 1;
    if (preview.rows.length + total > IMPORT_LIMITS.rows) {
      fileProblem(`数据行超过 ${IMPORT_LIMITS.rows} 行，请拆分文件 / more than ${IMPORT_LIMITS.rows} rows: split the file`);
      return preview;
    }
    opts.onProgress?.(`validating ${ws.name}: ${total} rows`);

    for (let r = header.dataStart; r <= ws.rowCount; r++) {
      const problem = (field: ImportField | null, message: string) =>
        preview.problems.push({ sheet: ws.name, row: r, column: field && cols[field] ? columnLetter(cols[field]) : null, message });
      const read = (field: ImportField): CellRead | null => (cols[field] === undefined ? null : readCell(ws.getCell(r, cols[field])));
      const text = (field: ImportField): string => {
        const v = read(field);
        if (!v) return '';
        if ('problem' in v) {
          problem(field, v.problem);
          return '';
        }
        return v.text;
      };

      // A row holding one text in its first (or 序号) column is a section heading ("一、市场准入") that
      // becomes the area of the rows below, or a note; a lone number is a pre-numbered blank row.
      const single = sectionText(ws, r, width);
      if (single !== null && /^[\d.\-\s]+$/.test(single)) continue;
      if (single !== null && [1, cols.code].some((c) => c && cellTextOrEmpty(ws.getCell(r, c)) === single)) {
        if (!NOTE_ROW.test(single)) section = single.replace(ENUMERATOR, '').slice(0, WORKLIST_LIMITS.area);
        continue;
      }
      const mapped = Object.values(cols).some((c) => cellTextOrEmpty(ws.getCell(r, c!)));
      if (!mapped) continue;

      let code: string;
      if (cols.code === undefined) code = String(++autoCode);
      else {
        const cell = ws.getCell(r, cols.code);
        code = text('code').normalize('NFKC').replace(/\s+/g, '');
        // A 序号 merged down over several rows: each row is a sub-item (3-1, 3-2 …) with its own units and deadline.
        const master = cell.master.address;
        if (cell.isMerged && code) {
          if (mergedCode?.master === master) code = `${mergedCode.code}-${++mergedCode.n}`;
          else {
            const next = ws.getCell(r + 1, cols.code);
            mergedCode = { master, code, n: 1 };
            if (next.isMerged && next.master.address === master) code = `${code}-1`;
          }
        } else mergedCode = null;
        if (!code) problem('code', '缺少序号 / code missing');
        else if (code.length > WORKLIST_LIMITS.code) problem('code', `序号超过 ${WORKLIST_LIMITS.code} 个字符 / code too long`);
      }
      if (code) {
        const first = codes.get(code);
        if (first) problem('code', `序号“${code}”与${first.sheet === ws.name ? '' : `工作表“${first.sheet}”`}第 ${first.row} 行重复 / duplicate code, first on row ${first.row}`);
        else codes.set(code, { sheet: ws.name, row: r });
      }

      const content = text('content');
      if (!content) problem('content', '缺少任务内容 / content missing');
      else if (content.length > WORKLIST_LIMITS.content) problem('content', `任务内容超过 ${WORKLIST_LIMITS.content} 字 / content too long`);
      const measures = text('measures') || null;
      if (measures && measures.length > WORKLIST_LIMITS.measures) problem('measures', `工作措施超过 ${WORKLIST_LIMITS.measures} 字 / measures too long`);
      const area = text('area') || section;
      if (area && area.length > WORKLIST_LIMITS.area) problem('area', `指标领域超过 ${WORKLIST_LIMITS.area} 字 / area too long`);

      const units = (field: 'lead' | 'coop'): UnitRef[] => {
        const cell = readUnits(text(field));
        const label = field === 'lead' ? '牵头单位' : '配合单位';
        for (const name of cell.unknown) problem(field, `${label}“${name}”无法识别，请写单位全称或已登记的简称 / unknown unit “${name}”`);
        for (const phrase of cell.collective) {
          problem(field, `${label}“${phrase}”是泛称，不能确定具体单位，请写明单位名称 / “${phrase}” names no unit in particular; list the units`);
        }
        return cell.units;
      };
      const before = preview.problems.length;
      const leadUnits = cols.lead === undefined ? [] : units('lead');
      if (cols.lead !== undefined && !leadUnits.length && preview.problems.length === before) problem('lead', '缺少牵头单位 / lead unit missing');
      const leadIds = new Set(leadUnits.map((u) => u.id));
      const coopUnits = units('coop').filter((u) => !leadIds.has(u.id));

      let deadline: string | null = null;
      let ongoing = false;
      const dv = read('deadline');
      if (dv && 'problem' in dv) problem('deadline', dv.problem);
      else if (dv) {
        const d = parseDeadline(dv.raw, year);
        if (d.ok) ({ deadline, ongoing } = d);
        else problem('deadline', d.message);
      }

      const extra: KindFields = {};
      for (const field of ['sourceEvaluation', 'rectification', 'level', 'maxScore', 'selfScore', 'scoringRule', 'stage', 'tags'] as const) {
        const v = read(field);
        if (!v) continue;
        if ('problem' in v) problem(field, v.problem);
        else {
          const res = readKindField(field, v);
          if ('message' in res) problem(field, res.message);
          else Object.assign(extra, res.value);
        }
      }
      preview.rows.push({ sheet: ws.name, row: r, code, area, content, measures, leadUnits, coopUnits, deadline, ongoing, extra });
    }
  }
  return preview;
}

/** Problems that no "keep only valid rows" can work around: the file, a sheet's header, a missing column. */
export function blockingProblems(p: WorkbookPreview): ImportProblem[] {
  return p.problems.filter((x) => x.row === null || (x.column === null && p.mapping.some((m) => m.sheet === x.sheet && m.headerRow === x.row)));
}

/** Rows without any problem, for a commit that keeps only the valid rows. */
export function validRows(p: WorkbookPreview): ParsedRow[] {
  const bad = new Set(p.problems.filter((x) => x.row !== null).map((x) => `${x.sheet}\u0000${x.row}`));
  return p.rows.filter((r) => !bad.has(`${r.sheet}\u0000${r.row}`));
}
