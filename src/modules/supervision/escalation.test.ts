import ExcelJS from 'exceljs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { addDays } from '../../common/dates.js';
import { officialCalendar } from '../../common/workdays.js';
import { describeEachDialect } from '../../test/harness.js';
import { HEADER, workbook } from '../worklists/import/import.fixtures.js';
import { DEMO_UNIT, makeItem, makeList, multipart, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { ladderFor, stepToFire } from './escalation.service.js';
import { DEFAULT_ESCALATION } from './score.js';
import { once, setChinaTime } from './supervision.fixtures.js';

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

  /** Runs the pure ladder on every working day of [from, to] and lists what fired, as `kind@day`. */
  function climb(deadline: string, from: string, to: string, skip: string[] = []): string[] {
    const steps = ladderFor(deadline, DEFAULT_ESCALATION, officialCalendar);
    const fired = new Map<string, string>();
    const log: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (!officialCalendar.isWorkday(d) || skip.includes(d)) continue;
      const s = stepToFire(steps, d, deadline, officialCalendar, (x) => fired.get(`${x.kind}:${x.offset}`));
      if (!s) continue;
      fired.set(`${s.kind}:${s.offset}`, d);
      log.push(`${s.kind}${s.kind === 'reminder' ? s.offset : ''}@${d}`);
    }
    return log;
  }

  it('catches up reminders with one message and never fires a passed reminder after the deadline', () => {
    // First seen on 09-28 (after the −5 reminder day): one reminder now, the −1 reminder on its day.
    expect(climb('2026-09-30', '2026-09-28', '2026-09-30')).toEqual(['reminder-5@2026-09-28', 'reminder-1@2026-09-29']);
    const steps = ladderFor('2026-09-30', DEFAULT_ESCALATION, officialCalendar);
    expect(stepToFire(steps, '2026-09-21', '2026-09-30', officialCalendar, () => undefined)).toBeNull();
  });

  it('opens an item first seen overdue with a reminder, then climbs one configured interval at a time', () => {
    // Deadline 09-30, first seen 10-14 (already past the 约谈 day 10-20 would be, had it been counted from
    // the deadline alone). Intervals of DEFAULT_ESCALATION: 督办单 1, 通报 5 − 1 = 4, 约谈 10 − 5 = 5 working days.
    expect(climb('2026-09-30', '2026-10-14', '2026-11-13')).toEqual([
      'reminder0@2026-10-14',
      'notice@2026-10-15', // Thu, 1 working day later
      'bulletin@2026-10-21', // Fri 16, Mon 19, Tue 20, Wed 21
      'summons@2026-10-28', // Thu 22, Fri 23, Mon 26, Tue 27, Wed 28
    ]);
  });

  it('never skips a step when the job missed days: the next step fires, the one after waits its interval', () => {
    const missed = ['2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'];
    expect(climb('2026-09-30', '2026-10-14', '2026-11-13', missed)).toEqual([
      'reminder0@2026-10-14',
      'notice@2026-10-26',
      'bulletin@2026-10-30', // 27, 28, 29, 30
      'summons@2026-11-06', // 11-02 … 11-06
    ]);
  });
});

