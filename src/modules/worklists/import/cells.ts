import type ExcelJS from 'exceljs';

/**
 * What a cell holds, reduced to what the importer reads: text, or a Date/number where the cell has
 * one. A formula gives its cached result — it is never evaluated; without a result it is a problem.
 */
export type CellRead = { text: string; raw: string | number | Date | null } | { problem: string };

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

function fromValue(v: unknown): CellRead {
  if (v === null || v === undefined) return { text: '', raw: null };
  if (typeof v === 'string') return { text: v.trim(), raw: v.trim() };
  if (typeof v === 'number') return { text: String(v), raw: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否', raw: v ? '是' : '否' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), raw: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null || (typeof o.result === 'object' && 'error' in (o.result as object))) {
        return {
          problem: '公式单元格没有已计算的结果（请在 Excel 中打开、保存后再导入，或改为数值） / formula cell without a cached result',
        };
      }
      return fromValue(o.result);
    }
    if ('error' in o) return { problem: `单元格是错误值 ${String(o.error)} / the cell holds an error value` };
    if ('richText' in o) return fromValue(richText(o as { richText: { text: string }[] }));
    if ('text' in o) return fromValue(o.text);
  }
  return { text: String(v), raw: String(v) };
}

export function readCell(cell: ExcelJS.Cell): CellRead {
  return fromValue(cell.value);
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellTextOrEmpty(cell: ExcelJS.Cell): string {
  const r = readCell(cell);
  return 'text' in r ? r.text : '';
}
