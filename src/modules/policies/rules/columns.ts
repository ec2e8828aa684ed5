import { FIELDS, HISTORY_YEARS, YEARLY_FIELDS } from './fields.js';
import { toDays } from '../../../common/dates.js';

/** What the rules see of one enterprise (registry row, qualifications, tags, yearly history). */
export interface EnterpriseFacts {
  id?: number;
  uscc: string;
  name: string;
  legalForm: string | null;
  registeredOn: string | null;
  capital: number | null;
  countyCode: string | null;
  industryCode: string | null;
  sizeClass: string | null;
  employees: number | null;
  revenue: number | null;
  assets: number | null;
  rdSpending: number | null;
  taxGrade: string | null;
  qualifications: { kind: string; from: string; to: string | null }[];
  tags: string[];
  /** Earlier years of the yearly fields: index 0 = one year before the current figures. */
  history: Partial<Record<'employees' | 'revenue' | 'assets' | 'rdSpending', (number | null)[]>>;
}

export const MISSING_ENUM = 255;
const ENUM_FIELDS = Object.entries(FIELDS).filter(([, d]) => d.type === 'enum');
const NUMBER_FIELDS = ['capital', 'employees', 'revenue', 'assets', 'rdSpending'] as const;

/**
 * Enterprises as typed arrays, one per field (as OpenFisca holds an entity's variables): rules
 * compile to loops over these arrays. Missing numbers and dates are NaN, so every comparison with
 * them is false; enums are indexes into the field's value list; county and industry are indexes
 * into a dictionary of the codes present.
 */
export class Columns {
  n = 0;
  ids: Int32Array;
  num: Record<string, Float64Array> = {};
  /** Yearly history per field: [current, one year before, two years before]. */
  hist: Record<string, Float64Array[]> = {};
  registeredOn: Float64Array;
  enums: Record<string, Uint8Array> = {};
  county: Uint16Array;
  countyDict: string[] = [''];
  industry: Uint16Array;
  industryDict: string[] = [''];
  qualFrom = new Map<string, Float64Array>();
  qualTo = new Map<string, Float64Array>();
  tags = new Map<string, Uint8Array>();
  /**
   * When set, only these tags get a column: a registry carries many tags no rule names, and each
   * column is a byte per enterprise (a million enterprises × hundreds of tags would be gigabytes).
   */
  onlyTags: ReadonlySet<string> | undefined;
  strings: { uscc: string[]; name: string[] } = { uscc: [], name: [] };
  private countyIndex = new Map<string, number>();
  private industryIndex = new Map<string, number>();

  /**
   * With `shared`, every column lives in a SharedArrayBuffer, so worker threads can read the same
   * memory (see parallel.ts) instead of receiving copies.
   */
  constructor(
    readonly capacity: number,
    readonly shared = false,
  ) {
    this.ids = this.alloc(Int32Array);
    for (const f of NUMBER_FIELDS) this.num[f] = this.alloc(Float64Array);
    for (const f of YEARLY_FIELDS) {
      this.hist[f] = [this.num[f]!];
      for (let k = 1; k < HISTORY_YEARS; k++) this.hist[f]!.push(this.alloc(Float64Array).fill(Number.NaN));
    }
    this.registeredOn = this.alloc(Float64Array);
    for (const [name] of ENUM_FIELDS) this.enums[name] = this.alloc(Uint8Array);
    this.county = this.alloc(Uint16Array);
    this.industry = this.alloc(Uint16Array);
  }

