import type ExcelJS from 'exceljs';
import type { ImportProblem, ImportSheetMapping } from '../../../common/schemas/worklists-import.js';
import { WORKLIST_LIMITS } from '../../../common/schemas/worklists.js';
import { type CellRead, cellTextOrEmpty, columnLetter, readCell } from './cells.js';
import { type DeadlineResult, parseDeadline } from './deadline.js';
import type { ImportField } from './headers.js';
import { type KindFields, readKindField } from './kind-fields.js';
import { type UnitCell, type UnitDirectory, type UnitRef, readUnitCell } from './unit-cells.js';
import { KIND_FIELDS, type KindField } from '../worklists.types.js';

/** The data rows of one sheet below its header: one ParsedRow per item row, problems located by cell. */

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

export type Columns = Partial<Record<ImportField, number>>;

export interface SheetHeader {
  headerRow: number;
  dataStart: number;
  columns: Columns;
  mapping: ImportSheetMapping['columns'];
  /** The year the title rows name ("2024年…清单"), for deadlines written without one. */
  year: number | null;
}

/** What the sheets of one workbook share: codes are unique across sheets; texts are read once. */
export interface SheetReadState {
  preview: { rows: ParsedRow[]; problems: ImportProblem[]; warnings: ImportProblem[] };
  units: UnitDirectory;
  unitCells: Map<string, UnitCell>;
  deadlines: Map<string, DeadlineResult>;
  codes: Map<string, { sheet: string; row: number }>;
  autoCode: number;
  today?: string | undefined;
}

const NOTE_ROW = /^(?:注|备注|说明|填表说明|填报说明)[:：]?/;
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))\s*/;
const KIND_COLUMNS: (keyof KindFields)[] = [...(Object.keys(KIND_FIELDS) as KindField[]), 'tags'];

/** A row whose only text is one value (often merged across the row): a section heading or a note. */
function singleText(row: ExcelJS.Row, width: number): string | null {
  let value: string | null = null;
  for (let c = 1; c <= width; c++) {
    const t = cellTextOrEmpty(row.getCell(c));
    if (!t || t === value) continue;
    if (value !== null) return null;
    value = t;
  }
  return value;
}

