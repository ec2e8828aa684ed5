import { resolveCounty } from '../counties.js';
import { checkIndustryCode } from '../industry.js';
import type { Expr } from './ast.js';
import type { Resolved } from './check.js';
import { type Columns, MISSING_ENUM } from './columns.js';
import { addDuration, toDays } from '../../../common/dates.js';
import { FIELDS, QUALIFICATIONS } from './fields.js';

/*
 * Translations of checked rules for two generic JavaScript rules engines, json-logic-js and
 * json-rules-engine, and the plain-object records they evaluate. The benchmark runs the same rules
 * through them to measure speed and to prove that all engines agree on every match.
 * Dates are days since epoch; computed values (growth, ratios) are facts for json-rules-engine.
 */

type Json = unknown;

/** One enterprise as a plain record: the form generic engines take. */
export function recordOf(cols: Columns, i: number): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const [name, arr] of Object.entries(cols.num)) r[name] = arr[i];
  for (const [name, hist] of Object.entries(cols.hist)) hist.forEach((a, k) => k > 0 && (r[`${name}_${k}`] = a[i]));
  r.registeredOn = cols.registeredOn[i];
  for (const [name, arr] of Object.entries(cols.enums)) r[name] = arr[i] === MISSING_ENUM ? null : FIELDS[name]!.values![arr[i]!];
  r.county = cols.countyDict[cols.county[i]!] || null;
  const ind = cols.industryDict[cols.industry[i]!] ?? '';
  r.industry_section = ind.slice(0, 1);
  r.industry_division = ind.slice(0, 3);
  r.industry = ind;
  QUALIFICATIONS.forEach((q, k) => {
    r[`q${k}_from`] = cols.qualFrom.get(q)?.[i] ?? Number.NaN;
    r[`q${k}_to`] = cols.qualTo.get(q)?.[i] ?? Number.NaN;
  });
  r.tags = [...cols.tags.entries()].filter(([, a]) => a[i] === 1).map(([t]) => t);
  return r;
}

function fold(e: Expr, today: number): number | undefined {
  switch (e.type) {
    case 'num':
      return e.value;
    case 'date':
      return toDays(e.value);
    case 'today':
      return today;
    case 'arith':
      if (e.right.type === 'duration') {
        const b = fold(e.left, today);
        return b === undefined ? undefined : addDuration(b, e.op === '-' ? -e.right.amount : e.right.amount, e.right.unit);
      }
      return undefined;
    default:
      return undefined;
  }
}

function industryKeys(list: { value: unknown }[]): { sections: string[]; divisions: string[] } {
  const codes = list.map((l) => (checkIndustryCode(String(l.value), { names: true }) as { code: string }).code);
  return { sections: codes.filter((c) => c.length === 1), divisions: codes.filter((c) => c.length === 3) };
}

function logicValue(e: Expr, today: number): Json {
  const k = fold(e, today);
  if (k !== undefined) return k;
  switch (e.type) {
    case 'field':
      return { var: e.name };
    case 'neg':
      return { '-': [logicValue(e.expr, today)] };
    case 'arith':
      return { [e.op]: [logicValue(e.left, today), logicValue(e.right, today)] };
    case 'call': {
      const f = (e.args[0] as { name: string }).name;
      const n = e.args[1]?.type === 'num' ? e.args[1].value : 1;
      const at = (y: number) => ({ var: y === 0 ? f : `${f}_${y}` });
      if (e.name === 'growth' && n === 1) return { '-': [{ '/': [at(0), at(1)] }, 1] };
      if (e.name === 'avg') return { '/': [{ '+': Array.from({ length: n }, (_, y) => at(y)) }, n] };
      if (e.name === 'prev') return at(n);
      throw new Error(`no json-logic form for ${e.name}(…, ${n})`);
    }
    default:
      throw new Error(`no json-logic form for ${e.type}`);
  }
}

/** A rule as json-logic. */
export function toJsonLogic(c: Resolved, today: number): Json {
  switch (c.type) {
    case 'and':
    case 'or':
      return { [c.type]: c.items.map((x) => toJsonLogic(x, today)) };
    case 'not':
      return { '!': toJsonLogic(c.item, today) };
    case 'ref':
      return toJsonLogic(c.body, today);
    case 'cmp': {
      const op = c.op === '==' ? '===' : c.op === '!=' ? '!==' : c.op;
      if (c.right.type === 'str') {
        const v = c.left.type === 'field' && FIELDS[c.left.name]!.type === 'county' ? resolveCounty(c.right.value) : c.right.value;
        if (c.left.type === 'field' && FIELDS[c.left.name]!.type === 'industry')
          return toJsonLogic({ type: 'under', value: c.left, list: [c.right], loc: c.loc }, today);
        return { [op]: [{ var: (c.left as { name: string }).name }, v] };
      }
      return { [op]: [logicValue(c.left, today), logicValue(c.right, today)] };
    }
    case 'between':
      return { '<=': [logicValue(c.low, today), logicValue(c.value, today), logicValue(c.high, today)] };
    case 'within':
      return { '<=': [addDuration(today, -c.amount, c.unit), logicValue(c.value, today), today] };
    case 'in':
    case 'under': {
      const name = (c.value as { name: string }).name;
      const def = FIELDS[name]!;
      let out: Json;
      if (def.type === 'industry') {
        const { sections, divisions } = industryKeys(c.list);
        out = { or: [{ in: [{ var: 'industry_section' }, sections] }, { in: [{ var: 'industry_division' }, divisions] }] };
      } else out = { in: [{ var: name }, c.list.map((l) => (def.type === 'county' ? resolveCounty(String(l.value)) : l.value))] };
      return c.type === 'in' && c.negated ? { '!': out } : out;
    }
    case 'test': {
      const e = c.expr as Extract<Expr, { type: 'call' }>;
      const arg = (e.args[0] as { value: string }).value;
      if (e.name === 'tag') return { in: [arg, { var: 'tags' }] };
      const k = (QUALIFICATIONS as readonly string[]).indexOf(arg);
      const d = e.args[1] ? fold(e.args[1], today)! : today;
      return { and: [{ '<=': [{ var: `q${k}_from` }, d] }, { '<=': [d, { var: `q${k}_to` }] }] };
    }
  }
}

