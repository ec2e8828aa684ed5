/**
 * The eleven red-flag indicators of cardinal-rs (Open Contracting Partnership, MIT; crate 0.0.8,
 * commit b04158a), ported with their exact semantics: which releases and bids count, the
 * statrs quartiles and Rust's fused multiply-add for the fences, minimum counts, the currency rule,
 * `no_price_comparison_procurement_methods` / `price_comparison_procurement_methods` and
 * `[exclusions]`. Upstream folds in parallel and merges; this runs the same fold in input order,
 * which gives the same results (the first currency observed is then the first in the file).
 * Golden tests: every fixture and documentation example of upstream (ocds.golden.test.ts).
 */
import {
  arr,
  completeAwardsAndBids,
  durationDays,
  isObject,
  type Json,
  matchesProcurementMethod,
  matchesProcurementMethodDetails,
  num,
  obj,
  soleSupplier,
  soleTenderer,
  str,
  submittedBids,
  tendererIds,
} from './releases.js';
import { type CardinalSettings, type IndicatorCode, pipeSet } from './settings.js';
import { mulAdd, quantile } from './stats.js';

export type Group = 'OCID' | 'Buyer' | 'ProcuringEntity' | 'Tenderer';
export type IndicatorResults = Partial<Record<Group, Record<string, Record<string, number>>>>;
/**
 * The quartiles and fences each indicator used (cardinal's `Meta`, with the same keys: `q1`, `q3`,
 * `lower_fence`, `upper_fence`; R038 prefixes them with the group, e.g. `Buyer_upper_fence`).
 */
export type IndicatorMeta = Partial<Record<IndicatorCode, Record<string, number>>>;

interface Fraction {
  numerator: number;
  denominator: number;
}

/** Everything the fold accumulates over the file before the fences can be computed. */
class State {
  readonly results = new Map<Group, Map<string, Record<string, number>>>();
  /** The one currency compared across the file (set, or the first observed). */
  currency: string | undefined;
  readonly secondLowestBidRatios = new Map<string, number>();
  readonly winnerAndLowestNonWinner = new Map<string, [string, string]>();
  readonly r025Tenderer = new Map<string, Fraction>();
  readonly r038Buyer = new Map<string, Fraction>();
  readonly r038ProcuringEntity = new Map<string, Fraction>();
  readonly r038Tenderer = new Map<string, Fraction>();
  readonly r048Classifications = new Map<string, { count: number; codes: Set<string> }>();
  readonly meta: IndicatorMeta = {};

  note(code: IndicatorCode, key: string, value: number): void {
    (this.meta[code] ??= {})[key] = value;
  }

  set(group: Group, id: string, code: IndicatorCode, value: number): void {
    let ids = this.results.get(group);
    if (!ids) this.results.set(group, (ids = new Map()));
    let codes = ids.get(id);
    if (!codes) ids.set(id, (codes = {}));
    codes[code] = value;
  }

  /** Like upstream's `get_or_insert_with`: the first currency seen becomes the file's currency. */
  sameCurrency(currency: string, configured: string | undefined): boolean {
    this.currency ??= configured ?? currency;
    return currency === this.currency;
  }
}

function addFraction(map: Map<string, Fraction>, id: string, numerator: number, denominator: number): void {
  const f = map.get(id);
  if (f) {
    f.numerator += numerator;
    f.denominator += denominator;
  } else map.set(id, { numerator, denominator });
}

// — The indicators —

interface Context {
  settings: CardinalSettings;
  noPriceComparison: Set<string>;
  priceComparison: Set<string>;
  /** The procurement methods R003 and R018 look at (parsed once, not per release). */
  r003Methods: Set<string>;
  r018Methods: Set<string>;
}

/** Bids are compared on price only where the method is a price competition. */
function comparesPrices(release: Json, ctx: Context): boolean {
  return matchesProcurementMethodDetails(release, ctx.priceComparison, ctx.noPriceComparison);
}

