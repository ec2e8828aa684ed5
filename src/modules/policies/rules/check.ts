import { checkIndustryCode } from '../industry.js';
import { resolveCounty } from '../counties.js';
import type { Cond, CmpOp, Expr, Literal, Loc, RuleProblem } from './ast.js';
import { addDuration, isValidDate } from '../../../common/dates.js';
import { FIELDS, QUALIFICATIONS, YEARLY_FIELDS, resolveField, resolveFunction } from './fields.js';
import { parseRule } from './parser.js';
import { foldConstant } from './walk.js';

/** A checked rule: references to other rules are expanded in place ('ref' nodes). */
export type Resolved =
  | Exclude<Cond, { type: 'and' | 'or' | 'not' }>
  | { type: 'and' | 'or'; items: Resolved[]; loc: Loc }
  | { type: 'not'; item: Resolved; loc: Loc }
  | { type: 'ref'; code: string; text: string; body: Resolved; loc: Loc };

export interface CheckOptions {
  /** Today, as days since epoch: dates relative to today fold to constants with it. */
  today: number;
  /** The rule text of another benefit by its code, for rule("…"); undefined when unknown. */
  lookupRule?: (code: string) => string | undefined;
  /** The code of the rule being checked, so a rule cannot reach itself. */
  selfCode?: string;
}

export type CheckResult = { ok: true; rule: Resolved; text: string } | { ok: false; problems: RuleProblem[] };

type T =
  | { t: 'number' | 'date' | 'duration' | 'string' | 'bool' | 'county' | 'industry' | 'error' }
  | { t: 'enum'; field: string }
  | { t: 'rule' };

const FLIP: Record<CmpOp, CmpOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

class Checker {
  problems: RuleProblem[] = [];
  constructor(
    readonly opts: CheckOptions,
    readonly stack: string[],
  ) {}

  problem(kind: RuleProblem['kind'], loc: Loc, message: string): void {
    this.problems.push({ kind, message, line: loc.line, column: loc.column, start: loc.start, end: loc.end });
  }

  typeOf(e: Expr): T {
    switch (e.type) {
      case 'num':
        return { t: 'number' };
      case 'str':
        return { t: 'string' };
      case 'date':
        if (!isValidDate(e.value)) {
          this.problem('type', e.loc, `“${e.value}”不是有效日期 / not a valid date`);
          return { t: 'error' };
        }
        return { t: 'date' };
      case 'today':
        return { t: 'date' };
      case 'duration':
        return { t: 'duration' };
      case 'neg': {
        const t = this.typeOf(e.expr);
        if (t.t !== 'number' && t.t !== 'error') this.problem('type', e.loc, '负号只能用于数值 / minus applies to numbers only');
        return t.t === 'number' ? t : { t: 'error' };
      }
      case 'field': {
        const name = resolveField(e.name);
        if (!name) {
          this.problem(
            'unknown_field',
            e.loc,
            `没有名为“${e.name}”的字段；可用字段：${Object.keys(FIELDS).join('、')} / unknown field "${e.name}"`,
          );
          return { t: 'error' };
        }
        (e as { name: string }).name = name;
        const def = FIELDS[name]!;
        return def.type === 'enum' ? { t: 'enum', field: name } : { t: def.type };
      }
      case 'arith':
        return this.arith(e);
      case 'call':
        return this.call(e);
    }
  }

  arith(e: Extract<Expr, { type: 'arith' }>): T {
    const l = this.typeOf(e.left);
    const r = this.typeOf(e.right);
    if (l.t === 'error' || r.t === 'error') return { t: 'error' };
    if (l.t === 'number' && r.t === 'number') return l;
    if (l.t === 'date' && r.t === 'duration' && (e.op === '+' || e.op === '-')) {
      if (this.fold(e.left) === undefined) {
        this.problem('type', e.loc, '只能对 today 或日期常量加减时长（如 today - 3 years） / durations apply to today or a date literal');
        return { t: 'error' };
      }
      return l;
    }
    this.problem('type', e.loc, `不能对${label(l)}和${label(r)}做“${e.op}”运算 / cannot apply ${e.op} to ${l.t} and ${r.t}`);
    return { t: 'error' };
  }

