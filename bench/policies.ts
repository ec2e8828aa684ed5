/**
 * Policy matching: 1 000 000 synthetic enterprises × 200 rules of realistic shape (3–8 conditions
 * mixing ranges, sets, dates and qualifications), compiled to loops over typed arrays, run by worker
 * threads that share the columns (SharedArrayBuffer), and once more in this thread alone. The same
 * rules, translated, run through json-logic-js and json-rules-engine on a 20 000-enterprise sample;
 * every engine must return the same matches there, or the benchmark fails.
 */
import os from 'node:os';
import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import { HOHHOT_COUNTIES } from '../src/modules/policies/counties.js';
import { type Resolved, checkRule } from '../src/modules/policies/rules/check.js';
import { Columns } from '../src/modules/policies/rules/columns.js';
import { compileRule } from '../src/modules/policies/rules/compile.js';
import { RuleMatcher, type Split } from '../src/modules/policies/rules/parallel.js';
import { toDays } from '../src/common/dates.js';
import { QUALIFICATIONS } from '../src/modules/policies/rules/fields.js';
import { recordOf, toJsonLogic, toRulesEngine } from '../src/modules/policies/rules/translate.js';
import { rng, syntheticFacts } from '../src/modules/policies/synthetic.js';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000);
const RULES = 200;
/** Worker threads for the match (BENCH_THREADS=1: this thread only). */
const THREADS = Number(process.env.BENCH_THREADS ?? Math.min(4, os.availableParallelism()));
/** How the rules are shared out among the threads (see parallel.ts): auto, rules or rows. */
const SPLIT = (process.env.BENCH_SPLIT ?? 'auto') as Split;
const SAMPLE = Math.min(20_000, ENTERPRISES);
/** json-rules-engine is asynchronous per condition and far slower; its sample can be cut for a quick run. */
const RULES_ENGINE_SAMPLE = Math.min(SAMPLE, Number(process.env.BENCH_RULES_ENGINE_SAMPLE ?? SAMPLE));
const TODAY = toDays('2026-03-02');

function pickSome<T>(r: () => number, items: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(r() * (max - min + 1));
  return [...items].sort(() => r() - 0.5).slice(0, n);
}
const q = (s: string) => JSON.stringify(s);

/** One rule of the shapes real 惠企政策 have; each condition on a different field, so none contradict. */
export function ruleText(r: () => number): string {
  const makers: (() => string)[] = [
    () =>
      `industry under ` +
      `[${pickSome(r, ['C', 'I', 'M', 'F', 'L', 'E', 'C39', 'C35', 'I65', 'F51', 'F52', 'M73', 'G54', 'H62'], 1, 3).map(q).join(', ')}]`,
    () =>
      `county in [${pickSome(
        r,
        HOHHOT_COUNTIES.map((c) => c.name),
        2,
        7,
      )
        .map(q)
        .join(', ')}]`,
    () =>
      r() < 0.5 ? `employees between ${Math.floor(r() * 20)} and ${50 + Math.floor(r() * 950)}` : `employees >= ${Math.floor(r() * 50)}`,
    () =>
      r() < 0.5 ? `revenue >= ${Math.floor(r() * 2000)}` : `revenue between ${Math.floor(r() * 200)} and ${2000 + Math.floor(r() * 50000)}`,
    () => (r() < 0.5 ? `registeredOn within ${1 + Math.floor(r() * 10)} years` : `registeredOn < today - ${1 + Math.floor(r() * 5)} years`),
    () => (r() < 0.7 ? `has(${q(pickSome(r, QUALIFICATIONS, 1, 1)[0]!)})` : `(has("高新技术企业") or has("科技型中小企业"))`),
    () => `taxGrade in [${pickSome(r, ['A', 'B', 'M', 'C'], 1, 3).map(q).join(', ')}]`,
    () => `sizeClass in [${pickSome(r, ['中', '小', '微'], 1, 3).map(q).join(', ')}]`,
    () => `growth(revenue) >= ${(Math.floor(r() * 30) - 5) / 100}`,
    () => `rdSpending / revenue >= ${(1 + Math.floor(r() * 6)) / 100}`,
    () => (r() < 0.5 ? `tag("民营企业")` : `not tag("外资企业")`),
    () => `assets >= ${Math.floor(r() * 500)}`,
  ];
  return pickSome(r, makers, 3, 8)
    .map((m) => m())
    .join('\nand ');
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e9];
}

function timeIt<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e9];
}

