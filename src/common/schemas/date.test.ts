import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { isRealDate, isoDate } from './date.js';

const BAD = ['2026-02-30', '2026-13-45', '0000-00-00', '2025-02-29', '2026-04-31', '2026-00-10', '2026-1-05'];
const NOT_DATES = ['2026-03-02T00:00:00Z', ' 2026-03-02', ''];
// Leap days by the Gregorian rule: 2024 and 2000 are leap years, 2100 is not.
const GOOD = ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '1990-01-01'];

describe('the one API date type', () => {
  it('accepts only days that exist, written YYYY-MM-DD', () => {
    for (const d of [...BAD, ...NOT_DATES]) expect(isRealDate(d), d).toBe(false);
    for (const d of GOOD) expect(isRealDate(d), d).toBe(true);
    expect(isRealDate('2100-02-29')).toBe(false);
    expect(isoDate.safeParse('2026-02-30').error?.issues[0]?.message).toContain('YYYY-MM-DD');
  });
});

describeEachDialect('dates refused by every API field that is a date', (h) => {
  it('refuses 2026-02-30, 2026-13-45 and 0000-00-00 in policies, payouts, enterprises, items and calendar days, each located', async () => {
    const office = await h.as('office');
    const fields: { method: 'POST' | 'PATCH'; url: string; body: (d: string) => object; path: string; as?: string }[] = [
      {
        method: 'POST',
        url: '/api/v1/policies',
        body: (d) => ({ title: '日期测试政策', area: 'market', effectiveFrom: d }),
        path: 'body.effectiveFrom',
      },
      {
        method: 'POST',
        url: '/api/v1/policies',
        body: (d) => ({ title: '日期测试政策', area: 'market', effectiveTo: d }),
        path: 'body.effectiveTo',
      },
      {
        method: 'POST',
        url: '/api/v1/policies/results/1/actions',
        body: (d) => ({ action: 'pay', amount: 1000, paidOn: d, version: 1 }),
        path: 'body.paidOn',
      },
      {
        method: 'POST',
        url: '/api/v1/policies/enterprises',
        body: (d) => ({ uscc: '91150100MA0N000000', name: '日期测试', registeredOn: d }),
        path: 'body.registeredOn',
      },
      {
        method: 'POST',
        url: '/api/v1/items',
        body: (d) => ({ listId: 1, code: 'D1', content: '日期测试', leadUnitIds: [1], deadline: d }),
        path: 'body.deadline',
      },
      {
        method: 'POST',
        url: '/api/v1/calendar/days',
        body: (d) => ({ date: d, type: 'holiday', name: '测试' }),
        path: 'body.date',
        as: 'admin',
      },
    ];
    for (const f of fields) {
      for (const d of ['2026-02-30', '2026-13-45', '0000-00-00']) {
        const res = await (await h.as(f.as ?? 'office')).request(f.method, f.url, f.body(d));
        expect(res.statusCode, `${f.url} ${f.path} ${d}`).toBe(400);
        expect(res.json().details, `${f.url} ${f.path} ${d}`).toEqual(expect.arrayContaining([expect.objectContaining({ path: f.path })]));
      }
    }
    const policies = (await office.get('/api/v1/policies?q=日期测试政策')).json();
    expect(policies.total).toBe(0);
  });
});
