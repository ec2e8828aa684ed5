/**
 * Settings of the red-flag indicators, read from the INI file cardinal-rs reads (its `config` crate
 * with rust-ini): keys before any section are global, `[exclusions]` and one section per indicator
 * follow, a dotted section (`[R003.procurement_method_details]`) nests. An indicator runs when its
 * section is present, even empty. Like upstream (serde `deny_unknown_fields`), an unknown key or
 * section, or a value of the wrong type, is refused — here with its line.
 */
import { OcdsError, type OcdsErrorDetail } from './errors.js';

export const INDICATOR_CODES = ['R003', 'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038', 'R048', 'R058'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface CardinalSettings {
  /** Only bids in this currency are compared; if unset, the first currency observed. */
  currency?: string;
  /** `tender.procurementMethodDetails` values (pipe-separated in the file) whose prices are not compared. */
  noPriceComparisonProcurementMethods?: string;
  /** If set, prices are compared only for these `procurementMethodDetails` values. */
  priceComparisonProcurementMethods?: string;
  exclusions?: { procurementMethodDetails?: string };
  R003?: { threshold?: number; procurementMethods?: string; procurementMethodDetails?: Record<string, number> };
  R018?: { procurementMethods?: string };
  R024?: { threshold?: number };
  R025?: { percentile?: number; threshold?: number };
  R028?: Record<string, never>;
  R030?: Record<string, never>;
  R035?: { threshold?: number };
  R036?: Record<string, never>;
  R038?: { threshold?: number; minimumSubmittedBids?: number; minimumContractingProcesses?: number };
  R048?: { digits?: number; threshold?: number; minimumContractingProcesses?: number };
  R058?: { threshold?: number };
  /** Sections of cardinal's `prepare` command, kept as read (not used by the indicators). */
  prepare?: Record<string, Record<string, string>>;
}

/** A settings file that enables all eleven indicators with upstream's defaults. */
export const ALL_INDICATORS_INI = INDICATOR_CODES.map((c) => `[${c}]`).join('\n') + '\n';

type Kind = 'string' | 'float' | 'int' | 'count';
interface KeySpec {
  name: string;
  kind: Kind;
}
const k = (ini: string, name: string, kind: Kind): [string, KeySpec] => [ini, { name, kind }];

/** For each section ('' = before any section), its keys: INI name → property and type. */
const SECTIONS: Record<string, Map<string, KeySpec>> = {
  '': new Map([
    k('currency', 'currency', 'string'),
    k('no_price_comparison_procurement_methods', 'noPriceComparisonProcurementMethods', 'string'),
    k('price_comparison_procurement_methods', 'priceComparisonProcurementMethods', 'string'),
    // The name cardinal-rs used for the same setting before 0.0.6; old settings files keep working.
    k('fixed_price_procurement_methods', 'noPriceComparisonProcurementMethods', 'string'),
  ]),
  exclusions: new Map([k('procurement_method_details', 'procurementMethodDetails', 'string')]),
  R003: new Map([k('threshold', 'threshold', 'int'), k('procurement_methods', 'procurementMethods', 'string')]),
  R018: new Map([k('procurement_methods', 'procurementMethods', 'string')]),
  R024: new Map([k('threshold', 'threshold', 'float')]),
  R025: new Map([k('percentile', 'percentile', 'count'), k('threshold', 'threshold', 'float')]),
  R028: new Map(),
  R030: new Map(),
  R035: new Map([k('threshold', 'threshold', 'count')]),
  R036: new Map(),
  R038: new Map([
    k('threshold', 'threshold', 'float'),
    k('minimum_submitted_bids', 'minimumSubmittedBids', 'count'),
    k('minimum_contracting_processes', 'minimumContractingProcesses', 'count'),
  ]),
  R048: new Map([
    k('digits', 'digits', 'count'),
    k('threshold', 'threshold', 'count'),
    k('minimum_contracting_processes', 'minimumContractingProcesses', 'count'),
  ]),
  R058: new Map([k('threshold', 'threshold', 'float')]),
};
/** Sections of cardinal's `prepare` command: accepted and kept, not interpreted. */
const PREPARE_SECTIONS = new Set([
  'defaults',
  'redactions',
  'corrections',
  'modifications',
  'codelists.bid_status',
  'codelists.award_status',
]);

const PATTERNS: Record<Exclude<Kind, 'string'>, RegExp> = {
  float: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/,
  int: /^[+-]?\d+$/,
  count: /^\+?\d+$/,
};
const KIND_NAMES: Record<Exclude<Kind, 'string'>, { zh: string; en: string }> = {
  float: { zh: '数值', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  count: { zh: '非负整数', en: 'a whole number ≥ 0' },
};

/** rust-ini unquotes "…" and '…' and reads backslash escapes. */
function unquote(raw: string): string {
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
  const body = quoted ? raw.slice(1, -1) : raw;
  const escapes: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '0': '\0',
    '\\': '\\',
    '"': '"',
    "'": "'",
    ';': ';',
    '#': '#',
    '=': '=',
    ':': ':',
  };
  return body.replace(/\\(.)/g, (m, c: string) => escapes[c] ?? m);
}

function problem(line: number, path: string, en: string, zh: string): OcdsErrorDetail {
  return { line, path, message: en, messageZh: zh };
}

/** Parses a cardinal-rs settings file. Throws `OcdsError('SETTINGS_INVALID')` listing every problem with its line. */
export function parseSettings(ini: string): CardinalSettings {
  const settings: Record<string, unknown> = {};
  const problems: OcdsErrorDetail[] = [];
  let section = '';
  let target: Record<string, unknown> = settings;
  const lines = ini.replace(/^\uFEFF/, '').split(/\r?\n/);

  lines.forEach((text, index) => {
    const line = index + 1;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) return;

    if (trimmed.startsWith('[')) {
      const close = trimmed.indexOf(']');
      if (close < 0) {
        problems.push(problem(line, trimmed, 'a section header needs a closing "]"', '节名缺少右方括号“]”'));
        return;
      }
      section = trimmed.slice(1, close).trim();
      const [head, ...rest] = section.split('.');
      const sub = rest.join('.');
      if (PREPARE_SECTIONS.has(section)) {
        const prepare = (settings.prepare ??= {}) as Record<string, Record<string, string>>;
        target = prepare[section] ??= {};
      } else if (head in SECTIONS && head !== '' && (sub === '' || (head === 'R003' && sub === 'procurement_method_details'))) {
        const indicator = (settings[head] ??= {}) as Record<string, unknown>;
        target = sub ? ((indicator.procurementMethodDetails ??= {}) as Record<string, unknown>) : indicator;
      } else {
        problems.push(
          problem(
            line,
            `[${section}]`,
            `unknown section [${section}]; known: ` +
              `[exclusions], ${INDICATOR_CODES.map((c) => `[${c}]`).join(', ')}, [R003.procurement_method_details]`,
            `未知的节 [${section}]；可用的节为 [exclusions]、各指标节（如 [R003]）和 [R003.procurement_method_details]`,
          ),
        );
        target = {}; // keys of an unknown section are not checked again
      }
      return;
    }

    const separator = trimmed.search(/[=:]/);
    if (separator <= 0) {
      problems.push(problem(line, trimmed, 'expected "key = value"', '应为“键 = 值”的形式'));
      return;
    }
    const key = trimmed.slice(0, separator).trim();
    const value = unquote(trimmed.slice(separator + 1).trim());
    const where = section ? `[${section}] ${key}` : key;

    if (section === 'R003.procurement_method_details') {
      if (!PATTERNS.int.test(value)) {
        problems.push(
          problem(line, where, `must be ${KIND_NAMES.int.en} (days), not "${value}"`, `应为${KIND_NAMES.int.zh}（天数），而不是“${value}”`),
        );
      } else target[key] = Number(value);
      return;
    }
    if (PREPARE_SECTIONS.has(section)) {
      target[key] = value;
      return;
    }
    const spec = SECTIONS[section]?.get(key);
    if (!SECTIONS[section]) return; // unknown section, already reported
    if (!spec) {
      const known = [...SECTIONS[section].keys()];
      problems.push(
        problem(
          line,
          where,
          `unknown setting "${key}"${known.length ? `; known here: ${known.join(', ')}` : '; this section takes no settings'}`,
          `未知的设置项“${key}”${known.length ? `；此处可用：${known.join('、')}` : '；此节没有可设置的项'}`,
        ),
      );
      return;
    }
    if (spec.kind !== 'string' && !PATTERNS[spec.kind].test(value)) {
      const kind = KIND_NAMES[spec.kind];
      problems.push(problem(line, where, `must be ${kind.en}, not "${value}"`, `应为${kind.zh}，而不是“${value}”`));
      return;
    }
    target[spec.name] = spec.kind === 'string' ? value : Number(value);
  });

  if (problems.length) throw new OcdsError('SETTINGS_INVALID', problems);
  return settings as CardinalSettings;
}

/** Splits a pipe-separated setting as Rust's `split_terminator('|')` does (a trailing "|" adds nothing). */
export function pipeSet(value: string | undefined): Set<string> {
  if (!value) return new Set();
  const parts = value.split('|');
  if (parts.at(-1) === '') parts.pop();
  return new Set(parts);
}
