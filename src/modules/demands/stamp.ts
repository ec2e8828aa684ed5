import type { AppContext } from '../../context.js';
import { type StampedCache, cacheFor, counterStamp } from '../../db/change-stamp.js';
import type { Database } from '../../db/database.js';

const caches = new WeakMap<Database, StampedCache<string, Promise<unknown>>>();

/**
 * A read of the desk's data (figures, list counts, names) kept while the `demands` change stamp
 * stays the same: every write to tickets, ratings or subjects moves it at once, in any server
 * process on SQLite (trigger-kept counter), in this process on PostgreSQL (other processes' writes
 * after at most STALE_MS; see src/db/change-stamp.ts). The promise is kept, so callers arriving
 * while it loads share one query instead of each running it.
 */
export function whileUnchanged<T>(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
  const stamp = counterStamp(ctx.database, 'demands');
  const cache = cacheFor(caches, ctx.database, 500);
  const hit = cache.get(key, stamp);
  if (hit) return hit as Promise<T>;
  const value = load();
  cache.set(key, value, stamp);
  value.catch(() => {
    if (cache.get(key, stamp) === value) cache.delete(key);
  });
  return value;
}
