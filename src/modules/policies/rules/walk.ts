import type { Expr } from './ast.js';
import type { Resolved } from './check.js';
import { addDuration, toDays } from '../../../common/dates.js';

/*
 * The walks over a rule tree that the checker, the compiler and the parallel matcher share: constant
 * folding of value expressions, and a visit of every condition and expression of a checked rule.
 */

/**
 * The constant value of an expression (a number, or days since epoch for dates) when it has one:
 * literals, today, and arithmetic on them, including date ± duration ("today - 3 years").
 */
export function foldConstant(e: Expr, today: number): number | undefined {
  switch (e.type) {
    case 'num':
      return e.value;
    case 'date':
      return toDays(e.value);
    case 'today':
      return today;
    case 'neg': {
      const v = foldConstant(e.expr, today);
      return v === undefined ? undefined : -v;
    }
    case 'arith': {
      if (e.right.type === 'duration') {
        const base = foldConstant(e.left, today);
        return base === undefined ? undefined : addDuration(base, e.op === '-' ? -e.right.amount : e.right.amount, e.right.unit);
      }
      const a = foldConstant(e.left, today);
      const b = foldConstant(e.right, today);
      if (a === undefined || b === undefined) return undefined;
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
    default:
      return undefined;
  }
}

/** The direct sub-expressions of an expression. */
function subExprs(e: Expr): Expr[] {
  switch (e.type) {
    case 'neg':
      return [e.expr];
    case 'arith':
      return [e.left, e.right];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

/** The direct sub-conditions of a condition (a rule reference's expanded body included). */
export function subConditions(c: Resolved): Resolved[] {
  return c.type === 'and' || c.type === 'or' ? c.items : c.type === 'not' ? [c.item] : c.type === 'ref' ? [c.body] : [];
}

/** The expressions a leaf condition reads. */
function leafExprs(c: Resolved): Expr[] {
  switch (c.type) {
    case 'cmp':
      return [c.left, c.right];
    case 'between':
      return [c.value, c.low, c.high];
    case 'in':
    case 'under':
      return [c.value, ...c.list];
    case 'within':
      return [c.value];
    case 'test':
      return [c.expr];
    default:
      return [];
  }
}

/**
 * Visits every condition (pre-order) and every expression of a checked rule; a visitor returning
 * true stops the walk. Returns true when it was stopped.
 */
export function walkRule(rule: Resolved, visit: { cond?: (c: Resolved) => boolean | void; expr?: (e: Expr) => boolean | void }): boolean {
  const expr = (e: Expr): boolean => visit.expr?.(e) === true || subExprs(e).some(expr);
  const cond = (c: Resolved): boolean => visit.cond?.(c) === true || leafExprs(c).some(expr) || subConditions(c).some(cond);
  return cond(rule);
}