/** Winner's bid vs. the lowest other valid bid, shared by R024 and R058 (upstream `SecondLowestBidRatio`). */
function foldSecondLowestBidRatio(state: State, release: Json, ocid: string, ctx: Context): void {
  if (!comparesPrices(release, ctx)) return;
  const sole = soleSupplier(release);
  if (!sole) return;
  let winner: string | undefined;
  let winnerAmount: number | undefined;
  let other: string | undefined;
  let otherAmount: number | undefined;
  for (const bid of sole.details) {
    const status = str(bid, 'status');
    const value = obj(bid, 'value');
    const amount = num(value, 'amount');
    const currency = str(value, 'currency');
    const tenderer = soleTenderer(bid);
    if (status !== 'valid' || amount === undefined || currency === undefined || tenderer === undefined) continue;
    if (!state.sameCurrency(currency, ctx.settings.currency)) continue;
    if (tenderer === sole.supplierId) {
      // If the winner submitted several bids, its lowest counts.
      if (winnerAmount === undefined || amount < winnerAmount) [winner, winnerAmount] = [tenderer, amount];
    } else if (otherAmount === undefined || amount < otherAmount) [other, otherAmount] = [tenderer, amount];
  }
  // If the lowest bid did not win, the award criteria were not price only, as the indicators assume.
  if (
    winner !== undefined &&
    winnerAmount !== undefined &&
    other !== undefined &&
    otherAmount !== undefined &&
    otherAmount >= winnerAmount
  ) {
    state.secondLowestBidRatios.set(ocid, (otherAmount - winnerAmount) / winnerAmount);
    state.winnerAndLowestNonWinner.set(ocid, [winner, other]);
  }
}

