import { countyLabel, resolveCounty } from '../counties.js';
import { checkIndustryCode, industryName, industryUnder } from '../industry.js';
import type { CmpOp, Expr, Literal } from './ast.js';
import { type Resolved, conjuncts } from './check.js';
import { type Columns, MISSING_ENUM } from './columns.js';
import { addDuration } from '../../../common/dates.js';
import { type Bilingual, FIELD_WORDS, describeCondition, formatValue, isActionable, withinRange } from './describe.js';
import { FIELDS } from './fields.js';
import { foldConstant } from './walk.js';
import {
  ConstStage,
  FlagStage,
  MaskStage,
  PredStage,
  RangeStage,
  RatioStage,
  type Stage,
  TableStage,
  ValidOnStage,
  runStages,
} from './stages.js';

/*
 * Rules compile to JavaScript source over the typed arrays of `Columns` — one tight loop per rule,
 * conditions joined with && and || so a row stops at its first failing condition. Like OpenFisca's
 * vectorised formulas the work is per column, but instead of materialising one mask per condition
 * (1 M bytes written and read per condition) each row is decided in registers, and set tests
 * (industry under a section, county in a set) become one typed-array lookup.
 */

export interface ExplainNode {
  kind: 'and' | 'or' | 'not' | 'ref' | 'cond';
  pass: boolean;
  /** The condition as written in the rule (for staff; never shown to the enterprise). */
  text: string;
  line: number;
  column: number;
  /** The condition in plain words ("注册地在新城区"). */
  sentence: Bilingual;
  /** Whether the enterprise can change the outcome itself (figures, qualifications). */
  actionable: boolean;
  /** For a single condition: the field, the enterprise's value, and what the rule asks. */
  label?: Bilingual;
  actual?: Bilingual;
  expected?: Bilingual;
  children?: ExplainNode[];
}

/** Per-row outcome written by `classify`. */
export const NO_MATCH = 0;
export const MATCHED = 1;
/** Fails exactly one top-level condition: a near miss the enterprise may be told about. */
export const NEAR_MISS = 2;

export interface CompiledRule {
  /** Writes the indexes of the rows in [start, end) that match into `out` (from out[0]); returns how many. */
  matchAll(out: Int32Array, start?: number, end?: number): number;
  /**
   * Writes MATCHED or NEAR_MISS into status[i] for the rows i in [start, end) that match or fail
   * exactly one top-level condition (others are left untouched); returns the number of matches.
   */
  classify(status: Uint8Array, start?: number, end?: number): number;
  test(i: number): boolean;
  /** How many top-level conditions row i fails, stopping at `limit`. */
  failures(i: number, limit: number): number;
  explain(i: number): ExplainNode;
}

type Fn = (i: number) => boolean;

/** A lookup table over a dictionary: 1 where the dictionary entry is one of the wanted values. */
function lookupTable(dict: string[], accept: (code: string) => boolean): Uint8Array {
  const t = new Uint8Array(dict.length);
  dict.forEach((code, k) => (t[k] = code && accept(code) ? 1 : 0));
  return t;
}

function enumMask(values: readonly string[], wanted: string[]): number {
  return wanted.reduce((m, s) => m | (1 << values.indexOf(s)), 0);
}

function countyTable(cols: Columns, names: string[]): Uint8Array {
  const codes = new Set(names.map((s) => resolveCounty(s)));
  return lookupTable(cols.countyDict, (c) => codes.has(c));
}

function industryTable(cols: Columns, codes: string[]): Uint8Array {
  const prefixes = codes.map((s) => (checkIndustryCode(s, { names: true }) as { code: string }).code);
  return lookupTable(cols.industryDict, (c) => prefixes.some((p) => industryUnder(c, p)));
}

class Gen {
  decls: string[] = [];
  consts: unknown[] = [];
  private names = new Map<unknown, string>();
  constructor(
    readonly cols: Columns,
    readonly today: number,
  ) {}

  /** A local variable holding `value` (a column or a lookup table), declared once. */
  ref(value: unknown): string {
    let name = this.names.get(value);
    if (!name) {
      name = `v${this.consts.length}`;
      this.consts.push(value);
      this.decls.push(`const ${name} = K[${this.consts.length - 1}];`);
      this.names.set(value, name);
    }
    return name;
  }

