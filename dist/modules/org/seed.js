import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { SYSTEM_ACTOR } from "../../context.js";
import { withTransaction } from "../../db/database.js";
import { audit } from "./audit.service.js";
import { hashPassword } from "./passwords.js";
import { insertUnit, replaceAliases } from "./units.repository.js";
import { loadUnitResolver } from "./units.service.js";
import { findUserByUsername, insertUser } from "./users.repository.js";
const UNITS_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), "reference", "units.csv");
function readReferenceUnits(file = UNITS_CSV) {
  return parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}
async function seedReferenceUnits(ctx) {
  const rows = readReferenceUnits();
  return withTransaction(ctx.db, async (trx) => {
    const resolver = await loadUnitResolver(trx);
    const at = ctx.clock().toISOString();
    let cityId = resolver.all.find((u) => u.kind === "city" && u.status === "active")?.id;
    let added = 0;
    for (const [i, row] of rows.entries()) {
      if (resolver.resolve(row.name) || resolver.all.some((u) => u.name === row.name)) continue;
      const id = await insertUnit(
        trx,
        { name: row.name, kind: row.kind, parent_id: row.kind === "city" ? null : cityId ?? null, division_code: row.division_code || null, sort_order: (i + 1) * 10 },
        at
      );
      if (row.kind === "city") cityId = id;
      await replaceAliases(trx, id, row.short_names ? row.short_names.split("|").map((s) => s.trim()).filter(Boolean) : []);
      added++;
    }
    if (added) await audit(ctx, trx, SYSTEM_ACTOR, { action: "unit.seed", entity: "unit", entityId: null, after: { added } });
    return { added };
  });
}
const DEMO_UNIT = "\u547C\u548C\u6D69\u7279\u5E02\u884C\u653F\u5BA1\u6279\u548C\u653F\u52A1\u670D\u52A1\u5C40";
const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "\u7CFB\u7EDF\u7BA1\u7406\u5458\uFF08\u6F14\u793A\uFF09" },
  { username: "office", displayName: "\u4E13\u73ED\u5DE5\u4F5C\u4EBA\u5458\uFF08\u6F14\u793A\uFF09" },
  { username: "leader", displayName: "\u5E02\u9886\u5BFC\uFF08\u6F14\u793A\uFF09" },
  { username: "unit_head", displayName: "\u5355\u4F4D\u8D1F\u8D23\u4EBA\uFF08\u6F14\u793A\uFF09", unit: DEMO_UNIT },
  { username: "liaison", displayName: "\u5355\u4F4D\u8054\u7EDC\u5458\uFF08\u6F14\u793A\uFF09", unit: DEMO_UNIT },
  { username: "specialist", displayName: "\u4F01\u4E1A\u670D\u52A1\u4E13\u5458\uFF08\u6F14\u793A\uFF09" },
  { username: "enterprise", displayName: "\u6F14\u793A\u4F01\u4E1A\u7528\u6237" }
];
const DEMO_USERNAMES = DEMO_ACCOUNTS.map((a) => a.username);
async function seedDemoUsers(ctx) {
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  return withTransaction(ctx.db, async (trx) => {
    const resolver = await loadUnitResolver(trx);
    let added = 0;
    for (const a of DEMO_ACCOUNTS) {
      if (await findUserByUsername(trx, a.username)) continue;
      const unitId = a.unit ? resolver.resolve(a.unit)?.id ?? null : null;
      const id = await insertUser(
        trx,
        { username: a.username, display_name: a.displayName, role: a.username, unit_id: unitId, password_hash: passwordHash, must_change_password: 0, locale: "zh-CN" },
        ctx.clock().toISOString()
      );
      await audit(ctx, trx, SYSTEM_ACTOR, { action: "user.create", entity: "user", entityId: id, after: { username: a.username, role: a.username, demo: true } });
      added++;
    }
    return { added };
  });
}
export {
  DEMO_UNIT,
  DEMO_USERNAMES,
  UNITS_CSV,
  readReferenceUnits,
  seedDemoUsers,
  seedReferenceUnits
};
//# sourceMappingURL=seed.js.map
