import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { insertDay } from './calendar.repository.js';
import { getWorkCalendar } from './calendar.service.js';

// A made-up 2027 schedule in the State Council's shape: the real one is published each November.
const CSV_2027 = `日期,类型,名称
2027-01-01,休,元旦
2027-02-06,休,春节
2027-02-07,休,春节
2027-02-08,休,春节
2027-02-09,休,春节
2027-02-10,休,春节
2027-02-11,休,春节
2027-02-12,休,春节
2027-02-13,休,春节
2027-02-14,班,春节
2027-02-20,班,春节
2027/10/1,holiday,国庆节
2027-10-09,workday,国庆节
`;

describeEachDialect('working-day calendar admin', (h) => {
  // Every test starts from the packaged calendar alone, whatever days another test added.
  beforeEach(async () => {
    await h.ctx.db.deleteFrom('calendar_day').execute();
  });
  /** The calendar audit actions written after the row `sinceId`. */
  const lastAuditId = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );
  const calendarActions = async (sinceId: number) =>
    (
      await h.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'calendar_day')
        .where('id', '>', sinceId)
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  it('knows 2026 from the packaged data and nothing official about 2027 yet', async () => {
    const cal = await getWorkCalendar(h.ctx);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    const office = await h.as('office');
    const y = (await office.get('/api/v1/calendar?year=2026')).json();
    expect(y.covered).toBe(true);
    expect(y.days).toContainEqual({ date: '2026-10-01', type: 'holiday', name: '国庆节', source: 'official' });
  });

  it('rejects a bad file whole, with every problem located by row and column', async () => {
    const admin = await h.as('admin');
    const res = await admin.post('/api/v1/calendar/import', {
      format: 'csv',
      content: 'date,type,name\n2027-02-30,休,春节\n2027-03-01,假期,x\n2027-03-02,班,\n2027-03-02,班,重复',
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(details).toEqual(['2:date', '3:type', '4:name']);
    const header = await admin.post('/api/v1/calendar/import', { format: 'csv', content: 'day,kind\n2027-01-01,休' });
    expect(header.json().details[0].message).toContain('date,type,name');
    expect((await getWorkCalendar(h.ctx)).covers(2027)).toBe(false);
  });

  it('imports next year’s schedule, and deadlines use it at once', async () => {
    const admin = await h.as('admin');
    const since = await lastAuditId();
    expect((await (await h.as('office')).post('/api/v1/calendar/import', { format: 'csv', content: CSV_2027 })).statusCode).toBe(403);
    const res = await admin.post('/api/v1/calendar/import', { format: 'csv', content: CSV_2027 });
    expect(res.json()).toEqual({ added: 13, updated: 0, unchanged: 0, years: [2027] });
    const cal = await getWorkCalendar(h.ctx);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.isWorkday('2027-02-08')).toBe(false); // a Monday in the Spring Festival
    expect(cal.isWorkday('2027-02-14')).toBe(true); // a Sunday worked
    // Friday 5 Feb + 1 working day skips the whole holiday to Sunday 14 Feb.
    expect(cal.addWorkdays('2027-02-05', 1)).toBe('2027-02-14');
    const again = await admin.post('/api/v1/calendar/import', {
      format: 'json',
      content: JSON.stringify([
        { date: '2027-01-01', type: 'holiday', name: '元旦' },
        { date: '2027-10-09', type: 'holiday', name: '国庆节' },
      ]),
    });
    expect(again.json()).toEqual({ added: 0, updated: 1, unchanged: 1, years: [2027] });
    expect((await getWorkCalendar(h.ctx)).isWorkday('2027-10-09')).toBe(false);
    expect(await calendarActions(since)).toEqual(['calendar.import', 'calendar.import']);
  });

  it('lets the admin correct a single day, which overrides the packaged data', async () => {
    const admin = await h.as('admin');
    const since = await lastAuditId();
    // 2026-10-10 is a packaged swapped working day (Saturday); a local decision makes it a rest day.
    expect((await getWorkCalendar(h.ctx)).isWorkday('2026-10-10')).toBe(true);
    const created = await admin.post('/api/v1/calendar/days', { date: '2026-10-10', type: 'holiday', name: '地方调整' });
    expect(created.statusCode).toBe(201);
    expect((await getWorkCalendar(h.ctx)).isWorkday('2026-10-10')).toBe(false);
    const dup = await admin.post('/api/v1/calendar/days', { date: '2026-10-10', type: 'workday', name: 'x' });
    expect(dup.json().code).toBe('CONFLICT');
    const edited = await admin.patch(`/api/v1/calendar/days/${created.json().id}`, { type: 'workday', version: 1 });
    expect(edited.json()).toMatchObject({ type: 'workday', version: 2 });
    expect((await admin.patch(`/api/v1/calendar/days/${created.json().id}`, { name: 'y', version: 1 })).json().code).toBe(
      'VERSION_CONFLICT',
    );
    expect((await admin.delete(`/api/v1/calendar/days/${created.json().id}`)).statusCode).toBe(200);
    const year = (await admin.get('/api/v1/calendar?year=2026')).json();
    expect(year.added).toEqual([]);
    expect(await calendarActions(since)).toEqual(['calendar.add', 'calendar.update', 'calendar.delete']);
  });

  it('keeps the calendar while nothing changes and follows a day added by the admin or written by another process', async () => {
    const admin = await h.as('admin');
    const before = await getWorkCalendar(h.ctx);
    // Mon 2026-06-01 is a plain working day in the packaged data.
    expect(before.isWorkday('2026-06-01')).toBe(true);
    expect(await getWorkCalendar(h.ctx)).toBe(before);
    await admin.post('/api/v1/calendar/days', { date: '2026-06-02', type: 'holiday', name: '缓存测试一' });
    const afterAdd = await getWorkCalendar(h.ctx);
    expect(afterAdd.isWorkday('2026-06-02')).toBe(false);
    // A write elsewhere makes the days be read again, but the same calendar is kept.
    expect((await (await h.as('office')).post('/api/v1/worklists', { name: '日历缓存测试清单', kind: 'task' })).statusCode).toBe(201);
    expect(await getWorkCalendar(h.ctx)).toBe(afterAdd);
    // A row written without the calendar service (as another server process or the CLI would).
    await insertDay(h.ctx.db, { date: '2026-06-01', type: 'holiday', name: '缓存测试二' }, h.now.toISOString());
    expect((await getWorkCalendar(h.ctx)).isWorkday('2026-06-01')).toBe(false);
    expect((await getWorkCalendar(h.ctx)).dayName('2026-06-01')).toBe('缓存测试二');
  });
});
