import type { Transaction } from 'kysely';
import { AppError, type ErrorDetail } from '../../../common/errors.js';
import { hasPermission } from '../../../common/permissions.js';
import type {
  ImportCommitBody,
  ImportPreviewView,
  ImportProblem,
  ImportResultView,
  WorklistImportPreview,
} from '../../../common/schemas/worklists-import.js';
import type { JobRunView } from '../../../common/schemas/jobs.js';
import type { ItemKind } from '../../../common/schemas/worklists.js';
import { chinaDate } from '../../../common/dates.js';
import type { Actor, AppContext } from '../../../context.js';
import { withTransaction } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { enqueueJob } from '../../../jobs/runtime.js';
import { audit } from '../../org/audit.service.js';
import { loadUnitResolver } from '../../org/units.service.js';
import { findOrCreateList, upsertImportedItems } from '../worklists.service.js';
import type { ImportedItemRow } from '../worklists.types.js';
import { unitDirectoryFrom } from './unit-cells.js';
import { discard, loadPending, savePending } from './upload-store.js';
import { type ParsedRow, type WorkbookPreview, blockingProblems, parseWorkbook, validRows } from './workbook-parser.js';

/** Only the office (and admins) load lists; the route says so too, the service does not rely on it. */
export function assertMayImport(actor: Actor): void {
  if (!hasPermission(actor.role, 'worklists.import')) throw new AppError('FORBIDDEN');
}

/** Parses a workbook against the current units; nothing is written. */
export async function previewWorkbook(
  ctx: AppContext,
  buffer: Buffer,
  kind: ItemKind,
  onProgress?: (m: string) => void,
): Promise<WorkbookPreview> {
  const units = unitDirectoryFrom(await loadUnitResolver(ctx.db));
  const today = chinaDate(ctx.clock());
  return parseWorkbook(buffer, { kind, units, maxBytes: ctx.config.uploadMaxBytes, year: ctx.clock().getUTCFullYear(), today, onProgress });
}

/** The preview in the shape the CLI prints with --json and the API returns. */
export function presentPreview(p: WorkbookPreview): WorklistImportPreview {
  return {
    rows: p.rows.map((r) => ({
      row: r.row,
      code: r.code,
      area: r.area,
      content: r.content,
      leadUnits: r.leadUnits.map((u) => u.name),
      coopUnits: r.coopUnits.map((u) => u.name),
      deadline: r.deadline,
      ongoing: r.ongoing,
    })),
    problems: p.problems,
    warnings: p.warnings,
    mapping: p.mapping,
  };
}

export function problemDetails(problems: ImportProblem[]): ErrorDetail[] {
  return problems.map((x) => ({ path: [x.sheet, x.row, x.column].filter((v) => v !== null).join('!') || 'file', ...x }));
}

/** Throws the coded error of a file that is no workbook at all (not xlsx, too large, zip bomb). */
export function assertReadable(p: WorkbookPreview): void {
  if (p.rejected) throw new AppError(p.rejected.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'WORKBOOK_INVALID', problemDetails(p.problems));
}

/** Whether a commit would go through: without problems, or with only row problems when keeping the valid rows. */
export function commitBlockers(p: WorkbookPreview, keepValid: boolean): ImportProblem[] {
  if (!keepValid) return p.problems;
  const blocking = blockingProblems(p);
  if (blocking.length) return blocking;
  return validRows(p).length ? [] : [{ sheet: null, row: null, column: null, message: '没有无误的行可导入 / no valid row to import' }];
}

function toImportedRow(r: ParsedRow): ImportedItemRow {
  return {
    row: r.row,
    code: r.code,
    area: r.area,
    content: r.content,
    measures: r.measures,
    leadUnitIds: r.leadUnits.map((u) => u.id),
    coopUnitIds: r.coopUnits.map((u) => u.id),
    deadline: r.deadline,
    ongoing: r.ongoing,
    ...r.extra,
  };
}

