import ExcelJS from 'exceljs';
import { LIMITS } from '../../../common/limits.js';
import { CASE_STAGE_LABELS, type ItemFilter, type ItemKind, type ItemView, ITEM_STATUS_LABELS } from '../../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../../context.js';
import { EXPORT_HEADERS, type ImportField } from '../import/headers.js';
import { assertMayImport } from '../import/import.service.js';
import { LEVEL_LABELS } from '../import/kind-fields.js';
import { listItems } from '../worklists.service.js';

/**
 * A filtered view of the lists as .xlsx in the layout the importer reads: a title row, one header
 * row with the canonical names, one unmerged row per item, units by full name joined with 、 and
 * the deadline as a date or 长期坚持. One sheet per list, so each sheet re-imports into its list.
 */

const BASE: ImportField[] = ['code', 'area', 'content', 'measures', 'lead', 'coop', 'deadline'];
const BY_KIND: Record<ItemKind, ImportField[]> = {
  task: [],
  improvement: [],
  problem: ['sourceEvaluation', 'rectification'],
  question: ['level', 'maxScore', 'selfScore', 'scoringRule'],
  case: ['stage'],
};
/** Written for the reader only; the importer ignores a 状态 column (status comes from the work, not a file). */
const STATUS_HEADER = '状态';

function cellOf(item: ItemView, field: ImportField): string | number | null {
  switch (field) {
    case 'lead':
      return item.leadUnits.map((u) => u.name).join('、');
    case 'coop':
      return item.coopUnits.map((u) => u.name).join('、') || null;
    case 'deadline':
      return item.deadline ?? (item.ongoing ? '长期坚持' : null);
    case 'level':
      return item.level ? LEVEL_LABELS[item.level] : null;
    case 'stage':
      return item.stage ? CASE_STAGE_LABELS[item.stage].zh : null;
    case 'tags':
      return item.tags.join('、') || null;
    default:
      return item[field] ?? null;
  }
}

/** Excel forbids []:*?/\ in sheet names and cuts them at 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '清单';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 28)}(${i})`;
  used.add(n);
  return n;
}

const byCode = new Intl.Collator('zh-CN', { numeric: true });

export async function buildWorklistWorkbook(items: ItemView[], opts: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bizenv';
  const lists = new Map<string, ItemView[]>();
  for (const it of items) lists.set(it.listName, [...(lists.get(it.listName) ?? []), it]);
  if (!lists.size) lists.set(opts.title, []);
  const used = new Set<string>();
  for (const [listName, rows] of lists) {
    const kind = rows[0]?.kind ?? 'task';
    const fields = [...BASE, ...BY_KIND[kind], 'tags' as const];
    const ws = wb.addWorksheet(sheetName(listName, used));
    const width = fields.length + 1;
    ws.getCell(1, 1).value = listName;
    ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    const header = ws.getRow(2);
    [...fields.map((f) => EXPORT_HEADERS[f]), STATUS_HEADER].forEach((h, i) => (header.getCell(i + 1).value = h));
    header.font = { bold: true };
    rows.sort((a, b) => byCode.compare(a.code, b.code));
    for (const [i, it] of rows.entries()) {
      const row = ws.getRow(i + 3);
      fields.forEach((f, c) => {
        const cell = row.getCell(c + 1);
        cell.value = cellOf(it, f);
        // Codes such as "1.10" must stay text, not become the number 1.1.
        if (f === 'code') cell.numFmt = '@';
      });
      row.getCell(width).value = `${ITEM_STATUS_LABELS[it.status].zh} ${it.percent}%`;
      row.alignment = { vertical: 'top', wrapText: true };
    }
    ws.columns.forEach((col, i) => (col.width = [6, 14, 36, 40, 24, 28, 12][i] ?? 14));
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every item the actor may see under the filter, all pages. */
export async function exportWorklistItems(ctx: AppContext, actor: Actor, filter: ItemFilter): Promise<ItemView[]> {
  assertMayImport(actor);
  const items: ItemView[] = [];
  const pageSize = LIMITS.pageSize.max;
  for (let page = 1; ; page++) {
    const res = await listItems(ctx, actor, { ...filter, page, pageSize });
    items.push(...res.items);
    if (items.length >= res.total || !res.items.length) break;
  }
  return items;
}

export async function exportWorklist(ctx: AppContext, actor: Actor, filter: ItemFilter, title: string): Promise<{ buffer: Buffer; count: number }> {
  const items = await exportWorklistItems(ctx, actor, filter);
  return { buffer: await buildWorklistWorkbook(items, { title }), count: items.length };
}
