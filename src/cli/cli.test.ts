import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

const BIN = path.resolve('bin/bizenv');

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each command starts a fresh Node process that loads the whole application: seconds each on a busy machine.
describe('bizenv CLI on SQLite', { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-cli-'));
  const env = { BIZENV_DATA_DIR: dir, BIZENV_DEMO_PASSWORD: 'Cli-demo-2026' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates idempotently', () => {
    const first = cli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('202611250900-create-org');
    const second = cli(['migrate'], env);
    expect(second.out).toContain('already up to date');
    expect(fs.existsSync(path.join(dir, 'bizenv.sqlite'))).toBe(true);
  });

  it('seeds idempotently: the second run adds nothing', () => {
    const first = cli(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('seed units: {"added":55}');
    expect(first.out).toContain('seed demo-users: {"added":8}');
    const second = cli(['seed'], env);
    expect(second.out).toContain('seed units: {"added":0}');
    expect(second.out).toContain('seed demo-users: {"added":0}');
  });

  it('adds a user in a unit named by its short name and resets a password', () => {
    const add = cli(['user', 'add', 'fgw_liaison', '--role', 'liaison', '--name', '发改委联络员', '--unit', '市发改委'], env);
    expect(add.code).toBe(0);
    expect(add.out).toContain('呼和浩特市发展和改革委员会');
    expect(add.out).toMatch(/initial password: \S{10,}/);
    const bad = cli(['user', 'add', 'x_liaison', '--role', 'liaison', '--name', 'x', '--unit', '不存在的局'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('unknown unit');
    const reset = cli(['user', 'reset-password', 'fgw_liaison', '--password', 'Reset-by-cli-1'], env);
    expect(reset.code).toBe(0);
  });

  it('backs up and restores the SQLite database', () => {
    const file = path.join(dir, 'backup.sqlite');
    const backup = cli(['backup', '--out', file], env);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    cli(['user', 'add', 'after_backup', '--role', 'office', '--name', '备份后新增'], env);
    expect(cli(['restore', file], env).code).not.toBe(0); // needs --yes
    const restore = cli(['restore', file, '--yes'], env);
    expect(restore.code).toBe(0);
    const again = cli(['user', 'add', 'after_backup', '--role', 'office', '--name', '备份后新增'], env);
    expect(again.code).toBe(0); // the user made after the backup is gone, so the name is free again
    const notBackup = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(notBackup, 'not a database');
    expect(cli(['restore', notBackup, '--yes'], env).code).not.toBe(0);
  });

  it('refuses an invalid configuration with a list of what is wrong', () => {
    const r = cli(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('PORT');
    expect(r.err).toContain('DATABASE_URL');
  });
});

describe('bizenv CLI on PostgreSQL', { timeout: 300_000 }, () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `bizenv_cli_${randomBytes(4).toString('hex')}`;
  const url = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString() : '';
  const env = { DATABASE_URL: url, BIZENV_DATA_DIR: os.tmpdir() };
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl! });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  afterAll(async () => {
    if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
  });

  it.skipIf(!adminUrl)('migrates idempotently, seeds, and round-trips pg_dump/pg_restore', async () => {
    await admin(`create database ${name}`);
    expect(cli(['migrate'], env).out).toContain('202611250900-create-org');
    expect(cli(['migrate'], env).out).toContain('already up to date');
    expect(cli(['seed', '--no-demo'], env).out).toContain('seed units: {"added":55}');
    const file = path.join(os.tmpdir(), `${name}.dump`);
    expect(cli(['backup', '--out', file], env).code).toBe(0);
    cli(['user', 'add', 'pg_after', '--role', 'office', '--name', '备份后'], env);
    expect(cli(['restore', file, '--yes'], env).code).toBe(0);
    expect(cli(['user', 'add', 'pg_after', '--role', 'office', '--name', '备份后'], env).code).toBe(0);
    fs.rmSync(file, { force: true });
  });
});
