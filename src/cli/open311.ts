import type { Command } from 'commander';
import { addClientKey, clientKeys, revokeClientKey } from '../modules/demands/open311.service.js';
import { openCliContext, runCommand } from './context.js';

/** `bizenv open311 key add|revoke|list`: API keys of the client systems (12345 platform, mini-program). */
export function registerOpen311Commands(program: Command): void {
  const key = program
    .command('open311')
    .description('Open311 接口 / the Open311 GeoReport v2 interface')
    .command('key')
    .description('接口密钥 / client API keys');

  key
    .command('add <name>')
    .description('新增客户端密钥（只显示一次，只保存其散列） / add a client key (shown once; only its hash is kept)')
    .option('--json', 'print {"name","key"}')
    .action((name: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        const created = await addClientKey(ctx, name);
        console.log(opts.json ? JSON.stringify(created) : `client ${created.name}\napi_key: ${created.key}`);
        await ctx.database.destroy();
      }),
    );

  key
    .command('revoke <name>')
    .description('吊销客户端密钥 / revoke a client key')
    .action((name: string) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        await revokeClientKey(ctx, name);
        console.log(`revoked ${name}`);
        await ctx.database.destroy();
      }),
    );

  key
    .command('list')
    .description('客户端列表 / list the clients')
    .option('--json', 'JSON output')
    .action((opts: { json?: boolean }) =>
      runCommand(async () => {
        const ctx = await openCliContext();
        const list = await clientKeys(ctx);
        if (opts.json) console.log(JSON.stringify(list));
        else for (const c of list) console.log(`${c.name}\t${c.createdAt}\t${c.revokedAt ? `revoked ${c.revokedAt}` : 'active'}`);
        await ctx.database.destroy();
      }),
    );
}