  call(e: Extract<Expr, { type: 'call' }>): T {
    const name = resolveFunction(e.name);
    if (!name) {
      this.problem('unknown_function', e.loc, `没有名为“${e.name}”的函数；可用：has、tag、rule、growth、avg、prev / unknown function`);
      return { t: 'error' };
    }
    (e as { name: string }).name = name;
    const args = e.args;
    const strArg = (k: number) => {
      const a = args[k];
      if (a?.type !== 'str') {
        this.problem(
          'type',
          a?.loc ?? e.loc,
          `${name}() 的第 ${k + 1} 个参数应为带引号的文字 / argument ${k + 1} of ${name}() must be a quoted string`,
        );
        return undefined;
      }
      return a.value;
    };
    const arity = (min: number, max: number) => {
      if (args.length < min || args.length > max) {
        this.problem(
          'type',
          e.loc,
          `${name}() 需要 ${min === max ? min : `${min}–${max}`} 个参数 / ${name}() takes ${min === max ? min : `${min}–${max}`} arguments`,
        );
        return false;
      }
      return true;
    };
    if (name === 'has') {
      if (!arity(1, 2)) return { t: 'error' };
      const q = strArg(0);
      if (q !== undefined && !(QUALIFICATIONS as readonly string[]).includes(q)) {
        this.problem('unknown_value', args[0]!.loc, `未知资质“${q}”；可用：${QUALIFICATIONS.join('、')} / unknown qualification`);
      }
      if (args[1]) {
        const t = this.typeOf(args[1]);
        if (t.t !== 'date' && t.t !== 'error')
          this.problem('type', args[1].loc, 'has() 的第 2 个参数应为日期 / the second argument of has() is a date');
        else if (t.t === 'date' && this.fold(args[1]) === undefined)
          this.problem('type', args[1].loc, 'has() 的日期须为常量或 today 的加减 / the date must be constant');
      }
      return { t: 'bool' };
    }
    if (name === 'tag') {
      if (arity(1, 1)) strArg(0);
      return { t: 'bool' };
    }
    if (name === 'rule') {
      if (arity(1, 1)) strArg(0);
      return { t: 'rule' };
    }
    // growth / avg / prev over a yearly figure
    if (!arity(1, 2)) return { t: 'error' };
    const f = args[0]!;
    const fieldName = f.type === 'field' ? resolveField(f.name) : undefined;
    if (!fieldName || !YEARLY_FIELDS.includes(fieldName)) {
      this.problem('type', f.loc, `${name}() 的第 1 个参数应为有年度数据的字段：${YEARLY_FIELDS.join('、')} / needs a yearly field`);
      return { t: 'error' };
    }
    (f as { name: string }).name = fieldName;
    const n = args[1];
    const max = name === 'avg' ? 3 : 2;
    if (name !== 'growth' && !n) {
      this.problem('type', e.loc, `${name}() 需要年数参数 / ${name}() needs the number of years`);
      return { t: 'error' };
    }
    if (n && (n.type !== 'num' || !Number.isInteger(n.value) || n.value < 1 || n.value > max)) {
      this.problem('type', n.loc, `年数应为 1–${max} 的整数（保存近 3 年数据） / years must be an integer 1–${max}`);
      return { t: 'error' };
    }
    return { t: 'number' };
  }

  /** The constant value (number, or days for dates) of an expression, when it has one. */
  fold(e: Expr): number | undefined {
    return foldConstant(e, this.opts.today);
  }

  /** Checks that a literal is an allowed value for a typed field; returns false on a problem. */
  literalFits(t: T, lit: Literal): boolean {
    if (t.t === 'enum') {
      const values = FIELDS[t.field]!.values!;
      if (lit.type !== 'str' || !values.includes(lit.value)) {
        this.problem(
          'unknown_value',
          lit.loc,
          `“${lit.type === 'str' ? lit.value : String(lit.value)}”不是${FIELDS[t.field]!.label}的取值；可用：${values.join('、')} ` +
            `/ not a value of ${t.field}`,
        );
        return false;
      }
      return true;
    }
    if (t.t === 'county') {
      if (lit.type !== 'str' || !resolveCounty(lit.value)) {
        this.problem(
          'unknown_value',
          lit.loc,
          `“${lit.type === 'str' ? lit.value : String(lit.value)}”不是旗县区名称或区划代码 / unknown county-level unit`,
        );
        return false;
      }
      return true;
    }
    if (t.t === 'industry') {
      const unquoted = { ok: false, reason: '行业代码应加引号 / quote the industry code' } as const;
      const r = lit.type === 'str' ? checkIndustryCode(lit.value, { names: true }) : unquoted;
      if (!r.ok) {
        this.problem('unknown_value', lit.loc, r.reason);
        return false;
      }
      return true;
    }
    const want = t.t === 'number' ? 'num' : t.t === 'date' ? 'date' : 'str';
    if (lit.type !== want) {
      this.problem(
        'type',
        lit.loc,
        `此处应为${label(t)}，实为${lit.type === 'num' ? '数值' : lit.type === 'date' ? '日期' : '文字'} / type mismatch: expected ${t.t}`,
      );
      return false;
    }
    return true;
  }

