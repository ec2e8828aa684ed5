import { AppError } from "../../../common/errors.js";
import { withTransaction } from "../../../db/database.js";
import { enqueueJob } from "../../../jobs/runtime.js";
import { audit } from "../../org/audit.service.js";
import { loadUnitResolver } from "../../org/units.service.js";
import { findOrCreateList, upsertImportedItems } from "../worklists.service.js";
import { unitDirectoryFrom } from "./unit-cells.js";
import { discard, loadPending, savePending } from "./upload-store.js";
import { blockingProblems, parseWorkbook, validRows } from "./workbook-parser.js";
function assertMayImport(actor) {
  if (actor.role !== "office" && actor.role !== "admin") throw new AppError("FORBIDDEN");
}
async function previewWorkbook(ctx, buffer, kind, onProgress) {
  const units = unitDirectoryFrom(await loadUnitResolver(ctx.db));
  return parseWorkbook(buffer, { kind, units, maxBytes: ctx.config.uploadMaxBytes, year: ctx.clock().getUTCFullYear(), onProgress });
}
function presentPreview(p) {
  return {
    rows: p.rows.map((r) => ({
      row: r.row,
      code: r.code,
      area: r.area,
      content: r.content,
      leadUnits: r.leadUnits.map((u) => u.name),
      coopUnits: r.coopUnits.map((u) => u.name),
      deadline: r.deadline,
      ongoing: r.ongoing
    })),
    problems: p.problems,
    mapping: p.mapping
  };
}
function problemDetails(problems) {
  return problems.map((x) => ({ path: [x.sheet, x.row, x.column].filter((v) => v !== null).join("!") || "file", ...x }));
}
function assertReadable(p) {
  if (p.rejected) throw new AppError(p.rejected.tooLarge ? "PAYLOAD_TOO_LARGE" : "WORKBOOK_INVALID", problemDetails(p.problems));
}
function commitBlockers(p, keepValid) {
  if (!keepValid) return p.problems;
  const blocking = blockingProblems(p);
  if (blocking.length) return blocking;
  return validRows(p).length ? [] : [{ sheet: null, row: null, column: null, message: "\u6CA1\u6709\u65E0\u8BEF\u7684\u884C\u53EF\u5BFC\u5165 / no valid row to import" }];
}
function toImportedRow(r) {
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
    ...r.extra
  };
}
async function commitWorkbook(ctx, actor, p, opts) {
  assertMayImport(actor);
  assertReadable(p);
  const blockers = commitBlockers(p, opts.keepValid);
  if (blockers.length) throw new AppError("IMPORT_HAS_PROBLEMS", problemDetails(blockers));
  const rows = opts.keepValid ? validRows(p) : p.rows;
  const kept = new Set(rows);
  const skipped = p.rows.filter((r) => !kept.has(r));
  return withTransaction(ctx.db, async (trx) => {
    const list = await findOrCreateList(ctx, actor, trx, { name: opts.list, kind: opts.kind });
    const result = await upsertImportedItems(ctx, actor, trx, { listId: list.id, kind: opts.kind, rows: rows.map(toImportedRow) });
    await audit(ctx, trx, actor, {
      action: "worklist.import_file",
      entity: "worklist",
      entityId: list.id,
      after: {
        file: opts.fileName ?? null,
        rows: rows.length,
        keepValid: opts.keepValid,
        skippedRows: skipped.slice(0, 200).map((r) => `${r.sheet}!${r.row}`),
        problems: p.problems.length
      }
    });
    const done = { listId: list.id, list: list.name, created: result.created, updated: result.updated, skipped: skipped.length };
    await opts.onCommit?.(trx, done);
    return done;
  });
}
async function importPreviewUpload(ctx, actor, opts) {
  assertMayImport(actor);
  const p = await previewWorkbook(ctx, opts.buffer, opts.kind);
  assertReadable(p);
  const { token, expiresAt } = await savePending(ctx, opts.buffer, { actorId: actor.id, kind: opts.kind, list: opts.list, fileName: opts.fileName ?? null });
  return {
    ...presentPreview(p),
    token,
    expiresAt,
    kind: opts.kind,
    list: opts.list,
    validRows: validRows(p).length,
    committable: commitBlockers(p, true).length === 0
  };
}
async function importCommitUpload(ctx, actor, body, onProgress, onCommit) {
  assertMayImport(actor);
  const { meta, buffer } = await loadPending(ctx, body.token, actor.id);
  const p = await previewWorkbook(ctx, buffer, meta.kind, onProgress);
  onProgress?.(`committing ${p.rows.length} rows`);
  const fileName = meta.fileName ?? void 0;
  const result = await commitWorkbook(ctx, actor, p, { kind: meta.kind, list: meta.list, keepValid: body.keepValid, fileName, onCommit });
  await discard(ctx, body.token);
  return result;
}
async function enqueueImportCommit(ctx, actor, body) {
  assertMayImport(actor);
  await loadPending(ctx, body.token, actor.id);
  return enqueueJob(ctx, "worklists.import", body, { actorId: actor.id });
}
export {
  assertMayImport,
  assertReadable,
  commitBlockers,
  commitWorkbook,
  enqueueImportCommit,
  importCommitUpload,
  importPreviewUpload,
  presentPreview,
  previewWorkbook,
  problemDetails
};
//# sourceMappingURL=import.service.js.map