  fold(e: Expr): number | undefined {
    return foldConstant(e, this.today);
  }

  /** JS source for a numeric (or date-as-days, enum index, dictionary index) value of row i. */
  value(e: Expr): string {
    const k = this.fold(e);
    if (k !== undefined) return Number.isFinite(k) ? String(k) : k > 0 ? 'Infinity' : k < 0 ? '-Infinity' : 'NaN';
    switch (e.type) {
      case 'field': {
        const def = FIELDS[e.name]!;
        if (e.name === 'registeredOn') return `${this.ref(this.cols.registeredOn)}[i]`;
        if (def.type === 'enum') return `${this.ref(this.cols.enums[e.name])}[i]`;
        if (def.type === 'county') return `${this.ref(this.cols.county)}[i]`;
        if (def.type === 'industry') return `${this.ref(this.cols.industry)}[i]`;
        if (def.type === 'string') return `${this.ref(this.cols.strings[e.name as 'uscc' | 'name'])}[i]`;
        return `${this.ref(this.cols.num[e.name])}[i]`;
      }
      case 'neg':
        return `(-${this.value(e.expr)})`;
      case 'arith':
        return `(${this.value(e.left)} ${e.op} ${this.value(e.right)})`;
      case 'call': {
        const field = (e.args[0] as { name: string }).name;
        const h = this.cols.hist[field]!.map((a) => `${this.ref(a)}[i]`);
        const n = e.args[1]?.type === 'num' ? e.args[1].value : 1;
        if (e.name === 'growth') return n === 1 ? `(${h[0]} / ${h[1]} - 1)` : `(Math.pow(${h[0]} / ${h[n]}, ${1 / n}) - 1)`;
        if (e.name === 'avg') return `((${h.slice(0, n).join(' + ')}) / ${n})`;
        return h[n]!; // prev
      }
      default:
        throw new Error(`not a value: ${e.type}`);
    }
  }

  /** JS source testing whether row i's categorical value is one of `list`. */
  member(e: Expr, list: Literal[]): string {
    const v = this.value(e);
    const def = e.type === 'field' ? FIELDS[e.name]! : { type: 'number' as const, values: undefined };
    const strs = list.map((l) => String(l.value));
    if (def.type === 'enum') return `((${enumMask(def.values!, strs)} >>> ${v}) & 1) === 1`;
    if (def.type === 'county') return `${this.ref(countyTable(this.cols, strs))}[${v}] === 1`;
    if (def.type === 'industry') return `${this.ref(industryTable(this.cols, strs))}[${v}] === 1`;
    if (def.type === 'string') return `${this.ref(new Set(strs))}.has(${v})`;
    return `(${list.map((l) => `${v} === ${Number(l.value)}`).join(' || ')})`;
  }

  cond(c: Resolved): string {
    switch (c.type) {
      case 'and':
      case 'or':
        return `(${c.items.map((x) => this.cond(x)).join(c.type === 'and' ? ' && ' : ' || ')})`;
      case 'not':
        return `!${this.cond(c.item)}`;
      case 'ref':
        return this.cond(c.body);
      case 'cmp': {
        if (c.left.type === 'field' && FIELDS[c.left.name]!.type !== 'number' && FIELDS[c.left.name]!.type !== 'date') {
          const eq = this.member(c.left, [c.right as Literal]);
          const type = FIELDS[c.left.name]!.type;
          const present = `${this.value(c.left)} !== ${type === 'enum' ? MISSING_ENUM : type === 'string' ? 'undefined' : 0}`;
          return c.op === '==' ? `(${eq})` : `(!(${eq}) && ${present})`;
        }
        const l = this.value(c.left);
        const r = this.value(c.right);
        if (c.op === '==') return `(${l} === ${r})`;
        // A missing value (NaN) is not "different from" anything: it fails like every other test.
        if (c.op === '!=') return `(${l} !== ${r} && ${l} === ${l})`;
        return `(${l} ${c.op} ${r})`;
      }
      case 'between': {
        const v = this.value(c.value);
        return `(${v} >= ${this.value(c.low)} && ${v} <= ${this.value(c.high)})`;
      }
      case 'within': {
        const v = this.value(c.value);
        return `(${v} >= ${addDuration(this.today, -c.amount, c.unit)} && ${v} <= ${this.today})`;
      }
      case 'in': {
        const m = this.member(c.value, c.list);
        return c.negated ? `!(${m})` : `(${m})`;
      }
      case 'under':
        return `(${this.member(c.value, c.list)})`;
      case 'test': {
        const e = c.expr as Extract<Expr, { type: 'call' }>;
        const arg = (e.args[0] as { value: string }).value;
        if (e.name === 'tag') {
          const t = this.cols.tags.get(arg);
          return t ? `(${this.ref(t)}[i] === 1)` : 'false';
        }
        const from = this.cols.qualFrom.get(arg);
        const to = this.cols.qualTo.get(arg);
        if (!from || !to) return 'false';
        const d = e.args[1] ? this.fold(e.args[1])! : this.today;
        return `(${this.ref(from)}[i] <= ${d} && ${d} <= ${this.ref(to)}[i])`;
      }
    }
  }