/** Plain evaluation of a value expression on a record: json-rules-engine takes computed values as facts. */
function evalValue(e: Expr, r: Record<string, unknown>, today: number): number {
  const k = fold(e, today);
  if (k !== undefined) return k;
  const v = (name: string) => r[name] as number;
  switch (e.type) {
    case 'field':
      return v(e.name);
    case 'neg':
      return -evalValue(e.expr, r, today);
    case 'arith': {
      const a = evalValue(e.left, r, today);
      const b = evalValue(e.right, r, today);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
    case 'call': {
      const f = (e.args[0] as { name: string }).name;
      const n = e.args[1]?.type === 'num' ? e.args[1].value : 1;
      const at = (y: number) => v(y === 0 ? f : `${f}_${y}`);
      if (e.name === 'growth') return n === 1 ? at(0) / at(1) - 1 : Math.pow(at(0) / at(n), 1 / n) - 1;
      if (e.name === 'avg') return Array.from({ length: n }, (_, y) => at(y)).reduce((s, x) => s + x, 0) / n;
      return at(n);
    }
    default:
      return Number.NaN;
  }
}

export interface RulesEngineForm {
  conditions: Json;
  /** Computed facts the conditions name: add each to a record before running the engine. */
  computed: Map<string, (r: Record<string, unknown>) => number>;
}

const OPS: Record<string, string> = {
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  '==': 'equal',
  '!=': 'notEqual',
};

/** A rule as json-rules-engine conditions (all/any/not). */
export function toRulesEngine(rule: Resolved, today: number, prefix: string): RulesEngineForm {
  const computed = new Map<string, (r: Record<string, unknown>) => number>();
  const fact = (e: Expr): string => {
    if (e.type === 'field') return e.name;
    const id = `${prefix}_${computed.size}`;
    computed.set(id, (r) => evalValue(e, r, today));
    return id;
  };
  const leaf = (f: string, operator: string, value: Json) => ({ fact: f, operator, value });
  const go = (c: Resolved): Json => {
    switch (c.type) {
      case 'and':
        return { all: c.items.map(go) };
      case 'or':
        return { any: c.items.map(go) };
      case 'not':
        return { not: go(c.item) };
      case 'ref':
        return go(c.body);
      case 'cmp': {
        if (c.right.type === 'str') {
          const def = FIELDS[(c.left as { name: string }).name]!;
          if (def.type === 'industry') return go({ type: 'under', value: c.left, list: [c.right], loc: c.loc });
          return leaf((c.left as { name: string }).name, OPS[c.op]!, def.type === 'county' ? resolveCounty(c.right.value) : c.right.value);
        }
        const k = fold(c.right, today);
        return leaf(fact(c.left), OPS[c.op]!, k !== undefined ? k : { fact: fact(c.right) });
      }
      case 'between': {
        const f = fact(c.value);
        return { all: [leaf(f, 'greaterThanInclusive', fold(c.low, today)), leaf(f, 'lessThanInclusive', fold(c.high, today))] };
      }
      case 'within': {
        const f = fact(c.value);
        return { all: [leaf(f, 'greaterThanInclusive', addDuration(today, -c.amount, c.unit)), leaf(f, 'lessThanInclusive', today)] };
      }
      case 'in':
      case 'under': {
        const name = (c.value as { name: string }).name;
        const def = FIELDS[name]!;
        let out: Json;
        if (def.type === 'industry') {
          const { sections, divisions } = industryKeys(c.list);
          out = { any: [leaf('industry_section', 'in', sections), leaf('industry_division', 'in', divisions)] };
        } else
          out = leaf(
            name,
            'in',
            c.list.map((l) => (def.type === 'county' ? resolveCounty(String(l.value)) : l.value)),
          );
        return c.type === 'in' && c.negated ? { not: out } : out;
      }
      case 'test': {
        const e = c.expr as Extract<Expr, { type: 'call' }>;
        const arg = (e.args[0] as { value: string }).value;
        if (e.name === 'tag') return leaf('tags', 'contains', arg);
        const k = (QUALIFICATIONS as readonly string[]).indexOf(arg);
        const d = e.args[1] ? fold(e.args[1], today)! : today;
        return { all: [leaf(`q${k}_from`, 'lessThanInclusive', d), leaf(`q${k}_to`, 'greaterThanInclusive', d)] };
      }
    }
  };
  const conditions = go(rule) as Record<string, unknown>;
  // json-rules-engine wants all/any/not at the top.
  return { conditions: 'fact' in conditions ? { all: [conditions] } : conditions, computed };
}
