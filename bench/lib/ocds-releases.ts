/**
 * Synthetic OCDS compiled releases for the red-flag benchmark: deterministic (seeded), clearly fake
 * (names marked 示例), shaped like a city's construction tenders with the bids extension, and salted
 * with the patterns each of the eleven indicators looks for (short periods, single bids, identical
 * prices, late winners, disqualified rivals, cover bidders, very broad suppliers) so every indicator
 * does its real work. Written as JSON Lines, streamed, never held in memory.
 */
import fs from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small, fast, seeded PRNG (public domain). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['open', 'open', 'open', 'open', 'open', 'open', 'selective', 'selective', 'limited', 'direct'];
const DETAILS = ['公开招标', '公开招标', '公开招标', '邀请招标', '竞争性谈判', '竞争性磋商', '询价', '单一来源'];
const DAY = 86_400_000;

/** One release; `i` numbers it, `r` is the shared generator. */
export function syntheticRelease(i: number, r: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const start = Date.UTC(2024, 0, 1) + int(0, 700) * DAY;
  const periodDays = r() < 0.08 ? int(3, 14) : int(20, 40);
  const end = start + periodDays * DAY;
  const estimate = int(50, 5000) * 10_000;
  const bidders = r() < 0.05 ? 1 : int(2, 9);
  // Tenderers 0–99 are frequent "cover bidders"; the rest a long tail.
  const ids = new Set<number>();
  while (ids.size < bidders) ids.add(r() < 0.3 ? int(0, 99) : int(100, 4999));
  const identical = r() < 0.01;
  // Competitive prices: each bid a few per cent above the one before (so the gap between the two
  // lowest is usually 3–4 %); now and then a cover bid just above the winner (R024) or a winner
  // far below the rest (R058).
  const cover = r() < 0.02;
  const discount = r() < 0.01;
  let price = Math.round(estimate * (0.85 + r() * 0.1));
  const details = [...ids].map((t, j) => {
    const status = r() < 0.08 ? 'disqualified' : r() < 0.01 ? 'pending' : 'valid';
    const before = price;
    if (j > 0) price = Math.round(price * (cover && j === 1 ? 1.001 : discount && j === 1 ? 1.4 : 1.03 + r() * 0.01));
    const amount = identical && j === 1 ? before : price; // R028: two bids at the same price
    const late = r() < 0.005;
    return {
      id: `${i}-${j}`,
      date: new Date((late ? end + DAY : end - int(1, 5) * 3_600_000) as number).toISOString(),
      status,
      tenderers: [{ id: `T${t}`, name: `示例建设工程有限公司${t}` }],
      value: { amount, currency: 'CNY' },
    };
  });
  const valid = details.filter((d) => d.status === 'valid');
  // Price-only award: the lowest valid bid wins; cover bidders (T0–T99) win less often.
  const sorted = [...valid].sort((a, b) => a.value.amount - b.value.amount);
  const winner = sorted.find((d) => Number(d.tenderers[0].id.slice(1)) >= 100 || r() < 0.2) ?? sorted[0];
  const buyer = `B${int(1, 120)}`;
  const supplier = winner?.tenderers[0].id;
  const wide = supplier !== undefined && Number(supplier.slice(1)) % 97 === 0;
  const items = Array.from({ length: int(1, 3) }, (_, k) => ({
    id: `${i}-item-${k}`,
    classification: {
      scheme: 'CPV',
      id: `${wide ? int(10, 99) : pick(['45', '45', '44', '71'])}${String(int(0, 999999)).padStart(6, '0')}`,
    },
  }));
  return {
    ocid: `ocds-bench-${i}`,
    id: `ocds-bench-${i}-compiled`,
    date: new Date(end + 10 * DAY).toISOString(),
    tag: ['compiled'],
    initiationType: 'tender',
    buyer: { id: buyer, name: `示例市采购人${buyer.slice(1)}` },
    tender: {
      id: `${i}`,
      title: `示例道路改造工程 ${i} 标段`,
      status: r() < 0.01 ? 'cancelled' : 'complete',
      procurementMethod: pick(METHODS),
      procurementMethodDetails: pick(DETAILS),
      procuringEntity: { id: `P${int(1, 40)}`, name: '示例招标代理有限公司' },
      value: { amount: estimate, currency: 'CNY' },
      tenderPeriod: { startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() },
      numberOfTenderers: bidders,
    },
    bids: { details },
    awards: winner
      ? [{ id: `${i}-award`, status: 'active', suppliers: [{ id: supplier, name: winner.tenderers[0].name }], value: winner.value, items }]
      : [],
  };
}

/** Writes `n` releases as JSON Lines to `file`; returns the file's size in bytes. */
export async function writeSyntheticReleases(file: string, n: number, seed = 20260302): Promise<number> {
  const r = random(seed);
  const out = fs.createWriteStream(file);
  let batch = '';
  for (let i = 0; i < n; i++) {
    batch += JSON.stringify(syntheticRelease(i, r)) + '\n';
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  return fs.statSync(file).size;
}
