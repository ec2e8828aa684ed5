import type { MatchSummary } from '../../common/schemas/policies.js';
import { type AppContext, SYSTEM_ACTOR, type Actor } from '../../context.js';
import type { Transaction } from 'kysely';
import { withTransaction } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { audit } from '../org/audit.service.js';
import { loadEnterpriseColumns, prepareBenefit, tagsNamedBy } from './engine.js';
import { countEnterprises, markEnterprisesMatched } from './enterprises.repository.js';
import { listBenefits, markBenefitsMatched, recordRuleVersion, ruleTexts } from './library.repository.js';
import { type NewResult, deleteResults, insertResults, refreshResult, resultsOfBenefit } from './results.repository.js';
import { MATCHED, NEAR_MISS, NO_MATCH } from './rules/compile.js';
import { chinaDays } from '../../common/dates.js';
import { type MatcherOptions, PARALLEL_MIN_ROWS, RuleMatcher } from './rules/parallel.js';

export interface MatchOptions {
  /** full: every enterprise × every auto-grant rule; incremental: only what changed since the last run. */
  mode: 'full' | 'incremental';
  jobRunId?: number | null;
  progress?: (done: number, total: number, message?: string) => void;
  actor?: Actor;
  /** Worker threads for bulk matching (default: the cores, for registries of PARALLEL_MIN_ROWS or more). */
  matcher?: MatcherOptions;
  /** Enterprises per chunk of results built and written at once (defaults WHOLE_CHUNK, STALE_CHUNK). */
  chunks?: { whole: number; stale: number };
}

/** Enterprises per chunk of a whole-rule run, and per chunk of changed enterprises (an id list in SQL). */
const WHOLE_CHUNK = 50_000;
const STALE_CHUNK = 1_000;

/** Statuses that a new match run may overwrite or remove; later ones are the clerk's work and stay. */
const RUN_OWNED = new Set(['near', 'matched']);

/**
 * Matches enterprises against the auto-grant benefits and stores, per (enterprise, benefit), the
 * matches and near misses (one failed top-level condition) with the rule version that decided them;
 * explanations are computed from that version when someone asks (results.service.ts). Incremental runs
 * evaluate changed rules against all enterprises and all rules against changed enterprises, and touch
 * only those pairs.
 */
