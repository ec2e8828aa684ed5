import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { listUnits } from '../org/index.js';
import { insertTicket } from './demands.fixtures.js';
import { demandsBulletinSection } from './index.js';

// The harness clock: Monday 2 March 2026, 10:00 China time. Tickets below are synthetic (示例).
describeEachDialect('demands: figures that follow the data, dated ratings, text search', (h) => {
  const subjectId = async (name: string) =>
    ((await (await h.as('office')).get('/api/v1/demands/subjects')).json() as { id: number; name: string }[]).find((s) => s.name === name)!
      .id;

  it('changes the KPIs and the list total at once when a ticket is written', async () => {
    const office = await h.as('office');
    const ticketsOf = async () =>
      ((await office.get('/api/v1/demands/kpi?by=channel')).json().rows as { key: string; tickets: number }[]).find((r) => r.key === 'web')
        ?.tickets ?? 0;
    const totalOf = async () => (await office.get('/api/v1/demands?pageSize=1')).json().total as number;
    const [kpiBefore, totalBefore] = [await ticketsOf(), await totalOf()];
    // Asked twice: the second answer comes from the cache, and must still be right after the write.
    expect(await ticketsOf()).toBe(kpiBefore);
    const res = await office.post('/api/v1/demands', {
      channel: 'web',
      type: 'consult',
      subjectId: await subjectId('纳税'),
      description: '（示例）网上提交的纳税咨询',
    });
    expect(res.statusCode).toBe(201);
    expect(await ticketsOf()).toBe(kpiBefore + 1);
    expect(await totalOf()).toBe(totalBefore + 1);
    // A write outside the services (an import, another process) moves the stamp too.
    const [unit] = await listUnits(h.ctx.db);
    await insertTicket(h, { unit: unit!.id, month: '2026-03', closedOnTime: 1 });
    expect(await totalOf()).toBe(totalBefore + 2);
  });

  it('counts a past month as it stood at its end: a later close or rating does not count in it', async () => {
    const [unit] = (await listUnits(h.ctx.db)).slice(5, 6);
    const month = '2025-06';
    // Received in June (10 June): closed and rated 5 in June; closed in June and rated 5 only on
    // 1 July 00:30 China time (30 June 16:30 UTC); closed and rated 1 July; reopened by a bad
    // rating in June and rated well in July (its June rating was the bad one).
    await insertTicket(h, { unit: unit!.id, month, closedOnTime: 1, rating: 5 });
    await insertTicket(h, { unit: unit!.id, month, closedOnTime: 1, rating: 5, ratedAt: '2025-06-30T16:30:00.000Z' });
    await insertTicket(h, { unit: unit!.id, month, closedOnTime: 1, rating: 4, closedAt: '2025-07-01T03:00:00.000Z' });
    await insertTicket(h, { unit: unit!.id, month, closedOnTime: 1, rating: 5, reopened: true, ratedAt: '2025-07-03T03:00:00.000Z' });
    const [june] = await demandsBulletinSection(h.ctx, month);
    // By 30 June: 4 received, 3 closed; rated: the first (5) and the reopened one (bad) → satisfied 1/2, reopened 1/2.
    expect(june).toMatchObject({
      text: '本月受理企业诉求4件，已办结3件。签收率100%，按时办结率100%，一次办结率0%，满意率50%，重办率50%。',
    });
    const office = await h.as('office');
    const kpi = async (q: string) =>
      (await office.get(`/api/v1/demands/kpi?by=unit&${q}`)).json().rows.find((r: { key: string }) => r.key === String(unit!.id));
    expect(await kpi(`from=${month}&to=${month}`)).toMatchObject({ tickets: 4, satisfactionRate: 50, reopenRate: 50 });
    // As of the end of July: all four closed and rated, every latest rating 4 or 5; one of the four was reopened.
    expect(await kpi(`from=${month}&to=2025-07`)).toMatchObject({ tickets: 4, satisfactionRate: 100, reopenRate: 25 });
  });

  it('shows each month of the public board as it stood at that month’s end', async () => {
    const [unit] = (await listUnits(h.ctx.db)).slice(8, 9);
    const u = unit!.id;
    // September and October 2025 end at 30 Sep 16:00 and 31 Oct 16:00 UTC (midnight China time).
    // Tickets received on the 10th: Sep — closed on time the same day ✓; closed late at 23:59:59 on
    // 30 Sep ✓; closed on time at 00:00 on 1 Oct ✗; still open ✗. Oct — closed on time on 5 Nov ✗;
    // closed on time the same day ✓.
    await insertTicket(h, { unit: u, month: '2025-09', closedOnTime: 1 });
    await insertTicket(h, { unit: u, month: '2025-09', closedOnTime: 0, closedAt: '2025-09-30T15:59:59.000Z' });
    await insertTicket(h, { unit: u, month: '2025-09', closedOnTime: 1, closedAt: '2025-09-30T16:00:00.000Z' });
    await insertTicket(h, { unit: u, month: '2025-09' });
    await insertTicket(h, { unit: u, month: '2025-10', closedOnTime: 1, closedAt: '2025-11-05T03:00:00.000Z' });
    await insertTicket(h, { unit: u, month: '2025-10', closedOnTime: 1 });
    // Ratings of September: 5 on the 15th ✓, 2 at 23:00 on 30 Sep ✓, 5 recorded for September only on
    // 20 Oct (an import of past tickets) ✗; of October: 4 on the 12th ✓.
    const rating = (month: string, level: number, at: string) =>
      h.ctx.db
        .insertInto('demand_rating')
        .values({ demand_id: null, rating_code_id: null, unit_id: u, month, level, comment: null, code_hash: null, at })
        .execute();
    await rating('2025-09', 5, '2025-09-15T02:00:00.000Z');
    await rating('2025-09', 2, '2025-09-30T15:00:00.000Z');
    await rating('2025-09', 5, '2025-10-20T02:00:00.000Z');
    await rating('2025-10', 4, '2025-10-12T02:00:00.000Z');
    const board = (await h.anonymous().get('/api/v1/demands/public/board')).json() as {
      units: { unitName: string; months: { month: string }[] }[];
    };
    const months = board.units.find((x) => x.unitName === unit!.name)!.months;
    expect(months.find((m) => m.month === '2025-09')).toEqual({
      month: '2025-09',
      closed: 2,
      onTimeRate: 50,
      ratings: 2,
      satisfactionRate: 50,
    });
    expect(months.find((m) => m.month === '2025-10')).toEqual({
      month: '2025-10',
      closed: 1,
      onTimeRate: 100,
      ratings: 1,
      satisfactionRate: 100,
    });
  });

  it('finds a ticket by its text, its answer, the enterprise’s name or its number, on the list’s search box', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    const intake = async (description: string, enterpriseName?: string) =>
      (
        await office.post('/api/v1/demands', {
          type: 'help',
          subjectId: await subjectId('开办企业'),
          description,
          ...(enterpriseName ? { enterpriseName } : {}),
        })
      ).json() as { id: number; code: string; version: number };
    const a = await intake('（示例）跨省迁移登记需要原登记机关出具迁移通知书吗', '（示例）青城ABC科技有限公司');
    const b = await intake('（示例）食品经营许可证延续的办理时限');
    const signed = (await liaison.post(`/api/v1/demands/${b.id}/sign-for`, { version: b.version })).json();
    const answered = await liaison.post(`/api/v1/demands/${b.id}/answer`, {
      version: signed.version,
      answer: '已告知可通过蒙速办掌上办理，承诺5个工作日',
    });
    expect(answered.statusCode).toBe(200);
    const codes = async (q: string) =>
      ((await office.get(`/api/v1/demands?q=${encodeURIComponent(q)}`)).json().items as { code: string }[]).map((t) => t.code);
    expect(await codes('迁移通知书')).toEqual([a.code]); // the demand's text
    expect(await codes('蒙速办')).toEqual([b.code]); // the answer
    expect(await codes('abc科技')).toEqual([a.code]); // the enterprise's name, latin letters in any case
    expect(await codes('青城 迁移')).toEqual([a.code]); // every word, in any column
    expect(await codes('青城 蒙速办')).toEqual([]);
    expect(await codes(a.code.toLowerCase())).toEqual([a.code]); // the number
    expect(await codes(a.code.slice(0, 10))).toContain(a.code); // part of the number
    expect(await codes('5%')).toEqual([]); // taken literally
    // A unit's search stays within its own tickets.
    const own = ((await liaison.get(`/api/v1/demands?q=${encodeURIComponent('示例')}`)).json().items as { unitName: string }[]).map(
      (t) => t.unitName,
    );
    expect(new Set(own).size).toBe(1);
  });
});
