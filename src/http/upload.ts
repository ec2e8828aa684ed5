import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors.js';

/**
 * Reads the one file of a multipart upload (field `file`). The size limit is enforced while
 * streaming, before anything is parsed; `tooLarge` lets a module word that error its own way.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number, tooLarge?: () => AppError): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: '请以 multipart/form-data 上传 / send multipart/form-data' }]);
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '缺少文件 / no file' }]);
  try {
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge?.() ?? new AppError('PAYLOAD_TOO_LARGE', [{ path: 'file', message: `文件超过 ${maxBytes / 1024 / 1024} MB / larger than the upload limit` }]);
    }
    throw err;
  }
}
