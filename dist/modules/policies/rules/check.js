import { checkIndustryCode } from "../industry.js";
import { resolveCounty } from "../counties.js";
import { addDuration, isValidDate } from "./dates.js";
import { FIELDS, QUALIFICATIONS, YEARLY_FIELDS, resolveField, resolveFunction } from "./fields.js";
import { parseRule } from "./parser.js";
import { foldConstant } from "./walk.js";
const FLIP = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };
class Checker {
  constructor(opts, stack) {
    this.opts = opts;
    this.stack = stack;
  }
  opts;
  stack;
  problems = [];
  problem(kind, loc, message) {
    this.problems.push({ kind, message, line: loc.line, column: loc.column, start: loc.start, end: loc.end });
  }
  typeOf(e) {
    switch (e.type) {
      case "num":
        return { t: "number" };
      case "str":
        return { t: "string" };
      case "date":
        if (!isValidDate(e.value)) {
          this.problem("type", e.loc, `\u201C${e.value}\u201D\u4E0D\u662F\u6709\u6548\u65E5\u671F / not a valid date`);
          return { t: "error" };
        }
        return { t: "date" };
      case "today":
        return { t: "date" };
      case "duration":
        return { t: "duration" };
      case "neg": {
        const t = this.typeOf(e.expr);
        if (t.t !== "number" && t.t !== "error") this.problem("type", e.loc, "\u8D1F\u53F7\u53EA\u80FD\u7528\u4E8E\u6570\u503C / minus applies to numbers only");
        return t.t === "number" ? t : { t: "error" };
      }
      case "field": {
        const name = resolveField(e.name);
        if (!name) {
          this.problem("unknown_field", e.loc, `\u6CA1\u6709\u540D\u4E3A\u201C${e.name}\u201D\u7684\u5B57\u6BB5\uFF1B\u53EF\u7528\u5B57\u6BB5\uFF1A${Object.keys(FIELDS).join("\u3001")} / unknown field "${e.name}"`);
          return { t: "error" };
        }
        e.name = name;
        const def = FIELDS[name];
        return def.type === "enum" ? { t: "enum", field: name } : { t: def.type };
      }
      case "arith":
        return this.arith(e);
      case "call":
        return this.call(e);
    }
  }
  arith(e) {
    const l = this.typeOf(e.left);
    const r = this.typeOf(e.right);
    if (l.t === "error" || r.t === "error") return { t: "error" };
    if (l.t === "number" && r.t === "number") return l;
    if (l.t === "date" && r.t === "duration" && (e.op === "+" || e.op === "-")) {
      if (this.fold(e.left) === void 0) {
        this.problem("type", e.loc, "\u53EA\u80FD\u5BF9 today \u6216\u65E5\u671F\u5E38\u91CF\u52A0\u51CF\u65F6\u957F\uFF08\u5982 today - 3 years\uFF09 / durations apply to today or a date literal");
        return { t: "error" };
      }
      return l;
    }
    this.problem("type", e.loc, `\u4E0D\u80FD\u5BF9${label(l)}\u548C${label(r)}\u505A\u201C${e.op}\u201D\u8FD0\u7B97 / cannot apply ${e.op} to ${l.t} and ${r.t}`);
    return { t: "error" };
  }
  call(e) {
    const name = resolveFunction(e.name);
    if (!name) {
      this.problem("unknown_function", e.loc, `\u6CA1\u6709\u540D\u4E3A\u201C${e.name}\u201D\u7684\u51FD\u6570\uFF1B\u53EF\u7528\uFF1Ahas\u3001tag\u3001rule\u3001growth\u3001avg\u3001prev / unknown function`);
      return { t: "error" };
    }
    e.name = name;
    const args = e.args;
    const strArg = (k) => {
      const a = args[k];
      if (a?.type !== "str") {
        this.problem("type", a?.loc ?? e.loc, `${name}() \u7684\u7B2C ${k + 1} \u4E2A\u53C2\u6570\u5E94\u4E3A\u5E26\u5F15\u53F7\u7684\u6587\u5B57 / argument ${k + 1} of ${name}() must be a quoted string`);
        return void 0;
      }
      return a.value;
    };
    const arity = (min, max2) => {
      if (args.length < min || args.length > max2) {
        this.problem("type", e.loc, `${name}() \u9700\u8981 ${min === max2 ? min : `${min}\u2013${max2}`} \u4E2A\u53C2\u6570 / ${name}() takes ${min === max2 ? min : `${min}\u2013${max2}`} arguments`);
        return false;
      }
      return true;
    };
    if (name === "has") {
      if (!arity(1, 2)) return { t: "error" };
      const q = strArg(0);
      if (q !== void 0 && !QUALIFICATIONS.includes(q)) {
        this.problem("unknown_value", args[0].loc, `\u672A\u77E5\u8D44\u8D28\u201C${q}\u201D\uFF1B\u53EF\u7528\uFF1A${QUALIFICATIONS.join("\u3001")} / unknown qualification`);
      }
      if (args[1]) {
        const t = this.typeOf(args[1]);
        if (t.t !== "date" && t.t !== "error") this.problem("type", args[1].loc, "has() \u7684\u7B2C 2 \u4E2A\u53C2\u6570\u5E94\u4E3A\u65E5\u671F / the second argument of has() is a date");
        else if (t.t === "date" && this.fold(args[1]) === void 0) this.problem("type", args[1].loc, "has() \u7684\u65E5\u671F\u987B\u4E3A\u5E38\u91CF\u6216 today \u7684\u52A0\u51CF / the date must be constant");
      }
      return { t: "bool" };
    }
    if (name === "tag") {
      if (arity(1, 1)) strArg(0);
      return { t: "bool" };
    }
    if (name === "rule") {
      if (arity(1, 1)) strArg(0);
      return { t: "rule" };
    }
    if (!arity(1, 2)) return { t: "error" };
    const f = args[0];
    const fieldName = f.type === "field" ? resolveField(f.name) : void 0;
    if (!fieldName || !YEARLY_FIELDS.includes(fieldName)) {
      this.problem("type", f.loc, `${name}() \u7684\u7B2C 1 \u4E2A\u53C2\u6570\u5E94\u4E3A\u6709\u5E74\u5EA6\u6570\u636E\u7684\u5B57\u6BB5\uFF1A${YEARLY_FIELDS.join("\u3001")} / needs a yearly field`);
      return { t: "error" };
    }
    f.name = fieldName;
    const n = args[1];
    const max = name === "avg" ? 3 : 2;
    if (name !== "growth" && !n) {
      this.problem("type", e.loc, `${name}() \u9700\u8981\u5E74\u6570\u53C2\u6570 / ${name}() needs the number of years`);
      return { t: "error" };
    }
    if (n && (n.type !== "num" || !Number.isInteger(n.value) || n.value < 1 || n.value > max)) {
      this.problem("type", n.loc, `\u5E74\u6570\u5E94\u4E3A 1\u2013${max} \u7684\u6574\u6570\uFF08\u4FDD\u5B58\u8FD1 3 \u5E74\u6570\u636E\uFF09 / years must be an integer 1\u2013${max}`);
      return { t: "error" };
    }
    return { t: "number" };
  }
  /** The constant value (number, or days for dates) of an expression, when it has one. */
  fold(e) {
    return foldConstant(e, this.opts.today);
  }
  /** Checks that a literal is an allowed value for a typed field; returns false on a problem. */
  literalFits(t, lit) {
    if (t.t === "enum") {
      const values = FIELDS[t.field].values;
      if (lit.type !== "str" || !values.includes(lit.value)) {
        this.problem("unknown_value", lit.loc, `\u201C${lit.type === "str" ? lit.value : String(lit.value)}\u201D\u4E0D\u662F${FIELDS[t.field].label}\u7684\u53D6\u503C\uFF1B\u53EF\u7528\uFF1A${values.join("\u3001")} / not a value of ${t.field}`);
        return false;
      }
      return true;
    }
    if (t.t === "county") {
      if (lit.type !== "str" || !resolveCounty(lit.value)) {
        this.problem("unknown_value", lit.loc, `\u201C${lit.type === "str" ? lit.value : String(lit.value)}\u201D\u4E0D\u662F\u65D7\u53BF\u533A\u540D\u79F0\u6216\u533A\u5212\u4EE3\u7801 / unknown county-level unit`);
        return false;
      }
      return true;
    }
    if (t.t === "industry") {
      const r = lit.type === "str" ? checkIndustryCode(lit.value) : { ok: false, reason: "\u884C\u4E1A\u4EE3\u7801\u5E94\u52A0\u5F15\u53F7 / quote the industry code" };
      if (!r.ok) {
        this.problem("unknown_value", lit.loc, r.reason);
        return false;
      }
      return true;
    }
    const want = t.t === "number" ? "num" : t.t === "date" ? "date" : "str";
    if (lit.type !== want) {
      this.problem("type", lit.loc, `\u6B64\u5904\u5E94\u4E3A${label(t)}\uFF0C\u5B9E\u4E3A${lit.type === "num" ? "\u6570\u503C" : lit.type === "date" ? "\u65E5\u671F" : "\u6587\u5B57"} / type mismatch: expected ${t.t}`);
      return false;
    }
    return true;
  }
  cond(c) {
    switch (c.type) {
      case "and":
      case "or": {
        const items = c.items.map((x) => this.cond(x)).filter((x) => !!x);
        const node = { type: c.type, items, loc: c.loc };
        if (c.type === "and" && items.length === c.items.length) this.contradictions(node);
        return node;
      }
      case "not": {
        const item = this.cond(c.item);
        return item && { type: "not", item, loc: c.loc };
      }
      case "cmp":
        return this.cmp(c);
      case "between": {
        const t = this.typeOf(c.value);
        const lo = this.typeOf(c.low);
        const hi = this.typeOf(c.high);
        if ([t, lo, hi].some((x) => x.t === "error")) return void 0;
        if (t.t !== "number" && t.t !== "date" || lo.t !== t.t || hi.t !== t.t) {
          this.problem("type", c.loc, `between \u4E24\u7AEF\u987B\u4E0E${label(t)}\u540C\u7C7B\u578B\u7684\u6570\u503C\u6216\u65E5\u671F / between needs bounds of the same numeric or date type`);
          return void 0;
        }
        const a = this.fold(c.low);
        const b = this.fold(c.high);
        if (a !== void 0 && b !== void 0 && a > b) {
          this.problem("contradiction", c.loc, "\u8303\u56F4\u4E0B\u9650\u5927\u4E8E\u4E0A\u9650\uFF0C\u6761\u4EF6\u6C38\u8FDC\u4E0D\u4F1A\u6EE1\u8DB3 / the range is empty: the lower bound exceeds the upper bound");
        }
        return c;
      }
      case "in":
      case "under": {
        const t = this.typeOf(c.value);
        if (t.t === "error") return void 0;
        if (c.type === "under" && t.t !== "industry") {
          this.problem("type", c.loc, 'under \u53EA\u7528\u4E8E\u884C\u4E1A\u4EE3\u7801\uFF08\u5982 industry under "C"\uFF09 / under applies to the industry only');
          return void 0;
        }
        if (!["enum", "county", "industry", "string", "number"].includes(t.t)) {
          this.problem("type", c.loc, `${label(t)}\u4E0D\u80FD\u7528\u201Cin [..]\u201D\u5224\u65AD / in [..] does not apply to ${t.t}`);
          return void 0;
        }
        if (!c.list.length) this.problem("contradiction", c.loc, "\u5217\u8868\u4E3A\u7A7A\uFF0C\u6761\u4EF6\u6C38\u8FDC\u4E0D\u4F1A\u6EE1\u8DB3 / the list is empty");
        const ok = c.list.map((lit) => this.literalFits(t, lit)).every(Boolean);
        return ok ? c : void 0;
      }
      case "within": {
        const t = this.typeOf(c.value);
        if (t.t !== "date") {
          if (t.t !== "error") this.problem("type", c.loc, "within \u53EA\u7528\u4E8E\u65E5\u671F\u5B57\u6BB5\uFF08\u5982 registeredOn within 3 years\uFF09 / within applies to dates");
          return void 0;
        }
        return c;
      }
      case "test":
        return this.test(c);
    }
  }
  cmp(c) {
    let l = this.typeOf(c.left);
    let r = this.typeOf(c.right);
    if (l.t === "error" || r.t === "error") return void 0;
    let node = c;
    if ((c.left.type === "str" || c.left.type === "num" || c.left.type === "date") && c.right.type !== c.left.type) {
      node = { ...c, left: c.right, right: c.left, op: FLIP[c.op] };
      [l, r] = [r, l];
    }
    if (l.t === "enum" || l.t === "county" || l.t === "industry" || l.t === "string") {
      if (node.op !== "==" && node.op !== "!=") {
        this.problem("type", c.loc, `${label(l)}\u53EA\u80FD\u7528 == \u6216 != \u6BD4\u8F83 / ${l.t} compares with == or != only`);
        return void 0;
      }
      if (node.right.type !== "str") {
        this.problem("type", node.right.loc, `\u5E94\u4E0E\u5E26\u5F15\u53F7\u7684\u6587\u5B57\u6BD4\u8F83 / compare with a quoted value`);
        return void 0;
      }
      return this.literalFits(l, node.right) ? node : void 0;
    }
    if (l.t === "number" && r.t === "number" || l.t === "date" && r.t === "date") return node;
    if (l.t === "bool" || l.t === "rule") {
      this.problem("type", c.loc, "\u6761\u4EF6\u672C\u8EAB\u5DF2\u662F\u771F/\u5047\uFF0C\u4E0D\u80FD\u518D\u6BD4\u8F83 / a condition cannot be compared");
      return void 0;
    }
    this.problem("type", c.loc, `\u7C7B\u578B\u4E0D\u5339\u914D\uFF1A${label(l)}\u4E0D\u80FD\u4E0E${label(r)}\u6BD4\u8F83 / type mismatch: ${l.t} vs ${r.t}`);
    return void 0;
  }
  test(c) {
    const t = this.typeOf(c.expr);
    if (t.t === "error") return void 0;
    if (t.t === "rule") {
      const e = c.expr;
      const code = e.args[0]?.type === "str" ? e.args[0].value : "";
      if (code === this.opts.selfCode || this.stack.includes(code)) {
        this.problem("circular", c.loc, `\u89C4\u5219\u5FAA\u73AF\u5F15\u7528\uFF1A${[...this.stack, code].join(" \u2192 ")} / circular rule reference`);
        return void 0;
      }
      const text = this.opts.lookupRule?.(code);
      if (text === void 0) {
        this.problem("unknown_rule", c.loc, `\u6CA1\u6709\u7F16\u7801\u4E3A\u201C${code}\u201D\u7684\u5151\u73B0\u4E8B\u9879 / no benefit with code "${code}"`);
        return void 0;
      }
      const inner = checkRule(text, { ...this.opts, selfCode: this.opts.selfCode }, [...this.stack, code]);
      if (!inner.ok) {
        const first = inner.problems[0];
        this.problem(first.kind === "circular" ? "circular" : "unknown_rule", c.loc, `\u5F15\u7528\u7684\u89C4\u5219\u201C${code}\u201D\u6709\u9519\u8BEF\uFF1A${first.message}`);
        return void 0;
      }
      return { type: "ref", code, text, body: inner.rule, loc: c.loc };
    }
    if (t.t !== "bool") {
      this.problem("type", c.loc, `\u8FD9\u91CC\u9700\u8981\u4E00\u4E2A\u6761\u4EF6\uFF08\u5982 ${c.expr.type === "field" ? `${c.expr.name} > 0` : "revenue > 0"}\uFF09 / a condition is needed here`);
      return void 0;
    }
    return c;
  }
  /**
   * Finds conditions of one AND-chain that cannot hold together (employees > 100 and employees < 50,
   * taxGrade in ["A"] and taxGrade == "B", industry under "C" and industry under "F").
   */
  contradictions(node) {
    const leaves = [];
    const flat = (n) => n.type === "and" ? n.items.forEach(flat) : leaves.push(n);
    node.items.forEach(flat);
    const ranges = /* @__PURE__ */ new Map();
    const sets = /* @__PURE__ */ new Map();
    for (const leaf of leaves) {
      const c = constraint(leaf, this);
      if (!c) continue;
      if (c.kind === "range") {
        const cur = ranges.get(c.key) ?? { lo: -Infinity, hi: Infinity, loOpen: false, hiOpen: false, first: leaf };
        if (c.lo > cur.lo || c.lo === cur.lo && c.loOpen) [cur.lo, cur.loOpen] = [c.lo, c.loOpen];
        if (c.hi < cur.hi || c.hi === cur.hi && c.hiOpen) [cur.hi, cur.hiOpen] = [c.hi, c.hiOpen];
        if (cur.lo > cur.hi || cur.lo === cur.hi && (cur.loOpen || cur.hiOpen)) {
          this.problem("contradiction", leaf.loc, `\u4E0E\u7B2C ${cur.first.loc.line} \u884C\u7B2C ${cur.first.loc.column} \u5217\u7684\u6761\u4EF6\u77DB\u76FE\uFF0C\u89C4\u5219\u6C38\u8FDC\u4E0D\u4F1A\u6EE1\u8DB3 / contradicts an earlier condition on the same field: the rule can never match`);
          return;
        }
        ranges.set(c.key, cur);
      } else {
        const cur = sets.get(c.key);
        if (!cur) {
          sets.set(c.key, { values: c.values, prefix: c.prefix, first: leaf });
          continue;
        }
        const kept = c.prefix ? [...cur.values.filter((a) => c.values.some((b) => a.startsWith(b))), ...c.values.filter((b) => cur.values.some((a) => b.startsWith(a) && a !== b))] : cur.values.filter((a) => c.values.includes(a));
        if (!kept.length) {
          this.problem("contradiction", leaf.loc, `\u4E0E\u7B2C ${cur.first.loc.line} \u884C\u7B2C ${cur.first.loc.column} \u5217\u7684\u6761\u4EF6\u6CA1\u6709\u5171\u540C\u53D6\u503C\uFF0C\u89C4\u5219\u6C38\u8FDC\u4E0D\u4F1A\u6EE1\u8DB3 / no value satisfies both conditions: the rule can never match`);
          return;
        }
        cur.values = kept;
      }
    }
  }
}
function fieldKey(e) {
  return e.type === "field" ? e.name : void 0;
}
function normalise(field, v) {
  const def = FIELDS[field];
  if (def.type === "county") return resolveCounty(v) ?? v;
  if (def.type === "industry") {
    const r = checkIndustryCode(v);
    return r.ok ? r.code : v;
  }
  return v;
}
function constraint(leaf, ch) {
  if (leaf.type === "cmp") {
    const key = fieldKey(leaf.left);
    if (!key) return void 0;
    if (leaf.right.type === "str") {
      const def = FIELDS[key];
      return leaf.op === "==" ? { kind: "set", key, values: [normalise(key, leaf.right.value)], prefix: def.type === "industry" } : void 0;
    }
    const v = ch.fold(leaf.right);
    if (v === void 0) return void 0;
    const r = { kind: "range", key, lo: -Infinity, hi: Infinity, loOpen: false, hiOpen: false };
    if (leaf.op === ">" || leaf.op === ">=") Object.assign(r, { lo: v, loOpen: leaf.op === ">" });
    else if (leaf.op === "<" || leaf.op === "<=") Object.assign(r, { hi: v, hiOpen: leaf.op === "<" });
    else if (leaf.op === "==") Object.assign(r, { lo: v, hi: v });
    else return void 0;
    return r;
  }
  if (leaf.type === "between") {
    const key = fieldKey(leaf.value);
    const lo = ch.fold(leaf.low);
    const hi = ch.fold(leaf.high);
    return key && lo !== void 0 && hi !== void 0 ? { kind: "range", key, lo, hi, loOpen: false, hiOpen: false } : void 0;
  }
  if (leaf.type === "within") {
    const key = fieldKey(leaf.value);
    return key ? { kind: "range", key, lo: addDuration(ch.opts.today, -leaf.amount, leaf.unit), hi: ch.opts.today, loOpen: false, hiOpen: false } : void 0;
  }
  if (leaf.type === "in" && !leaf.negated || leaf.type === "under") {
    const key = fieldKey(leaf.value);
    if (!key || FIELDS[key].type === "number") return void 0;
    const prefix = FIELDS[key].type === "industry";
    return { kind: "set", key, values: leaf.list.map((l) => normalise(key, String(l.value))), prefix };
  }
  return void 0;
}
function label(t) {
  switch (t.t) {
    case "number":
      return "\u6570\u503C";
    case "date":
      return "\u65E5\u671F";
    case "duration":
      return "\u65F6\u957F";
    case "string":
      return "\u6587\u5B57";
    case "bool":
    case "rule":
      return "\u6761\u4EF6";
    case "county":
      return "\u65D7\u53BF\u533A";
    case "industry":
      return "\u884C\u4E1A\u4EE3\u7801";
    case "enum":
      return FIELDS[t.field].label;
    default:
      return "\u503C";
  }
}
function checkRule(text, opts, stack = opts.selfCode ? [opts.selfCode] : []) {
  const parsed = parseRule(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const ch = new Checker(opts, stack);
  const rule = ch.cond(parsed.ast);
  if (ch.problems.length || !rule) return { ok: false, problems: ch.problems };
  return { ok: true, rule, text };
}
function conjuncts(rule) {
  return rule.type === "and" ? rule.items : [rule];
}
function checkFormula(text, opts) {
  const parsed = parseRule(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const ast = parsed.ast;
  const ch = new Checker(opts, []);
  if (ast.type !== "test") {
    ch.problem("type", ast.loc, "\u91D1\u989D\u516C\u5F0F\u5E94\u4E3A\u6570\u503C\u8868\u8FBE\u5F0F\uFF08\u5982 rdSpending * 0.1\uFF09\uFF0C\u4E0D\u80FD\u662F\u6761\u4EF6 / a formula is a numeric expression");
    return { ok: false, problems: ch.problems };
  }
  const t = ch.typeOf(ast.expr);
  if (t.t !== "number" && t.t !== "error") ch.problem("type", ast.loc, "\u91D1\u989D\u516C\u5F0F\u7684\u7ED3\u679C\u5E94\u4E3A\u6570\u503C / the formula must give a number");
  return ch.problems.length ? { ok: false, problems: ch.problems } : { ok: true, expr: ast.expr };
}
export {
  QUALIFICATIONS,
  checkFormula,
  checkRule,
  conjuncts
};
//# sourceMappingURL=check.js.map