  cond(c: Cond): Resolved | undefined {
    switch (c.type) {
      case 'and':
      case 'or': {
        const items = c.items.map((x) => this.cond(x)).filter((x): x is Resolved => !!x);
        const node = { type: c.type, items, loc: c.loc };
        if (c.type === 'and' && items.length === c.items.length) this.contradictions(node);
        return node;
      }
      case 'not': {
        const item = this.cond(c.item);
        return item && { type: 'not', item, loc: c.loc };
      }
      case 'cmp':
        return this.cmp(c);
      case 'between': {
        const t = this.typeOf(c.value);
        const lo = this.typeOf(c.low);
        const hi = this.typeOf(c.high);
        if ([t, lo, hi].some((x) => x.t === 'error')) return undefined;
        if ((t.t !== 'number' && t.t !== 'date') || lo.t !== t.t || hi.t !== t.t) {
          this.problem(
            'type',
            c.loc,
            `between 两端须与${label(t)}同类型的数值或日期 / between needs bounds of the same numeric or date type`,
          );
          return undefined;
        }
        const a = this.fold(c.low);
        const b = this.fold(c.high);
        if (a !== undefined && b !== undefined && a > b) {
          this.problem(
            'contradiction',
            c.loc,
            '范围下限大于上限，条件永远不会满足 / the range is empty: the lower bound exceeds the upper bound',
          );
        }
        return c;
      }
      case 'in':
      case 'under': {
        const t = this.typeOf(c.value);
        if (t.t === 'error') return undefined;
        if (c.type === 'under' && t.t !== 'industry') {
          this.problem('type', c.loc, 'under 只用于行业代码（如 industry under "C"） / under applies to the industry only');
          return undefined;
        }
        if (!['enum', 'county', 'industry', 'string', 'number'].includes(t.t)) {
          this.problem('type', c.loc, `${label(t)}不能用“in [..]”判断 / in [..] does not apply to ${t.t}`);
          return undefined;
        }
        if (!c.list.length) this.problem('contradiction', c.loc, '列表为空，条件永远不会满足 / the list is empty');
        const ok = c.list.map((lit) => this.literalFits(t, lit)).every(Boolean);
        return ok ? c : undefined;
      }
      case 'within': {
        const t = this.typeOf(c.value);
        if (t.t !== 'date') {
          if (t.t !== 'error')
            this.problem('type', c.loc, 'within 只用于日期字段（如 registeredOn within 3 years） / within applies to dates');
          return undefined;
        }
        return c;
      }
      case 'test':
        return this.test(c);
    }
  }

  cmp(c: Extract<Cond, { type: 'cmp' }>): Resolved | undefined {
    let l = this.typeOf(c.left);
    let r = this.typeOf(c.right);
    if (l.t === 'error' || r.t === 'error') return undefined;
    let node = c;
    // "3 < employees" reads as "employees > 3": keep the enterprise's side on the left.
    if ((c.left.type === 'str' || c.left.type === 'num' || c.left.type === 'date') && c.right.type !== c.left.type) {
      node = { ...c, left: c.right, right: c.left, op: FLIP[c.op] };
      [l, r] = [r, l];
    }
    if (l.t === 'enum' || l.t === 'county' || l.t === 'industry' || l.t === 'string') {
      if (node.op !== '==' && node.op !== '!=') {
        this.problem('type', c.loc, `${label(l)}只能用 == 或 != 比较 / ${l.t} compares with == or != only`);
        return undefined;
      }
      if (node.right.type !== 'str') {
        this.problem('type', node.right.loc, `应与带引号的文字比较 / compare with a quoted value`);
        return undefined;
      }
      return this.literalFits(l, node.right) ? node : undefined;
    }
    if ((l.t === 'number' && r.t === 'number') || (l.t === 'date' && r.t === 'date')) return node;
    if (l.t === 'bool' || l.t === 'rule') {
      this.problem('type', c.loc, '条件本身已是真/假，不能再比较 / a condition cannot be compared');
      return undefined;
    }
    this.problem('type', c.loc, `类型不匹配：${label(l)}不能与${label(r)}比较 / type mismatch: ${l.t} vs ${r.t}`);
    return undefined;
  }

