/**
 * Collusion screening at scale: 100 000 tenders with 1 000 000 bids, generated to a CSV file and
 * streamed through the whole engine (screens, Art. 40 signals, risk, pair statistics, groups), as
 * `bizenv procurement screen` runs it. Target (issue 12): ≤ 10 s, peak RSS < 1 GB. Then the OCDS
 * red-flag bench of ocds/ (benchRedFlags), whose figures join the last JSON line.
 *
 * The market is made of local segments of 15 bidders (a bidder meets the same rivals again, as in
 * a city's construction market); 5 % of segments are cartels bidding with cover bids.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { benchRedFlags } from './procurement-flags.js';
import { fileStream, screenStream } from '../src/modules/procurement/screen-file.js';
import { seededRandom, syntheticAmounts } from '../src/modules/procurement/synthetic.js';

const TENDERS = Number(process.env.BENCH_TENDERS ?? 100_000);
const SEGMENT = 15;
const TENDERS_PER_SEGMENT = 20;

export async function generate(file: string): Promise<number> {
  const rng = seededRandom(42);
  const out = fs.createWriteStream(file);
  out.write('tender_id,bidder_id,bidder_name,amount,bid_date,machine_id,deposit_account\n');
  let bids = 0;
  let chunk = '';
  for (let t = 0; t < TENDERS; t++) {
    const segment = Math.floor(t / TENDERS_PER_SEGMENT);
    const cartel = segment % 20 === 7;
    const n = 8 + Math.floor(rng() * 5); // 8..12, 10 on average
    const amounts = syntheticAmounts(rng, cartel ? 'cover' : 'competitive', n, 1e5 + Math.floor(rng() * 1e7));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(rng() * SEGMENT));
    let i = 0;
    const day = `2026-${String(1 + (t % 12)).padStart(2, '0')}-${String(1 + (t % 28)).padStart(2, '0')}`;
    for (const member of chosen) {
      const bidder = segment * SEGMENT + member;
      const machine = cartel && i < 2 ? `C${segment}` : `M${bidder}`;
      chunk += `T${t},B${bidder},示例投标人${bidder},${amounts[i++]},${day},${machine},${bidder}\n`;
      bids++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return bids;
}

export async function procurementScreening(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-procurement-'));
  const file = path.join(dir, 'bids.csv');
  try {
    let t0 = performance.now();
    const generated = await generate(file);
    const generateSeconds = (performance.now() - t0) / 1000;
    console.error(
      `generated ${TENDERS} tenders / ${generated} bids ` +
        `(${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${generateSeconds.toFixed(1)} s`,
    );
    t0 = performance.now();
    let suspect = 0;
    let flagged = 0;
    const run = await screenStream(fileStream(file), 'csv', (r) => {
      if (r.suspect) suspect++;
      if (r.flags.length) flagged++;
    });
    const seconds = (performance.now() - t0) / 1000;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.error(
      `screened ${run.tenders} tenders / ${run.bids} bids in ${seconds.toFixed(2)} s: ${suspect} suspect, ${flagged} flagged, ` +
        `${run.pairs.length} pairs, ${run.groups.length} groups; peak RSS ${peakRssMb} MB`,
    );
    const figures: Record<string, unknown> = {
      tenders: run.tenders,
      bids: run.bids,
      seconds: Math.round(seconds * 100) / 100,
      peak_rss_mb: peakRssMb,
      bids_per_s: Math.round(run.bids / seconds),
      suspect_tenders: suspect,
      flagged_tenders: flagged,
      pairs: run.pairs.length,
      groups: run.groups.length,
      generate_seconds: Math.round(generateSeconds * 10) / 10,
      pass: seconds <= 10 && peakRssMb < 1024,
    };
    Object.assign(figures, await redFlags());
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The eleven OCDS red flags over 100 000 compiled releases (bench/procurement-flags.ts). */
async function redFlags(): Promise<Record<string, unknown>> {
  const r = await benchRedFlags();
  return {
    releases: r.releases,
    flags_seconds: r.flags_seconds,
    flags_cpu_seconds: r.flags_cpu_seconds,
    flags_peak_rss_mb: r.peak_rss_mb,
    releases_per_s: r.releases_per_s,
  };
}
