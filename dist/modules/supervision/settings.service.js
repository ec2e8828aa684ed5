import { AppError } from "../../common/errors.js";
import { escalationSettings, scoreSettings } from "../../common/schemas/supervision.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "../org/audit.service.js";
import { DEFAULT_ESCALATION, DEFAULT_SCORE, scoreFormula } from "./score.js";
import { findSetting, saveSetting } from "./supervision.repository.js";
async function load(db, key, schema, fallback) {
  const row = await findSetting(db, key);
  if (!row) return { value: fallback, version: 1 };
  const parsed = schema.safeParse(JSON.parse(row.value_json));
  return { value: parsed.success ? parsed.data : fallback, version: row.version };
}
async function loadSettings(db) {
  const e = await load(db, "escalation", escalationSettings, DEFAULT_ESCALATION);
  const s = await load(db, "score", scoreSettings, DEFAULT_SCORE);
  return { escalation: e.value, score: s.value, versions: { escalation: e.version, score: s.version } };
}
async function getSettings(ctx) {
  const s = await loadSettings(ctx.db);
  return { escalation: s.escalation, escalationVersion: s.versions.escalation, score: s.score, scoreVersion: s.versions.score, formula: scoreFormula(s.score) };
}
function checkLadder(e) {
  const details = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [i, d] of e.reminders.daysBefore.entries()) {
    if (seen.has(d)) details.push({ path: `body.escalation.reminders.daysBefore.${i}`, message: `\u91CD\u590D\u7684\u63D0\u9192\u5929\u6570 ${d} / duplicate reminder day` });
    seen.add(d);
  }
  let last = 0;
  let lastName = "";
  for (const name of ["notice", "bulletin", "summons"]) {
    const step = e[name];
    if (!step.enabled) continue;
    if (step.daysAfter <= last) {
      details.push({ path: `body.escalation.${name}.daysAfter`, message: `\u5E94\u665A\u4E8E${lastName}\uFF08${last} \u4E2A\u5DE5\u4F5C\u65E5\uFF09 / must come after ${lastName} (${last} working days)` });
    }
    last = step.daysAfter;
    lastName = name;
  }
  if (details.length) throw new AppError("VALIDATION_FAILED", details);
}
async function save(ctx, actor, key, value, version) {
  await withTransaction(ctx.db, async (trx) => {
    const before = await findSetting(trx, key);
    if (!await saveSetting(trx, key, JSON.stringify(value), version, ctx.clock().toISOString())) throw new AppError("VERSION_CONFLICT");
    await audit(ctx, trx, actor, { action: `supervision.settings.${key}`, entity: "supervision_setting", entityId: key, before: before ? JSON.parse(before.value_json) : null, after: value });
  });
  return getSettings(ctx);
}
async function updateEscalationSettings(ctx, actor, body) {
  checkLadder(body.escalation);
  const escalation = { ...body.escalation, reminders: { ...body.escalation.reminders, daysBefore: [...body.escalation.reminders.daysBefore].sort((a, b) => b - a) } };
  return save(ctx, actor, "escalation", escalation, body.version);
}
function updateScoreSettings(ctx, actor, body) {
  return save(ctx, actor, "score", body.score, body.version);
}
export {
  getSettings,
  loadSettings,
  updateEscalationSettings,
  updateScoreSettings
};
//# sourceMappingURL=settings.service.js.map