  /**
   * Conditions have no side effects, so an AND may test its most selective condition first (and an
   * OR its most frequently true one): most rows then leave at the first test, on a well-predicted
   * branch. Pass rates are measured on an evenly spaced sample of rows, as a query planner would.
   */
  ordered(items: Resolved[], kind: 'and' | 'or'): Resolved[] {
    if (items.length < 2 || this.cols.n < 64) return items;
    const step = Math.max(1, Math.floor(this.cols.n / 1024));
    const rate = new Map<Resolved, number>();
    for (const item of items) {
      const f = this.fn(item);
      let pass = 0;
      for (let i = 0; i < this.cols.n; i += step) if (f(i)) pass++;
      rate.set(item, pass);
    }
    return [...items].sort((a, b) => (kind === 'and' ? rate.get(a)! - rate.get(b)! : rate.get(b)! - rate.get(a)!));
  }

  build<R>(body: string): R {
    return new Function('K', `${this.decls.join('\n')}\n${body}`)(this.consts) as R;
  }

  private fns = new WeakMap<object, Fn>();
  private values = new WeakMap<object, (i: number) => number>();

  /** A function testing one condition (compiled once per node). */
  fn(c: Resolved): Fn {
    let f = this.fns.get(c);
    if (!f) {
      const g = new Gen(this.cols, this.today);
      const expr = g.cond(c);
      f = g.build<Fn>(`return function (i) { return ${expr}; };`);
      this.fns.set(c, f);
    }
    return f;
  }

  /** A function giving one expression's value (compiled once per node). */
  valueFn(e: Expr): (i: number) => number {
    let f = this.values.get(e);
    if (!f) {
      const g = new Gen(this.cols, this.today);
      f = g.build<(i: number) => number>(`return function (i) { return ${g.value(e)}; };`);
      this.values.set(e, f);
    }
    return f;
  }
}

/**
 * The rule with the items of every AND / OR in the order the bulk loops test them (see
 * Gen.ordered). The order changes no outcome, only how fast rows are decided; it depends on the
 * columns' data only, so a worker thread may receive a rule already ordered by the main thread.
 */
export function orderedForScan(rule: Resolved, cols: Columns, today: number): Resolved {
  return orderWith(new Gen(cols, today), rule);
}

function orderWith(g: Gen, rule: Resolved): Resolved {
  const go = (c: Resolved): Resolved => {
    if (c.type === 'and' || c.type === 'or') return { ...c, items: g.ordered(c.items, c.type).map(go) };
    if (c.type === 'not') return { ...c, item: go(c.item) };
    if (c.type === 'ref') return { ...c, body: go(c.body) };
    return c;
  };
  return go(rule);
}

export interface CompileOptions {
  /** False when the rule's conditions are already in scan order (orderedForScan). */
  reorder?: boolean;
}

