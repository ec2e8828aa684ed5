import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors.js';
import { loadMethod, parseMethod } from './method.js';
import { composeEconomy, dtfScore, scoreOverall, scoreTopic } from './scoring.js';
import { scoreExportCsv } from './worldbank-file.js';
import { SHARED_DATA } from '../../test/shared-data.js';

// The World Bank's published Doing Business figures are the oracle (shared reference data).
const DATA = path.join(SHARED_DATA, 'doing-business');
const SB_FILE = path.join(DATA, 'db2019_starting_a_business_components.csv');
const DB2020_FILE = path.join(DATA, 'db2020_topic_scores_all.csv');
const ORACLE = JSON.parse(fs.readFileSync(path.join(DATA, 'db2020_oracle_china_and_peers.json'), 'utf8'));
const method = loadMethod('doing-business');
const rowsOf = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('doing-business method: published DB2019 starting-a-business scores', () => {
  const rows = rowsOf(SB_FILE);
  const { results } = scoreExportCsv(method, fs.readFileSync(SB_FILE, 'utf8'), 'db2019.csv');

  it('reproduces the topic score of every one of the 213 rows within 1e-3', () => {
    expect(rows).toHaveLength(213);
    expect(results).toHaveLength(213);
    for (const [i, r] of results.entries()) {
      expect(r.economy).toBe(rows[i].economy);
      expect(r.topic).toBe('starting_a_business');
      expect(Math.abs(r.score - Number(rows[i].sb_score)), r.economy).toBeLessThan(1e-3);
      expect(r.warnings, r.economy).toBeUndefined();
    }
  });

  it('scores procedures and time from the values alone, each published component score within 1e-4', () => {
    const valuesOnly = scoreExportCsv(method, fs.readFileSync(SB_FILE, 'utf8'), 'db2019.csv', { valuesOnly: true }).results;
    for (const [i, r] of valuesOnly.entries()) {
      const c = r.components as Record<string, { variantScores: Record<string, number> }>;
      expect(Math.abs(c.procedures.variantScores.men - Number(rows[i].procedures_men_score))).toBeLessThan(1e-4);
      expect(Math.abs(c.procedures.variantScores.women - Number(rows[i].procedures_women_score))).toBeLessThan(1e-4);
      expect(Math.abs(c.time.variantScores.men - Number(rows[i].time_men_score))).toBeLessThan(1e-4);
      expect(Math.abs(c.time.variantScores.women - Number(rows[i].time_women_score))).toBeLessThan(1e-4);
      // The cost values are published rounded to 0.1 (capital likewise), so from values alone the
      // topic score can be off by at most (0.05/200 + 0.05/400) × 100 / 4 ≈ 0.0094.
      expect(Math.abs(r.score - Number(rows[i].sb_score))).toBeLessThan(0.0095);
    }
  });

  it('uses a published cost score only where it lies inside the rounding interval of the printed value', () => {
    const afg = results.find((r) => r.economy === 'Afghanistan')!;
    const cost = afg.components.cost as { basis?: string; values: Record<string, number>; formula: string };
    expect(cost.values).toEqual({ men: 6.4, women: 6.4 });
    expect(cost.basis).toBe('published_score_within_rounding');
    const procedures = afg.components.procedures as { basis?: string; formula: string };
    expect(procedures.basis).toBeUndefined();
    expect(procedures.formula).toBe('mean(men 82.35294, women 76.47059) = 79.41176');
  });

  it('flags a published score that no value in the rounding interval can give', () => {
    const text = fs.readFileSync(SB_FILE, 'utf8').split('\n').slice(0, 2).join('\n').replace(',96.79362,5.0', ',90.0,5.0');
    const [r] = scoreExportCsv(method, text, 'x.csv').results;
    expect(r.warnings?.[0]).toMatch(/published score 90 disagrees/);
  });
});

