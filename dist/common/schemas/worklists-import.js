import { z } from "zod";
import { ITEM_KINDS, WORKLIST_LIMITS } from "./worklists.js";
const IMPORT_LIMITS = {
  /** Sum of the uncompressed sizes of every zip entry: a 10 000-row sheet is ~5 MB of XML, and ExcelJS needs ~10× that in memory. */
  uncompressedBytes: 100 * 1024 * 1024,
  /** A zip entry that inflates more than this many times its compressed size is a bomb, not a sheet. */
  compressionRatio: 200,
  zipEntries: 2e3,
  rows: 2e4,
  /** How far down the header row may sit below title rows. */
  headerSearchRows: 12,
  /** A preview token stays valid this long; the upload is then deleted. */
  previewMinutes: 60
};
const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const importProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string()
});
const importPreviewRow = z.object({
  row: z.number(),
  code: z.string(),
  area: z.string().nullable(),
  content: z.string(),
  leadUnits: z.array(z.string()),
  coopUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  ongoing: z.boolean()
});
const importSheetMapping = z.object({
  sheet: z.string(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string().nullable() })),
  /** Why the sheet was not read (no header found, hidden …); null when it was. */
  skipped: z.string().nullable()
});
const worklistImportPreview = z.object({
  rows: z.array(importPreviewRow),
  problems: z.array(importProblem),
  mapping: z.array(importSheetMapping)
});
const importQuery = z.object({
  kind: z.enum(ITEM_KINDS),
  list: z.string().trim().min(1).max(WORKLIST_LIMITS.listName),
  fileName: z.string().max(200).optional()
}).strict();
const importPreviewView = worklistImportPreview.extend({
  token: z.string(),
  expiresAt: z.string(),
  kind: z.enum(ITEM_KINDS),
  list: z.string(),
  validRows: z.number(),
  /** False when the problems block even a "keep only valid rows" commit (e.g. no header). */
  committable: z.boolean()
});
const importCommitBody = z.object({
  token: z.string().min(20).max(100),
  /** Commit the rows without problems and skip the others instead of refusing the whole file. */
  keepValid: z.boolean().default(false)
}).strict();
const importResultView = z.object({
  listId: z.number(),
  list: z.string(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number()
});
export {
  IMPORT_LIMITS,
  XLSX_MEDIA_TYPE,
  importCommitBody,
  importPreviewRow,
  importPreviewView,
  importProblem,
  importQuery,
  importResultView,
  importSheetMapping,
  worklistImportPreview
};
//# sourceMappingURL=worklists-import.js.map
