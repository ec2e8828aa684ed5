import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { ROLES, type Role } from '../common/roles.js';
import { SYSTEM_ACTOR } from '../context.js';
import { loadUnitResolver } from '../modules/org/units.service.js';
import { findUserByUsername } from '../modules/org/users.repository.js';
import { createUser, resetPassword } from '../modules/org/users.service.js';
import { openCliContext, runCommand } from './context.js';

function newPassword(): string {
  return `Bz${randomBytes(9).toString('base64url')}7`;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户管理 / manage users');

  user
    .command('add <username>')
    .description('新增用户 / add a user')
    .addOption(new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .requiredOption('--name <displayName>', 'display name')
    .option('--unit <unit>', 'unit name or alias, e.g. 市发改委')
    .option('--password <password>', 'initial password (generated when omitted; must be changed at first login)')
    .action((username: string, opts: { role: Role; name: string; unit?: string; password?: string }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        let unitId: number | null = null;
        if (opts.unit) {
          const unit = (await loadUnitResolver(ctx.db)).resolve(opts.unit);
          if (!unit) throw new Error(`unknown unit: ${opts.unit}`);
          unitId = unit.id;
        }
        const password = opts.password ?? newPassword();
        const created = await createUser(ctx, SYSTEM_ACTOR, { username, displayName: opts.name, role: opts.role, unitId, password });
        console.log(`created user ${created.username} (${created.role}${created.unitName ? `, ${created.unitName}` : ''})`);
        if (!opts.password) console.log(`initial password: ${password}`);
        await ctx.database.destroy();
      }),
    );

  user
    .command('reset-password <username>')
    .description('重置密码并解锁 / reset a password and unlock the account')
    .option('--password <password>', 'new password (generated when omitted)')
    .option('--no-force-change', 'do not ask for a new password at next login')
    .action((username: string, opts: { password?: string; forceChange: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        const u = await findUserByUsername(ctx.db, username);
        if (!u) throw new Error(`unknown user: ${username}`);
        const password = opts.password ?? newPassword();
        await resetPassword(ctx, SYSTEM_ACTOR, u.id, password, opts.forceChange);
        console.log(`password of ${username} reset${opts.password ? '' : `: ${password}`}`);
        await ctx.database.destroy();
      }),
    );
}