/** Compiles a checked rule against a set of columns, with `today` (days since epoch) fixed. */
export function compileRule(rule: Resolved, cols: Columns, today: number, text = '', opts: CompileOptions = {}): CompiledRule {
  const g = new Gen(cols, today);
  const scan = opts.reorder === false ? rule : orderWith(g, rule);
  let stages: Stage[] | undefined;
  let classify: ((start: number, end: number, status: Uint8Array) => number) | undefined;
  // The single-row functions serve explanations and near misses; bulk matching never needs them.
  let parts: Fn[] | undefined;
  return {
    matchAll: (out, start = 0, end = cols.n) => runStages((stages ??= stagesOf(g, scan)), out, start, end),
    classify(status, start = 0, end = cols.n) {
      classify ??= buildClassify(g, scan, g.cond(scan));
      return classify(start, end, status);
    },
    test: (i) => g.fn(rule)(i),
    failures(i, limit) {
      parts ??= conjuncts(rule).map((c) => g.fn(c));
      let f = 0;
      for (const p of parts) if (!p(i) && ++f >= limit) break;
      return f;
    },
    explain: (i) => explainNode(g, rule, text, i),
  };
}

const STEP = new Float64Array(1);
const STEP_BITS = new BigInt64Array(STEP.buffer);

/** The next double above (or below) a finite x: `v > x` is `v >= nextDouble(x, true)`, exactly. */
function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  STEP[0] = x;
  STEP_BITS[0] = STEP_BITS[0]! + (x > 0 === up ? 1n : -1n);
  return STEP[0]!;
}

/** The column, or the two columns of a ratio or growth rate, a filter reads for a value; undefined if it is none of these. */
function columnsOf(g: Gen, e: Expr): { a: Float64Array; b?: Float64Array; offset: number } | undefined {
  const column = (x: Expr) => {
    if (x.type !== 'field') return undefined;
    const type = FIELDS[x.name]!.type;
    if (type === 'date') return x.name === 'registeredOn' ? g.cols.registeredOn : undefined;
    return type === 'number' ? g.cols.num[x.name] : undefined;
  };
  if (e.type === 'field') {
    const a = column(e);
    return a && { a, offset: 0 };
  }
  if (e.type === 'arith' && e.op === '/') {
    const a = column(e.left);
    const b = column(e.right);
    return a && b && { a, b, offset: 0 };
  }
  const years = e.type === 'call' ? e.args[1] : undefined;
  if (e.type === 'call' && e.name === 'growth' && (years === undefined || (years.type === 'num' && years.value === 1))) {
    const h = g.cols.hist[(e.args[0] as { name: string }).name];
    return h && { a: h[0]!, b: h[1]!, offset: 1 };
  }
  return undefined;
}

function rangeStage(g: Gen, value: Expr, lo: number | undefined, hi: number | undefined): Stage | undefined {
  const c = columnsOf(g, value);
  if (!c || lo === undefined || hi === undefined || Number.isNaN(lo) || Number.isNaN(hi)) return undefined;
  return c.b ? new RatioStage(c.a, c.b, c.offset, lo, hi) : new RangeStage(c.a, lo, hi);
}

const FLIPPED: Record<CmpOp, CmpOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** `value op k` as lo ≤ value ≤ hi, for a finite constant k (NaN, infinities and != stay with the predicate). */
function cmpStage(g: Gen, value: Expr, op: CmpOp, k: number | undefined): Stage | undefined {
  if (k === undefined || !Number.isFinite(k) || op === '!=') return undefined;
  const bounds: Record<Exclude<CmpOp, '!='>, [number, number]> = {
    '>=': [k, Infinity],
    '>': [nextDouble(k, true), Infinity],
    '<=': [-Infinity, k],
    '<': [-Infinity, nextDouble(k, false)],
    '==': [k, k],
  };
  const [lo, hi] = bounds[op];
  return rangeStage(g, value, lo, hi);
}

/**
 * The filters of a rule (stages.ts), in scan order: one per item of its top-level AND (and of the
 * ANDs of the rules it refers to); each keeps exactly the rows Gen.cond's expression accepts.
 */
