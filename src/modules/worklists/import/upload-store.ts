import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../common/errors.js';
import { IMPORT_LIMITS } from '../../../common/schemas/worklists-import.js';
import type { ItemKind } from '../../../common/schemas/worklists.js';
import type { AppContext } from '../../../context.js';

/**
 * Uploaded workbooks between preview and commit. They live on disk under the data directory (not in
 * memory), so a commit may reach another server process than the preview did; the commit parses
 * the file again, against the units as they are then. A token belongs to the user who uploaded.
 */

export interface PendingImport {
  actorId: number;
  kind: ItemKind;
  list: string;
  fileName: string | null;
  expiresAt: string;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

function dir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'imports');
}

async function removeExpired(ctx: AppContext): Promise<void> {
  const now = ctx.clock().toISOString();
  const names = await fs.readdir(dir(ctx)).catch(() => [] as string[]);
  for (const n of names.filter((x) => x.endsWith('.json'))) {
    const meta = await readMeta(path.join(dir(ctx), n));
    if (!meta || meta.expiresAt < now) await discard(ctx, n.slice(0, -5));
  }
}

async function readMeta(file: string): Promise<PendingImport | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as PendingImport;
  } catch {
    return null;
  }
}

export async function savePending(
  ctx: AppContext,
  buffer: Buffer,
  meta: Omit<PendingImport, 'expiresAt'>,
): Promise<{ token: string; expiresAt: string }> {
  await removeExpired(ctx);
  await fs.mkdir(dir(ctx), { recursive: true });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.clock().getTime() + IMPORT_LIMITS.previewMinutes * 60_000).toISOString();
  await fs.writeFile(path.join(dir(ctx), `${token}.xlsx`), buffer, { mode: 0o600 });
  await fs.writeFile(path.join(dir(ctx), `${token}.json`), JSON.stringify({ ...meta, expiresAt }), { mode: 0o600 });
  return { token, expiresAt };
}

export async function loadPending(ctx: AppContext, token: string, actorId: number): Promise<{ meta: PendingImport; buffer: Buffer }> {
  const expired = new AppError('IMPORT_PREVIEW_EXPIRED', [{ path: 'body.token', message: '请重新上传文件 / upload the file again' }]);
  if (!TOKEN.test(token)) throw expired;
  const meta = await readMeta(path.join(dir(ctx), `${token}.json`));
  if (!meta || meta.actorId !== actorId || meta.expiresAt < ctx.clock().toISOString()) throw expired;
  const buffer = await fs.readFile(path.join(dir(ctx), `${token}.xlsx`)).catch(() => null);
  if (!buffer) throw expired;
  return { meta, buffer };
}

export async function discard(ctx: AppContext, token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await fs.rm(path.join(dir(ctx), `${token}.xlsx`), { force: true });
  await fs.rm(path.join(dir(ctx), `${token}.json`), { force: true });
}
