/**
 * How cardinal-rs selects from a compiled release (its `Indicators::…` helpers in lib.rs): typed
 * field access as serde_json pattern matching does it, the procurement-method filters, final awards,
 * submitted and single-tenderer bids, and chrono's RFC 3339 day count.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (o: unknown, key: string): string | undefined =>
  isObject(o) && typeof o[key] === 'string' ? (o[key] as string) : undefined;
export const obj = (o: unknown, key: string): Json | undefined => (isObject(o) && isObject(o[key]) ? (o[key] as Json) : undefined);
export const arr = (o: unknown, key: string): unknown[] | undefined =>
  isObject(o) && Array.isArray(o[key]) ? (o[key] as unknown[]) : undefined;
export const num = (o: unknown, key: string): number | undefined =>
  isObject(o) && typeof o[key] === 'number' ? (o[key] as number) : undefined;

export function matchesProcurementMethod(tender: Json, set: Set<string>): boolean {
  if (set.size === 0) return true;
  const method = str(tender, 'procurementMethod');
  return method !== undefined && set.has(method);
}

/** An allow list (if non-empty) or else a deny list on `tender.procurementMethodDetails`. */
export function matchesProcurementMethodDetails(release: Json, include: Set<string>, exclude: Set<string>): boolean {
  const details = str(obj(release, 'tender'), 'procurementMethodDetails');
  if (details === undefined) return include.size === 0;
  return include.size === 0 ? !exclude.has(details) : include.has(details);
}

/** The active awards and the bids, or nothing if an award is still pending (results must be stable). */
export function completeAwardsAndBids(release: Json): { awards: Json[]; details: unknown[] } | undefined {
  const awards = arr(release, 'awards');
  const details = arr(obj(release, 'bids'), 'details');
  if (!awards || !details) return undefined;
  const complete: Json[] = [];
  for (const award of awards) {
    const status = str(award, 'status');
    if (status === undefined) continue;
    if (status === 'active') complete.push(award as Json);
    else if (status !== 'cancelled' && status !== 'unsuccessful') return undefined;
  }
  return { awards: complete, details };
}

/** The single supplier of the single active award, the case where all bids compete for all items. */
export function soleSupplier(release: Json): { supplierId: string; details: unknown[] } | undefined {
  const found = completeAwardsAndBids(release);
  if (!found || found.awards.length !== 1) return undefined;
  const suppliers = arr(found.awards[0], 'suppliers');
  if (!suppliers || suppliers.length !== 1) return undefined;
  const supplierId = str(suppliers[0], 'id');
  return supplierId === undefined ? undefined : { supplierId, details: found.details };
}

/** Pending, valid and disqualified bids (not invited or withdrawn). */
export function submittedBids(release: Json): Json[] {
  const out: Json[] = [];
  for (const bid of arr(obj(release, 'bids'), 'details') ?? []) {
    const status = str(bid, 'status');
    if (status !== undefined && status !== 'invited' && status !== 'withdrawn') out.push(bid as Json);
  }
  return out;
}

export function tendererIds(bid: unknown): string[] {
  return (arr(bid, 'tenderers') ?? []).map((t) => str(t, 'id')).filter((id): id is string => id !== undefined);
}

/** The single tenderer of a bid, if it has exactly one tenderer object with a string id. */
export function soleTenderer(bid: unknown): string | undefined {
  const tenderers = arr(bid, 'tenderers');
  return tenderers && tenderers.length === 1 ? str(tenderers[0], 'id') : undefined;
}

/** Whole days between two RFC 3339 date-times as chrono's `(end - start).num_days()`, or undefined if either is not RFC 3339. */
export function durationDays(start: string, end: string): number | undefined {
  const a = parseRfc3339(start);
  const b = parseRfc3339(end);
  if (!a || !b) return undefined;
  let seconds = b.seconds - a.seconds;
  let nanos = b.nanos - a.nanos;
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  const wholeSeconds = seconds < 0 && nanos > 0 ? seconds + 1 : seconds; // truncation toward zero
  return Math.trunc(wholeSeconds / 86_400);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Strict RFC 3339 (a time zone is required; an impossible date such as 02-30 is refused), as chrono parses it. */
export function parseRfc3339(text: string): { seconds: number; nanos: number } | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined;
  const days = Date.UTC(year, month - 1, day) / 1000;
  if (new Date(days * 1000).getUTCDate() !== day) return undefined;
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  if (Number(m[10]) > 23 || Number(m[11]) > 59) return undefined;
  const nanos = m[7] ? Number(m[7].slice(0, 9).padEnd(9, '0')) : 0;
  return { seconds: days + hour * 3600 + minute * 60 + second - offset, nanos };
}
