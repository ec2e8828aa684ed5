import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  ALL_INDICATORS_INI,
  createIndicatorRun,
  explainResults,
  parseSettings,
  OcdsError,
  readOcds,
  type CardinalSettings,
  type ExplainedFlag,
  type IndicatorMeta,
} from './ocds/index.js';
import { AppError } from '../../common/errors.js';
import type { Flag } from './tender.js';

/**
 * The eleven cardinal-rs red flags (ocds/) run over an OCDS file, as flags of the module's shape.
 * The indicators compare each process with quartiles and fences of the whole file, so they are
 * known only after its last release: callers run them in a first pass over the file (a file on disk
 * or an upload already in memory is read twice; memory stays bounded by the per-process figures),
 * then attach the OCID-level flags to each tender as it is screened.
 */

/** The module's settings file, in cardinal's INI format, in the data directory; absent = all eleven. */
export const RED_FLAG_SETTINGS_NAME = 'procurement-red-flags.ini';

export function redFlagSettings(dataDir: string): CardinalSettings {
  const file = path.join(dataDir, RED_FLAG_SETTINGS_NAME);
  if (!fs.existsSync(file)) return parseSettings(ALL_INDICATORS_INI);
  try {
    return parseSettings(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (!(err instanceof OcdsError)) throw err;
    // a wrong settings file is the office's to fix: every wrong line, located, in both languages
    throw new AppError(
      'VALIDATION_FAILED',
      err.details.map((d) => ({
        path: `${RED_FLAG_SETTINGS_NAME}:${d.line ?? 0}${d.path ? ` ${d.path}` : ''}`,
        message: `${d.messageZh} / ${d.message}`,
      })),
    );
  }
}

export interface RedFlags {
  /** ocid → its flags. */
  byOcid: Map<string, Flag[]>;
  /** buyer / procuring-entity / tenderer identifier → flags about that party (`inputs.group` says which). */
  byParty: Map<string, Flag[]>;
  /** party identifier → its name, where a release named it (parties, buyer, tender.procuringEntity). */
  names: Map<string, string>;
  count: number;
}

const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The names a release gives its organisations; a later release's name wins. */
function collectNames(release: Record<string, unknown>, names: Map<string, string>): void {
  const tender = asObject(release.tender);
  const orgs = [...(Array.isArray(release.parties) ? release.parties : []), release.buyer, tender?.procuringEntity];
  for (const org of orgs) {
    const o = asObject(org);
    const id = textOf(o?.id);
    const name = textOf(o?.name);
    if (id && name) names.set(id, name);
  }
}

function toFlag(f: ExplainedFlag, settings: CardinalSettings, meta: IndicatorMeta): Flag {
  const section = settings[f.code] as { threshold?: number } | undefined;
  const threshold = section?.threshold;
  return {
    code: f.code,
    why: `${f.title.zh}：${f.why.zh}`,
    whyEn: `${f.title.en}: ${f.why.en}`,
    inputs: { group: f.group, id: f.id, value: f.value, ...(meta[f.code] ?? {}) },
    ...(threshold === undefined ? {} : { threshold }),
  };
}

/**
 * Streams the file's releases through every indicator enabled in `settings`. A malformed file gives
 * no flags: the screening pass over the same file reports it as a located problem and stores nothing.
 */
export async function computeRedFlags(input: Readable, settings: CardinalSettings): Promise<RedFlags> {
  // the quartiles and fences of the run, so each why names the fence the value crossed
  const meta: IndicatorMeta = {};
  const run = createIndicatorRun(settings, { meta });
  const names = new Map<string, string>();
  try {
    for await (const { release } of readOcds(input)) {
      run.add(release);
      collectNames(release, names);
    }
  } catch (err) {
    if (err instanceof OcdsError) return { byOcid: new Map(), byParty: new Map(), names: new Map(), count: 0 };
    throw err;
  }
  const results = run.finish();
  const byOcid = new Map<string, Flag[]>();
  const byParty = new Map<string, Flag[]>();
  let count = 0;
  for (const f of explainResults(results, settings, meta)) {
    const target = f.group === 'OCID' ? byOcid : byParty;
    const list = target.get(f.id) ?? [];
    list.push(toFlag(f, settings, meta));
    target.set(f.id, list);
    count++;
  }
  return { byOcid, byParty, names, count };
}