export async function policiesMatching(): Promise<Record<string, unknown>> {
  const r = rng(42);
  console.error(`generating ${ENTERPRISES} synthetic enterprises …`);
  // Shared columns: the matching worker threads read this memory, nothing is copied to them.
  const cols = new Columns(ENTERPRISES, true);
  for (let i = 0; i < ENTERPRISES; i++) cols.push(syntheticFacts(r, i, TODAY));

  const rules: { text: string; rule: Resolved }[] = [];
  const rr = rng(7);
  while (rules.length < RULES) {
    const text = ruleText(rr);
    const c = checkRule(text, { today: TODAY });
    if (!c.ok) throw new Error(`generated rule rejected: ${c.problems[0]!.message}\n${text}`);
    rules.push({ text, rule: c.rule });
  }

  // The pool is started (and its threads have loaded the modules and columns) before the timing,
  // as the columns are built before it; its start-up is reported on its own.
  const [matcher, startSeconds] = await timeAsync(() => RuleMatcher.open(cols, TODAY, { threads: THREADS, minRows: 1 }));
  console.error(
    `matching ${ENTERPRISES} × ${RULES} rules on ${matcher.threads || 1} thread(s) (workers started in ${startSeconds.toFixed(2)} s) …`,
  );
  const cpu0 = process.cpuUsage();
  const [matches, seconds] = await timeAsync(() => matcher.match(rules, SPLIT));
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const threads = matcher.threads || 1;
  await matcher.close();
  const sampleMatches = matches.map((m) => {
    const s = new Set<number>();
    for (let j = 0; j < m.length && m[j]! < SAMPLE; j++) s.add(m[j]!);
    return s;
  });
  const totalMatches = matches.reduce((sum, m) => sum + m.length, 0);
  const evalsPerS = (ENTERPRISES * RULES) / seconds;
  console.error(
    `bizenv: ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s ` +
      `CPU), ${(evalsPerS / 1e6).toFixed(1)} M rule evaluations/s, ${totalMatches} matches`,
  );

  // The same rules in this thread alone, for the speed-up; it must find exactly the same rows.
  const out = new Int32Array(ENTERPRISES);
  let singleDiffer = 0;
  const cpu1 = process.cpuUsage();
  const [, singleSeconds] = timeIt(() => {
    rules.forEach(({ rule, text }, k) => {
      const m = compileRule(rule, cols, TODAY, text).matchAll(out);
      if (m !== matches[k]!.length || out.subarray(0, m).some((v, j) => v !== matches[k]![j])) singleDiffer++;
    });
  });
  const singleCpu = process.cpuUsage(cpu1);
  // The peak so far covers generating the registry and both matches; the slow engines come next.
  const matchPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.error(
    `bizenv, one thread: ${singleSeconds.toFixed(2)} s ` +
      `(${((singleCpu.user + singleCpu.system) / 1e6).toFixed(2)} s CPU), ${singleDiffer} rules differ`,
  );

  const records = Array.from({ length: SAMPLE }, (_, i) => recordOf(cols, i));
  const logic = rules.map((x) => toJsonLogic(x.rule, TODAY));
  let logicDisagree = 0;
  const [, logicSeconds] = timeIt(() => {
    logic.forEach((l, k) => {
      for (let i = 0; i < SAMPLE; i++)
        if (Boolean(jsonLogic.apply(l as jsonLogic.RulesLogic, records[i])) !== sampleMatches[k]!.has(i)) logicDisagree++;
    });
  });
  const logicPerS = (SAMPLE * RULES) / logicSeconds;
  console.error(
    `json-logic-js: ${logicSeconds.toFixed(2)} s on ${SAMPLE}, ${(logicPerS / 1e6).toFixed(2)} M/s, ${logicDisagree} disagreements`,
  );

  const engine = new Engine([], { allowUndefinedFacts: false });
  const computed = new Map<string, (rec: Record<string, unknown>) => number>();
  rules.forEach((x, k) => {
    const form = toRulesEngine(x.rule, TODAY, `r${k}`);
    for (const [id, fn] of form.computed) computed.set(id, fn);
    engine.addRule({ conditions: form.conditions as never, event: { type: String(k) } });
  });
  // Computed values are facts in json-rules-engine's model; they are prepared before the timing.
  for (const rec of records.slice(0, RULES_ENGINE_SAMPLE)) for (const [id, fn] of computed) rec[id] = fn(rec);
  let engineDisagree = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < RULES_ENGINE_SAMPLE; i++) {
    const { events } = await engine.run(records[i]!);
    const hit = new Set(events.map((e) => Number(e.type)));
    for (let k = 0; k < RULES; k++) if (hit.has(k) !== sampleMatches[k]!.has(i)) engineDisagree++;
  }
  const engineSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const enginePerS = (RULES_ENGINE_SAMPLE * RULES) / engineSeconds;
  console.error(
    `json-rules-engine: ${engineSeconds.toFixed(2)} s ` +
      `on ${RULES_ENGINE_SAMPLE}, ${(enginePerS / 1e6).toFixed(3)} M/s, ${engineDisagree} disagreements`,
  );

  const agree = logicDisagree === 0 && engineDisagree === 0 && singleDiffer === 0;
  const vsLogic = evalsPerS / logicPerS;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return {
    enterprises: ENTERPRISES,
    rules: RULES,
    seconds: Math.round(seconds * 1000) / 1000,
    evals_per_s: Math.round(evalsPerS),
    matches: totalMatches,
    threads,
    split: SPLIT,
    cpu_seconds: Math.round(cpuSeconds * 1000) / 1000,
    worker_start_seconds: Math.round(startSeconds * 1000) / 1000,
    single_thread_seconds: Math.round(singleSeconds * 1000) / 1000,
    single_thread_cpu_seconds: Math.round(((singleCpu.user + singleCpu.system) / 1e6) * 1000) / 1000,
    sample: SAMPLE,
    rules_engine_sample: RULES_ENGINE_SAMPLE,
    json_logic_evals_per_s: Math.round(logicPerS),
    json_rules_engine_evals_per_s: Math.round(enginePerS),
    vs_json_logic: Math.round(vsLogic * 10) / 10,
    vs_json_rules_engine: Math.round((evalsPerS / enginePerS) * 10) / 10,
    agree,
    disagreements: { json_logic: logicDisagree, json_rules_engine: engineDisagree, single_thread_rules: singleDiffer },
    load_avg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    peak_rss_mb: peakRssMb,
    peak_rss_mb_through_match: matchPeakRssMb,
    // issue 10: 1 000 000 × 200 in at most 1 s on this 2-core machine when idle
    target: { seconds: 1, vs_json_logic: 50, peak_rss_mb: 2048 },
    within_target: seconds <= 1 && vsLogic >= 50 && peakRssMb < 2048,
    pass: agree && vsLogic >= 50,
  };
}