describeEachDialect('supervision reminders and escalation', (h) => {
  let unitA: number;
  let other: { unitId: number; liaison: string; head: string };
  let itemId: number;

  const items = once(async () => {
    unitA = await unitId(h, DEMO_UNIT);
    other = await unitUsers(h, '市住建局', 'esc');
    const listId = await makeList(h, 'task');
    itemId = (
      await makeItem(h, { listId, lead: [unitA], coop: [other.unitId], deadline: '2026-09-30', content: '国庆前完成企业开办一网通办改造' })
    ).id;
    await makeItem(h, { listId, lead: [other.unitId], deadline: '2026-12-31' });
  });
  // The job run for every day from 09-20 to 10-21, and what the office and the units saw right after.
  const ladderRun = once(async () => {
    await items();
    const office = await h.as('office');
    const runs: { date: string; statusCode: number; workday: boolean; fired: Record<string, number> }[] = [];
    for (let d = '2026-09-20'; d <= '2026-10-21'; d = addDays(d, 1)) {
      const res = await office.post('/api/v1/supervision/escalation/run', { date: d });
      runs.push({ date: d, statusCode: res.statusCode, workday: res.json().workday, fired: res.json().fired ?? {} });
    }
    return {
      runs,
      notices: (await office.get(`/api/v1/supervision/notices?itemId=${itemId}`)).json(),
      timeline: (await office.get(`/api/v1/items/${itemId}`)).json().timeline,
      liaisonInbox: (await (await h.as('liaison')).get('/api/v1/notifications')).json(),
      headInbox: (await (await h.as('unit_head')).get('/api/v1/notifications')).json(),
      otherEscalations: (await (await h.as(other.liaison)).get('/api/v1/notifications?kind=escalation')).json(),
    };
  });

  it('runs day by day from 09-20 to 10-21: each step once, on its working day, nothing on holidays', async () => {
    const office = await h.as('office');
    const run = await ladderRun();
    const firedOn: Record<string, string[]> = {};
    for (const r of run.runs) {
      expect(r.statusCode).toBe(200);
      expect(r.workday).toBe(officialCalendar.isWorkday(r.date));
      for (const [kind, n] of Object.entries(r.fired)) if (n) (firedOn[r.date] ??= []).push(`${kind}×${n}`);
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

    const notices = run.notices;
    expect(notices.total).toBe(5);
    const notice = notices.items.find((n: { kind: string }) => n.kind === 'notice');
    expect(notice).toMatchObject({ dueOn: '2026-10-08', replyDue: '2026-10-12', status: 'awaiting_reply', unit: { id: unitA } });
    expect(notice.number).toMatch(/^督办〔2026〕\d+号$/);

    const steps = run.timeline
      .filter((e: { type: string }) => e.type === 'supervision')
      .map((e: { data: { step: string; dueOn: string } }) => `${e.data.step}@${e.data.dueOn}`);
    expect(steps).toEqual(['reminder@2026-09-22', 'reminder@2026-09-29', 'notice@2026-10-08', 'bulletin@2026-10-13', 'summons@2026-10-20']);

    // The lead unit's liaison and head were told; the cooperating unit was not.
    expect(run.liaisonInbox.items.some((n: { title: string }) => n.title.startsWith('督办单'))).toBe(true);
    expect(run.headInbox.items.length).toBeGreaterThanOrEqual(5);
    expect(run.otherEscalations.items).toHaveLength(0);
  });

  it('shows a unit only its own notices and lets it reply to a 督办单 once', async () => {
    await ladderRun();
    const mine = (await (await h.as('liaison')).get('/api/v1/supervision/notices?kind=notice')).json();
    expect(mine.items.length).toBe(1);
    const theirs = (await (await h.as(other.liaison)).get(`/api/v1/supervision/notices?unitId=${unitA}`)).json();
    expect(theirs.total).toBe(0);
    const id = mine.items[0].id;
    expect((await (await h.as(other.liaison)).post(`/api/v1/supervision/notices/${id}/reply`, { text: '不是我们的' })).statusCode).toBe(
      404,
    );
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
    // put the ladder back afterwards: the day-by-day run above climbs the default one, whichever test runs first
    onTestFinished(async () => {
      const now = (await office.get('/api/v1/supervision/settings')).json();
      await office.request('PUT', '/api/v1/supervision/settings/escalation', {
        version: now.escalationVersion,
        escalation: current.escalation,
      });
    });
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
    const stale = await office.request('PUT', '/api/v1/supervision/settings/escalation', {
      version: current.escalationVersion,
      escalation: current.escalation,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await (
          await h.as('leader')
        ).request('PUT', '/api/v1/supervision/settings/escalation', { version: 1, escalation: current.escalation })
      ).statusCode,
    ).toBe(403);
  });
});

describeEachDialect('an item that arrives overdue', (h) => {
  let listId: number;
  let overdueId: number;

  // The workbook imported on 2026-03-02 and the job run for every day of March.
  const imported = once(async () => {
    setChinaTime(h, '2026-03-02');
    const office = await h.as('office');
    // The harness clock stands at 2026-03-02 (Mon); sheet row 2 was due on 02-10, row 3 is due later.
    const file = await workbook({
      name: '任务',
      rows: [
        HEADER,
        ['1', '政务环境', '逾期导入的任务', '', DEMO_UNIT, '', '2026-02-10'],
        ['2', '政务环境', '按期的任务', '', DEMO_UNIT, '', '2026-12-31'],
      ],
    });
    const { body, headers } = multipart('overdue.xlsx', file);
    const preview = await office.request(
      'POST',
      `/api/v1/worklists/imports?kind=task&list=${encodeURIComponent('逾期导入测试')}`,
      body,
      headers,
    );
    const commit = await office.post('/api/v1/worklists/imports/commit', { token: preview.json().token });
    const list = (await office.get('/api/v1/worklists?kind=task')).json().find((l: { name: string }) => l.name === '逾期导入测试');
    const overdue = (await office.get(`/api/v1/items?listId=${list.id}`)).json().items.find((i: { code: string }) => i.code === '1');
    listId = list.id;
    overdueId = overdue.id;

    const runs: number[] = [];
    for (let d = '2026-03-02'; d <= '2026-03-31'; d = addDays(d, 1))
      runs.push((await office.post('/api/v1/supervision/escalation/run', { date: d })).statusCode);
    const notices = (await office.get(`/api/v1/supervision/notices?itemId=${overdue.id}&pageSize=50`)).json();
    return { preview, commit, runs, notices };
  });

  it('is imported with a located warning, starts at 提醒 and climbs one step per configured interval', async () => {
    // The harness clock stands at 2026-03-02 (Mon); sheet row 2 was due on 02-10, row 3 is due later.
    const { preview, commit, runs, notices } = await imported();
    expect(preview.statusCode).toBe(200);
    expect(preview.json().problems).toEqual([]);
    expect(preview.json().warnings).toEqual([{ sheet: '任务', row: 2, column: 'G', message: expect.stringContaining('2026-02-10') }]);
    expect(commit.json()).toMatchObject({ created: 2 });
    expect(runs.every((code) => code === 200)).toBe(true);
    const steps: string[] = [];
    for (const n of [...notices.items].reverse()) steps.push(`${n.kind}@${n.dueOn}`);
    // 提醒 on the first run; 督办单 1 working day later; 通报 4 after that; 约谈 5 after that.
    expect(steps).toEqual(['reminder@2026-03-02', 'notice@2026-03-03', 'bulletin@2026-03-09', 'summons@2026-03-16']);
  });

  it('leaves in the export as a supervision ledger (progress, overdue working days, step) that re-imports', async () => {
    await imported();
    setChinaTime(h, '2026-03-02');
    const office = await h.as('office');
    const reported = await (
      await h.as('liaison')
    ).post(`/api/v1/items/${overdueId}/reports`, { text: '已完成系统联调，待验收', percent: 80 });
    expect(reported.statusCode).toBe(200);
    const res = await office.get(`/api/v1/worklists/export?listId=${listId}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(2).values as unknown[]).slice(1) as string[];
    expect(header.slice(-4)).toEqual(['状态', '最新进展', '逾期工作日', '督办环节']);
    const rows = [3, 4].map((r) => Object.fromEntries(header.map((k, c) => [k, ws.getCell(r, c + 1).value])));
    const late = rows.find((r) => r['序号'] === '1')!;
    expect(late['最新进展']).toBe('2026-03-02 80%：已完成系统联调，待验收');
    expect(late['逾期工作日']).toBe(officialCalendar.workdaysBetween('2026-02-10', '2026-03-02'));
    expect(late['督办环节']).toBe('约谈');
    const onTime = rows.find((r) => r['序号'] === '2')!;
    expect([onTime['最新进展'], onTime['逾期工作日'], onTime['督办环节']]).toEqual([null, null, null]);

    const { body, headers } = multipart('ledger.xlsx', res.rawPayload);
    const back = await office.request('POST', `/api/v1/worklists/imports?kind=task&list=${encodeURIComponent('台账回导')}`, body, headers);
    expect(back.json().problems).toEqual([]);
    expect(
      back
        .json()
        .mapping[0].columns.slice(-4)
        .map((c: { field: string | null }) => c.field),
    ).toEqual([null, null, null, null]);
    expect((await office.post('/api/v1/worklists/imports/commit', { token: back.json().token })).json()).toMatchObject({ created: 2 });
  });
});