  private alloc<A extends Int32Array | Float64Array | Uint8Array | Uint16Array>(Kind: {
    new (b: ArrayBufferLike): A;
    BYTES_PER_ELEMENT: number;
  }): A {
    const bytes = this.capacity * Kind.BYTES_PER_ELEMENT;
    return new Kind(this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  }

  private dictIndex(index: Map<string, number>, dict: string[], code: string | null): number {
    if (!code) return 0;
    let k = index.get(code);
    if (k === undefined) {
      k = dict.length;
      dict.push(code);
      index.set(code, k);
    }
    return k;
  }

  push(f: EnterpriseFacts): number {
    const i = this.n++;
    this.ids[i] = f.id ?? i;
    for (const name of NUMBER_FIELDS) this.num[name]![i] = f[name] ?? Number.NaN;
    for (const name of YEARLY_FIELDS) {
      const past = f.history[name as keyof EnterpriseFacts['history']] ?? [];
      for (let k = 1; k < HISTORY_YEARS; k++) this.hist[name]![k]![i] = past[k - 1] ?? Number.NaN;
    }
    this.registeredOn[i] = toDays(f.registeredOn);
    for (const [name, def] of ENUM_FIELDS) {
      const v = f[name as 'legalForm' | 'sizeClass' | 'taxGrade'];
      const k = v === null ? -1 : def.values!.indexOf(v);
      this.enums[name]![i] = k < 0 ? MISSING_ENUM : k;
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
      // One period per kind is kept: the one that starts last (certificates are renewed, not overlapped).
      const start = toDays(q.from);
      if (Number.isNaN(from[i]!) || start > from[i]!) {
        from[i] = start;
        to[i] = q.to ? toDays(q.to) : Number.POSITIVE_INFINITY;
      }
    }
    for (const t of f.tags) {
      if (this.onlyTags && !this.onlyTags.has(t)) continue;
      let arr = this.tags.get(t);
      if (!arr) this.tags.set(t, (arr = this.alloc(Uint8Array)));
      arr[i] = 1;
    }
    this.strings.uscc[i] = f.uscc;
    this.strings.name[i] = f.name;
    return i;
  }

  static from(facts: EnterpriseFacts[], shared = false): Columns {
    const c = new Columns(Math.max(1, facts.length), shared);
    for (const f of facts) c.push(f);
    return c;
  }

  /**
   * What a worker thread needs to evaluate rules, as a structured-clonable object: the typed arrays
   * of shared columns travel as views of the same SharedArrayBuffers (nothing is copied); the
   * dictionaries are small. Names and USCCs stay behind, so rules naming them run in the main thread.
   */
  snapshot(): ColumnsSnapshot {
    if (!this.shared) throw new Error('only shared columns can be handed to worker threads');
    const { n, capacity, ids, num, hist, registeredOn, enums, county, countyDict, industry, industryDict } = this;
    return {
      n,
      capacity,
      ids,
      num,
      hist,
      registeredOn,
      enums,
      county,
      countyDict,
      industry,
      industryDict,
      qualFrom: [...this.qualFrom],
      qualTo: [...this.qualTo],
      tags: [...this.tags],
    };
  }

  /** Columns over the shared memory of a snapshot (in a worker thread); read-only by convention. */
  static fromSnapshot(s: ColumnsSnapshot): Columns {
    const c = new Columns(0, false);
    Object.assign(c, {
      n: s.n,
      capacity: s.capacity,
      ids: s.ids,
      num: s.num,
      hist: s.hist,
      registeredOn: s.registeredOn,
      enums: s.enums,
      county: s.county,
      industry: s.industry,
    });
    c.countyDict = s.countyDict;
    c.industryDict = s.industryDict;
    c.qualFrom = new Map(s.qualFrom);
    c.qualTo = new Map(s.qualTo);
    c.tags = new Map(s.tags);
    return c;
  }
}

export interface ColumnsSnapshot {
  n: number;
  capacity: number;
  ids: Int32Array;
  num: Record<string, Float64Array>;
  hist: Record<string, Float64Array[]>;
  registeredOn: Float64Array;
  enums: Record<string, Uint8Array>;
  county: Uint16Array;
  countyDict: string[];
  industry: Uint16Array;
  industryDict: string[];
  qualFrom: [string, Float64Array][];
  qualTo: [string, Float64Array][];
  tags: [string, Uint8Array][];
}
