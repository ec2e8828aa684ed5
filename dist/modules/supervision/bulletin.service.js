import { AppError } from "../../common/errors.js";
import { bulletinData, monthString } from "../../common/schemas/supervision.js";
import { chinaDate } from "../../common/workdays.js";
import { withTransaction } from "../../db/database.js";
import { isUniqueViolation } from "../../db/errors.js";
import { audit } from "../org/audit.service.js";
import { draftCommentary, gatherBulletinData } from "./bulletin.data.js";
import { findBulletin, insertBulletin, listBulletins, updateDraftBulletin } from "./supervision.repository.js";
function summary(r) {
  return {
    id: r.id,
    month: r.month,
    status: r.status,
    title: r.title,
    docNumber: r.doc_number,
    generatedAt: r.generated_at,
    publishedAt: r.published_at,
    version: r.version
  };
}
function presentBulletin(r) {
  return { ...summary(r), commentary: JSON.parse(r.commentary_json), data: bulletinData.parse(JSON.parse(r.data_json)), publishedBy: r.published_by_name };
}
function assertMonth(month, path = "body.month") {
  if (!monthString.safeParse(month).success) {
    throw new AppError("VALIDATION_FAILED", [{ path, message: `\u201C${month}\u201D\u4E0D\u662F\u6709\u6548\u7684\u6708\u4EFD\uFF0C\u5E94\u4E3A YYYY-MM\uFF0801\u201312\uFF09 / not a valid month, expected YYYY-MM with 01\u201312` }]);
  }
}
function bulletinTitle(month) {
  const [y, m] = month.split("-");
  return `${Number(y)}\u5E74${Number(m)}\u6708\u5168\u5E02\u4F18\u5316\u8425\u5546\u73AF\u5883\u5DE5\u4F5C\u63A8\u8FDB\u60C5\u51B5\u901A\u62A5`;
}
function docNumberOf(month) {
  const [y, m] = month.split("-");
  return `\u8425\u5546\u529E\u901A\u3014${y}\u3015${Number(m)}\u53F7`;
}
function previousMonth(date) {
  const [y, m] = date.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
async function loadOr404(ctx, id) {
  const b = await findBulletin(ctx.db, { id });
  if (!b) throw new AppError("NOT_FOUND");
  return b;
}
async function draftBulletin(ctx, actor, month) {
  assertMonth(month);
  const now = ctx.clock();
  const data = await gatherBulletinData(ctx.db, month, now);
  const at = now.toISOString();
  try {
    return await withTransaction(ctx.db, async (trx) => {
      const existing = await findBulletin(trx, { month });
      if (existing?.status === "published") throw new AppError("BULLETIN_PUBLISHED", [{ path: "body.month", message: `${month} \u7684\u901A\u62A5\u5DF2\u4E8E ${existing.published_at} \u53D1\u5E03 / published already` }]);
      if (existing) {
        if (!await updateDraftBulletin(trx, existing.id, existing.version, { data_json: JSON.stringify(data), generated_at: at }, at)) throw new AppError("VERSION_CONFLICT");
        await audit(ctx, trx, actor, { action: "supervision.bulletin.refresh", entity: "bulletin", entityId: existing.id, after: { month, totals: data.totals } });
        return { bulletin: presentBulletin(await findBulletin(trx, { id: existing.id })), created: false };
      }
      const id = await insertBulletin(trx, {
        month,
        status: "draft",
        title: bulletinTitle(month),
        doc_number: docNumberOf(month),
        commentary_json: JSON.stringify(draftCommentary(data)),
        data_json: JSON.stringify(data),
        generated_at: at,
        published_at: null,
        published_by: null,
        created_at: at,
        updated_at: at
      });
      await audit(ctx, trx, actor, { action: "supervision.bulletin.draft", entity: "bulletin", entityId: id, after: { month, totals: data.totals } });
      return { bulletin: presentBulletin(await findBulletin(trx, { id })), created: true };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return draftBulletin(ctx, actor, month);
    throw err;
  }
}
function assertDraft(b) {
  if (b.status === "published") {
    throw new AppError("BULLETIN_PUBLISHED", [{ path: "params.id", message: `\u8BE5\u901A\u62A5\u5DF2\u4E8E ${b.published_at} \u53D1\u5E03\uFF0C\u5185\u5BB9\u4E0D\u53EF\u66F4\u6539 / published on ${b.published_at}; it cannot change` }]);
  }
}
async function updateBulletin(ctx, actor, id, body) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBulletin(trx, { id });
    if (!before) throw new AppError("NOT_FOUND");
    assertDraft(before);
    if (before.version !== body.version) throw new AppError("VERSION_CONFLICT");
    const commentary = { ...JSON.parse(before.commentary_json), ...body.commentary ?? {} };
    const ok = await updateDraftBulletin(
      trx,
      id,
      body.version,
      { commentary_json: JSON.stringify(commentary), ...body.title ? { title: body.title } : {}, ...body.docNumber ? { doc_number: body.docNumber } : {} },
      ctx.clock().toISOString()
    );
    if (!ok) throw new AppError("VERSION_CONFLICT");
    const after = presentBulletin(await findBulletin(trx, { id }));
    await audit(ctx, trx, actor, { action: "supervision.bulletin.update", entity: "bulletin", entityId: id, before: { title: before.title, commentary: JSON.parse(before.commentary_json) }, after: { title: after.title, commentary } });
    return after;
  });
}
async function publishBulletin(ctx, actor, id, version) {
  return withTransaction(ctx.db, async (trx) => {
    const before = await findBulletin(trx, { id });
    if (!before) throw new AppError("NOT_FOUND");
    assertDraft(before);
    if (before.version !== version) throw new AppError("VERSION_CONFLICT");
    const at = ctx.clock().toISOString();
    if (!await updateDraftBulletin(trx, id, version, { status: "published", published_at: at, published_by: actor.id > 0 ? actor.id : null }, at)) throw new AppError("VERSION_CONFLICT");
    const after = presentBulletin(await findBulletin(trx, { id }));
    await audit(ctx, trx, actor, { action: "supervision.bulletin.publish", entity: "bulletin", entityId: id, after: { month: after.month, publishedAt: at } });
    return after;
  });
}
async function getBulletin(ctx, id) {
  return presentBulletin(await loadOr404(ctx, id));
}
async function listAllBulletins(ctx) {
  return (await listBulletins(ctx.db)).map(summary);
}
async function draftLastMonth(ctx, actor) {
  const month = previousMonth(chinaDate(ctx.clock()));
  const existing = await findBulletin(ctx.db, { month });
  if (existing?.status === "published") return { month, created: false, skipped: "published" };
  const { created } = await draftBulletin(ctx, actor, month);
  return { month, created };
}
async function previewBulletin(ctx, month) {
  assertMonth(month, "month");
  const now = ctx.clock();
  const data = await gatherBulletinData(ctx.db, month, now);
  const existing = await findBulletin(ctx.db, { month });
  return {
    id: existing?.id ?? 0,
    month,
    status: "draft",
    title: existing?.title ?? bulletinTitle(month),
    docNumber: existing?.doc_number ?? docNumberOf(month),
    generatedAt: now.toISOString(),
    publishedAt: null,
    version: existing?.version ?? 0,
    commentary: existing ? JSON.parse(existing.commentary_json) : draftCommentary(data),
    data,
    publishedBy: null
  };
}
export {
  assertMonth,
  bulletinTitle,
  docNumberOf,
  draftBulletin,
  draftLastMonth,
  getBulletin,
  listAllBulletins,
  presentBulletin,
  previewBulletin,
  previousMonth,
  publishBulletin,
  updateBulletin
};
//# sourceMappingURL=bulletin.service.js.map
