import ExcelJS from "exceljs";
import { LIMITS } from "../../../common/limits.js";
import { CASE_STAGE_LABELS, ITEM_STATUS_LABELS } from "../../../common/schemas/worklists.js";
import { EXPORT_HEADERS } from "../import/headers.js";
import { assertMayImport } from "../import/import.service.js";
import { LEVEL_LABELS } from "../import/kind-fields.js";
import { listItems } from "../worklists.service.js";
const BASE = ["code", "area", "content", "measures", "lead", "coop", "deadline"];
const BY_KIND = {
  task: [],
  improvement: [],
  problem: ["sourceEvaluation", "rectification"],
  question: ["level", "maxScore", "selfScore", "scoringRule"],
  case: ["stage"]
};
const STATUS_HEADER = "\u72B6\u6001";
function cellOf(item, field) {
  switch (field) {
    case "lead":
      return item.leadUnits.map((u) => u.name).join("\u3001");
    case "coop":
      return item.coopUnits.map((u) => u.name).join("\u3001") || null;
    case "deadline":
      return item.deadline ?? (item.ongoing ? "\u957F\u671F\u575A\u6301" : null);
    case "level":
      return item.level ? LEVEL_LABELS[item.level] : null;
    case "stage":
      return item.stage ? CASE_STAGE_LABELS[item.stage].zh : null;
    case "tags":
      return item.tags.join("\u3001") || null;
    default:
      return item[field] ?? null;
  }
}
function sheetName(name, used) {
  const base = name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "\u6E05\u5355";
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 28)}(${i})`;
  used.add(n);
  return n;
}
const byCode = new Intl.Collator("zh-CN", { numeric: true });
async function buildWorklistWorkbook(items, opts) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bizenv";
  const lists = /* @__PURE__ */ new Map();
  for (const it of items) lists.set(it.listName, [...lists.get(it.listName) ?? [], it]);
  if (!lists.size) lists.set(opts.title, []);
  const used = /* @__PURE__ */ new Set();
  for (const [listName, rows] of lists) {
    const kind = rows[0]?.kind ?? "task";
    const fields = [...BASE, ...BY_KIND[kind], "tags"];
    const ws = wb.addWorksheet(sheetName(listName, used));
    const width = fields.length + 1;
    ws.getCell(1, 1).value = listName;
    ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: "center" };
    const header = ws.getRow(2);
    [...fields.map((f) => EXPORT_HEADERS[f]), STATUS_HEADER].forEach((h, i) => header.getCell(i + 1).value = h);
    header.font = { bold: true };
    rows.sort((a, b) => byCode.compare(a.code, b.code));
    for (const [i, it] of rows.entries()) {
      const row = ws.getRow(i + 3);
      fields.forEach((f, c) => {
        const cell = row.getCell(c + 1);
        cell.value = cellOf(it, f);
        if (f === "code") cell.numFmt = "@";
      });
      row.getCell(width).value = `${ITEM_STATUS_LABELS[it.status].zh} ${it.percent}%`;
      row.alignment = { vertical: "top", wrapText: true };
    }
    ws.columns.forEach((col, i) => col.width = [6, 14, 36, 40, 24, 28, 12][i] ?? 14);
    ws.views = [{ state: "frozen", ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function exportWorklistItems(ctx, actor, filter) {
  assertMayImport(actor);
  const items = [];
  const pageSize = LIMITS.pageSize.max;
  for (let page = 1; ; page++) {
    const res = await listItems(ctx, actor, { ...filter, page, pageSize });
    items.push(...res.items);
    if (items.length >= res.total || !res.items.length) break;
  }
  return items;
}
async function exportWorklist(ctx, actor, filter, title) {
  const items = await exportWorklistItems(ctx, actor, filter);
  return { buffer: await buildWorklistWorkbook(items, { title }), count: items.length };
}
export {
  buildWorklistWorkbook,
  exportWorklist,
  exportWorklistItems
};
//# sourceMappingURL=worklist-export.js.map