const folds: Partial<Record<IndicatorCode, (state: State, release: Json, ocid: string, ctx: Context) => void>> = {
  /** Short submission period. */
  R003(state, release, ocid, ctx) {
    const tender = obj(release, 'tender');
    const s = ctx.settings.R003 ?? {};
    const start = str(obj(tender, 'tenderPeriod'), 'startDate');
    const end = str(obj(tender, 'tenderPeriod'), 'endDate');
    if (!tender || !matchesProcurementMethod(tender, ctx.r003Methods) || start === undefined || end === undefined) return;
    const days = durationDays(start, end);
    if (days === undefined) return;
    const details = str(tender, 'procurementMethodDetails');
    const byDetails = s.procurementMethodDetails ?? {};
    const threshold = details !== undefined && Object.hasOwn(byDetails, details) ? byDetails[details] : (s.threshold ?? 15);
    if (days < threshold) state.set('OCID', ocid, 'R003', 1);
  },

  /** Single bid received in a competitive procedure. */
  R018(state, release, ocid, { r018Methods }) {
    const tender = obj(release, 'tender');
    // serde's `as_u64()`: a non-negative integer; JSON.parse cannot tell 1 from 1.0, which upstream would skip.
    if (tender && matchesProcurementMethod(tender, r018Methods) && num(tender, 'numberOfTenderers') === 1)
      state.set('OCID', ocid, 'R018', 1);
  },

  /** Winning bids that rarely win. */
  R025(state, release) {
    const sole = soleSupplier(release);
    if (!sole) return;
    const valid = new Set<string>();
    for (const bid of sole.details) {
      const tenderer = soleTenderer(bid);
      if (str(bid, 'status') === 'valid' && tenderer !== undefined) valid.add(tenderer);
    }
    // Each tenderer once per contracting process, whatever its number of bids.
    for (const id of valid) addFraction(state.r025Tenderer, id, id === sole.supplierId ? 1 : 0, 1);
  },

  /** Identical bid prices from different tenderers. */
  R028(state, release, ocid, ctx) {
    if (!comparesPrices(release, ctx)) return;
    const prices = new Map<string, Set<string>>();
    for (const bid of submittedBids(release)) {
      const value = obj(bid, 'value');
      const amount = num(value, 'amount');
      const currency = str(value, 'currency');
      if (!arr(bid, 'tenderers') || amount === undefined || currency === undefined) continue;
      const ids = new Set(tendererIds(bid));
      if (ids.size === 0) continue;
      // String(-0) is "0": 0 and -0 are one price, as with Rust's OrderedFloat.
      const price = `${amount}\u0000${currency}`;
      const previous = prices.get(price);
      // A tenderer may submit more bids at the same price.
      if (previous && !sameSet(ids, previous)) {
        state.set('OCID', ocid, 'R028', 1);
        for (const id of [...ids, ...previous]) state.set('Tenderer', id, 'R028', 1);
      }
      prices.set(price, ids);
    }
  },

  /** Late bid won. */
  R030(state, release, ocid) {
    const end = str(obj(obj(release, 'tender'), 'tenderPeriod'), 'endDate');
    const awards = arr(release, 'awards');
    const details = arr(obj(release, 'bids'), 'details');
    if (end === undefined || !awards || !details) return;
    const suppliers = new Set<string>();
    for (const award of awards) {
      if (str(award, 'status') !== 'active') continue;
      for (const supplier of arr(award, 'suppliers') ?? []) {
        const id = str(supplier, 'id');
        if (id !== undefined) suppliers.add(id);
      }
    }
    for (const bid of details) {
      const date = str(bid, 'date');
      // Upstream compares the date strings, not instants.
      if (str(bid, 'status') !== 'valid' || date === undefined || !arr(bid, 'tenderers') || !(date > end)) continue;
      for (const id of tendererIds(bid)) {
        if (suppliers.has(id)) {
          state.set('OCID', ocid, 'R030', 1);
          state.set('Tenderer', id, 'R030', 1);
        }
      }
    }
  },

  /** All but one tenderer disqualified. */
  R035(state, release, ocid, { settings }) {
    const threshold = Math.max(settings.R035?.threshold ?? 1, 1);
    const found = completeAwardsAndBids(release);
    if (!found) return;
    const suppliers = new Set<string>();
    for (const award of found.awards)
      for (const s of arr(award, 'suppliers') ?? []) if (str(s, 'id') !== undefined) suppliers.add(str(s, 'id')!);
    const valid = new Set<string>();
    const disqualified = new Set<string>();
    for (const bid of found.details) {
      const status = str(bid, 'status');
      if (!arr(bid, 'tenderers')) continue;
      const set = status === 'valid' ? valid : status === 'disqualified' ? disqualified : undefined;
      if (set) for (const id of tendererIds(bid)) set.add(id);
    }
    // Not applicable to several winners: a buyer may join bids into one award, which is no red flag.
    if (valid.size !== 1 || !sameSet(valid, suppliers)) return;
    const difference = [...disqualified].filter((id) => !valid.has(id)).length;
    if (difference >= threshold) {
      state.set('OCID', ocid, 'R035', difference);
      state.set('Tenderer', [...valid][0], 'R035', 0);
    }
  },

  /** Lowest submitted bid disqualified. */
  R036(state, release, ocid, ctx) {
    if (!comparesPrices(release, ctx)) return;
    const awards = arr(release, 'awards');
    if (!awards || !awards.some((a) => str(a, 'status') === 'active')) return;
    let lowest: number | undefined;
    let lowestDisqualified = false;
    let validWithAmount = false;
    for (const bid of submittedBids(release)) {
      const status = str(bid, 'status')!;
      const value = obj(bid, 'value');
      const amount = num(value, 'amount');
      const currency = str(value, 'currency');
      if (amount === undefined || currency === undefined) continue;
      if (!state.sameCurrency(currency, ctx.settings.currency)) continue;
      if (lowest === undefined || amount < lowest) {
        lowest = amount;
        lowestDisqualified = status === 'disqualified';
      }
      if (status === 'valid') validWithAmount = true;
    }
    if (validWithAmount && lowestDisqualified) state.set('OCID', ocid, 'R036', 1);
  },

  /** Excessive disqualified bids (per buyer, procuring entity and tenderer). */
  R038(state, release) {
    const bids = submittedBids(release);
    if (bids.length === 0) return;
    let disqualified = 0;
    for (const bid of bids) {
      const increment = str(bid, 'status') === 'disqualified' ? 1 : 0;
      disqualified += increment;
      if (arr(bid, 'tenderers')) for (const id of tendererIds(bid)) addFraction(state.r038Tenderer, id, increment, 1);
    }
    const buyer = str(obj(release, 'buyer'), 'id');
    if (buyer !== undefined) addFraction(state.r038Buyer, buyer, disqualified, bids.length);
    const entity = str(obj(obj(release, 'tender'), 'procuringEntity'), 'id');
    if (entity !== undefined) addFraction(state.r038ProcuringEntity, entity, disqualified, bids.length);
  },

  /** Heterogeneous supplier (many distinct item classifications). */
  R048(state, release, _ocid, { settings }) {
    const digits = settings.R048?.digits ?? 2;
    const observed = new Set<string>();
    for (const award of arr(release, 'awards') ?? []) {
      const items = arr(award, 'items');
      const suppliers = arr(award, 'suppliers');
      // Not every supplier of a joint award supplies every item: only single-supplier awards count.
      if (str(award, 'status') !== 'active' || !items || !suppliers || suppliers.length !== 1) continue;
      const supplierId = str(suppliers[0], 'id');
      if (supplierId === undefined) continue;
      for (const item of items) {
        const code = str(obj(item, 'classification'), 'id');
        if (code === undefined) continue;
        let entry = state.r048Classifications.get(supplierId);
        if (!entry) state.r048Classifications.set(supplierId, (entry = { count: 0, codes: new Set() }));
        if (!observed.has(supplierId)) {
          observed.add(supplierId);
          entry.count += 1; // a supplier counts once per contracting process
        }
        entry.codes.add(Array.from(code).slice(0, digits).join('')); // Rust `chars().take(n)`: code points
      }
    }
  },
};

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Notes Q1 and computes, notes and returns Q3. */
function quartiles(state: State, code: IndicatorCode, values: number[], q1: number, prefix = ''): number {
  const q3 = quantile(values, 0.75);
  state.note(code, `${prefix}q1`, q1);
  state.note(code, `${prefix}q3`, q3);
  return q3;
}