export async function matchPolicies(ctx: AppContext, opts: MatchOptions): Promise<MatchSummary> {
  const started = Date.now();
  const today = chinaDays(ctx.clock());
  const at = ctx.clock().toISOString();
  const benefits = await listBenefits(ctx.db, { autoGrant: true });
  const full = opts.mode === 'full';
  const staleBenefits = benefits.filter((b) => full || b.match_stale === 1);
  // Rows are needed for every enterprise when some rule changed; otherwise for the changed enterprises only.
  const minRows = opts.matcher?.minRows ?? PARALLEL_MIN_ROWS;
  const rules = await ruleTexts(ctx.db);
  const onlyTags = tagsNamedBy(benefits, today, rules);
  const loaded = await loadEnterpriseColumns(
    ctx.db,
    staleBenefits.length ? { shared: (await countEnterprises(ctx.db)) >= minRows, onlyTags } : { staleOnly: true, shared: false, onlyTags },
  );
  const { cols } = loaded;
  const staleRows: number[] = [];
  for (let i = 0; i < cols.n; i++) if (loaded.stale[i] === 1) staleRows.push(i);
  const summary: MatchSummary = {
    mode: opts.mode,
    benefits: 0,
    enterprises: cols.n,
    evaluations: 0,
    matched: 0,
    near: 0,
    written: 0,
    removed: 0,
    skipped: [],
    seconds: 0,
  };
  const rowOf = new Map<number, number>();
  for (let i = 0; i < cols.n; i++) rowOf.set(cols.ids[i]!, i);
  const seenBenefits: { id: number; version: number }[] = [];
  opts.progress?.(0, benefits.length, 'compiling rules');
  // Whole rules over a large registry are evaluated by worker threads sharing the columns.
  const matcher = await RuleMatcher.open(cols, today, { ...opts.matcher, minRows });
  try {
    for (const [k, b] of benefits.entries()) {
      const wholeRule = full || b.match_stale === 1;
      if (!wholeRule && !staleRows.length) {
        opts.progress?.(k + 1, benefits.length);
        continue;
      }
      const prepared = prepareBenefit(b, cols, today, rules);
      if (!prepared.ok) {
        summary.skipped.push({ code: b.code, problem: prepared.problems[0]!.message });
        continue;
      }
      const { compiled, amount } = prepared.value;
      summary.benefits++;
      const rows = wholeRule ? null : staleRows;
      // Per row: MATCHED, NEAR_MISS (one top-level condition fails) or NO_MATCH.
      let status: Uint8Array;
      if (rows) {
        status = new Uint8Array(cols.n);
        for (const i of rows) status[i] = compiled.test(i) ? MATCHED : compiled.failures(i, 2) === 1 ? NEAR_MISS : NO_MATCH;
      } else [status] = (await matcher.classify([{ rule: prepared.value.rule, text: b.rule_text }])) as [Uint8Array];
      let fresh = new Map<number, Omit<NewResult, 'enterprise_id'>>();
      let ruleVersionId = 0;
      const visit = (i: number) => {
        if (status[i] === NO_MATCH) return;
        const eligible = status[i] === MATCHED;
        const failed = eligible ? 0 : 1;
        if (eligible) summary.matched++;
        else summary.near++;
        fresh.set(cols.ids[i]!, {
          benefit_id: b.id,
          eligible: eligible ? 1 : 0,
          failed,
          rule_version_id: ruleVersionId,
          amount: eligible ? amount(i) : null,
          status: eligible ? 'matched' : 'near',
          job_run_id: opts.jobRunId ?? null,
          matched_at: at,
          updated_at: at,
        });
      };
      summary.evaluations += rows ? rows.length : cols.n;

      // The results are built, compared with the stored ones and written chunk by chunk of enterprises,
      // so memory stays bounded whatever the registry's size (one transaction per benefit still).
      await withTransaction(ctx.db, async (trx) => {
        ruleVersionId = await recordRuleVersion(trx, {
          benefit_id: b.id,
          rule_text: b.rule_text,
          refs_json: prepared.value.refsJson,
          created_at: at,
        });
        const total = rows ? rows.length : cols.n;
        const chunk = rows ? (opts.chunks?.stale ?? STALE_CHUNK) : (opts.chunks?.whole ?? WHOLE_CHUNK);
        for (let lo = 0; lo < total; lo += chunk) {
          const hi = Math.min(total, lo + chunk);
          fresh = new Map();
          for (let j = lo; j < hi; j++) visit(rows ? rows[j]! : j);
          // A whole-rule run covers every stored result, of deleted enterprises too: the chunks' id ranges
          // join up and the last is open-ended.
          const range = { from: lo === 0 ? 0 : cols.ids[lo - 1]! + 1, to: hi === total ? undefined : cols.ids[hi - 1]! };
          const existing = rows
            ? await resultsOfBenefit(
                trx,
                b.id,
                rows.slice(lo, hi).map((i) => cols.ids[i]!),
              )
            : await resultsOfBenefit(trx, b.id, undefined, range);
          await applyChunk(trx, existing);
        }
      });

      async function applyChunk(trx: Transaction<DB>, existing: Awaited<ReturnType<typeof resultsOfBenefit>>): Promise<void> {
        const byEnterprise = new Map(existing.map((r) => [r.enterprise_id, r]));
        const removed: number[] = [];
        for (const r of existing) {
          const now = fresh.get(r.enterprise_id);
          if (!now) {
            if (RUN_OWNED.has(r.status)) removed.push(r.id);
            // A result the clerk already acted on stays, marked as no longer eligible.
            else {
              const i = rowOf.get(r.enterprise_id);
              if (i === undefined) continue;
              await refreshResult(trx, r.id, {
                eligible: 0,
                failed: compiled.failures(i, 99),
                rule_version_id: ruleVersionId,
                amount: null,
                job_run_id: opts.jobRunId ?? null,
                updated_at: at,
              });
            }
            continue;
          }
          const keepStatus = !RUN_OWNED.has(r.status);
          // Unchanged pairs (outcome, amount, rule version) are not written again: a re-run over unchanged data
          // writes nothing, nor does a change of the enterprise's data that leaves its outcome as it was.
          if (
            r.eligible === now.eligible &&
            r.amount === now.amount &&
            r.rule_version_id === now.rule_version_id &&
            (keepStatus || r.status === now.status)
          )
            continue;
          await refreshResult(trx, r.id, {
            eligible: now.eligible,
            failed: now.failed,
            rule_version_id: now.rule_version_id,
            amount: keepStatus && !now.eligible ? null : now.amount,
            job_run_id: now.job_run_id,
            updated_at: at,
            ...(keepStatus ? {} : { status: now.status, matched_at: at }),
          });
        }
        await deleteResults(trx, removed);
        const inserts = [...fresh.entries()].filter(([id]) => !byEnterprise.has(id)).map(([enterprise_id, v]) => ({ enterprise_id, ...v }));
        await insertResults(trx, inserts);
        summary.written += inserts.length + existing.length - removed.length;
        summary.removed += removed.length;
      }
      if (wholeRule) seenBenefits.push({ id: b.id, version: b.version });
      opts.progress?.(k + 1, benefits.length, b.code);
    }
  } finally {
    await matcher.close();
  }

  summary.seconds = Math.round((Date.now() - started) / 10) / 100;
  await withTransaction(ctx.db, async (trx) => {
    await markBenefitsMatched(trx, seenBenefits);
    await markEnterprisesMatched(
      trx,
      staleRows.map((i) => ({ id: cols.ids[i]!, version: loaded.versions[i]! })),
    );
    await audit(ctx, trx, opts.actor ?? SYSTEM_ACTOR, {
      action: 'policies.match',
      entity: 'match_run',
      entityId: opts.jobRunId ?? null,
      after: summary,
    });
  });
  return summary;
}
