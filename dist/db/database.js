import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql } from "kysely";
import pg from "pg";
import { WriteCounterPlugin, noteLocalWrite } from "./change-stamp.js";
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
function pgPoolSize(opts) {
  const processes = opts.workers > 1 ? opts.workers + 1 : 1;
  return Math.min(10, Math.max(2, Math.floor(opts.pgConnections / processes)));
}
function openDatabase(opts) {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on("error", (err) => console.warn(`PostgreSQL idle connection closed: ${err.message}`));
    const db2 = new Kysely({ dialect: new PostgresDialect({ pool }), plugins: [new WriteCounterPlugin()] });
    const url = new URL(opts.databaseUrl);
    url.password = "";
    return { db: db2, dialect: "postgres", location: url.toString(), connectionString: opts.databaseUrl, destroy: () => db2.destroy() };
  }
  const file = opts.sqliteFile ?? ":memory:";
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new WriteCounterPlugin()] });
  return { db, dialect: "sqlite", location: file, sqlite, destroy: () => db.destroy() };
}
class ImmediateSqliteDriver extends SqliteDriver {
  async beginTransaction(connection) {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(sqliteConfig) {
    super(sqliteConfig);
    this.sqliteConfig = sqliteConfig;
  }
  sqliteConfig;
  createDriver() {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}
function withStatementCache(sqlite, max = 500) {
  const cache = /* @__PURE__ */ new Map();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value);
        cache.set(text, stmt);
      }
      return stmt;
    }
  };
}
function withTransaction(db, fn) {
  return db.transaction().execute(fn).finally(noteLocalWrite);
}
async function pingDatabase(db) {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
export {
  openDatabase,
  pgPoolSize,
  pingDatabase,
  withTransaction
};
//# sourceMappingURL=database.js.map
