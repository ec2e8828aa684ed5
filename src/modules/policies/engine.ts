import type { Executor } from '../../db/database.js';
import { factsOf } from './enterprises.js';
import { measureScan, scanEnterprises } from './enterprises.repository.js';
import type { BenefitRow } from './library.repository.js';
import type { RuleProblem } from './rules/ast.js';
import { type Resolved, checkFormula, checkRule } from './rules/check.js';
import { Columns } from './rules/columns.js';
import { type CompiledRule, compileFormula, compileRule } from './rules/compile.js';
import { PARALLEL_MIN_ROWS } from './rules/parallel.js';
import { walkRule } from './rules/walk.js';

/** The enterprises of a match run as columns, with the version each row was read at. */
export interface LoadedEnterprises {
  cols: Columns;
  versions: Int32Array;
  stale: Uint8Array;
}

/**
 * Reads the enterprises into columns. `shared`: columns in shared memory, for matching worker
 * threads (parallel.ts); by default when there are enough rows for matching to run in parallel.
 */
export async function loadEnterpriseColumns(
  db: Executor,
  f: { staleOnly?: boolean; ids?: number[]; shared?: boolean; onlyTags?: ReadonlySet<string> } = {},
): Promise<LoadedEnterprises> {
  // Counted first, then streamed page by page into the columns: no array of a million row objects.
  // Enterprises added meanwhile (ids above maxId) wait for the next run, which sees them as stale.
  const { n, maxId } = await measureScan(db, f);
  const cols = new Columns(Math.max(1, n), f.shared ?? n >= PARALLEL_MIN_ROWS);
  cols.onlyTags = f.onlyTags;
  const versions = new Int32Array(n);
  const stale = new Uint8Array(n);
  let i = 0;
  for await (const page of scanEnterprises(db, { ...f, upToId: maxId })) {
    for (const r of page) {
      if (i === n) break;
      cols.push(factsOf(r));
      versions[i] = r.version;
      stale[i] = r.match_stale;
      i++;
    }
  }
  return { cols, versions: versions.subarray(0, i), stale: stale.subarray(0, i) };
}

/** The tags that the (checkable) rules of these benefits name: the only tag columns matching needs. */
export function tagsNamedBy(benefits: BenefitRow[], today: number, rules: Map<string, string>): Set<string> {
  const tags = new Set<string>();
  for (const b of benefits) {
    const checked = checkRule(b.rule_text, { today, lookupRule: (c) => rules.get(c), selfCode: b.code });
    if (!checked.ok) continue;
    walkRule(checked.rule as Resolved, {
      expr: (e) => {
        if (e.type === 'call' && e.name === 'tag') tags.add((e.args[0] as { value: string }).value);
      },
    });
  }
  return tags;
}

export interface PreparedBenefit {
  benefit: BenefitRow;
  /** The checked rule (other rules it refers to expanded), as compiled. */
  rule: Resolved;
  compiled: CompiledRule;
  /** The amount due to row i: the formula (or fixed amount), capped. */
  amount(i: number): number | null;
  /** The texts of the rules it refers to (rule("CODE"), also through those), as JSON sorted by code: part of its version. */
  refsJson: string;
}

export type Prepared = { ok: true; value: PreparedBenefit } | { ok: false; problems: RuleProblem[] };

/** Checks and compiles a benefit's rule and formula against a set of columns. */
export function prepareBenefit(b: BenefitRow, cols: Columns, today: number, rules: Map<string, string>): Prepared {
  const refs = new Map<string, string>();
  const lookupRule = (code: string) => {
    const text = rules.get(code);
    if (text !== undefined) refs.set(code, text);
    return text;
  };
  const checked = checkRule(b.rule_text, { today, lookupRule, selfCode: b.code });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const compiled = compileRule(checked.rule as Resolved, cols, today, b.rule_text);
  let formula: ((i: number) => number) | undefined;
  if (b.formula) {
    const f = checkFormula(b.formula, { today });
    if (!f.ok) return { ok: false, problems: f.problems };
    formula = compileFormula(f.expr, cols, today);
  }
  const amount = (i: number): number | null => {
    const raw = formula ? formula(i) : b.amount;
    if (raw === null || !Number.isFinite(raw)) return b.amount ?? null;
    const capped = b.cap !== null ? Math.min(raw, b.cap) : raw;
    return Math.round(Math.max(0, capped) * 100) / 100;
  };
  const refsJson = JSON.stringify(Object.fromEntries([...refs].sort(([a], [b]) => (a < b ? -1 : 1))));
  return { ok: true, value: { benefit: b, rule: checked.rule, compiled, amount, refsJson } };
}

/**
 * A recorded rule version (its text and the texts of the rules it referred to) compiled against
 * some enterprises' columns, to explain the results it decided; undefined if it no longer checks.
 */
export function compileRuleVersion(
  v: { rule_text: string; refs_json: string },
  code: string,
  cols: Columns,
  today: number,
): CompiledRule | undefined {
  const refs = new Map(Object.entries(JSON.parse(v.refs_json) as Record<string, string>));
  const checked = checkRule(v.rule_text, { today, lookupRule: (c) => refs.get(c), selfCode: code });
  return checked.ok ? compileRule(checked.rule as Resolved, cols, today, v.rule_text) : undefined;
}
