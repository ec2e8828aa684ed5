import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../common/errors.js';
import { stripUnsafeChars } from '../../common/text.js';
import type { EvidenceView } from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { audit } from '../org/audit.service.js';
import { findEvidence, insertEvidence, readEvidenceData } from './progress.repository.js';
import { recordEvent } from './timeline.js';
import { isOffice, isUnitRole, loadVisibleItem } from './worklists.access.js';
import { presentEvidence } from './worklists.presenters.js';

/**
 * Evidence files (佐证材料). The type is read from the content (magic bytes), and the file name's
 * extension must agree with it: a renamed executable or HTML page is refused whatever it is called.
 * Detected type → the extensions it may carry.
 */
const ALLOWED: Record<string, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  // Legacy Office and WPS files are OLE compound documents.
  cfb: ['doc', 'xls', 'ppt', 'wps', 'et'],
  // OFD (the Chinese fixed-layout format) is a zip container.
  zip: ['ofd'],
};
const MIME_BY_EXT: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
};
export const ALLOWED_EVIDENCE_EXTENSIONS = Object.values(ALLOWED).flat();

export async function sniffEvidence(filename: string, data: Buffer): Promise<{ mime: string; ext: string }> {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const detected = await fileTypeFromBuffer(data);
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (!detected || !allowed || !allowed.includes(ext)) {
    throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', [
      {
        path: 'file',
        filename,
        detected: detected?.ext ?? null,
        message:
          `文件内容为 ${detected?.ext ?? '未知类型'}，扩展名为 .${ext || '无'}；允许：${ALLOWED_EVIDENCE_EXTENSIONS.join('、')} / content ` +
          `is ${detected?.ext ?? 'unknown'}, name says .${ext || 'none'}; allowed: ${ALLOWED_EVIDENCE_EXTENSIONS.join(', ')}`,
      },
    ]);
  }
  return { ext, mime: MIME_BY_EXT[ext] ?? detected.mime };
}

/** Keeps the user's file name readable but harmless (no path, no control characters). */
function cleanName(filename: string): string {
  const base = stripUnsafeChars(path.basename(filename.replace(/\\/g, '/')))
    .replaceAll('"', '')
    .trim();
  return (base || 'file').slice(-200);
}

export function tooLarge(limit: number): AppError {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return new AppError('PAYLOAD_TOO_LARGE', [
    { path: 'file', limitBytes: limit, message: `佐证材料不能超过 ${mb} MB / evidence files are limited to ${mb} MB` },
  ]);
}

export async function uploadEvidence(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  file: { filename: string; data: Buffer },
): Promise<EvidenceView> {
  if (file.data.length > ctx.config.uploadMaxBytes) throw tooLarge(ctx.config.uploadMaxBytes);
  if (!file.data.length) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '文件为空 / the file is empty' }]);
  const filename = cleanName(file.filename);
  const { mime } = await sniffEvidence(filename, file.data);
  return withTransaction(ctx.db, async (trx) => {
    const l = await loadVisibleItem(trx, actor, itemId);
    if (!isOffice(actor) && !(isUnitRole(actor) && l.myRole)) throw new AppError('FORBIDDEN');
    if (l.item.status === 'closed')
      throw new AppError('ITEM_STATUS_CONFLICT', [{ path: 'status', message: '事项已销号 / the item is closed' }]);
    const at = ctx.clock().toISOString();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const id = await insertEvidence(
      trx,
      {
        item_id: itemId,
        report_id: null,
        unit_id: isOffice(actor) ? null : actor.unitId,
        uploader_id: actor.id,
        filename,
        mime,
        size: file.data.length,
        sha256,
        created_at: at,
      },
      file.data,
    );
    await recordEvent(ctx, trx, actor, itemId, 'evidence_added', { evidenceId: id, filename, size: file.data.length });
    await audit(ctx, trx, actor, {
      action: 'item.evidence.upload',
      entity: 'item',
      entityId: itemId,
      after: { evidenceId: id, filename, mime, size: file.data.length, sha256 },
    });
    return presentEvidence((await findEvidence(trx, id))!);
  });
}

/** The file, for anyone who may see its item. */
export async function downloadEvidence(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  evidenceId: number,
): Promise<{ filename: string; mime: string; data: Buffer }> {
  await loadVisibleItem(ctx.db, actor, itemId);
  const e = await findEvidence(ctx.db, evidenceId);
  if (!e || e.item_id !== itemId) throw new AppError('NOT_FOUND');
  const data = await readEvidenceData(ctx.db, evidenceId);
  if (!data) throw new AppError('NOT_FOUND');
  return { filename: e.filename, mime: e.mime, data };
}
