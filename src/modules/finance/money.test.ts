import { describe, expect, it } from 'vitest';
import { yuan } from '../../common/schemas/finance.js';

// Hand-computed: yuan text → integer fen, never through a float (0.1 + 0.2 style tails).
describe('amounts in yuan', () => {
  it('reads up to two decimals exactly as fen', () => {
    expect(yuan.parse('1200000.50')).toBe(120000050);
    expect(yuan.parse('0.1')).toBe(10);
    expect(yuan.parse('0.29')).toBe(29);
    expect(yuan.parse(1234.56)).toBe(123456);
    expect(yuan.parse('147592000000')).toBe(14759200000000);
  });

  it('refuses a third decimal, a sign, text and absurd sizes', () => {
    for (const bad of ['1.005', '1.000', '-5', '1e3', '12,000', '', '20000000000000']) expect(yuan.safeParse(bad).success, bad).toBe(false);
  });
});
