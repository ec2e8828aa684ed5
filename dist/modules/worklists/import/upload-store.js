import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../common/errors.js";
import { IMPORT_LIMITS } from "../../../common/schemas/worklists-import.js";
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
function dir(ctx) {
  return path.join(ctx.config.dataDir, "imports");
}
async function removeExpired(ctx) {
  const now = ctx.clock().toISOString();
  const names = await fs.readdir(dir(ctx)).catch(() => []);
  for (const n of names.filter((x) => x.endsWith(".json"))) {
    const meta = await readMeta(path.join(dir(ctx), n));
    if (!meta || meta.expiresAt < now) await discard(ctx, n.slice(0, -5));
  }
}
async function readMeta(file) {
  try {
    return JSON.parse(await fs.readFile(file, "utf8"));
  } catch {
    return null;
  }
}
async function savePending(ctx, buffer, meta) {
  await removeExpired(ctx);
  await fs.mkdir(dir(ctx), { recursive: true });
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(ctx.clock().getTime() + IMPORT_LIMITS.previewMinutes * 6e4).toISOString();
  await fs.writeFile(path.join(dir(ctx), `${token}.xlsx`), buffer, { mode: 384 });
  await fs.writeFile(path.join(dir(ctx), `${token}.json`), JSON.stringify({ ...meta, expiresAt }), { mode: 384 });
  return { token, expiresAt };
}
async function loadPending(ctx, token, actorId) {
  const expired = new AppError("IMPORT_PREVIEW_EXPIRED", [{ path: "body.token", message: "\u8BF7\u91CD\u65B0\u4E0A\u4F20\u6587\u4EF6 / upload the file again" }]);
  if (!TOKEN.test(token)) throw expired;
  const meta = await readMeta(path.join(dir(ctx), `${token}.json`));
  if (!meta || meta.actorId !== actorId || meta.expiresAt < ctx.clock().toISOString()) throw expired;
  const buffer = await fs.readFile(path.join(dir(ctx), `${token}.xlsx`)).catch(() => null);
  if (!buffer) throw expired;
  return { meta, buffer };
}
async function discard(ctx, token) {
  if (!TOKEN.test(token)) return;
  await fs.rm(path.join(dir(ctx), `${token}.xlsx`), { force: true });
  await fs.rm(path.join(dir(ctx), `${token}.json`), { force: true });
}
export {
  discard,
  loadPending,
  savePending
};
//# sourceMappingURL=upload-store.js.map
