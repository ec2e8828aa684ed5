import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import { WriteCounterPlugin, noteLocalWrite } from './change-stamp.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the data lives: the SQLite file path, or the PostgreSQL URL without password. */
  location: string;
  /** The PostgreSQL connection string (backups hand it to pg_dump); undefined on SQLite. */
  connectionString?: string;
  /** The raw SQLite handle (backups use its online backup API); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  destroy(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counts always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** SQLite file; ':memory:' for tests. */
  sqliteFile?: string;
  poolSize?: number;
}

/**
 * The connection pool of one server process on PostgreSQL: `BIZENV_WORKERS` HTTP workers plus the
 * primary (or one single process) share `BIZENV_PG_CONNECTIONS` (default 80, leaving 20 of
 * PostgreSQL's default max_connections = 100 for its 3 reserved superuser slots, CLI commands,
 * pg_dump and psql): pool = clamp(floor(connections / processes), 2, 10), processes = workers + 1
 * when workers > 1, else 1. With 2 workers that is 3 × 10 = 30; with 16, 17 × 4 = 68.
 */
export function pgPoolSize(opts: { workers: number; pgConnections: number }): number {
  const processes = opts.workers > 1 ? opts.workers + 1 : 1;
  return Math.min(10, Math.max(2, Math.floor(opts.pgConnections / processes)));
}

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that the server closes (restart, admin termination) emits 'error' on the
    // pool; unhandled, that would crash the process. The pool drops the client and reconnects later.
    pool.on('error', (err) => console.warn(`PostgreSQL idle connection closed: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new WriteCounterPlugin()] });
    const url = new URL(opts.databaseUrl);
    url.password = '';
    return { db, dialect: 'postgres', location: url.toString(), connectionString: opts.databaseUrl, destroy: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const dialect = new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, sqlite);
  const db = new Kysely<DB>({ dialect, plugins: [new WriteCounterPlugin()] });
  return { db, dialect: 'sqlite', location: file, sqlite, destroy: () => db.destroy() };
}

/**
 * Transactions take the write lock when they begin (`begin immediate`). With several server
 * processes on one file (`BIZENV_WORKERS`), a deferred transaction that read first could not
 * upgrade to writing once another process had committed (SQLITE_BUSY at once, no retry); an
 * immediate one waits for the other writer instead. It waits here, asynchronously, rather than in
 * SQLite's busy handler: better-sqlite3 is synchronous, and the busy handler's sleeps (up to 100 ms
 * each) would stall every request of this process, reads included, whenever the other process
 * writes. Statements outside a transaction still use `busy_timeout`.
 */
const BEGIN_WAIT_MS = 5_000;

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const giveUpAt = Date.now() + BEGIN_WAIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 16)) {
      if (this.tryBegin()) return;
      if (Date.now() >= giveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    // Last try through the busy handler: the error, if any, is SQLite's own SQLITE_BUSY.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /** One attempt without waiting; false when another process holds the write lock. */
  private tryBegin(): boolean {
    const timeout = this.sqlite.pragma('busy_timeout', { simple: true }) as number;
    this.sqlite.pragma('busy_timeout = 0');
    try {
      this.sqlite.exec('begin immediate');
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw err;
    } finally {
      this.sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqliteConfig: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig, this.sqlite);
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running most of our
 * queries. The SQL text of a query builder is stable, so prepared statements are kept by text
 * (bounded; better-sqlite3 runs one statement at a time, so sharing them is safe).
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

export type Executor = Kysely<DB> | Transaction<DB>;

/** Runs `fn` in one transaction; callers pass the transaction on explicitly. */
export function withTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  // In-memory caches of this process compare change stamps; a finished transaction moves them.
  return db.transaction().execute(fn).finally(noteLocalWrite);
}

export async function pingDatabase(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