describe('doing-business method: DB2020 ease of doing business and two-city economies', () => {
  const rows = rowsOf(DB2020_FILE);

  it('reproduces the overall ease score of every DB2020 row from its ten topic scores within 1e-3', () => {
    const { results } = scoreExportCsv(method, fs.readFileSync(DB2020_FILE, 'utf8'), 'db2020.csv');
    expect(results).toHaveLength(rows.length);
    expect(rows.length).toBe(213);
    for (const [i, r] of results.entries()) {
      expect(r.topic).toBe('ease_of_doing_business');
      expect(Object.keys(r.components)).toHaveLength(10);
      expect(Math.abs(r.score - Number(rows[i].ease_score)), r.economy).toBeLessThan(1e-3);
    }
  });

  it('computes China as 0.45 Beijing + 0.55 Shanghai for every topic and the overall score, within 1e-3', () => {
    const by = new Map<string, Record<string, unknown>>(ORACLE.economies.map((e: Record<string, unknown>) => [e.economy, e]));
    const keys = [...method.topics.map((t) => `${t.id}_score`), 'ease_score'];
    for (const key of keys) {
      const { score } = composeEconomy(method, 'China', {
        'China Beijing': Number(by.get('China Beijing')![key]),
        'China Shanghai': Number(by.get('China Shanghai')![key]),
      });
      expect(Math.abs(score - Number(by.get('China')![key])), key).toBeLessThan(1e-3);
    }
    // The overall score composed from the cities' topic scores equals China's published one too.
    const cityOverall = (name: string) =>
      scoreOverall(method, Object.fromEntries(method.topics.map((t) => [t.id, { score: Number(by.get(name)![`${t.id}_score`]) }]))).score;
    const china = composeEconomy(method, 'China', {
      'China Beijing': cityOverall('China Beijing'),
      'China Shanghai': cityOverall('China Shanghai'),
    });
    expect(Math.abs(china.score - 77.9313)).toBeLessThan(1e-3);
    expect(china.formula).toBe('0.45 × China Beijing 78.23177 + 0.55 × China Shanghai 77.68546 = 77.9313');
  });

  it('reproduces every two-city economy of the method from its cities', () => {
    const by = new Map(rows.map((r) => [r.economy, r]));
    expect(method.composites).toHaveLength(11);
    for (const c of method.composites) {
      const scores = Object.fromEntries(c.members.map((m) => [m.economy, Number(by.get(m.economy)!.ease_score)]));
      expect(Math.abs(composeEconomy(method, c.economy, scores).score - Number(by.get(c.economy)!.ease_score)), c.economy).toBeLessThan(
        1e-3,
      );
    }
  });

  it('matches the published Uzbekistan DB2020 component scores (3 procedures, 3 days)', () => {
    const sb = method.topics[0];
    const [row] = ORACLE.extra_published_component_vectors.rows.filter((r: unknown[]) => r[0] === 'DB2020');
    expect(dtfScore(row[2], sb.components[0] as never)).toBeCloseTo(row[3], 4);
    expect(dtfScore(row[4], sb.components[1] as never)).toBeCloseTo(row[5], 4);
  });
});

