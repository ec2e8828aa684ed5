import { describe, expect, it } from 'vitest';
import { ALL_INDICATORS_INI, INDICATOR_CODES, OcdsError, parseSettings } from './index.js';
import { pipeSet } from './settings.js';

function problems(ini: string) {
  try {
    parseSettings(ini);
  } catch (error) {
    if (error instanceof OcdsError) return error.details;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseSettings (the INI file cardinal-rs reads)', () => {
  it('reads global keys, [exclusions], indicator sections, the nested R003 section and comments', () => {
    const ini = [
      '; written by ocdscardinal init, then edited',
      'currency = CNY',
      'no_price_comparison_procurement_methods = Random Selection|Lottery',
      '',
      '[exclusions]',
      'procurement_method_details = "Framework"',
      '',
      '[R003]',
      '# comment',
      'threshold = 20',
      'procurement_methods = open|selective',
      '',
      '[R003.procurement_method_details]',
      'Emergency Procurement = 5',
      '',
      '[R025]',
      'percentile = 90',
      'threshold = 0.05',
      '[R028]',
      '[R048]',
      'digits: 4',
      '',
      '[defaults]',
      '; currency = USD',
      'bid_status = valid',
    ].join('\r\n');
    expect(parseSettings(ini)).toEqual({
      currency: 'CNY',
      noPriceComparisonProcurementMethods: 'Random Selection|Lottery',
      exclusions: { procurementMethodDetails: 'Framework' },
      R003: { threshold: 20, procurementMethods: 'open|selective', procurementMethodDetails: { 'Emergency Procurement': 5 } },
      R025: { percentile: 90, threshold: 0.05 },
      R028: {},
      R048: { digits: 4 },
      prepare: { defaults: { bid_status: 'valid' } },
    });
  });

  it('enables all eleven indicators with the settings file of the documentation examples', () => {
    expect(Object.keys(parseSettings(ALL_INDICATORS_INI)).sort()).toEqual([...INDICATOR_CODES].sort());
  });

  it('accepts the older name fixed_price_procurement_methods for no_price_comparison_procurement_methods', () => {
    expect(parseSettings('fixed_price_procurement_methods = Lottery\n[R028]\n').noPriceComparisonProcurementMethods).toBe('Lottery');
  });

  it('refuses unknown keys and sections and wrongly typed values, every one with its line, in both languages', () => {
    const details = problems(
      ['[R024]', 'threshold = five percent', '[R028]', 'threshold = 1', '[R099]', 'x = 1', '[R035]', 'threshold = -1', 'colour = red'].join(
        '\n',
      ),
    );
    expect(details.map((d) => [d.line, d.path])).toEqual([
      [2, '[R024] threshold'],
      [4, '[R028] threshold'],
      [5, '[R099]'],
      [8, '[R035] threshold'],
      [9, '[R035] colour'],
    ]);
    expect(details[0].message).toBe('must be a number, not "five percent"');
    expect(details[0].messageZh).toBe('应为数值，而不是“five percent”');
    expect(details[1].message).toMatch(/this section takes no settings/);
    expect(problems('colour = red\n')[0]).toMatchObject({ line: 1, path: 'colour' });
  });

  it('refuses a line that is neither a section, a comment nor key = value', () => {
    expect(problems('[R003]\nthreshold 15\n')[0]).toMatchObject({ line: 2, message: 'expected "key = value"' });
    expect(problems('[R003\n')[0]).toMatchObject({ line: 1 });
  });
});

describe('pipe-separated values', () => {
  it("split like Rust's split_terminator('|')", () => {
    expect([...pipeSet('open|selective|')]).toEqual(['open', 'selective']);
    expect([...pipeSet('a||b')]).toEqual(['a', '', 'b']);
    expect(pipeSet('').size).toBe(0);
    expect(pipeSet(undefined).size).toBe(0);
  });
});
