import { beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../common/roles.js';
import { drainJobs } from '../../jobs/runtime.js';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { unitUsers } from '../worklists/worklists.fixtures.js';
import { seedDemoPolicies } from './seed.js';

/**
 * Every enterprise-data route walked with every role and an id outside the caller's scope: the
 * answer is 404 (or the role's 403), or an empty list — never the data. Scopes (README, policies):
 * city-wide roles see all; a county's liaison/head its county's enterprises; a department's the
 * results of its own policies; an enterprise user its own enterprise.
 */
describeEachDialect('policies: enterprise data outside the caller’s scope', (h) => {
  const SAIHAN = '150105';
  interface Row {
    id: number;
    enterprise: { id: number; countyCode: string | null };
    benefit: { id: number; departmentName: string | null };
  }
  let results: Row[] = [];
  let ownEnterpriseId = 0;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 60 });
    const office = await h.as('office');
    expect((await office.post('/api/v1/policies/match', { mode: 'full' })).statusCode).toBe(202);
    await drainJobs(h.ctx, 120_000);
    results = (await office.get('/api/v1/policies/results?pageSize=200')).json().items;
    const county = await unitUsers(h, '赛罕区', 'saihan');
    for (const role of ROLES) clients.set(role, await h.as(role));
    clients.set('county_liaison', await h.as(county.liaison));
    clients.set('county_head', await h.as(county.head));
    ownEnterpriseId = (await (await h.as('enterprise')).get('/api/v1/policies/enterprises')).json().items[0].id;
  });

  /** What each scoped caller may see of a result row; city-wide roles see everything. */
  const inScope: Record<string, (r: Row) => boolean> = {
    liaison: (r) => r.benefit.departmentName === '呼和浩特市行政审批和政务服务局',
    unit_head: (r) => r.benefit.departmentName === '呼和浩特市行政审批和政务服务局',
    county_liaison: (r) => r.enterprise.countyCode === SAIHAN,
    county_head: (r) => r.enterprise.countyCode === SAIHAN,
    enterprise: (r) => r.enterprise.id === ownEnterpriseId,
  };

  it('has both sides for every scoped caller in the data (so the walk below is not vacuous)', () => {
    for (const [who, sees] of Object.entries(inScope)) {
      expect(results.some(sees), `${who} in scope`).toBe(true);
      expect(
        results.some((r) => !sees(r)),
        `${who} foreign`,
      ).toBe(true);
    }
  });

  it('answers 404, 403 or an empty list for every foreign enterprise, benefit and result, to every scoped role', async () => {
    const leaks: string[] = [];
    for (const [who, sees] of Object.entries(inScope)) {
      const c = clients.get(who)!;
      const foreign = results.find((r) => !sees(r))!;
      // A result whose enterprise and benefit are both foreign to the caller.
      const touches = (r: Row, s: Row) => s.enterprise.id === r.enterprise.id || s.benefit.id === r.benefit.id;
      const bothForeign = results.find((r) => !sees(r) && !results.some((s) => sees(s) && touches(r, s)));
      const e = (bothForeign ?? foreign).enterprise.id;
      const b = (bothForeign ?? foreign).benefit.id;
      const reads = [
        `/api/v1/policies/enterprises/${e}`,
        `/api/v1/policies/enterprises/${e}/explain?benefitId=${b}`,
        `/api/v1/policies/enterprises/${foreign.enterprise.id}/explain?benefitId=${foreign.benefit.id}`,
        `/api/v1/policies/results/${foreign.id}`,
      ];
      for (const url of reads) {
        const res = await c.get(url);
        if (![403, 404].includes(res.statusCode)) leaks.push(`${who} GET ${url} → ${res.statusCode}`);
      }
      const lists = [
        `/api/v1/policies/results?enterpriseId=${e}&benefitId=${b}`,
        `/api/v1/policies/results?enterpriseId=${foreign.enterprise.id}&benefitId=${foreign.benefit.id}`,
      ];
      for (const url of lists) {
        const res = await c.get(url);
        if (res.statusCode === 200 && res.json().total !== 0) leaks.push(`${who} GET ${url} → ${res.json().total} rows`);
      }
      const enterprises = (await c.get('/api/v1/policies/enterprises?pageSize=200')).json();
      if (enterprises.items?.some((x: { id: number }) => x.id === e)) leaks.push(`${who} lists enterprise ${e}`);
      const act = await c.post(`/api/v1/policies/results/${foreign.id}/actions`, { action: 'decline', reason: 'x', version: 1 });
      if (![400, 403, 404].includes(act.statusCode)) leaks.push(`${who} acts on result ${foreign.id} → ${act.statusCode}`);
      const patch = await c.patch(`/api/v1/policies/enterprises/${e}`, { name: 'x', version: 1 });
      if (![403, 404].includes(patch.statusCode)) leaks.push(`${who} PATCH enterprise ${e} → ${patch.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('still shows each scoped caller what is in scope, and city-wide roles everything', async () => {
    for (const [who, sees] of Object.entries(inScope)) {
      const own = results.find(sees)!;
      const c = clients.get(who)!;
      expect((await c.get(`/api/v1/policies/results/${own.id}`)).statusCode, who).toBe(200);
      const explain = `/api/v1/policies/enterprises/${own.enterprise.id}/explain?benefitId=${own.benefit.id}`;
      expect((await c.get(explain)).statusCode, who).toBe(200);
    }
    const any = results[0]!;
    for (const role of ['admin', 'office', 'leader', 'specialist']) {
      const explain = `/api/v1/policies/enterprises/${any.enterprise.id}/explain?benefitId=${any.benefit.id}`;
      expect((await clients.get(role)!.get(explain)).statusCode, role).toBe(200);
    }
  });
});
