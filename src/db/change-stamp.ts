import type SQLite from 'better-sqlite3';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Database } from './database.js';

/**
 * Cheap answers to "may the database have changed since I last read it?", for in-memory caches of
 * hot reads (sessions, units) that must stay correct when several server processes share one
 * database (`BIZENV_WORKERS`).
 *
 * - SQLite: exact. `PRAGMA data_version` changes when another connection (another process)
 *   commits, `total_changes()` when this connection writes; both are read from memory in
 *   microseconds. Any write anywhere empties the caches, which is fine: reads vastly outnumber writes.
 * - PostgreSQL: this process counts its own writes (`WriteCounterPlugin` on every statement,
 *   `noteLocalWrite` after every `withTransaction`), so they are seen at once; writes of other server processes are
 *   seen after at most `STALE_MS` (a cached entry is reloaded after that age).
 */
export const STALE_MS = 2_000;

let localWrites = 0;

/** Called after every transaction (and any write outside one that a cache must see at once). */
export function noteLocalWrite(): void {
  localWrites++;
}

/**
 * Counts every statement other than a select once it has run (inserts, updates, deletes, raw SQL),
 * so writes made outside `withTransaction` move the stamp too. Inside a transaction the count moves
 * again at commit (`withTransaction`).
 */
export class WriteCounterPlugin implements KyselyPlugin {
  readonly #writes = new WeakSet<QueryId>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') this.#writes.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#writes.has(args.queryId)) noteLocalWrite();
    return args.result;
  }
}

const stampStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

export interface ChangeStamp {
  value: string;
  /** true when every change by any process moves the stamp (SQLite); false when only our own do. */
  exact: boolean;
}

/** Read it before loading what you cache: data loaded afterwards is at least as new as the stamp. */
export function changeStamp(database: Database): ChangeStamp {
  const sqlite = database.sqlite;
  if (!sqlite) return { value: String(localWrites), exact: false };
  let stmt = stampStatements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare('select (select data_version from pragma_data_version) as v, total_changes() as c').raw();
    stampStatements.set(sqlite, stmt);
  }
  const [v, c] = stmt.get() as [number, number];
  return { value: `${v}:${c}:${localWrites}`, exact: true };
}

const counterStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * A stamp that moves only when the tables behind one cache change: on SQLite a counter kept by
 * triggers (`change_counter`, see the 202612020700-create-change-logs migration; `demands` in 202612041001,
 * `demand_settings` in 202612051001), so a
 * session survives every write to other tables; elsewhere (PostgreSQL, or before that migration) `changeStamp`.
 */
export function counterStamp(database: Database, name: 'auth' | 'demands' | 'demand_settings'): ChangeStamp {
  const sqlite = database.sqlite;
  if (!sqlite) return changeStamp(database);
  let stmt = counterStatements.get(sqlite);
  if (!stmt) {
    try {
      stmt = sqlite.prepare('select n from change_counter where name = ?').pluck();
    } catch {
      return changeStamp(database);
    }
    counterStatements.set(sqlite, stmt);
  }
  const n = stmt.get(name) as number | undefined;
  return n === undefined ? changeStamp(database) : { value: `${name}:${n}`, exact: true };
}

interface Entry<V> {
  value: V;
  stamp: string;
  loadedAt: number;
}

/** A bounded map whose entries are valid only while the database's change stamp stays the same. */
export class StampedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: K, stamp: ChangeStamp): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.stamp !== stamp.value || (!stamp.exact && Date.now() - e.loadedAt > STALE_MS)) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: K, value: V, stamp: ChangeStamp): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, stamp: stamp.value, loadedAt: Date.now() });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** One cache per database and purpose (tests open many databases in one process). */
export function cacheFor<K, V>(
  registry: WeakMap<Database, StampedCache<K, V>>,
  database: Database,
  maxEntries?: number,
): StampedCache<K, V> {
  let c = registry.get(database);
  if (!c) {
    c = new StampedCache<K, V>(maxEntries);
    registry.set(database, c);
  }
  return c;
}
