import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import type { EvidenceView } from '../../common/schemas/worklists.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { checkDocument, type Upload } from '../../http/upload.js';
import { audit } from '../org/audit.service.js';
import { findEvidence, insertEvidence, readEvidenceData } from './progress.repository.js';
import { recordEvent } from './timeline.js';
import { isOffice, isUnitRole, loadVisibleItem } from './worklists.access.js';
import { presentEvidence } from './worklists.presenters.js';

/** Evidence files (佐证材料): the platform's documents (`checkDocument`), within the upload limit. */
export function tooLarge(limit: number): AppError {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return new AppError('PAYLOAD_TOO_LARGE', [
    { path: 'file', limitBytes: limit, message: `佐证材料不能超过 ${mb} MB / evidence files are limited to ${mb} MB` },
  ]);
}

export async function uploadEvidence(ctx: AppContext, actor: Actor, itemId: number, upload: Upload): Promise<EvidenceView> {
  const limit = ctx.config.uploadMaxBytes;
  const file = await checkDocument(upload, { maxBytes: limit, tooLarge: () => tooLarge(limit) });
  const { filename, mime } = file;
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
