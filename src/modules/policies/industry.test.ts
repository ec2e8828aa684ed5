import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/shared-data.js';
import { checkIndustryCode, industryCatalogue, industryName } from './industry.js';
import { checkRule } from './rules/check.js';
import { Columns } from './rules/columns.js';
import { compileRule } from './rules/compile.js';
import { toDays } from '../../common/dates.js';

const SHARED_CSV = path.join(SHARED_DATA, 'industry', 'gbt4754-2017.csv');

/** The shared file read with a plain split (no names contain commas): the oracle for the shipped copy. */
function oracle(): { code: string; level: string; name: string; parent: string }[] | undefined {
  if (!fs.existsSync(SHARED_CSV)) {
    expect(process.env.CI, 'shared/data is present beside the checkout in CI').not.toBe('true');
    return undefined;
  }
  const [head, ...lines] = fs.readFileSync(SHARED_CSV, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map(
    (l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])) as { code: string; level: string; name: string; parent: string },
  );
}

describe('GB/T 4754-2017 with Amendment No. 1, as shipped', () => {
  it('has every code of the shared list at its level, with its name: 20 / 97 / 473 / 1 382', () => {
    const cat = industryCatalogue();
    const count = (level: string) => cat.filter((e) => e.level === level).length;
    expect([count('section'), count('division'), count('group'), count('class')]).toEqual([20, 97, 473, 1382]);
    const shared = oracle();
    if (!shared) return;
    expect(cat.map((e) => `${e.code}|${e.level}|${e.name}|${e.parent}`)).toEqual(
      shared.map((e) => `${e.code}|${e.level}|${e.name}|${e.parent}`),
    );
  });

  it('accepts every real code of every level and names it', () => {
    const shared = oracle();
    if (!shared) return;
    for (const e of shared) {
      const r = checkIndustryCode(e.code);
      expect(r.ok, e.code).toBe(true);
      expect(r.ok && r.name).toBe(e.name);
      expect(r.ok && r.level).toBe(e.level);
    }
  });

  it('knows a few codes by heart, the amendment included', () => {
    expect(checkIndustryCode('6513')).toMatchObject({ ok: true, code: 'I6513', level: 'class', name: '应用软件开发' });
    expect(checkIndustryCode('c391')).toMatchObject({ ok: true, code: 'C391', level: 'group', name: '计算机制造' });
    expect(checkIndustryCode('9231')).toMatchObject({ ok: true, code: 'S9231', name: '监察委员会' });
    expect(checkIndustryCode('9233')).toMatchObject({ ok: true, name: '人民检察院' });
    expect(checkIndustryCode('5267')).toMatchObject({ ok: true, code: 'F5267', name: '机动车充电销售' });
    expect(industryName('C3911')).toBe('计算机整机制造');
    expect(industryName('C')).toBe('制造业');
  });

  it('refuses an invented class or group in a real parent, a wrong section, and says where', () => {
    expect(checkIndustryCode('0115')).toEqual({ ok: false, reason: expect.stringContaining('中类 011“谷物种植”下没有小类“0115”') });
    expect(checkIndustryCode('C0115').ok).toBe(false);
    expect(checkIndustryCode('010')).toEqual({ ok: false, reason: expect.stringContaining('大类 01“农业”下没有中类“010”') });
    expect(checkIndustryCode('9234').ok).toBe(false);
    expect(checkIndustryCode('C99')).toMatchObject({ ok: false, reason: expect.stringContaining('不存在') });
    expect(checkIndustryCode('B39')).toMatchObject({ ok: false, reason: expect.stringContaining('属于门类 C') });
    expect(checkIndustryCode('制造业').ok).toBe(false);
    expect(checkIndustryCode('制造业', { names: true })).toMatchObject({ ok: true, code: 'C' });
  });
});

describe('rules test industry membership at every level', () => {
  const today = toDays('2026-03-02');
  const codes = ['C3911', 'C3912', 'C3921', 'C3011', 'I6513', 'F5267', null];
  const cols = new Columns(codes.length);
  codes.forEach((c, i) =>
    cols.push({
      id: i + 1,
      uscc: `U${i}`,
      name: `E${i}`,
      legalForm: null,
      registeredOn: null,
      capital: null,
      countyCode: null,
      industryCode: c,
      sizeClass: null,
      employees: null,
      revenue: null,
      assets: null,
      rdSpending: null,
      taxGrade: null,
      qualifications: [],
      tags: [],
      history: {},
    }),
  );
  const matching = (rule: string) => {
    const checked = checkRule(rule, { today });
    if (!checked.ok) throw new Error(checked.problems[0]!.message);
    const c = compileRule(checked.rule, cols, today, rule);
    return codes.filter((_, i) => c.test(i));
  };

  it('section, division, group and class, by code or by official name', () => {
    expect(matching('industry under "C"')).toEqual(['C3911', 'C3912', 'C3921', 'C3011']);
    expect(matching('industry under "39"')).toEqual(['C3911', 'C3912', 'C3921']);
    expect(matching('industry under "391"')).toEqual(['C3911', 'C3912']);
    expect(matching('industry under "C3911"')).toEqual(['C3911']);
    expect(matching('industry under ["计算机制造", "软件开发"]')).toEqual(['C3911', 'C3912', 'I6513']);
    expect(matching('industry in ["F5267"]')).toEqual(['F5267']);
    expect(matching('not industry under "C"')).toEqual(['I6513', 'F5267', null]);
  });

  it('refuses an invented code with its position, and a group outside its section as a contradiction', () => {
    const r = checkRule('industry under ["C", "0115"]', { today });
    expect(!r.ok && r.problems[0]).toMatchObject({ kind: 'unknown_value', column: 22, message: expect.stringContaining('0115') });
    const c = checkRule('industry under "391" and industry under "I"', { today });
    expect(!c.ok && c.problems[0]).toMatchObject({ kind: 'contradiction' });
  });
});
