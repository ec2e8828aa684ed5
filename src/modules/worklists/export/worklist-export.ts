import ExcelJS from 'exceljs';
import { LIMITS } from '../../../common/limits.js';
import { CASE_STAGE_LABELS, type ItemFilter, type ItemKind, type ItemView, ITEM_STATUS_LABELS } from '../../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../../context.js';
import { EXPORT_HEADERS, type ImportField } from '../import/headers.js';
import { assertMayImport } from '../import/import.service.js';
import { LEVEL_LABELS } from '../import/kind-fields.js';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeKind } from '../../../common/schemas/supervision.js';
import { ledgerRows } from '../progress.repository.js';
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
/**
 * Written for the reader only, so the export serves as the supervision ledger (督办台账); the importer
 * ignores these columns (status, progress and escalation come from the work, not from a file).
 */
const LEDGER_HEADERS = ['状态', '最新进展', '逾期工作日', '督办环节'];

interface WorkbookOptions {
  title: string;
  /** The ledger columns' facts per item id; without it those columns stay empty but present. */
  ledger?: Map<number, LedgerFacts>;
}

/** What the ledger adds to an item: its latest progress and the escalation step reached for its current deadline. */
export interface LedgerFacts {
  progress: string | null;
  step: NoticeKind | null;
}

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

export async function buildWorklistWorkbook(items: ItemView[], opts: WorkbookOptions): Promise<Buffer> {
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
    const width = fields.length + LEDGER_HEADERS.length;
    ws.getCell(1, 1).value = listName;
    ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    const header = ws.getRow(2);
    [...fields.map((f) => EXPORT_HEADERS[f]), ...LEDGER_HEADERS].forEach((h, i) => (header.getCell(i + 1).value = h));
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
      const facts = opts.ledger?.get(it.id);
      const ledger = [
        `${ITEM_STATUS_LABELS[it.status].zh} ${it.percent}%`,
        facts?.progress ?? null,
        it.overdue ? it.overdueWorkdays : null,
        facts?.step ? NOTICE_KIND_LABELS[facts.step].zh : null,
      ];
      ledger.forEach((v, c) => (row.getCell(fields.length + c + 1).value = v));
      row.alignment = { vertical: 'top', wrapText: true };
      row.getCell(fields.length + 3).alignment = { vertical: 'top', horizontal: 'right' };
    }
    const widths = [6, 14, 36, 40, 24, 28, 12];
    ws.columns.forEach((col, i) => (col.width = i >= fields.length ? [12, 40, 10, 10][i - fields.length] : (widths[i] ?? 14)));
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

const STEP_ORDER = new Map<string, number>(NOTICE_KINDS.map((k, i) => [k, i]));

/**
 * The ledger columns of each item: the latest report ("2026-11-20 60%：text") and the highest
 * escalation step fired for the deadline the item has now (an approved extension starts a new ladder).
 */
export async function ledgerFacts(ctx: AppContext, items: ItemView[]): Promise<Map<number, LedgerFacts>> {
  const { reports, events } = await ledgerRows(
    ctx.db,
    items.map((i) => i.id),
  );
  const out = new Map<number, LedgerFacts>(items.map((i) => [i.id, { progress: null, step: null }]));
  const latest = new Map<number, (typeof reports)[number]>();
  for (const r of reports) {
    const seen = latest.get(r.item_id);
    if (!seen || r.created_at > seen.created_at || (r.created_at === seen.created_at && r.id > seen.id)) latest.set(r.item_id, r);
  }
  for (const [itemId, r] of latest) out.get(itemId)!.progress = `${r.created_at.slice(0, 10)} ${r.percent}%：${r.text}`;
  const deadlines = new Map(items.map((i) => [i.id, i.deadline]));
  for (const e of events) {
    const data = JSON.parse(e.data_json) as { step?: string; deadline?: string };
    if (!data.step || !STEP_ORDER.has(data.step) || data.deadline !== deadlines.get(e.item_id)) continue;
    const facts = out.get(e.item_id)!;
    if (facts.step === null || STEP_ORDER.get(data.step)! > STEP_ORDER.get(facts.step)!) facts.step = data.step as NoticeKind;
  }
  return out;
}

export async function exportWorklist(
  ctx: AppContext,
  actor: Actor,
  filter: ItemFilter,
  title: string,
): Promise<{ buffer: Buffer; count: number }> {
  const items = await exportWorklistItems(ctx, actor, filter);
  return { buffer: await buildWorklistWorkbook(items, { title, ledger: await ledgerFacts(ctx, items) }), count: items.length };
}
