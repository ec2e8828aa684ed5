import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { AppError } from '../common/errors.js';
import { stripUnsafeChars } from '../common/text.js';
import { documentType } from './document-types.js';
import { WorkbookRejected, ZIP_MAGIC, inflateZipSafely, storedZip } from './zip-guard.js';

/**
 * The one way an uploaded file enters the server, from the API or the CLI: its size is checked
 * before it is read in full, and a zip container (.xlsx, .docx, .ofd …) is inflated once here,
 * within the entry, ratio and total limits, before any parser sees it. A parser then receives the
 * same container with its entries stored, so it never inflates anything the guard did not count.
 */

export interface UploadOptions {
  maxBytes: number;
  /** Words the too-large error a module's own way. */
  tooLarge?: () => AppError;
  /**
   * 'parse' (default): a zip comes back re-packed uncompressed, and one the guard cannot read is
   * refused (a parser might read it anyway). 'store': the original bytes come back after the check.
   */
  use?: 'parse' | 'store';
}

export interface Upload {
  filename: string;
  data: Buffer;
}

/** A document kept as uploaded (evidence, attachments): not empty, its type read from the content. */
export interface DocumentUpload extends Upload {
  mime: string;
}

/** Registers @fastify/multipart once for the whole API: one file per request, within the upload limit. */
export async function registerMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 } });
}

function tooLargeError(file: string, maxBytes: number, opts: UploadOptions, why?: string): AppError {
  if (!why && opts.tooLarge) return opts.tooLarge();
  const limit = `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`;
  const message = why ?? `文件超过 ${limit} / larger than the ${limit} upload limit`;
  return new AppError('PAYLOAD_TOO_LARGE', [{ path: file, file, limitBytes: maxBytes, message }]);
}

/** Checks an upload already in memory; returns the bytes a parser (or the store) should use. */
export async function guardUpload(data: Buffer, file: string, opts: UploadOptions): Promise<Buffer> {
  if (data.length > opts.maxBytes) throw tooLargeError(file, opts.maxBytes, opts);
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) return data;
  let entries: { name: string; data: Buffer }[];
  try {
    entries = await inflateZipSafely(data, { maxBytes: opts.maxBytes });
  } catch (err) {
    if (!(err instanceof WorkbookRejected)) throw err;
    if (err.tooLarge) throw tooLargeError(file, opts.maxBytes, opts, err.message);
    if (opts.use === 'store') return data;
    throw new AppError('WORKBOOK_INVALID', [{ path: file, file, message: err.message }]);
  }
  return opts.use === 'store' ? data : storedZip(entries);
}

/** Reads the one file of a multipart upload (field `file`), the size enforced while streaming, then guards it. */
export async function readUpload(request: FastifyRequest, opts: UploadOptions): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: '请以 multipart/form-data 上传 / send multipart/form-data' }]);
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '缺少文件 / no file' }]);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeError(part.filename, opts.maxBytes, opts);
    throw err;
  }
  const filename = stripUnsafeChars(part.filename);
  return { filename, data: await guardUpload(data, filename, opts) };
}

/** The CLI's way in: the file's size is checked from the directory entry before it is read. */
export async function readUploadFile(file: string, opts: UploadOptions): Promise<Upload> {
  const filename = stripUnsafeChars(path.basename(file));
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('VALIDATION_FAILED', [{ path: file, file, message: `找不到文件 ${file} / cannot read ${file}` }]);
  }
  if (size > opts.maxBytes) throw tooLargeError(filename, opts.maxBytes, opts);
  return { filename, data: await guardUpload(fs.readFileSync(file), filename, opts) };
}

/** Keeps the user's file name readable but harmless (no path, no quotes, at most 200 characters). */
function documentName(filename: string): string {
  const base = stripUnsafeChars(path.basename(filename.replace(/\\/g, '/')))
    .replaceAll('"', '')
    .trim();
  return (base || 'file').slice(-200);
}

/**
 * Checks a document to be stored as it came (work-list evidence, ticket attachments) — services call
 * it on what `readUpload(…, { use: 'store' })` gave them: within the size limit, not empty, and of an
 * allowed type that agrees with its extension (UPLOAD_TYPE_NOT_ALLOWED otherwise).
 */
export async function checkDocument(file: Upload, opts: Omit<UploadOptions, 'use'>): Promise<DocumentUpload> {
  const filename = documentName(file.filename);
  if (file.data.length > opts.maxBytes) throw tooLargeError(filename, opts.maxBytes, opts);
  if (!file.data.length) throw new AppError('VALIDATION_FAILED', [{ path: 'file', filename, message: '文件为空 / the file is empty' }]);
  return { filename, data: file.data, mime: (await documentType(filename, file.data)).mime };
}