/** Runs last inside the import's transaction (the import job marks its run done there). */
type OnCommit = (trx: Transaction<DB>, result: ImportResultView) => Promise<void>;

/**
 * Writes a parsed workbook into the named list in one transaction: all rows, or with `keepValid`
 * the rows without problems. Items already in the list (same code) are updated, not duplicated.
 */
export async function commitWorkbook(
  ctx: AppContext,
  actor: Actor,
  p: WorkbookPreview,
  opts: { kind: ItemKind; list: string; keepValid: boolean; fileName?: string | undefined; onCommit?: OnCommit | undefined },
): Promise<ImportResultView> {
  assertMayImport(actor);
  assertReadable(p);
  const blockers = commitBlockers(p, opts.keepValid);
  if (blockers.length) throw new AppError('IMPORT_HAS_PROBLEMS', problemDetails(blockers));
  const rows = opts.keepValid ? validRows(p) : p.rows;
  const kept = new Set(rows);
  const skipped = p.rows.filter((r) => !kept.has(r));
  return withTransaction(ctx.db, async (trx) => {
    const list = await findOrCreateList(ctx, actor, trx, { name: opts.list, kind: opts.kind });
    const result = await upsertImportedItems(ctx, actor, trx, { listId: list.id, kind: opts.kind, rows: rows.map(toImportedRow) });
    await audit(ctx, trx, actor, {
      action: 'worklist.import_file',
      entity: 'worklist',
      entityId: list.id,
      after: {
        file: opts.fileName ?? null,
        rows: rows.length,
        keepValid: opts.keepValid,
        skippedRows: skipped.slice(0, 200).map((r) => `${r.sheet}!${r.row}`),
        problems: p.problems.length,
      },
    });
    const done = { listId: list.id, list: list.name, created: result.created, updated: result.updated, skipped: skipped.length };
    await opts.onCommit?.(trx, done);
    return done;
  });
}

/** API step 1: parse the upload, keep it for the commit, answer the preview with a token. */
export async function importPreviewUpload(
  ctx: AppContext,
  actor: Actor,
  opts: { buffer: Buffer; kind: ItemKind; list: string; fileName?: string | undefined },
): Promise<ImportPreviewView> {
  assertMayImport(actor);
  const p = await previewWorkbook(ctx, opts.buffer, opts.kind);
  assertReadable(p);
  const { token, expiresAt } = await savePending(ctx, opts.buffer, {
    actorId: actor.id,
    kind: opts.kind,
    list: opts.list,
    fileName: opts.fileName ?? null,
  });
  return {
    ...presentPreview(p),
    token,
    expiresAt,
    kind: opts.kind,
    list: opts.list,
    validRows: validRows(p).length,
    committable: commitBlockers(p, true).length === 0,
  };
}

/** API step 2: parse the kept file again (units may have changed since) and commit it. */
export async function importCommitUpload(
  ctx: AppContext,
  actor: Actor,
  body: ImportCommitBody,
  onProgress?: (m: string) => void,
  onCommit?: OnCommit,
): Promise<ImportResultView> {
  assertMayImport(actor);
  const { meta, buffer } = await loadPending(ctx, body.token, actor.id);
  const p = await previewWorkbook(ctx, buffer, meta.kind, onProgress);
  onProgress?.(`committing ${p.rows.length} rows`);
  const fileName = meta.fileName ?? undefined;
  const result = await commitWorkbook(ctx, actor, p, { kind: meta.kind, list: meta.list, keepValid: body.keepValid, fileName, onCommit });
  await discard(ctx, body.token);
  return result;
}

/** API step 2 for a large file: the same commit as a background job the web page can follow. */
export async function enqueueImportCommit(ctx: AppContext, actor: Actor, body: ImportCommitBody): Promise<JobRunView> {
  assertMayImport(actor);
  await loadPending(ctx, body.token, actor.id); // an expired token fails now, not later in the job
  return enqueueJob(ctx, 'worklists.import', body, { actorId: actor.id });
}