export function readSheetRows(ws: ExcelJS.Worksheet, header: SheetHeader, year: number, state: SheetReadState): void {
  const { preview, codes } = state;
  const cols = header.columns;
  const width = Math.min(ws.columnCount, 60);
  const letters = Object.fromEntries(Object.entries(cols).map(([f, c]) => [f, columnLetter(c!)])) as Partial<Record<ImportField, string>>;
  let r = 0;
  let row = ws.getRow(1);
  const problem = (field: ImportField | null, message: string) =>
    preview.problems.push({ sheet: ws.name, row: r, column: (field && letters[field]) ?? null, message });
  const read = (field: ImportField): CellRead | null => (cols[field] === undefined ? null : readCell(row.getCell(cols[field])));
  const text = (field: ImportField): string => {
    const v = read(field);
    if (v && 'problem' in v) problem(field, v.problem);
    return v && 'text' in v ? v.text : '';
  };
  const units = (field: 'lead' | 'coop'): UnitRef[] => {
    const t = text(field);
    const cell = state.unitCells.get(t) ?? state.unitCells.set(t, readUnitCell(t, state.units)).get(t)!;
    const label = field === 'lead' ? '牵头单位' : '配合单位';
    for (const name of cell.unknown) problem(field, `${label}“${name}”无法识别，请写单位全称或已登记的简称 / unknown unit “${name}”`);
    for (const phrase of cell.collective)
      problem(
        field,
        `${label}“${phrase}”是泛称，不能确定具体单位，请写明单位名称 / “${phrase}” names no unit in particular; list the units`,
      );
    return cell.units;
  };
  const deadlineOf = (raw: string | number | Date | null): DeadlineResult => {
    if (typeof raw !== 'string') return parseDeadline(raw, year);
    return state.deadlines.get(raw) ?? state.deadlines.set(raw, parseDeadline(raw, year)).get(raw)!;
  };

  let section: string | null = null;
  let mergedCode = null as { master: string; code: string; n: number } | null;
  for (r = header.dataStart; r <= ws.rowCount; r++) {
    row = ws.getRow(r);
    // A row holding one text in its first (or 序号) column is a section heading ("一、市场准入") that
    // becomes the area of the rows below, or a note; a lone number is a pre-numbered blank row.
    const single = singleText(row, width);
    if (single !== null && /^[\d.\-\s]+$/.test(single)) continue;
    if (single !== null && [1, cols.code].some((c) => c && cellTextOrEmpty(row.getCell(c)) === single)) {
      if (!NOTE_ROW.test(single)) section = single.replace(ENUMERATOR, '').slice(0, WORKLIST_LIMITS.area);
      continue;
    }
    if (single === null && !Object.values(cols).some((c) => cellTextOrEmpty(row.getCell(c!)))) continue;

    let code: string;
    if (cols.code === undefined) code = String(++state.autoCode);
    else {
      const cell = row.getCell(cols.code);
      code = text('code').normalize('NFKC').replace(/\s+/g, '');
      // A 序号 merged down over several rows: each row is a sub-item (3-1, 3-2 …) with its own units and deadline.
      const master = cell.master.address;
      if (cell.isMerged && code) {
        if (mergedCode?.master === master) code = `${mergedCode.code}-${++mergedCode.n}`;
        else {
          const next = ws.getRow(r + 1).getCell(cols.code);
          mergedCode = { master, code, n: 1 };
          if (next.isMerged && next.master.address === master) code = `${code}-1`;
        }
      } else mergedCode = null;
      if (!code) problem('code', '缺少序号 / code missing');
      else if (code.length > WORKLIST_LIMITS.code) problem('code', `序号超过 ${WORKLIST_LIMITS.code} 个字符 / code too long`);
    }
    if (code) {
      const first = codes.get(code);
      if (first)
        problem(
          'code',
          `序号“${code}”与${first.sheet === ws.name ? '' : `工作表“${first.sheet}”`}第 ${first.row} ` +
            `行重复 / duplicate code, first on row ${first.row}`,
        );
      else codes.set(code, { sheet: ws.name, row: r });
    }

    const content = text('content');
    if (!content) problem('content', '缺少任务内容 / content missing');
    else if (content.length > WORKLIST_LIMITS.content) problem('content', `任务内容超过 ${WORKLIST_LIMITS.content} 字 / content too long`);
    const measures = text('measures') || null;
    if (measures && measures.length > WORKLIST_LIMITS.measures)
      problem('measures', `工作措施超过 ${WORKLIST_LIMITS.measures} 字 / measures too long`);
    const area = text('area') || section;
    if (area && area.length > WORKLIST_LIMITS.area) problem('area', `指标领域超过 ${WORKLIST_LIMITS.area} 字 / area too long`);

    const before = preview.problems.length;
    const leadUnits = cols.lead === undefined ? [] : units('lead');
    if (cols.lead !== undefined && !leadUnits.length && preview.problems.length === before)
      problem('lead', '缺少牵头单位 / lead unit missing');
    const leadIds = new Set(leadUnits.map((u) => u.id));
    const coopUnits = units('coop').filter((u) => !leadIds.has(u.id));

    let deadline: string | null = null;
    let ongoing = false;
    const dv = read('deadline');
    if (dv && 'problem' in dv) problem('deadline', dv.problem);
    else if (dv) {
      const d = deadlineOf(dv.raw);
      if (d.ok) ({ deadline, ongoing } = d);
      else problem('deadline', d.message);
    }
    if (deadline && state.today && deadline < state.today) {
      preview.warnings.push({
        sheet: ws.name,
        row: r,
        column: letters.deadline ?? null,
        message: `完成时限 ${deadline} 早于今天，导入后即为逾期，督办从到期提醒开始 / deadline ${deadline} has passed: the item is overdue once imported`,
      });
    }

    const extra: KindFields = {};
    for (const field of KIND_COLUMNS) {
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