function stagesOf(g: Gen, c: Resolved): Stage[] {
  if (c.type === 'and') return c.items.flatMap((x) => stagesOf(g, x));
  if (c.type === 'ref') return stagesOf(g, c.body);
  return [stageOf(g, c) ?? new PredStage(g.fn(c))];
}

function stageOf(g: Gen, c: Resolved): Stage | undefined {
  switch (c.type) {
    case 'cmp': {
      // Enum, county, industry and string comparisons are left to the predicate (columnsOf refuses them).
      const right = g.fold(c.right);
      return right !== undefined ? cmpStage(g, c.left, c.op, right) : cmpStage(g, c.right, FLIPPED[c.op], g.fold(c.left));
    }
    case 'between':
      return rangeStage(g, c.value, g.fold(c.low), g.fold(c.high));
    case 'within':
      return rangeStage(g, c.value, addDuration(g.today, -c.amount, c.unit), g.today);
    case 'in':
    case 'under': {
      if (c.value.type !== 'field') return undefined;
      const def = FIELDS[c.value.name]!;
      const strs = c.list.map((l) => String(l.value));
      const want = c.type === 'in' && c.negated ? 0 : 1;
      if (def.type === 'enum') return new MaskStage(g.cols.enums[c.value.name]!, enumMask(def.values!, strs), want);
      if (def.type === 'county') return new TableStage(g.cols.county, countyTable(g.cols, strs), want);
      if (def.type === 'industry') return new TableStage(g.cols.industry, industryTable(g.cols, strs), want);
      return undefined;
    }
    case 'test':
    case 'not': {
      const item = c.type === 'not' ? c.item : c;
      if (item.type !== 'test') return undefined;
      const e = item.expr as Extract<Expr, { type: 'call' }>;
      const arg = (e.args[0] as { value: string }).value;
      if (e.name === 'tag') {
        const t = g.cols.tags.get(arg);
        return t ? new FlagStage(t, c.type === 'not' ? 0 : 1) : new ConstStage(c.type === 'not');
      }
      if (c.type === 'not') return undefined;
      const from = g.cols.qualFrom.get(arg);
      const to = g.cols.qualTo.get(arg);
      return from && to ? new ValidOnStage(from, to, e.args[1] ? g.fold(e.args[1])! : g.today) : new ConstStage(false);
    }
    default:
      return undefined;
  }
}

/**
 * One loop deciding, per row, match / near miss / neither: the whole rule first (most rows leave
 * there), then the top-level conditions counted until a second one fails.
 */
function buildClassify(g: Gen, rule: Resolved, whole: string): (start: number, end: number, status: Uint8Array) => number {
  const parts = conjuncts(rule).map((c) => g.cond(c));
  const counting = parts.map((p) => `if (!${p} && ++f > 1) continue;`).join(' ');
  return g.build(
    `return function (start, end, st) { let m = 0; for (let i = start; i < end; i++) { if (${whole}) { ` +
      `st[i] = ${MATCHED}; m++; continue; } let f = 0; ${counting} if (f === 1) st[i] = ${NEAR_MISS}; } return m; };`,
  );
}

const NO_DATA: Bilingual = { zh: '无数据', en: 'no data' };

/** The enterprise's value of an expression, as a clerk reads it, in the unit the sentence uses. */
function display(g: Gen, e: Expr, i: number): Bilingual {
  if (e.type === 'field') {
    const def = FIELDS[e.name]!;
    if (def.type === 'date') return formatValue(g.cols.registeredOn[i]!, 'date');
    if (def.type === 'enum') {
      const k = g.cols.enums[e.name]![i]!;
      return k === MISSING_ENUM ? NO_DATA : { zh: def.values![k]!, en: def.values![k]! };
    }
    if (def.type === 'county') {
      const code = g.cols.countyDict[g.cols.county[i]!];
      return code ? { zh: countyLabel(code), en: countyLabel(code) } : NO_DATA;
    }
    if (def.type === 'industry') {
      const code = g.cols.industryDict[g.cols.industry[i]!];
      const name = code ? industryName(code) : undefined;
      return code ? { zh: name ?? code, en: name ? `${name} (${code})` : code } : NO_DATA;
    }
    if (def.type === 'string') {
      const v = g.cols.strings[e.name as 'uscc' | 'name'][i] ?? '';
      return { zh: v, en: v };
    }
  }
  const v = g.valueFn(e)(i);
  if (!Number.isFinite(v)) return NO_DATA;
  const unit =
    e.type === 'field'
      ? FIELD_WORDS[e.name]!.unit
      : (e.type === 'call' && e.name === 'growth') || (e.type === 'arith' && e.op === '/')
        ? 'percent'
        : e.type === 'call'
          ? FIELD_WORDS[(e.args[0] as { name: string }).name]!.unit
          : 'none';
  return formatValue(v, unit);
}

