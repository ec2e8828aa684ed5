import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors.js';
import type { Actor, AppContext } from '../../context.js';
import { withTransaction } from '../../db/database.js';
import { checkDocument, type Upload } from '../../http/upload.js';
import { audit } from '../org/audit.service.js';
import { findAttachment, insertAttachment, insertEvent, listAttachments } from './demands.repository.js';
import { getDemand } from './demands.service.js';

/** Attachments are limited below the general upload limit: a demand's photo or letter, not an archive. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export function attachmentTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', [
    { path: 'file', limitBytes: ATTACHMENT_MAX_BYTES, message: '附件不能超过 10 MB / an attachment is limited to 10 MB' },
  ]);
}

/**
 * Adds a file to a ticket the actor may see: one of the platform's documents (`checkDocument`: type
 * read from the content and agreeing with the extension, as for work-list evidence), at most 10 MB.
 */
export async function addAttachment(ctx: AppContext, actor: Actor, demandId: number, upload: Upload) {
  const file = await checkDocument(upload, { maxBytes: ATTACHMENT_MAX_BYTES, tooLarge: attachmentTooLarge });
  const { filename, mime } = file;
  await getDemand(ctx, actor, demandId);
  return withTransaction(ctx.db, async (trx) => {
    const at = ctx.clock().toISOString();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const id = await insertAttachment(trx, {
      demand_id: demandId,
      filename,
      mime,
      size: file.data.length,
      sha256,
      data: file.data,
      uploader_id: actor.id > 0 ? actor.id : null,
      created_at: at,
    });
    await insertEvent(trx, {
      demand_id: demandId,
      action: 'attachment',
      actor_id: actor.id,
      actor_name: actor.displayName,
      unit_id: actor.unitId,
      note: filename,
      at,
    });
    await audit(ctx, trx, actor, {
      action: 'demands.attachment.add',
      entity: 'demand',
      entityId: demandId,
      after: { attachmentId: id, filename, mime, size: file.data.length, sha256 },
    });
    return { id, filename, mime, size: file.data.length, createdAt: at };
  });
}

export async function attachmentsOf(ctx: AppContext, actor: Actor, demandId: number) {
  await getDemand(ctx, actor, demandId);
  return (await listAttachments(ctx.db, demandId)).map((a) => ({
    id: a.id,
    filename: a.filename,
    mime: a.mime,
    size: a.size,
    createdAt: a.created_at,
  }));
}

export async function downloadAttachment(ctx: AppContext, actor: Actor, demandId: number, attachmentId: number) {
  await getDemand(ctx, actor, demandId);
  const a = await findAttachment(ctx.db, attachmentId);
  if (!a || a.demand_id !== demandId) throw new AppError('NOT_FOUND');
  return { filename: a.filename, mime: a.mime, data: Buffer.from(a.data) };
}
