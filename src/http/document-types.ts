import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../common/errors.js';

/**
 * The documents a user may attach anywhere (work-list evidence, ticket attachments): the type is
 * read from the content (magic bytes), and the file name's extension must agree with it, so a
 * renamed executable or HTML page is refused whatever it is called.
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
// file-type names the container, not the document, for these.
const MIME_BY_EXT: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
};
export const DOCUMENT_EXTENSIONS = Object.values(ALLOWED).flat();

/** The stored type of an accepted document; throws UPLOAD_TYPE_NOT_ALLOWED naming what was found. */
export async function documentType(filename: string, data: Buffer): Promise<{ mime: string; ext: string }> {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const detected = await fileTypeFromBuffer(data);
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (detected && allowed?.includes(ext)) return { ext, mime: MIME_BY_EXT[ext] ?? detected.mime };
  const found = detected?.ext;
  throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', [
    {
      path: 'file',
      filename,
      detected: found ?? null,
      message:
        `文件“${filename}”的内容为 ${found ?? '未知类型'}，扩展名为 .${ext || '无'}；可上传：${DOCUMENT_EXTENSIONS.join('、')} / ` +
        `"${filename}" contains ${found ?? 'an unknown type'}, its name says .${ext || 'none'}; allowed: ${DOCUMENT_EXTENSIONS.join(', ')}`,
    },
  ]);
}