const lowerFence = (q1: number, q3: number) => mulAdd(q3 - q1, -1.5, q1);
const upperFence = (q1: number, q3: number) => mulAdd(q3 - q1, 1.5, q3);

const finalizers: Partial<Record<IndicatorCode, (state: State, settings: CardinalSettings) => void>> = {
  /** Winning bid very close to the next: ratio at or below Q1 − 1.5·IQR (or the set threshold). */
  R024(state, settings) {
    const ratios = [...state.secondLowestBidRatios.values()];
    const threshold = settings.R024?.threshold;
    const q1 = threshold === undefined ? quantile(ratios, 0.25) : 1; // a set threshold passes the guard
    const fence = threshold ?? lowerFence(q1, quartiles(state, 'R024', ratios, q1));
    state.note('R024', 'lower_fence', fence);
    // Ratios are non-negative: if Q1 is 0, three quarters of processes would be flagged; skip.
    if (!(q1 > 0 && fence > 0)) return;
    for (const [ocid, ratio] of state.secondLowestBidRatios) {
      if (ratio > fence) continue;
      state.set('OCID', ocid, 'R024', ratio);
      for (const id of state.winnerAndLowestNonWinner.get(ocid)!) state.set('Tenderer', id, 'R024', 0);
    }
  },

  /** Tenderers who bid often (at or above the percentile) and win rarely (at or below Q1 − 1.5·IQR). */
  R025(state, settings) {
    const fractions = [...state.r025Tenderer.values()];
    const often = quantile(
      fractions.map((f) => f.denominator),
      (settings.R025?.percentile ?? 75) / 100,
    );
    const threshold = settings.R025?.threshold;
    const ratios = fractions.map((f) => f.numerator / f.denominator);
    const q1 = threshold === undefined ? quantile(ratios, 0.25) : 1;
    const fence = threshold ?? lowerFence(q1, quartiles(state, 'R025', ratios, q1));
    state.note('R025', 'upper_fence', often);
    state.note('R025', 'lower_fence', fence);
    if (!(q1 > 0 && fence > 0)) return;
    for (const [id, f] of state.r025Tenderer) {
      const ratio = f.numerator / f.denominator;
      if (f.denominator >= often && ratio <= fence) state.set('Tenderer', id, 'R025', ratio);
    }
  },

  R038(state, settings) {
    const s = settings.R038 ?? {};
    const flag = (fractions: Map<string, Fraction>, minimum: number, group: Group) => {
      const ratios = [...fractions]
        .filter(([, f]) => f.denominator >= minimum)
        .map(([id, f]) => [id, f.numerator / f.denominator] as const);
      if (ratios.length === 0) return;
      const values = ratios.map(([, r]) => r);
      let fence = s.threshold;
      if (fence === undefined) {
        const q1 = quantile(values, 0.25);
        fence = upperFence(q1, quartiles(state, 'R038', values, q1, `${group}_`));
      }
      state.note('R038', `${group}_upper_fence`, fence);
      // If three quarters of cases have no disqualified bid, the fence is 0 and would flag them all: skip.
      if (!(fence > 0)) return;
      for (const [id, ratio] of ratios) if (ratio >= fence) state.set(group, id, 'R038', ratio);
    };
    flag(state.r038Buyer, s.minimumContractingProcesses ?? 2, 'Buyer');
    flag(state.r038ProcuringEntity, s.minimumContractingProcesses ?? 2, 'ProcuringEntity');
    flag(state.r038Tenderer, s.minimumSubmittedBids ?? 2, 'Tenderer');
  },

  R048(state, settings) {
    const s = settings.R048 ?? {};
    const lengths = [...state.r048Classifications]
      .filter(([, e]) => e.count >= (s.minimumContractingProcesses ?? 20))
      .map(([id, e]) => [id, e.codes.size] as const);
    const values = lengths.map(([, n]) => n);
    const q1 = s.threshold === undefined ? quantile(values, 0.25) : NaN;
    const fence = s.threshold ?? upperFence(q1, quartiles(state, 'R048', values, q1));
    state.note('R048', 'upper_fence', fence);
    for (const [id, n] of lengths) if (n >= fence) state.set('Tenderer', id, 'R048', n);
  },

  /** Winning bid far below the next: ratio at or above Q3 + 1.5·IQR (or the set threshold). */
  R058(state, settings) {
    const ratios = [...state.secondLowestBidRatios.values()];
    const q1 = settings.R058?.threshold === undefined ? quantile(ratios, 0.25) : NaN;
    const fence = settings.R058?.threshold ?? upperFence(q1, quartiles(state, 'R058', ratios, q1));
    state.note('R058', 'upper_fence', fence);
    if (!(fence > 0)) return;
    for (const [ocid, ratio] of state.secondLowestBidRatios) {
      if (ratio < fence) continue;
      state.set('OCID', ocid, 'R058', ratio);
      state.set('Tenderer', state.winnerAndLowestNonWinner.get(ocid)![0], 'R058', 0);
    }
  },
};

