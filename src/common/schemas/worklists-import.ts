import { z } from 'zod';
import { ITEM_KINDS, WORKLIST_LIMITS } from './worklists.js';
import { LIMITS } from '../limits.js';

/**
 * Excel import and export of the work lists: request and response shapes shared by the API, the
 * CLI (`bizenv import worklist --json` prints `worklistImportPreview`) and the web client.
 */

/** Limits of a workbook upload. The byte limit itself is the server setting BIZENV_UPLOAD_MAX_MB. */
export const IMPORT_LIMITS = {
  ...LIMITS.upload,
  rows: 20_000,
  /** How far down the header row may sit below title rows. */
  headerSearchRows: 12,
  /** A preview token stays valid this long; the upload is then deleted. */
  previewMinutes: 60,
} as const;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One located problem of a workbook: sheet and row are null when the problem concerns the whole file. */
export const importProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

/** One data row as the preview shows it: units by full name, deadline resolved to a date. */
export const importPreviewRow = z.object({
  row: z.number(),
  code: z.string(),
  area: z.string().nullable(),
  content: z.string(),
  leadUnits: z.array(z.string()),
  coopUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  ongoing: z.boolean(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRow>;

/** Which sheet column feeds which field, and where the header sits. */
export const importSheetMapping = z.object({
  sheet: z.string(),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string().nullable() })),
  /** Why the sheet was not read (no header found, hidden …); null when it was. */
  skipped: z.string().nullable(),
});
export type ImportSheetMapping = z.infer<typeof importSheetMapping>;

export const worklistImportPreview = z.object({
  rows: z.array(importPreviewRow),
  problems: z.array(importProblem),
  /** Rows that import but deserve a second look (a deadline already passed); they never block the commit. */
  warnings: z.array(importProblem),
  mapping: z.array(importSheetMapping),
});
export type WorklistImportPreview = z.infer<typeof worklistImportPreview>;

export const importQuery = z
  .object({
    kind: z.enum(ITEM_KINDS),
    list: z.string().trim().min(1).max(WORKLIST_LIMITS.listName),
    fileName: z.string().max(200).optional(),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuery>;

/** The preview answer of an upload: commit it later with the token. */
export const importPreviewView = worklistImportPreview.extend({
  token: z.string(),
  expiresAt: z.string(),
  kind: z.enum(ITEM_KINDS),
  list: z.string(),
  validRows: z.number(),
  /** False when the problems block even a "keep only valid rows" commit (e.g. no header). */
  committable: z.boolean(),
});
export type ImportPreviewView = z.infer<typeof importPreviewView>;

export const importCommitBody = z
  .object({
    token: z.string().min(20).max(100),
    /** Commit the rows without problems and skip the others instead of refusing the whole file. */
    keepValid: z.boolean().default(false),
  })
  .strict();
export type ImportCommitBody = z.infer<typeof importCommitBody>;

export const importResultView = z.object({
  listId: z.number(),
  list: z.string(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
});
export type ImportResultView = z.infer<typeof importResultView>;
