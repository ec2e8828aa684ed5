/**
 * Golden tests against cardinal-rs's own expected outputs (copied byte for byte into
 * the shared reference data, `procurement/cardinal-rs`; see SOURCES.md there). The oracle is upstream's Rust
 * implementation, not this port: every value must be equal as a double, as in upstream's tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../../test/shared-data.js';
import { computeIndicators, parseSettings } from './index.js';

const CARDINAL = path.join(SHARED_DATA, 'procurement/cardinal-rs');
const FIXTURES = path.join(CARDINAL, 'tests-fixtures-indicators');
const EXAMPLES = path.join(CARDINAL, 'docs-examples-R');

const readLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

const expected = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/**
 * The settings upstream's test harness derives from a fixture's name (tests/test.rs): the
 * indicator's section, a setting named in the file name, and for every fixture the
 * `no_price_comparison_procurement_methods = NPC` and `[exclusions] procurement_method_details = EXC`.
 */
export function fixtureIni(name: string): string {
  const [code, setting, ...rest] = name.split('-');
  let section = `[${code}]\n`;
  if (setting === 'threshold' || setting === 'minimum_contracting_processes') section += `${setting} = ${rest[0]}\n`;
  else if (setting === 'procurement_methods') section += `procurement_methods = ${rest.join('-').replaceAll('+', '|')}\n`;
  else if (setting === 'procurement_method_details') {
    section += `[${code}.procurement_method_details]\n`;
    for (let i = 0; i < rest.length; i += 2) section += `${rest[i]} = ${rest[i + 1]}\n`;
  }
  return `no_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n${section}`;
}

const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => f.slice(0, -'.jsonl'.length))
  .sort();
const examples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => f.slice(0, -'.jsonl'.length))
  .sort();

describe('cardinal-rs golden outputs', () => {
  it('has all 15 fixtures and 11 documentation examples to compare against', () => {
    expect(fixtures).toHaveLength(15);
    expect(examples).toEqual(['003', '018', '024', '025', '028', '030', '035', '036', '038', '048', '058']);
  });

  it.each(fixtures)('tests/fixtures/indicators/%s gives exactly the expected results', (name) => {
    const settings = parseSettings(fixtureIni(name));
    const results = computeIndicators(readLines(path.join(FIXTURES, `${name}.jsonl`)), settings);
    expect(results).toStrictEqual(expected(path.join(FIXTURES, `${name}.expected`)));
  });

  it.each(examples)('docs/examples/R/%s.jsonl with its settings file gives the documented output', (name) => {
    const command = fs.readFileSync(path.join(EXAMPLES, `${name}.command`), 'utf8');
    const iniName = /--settings \S*\/([^/\s]+\.ini)/.exec(command)![1];
    expect(command).toContain('--no-meta');
    const settings = parseSettings(fs.readFileSync(path.join(EXAMPLES, iniName), 'utf8'));
    const results = computeIndicators(readLines(path.join(EXAMPLES, `${name}.jsonl`)), settings);
    expect(results).toStrictEqual(expected(path.join(EXAMPLES, `${name}.expected`)));
  });
});
