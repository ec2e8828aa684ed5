import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline.js';

const ok = (deadline: string | null, ongoing = false) => ({ ok: true, deadline, ongoing });

describe('deadline phrases', () => {
  it.each([
    ['2024年6月底', ok('2024-06-30')],
    ['2024年6月底前', ok('2024-06-30')],
    ['6月底前', ok('2024-06-30')],
    ['6月底完成', ok('2024-06-30')],
    ['2025年12月底前', ok('2025-12-31')],
    ['2022年10月底前(清单编制公布,见措施原文)', ok('2022-10-31')],
    ['2024年底', ok('2024-12-31')],
    ['年底前', ok('2024-12-31')],
    ['2024年第三季度', ok('2024-09-30')],
    ['一季度末', ok('2024-03-31')],
    ['2024年2月', ok('2024-02-29')],
    ['上半年', ok('2024-06-30')],
    ['2024-06-30', ok('2024-06-30')],
    ['2024/6/3', ok('2024-06-03')],
    ['2024.11', ok('2024-11-30')],
    ['长期坚持', ok(null, true)],
    ['持续推进', ok(null, true)],
    ['', ok(null)],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, 2024)).toEqual(expected);
  });

  it('keeps the latest date of a cell and applies its year to the parts without one', () => {
    expect(parseDeadline('2023年6月底前完成方案，12月底前全面完成', 2024)).toEqual(ok('2023-12-31'));
  });

  it('reads Excel dates, serial numbers and a bare year', () => {
    expect(parseDeadline(new Date(Date.UTC(2024, 8, 30)), 2024)).toEqual(ok('2024-09-30'));
    expect(parseDeadline(45473, 2024)).toEqual(ok('2024-06-30'));
    expect(parseDeadline(2025, 2024)).toEqual(ok('2025-12-31'));
  });

  it.each(['2024年2月30日', '2023-02-29', '2024年13月', '2024年第5季度', '下周', '尽快'])('refuses %s with a reason', (text) => {
    const r = parseDeadline(text, 2024);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.message).toMatch(/\//);
  });

  it('refuses a month without a year when the list names none', () => {
    expect(parseDeadline('6月底前', null)).toMatchObject({ ok: false });
  });
});