const ORDER: IndicatorCode[] = ['R003', 'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038', 'R048', 'R058'];

export interface IndicatorRun {
  /** Folds one release in (anything not an object with a string `ocid` is skipped, as upstream skips it). */
  add(release: unknown): void;
  /** Computes the fences and returns the results; call once, after the last release. */
  finish(): IndicatorResults;
}

/**
 * An incremental run, for releases that arrive one at a time (e.g. from `readOcds`): only the
 * per-process and per-organisation figures the fences need are kept, never the releases.
 */
export function createIndicatorRun(settings: CardinalSettings, options: { meta?: IndicatorMeta } = {}): IndicatorRun {
  const state = new State();
  const enabled = ORDER.filter((code) => settings[code] !== undefined);
  const ctx: Context = {
    settings,
    noPriceComparison: pipeSet(settings.noPriceComparisonProcurementMethods),
    r003Methods: pipeSet(settings.R003?.procurementMethods),
    r018Methods: pipeSet(settings.R018?.procurementMethods ?? 'open|selective'),
    priceComparison: pipeSet(settings.priceComparisonProcurementMethods),
  };
  const excluded = pipeSet(settings.exclusions?.procurementMethodDetails);
  const none = new Set<string>();
  const needsRatios = settings.R024 !== undefined || settings.R058 !== undefined;
  const steps = enabled.map((code) => folds[code]).filter((f) => f !== undefined);

  return {
    add(release) {
      if (!isObject(release)) return;
      const ocid = str(release, 'ocid');
      if (ocid === undefined || str(obj(release, 'tender'), 'status') === 'cancelled') return;
      if (!matchesProcurementMethodDetails(release, none, excluded)) return;
      // Upstream runs the shared ratio first; it and R036 share the first-observed currency.
      if (needsRatios) foldSecondLowestBidRatio(state, release, ocid, ctx);
      for (const fold of steps) fold(state, release, ocid, ctx);
    },
    finish() {
      for (const code of enabled) finalizers[code]?.(state, settings);
      if (options.meta) Object.assign(options.meta, state.meta);
      const out: IndicatorResults = {};
      for (const [group, ids] of state.results) if (ids.size) out[group] = Object.fromEntries(ids);
      return out;
    },
  };
}

/**
 * Runs every indicator whose section is present in `settings` over the releases (OCDS compiled
 * releases, any iterable, consumed once) and returns cardinal's `results`: group → id → code → value.
 * Releases without a string `ocid`, cancelled tenders and excluded `procurementMethodDetails` are skipped.
 * Pass `options.meta` (an empty object) to receive the quartiles and fences used, to explain each flag.
 */
export function computeIndicators(
  releases: Iterable<unknown>,
  settings: CardinalSettings,
  options: { meta?: IndicatorMeta } = {},
): IndicatorResults {
  const run = createIndicatorRun(settings, options);
  for (const release of releases) run.add(release);
  return run.finish();
}