describe('transforms, aggregation and bounds', () => {
  const c = (worst: number | null, best: number | null, transform: object = { type: 'linear' }, extra: object = {}) => ({
    id: 'x',
    name: { zh: 'x', en: 'x' },
    unit: 'days',
    direction: 'lower_is_better',
    bounds: { worst, best, status: 'verified_from_data' },
    transform,
    weight: 1,
    physicalRange: { min: 0 },
    ...extra,
  });
  const mk = (components: object[], weights?: number[]) =>
    parseMethod({
      id: 'toy',
      version: '1',
      name: { zh: 't', en: 't' },
      description: '',
      sources: [],
      trustedBoundStatuses: ['verified_from_data'],
      scoreRange: { min: 0, max: 100 },
      overall: { id: 'overall', name: { zh: '总', en: 'all' }, aggregation: 'weighted_mean' },
      topics: [
        {
          id: 't',
          name: { zh: 't', en: 't' },
          weight: 1,
          aggregation: 'weighted_mean',
          components: components.map((x, i) => ({ ...x, id: `c${i}`, weight: weights?.[i] ?? 1 })),
        },
      ],
    });
  const one = (y: number) => ({ variants: { '': { value: y } } });

  it('clips to 0–100 beyond the bounds and handles higher-is-better bounds', () => {
    expect(dtfScore(174, c(100, 0.5) as never)).toBe(0);
    expect(dtfScore(0.1, c(100, 0.5) as never)).toBe(100);
    expect(dtfScore(6, c(0, 8) as never)).toBe(75);
  });

  it('applies the power transform ((worst − y)/(worst − best))^0.8 and the log transform', () => {
    expect(dtfScore(55.05, c(84, 26.1, { type: 'power', exponent: 0.8 }) as never)).toBeCloseTo(100 * 0.5 ** 0.8, 9);
    expect(dtfScore(20, c(84, 26.1, { type: 'power', exponent: 0.8 }) as never)).toBe(100);
    expect(dtfScore(100, c(10, 1000, { type: 'log' }) as never)).toBeCloseTo(50, 9);
  });

  it('aggregates with configurable weights and explains the formula', () => {
    const m = mk([c(10, 0), c(10, 0)], [3, 1]);
    const r = scoreTopic(m, m.topics[0], { components: { c0: one(5), c1: one(10) } });
    expect(r.score).toBeCloseTo((3 * 50 + 0) / 4, 12);
    expect(r.formula).toBe('(3 × c0 50 + 1 × c1 0) / 4 = 37.5');
    expect(r.components.c0.formula).toBe('(10 − 5) / (10 − 0) × 100, clipped to 0–100 = 50');
  });

  it('rejects text in a number, a value outside physical range and a missing bound with located errors', () => {
    const m = mk([c(10, 0, undefined, { physicalRange: { min: 0, max: 100 } }), c(null, 0)]);
    const bad = () =>
      scoreTopic(m, m.topics[0], { components: { c0: { variants: { '': { value: 120, where: 'f.csv:row 3, column c0' } } }, c1: one(1) } });
    expect(bad).toThrow(AppError);
    try {
      bad();
    } catch (err) {
      // The bound is checked first: a method that cannot score stops before any value is judged.
      expect((err as AppError).code).toBe('INDICATOR_BOUND_MISSING');
      expect((err as AppError).details?.[0]).toMatchObject({
        path: 'toy.json:topics.t.components.c1.bounds',
        message: expect.stringContaining('missing worst bound'),
      });
    }
    const m2 = mk([c(10, 0, undefined, { physicalRange: { min: 0, max: 100 } })]);
    try {
      scoreTopic(m2, m2.topics[0], { components: { c0: { variants: { '': { value: 120, where: 'f.csv:row 3, column c0' } } } } });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('INDICATOR_BAD_VALUE');
      expect((err as AppError).details).toEqual([
        { path: 'f.csv:row 3, column c0', message: expect.stringContaining('above the physical maximum 100') },
      ]);
    }
    const csv =
      'economy,sb_score,procedures_men,procedures_men_score,time_men_days,time_men_score,cost_men_pct_income_pc,cost_men_score,' +
      'procedures_women,procedures_women_score,time_women_days,time_women_score,cost_women_pct_income_pc,cost_women_score,' +
      'paid_in_min_capital_pct_income_pc,paid_in_min_capital_score\nX,1,four,,1,,1,,1,,-2,,1,,0,\n';
    try {
      scoreExportCsv(method, csv, 'bad.csv');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).details).toEqual([
        { path: 'bad.csv:row 2, column procedures_men', message: 'not a number: "four"'.replace(/^/, '不是数字 / ') },
        { path: 'bad.csv:row 2, column time_women_days', message: expect.stringContaining('below the physical minimum 0') },
      ]);
    }
  });

  it('flags bounds that are not verified and rejects a malformed method file with paths', () => {
    const ge = method.topics.find((t) => t.id === 'getting_electricity')!;
    const r = scoreTopic(method, ge, { components: Object.fromEntries(ge.components.map((x) => [x.id, one(x.bounds.best!)])) });
    expect(r.score).toBe(100);
    expect(r.components.procedures.bounds.trusted).toBe(true);
    expect(r.components.time.bounds.trusted).toBe(false);
    expect(r.warnings).toContain('time: 边界未经核实（recalled_unverified） / bounds not verified (recalled_unverified)');
    expect(() => parseMethod({ id: 'Bad Id' }, 'bad.json')).toThrow(AppError);
  });
});
