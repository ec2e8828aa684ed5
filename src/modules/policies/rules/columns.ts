import { FIELDS, HISTORY_YEARS, YEARLY_FIELDS } from './fields.js';
import { toDays } from './dates.js';

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
  strings: { uscc: string[]; name: string[] } = { uscc: [], name: [] };
  private countyIndex = new Map<string, number>();
  private industryIndex = new Map<string, number>();

  constructor(readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    for (const f of NUMBER_FIELDS) this.num[f] = new Float64Array(capacity);
    for (const f of YEARLY_FIELDS) {
      this.hist[f] = [this.num[f]!];
      for (let k = 1; k < HISTORY_YEARS; k++) this.hist[f]!.push(new Float64Array(capacity).fill(Number.NaN));
    }
    this.registeredOn = new Float64Array(capacity);
    for (const [name] of ENUM_FIELDS) this.enums[name] = new Uint8Array(capacity);
    this.county = new Uint16Array(capacity);
    this.industry = new Uint16Array(capacity);
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
        from = new Float64Array(this.capacity).fill(Number.NaN);
        to = new Float64Array(this.capacity).fill(Number.NaN);
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
      let arr = this.tags.get(t);
      if (!arr) this.tags.set(t, (arr = new Uint8Array(this.capacity)));
      arr[i] = 1;
    }
    this.strings.uscc[i] = f.uscc;
    this.strings.name[i] = f.name;
    return i;
  }

  static from(facts: EnterpriseFacts[]): Columns {
    const c = new Columns(Math.max(1, facts.length));
    for (const f of facts) c.push(f);
    return c;
  }
}
