const STALE_MS = 2e3;
let localWrites = 0;
function noteLocalWrite() {
  localWrites++;
}
class WriteCounterPlugin {
  #writes = /* @__PURE__ */ new WeakSet();
  transformQuery(args) {
    if (args.node.kind !== "SelectQueryNode") this.#writes.add(args.queryId);
    return args.node;
  }
  async transformResult(args) {
    if (this.#writes.has(args.queryId)) noteLocalWrite();
    return args.result;
  }
}
const stampStatements = /* @__PURE__ */ new WeakMap();
function changeStamp(database) {
  const sqlite = database.sqlite;
  if (!sqlite) return { value: String(localWrites), exact: false };
  let stmt = stampStatements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare("select (select data_version from pragma_data_version) as v, total_changes() as c").raw();
    stampStatements.set(sqlite, stmt);
  }
  const [v, c] = stmt.get();
  return { value: `${v}:${c}:${localWrites}`, exact: true };
}
class StampedCache {
  constructor(maxEntries = 1e4) {
    this.maxEntries = maxEntries;
  }
  maxEntries;
  entries = /* @__PURE__ */ new Map();
  get(key, stamp) {
    const e = this.entries.get(key);
    if (!e) return void 0;
    if (e.stamp !== stamp.value || !stamp.exact && Date.now() - e.loadedAt > STALE_MS) {
      this.entries.delete(key);
      return void 0;
    }
    return e.value;
  }
  set(key, value, stamp) {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, stamp: stamp.value, loadedAt: Date.now() });
  }
  delete(key) {
    this.entries.delete(key);
  }
  clear() {
    this.entries.clear();
  }
}
function cacheFor(registry, database, maxEntries) {
  let c = registry.get(database);
  if (!c) {
    c = new StampedCache(maxEntries);
    registry.set(database, c);
  }
  return c;
}
export {
  STALE_MS,
  StampedCache,
  WriteCounterPlugin,
  cacheFor,
  changeStamp,
  noteLocalWrite
};
//# sourceMappingURL=change-stamp.js.map
