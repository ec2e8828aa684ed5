import { spawnSync } from "node:child_process";
import fs from "node:fs";
import SQLite from "better-sqlite3";
async function backupDatabase(database, file, progress = () => {
}) {
  if (database.sqlite) {
    await database.sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        progress(totalPages - remainingPages, totalPages);
        return 200;
      }
    });
    return;
  }
  const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, database.connectionString], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`pg_dump failed: ${r.error?.message ?? r.stderr}`);
  progress(1, 1);
}
function checkSqliteBackup(file) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new Error(`backup file fails the integrity check: ${String(ok)}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
    if (!hasMigrations) throw new Error("not a bizenv backup: no migration table");
  } finally {
    db.close();
  }
}
function restoreDatabase(target, file) {
  if (!fs.existsSync(file)) throw new Error(`backup file not found: ${file}`);
  if (target.sqliteFile) {
    checkSqliteBackup(file);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(target.sqliteFile + suffix, { force: true });
    fs.copyFileSync(file, target.sqliteFile);
    return;
  }
  const r = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", target.connectionString, file], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`pg_restore failed: ${r.error?.message ?? r.stderr}`);
}
export {
  backupDatabase,
  checkSqliteBackup,
  restoreDatabase
};
//# sourceMappingURL=backup.js.map
