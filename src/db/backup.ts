import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Database } from './database.js';

export type Progress = (done: number, total: number) => void;

/**
 * A consistent copy made while the server keeps running. On SQLite, `VACUUM INTO` copies one read
 * snapshot in a single statement, so it ends in time proportional to the file whatever the server
 * writes meanwhile (WAL lets those writes go on); the page-stepped backup API restarted on every
 * write from another connection and never finished under a steady load. It is written to a
 * temporary name first, so a failed run leaves no half file under the requested name.
 * PostgreSQL: `pg_dump --format=custom`.
 */
export async function backupDatabase(database: Database, file: string, progress: Progress = () => {}): Promise<void> {
  if (database.sqlite) {
    progress(0, 1);
    const partial = `${file}.partial-${process.pid}`;
    fs.rmSync(partial, { force: true });
    try {
      database.sqlite.prepare('vacuum into ?').run(partial);
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    progress(1, 1);
    return;
  }
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, database.connectionString!], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pg_dump failed: ${r.error?.message ?? r.stderr}`);
  progress(1, 1);
}

/** Checks that a file is a bizenv SQLite backup before anything is overwritten. */
export function checkSqliteBackup(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`backup file fails the integrity check: ${String(ok)}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
    if (!hasMigrations) throw new Error('not a bizenv backup: no migration table');
  } finally {
    db.close();
  }
}

/** Replaces the database with a backup. The server must be stopped (SQLite) or idle (PostgreSQL). */
export function restoreDatabase(target: { sqliteFile?: string; connectionString?: string }, file: string): void {
  if (!fs.existsSync(file)) throw new Error(`backup file not found: ${file}`);
  if (target.sqliteFile) {
    checkSqliteBackup(file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target.sqliteFile + suffix, { force: true });
    fs.copyFileSync(file, target.sqliteFile);
    return;
  }
  const r = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', target.connectionString!, file],
    { encoding: 'utf8' },
  );
  if (r.error || r.status !== 0) throw new Error(`pg_restore failed: ${r.error?.message ?? r.stderr}`);
}
