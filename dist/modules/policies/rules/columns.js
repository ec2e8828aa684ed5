import { FIELDS, HISTORY_YEARS, YEARLY_FIELDS } from "./fields.js";
import { toDays } from "./dates.js";
const MISSING_ENUM = 255;
const ENUM_FIELDS = Object.entries(FIELDS).filter(([, d]) => d.type === "enum");
const NUMBER_FIELDS = ["capital", "employees", "revenue", "assets", "rdSpending"];
class Columns {
  /**
   * With `shared`, every column lives in a SharedArrayBuffer, so worker threads can read the same
   * memory (see parallel.ts) instead of receiving copies.
   */
  constructor(capacity, shared = false) {
    this.capacity = capacity;
    this.shared = shared;
    this.ids = this.alloc(Int32Array);
    for (const f of NUMBER_FIELDS) this.num[f] = this.alloc(Float64Array);
    for (const f of YEARLY_FIELDS) {
      this.hist[f] = [this.num[f]];
      for (let k = 1; k < HISTORY_YEARS; k++) this.hist[f].push(this.alloc(Float64Array).fill(Number.NaN));
    }
    this.registeredOn = this.alloc(Float64Array);
    for (const [name] of ENUM_FIELDS) this.enums[name] = this.alloc(Uint8Array);
    this.county = this.alloc(Uint16Array);
    this.industry = this.alloc(Uint16Array);
  }
  capacity;
  shared;
  n = 0;
  ids;
  num = {};
  /** Yearly history per field: [current, one year before, two years before]. */
  hist = {};
  registeredOn;
  enums = {};
  county;
  countyDict = [""];
  industry;
  industryDict = [""];
  qualFrom = /* @__PURE__ */ new Map();
  qualTo = /* @__PURE__ */ new Map();
  tags = /* @__PURE__ */ new Map();
  strings = { uscc: [], name: [] };
  countyIndex = /* @__PURE__ */ new Map();
  industryIndex = /* @__PURE__ */ new Map();
  alloc(Kind) {
    const bytes = this.capacity * Kind.BYTES_PER_ELEMENT;
    return new Kind(this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  }
  dictIndex(index, dict, code) {
    if (!code) return 0;
    let k = index.get(code);
    if (k === void 0) {
      k = dict.length;
      dict.push(code);
      index.set(code, k);
    }
    return k;
  }
  push(f) {
    const i = this.n++;
    this.ids[i] = f.id ?? i;
    for (const name of NUMBER_FIELDS) this.num[name][i] = f[name] ?? Number.NaN;
    for (const name of YEARLY_FIELDS) {
      const past = f.history[name] ?? [];
      for (let k = 1; k < HISTORY_YEARS; k++) this.hist[name][k][i] = past[k - 1] ?? Number.NaN;
    }
    this.registeredOn[i] = toDays(f.registeredOn);
    for (const [name, def] of ENUM_FIELDS) {
      const v = f[name];
      const k = v === null ? -1 : def.values.indexOf(v);
      this.enums[name][i] = k < 0 ? MISSING_ENUM : k;
    }
    this.county[i] = this.dictIndex(this.countyIndex, this.countyDict, f.countyCode);
    this.industry[i] = this.dictIndex(this.industryIndex, this.industryDict, f.industryCode);
    for (const q of f.qualifications) {
      let from = this.qualFrom.get(q.kind);
      let to = this.qualTo.get(q.kind);
      if (!from || !to) {
        from = this.alloc(Float64Array).fill(Number.NaN);
        to = this.alloc(Float64Array).fill(Number.NaN);
        this.qualFrom.set(q.kind, from);
        this.qualTo.set(q.kind, to);
      }
      const start = toDays(q.from);
      if (Number.isNaN(from[i]) || start > from[i]) {
        from[i] = start;
        to[i] = q.to ? toDays(q.to) : Number.POSITIVE_INFINITY;
      }
    }
    for (const t of f.tags) {
      let arr = this.tags.get(t);
      if (!arr) this.tags.set(t, arr = this.alloc(Uint8Array));
      arr[i] = 1;
    }
    this.strings.uscc[i] = f.uscc;
    this.strings.name[i] = f.name;
    return i;
  }
  static from(facts, shared = false) {
    const c = new Columns(Math.max(1, facts.length), shared);
    for (const f of facts) c.push(f);
    return c;
  }
  /**
   * What a worker thread needs to evaluate rules, as a structured-clonable object: the typed arrays
   * of shared columns travel as views of the same SharedArrayBuffers (nothing is copied); the
   * dictionaries are small. Names and USCCs stay behind, so rules naming them run in the main thread.
   */
  snapshot() {
    if (!this.shared) throw new Error("only shared columns can be handed to worker threads");
    const { n, capacity, ids, num, hist, registeredOn, enums, county, countyDict, industry, industryDict } = this;
    return { n, capacity, ids, num, hist, registeredOn, enums, county, countyDict, industry, industryDict, qualFrom: [...this.qualFrom], qualTo: [...this.qualTo], tags: [...this.tags] };
  }
  /** Columns over the shared memory of a snapshot (in a worker thread); read-only by convention. */
  static fromSnapshot(s) {
    const c = new Columns(0, false);
    Object.assign(c, { n: s.n, capacity: s.capacity, ids: s.ids, num: s.num, hist: s.hist, registeredOn: s.registeredOn, enums: s.enums, county: s.county, industry: s.industry });
    c.countyDict = s.countyDict;
    c.industryDict = s.industryDict;
    c.qualFrom = new Map(s.qualFrom);
    c.qualTo = new Map(s.qualTo);
    c.tags = new Map(s.tags);
    return c;
  }
}
export {
  Columns,
  MISSING_ENUM
};
//# sourceMappingURL=columns.js.map
