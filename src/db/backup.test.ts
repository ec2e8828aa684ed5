import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, checkSqliteBackup } from './backup.js';
import { openDatabase } from './database.js';

/**
 * Another connection to the same file, in its own thread so that it writes while the backup runs:
 * one small insert every few milliseconds (a busy server's pace), counting what it wrote.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
const insert = db.prepare('insert into note (body) values (?)');
const pause = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
let stop = false;
parentPort.on('message', () => { stop = true; });
const tick = () => {
  if (stop) { db.close(); parentPort.postMessage(n); return; }
  insert.run('written during the backup ' + n);
  n++;
  Atomics.store(workerData.count, 0, n);
  setTimeout(tick, 2);
};
tick();
`;

describe('online SQLite backup', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finishes while another connection keeps writing, and the copy opens with the data', async () => {
    const file = path.join(dir, 'live.sqlite');
    const database = openDatabase({ sqliteFile: file });
    const sqlite = database.sqlite!;
    sqlite.exec('create table note (id integer primary key, body text not null)');
    // About 40 MB: thousands of pages, so a page-stepped copy would be restarted by every write.
    const fill = sqlite.prepare('insert into note (body) values (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 40_000; i++) fill.run(`row ${i} ${'x'.repeat(1000)}`);
    })();
    sqlite.exec('create table kysely_migration (name text)');

    const count = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(WRITER, { eval: true, workerData: { file, count, module: require.resolve('better-sqlite3') } });
    while (Atomics.load(count, 0) < 3) await new Promise((r) => setTimeout(r, 10));
    const before = Atomics.load(count, 0);
    const out = path.join(dir, 'copy.sqlite');
    await backupDatabase(database, out);
    // Let the writer go on for a moment after the backup, then stop it.
    while (Atomics.load(count, 0) < before + 3) await new Promise((r) => setTimeout(r, 10));
    writer.postMessage('stop');
    const written = await new Promise<number>((r) => writer.once('message', r));
    await writer.terminate();
    await database.destroy();

    expect(written).toBeGreaterThan(before);
    checkSqliteBackup(out);
    const copy = new SQLite(out, { readonly: true });
    const rows = (copy.prepare('select count(*) as n from note').get() as { n: number }).n;
    const filled = (copy.prepare("select count(*) as n from note where body like 'row %'").get() as { n: number }).n;
    copy.close();
    // Every row written before the backup started is in it; the copy is one consistent snapshot.
    expect(filled).toBe(40_000);
    expect(rows).toBeGreaterThanOrEqual(40_000 + before);
    expect(rows).toBeLessThanOrEqual(40_000 + written);
  }, 60_000);
});
