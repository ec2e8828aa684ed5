import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { TEST_PASSWORD, describeEachDialect } from '../../test/harness.js';
import { listUnits } from '../org/index.js';
import { createUser } from '../org/users.service.js';
import { usccCheckChar } from '../policies/uscc.js';
import { getDemand } from './demands.service.js';
import { superviseOverdue } from './ratings.service.js';

// Test clock: Monday 2 March 2026, 10:00 China time (02:00 UTC). Deadlines below are counted by hand
// on the desk's hours (9:00–12:00, 13:30–17:30) and the official calendar.
const APPROVAL_UNIT = '呼和浩特市行政审批和政务服务局';
const TAX_UNIT = '国家税务总局呼和浩特市税务局';

/** A well-formed USCC of a Hohhot (150105) limited company, check character from GB 32100's table (via policies). */
function uscc(body: string): string {
  const first17 = `91150105${body}`;
  return first17 + usccCheckChar(first17);
}

describeEachDialect('enterprise demand desk', (h) => {
  const units = async () => new Map((await listUnits(h.ctx.db)).map((u) => [u.name, u.id]));
  const subjects = async () =>
    new Map(
      ((await (await h.as('office')).get('/api/v1/demands/subjects')).json() as { id: number; name: string }[]).map((s) => [s.name, s.id]),
    );
  const count = async () =>
    Number(
      (
        await h.ctx.db
          .selectFrom('demand')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes a complaint, routes it by subject, sets its deadlines and masks the phone', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const res = await office.post('/api/v1/demands', {
      channel: 'seat',
      type: 'complaint',
      subjectId: s.get('开办企业'),
      contactName: '王女士',
      contactPhone: '138-1234-5678',
      description: '营业执照变更登记提交一周仍未受理，窗口说系统故障',
      idempotencyKey: 'call-0001',
    });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({ status: 'dispatched', unitName: APPROVAL_UNIT, contactPhone: '138****5678', created: true });
    expect(t.code).toMatch(/^QY20260302\d{6}$/);
    // sign for by 12:00 the same day; 投诉 10 working days → Monday 16 March 17:30 (China time)
    expect(t.signDueAt).toBe('2026-03-02T04:00:00.000Z');
    expect(t.dueAt).toBe('2026-03-16T09:30:00.000Z');
    const list = (await office.get(`/api/v1/demands?q=${t.code}`)).json();
    expect(list.items[0].contactPhone).toBe('138****5678');
    expect(JSON.stringify(list)).not.toContain('13812345678');
    // the whole number only through the reveal, which is audited
    const liaison = await h.as('liaison');
    expect((await liaison.post(`/api/v1/demands/${t.id}/phone`)).json()).toEqual({ contactPhone: '13812345678' });
    const audits = await h.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'demand')
      .where('entity_id', '=', String(t.id) as never)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['demands.intake', 'demands.revealPhone']);
    // a double click or a retry with the same key answers with the first ticket
    const before = await count();
    const again = await office.post('/api/v1/demands', {
      channel: 'seat',
      type: 'complaint',
      subjectId: s.get('开办企业'),
      description: '营业执照变更登记提交一周仍未受理，窗口说系统故障',
      idempotencyKey: 'call-0001',
    });
    expect(again.statusCode).toBe(200);
    // the new ticket's answer (made from what was written) is the same detail as read back later
    expect(again.json()).toEqual({ ...t, created: false });
    expect(await count()).toBe(before);
    // the unit's staff were told
    const told = await h.ctx.db.selectFrom('notification').select('title').where('link', '=', `/demands/${t.id}`).execute();
    expect(told.length).toBeGreaterThan(0);
  });

  it('refuses a malformed credit code with its place, flags an unregistered one, and changes nothing on refusal', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const before = await count();
    const bad = await office.post('/api/v1/demands', {
      type: 'help',
      subjectId: s.get('纳税'),
      uscc: '91150105MA0000000A',
      description: '发票领用问题',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'DEMAND_USCC_INVALID', details: [{ path: 'body.uscc' }] });
    expect(bad.json().details[0].message).toContain('校验位');
    expect(await count()).toBe(before);
    const unknown = await office.post('/api/v1/demands', {
      type: 'help',
      subjectId: s.get('纳税'),
      uscc: uscc('MA0N0TE8T'),
      enterpriseName: '未登记示例公司',
      description: '发票领用问题',
    });
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json()).toMatchObject({ enterpriseKnown: false, unitName: TAX_UNIT, uscc: uscc('MA0N0TE8T') });
  });

  it(
    'runs the loop: sign for, answer, a bad rating reopens, a second ' + 'bad one opens a supervised problem, then a good one closes',
    async () => {
      const office = await h.as('office');
      const liaison = await h.as('liaison');
      const s = await subjects();
      const t = (
        await office.post('/api/v1/demands', {
          type: 'help',
          subjectId: s.get('设立登记'),
          contactPhone: '13900001111',
          description: '分公司设立登记需要哪些材料，网上办理总是提示地址不规范',
        })
      ).json();
      // the child subject has no rule of its own: its parent's rule routes it
      expect(t.unitName).toBe(APPROVAL_UNIT);
      // a unit that the ticket is not routed to cannot see it nor act on it
      const u = await units();
      await createUser(h.ctx, SYSTEM_ACTOR, {
        username: 'tax_liaison',
        displayName: '税务联络员',
        role: 'liaison',
        unitId: u.get(TAX_UNIT)!,
        password: TEST_PASSWORD,
        mustChangePassword: false,
      });
      const foreign = await h.as('tax_liaison');
      expect((await foreign.get(`/api/v1/demands/${t.id}`)).statusCode).toBe(404);
      expect((await foreign.post(`/api/v1/demands/${t.id}/sign-for`, { version: t.version })).statusCode).toBe(404);
      expect((await foreign.post(`/api/v1/demands/${t.id}/phone`)).statusCode).toBe(404);

      h.now = new Date('2026-03-02T03:00:00Z'); // 11:00, within the two working hours
      const signed = (await liaison.post(`/api/v1/demands/${t.id}/sign-for`, { version: t.version })).json();
      expect(signed.status).toBe('in_progress');
      expect((await liaison.post(`/api/v1/demands/${t.id}/sign-for`, { version: signed.version })).json().code).toBe(
        'DEMAND_STATUS_CONFLICT',
      );
      const answered = (
        await liaison.post(`/api/v1/demands/${t.id}/answer`, {
          version: signed.version,
          answer: '已电话告知所需材料清单并协助修改地址格式',
        })
      ).json();
      expect(answered.status).toBe('answered');
      expect(answered.ratingCode).toMatch(/^[A-Z2-9]{8}$/);

      const anon = h.anonymous();
      const rate1 = await anon.post('/api/v1/demands/public/rate', { code: answered.ratingCode, level: 2, comment: '材料说明不清楚' });
      expect(rate1.json()).toMatchObject({ ok: true, reopened: true, unitName: APPROVAL_UNIT });
      expect((await anon.post('/api/v1/demands/public/rate', { code: answered.ratingCode, level: 5 })).json().code).toBe(
        'DEMAND_RATING_USED',
      );
      expect((await anon.post('/api/v1/demands/public/rate', { code: 'ZZZZZZZZ', level: 5 })).statusCode).toBe(404);
      const reopened = (await office.get(`/api/v1/demands/${t.id}`)).json();
      // 重办 within 5 working days from Monday 2 March → Monday 9 March 17:30
      expect(reopened).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: 2, dueAt: '2026-03-09T09:30:00.000Z' });

      const answered2 = (
        await liaison.post(`/api/v1/demands/${t.id}/answer`, { version: reopened.version, answer: '已上门指导并当场完成提交' })
      ).json();
      expect((await anon.post('/api/v1/demands/public/rate', { code: answered2.ratingCode, level: 1 })).json().reopened).toBe(true);
      const items = await h.ctx.db
        .selectFrom('item')
        .innerJoin('worklist', 'worklist.id', 'item.list_id')
        .select(['item.code', 'worklist.name', 'worklist.kind'])
        .where('item.code', 'like', `${t.code}%`)
        .execute();
      expect(items).toEqual([{ code: `${t.code}-2`, name: '企业诉求二次差评整改清单', kind: 'problem' }]);

      const again = (await office.get(`/api/v1/demands/${t.id}`)).json();
      const answered3 = (
        await liaison.post(`/api/v1/demands/${t.id}/answer`, { version: again.version, answer: '分公司已领取营业执照' })
      ).json();
      // the desk calls back and takes the rating on the call
      const closed = (
        await office.post(`/api/v1/demands/${t.id}/follow-up`, { version: answered3.version, level: 4, note: '企业表示满意' })
      ).json();
      expect(closed).toMatchObject({ status: 'closed', rating: 4, reopenCount: 2 });
      expect(closed.events.map((e: { action: string }) => e.action)).toEqual([
        'intake',
        'dispatch',
        'signFor',
        'answer',
        'rate',
        'reopen',
        'answer',
        'rate',
        'reopen',
        'supervised',
        'answer',
        'followUp',
        'rate',
      ]);
      h.now = new Date('2026-03-02T02:00:00Z');
    },
  );

  it('lets a unit send back a mis-routed ticket and the office route it on; extensions wait for approval', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    const s = await subjects();
    const u = await units();
    const t = (
      await office.post('/api/v1/demands', {
        type: 'suggestion',
        subjectId: s.get('开办企业'),
        description: '建议增加企业注销一网通办的线下辅导',
      })
    ).json();
    const back = (
      await liaison.post(`/api/v1/demands/${t.id}/send-back`, { version: t.version, reason: '注销涉及税务清税，应由税务部门牵头' })
    ).json();
    expect(back.status).toBe('sent_back');
    const routed = (
      await office.post(`/api/v1/demands/${t.id}/send-back-decision`, { version: back.version, unitId: u.get(TAX_UNIT) })
    ).json();
    expect(routed).toMatchObject({ status: 'dispatched', unitName: TAX_UNIT });
    // no longer the approval bureau's: it cannot act on it
    expect((await liaison.post(`/api/v1/demands/${t.id}/sign-for`, { version: routed.version })).statusCode).toBe(404);

    const tax = await h.as('tax_liaison');
    const signed = (await tax.post(`/api/v1/demands/${t.id}/sign-for`, { version: routed.version })).json();
    // 建议: 5 working days → Monday 9 March 17:30; 3 more approved → Thursday 12 March 17:30
    expect(signed.dueAt).toBe('2026-03-09T09:30:00.000Z');
    const asked = (
      await tax.post(`/api/v1/demands/${t.id}/extension`, { version: signed.version, days: 3, reason: '需与市场监管部门会商' })
    ).json();
    expect(asked.pendingExtension).toEqual({ days: 3, reason: '需与市场监管部门会商' });
    expect(asked.dueAt).toBe('2026-03-09T09:30:00.000Z');
    const approved = (await office.post(`/api/v1/demands/${t.id}/extension-decision`, { version: asked.version, approve: true })).json();
    expect(approved).toMatchObject({ pendingExtension: null, dueAt: '2026-03-12T09:30:00.000Z' });
  });

  it('closes a consultation answered from the knowledge base at first contact', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const found = (await office.get(`/api/v1/demands/knowledge?q=${encodeURIComponent('接电 低压')}`)).json();
    expect(found).toHaveLength(1);
    const t = (
      await office.post('/api/v1/demands', {
        type: 'consult',
        subjectId: s.get('获得电力'),
        description: '低压接电需要多久',
        firstContactAnswer: found[0].answer,
        knowledgeId: found[0].id,
      })
    ).json();
    expect(t).toMatchObject({ status: 'closed', firstContact: true, unitId: null });
    const help = await office.post('/api/v1/demands', {
      type: 'help',
      subjectId: s.get('获得电力'),
      description: '低压接电需要多久',
      firstContactAnswer: 'x',
    });
    expect(help.json().details[0].path).toBe('body.firstContactAnswer');
  });

  it('offers a similar demand from the same phone within 30 days for merging; the merged one keeps its history', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const first = (
      await office.post('/api/v1/demands', {
        type: 'complaint',
        subjectId: s.get('纳税'),
        contactPhone: '13655556666',
        description: '出口退税申报三个月仍未到账，多次询问无人答复',
      })
    ).json();
    const second = (
      await office.post('/api/v1/demands', {
        type: 'complaint',
        subjectId: s.get('纳税'),
        contactPhone: '136 5555 6666',
        description: '出口退税三个月没有到账，询问多次无人答复',
      })
    ).json();
    expect(second.duplicates.map((d: { id: number }) => d.id)).toEqual([first.id]);
    const other = await office.get(
      `/api/v1/demands/duplicates?phone=13655556666&description=${encodeURIComponent('办公场地租金补贴申请')}`,
    );
    expect(other.json()).toEqual([]);
    const merged = (await office.post(`/api/v1/demands/${second.id}/merge`, { version: second.version, intoId: first.id })).json();
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    const target = (await office.get(`/api/v1/demands/${first.id}`)).json();
    expect(target.events.at(-1)).toMatchObject({ action: 'mergedFrom', note: second.code });
  });

  it(
    'records a specialist’s visit whose needs become tickets, and ' + 'groups similar demands of several enterprises as a hot issue',
    async () => {
      const office = await h.as('office');
      const specialist = await h.as('specialist');
      const s = await subjects();
      const me = (await specialist.get('/api/v1/auth/me')).json();
      const key = uscc('MA0N0KEY1');
      const assigned = await office.request('PUT', '/api/v1/demands/key-enterprises', { uscc: key, specialistId: me.user.id });
      expect(assigned.json()).toEqual({ uscc: key, specialistId: me.user.id, chiefId: null });
      expect((await office.request('PUT', '/api/v1/demands/key-enterprises', { uscc: key, specialistId: 1 })).json().details[0].path).toBe(
        'body.specialistId',
      );
      const visit = await specialist.post('/api/v1/demands/visits', {
        uscc: key,
        kind: 'specialist',
        visitedOn: '2026-03-02',
        notes: '走访了解企业融资与用工情况',
        needs: [{ type: 'help', subjectId: s.get('融资'), description: '流动资金贷款担保费用补贴申请渠道不清楚' }],
      });
      expect(visit.statusCode).toBe(201);
      expect(visit.json().ticketIds).toHaveLength(1);
      const ticket = (await office.get(`/api/v1/demands/${visit.json().ticketIds[0]}`)).json();
      expect(ticket).toMatchObject({ channel: 'specialist_visit', uscc: key });
      for (const [i, text] of ['贷款担保费用补贴申请渠道不清楚，希望明确', '担保费用补贴的申请渠道不清楚'].entries()) {
        await office.post('/api/v1/demands', { type: 'help', subjectId: s.get('融资'), uscc: uscc(`MA0N0H7T${i}`), description: text });
      }
      const hot = (await office.get('/api/v1/demands/hot-issues')).json();
      expect(hot).toHaveLength(1);
      expect(hot[0]).toMatchObject({ subjectName: '融资', tickets: 3, sources: 3 });
      expect((await (await h.as('liaison')).get('/api/v1/demands/hot-issues')).statusCode).toBe(403);
    },
  );

  it('hands an overdue ticket to supervision once: the unit and the office are told, a problem item carries its deadline', async () => {
    const office = await h.as('office');
    const s = await subjects();
    const t = (
      await office.post('/api/v1/demands', {
        type: 'consult',
        subjectId: s.get('登记财产'),
        description: '不动产登记预约号源不足（超期测试）',
      })
    ).json();
    // 咨询: 1 working day → Tuesday 3 March 17:30 China time; on Wednesday morning it is overdue.
    expect(t.dueAt).toBe('2026-03-03T09:30:00.000Z');
    h.now = new Date('2026-03-04T01:00:00Z');
    try {
      const first = await superviseOverdue(h.ctx);
      expect(first.tickets).toBeGreaterThanOrEqual(1);
      expect((await superviseOverdue(h.ctx)).tickets).toBe(0);
      const item = await h.ctx.db
        .selectFrom('item')
        .innerJoin('worklist', 'worklist.id', 'item.list_id')
        .select(['item.deadline', 'worklist.name'])
        .where('item.code', '=', `${t.code}-超期`)
        .executeTakeFirstOrThrow();
      expect(item).toEqual({ deadline: '2026-03-03', name: '企业诉求超期督办清单' });
      const told = await h.ctx.db
        .selectFrom('notification')
        .select('kind')
        .where('link', '=', `/demands/${t.id}`)
        .where('kind', '=', 'overdue')
        .execute();
      // the office is told (the registration centre has no users in the test data to tell)
      expect(told.length).toBeGreaterThanOrEqual(1);
      // read through the service: two days on, the test's login session has expired
      const detail = await getDemand(h.ctx, SYSTEM_ACTOR, t.id);
      expect(detail).toMatchObject({ overdue: true });
      expect(detail.events.slice(-2).map((e) => e.action)).toEqual(['overdue', 'supervised']);
    } finally {
      h.now = new Date('2026-03-02T02:00:00Z');
    }
  });

  it('reports the KPIs per subject and shows the public board without login and without personal data', async () => {
    const office = await h.as('office');
    const kpi = (await office.get('/api/v1/demands/kpi?by=subject')).json();
    // 开办企业 (parent subject): the complaint (open) and the suggestion moved to tax — neither closed yet.
    const power = kpi.rows.find((r: { label: string }) => r.label === '获得电力');
    // 获得电力: the demo complaint (open), the consultation closed at first contact, the refused one never saved.
    expect(power).toMatchObject({ tickets: 2, firstContactRate: 50 });
    const reg = kpi.rows.find((r: { label: string }) => r.label === '设立登记');
    // one ticket, signed in time, rated 2, 1, 4: satisfied (latest rating 4), reopened, answered on time the last time
    expect(reg).toMatchObject({ tickets: 1, signRate: 100, satisfactionRate: 100, reopenRate: 100, followUpRate: 100 });
    const xlsx = await office.get('/api/v1/demands/kpi/export?by=unit');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const board = await h.anonymous().get('/api/v1/demands/public/board');
    expect(board.statusCode).toBe(200);
    const approval = board.json().units.find((u: { unitName: string }) => u.unitName === APPROVAL_UNIT);
    const march = approval.months.find((m: { month: string }) => m.month === '2026-03');
    // three ratings of the one ticket: 2, 1 and 4 → one in three satisfied
    expect(march).toMatchObject({ ratings: 3, satisfactionRate: 33.3, closed: 1 });
    expect(board.body).not.toMatch(/138|139|136|营业执照|王女士/);
    // a window's rating code (评价码) counts for its unit on the same board, any number of times
    const u = await units();
    const code = (
      await office.post('/api/v1/demands/rating-codes', { kind: 'window', name: '税务综合窗口 3 号', unitId: u.get(TAX_UNIT) })
    ).json().code;
    expect(code).toMatch(/^W[0-9A-F]{8}$/);
    const anon = h.anonymous();
    expect((await anon.post(`/api/v1/demands/public/rating-codes/${code}/ratings`, { level: 5 })).json()).toMatchObject({
      ok: true,
      reopened: false,
    });
    expect((await anon.post(`/api/v1/demands/public/rating-codes/${code}/ratings`, { level: 2 })).statusCode).toBe(200);
    expect((await anon.post('/api/v1/demands/public/rating-codes/WNOSUCH00/ratings', { level: 5 })).statusCode).toBe(404);
    // the board follows the data at once: it shows the window's two ratings, one satisfied
    const later = (await h.anonymous().get('/api/v1/demands/public/board')).json();
    const tax = later.units
      .find((x: { unitName: string }) => x.unitName === TAX_UNIT)
      .months.find((m: { month: string }) => m.month === '2026-03');
    expect(tax).toMatchObject({ ratings: 2, satisfactionRate: 50 });
  });
  it('keeps a listed page only while nothing changes: a new ticket shows at once, another unit never gets this page', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    const u = await units();
    await createUser(h.ctx, SYSTEM_ACTOR, {
      username: 'tax_page_liaison',
      displayName: '税务列表联络员',
      role: 'liaison',
      unitId: u.get(TAX_UNIT)!,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
    const tax = await h.as('tax_page_liaison');
    const ids = async (who: typeof office, path = '/api/v1/demands') =>
      ((await who.get(path)).json().items as { id: number; unitId: number | null }[]).map((d) => d.id);
    // the same pages asked twice (the second from memory), then a write
    const before = await ids(office);
    expect(await ids(office)).toEqual(before);
    await ids(liaison);
    await ids(tax);
    const t = (
      await office.post('/api/v1/demands', {
        channel: 'seat',
        type: 'complaint',
        subjectId: (await subjects()).get('开办企业'),
        contactPhone: '13900002222',
        description: '（示例）列表缓存测试：新工单应立即出现在列表第一条',
      })
    ).json();
    expect(t.unitName).toBe(APPROVAL_UNIT);
    expect((await ids(office))[0]).toBe(t.id);
    expect((await ids(liaison))[0]).toBe(t.id);
    // the tax unit's liaison, asking the same query right after, sees only the tax unit's tickets
    const taxItems = (await tax.get('/api/v1/demands')).json().items as { id: number; unitId: number | null }[];
    expect(taxItems.map((d) => d.id)).not.toContain(t.id);
    for (const d of taxItems) expect(d.unitId).toBe(u.get(TAX_UNIT));
    // the unit filter of a liaison is their own unit whatever they ask for
    const asked = (await tax.get(`/api/v1/demands?unitId=${u.get(APPROVAL_UNIT)}`)).json().items as { id: number }[];
    expect(asked.map((d) => d.id)).not.toContain(t.id);
  });

  it('answers a polled page it already gave with 304, and a ticket falling due shows as overdue at once', async () => {
    const office = await h.as('office');
    const t = (
      await office.post('/api/v1/demands', {
        channel: 'seat',
        type: 'consult',
        subjectId: (await subjects()).get('开办企业'),
        description: '（示例）列表重验测试：咨询一个工作日内答复',
      })
    ).json();
    const path = `/api/v1/demands?q=${t.code}`;
    const first = await office.get(path);
    expect(first.json().items).toMatchObject([{ id: t.id, overdue: false }]);
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await office.request('GET', path, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // a moment after its deadline the same kept page says overdue, under a new tag
    const saved = h.now;
    try {
      // the clock walks there in steps, each request keeping the session alive
      for (let at = saved.getTime(); at < Date.parse(t.dueAt); at += 3 * 3600_000) {
        h.now = new Date(at);
        expect((await office.get(path)).json().items).toMatchObject([{ id: t.id, overdue: false }]);
      }
      h.now = new Date(Date.parse(t.dueAt) + 1000);
      const due = await office.request('GET', path, undefined, { 'if-none-match': etag });
      expect(due.statusCode).toBe(200);
      expect(due.json().items).toMatchObject([{ id: t.id, overdue: true }]);
      expect(due.headers.etag).not.toBe(etag);
    } finally {
      h.now = saved;
    }
    // and back before it (a test clock), not overdue again
    expect((await office.get(path)).json().items).toMatchObject([{ id: t.id, overdue: false }]);
  });

  it('files an enterprise’s own demand as a web ticket, and brings it the answer with its one-time rating link', async () => {
    const office = await h.as('office');
    const liaison = await h.as('liaison');
    const s = await subjects();
    const registered = await office.post('/api/v1/policies/enterprises', {
      uscc: uscc('MA0WEB001'),
      name: '网上诉求示例公司',
      county: '新城区',
    });
    expect(registered.statusCode).toBe(201);
    const user = await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    await h.ctx.db.deleteFrom('enterprise_user').where('user_id', '=', user.id).execute();
    await h.ctx.db.insertInto('enterprise_user').values({ user_id: user.id, enterprise_id: registered.json().id }).execute();
    const ent = await h.as('enterprise');
    const body = { channel: 'seat', type: 'help', subjectId: s.get('设立登记'), description: '分支机构设立登记的材料清单在哪里查看' };
    // It cannot close its own ticket as answered on first contact, whatever it sends.
    const closing = await ent.post('/api/v1/demands', { ...body, type: 'consult', firstContactAnswer: '已解决' });
    expect(closing.statusCode).toBe(400);
    expect(closing.json().details[0].path).toBe('body.firstContactAnswer');
    const t = (await ent.post('/api/v1/demands', body)).json();
    expect(t).toMatchObject({ channel: 'web', unitName: APPROVAL_UNIT, enterpriseName: '网上诉求示例公司' });

    const signed = (await liaison.post(`/api/v1/demands/${t.id}/sign-for`, { version: t.version })).json();
    const answered = (
      await liaison.post(`/api/v1/demands/${t.id}/answer`, { version: signed.version, answer: '材料清单见办事指南' })
    ).json();
    const inbox = (await ent.get('/api/v1/notifications')).json() as { items: { title: string; body: string; link: string | null }[] };
    const told = inbox.items.find((n) => n.title === `您的诉求 ${t.code} 已答复，请评价`);
    expect(told).toMatchObject({ link: `/public/rate?code=${answered.ratingCode}` });
    expect(told!.body).toContain('材料清单见办事指南');
    expect((await h.anonymous().post('/api/v1/demands/public/rate', { code: answered.ratingCode, level: 5 })).json()).toMatchObject({
      ok: true,
      reopened: false,
    });
  });
});
