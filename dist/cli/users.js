import { randomBytes } from "node:crypto";
import { Option } from "commander";
import { ROLES } from "../common/roles.js";
import { SYSTEM_ACTOR } from "../context.js";
import { loadUnitResolver } from "../modules/org/units.service.js";
import { findUserByUsername } from "../modules/org/users.repository.js";
import { createUser, resetPassword } from "../modules/org/users.service.js";
import { openCliContext, runCommand } from "./context.js";
function newPassword() {
  return `Bz${randomBytes(9).toString("base64url")}7`;
}
function registerUserCommands(program) {
  const user = program.command("user").description("\u7528\u6237\u7BA1\u7406 / manage users");
  user.command("add <username>").description("\u65B0\u589E\u7528\u6237 / add a user").addOption(new Option("--role <role>", "role").choices(ROLES).makeOptionMandatory()).requiredOption("--name <displayName>", "display name").option("--unit <unit>", "unit name or alias, e.g. \u5E02\u53D1\u6539\u59D4").option("--password <password>", "initial password (generated when omitted; must be changed at first login)").action(
    (username, opts) => runCommand(async () => {
      const ctx = await openCliContext();
      let unitId = null;
      if (opts.unit) {
        const unit = (await loadUnitResolver(ctx.db)).resolve(opts.unit);
        if (!unit) throw new Error(`unknown unit: ${opts.unit}`);
        unitId = unit.id;
      }
      const password = opts.password ?? newPassword();
      const created = await createUser(ctx, SYSTEM_ACTOR, { username, displayName: opts.name, role: opts.role, unitId, password });
      console.log(`created user ${created.username} (${created.role}${created.unitName ? `, ${created.unitName}` : ""})`);
      if (!opts.password) console.log(`initial password: ${password}`);
      await ctx.database.destroy();
    })
  );
  user.command("reset-password <username>").description("\u91CD\u7F6E\u5BC6\u7801\u5E76\u89E3\u9501 / reset a password and unlock the account").option("--password <password>", "new password (generated when omitted)").option("--no-force-change", "do not ask for a new password at next login").action(
    (username, opts) => runCommand(async () => {
      const ctx = await openCliContext();
      const u = await findUserByUsername(ctx.db, username);
      if (!u) throw new Error(`unknown user: ${username}`);
      const password = opts.password ?? newPassword();
      await resetPassword(ctx, SYSTEM_ACTOR, u.id, password, opts.forceChange);
      console.log(`password of ${username} reset${opts.password ? "" : `: ${password}`}`);
      await ctx.database.destroy();
    })
  );
}
export {
  registerUserCommands
};
//# sourceMappingURL=users.js.map
