import type { AppContext } from '../../context.js';
import { type StampedCache, cacheFor, counterStamp } from '../../db/change-stamp.js';
import type { Database } from '../../db/database.js';

const caches = new WeakMap<Database, StampedCache<string, Promise<unknown>>>();
/** The last loaded answer per key and the stamp it was loaded at. */
const lastLoaded = new WeakMap<Database, Map<string, { stamp: string; value: Promise<unknown> }>>();
const settled = new WeakSet<Promise<unknown>>();

/**
 * A read of the desk's data (figures, list counts, names) kept while the `demands` change stamp
 * stays the same: every write to tickets, ratings or subjects moves it at once, in any server
 * process on SQLite (trigger-kept counter), in this process on PostgreSQL (see src/db/change-stamp.ts).
 * The promise is kept, so callers arriving while it loads share one query instead of each running it.
 *
 * On PostgreSQL an entry is also reloaded after STALE_MS, for other processes' writes; while that
 * reload runs, callers get the answer loaded at the same stamp (at most that much older), so a
 * year's aggregation is not waited for every few seconds. A moved stamp is always waited for.
 */
export function whileUnchanged<T>(
  ctx: AppContext,
  key: string,
  load: () => Promise<T>,
  /** Cache only where every process's write moves the stamp (SQLite): for reads that must show any write at once. */
  opts: {
    exactOnly?: boolean;
    /** `demand_settings`: subjects, routing, deadlines and names only, which the tickets' own writes do not move. */
    counter?: 'demands' | 'demand_settings';
  } = {},
): Promise<T> {
  const stamp = counterStamp(ctx.database, opts.counter ?? 'demands');
  if (opts.exactOnly && !stamp.exact) return load();
  const cache = cacheFor(caches, ctx.database, 500);
  let last = lastLoaded.get(ctx.database);
  if (!last) lastLoaded.set(ctx.database, (last = new Map()));
  const previous = last.get(key);
  const aged = !stamp.exact && previous?.stamp === stamp.value ? (previous.value as Promise<T>) : undefined;
  const hit = cache.get(key, stamp) as Promise<T> | undefined;
  if (hit) return aged && !settled.has(hit) ? aged : hit;
  const value = load();
  cache.set(key, value, stamp);
  value.then(
    () => {
      settled.add(value);
      if (last.size >= 500) last.clear();
      last.set(key, { stamp: stamp.value, value });
    },
    () => {
      if (cache.get(key, stamp) === value) cache.delete(key);
    },
  );
  return aged ?? value;
}
