import type SQLite from 'better-sqlite3';
import type { Database } from './database.js';

/**
 * A cache of listed item pages that survives writes which cannot change them (SQLite).
 *
 * Triggers log every change that can alter a page into `item_change` (see its migration). Each server
 * process keeps a cursor into that log; before answering from the cache it reads the rows it has not
 * seen (microseconds: one indexed read on the raw handle, only when the database changed at all) and
 * drops just the pages they affect. A comment, a timeline event or an audit row drops nothing; a report
 * that moves one item's status drops the pages showing that item and those filtering or sorting on
 * status; closing or reopening an item also drops the overdue and due-soon views; anything else (new
 * items, edited text or deadlines, assignments, names, the calendar) drops every page. A page is
 * stored only if no change was logged while it was being computed.
 */
export interface PageDeps<V> {
  value: V;
  /** ids of the items on the page */
  itemIds: readonly number[];
  /**
   * What else of other items the page's filter or order reads: `any` change of a row (a status filter,
   * sorting by status, percent or last change), only whether they are `closed` (overdue, due soon), or
   * nothing beyond the fields every filter reads (`none`).
   */
  dependsOn: 'any' | 'closed' | 'none';
}

interface Entry<V> {
  value: V;
  ids: Set<number>;
  /** the least `reach` of a change to another item that drops the page (see the migration) */
  dropAt: number;
}

const DROP_AT = { any: 0, closed: 1, none: 2 } as const;

/** Rows beyond which a reader that fell behind drops everything instead of reading them all. */
const MAX_CATCH_UP = 1_000;

interface Statements {
  max: SQLite.Statement;
  since: SQLite.Statement;
}

export class ItemPageCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private cursor = -1;
  private statements: Statements | undefined;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly maxEntries = 1_000,
  ) {}

  /** The log position the cache is current at, or undefined while a transaction is open on this connection. */
  sync(): number | undefined {
    // Inside an open transaction the log may hold rows that a rollback would take back (and whose ids
    // would then be reused): the cache is neither read nor filled until it ends.
    if (this.sqlite.inTransaction) return undefined;
    this.statements ??= {
      max: this.sqlite.prepare('select coalesce(max(id), 0) from item_change').pluck(),
      since: this.sqlite.prepare(`select item_id, reach from item_change where id > ? order by id limit ${MAX_CATCH_UP + 1}`).raw(),
    };
    const max = this.statements.max.get() as number;
    if (max === this.cursor) return max;
    // Behind by too much, or the log went backwards (a restored backup): start afresh.
    if (this.cursor < 0 || max < this.cursor || max - this.cursor > MAX_CATCH_UP) {
      this.entries.clear();
      this.cursor = max;
      return max;
    }
    const rows = this.statements.since.all(this.cursor) as [number | null, number][];
    for (const [itemId, reach] of rows) {
      if (reach >= 2 || itemId === null) {
        this.entries.clear();
        break;
      }
      for (const [key, e] of this.entries) if (reach >= e.dropAt || e.ids.has(itemId)) this.entries.delete(key);
    }
    this.cursor = max;
    return max;
  }

  /**
   * The cached page for `key`, or `load()`'s, stored only if nothing was logged meanwhile. Concurrent
   * misses of one key share one load.
   */
  async get(key: string, load: () => Promise<PageDeps<V>>): Promise<V> {
    const at = this.sync();
    if (at === undefined) return (await load()).value;
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const flightKey = `${at}\u0000${key}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = load().finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
      const loaded = await flight;
      if (this.sync() === at) {
        if (this.entries.size >= this.maxEntries) this.entries.clear();
        this.entries.set(key, { value: loaded.value, ids: new Set(loaded.itemIds), dropAt: DROP_AT[loaded.dependsOn] });
      }
      return loaded.value;
    }
    return (await flight).value;
  }

  private readonly inFlight = new Map<string, Promise<PageDeps<V>>>();
}

const caches = new WeakMap<Database, ItemPageCache<unknown>>();

/** The page cache of one database, or undefined on PostgreSQL (no change log there). */
export function itemPageCacheFor<V>(database: Database): ItemPageCache<V> | undefined {
  if (!database.sqlite) return undefined;
  let c = caches.get(database);
  if (!c) {
    c = new ItemPageCache<unknown>(database.sqlite);
    caches.set(database, c);
  }
  return c as ItemPageCache<V>;
}