  test(c: Extract<Cond, { type: 'test' }>): Resolved | undefined {
    const t = this.typeOf(c.expr);
    if (t.t === 'error') return undefined;
    if (t.t === 'rule') {
      const e = c.expr as Extract<Expr, { type: 'call' }>;
      const code = e.args[0]?.type === 'str' ? e.args[0].value : '';
      if (code === this.opts.selfCode || this.stack.includes(code)) {
        this.problem('circular', c.loc, `规则循环引用：${[...this.stack, code].join(' → ')} / circular rule reference`);
        return undefined;
      }
      const text = this.opts.lookupRule?.(code);
      if (text === undefined) {
        this.problem('unknown_rule', c.loc, `没有编码为“${code}”的兑现事项 / no benefit with code "${code}"`);
        return undefined;
      }
      const inner = checkRule(text, { ...this.opts, selfCode: this.opts.selfCode }, [...this.stack, code]);
      if (!inner.ok) {
        const first = inner.problems[0]!;
        this.problem(first.kind === 'circular' ? 'circular' : 'unknown_rule', c.loc, `引用的规则“${code}”有错误：${first.message}`);
        return undefined;
      }
      return { type: 'ref', code, text, body: inner.rule, loc: c.loc };
    }
    if (t.t !== 'bool') {
      this.problem(
        'type',
        c.loc,
        `这里需要一个条件（如 ${c.expr.type === 'field' ? `${(c.expr as { name: string }).name} > 0` : 'revenue > 0'}） / a condition is needed here`,
      );
      return undefined;
    }
    return c;
  }

  /**
   * Finds conditions of one AND-chain that cannot hold together (employees > 100 and employees < 50,
   * taxGrade in ["A"] and taxGrade == "B", industry under "C" and industry under "F").
   */
  contradictions(node: { items: Resolved[] }): void {
    const leaves: Resolved[] = [];
    const flat = (n: Resolved) => (n.type === 'and' ? n.items.forEach(flat) : leaves.push(n));
    node.items.forEach(flat);
    const ranges = new Map<string, { lo: number; hi: number; loOpen: boolean; hiOpen: boolean; first: Resolved }>();
    const sets = new Map<string, { values: string[]; prefix: boolean; first: Resolved }>();
    for (const leaf of leaves) {
      const c = constraint(leaf, this);
      if (!c) continue;
      if (c.kind === 'range') {
        const cur = ranges.get(c.key) ?? { lo: -Infinity, hi: Infinity, loOpen: false, hiOpen: false, first: leaf };
        if (c.lo > cur.lo || (c.lo === cur.lo && c.loOpen)) [cur.lo, cur.loOpen] = [c.lo, c.loOpen];
        if (c.hi < cur.hi || (c.hi === cur.hi && c.hiOpen)) [cur.hi, cur.hiOpen] = [c.hi, c.hiOpen];
        if (cur.lo > cur.hi || (cur.lo === cur.hi && (cur.loOpen || cur.hiOpen))) {
          this.problem(
            'contradiction',
            leaf.loc,
            `与第 ${cur.first.loc.line} 行第 ${cur.first.loc.column} 列的条件矛盾，规则永远不会满足 / ` +
              `contradicts an earlier condition on the same field: the rule can never match`,
          );
          return;
        }
        ranges.set(c.key, cur);
      } else {
        const cur = sets.get(c.key);
        if (!cur) {
          sets.set(c.key, { values: c.values, prefix: c.prefix, first: leaf });
          continue;
        }
        const kept = c.prefix
          ? [
              ...cur.values.filter((a) => c.values.some((b) => a.startsWith(b))),
              ...c.values.filter((b) => cur.values.some((a) => b.startsWith(a) && a !== b)),
            ]
          : cur.values.filter((a) => c.values.includes(a));
        if (!kept.length) {
          this.problem(
            'contradiction',
            leaf.loc,
            `与第 ${cur.first.loc.line} 行第 ${cur.first.loc.column} 列的条件没有共同取值，规则永远不会满足 ` +
              `/ no value satisfies both conditions: the rule can never match`,
          );
          return;
        }
        cur.values = kept;
      }
    }
  }
}

type Constraint =
  | { kind: 'range'; key: string; lo: number; hi: number; loOpen: boolean; hiOpen: boolean }
  | { kind: 'set'; key: string; values: string[]; prefix: boolean };

