import { createHash } from "node:crypto";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../common/errors.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { findEvidence, insertEvidence, readEvidenceData } from "./progress.repository.js";
import { recordEvent } from "./timeline.js";
import { isOffice, isUnitRole, loadVisibleItem } from "./worklists.access.js";
import { presentEvidence } from "./worklists.presenters.js";
const ALLOWED = {
  pdf: ["pdf"],
  png: ["png"],
  jpg: ["jpg", "jpeg"],
  gif: ["gif"],
  webp: ["webp"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  pptx: ["pptx"],
  // Legacy Office and WPS files are OLE compound documents.
  cfb: ["doc", "xls", "ppt", "wps", "et"],
  // OFD (the Chinese fixed-layout format) is a zip container.
  zip: ["ofd"]
};
const MIME_BY_EXT = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  wps: "application/vnd.ms-works",
  et: "application/vnd.ms-excel",
  ofd: "application/ofd"
};
const ALLOWED_EVIDENCE_EXTENSIONS = Object.values(ALLOWED).flat();
async function sniffEvidence(filename, data) {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const detected = await fileTypeFromBuffer(data);
  const allowed = detected ? ALLOWED[detected.ext] : void 0;
  if (!detected || !allowed || !allowed.includes(ext)) {
    throw new AppError("EVIDENCE_TYPE_NOT_ALLOWED", [
      {
        path: "file",
        filename,
        detected: detected?.ext ?? null,
        message: `\u6587\u4EF6\u5185\u5BB9\u4E3A ${detected?.ext ?? "\u672A\u77E5\u7C7B\u578B"}\uFF0C\u6269\u5C55\u540D\u4E3A .${ext || "\u65E0"}\uFF1B\u5141\u8BB8\uFF1A${ALLOWED_EVIDENCE_EXTENSIONS.join("\u3001")} / content is ${detected?.ext ?? "unknown"}, name says .${ext || "none"}; allowed: ${ALLOWED_EVIDENCE_EXTENSIONS.join(", ")}`
      }
    ]);
  }
  return { ext, mime: MIME_BY_EXT[ext] ?? detected.mime };
}
function cleanName(filename) {
  const base = [...path.basename(filename.replace(/\\/g, "/"))].filter((c) => c.charCodeAt(0) >= 32 && c !== "\x7F" && c !== '"').join("").trim();
  return (base || "file").slice(-200);
}
function tooLarge(limit) {
  const mb = Math.round(limit / 1024 / 1024 * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", [{ path: "file", limitBytes: limit, message: `\u4F50\u8BC1\u6750\u6599\u4E0D\u80FD\u8D85\u8FC7 ${mb} MB / evidence files are limited to ${mb} MB` }]);
}
async function uploadEvidence(ctx, actor, itemId, file) {
  if (file.data.length > ctx.config.uploadMaxBytes) throw tooLarge(ctx.config.uploadMaxBytes);
  if (!file.data.length) throw new AppError("VALIDATION_FAILED", [{ path: "file", message: "\u6587\u4EF6\u4E3A\u7A7A / the file is empty" }]);
  const filename = cleanName(file.filename);
  const { mime } = await sniffEvidence(filename, file.data);
  return withTransaction(ctx.db, async (trx) => {
    const l = await loadVisibleItem(trx, actor, itemId);
    if (!isOffice(actor) && !(isUnitRole(actor) && l.myRole)) throw new AppError("FORBIDDEN");
    if (l.item.status === "closed") throw new AppError("ITEM_STATUS_CONFLICT", [{ path: "status", message: "\u4E8B\u9879\u5DF2\u9500\u53F7 / the item is closed" }]);
    const at = ctx.clock().toISOString();
    const sha256 = createHash("sha256").update(file.data).digest("hex");
    const id = await insertEvidence(
      trx,
      { item_id: itemId, report_id: null, unit_id: isOffice(actor) ? null : actor.unitId, uploader_id: actor.id, filename, mime, size: file.data.length, sha256, created_at: at },
      file.data
    );
    await recordEvent(ctx, trx, actor, itemId, "evidence_added", { evidenceId: id, filename, size: file.data.length });
    await audit(ctx, trx, actor, { action: "item.evidence.upload", entity: "item", entityId: itemId, after: { evidenceId: id, filename, mime, size: file.data.length, sha256 } });
    return presentEvidence(await findEvidence(trx, id));
  });
}
async function downloadEvidence(ctx, actor, itemId, evidenceId) {
  await loadVisibleItem(ctx.db, actor, itemId);
  const e = await findEvidence(ctx.db, evidenceId);
  if (!e || e.item_id !== itemId) throw new AppError("NOT_FOUND");
  const data = await readEvidenceData(ctx.db, evidenceId);
  if (!data) throw new AppError("NOT_FOUND");
  return { filename: e.filename, mime: e.mime, data };
}
export {
  ALLOWED_EVIDENCE_EXTENSIONS,
  downloadEvidence,
  sniffEvidence,
  tooLarge,
  uploadEvidence
};
//# sourceMappingURL=evidence.service.js.map
