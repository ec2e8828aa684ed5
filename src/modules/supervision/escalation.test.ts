import { beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../common/workdays.js';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { ladderFor, stepToFire } from './escalation.service.js';
import { DEFAULT_ESCALATION } from './score.js';

describe('the escalation ladder across 中秋 and 国庆 2026', () => {
  it('puts every step on a working day, counting the swapped Saturday 10-10 as one', () => {
    const steps = ladderFor('2026-09-30', DEFAULT_ESCALATION, officialCalendar);
    // 09-25…27 are 中秋 holidays, 10-01…07 国庆, 10-10 a swapped working Saturday.
    expect(steps.map((s) => [s.kind, s.offset, s.dueOn])).toEqual([
      ['reminder', -5, '2026-09-22'],
      ['reminder', -1, '2026-09-29'],
      ['notice', 1, '2026-10-08'],
      ['bulletin', 5, '2026-10-13'],
      ['summons', 10, '2026-10-20'],
    ]);
  });

  it('fires only the latest due step when days were missed, and nothing already passed', () => {
    const steps = ladderFor('2026-09-30', DEFAULT_ESCALATION, officialCalendar);
    const none = () => false;
    expect(stepToFire(steps, '2026-09-21', '2026-09-30', none)).toBeNull();
    expect(stepToFire(steps, '2026-09-29', '2026-09-30', none)?.offset).toBe(-1);
    expect(stepToFire(steps, '2026-10-14', '2026-09-30', none)?.kind).toBe('bulletin');
    const bulletinFired = (s: { kind: string }) => s.kind === 'bulletin';
    expect(stepToFire(steps, '2026-10-14', '2026-09-30', bulletinFired)).toBeNull();
  });
});

describeEachDialect('supervision reminders and escalation', (h) => {
  let unitA: number;
  let other: { unitId: number; liaison: string; head: string };
  let itemId: number;

  beforeAll(async () => {
    unitA = await unitId(h, DEMO_UNIT);
    other = await unitUsers(h, '市住建局', 'esc');
    const listId = await makeList(h, 'task');
    itemId = (await makeItem(h, { listId, lead: [unitA], coop: [other.unitId], deadline: '2026-09-30', content: '国庆前完成企业开办一网通办改造' })).id;
    await makeItem(h, { listId, lead: [other.unitId], deadline: '2026-12-31' });
  });

  it('runs day by day from 09-20 to 10-21: each step once, on its working day, nothing on holidays', async () => {
    const office = await h.as('office');
    const firedOn: Record<string, string[]> = {};
    for (let d = '2026-09-20'; d <= '2026-10-21'; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      const res = await office.post('/api/v1/supervision/escalation/run', { date: d });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.workday).toBe(officialCalendar.isWorkday(d));
      for (const [kind, n] of Object.entries(body.fired as Record<string, number>)) if (n) (firedOn[d] ??= []).push(`${kind}×${n}`);
    }
    expect(firedOn).toEqual({
      '2026-09-22': ['reminder×1'],
      '2026-09-29': ['reminder×1'],
      '2026-10-08': ['notice×1'],
      '2026-10-13': ['bulletin×1'],
      '2026-10-20': ['summons×1'],
    });
    // Running a day again fires nothing new.
    const again = await office.post('/api/v1/supervision/escalation/run', { date: '2026-10-20' });
    expect(again.json().fired).toEqual({ reminder: 0, notice: 0, bulletin: 0, summons: 0 });

    const notices = (await office.get(`/api/v1/supervision/notices?itemId=${itemId}`)).json();
    expect(notices.total).toBe(5);
    const notice = notices.items.find((n: { kind: string }) => n.kind === 'notice');
    expect(notice).toMatchObject({ dueOn: '2026-10-08', replyDue: '2026-10-12', status: 'awaiting_reply', unit: { id: unitA } });
    expect(notice.number).toMatch(/^督办〔2026〕\d+号$/);

    const timeline = (await office.get(`/api/v1/items/${itemId}`)).json().timeline;
    const steps = timeline.filter((e: { type: string }) => e.type === 'supervision').map((e: { data: { step: string; dueOn: string } }) => `${e.data.step}@${e.data.dueOn}`);
    expect(steps).toEqual(['reminder@2026-09-22', 'reminder@2026-09-29', 'notice@2026-10-08', 'bulletin@2026-10-13', 'summons@2026-10-20']);

    // The lead unit's liaison and head were told; the cooperating unit was not.
    const inbox = (await (await h.as('liaison')).get('/api/v1/notifications')).json();
    expect(inbox.items.some((n: { title: string }) => n.title.startsWith('督办单'))).toBe(true);
    expect((await (await h.as('unit_head')).get('/api/v1/notifications')).json().items.length).toBeGreaterThanOrEqual(5);
    expect((await (await h.as(other.liaison)).get('/api/v1/notifications?kind=escalation')).json().items).toHaveLength(0);
  });

  it('shows a unit only its own notices and lets it reply to a 督办单 once', async () => {
    const mine = (await (await h.as('liaison')).get('/api/v1/supervision/notices?kind=notice')).json();
    expect(mine.items.length).toBe(1);
    const theirs = (await (await h.as(other.liaison)).get(`/api/v1/supervision/notices?unitId=${unitA}`)).json();
    expect(theirs.total).toBe(0);
    const id = mine.items[0].id;
    expect((await (await h.as(other.liaison)).post(`/api/v1/supervision/notices/${id}/reply`, { text: '不是我们的' })).statusCode).toBe(404);
    const reply = await (await h.as('liaison')).post(`/api/v1/supervision/notices/${id}/reply`, { text: '已制定整改方案，10月底前完成' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'replied', replyText: '已制定整改方案，10月底前完成' });
    const twice = await (await h.as('unit_head')).post(`/api/v1/supervision/notices/${id}/reply`, { text: '再次回复' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('NOTICE_NOT_AWAITING_REPLY');
    expect((await (await h.as('office')).post(`/api/v1/supervision/notices/${id}/reply`, { text: 'x' })).statusCode).toBe(403);
  });

  it('keeps the ladder configurable and refuses a ladder that does not climb, changing nothing', async () => {
    const office = await h.as('office');
    const current = (await office.get('/api/v1/supervision/settings')).json();
    expect(current.escalation).toMatchObject({ notice: { daysAfter: 1 }, bulletin: { daysAfter: 5 } });
    const bad = await office.request('PUT', '/api/v1/supervision/settings/escalation', {
      version: current.escalationVersion,
      escalation: { ...current.escalation, bulletin: { enabled: true, daysAfter: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.escalation.bulletin.daysAfter');
    expect((await office.get('/api/v1/supervision/settings')).json().escalationVersion).toBe(current.escalationVersion);
    const ok = await office.request('PUT', '/api/v1/supervision/settings/escalation', {
      version: current.escalationVersion,
      escalation: { ...current.escalation, reminders: { enabled: true, daysBefore: [1, 3] }, summons: { enabled: false, daysAfter: 20 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().escalation.reminders.daysBefore).toEqual([3, 1]);
    const stale = await office.request('PUT', '/api/v1/supervision/settings/escalation', { version: current.escalationVersion, escalation: current.escalation });
    expect(stale.statusCode).toBe(409);
    expect((await (await h.as('leader')).request('PUT', '/api/v1/supervision/settings/escalation', { version: 1, escalation: current.escalation })).statusCode).toBe(403);
  });
});
