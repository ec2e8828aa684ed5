import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readTenders, type ReadProblem, type SourceFormat } from './reader.js';
import { Screener, type GroupResult, type PairResult, type TenderResult } from './screener.js';
import type { RedFlags } from './red-flags.js';
import type { Executor } from '../../db/database.js';
import type { RegistryAttacher } from './related-parties.js';
import type { Tender } from './tender.js';

/**
 * Screens one stream of tenders end to end: every tender is screened as it is read and handed to
 * `onTender` (so the caller may print or store it and let it go); pairs and groups come at the end.
 */
export interface ScreenRun {
  tenders: number;
  bids: number;
  pairs: PairResult[];
  groups: GroupResult[];
  problems: ReadProblem[];
  problemCount: number;
}

export async function screenStream(
  input: Readable,
  format: SourceFormat,
  onTender: (result: TenderResult, tender: Tender) => void | Promise<void>,
  options: { redFlags?: RedFlags | undefined; registry?: { attach: RegistryAttacher; db: Executor } } = {},
): Promise<ScreenRun> {
  const reading = readTenders(input, format);
  const screener = new Screener();
  let tenders = 0;
  for await (const tender of reading.tenders) {
    tenders++;
    if (options.registry) await options.registry.attach([tender], options.registry.db);
    const result = screener.add(tender);
    // the OCDS red flags of the tender's process (every lot of an ocid shares them)
    const red = options.redFlags?.byOcid.get(tender.tenderId);
    if (red) result.flags.push(...red);
    await onTender(result, tender);
  }
  const { pairs, groups } = screener.finish();
  return { tenders, bids: reading.rows(), pairs, groups, problems: reading.problems, problemCount: reading.problemCount() };
}

/** The format a file name suggests: .csv, .xlsx, else OCDS (.json, .jsonl). */
export function formatOfFile(file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return 'ocds';
}

export function isSourceFormat(value: string): value is SourceFormat {
  return value === 'csv' || value === 'xlsx' || value === 'ocds';
}

/** A file on disk as a stream (CSV and OCDS are never read whole; a 2 GB file streams). */
export function fileStream(file: string): Readable {
  return fs.createReadStream(file, { highWaterMark: 1 << 18 });
}

const r6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** One tender as `bizenv procurement screen --json` prints it (the shape issue 12 fixes). */
export function presentScreenedTender(r: TenderResult) {
  const s = r.screens;
  return {
    id: r.id,
    bids: r.bids,
    screens: { cv: r6(s.cv), spd: r6(s.spd), diffp: r6(s.diffp), rd: r6(s.rd), kurt: r6(s.kurt), skew: r6(s.skew), ks: r6(s.ks) },
    flags: r.flags.map((f) => ({ code: f.code, why: f.why, whyEn: f.whyEn, inputs: f.inputs, threshold: f.threshold })),
    risk: r.risk,
    suspect: r.suspect,
  };
}
