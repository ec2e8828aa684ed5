import { addDuration, toDays } from "./dates.js";
function foldConstant(e, today) {
  switch (e.type) {
    case "num":
      return e.value;
    case "date":
      return toDays(e.value);
    case "today":
      return today;
    case "neg": {
      const v = foldConstant(e.expr, today);
      return v === void 0 ? void 0 : -v;
    }
    case "arith": {
      if (e.right.type === "duration") {
        const base = foldConstant(e.left, today);
        return base === void 0 ? void 0 : addDuration(base, e.op === "-" ? -e.right.amount : e.right.amount, e.right.unit);
      }
      const a = foldConstant(e.left, today);
      const b = foldConstant(e.right, today);
      if (a === void 0 || b === void 0) return void 0;
      return e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : a / b;
    }
    default:
      return void 0;
  }
}
function subExprs(e) {
  switch (e.type) {
    case "neg":
      return [e.expr];
    case "arith":
      return [e.left, e.right];
    case "call":
      return e.args;
    default:
      return [];
  }
}
function subConditions(c) {
  return c.type === "and" || c.type === "or" ? c.items : c.type === "not" ? [c.item] : c.type === "ref" ? [c.body] : [];
}
function leafExprs(c) {
  switch (c.type) {
    case "cmp":
      return [c.left, c.right];
    case "between":
      return [c.value, c.low, c.high];
    case "in":
    case "under":
      return [c.value, ...c.list];
    case "within":
      return [c.value];
    case "test":
      return [c.expr];
    default:
      return [];
  }
}
function walkRule(rule, visit) {
  const expr = (e) => visit.expr?.(e) === true || subExprs(e).some(expr);
  const cond = (c) => visit.cond?.(c) === true || leafExprs(c).some(expr) || subConditions(c).some(cond);
  return cond(rule);
}
export {
  foldConstant,
  subConditions,
  walkRule
};
//# sourceMappingURL=walk.js.map
