import { factsOf } from "./enterprises.js";
import { scanEnterprises } from "./enterprises.repository.js";
import { checkFormula, checkRule } from "./rules/check.js";
import { Columns } from "./rules/columns.js";
import { compileFormula, compileRule } from "./rules/compile.js";
import { PARALLEL_MIN_ROWS } from "./rules/parallel.js";
async function loadEnterpriseColumns(db, f = {}) {
  const rows = [];
  for await (const page of scanEnterprises(db, f)) rows.push(...page);
  const cols = new Columns(Math.max(1, rows.length), f.shared ?? rows.length >= PARALLEL_MIN_ROWS);
  const versions = new Int32Array(rows.length);
  const stale = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    cols.push(factsOf(r));
    versions[i] = r.version;
    stale[i] = r.match_stale;
  });
  return { cols, versions, stale };
}
function prepareBenefit(b, cols, today, rules) {
  const checked = checkRule(b.rule_text, { today, lookupRule: (c) => rules.get(c), selfCode: b.code });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const compiled = compileRule(checked.rule, cols, today, b.rule_text);
  let formula;
  if (b.formula) {
    const f = checkFormula(b.formula, { today });
    if (!f.ok) return { ok: false, problems: f.problems };
    formula = compileFormula(f.expr, cols, today);
  }
  const amount = (i) => {
    const raw = formula ? formula(i) : b.amount;
    if (raw === null || !Number.isFinite(raw)) return b.amount ?? null;
    const capped = b.cap !== null ? Math.min(raw, b.cap) : raw;
    return Math.round(Math.max(0, capped) * 100) / 100;
  };
  return { ok: true, value: { benefit: b, rule: checked.rule, compiled, amount } };
}
export {
  loadEnterpriseColumns,
  prepareBenefit
};
//# sourceMappingURL=engine.js.map
