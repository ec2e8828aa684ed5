import { beforeAll, expect, it } from 'vitest';
import { seedDemoPolicies } from '../modules/policies/seed.js';
import { makeItem, makeList, unitId } from '../modules/worklists/worklists.fixtures.js';
import { DEMO_UNIT } from '../modules/worklists/worklists.fixtures.js';
import { describeEachDialect } from '../test/harness.js';

/** Search terms are text, not patterns: `%`, `_` and `\` match only themselves, in every search. */
describeEachDialect('searches take % _ \\ literally', (h) => {
  beforeAll(async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 20 });
    const office = await h.as('office');
    expect((await office.post('/api/v1/policies', { title: '研发投入100%加计扣除_试点', area: 'market' })).statusCode).toBe(201);
    await makeItem(h, { listId: await makeList(h), lead: [await unitId(h, DEMO_UNIT)], content: '网办率达到 100% 的事项' });
    await makeItem(h, { listId: await makeList(h), lead: [await unitId(h, DEMO_UNIT)], content: '路径 C:\\data 的事项' });
  });

  const count = async (url: string, as = 'office') => {
    const res = await (await h.as(as)).get(url);
    expect(res.statusCode, url).toBe(200);
    const body = res.json();
    return Array.isArray(body) ? body.length : (body.total as number);
  };

  it('finds nothing for a bare wildcard where nothing contains it, in the registry, the library, users and items', async () => {
    for (const w of ['%', '%%', '_', '\\']) {
      const q = encodeURIComponent(w);
      expect(await count(`/api/v1/policies/enterprises?q=${q}`), `registry ${w}`).toBe(0);
      // The library holds one title with a single % and an _ (below).
      if (w === '%%' || w === '\\') expect(await count(`/api/v1/policies?q=${q}`), `library ${w}`).toBe(0);
    }
    expect(await count('/api/v1/users?q=%25', 'admin')).toBe(0);
    // Only the demo users whose names hold an underscore (unit_head), not all of them.
    const users = (await (await h.as('admin')).get('/api/v1/users?q=_')).json().map((u: { username: string }) => u.username);
    expect(users).toEqual(['unit_head']);
    expect(await count('/api/v1/items?q=_&pageSize=200')).toBe(0);
  });

  it('finds exactly the rows that contain the character itself', async () => {
    const titles = (await (await h.as('office')).get('/api/v1/policies?q=%25')).json().items.map((p: { title: string }) => p.title);
    expect(titles).toEqual(['研发投入100%加计扣除_试点']);
    expect(await count('/api/v1/policies?q=0%25%E5%8A%A0')).toBe(1); // "0%加"
    expect(await count(`/api/v1/policies?q=${encodeURIComponent('除_试')}`)).toBe(1);
    const found = (await (await h.as('office')).get('/api/v1/items?q=%25&pageSize=200')).json().items;
    const items = found.map((i: { content: string }) => i.content);
    expect(items).toEqual(['网办率达到 100% 的事项']);
    const slash = (await (await h.as('office')).get(`/api/v1/items?q=${encodeURIComponent('C:\\d')}&pageSize=200`)).json().items;
    expect(slash.map((i: { content: string }) => i.content)).toEqual(['路径 C:\\data 的事项']);
  });
});