function fieldKey(e: Expr): string | undefined {
  return e.type === 'field' ? e.name : undefined;
}

function normalise(field: string, v: string): string {
  const def = FIELDS[field]!;
  if (def.type === 'county') return resolveCounty(v) ?? v;
  if (def.type === 'industry') {
    const r = checkIndustryCode(v, { names: true });
    return r.ok ? r.code : v;
  }
  return v;
}

function constraint(leaf: Resolved, ch: Checker): Constraint | undefined {
  if (leaf.type === 'cmp') {
    const key = fieldKey(leaf.left);
    if (!key) return undefined;
    if (leaf.right.type === 'str') {
      const def = FIELDS[key]!;
      return leaf.op === '=='
        ? { kind: 'set', key, values: [normalise(key, leaf.right.value)], prefix: def.type === 'industry' }
        : undefined;
    }
    const v = ch.fold(leaf.right);
    if (v === undefined) return undefined;
    const r = { kind: 'range' as const, key, lo: -Infinity, hi: Infinity, loOpen: false, hiOpen: false };
    if (leaf.op === '>' || leaf.op === '>=') Object.assign(r, { lo: v, loOpen: leaf.op === '>' });
    else if (leaf.op === '<' || leaf.op === '<=') Object.assign(r, { hi: v, hiOpen: leaf.op === '<' });
    else if (leaf.op === '==') Object.assign(r, { lo: v, hi: v });
    else return undefined;
    return r;
  }
  if (leaf.type === 'between') {
    const key = fieldKey(leaf.value);
    const lo = ch.fold(leaf.low);
    const hi = ch.fold(leaf.high);
    return key && lo !== undefined && hi !== undefined ? { kind: 'range', key, lo, hi, loOpen: false, hiOpen: false } : undefined;
  }
  if (leaf.type === 'within') {
    const key = fieldKey(leaf.value);
    return key
      ? { kind: 'range', key, lo: addDuration(ch.opts.today, -leaf.amount, leaf.unit), hi: ch.opts.today, loOpen: false, hiOpen: false }
      : undefined;
  }
  if ((leaf.type === 'in' && !leaf.negated) || leaf.type === 'under') {
    const key = fieldKey(leaf.value);
    if (!key || FIELDS[key]!.type === 'number') return undefined;
    const prefix = FIELDS[key]!.type === 'industry';
    return { kind: 'set', key, values: leaf.list.map((l) => normalise(key, String(l.value))), prefix };
  }
  return undefined;
}

function label(t: T): string {
  switch (t.t) {
    case 'number':
      return '数值';
    case 'date':
      return '日期';
    case 'duration':
      return '时长';
    case 'string':
      return '文字';
    case 'bool':
    case 'rule':
      return '条件';
    case 'county':
      return '旗县区';
    case 'industry':
      return '行业代码';
    case 'enum':
      return FIELDS[t.field]!.label;
    default:
      return '值';
  }
}

/** Parses and checks a rule; every problem carries its line and column in the rule text. */
export function checkRule(text: string, opts: CheckOptions, stack: string[] = opts.selfCode ? [opts.selfCode] : []): CheckResult {
  const parsed = parseRule(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const ch = new Checker(opts, stack);
  const rule = ch.cond(parsed.ast);
  if (ch.problems.length || !rule) return { ok: false, problems: ch.problems };
  return { ok: true, rule, text };
}

/** The top-level conditions of a rule (the items of a root AND): near misses fail exactly one. */
export function conjuncts(rule: Resolved): Resolved[] {
  return rule.type === 'and' ? rule.items : [rule];
}

export { QUALIFICATIONS };

export type FormulaResult = { ok: true; expr: Expr } | { ok: false; problems: RuleProblem[] };

/** A payout formula (e.g. `rdSpending * 0.1`): an arithmetic expression over the same fields. */
export function checkFormula(text: string, opts: CheckOptions): FormulaResult {
  const parsed = parseRule(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const ast = parsed.ast;
  const ch = new Checker(opts, []);
  if (ast.type !== 'test') {
    ch.problem('type', ast.loc, '金额公式应为数值表达式（如 rdSpending * 0.1），不能是条件 / a formula is a numeric expression');
    return { ok: false, problems: ch.problems };
  }
  const t = ch.typeOf(ast.expr);
  if (t.t !== 'number' && t.t !== 'error') ch.problem('type', ast.loc, '金额公式的结果应为数值 / the formula must give a number');
  return ch.problems.length ? { ok: false, problems: ch.problems } : { ok: true, expr: ast.expr };
}
