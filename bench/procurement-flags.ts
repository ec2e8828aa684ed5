/**
 * The eleven OCDS red flags over 100 000 synthetic compiled releases, streamed from a JSON Lines
 * file (issue 12: ≤ 10 s). `benchRedFlags()` writes the file, then runs the flags in a fresh child
 * process, so `peak_rss_mb` is the flags' own peak, not the generator's or another bench's.
 * Alone: `npx tsx bench/procurement-flags.ts [n]` prints the figures as one JSON line.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ALL_INDICATORS_INI, createIndicatorRun, INDICATOR_CODES, parseSettings, readOcds } from '../src/modules/procurement/ocds/index.js';
import { writeSyntheticReleases } from './lib/ocds-releases.js';

const here = fileURLToPath(import.meta.url);

export interface RedFlagFigures {
  releases: number;
  flags_seconds: number;
  /** CPU time (user + system) of the flags process: what the run costs, whatever else the machine is doing. */
  flags_cpu_seconds: number;
  peak_rss_mb: number;
  file_mb: number;
  releases_per_s: number;
  flagged: Record<string, number>;
}

/** Reads the file and computes all eleven indicators; runs inside the child process. */
async function runFlags(file: string): Promise<Omit<RedFlagFigures, 'file_mb'>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const run = createIndicatorRun(parseSettings(ALL_INDICATORS_INI));
  let releases = 0;
  for await (const { release } of readOcds(fs.createReadStream(file, { highWaterMark: 1 << 20 }))) {
    run.add(release);
    releases++;
  }
  const results = run.finish();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const flagged = Object.fromEntries(INDICATOR_CODES.map((c) => [c, 0]));
  for (const ids of Object.values(results)) for (const codes of Object.values(ids)) for (const c of Object.keys(codes)) flagged[c]++;
  return {
    releases,
    flags_seconds: Math.round(seconds * 100) / 100,
    flags_cpu_seconds: Math.round((used.user + used.system) / 1e4) / 100,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    releases_per_s: Math.round(releases / seconds),
    flagged,
  };
}

export async function benchRedFlags(n = 100_000): Promise<RedFlagFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-flags-'));
  const file = path.join(dir, 'releases.jsonl');
  try {
    console.error(`writing ${n} synthetic compiled releases to ${file} …`);
    const bytes = await writeSyntheticReleases(file, n);
    console.error(`${(bytes / 1e6).toFixed(1)} MB written; computing the eleven red flags in a fresh process …`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', here, '--child', file], { maxBuffer: 1 << 20 });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<RedFlagFigures, 'file_mb'>;
    return { ...figures, file_mb: Math.round(bytes / 1e5) / 10 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') console.log(JSON.stringify(await runFlags(args[1])));
  else console.log(JSON.stringify({ bench: 'procurement-flags', ...(await benchRedFlags(args[0] ? Number(args[0]) : undefined)) }));
}