function explainNode(g: Gen, c: Resolved, text: string, i: number): ExplainNode {
  const src = text.slice(c.loc.start, c.loc.end);
  const base = { text: src, line: c.loc.line, column: c.loc.column, sentence: describeCondition(c, g.today), actionable: isActionable(c) };
  if (c.type === 'and' || c.type === 'or') {
    const children = c.items.map((x) => explainNode(g, x, text, i));
    return { kind: c.type, pass: c.type === 'and' ? children.every((x) => x.pass) : children.some((x) => x.pass), ...base, children };
  }
  if (c.type === 'not') {
    const child = explainNode(g, c.item, text, i);
    return { kind: 'not', pass: !child.pass, ...base, children: [child] };
  }
  if (c.type === 'ref') {
    const child = explainNode(g, c.body, c.text, i);
    return { kind: 'ref', pass: child.pass, ...base, label: { zh: `引用规则 ${c.code}`, en: `rule ${c.code}` }, children: [child] };
  }
  return explainLeaf(g, c as Leaf, i, base);
}

type Leaf = Extract<Resolved, { type: 'cmp' | 'between' | 'in' | 'under' | 'within' | 'test' }>;
type Base = Pick<ExplainNode, 'text' | 'line' | 'column' | 'sentence' | 'actionable'>;

function explainLeaf(g: Gen, c: Leaf, i: number, base: Base): ExplainNode {
  const pass = g.fn(c)(i);
  const leaf = { kind: 'cond' as const, pass, ...base };
  const subject = c.type === 'cmp' ? c.left : c.type === 'test' ? c.expr : c.value;
  if (c.type === 'test') {
    const e = c.expr as Extract<Expr, { type: 'call' }>;
    const arg = (e.args[0] as { value: string }).value;
    if (e.name === 'tag') {
      const has = g.cols.tags.get(arg)?.[i] ? { zh: '有', en: 'yes' } : { zh: '无', en: 'no' };
      return { ...leaf, label: { zh: `标签“${arg}”`, en: `mark “${arg}”` }, actual: has, expected: { zh: '有', en: 'yes' } };
    }
    const from = g.cols.qualFrom.get(arg)?.[i] ?? Number.NaN;
    const to = g.cols.qualTo.get(arg)?.[i] ?? Number.NaN;
    const d = e.args[1] ? g.fold(e.args[1])! : g.today;
    const f = formatValue(from, 'date');
    const t = Number.isFinite(to) ? formatValue(to, 'date') : { zh: '长期', en: 'no end date' };
    const held = Number.isNaN(from) ? { zh: '未持有', en: 'not held' } : { zh: `${f.zh}至${t.zh}`, en: `${f.en} to ${t.en}` };
    const on = formatValue(d, 'date');
    const label = { zh: `资质“${arg}”`, en: `qualification “${arg}”` };
    return { ...leaf, label, actual: held, expected: { zh: `${on.zh}有效`, en: `valid on ${on.en}` } };
  }
  const words = subject.type === 'field' ? FIELD_WORDS[subject.name]! : base.sentence;
  const label = { zh: words.zh, en: words.en };
  const expected = c.type === 'within' ? withinRange(g.today, c.amount, c.unit) : base.sentence;
  return { ...leaf, label, actual: display(g, subject, i), expected };
}

/** Compiles a checked payout formula to a function of the row. */
export function compileFormula(expr: Expr, cols: Columns, today: number): (i: number) => number {
  const g = new Gen(cols, today);
  return g.build<(i: number) => number>(`return function (i) { return ${g.value(expr)}; };`);
}
