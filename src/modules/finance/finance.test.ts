import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../context.js';
import { type Client, TEST_PASSWORD, describeEachDialect, once } from '../../test/harness.js';
import { createUser } from '../org/users.service.js';
import { seedDemoPolicies } from '../policies/seed.js';
import { financeBulletinSection } from './bulletin.js';
import { escalateOverdueDeskSteps } from './desk.service.js';
import { needFromTicket } from './index.js';
import { withTransaction } from '../../db/database.js';
import { DEMO_BANKS } from './seed.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(name: string, data: Buffer): { body: Buffer; type: string } {
  const boundary = '----bizenvFinanceTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A filled-in return, starting from the template the module hands out. */
async function filledReturn(template: Buffer, bank: string, period: string, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  ws.getCell('B1').value = bank;
  ws.getCell('B2').value = period;
  rows.forEach((r, k) => r.forEach((v, c) => (ws.getRow(5 + k).getCell(c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDialect('finance', (h) => {
  let office: Client;
  let enterprise: Client;
  let bankA: Client;
  let bankB: Client;
  let banks: { id: number; name: string }[];
  let demoId: number;
  let otherId: number;
  let demoUscc: string;

  const need = async (c: Client, id: number) => (await c.get(`/api/v1/finance/needs/${id}`)).json();

  // The story's steps, each run once by whichever test needs it first, so that every test can run
  // alone or in any order (see `once`).
  /** A major project, and the demo enterprise's need of credit for it. */
  const filed = once(async () => {
    const projectId = (await office.post('/api/v1/finance/projects', { name: '测试重大项目' })).json().id as number;
    const res = await enterprise.post('/api/v1/finance/needs', {
      amount: '1200000.50',
      termMonths: 24,
      purpose: '购置生产线',
      collateral: '设备抵押',
      projectId,
    });
    return { projectId, needId: res.json().id as number, res };
  });
  /** The need published to both banks; what bank A saw of it just before. */
  const published = once(async () => {
    const { needId } = await filed();
    const beforeForA = (await bankA.get(`/api/v1/finance/needs/${needId}`)).statusCode;
    const v = (await need(office, needId)).version;
    const pub = await office.post(`/api/v1/finance/needs/${needId}/publish`, { bankIds: [banks[0]!.id, banks[1]!.id], version: v });
    return { needId, beforeForA, pub };
  });
  /** A matchmaking event on the need, then bank A offers, grants 1 000 000 元 on 1 Feb and lands 800 000 元 on 1 Mar. */
  const lent = once(async () => {
    const { needId } = await published();
    const event = await office.post('/api/v1/finance/events', {
      title: '政金企对接会（测试）',
      heldOn: '2026-01-10',
      bankIds: banks.map((b) => b.id),
      needIds: [needId],
    });
    const eventId = event.json().id as number;
    const followed = await office.post(`/api/v1/finance/events/${eventId}/followups`, {
      text: '甲行三日内上门尽调',
      needId,
      dueOn: '2026-01-15',
    });
    const p0 = (await need(bankA, needId)).publications[0];
    const tooEarly = await bankA.post(`/api/v1/finance/publications/${p0.id}/grant`, {
      amount: 1000000,
      on: '2026-02-01',
      version: p0.version,
    });
    const offered = (
      await bankA.post(`/api/v1/finance/publications/${p0.id}/respond`, {
        response: 'offered',
        offerAmount: '1000000',
        version: p0.version,
      })
    ).json().publications[0];
    const granted = (
      await bankA.post(`/api/v1/finance/publications/${p0.id}/grant`, { amount: '1000000.00', on: '2026-02-01', version: offered.version })
    ).json().publications[0];
    const over = await bankA.post(`/api/v1/finance/publications/${p0.id}/land`, {
      amount: '1000000.01',
      on: '2026-03-01',
      version: granted.version,
    });
    const landed = await bankA.post(`/api/v1/finance/publications/${p0.id}/land`, {
      amount: 800000,
      on: '2026-03-01',
      version: granted.version,
    });
    return { needId, event, eventId, followed, tooEarly, offered, granted, over, landed };
  });
  /** The other enterprise enters the listing reserve at the coaching stage. */
  const listed = once(async () =>
    office.post('/api/v1/finance/listing', { enterpriseId: otherId, stage: 'coaching', exchange: '北京证券交易所' }),
  );
  /** A desk case with one step due in 3 working days. */
  const deskCase = once(async () => {
    const officeUser = await h.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'office').executeTakeFirstOrThrow();
    const unit = await h.ctx.db.selectFrom('unit').select('id').where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow();
    const desk = await office.post('/api/v1/finance/desk', {
      enterpriseId: demoId,
      problem: '抵押物不足，需增信',
      memberUserId: officeUser.id,
      bankId: banks[0]!.id,
      presidentName: '张行长',
      leadUnitId: unit.id,
    });
    const withStep = (
      await office.post(`/api/v1/finance/desk/${desk.json().id}/steps`, { action: '协调担保公司增信', workdays: 3 })
    ).json();
    return { desk, withStep };
  });
  /** Bank A's clean return of February 2026, committed. */
  const returned = once(async () => {
    const template = (await office.get('/api/v1/finance/returns/template.xlsx')).rawPayload;
    const other = await h.ctx.db.selectFrom('enterprise').select('uscc').where('id', '=', otherId).executeTakeFirstOrThrow();
    const good = multipart(
      'r.xlsx',
      await filledReturn(template, DEMO_BANKS[0]!, '2026-02', [
        [demoUscc, '演示', '1000000.00', '是', '是'],
        [other.uscc, '其他', 3000000, '否', '否'],
      ]),
    );
    const asB = await bankB.request('POST', '/api/v1/finance/returns?mode=commit', good.body, { 'content-type': good.type });
    const ok = await bankA.request('POST', '/api/v1/finance/returns?mode=commit', good.body, { 'content-type': good.type });
    return { asB, ok };
  });

  beforeAll(async () => {
    await seedDemoPolicies(h.ctx, { enterprises: 12 });
    office = await h.as('office');
    enterprise = await h.as('enterprise');
    bankA = await h.as('bank');
    const rows = await h.ctx.db.selectFrom('enterprise').select(['id', 'uscc']).orderBy('id').limit(2).execute();
    [demoId, otherId] = rows.map((r) => r.id) as [number, number];
    demoUscc = rows[0]!.uscc;
    banks = (await office.get('/api/v1/finance/banks')).json();
    const user = await createUser(h.ctx, SYSTEM_ACTOR, {
      username: 'bank-b',
      displayName: '乙行客户经理',
      role: 'bank',
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
    expect((await office.post(`/api/v1/finance/banks/${banks[1]!.id}/users`, { userId: user.id })).statusCode).toBe(200);
    bankB = await h.as('bank-b');
  });

  it('has the demo banks, the demo bank user at the first', () => {
    expect(banks.map((b) => b.name)).toEqual(DEMO_BANKS);
  });

  it('lists the bank-role users for the office to link, never for a bank; a role outside the list is refused', async () => {
    const users: { username: string; name: string }[] = (await office.get('/api/v1/finance/users?role=bank')).json();
    expect(users.map((u) => u.username)).toContain('bank-b');
    expect(users.find((u) => u.username === 'bank-b')?.name).toBe('乙行客户经理');
    expect(users.map((u) => u.username)).not.toContain('office');
    expect((await office.get('/api/v1/finance/users?role=admin')).statusCode).toBe(400);
    expect((await bankA.get('/api/v1/finance/users?role=bank')).statusCode).toBe(403);
    const after: { id: number; users: { name: string }[] }[] = (await office.get('/api/v1/finance/banks')).json();
    expect(after.find((b) => b.id === banks[1]!.id)?.users.map((u) => u.name)).toEqual(['乙行客户经理']);
  });

  it('an enterprise files its own need; a third decimal or another enterprise is refused and nothing is stored', async () => {
    const { projectId, res } = await filed();
    const before = (await enterprise.get('/api/v1/finance/needs')).json().items.length;
    const bad = await enterprise.post('/api/v1/finance/needs', {
      amount: '1200000.505',
      termMonths: 24,
      purpose: '流动资金',
      collateral: '信用',
      projectId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([expect.objectContaining({ path: 'body.amount', message: expect.stringContaining('两位小数') })]);
    const foreign = await enterprise.post('/api/v1/finance/needs', {
      enterpriseId: otherId,
      amount: 1,
      termMonths: 12,
      purpose: 'x',
      collateral: 'y',
    });
    expect(foreign.statusCode).toBe(403);
    expect((await enterprise.get('/api/v1/finance/needs')).json().items.length).toBe(before);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      enterprise: { id: demoId },
      amountFen: 120000050,
      source: 'enterprise',
      status: 'open',
      project: { id: projectId },
    });
    // a need of another enterprise, filed by the office, is not the enterprise's to see
    const other = (
      await office.post('/api/v1/finance/needs', {
        enterpriseId: otherId,
        amount: 300000,
        termMonths: 12,
        purpose: '周转',
        collateral: '担保',
      })
    ).json();
    expect((await enterprise.get(`/api/v1/finance/needs/${other.id}`)).statusCode).toBe(404);
    expect((await enterprise.get('/api/v1/finance/needs')).json().items.map((n: { id: number }) => n.id)).not.toContain(other.id);
  });

  it('a demand-desk ticket becomes a need that keeps the ticket’s reference', async () => {
    const id = await withTransaction(h.ctx.db, (trx) =>
      needFromTicket(h.ctx, SYSTEM_ACTOR, trx, {
        enterpriseId: otherId,
        amount: 5000000,
        termMonths: 6,
        purpose: '采购原料',
        collateral: '应收账款质押',
        ticketRef: 'SQ-2026-0031',
      }),
    );
    expect(await need(office, id)).toMatchObject({
      source: 'ticket',
      sourceRef: 'SQ-2026-0031',
      amountFen: 5000000,
      enterprise: { id: otherId },
    });
  });

  it('a bank sees only the needs published to it and answers only its own publication', async () => {
    const { needId, beforeForA, pub } = await published();
    expect(beforeForA).toBe(404);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().publications.map((p: { bankName: string }) => p.bankName)).toEqual(DEMO_BANKS);
    const inbox = (await bankA.get('/api/v1/notifications?pageSize=50')).json().items;
    expect(inbox).toContainEqual(expect.objectContaining({ title: '新的融资需求待回应' }));

    const seenByA = await need(bankA, needId);
    expect(seenByA.publications).toHaveLength(1);
    expect(seenByA.publications[0].bankId).toBe(banks[0]!.id);
    const pubB = pub.json().publications[1];
    const wrong = await bankA.post(`/api/v1/finance/publications/${pubB.id}/respond`, { response: 'interested', version: pubB.version });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('NEED_NOT_PUBLISHED_TO_BANK');
    expect((await need(office, needId)).publications[1].response).toBe('pending');

    const noReason = await bankB.post(`/api/v1/finance/publications/${pubB.id}/respond`, { response: 'declined', version: pubB.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].path).toContain('reason');
    const declined = await bankB.post(`/api/v1/finance/publications/${pubB.id}/respond`, {
      response: 'declined',
      reason: '不在本行授信投向内',
      version: pubB.version,
    });
    expect(declined.json().publications[0]).toMatchObject({ response: 'declined', reason: '不在本行授信投向内' });
  });

  it('offer → credit granted → loan landed, the loan never above the credit; project and event totals follow', async () => {
    const { needId, event, eventId, followed, tooEarly, offered, granted, over, landed } = await lent();
    const { projectId } = await filed();
    expect(event.statusCode).toBe(201);
    expect(event.json().enterprises).toEqual([expect.objectContaining({ id: demoId })]);
    expect(followed.json().followups).toEqual([
      { id: expect.any(Number), needId, text: '甲行三日内上门尽调', dueOn: '2026-01-15', doneOn: null },
    ]);
    expect((await bankA.get(`/api/v1/finance/events/${eventId}`)).statusCode).toBe(403);

    // no credit before an offer
    expect(tooEarly.statusCode).toBe(409);
    expect(offered).toMatchObject({ response: 'offered', offerFen: 100000000 });
    expect(granted).toMatchObject({ grantedFen: 100000000, grantedOn: '2026-02-01' });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'FINANCE_AMOUNT_INVALID', details: [{ path: 'body.amount' }] });
    expect(landed.statusCode).toBe(200);
    expect(landed.json()).toMatchObject({ grantedFen: 100000000, landedFen: 80000000 });

    const projects = (await office.get('/api/v1/finance/projects')).json();
    const project = projects.items.find((x: { id: number }) => x.id === projectId);
    expect(project.banks).toEqual([{ bankId: banks[0]!.id, bankName: DEMO_BANKS[0], grantedFen: 100000000, landedFen: 80000000 }]);
    expect(projects.totals).toMatchObject({ withCredit: 1, grantedFen: 100000000, landedFen: 80000000 });

    // Event on 10 Jan: the offer (2 Mar, day 51), the credit (1 Feb, day 22), the loan (1 Mar, day 50).
    const results = (await office.get(`/api/v1/finance/events/${eventId}`)).json().results;
    expect(results).toEqual([
      { days: 30, offers: 0, grantedFen: 100000000, landedFen: 0 },
      { days: 90, offers: 1, grantedFen: 100000000, landedFen: 80000000 },
      { days: 180, offers: 1, grantedFen: 100000000, landedFen: 80000000 },
    ]);
  });

  it('marks a follow-up done once, only on its own event, not in the future, audited; a bank may not', async () => {
    const eventOf = async (title: string) =>
      (
        await office.post('/api/v1/finance/events', { title, heldOn: '2026-02-10', bankIds: [banks[0]!.id], enterpriseIds: [otherId] })
      ).json().id as number;
    const [mine, foreign] = [await eventOf('跟进办结测试会（测试）'), await eventOf('另一场对接会（测试）')];
    const followupOf = async (eventId: number, text: string) =>
      (await office.post(`/api/v1/finance/events/${eventId}/followups`, { text, dueOn: '2026-02-28' })).json().followups[0].id as number;
    const [ownId, foreignId] = [await followupOf(mine, '乙行补充授信材料'), await followupOf(foreign, '丙行回访企业')];
    const done = (c: Client, eventId: number, id: number, doneOn = '2026-02-20') =>
      c.post(`/api/v1/finance/events/${eventId}/followups/${id}/done`, { doneOn });
    const doneOn = async (eventId: number) => (await office.get(`/api/v1/finance/events/${eventId}`)).json().followups[0].doneOn;

    // a follow-up of another event, through this event's path, is not found and stays open
    expect((await done(office, mine, foreignId)).statusCode).toBe(404);
    expect(await doneOn(foreign)).toBeNull();
    expect((await done(bankA, mine, ownId)).statusCode).toBe(403);
    const future = await done(office, mine, ownId, '2099-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].path).toBe('body.doneOn');
    expect(await doneOn(mine)).toBeNull();

    const ok = await done(office, mine, ownId);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().followups).toEqual([expect.objectContaining({ id: ownId, text: '乙行补充授信材料', doneOn: '2026-02-20' })]);
    const again = await done(office, mine, ownId, '2026-02-25');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FINANCE_STATUS_CONFLICT');
    expect(await doneOn(mine)).toBe('2026-02-20');
    const audits = await h.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'finance.event.followup.done')
      .execute();
    expect(audits.map((a) => Number(a.entity_id))).toEqual([ownId]);
  });

  it('a listing stage goes back only with a reason', async () => {
    const created = await listed();
    expect(created.statusCode).toBe(201);
    const l = created.json();
    const back = await office.post(`/api/v1/finance/listing/${l.id}/stage`, {
      stage: 'restructuring',
      on: '2026-03-01',
      version: l.version,
    });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ code: 'LISTING_STAGE_BACKWARDS', details: [{ path: 'body.reason' }] });
    const fwd = await office.post(`/api/v1/finance/listing/${l.id}/stage`, { stage: 'filing', on: '2026-03-01', version: l.version });
    expect(fwd.json()).toMatchObject({ stage: 'filing' });
    const withReason = await office.post(`/api/v1/finance/listing/${l.id}/stage`, {
      stage: 'coaching',
      on: '2026-03-02',
      reason: '撤回申报材料补充审计',
      version: fwd.json().version,
    });
    expect(withReason.json().history.map((x: { toStage: string }) => x.toStage)).toEqual(['coaching', 'filing', 'coaching']);
    const svc = await office.post(`/api/v1/finance/listing/${l.id}/services`, {
      kind: 'policy_talk',
      on: '2026-03-02',
      note: '上市政策宣讲',
    });
    expect(svc.json().history.at(-1)).toMatchObject({ kind: 'policy_talk', note: '上市政策宣讲' });
  });

  it('pays a listing subsidy through the policies payout, for the listed enterprise’s own confirmed benefit only', async () => {
    const l = (await office.post('/api/v1/finance/listing', { enterpriseId: demoId, stage: 'cultivating' })).json();
    const r = (await office.get(`/api/v1/policies/results?enterpriseId=${demoId}&status=matched`)).json().items[0];
    const notified = (await office.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'notify', version: r.version })).json();
    const confirmed = (
      await enterprise.post(`/api/v1/policies/results/${r.id}/actions`, { action: 'confirm', version: notified.version })
    ).json();
    // another enterprise's listing cannot take this payout
    const otherListing = (await listed()).json();
    const wrong = await office.post(`/api/v1/finance/listing/${otherListing.id}/subsidies`, {
      resultId: r.id,
      amount: '300000',
      paidOn: '2026-03-02',
      resultVersion: confirmed.version,
    });
    expect(wrong.statusCode).toBe(400);
    const paid = await office.post(`/api/v1/finance/listing/${l.id}/subsidies`, {
      resultId: r.id,
      amount: '300000',
      paidOn: '2026-03-02',
      resultVersion: confirmed.version,
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ subsidyFen: 30000000 });
    expect((await office.get(`/api/v1/policies/results/${r.id}`)).json()).toMatchObject({
      status: 'paid',
      paidAmount: 300000,
      paidOn: '2026-03-02',
    });
    // paying again is refused by the payout's own status rule, and nothing is added to the reserve
    const again = await office.post(`/api/v1/finance/listing/${l.id}/subsidies`, {
      resultId: r.id,
      amount: '300000',
      paidOn: '2026-03-02',
      resultVersion: confirmed.version + 1,
    });
    expect(again.statusCode).toBe(409);
    expect((await office.get('/api/v1/finance/listing')).json().find((x: { id: number }) => x.id === l.id).subsidyFen).toBe(30000000);
  });

  it('a desk step overdue on the working-day calendar enters the supervision ladder once', async () => {
    const { desk, withStep } = await deskCase();
    expect(desk.statusCode).toBe(201);
    // Monday 2 March + 3 working days = Thursday 5 March.
    expect(withStep.steps[0]).toMatchObject({ deadline: '2026-03-05', overdue: false });
    expect((await office.post('/api/v1/finance/desk/escalate')).json()).toEqual({ escalated: 0 });
    // Friday 6 March, the day after: the daily job's run (sessions stay on the test clock)
    const friday = { ...h.ctx, clock: () => new Date('2026-03-06T00:30:00Z') };
    expect(await escalateOverdueDeskSteps(friday)).toEqual({ escalated: 1 });
    expect(await escalateOverdueDeskSteps(friday)).toEqual({ escalated: 0 });
    const step = (await office.get('/api/v1/finance/desk')).json().find((d: { id: number }) => d.id === desk.json().id).steps[0];
    const item = (await office.get(`/api/v1/items/${step.itemId}`)).json();
    expect(item).toMatchObject({ deadline: '2026-03-05', content: expect.stringContaining('协调担保公司增信') });
    const inbox = (await office.get('/api/v1/notifications?pageSize=50')).json().items;
    expect(inbox).toContainEqual(expect.objectContaining({ title: '融资专班问题逾期，已列入督办' }));
  });

  it('imports a bank’s monthly return: preview with located errors, nothing stored until it is clean', async () => {
    const template = (await office.get('/api/v1/finance/returns/template.xlsx')).rawPayload;
    const bad = multipart(
      'r.xlsx',
      await filledReturn(template, DEMO_BANKS[0]!, '2026-01', [
        [demoUscc, '演示', '1000000.005', '是', '是'],
        ['91150100MA0ZZZZZZ9', '未知', '5', '否', '否'],
      ]),
    );
    const preview = (await office.request('POST', '/api/v1/finance/returns?mode=preview', bad.body, { 'content-type': bad.type })).json();
    expect(preview.problems.map((p: { path: string }) => p.path)).toEqual(['月度贷款报表!C5', '月度贷款报表!A6']);
    expect(preview.problems[1].message).toContain('91150100MA0ZZZZZZ9');
    const commit = await office.request('POST', '/api/v1/finance/returns?mode=commit', bad.body, { 'content-type': bad.type });
    expect(commit.statusCode).toBe(422);
    // (the demo has the region's figures of that month, but no bank's return)
    const january = (await office.get('/api/v1/finance/stats')).json().items.find((s: { period: string }) => s.period === '2026-01');
    expect(january?.banks ?? 0).toBe(0);

    // a bank may send only its own bank's return
    const { asB, ok } = await returned();
    expect(asB.statusCode).toBe(422);
    expect(asB.json().details[0].path).toBe('月度贷款报表!B1');
    expect(ok.json()).toMatchObject({ imported: true, rows: 2, balanceFen: 400000000, privateFen: 100000000, smeFen: 100000000 });

    await office.post('/api/v1/finance/region-stats', {
      period: '2026-02',
      balance: 16000000,
      private: 4000000,
      sme: 2000000,
      source: '测试：全区金融运行数据',
    });
    const feb = (await office.get('/api/v1/finance/stats')).json().items.find((s: { period: string }) => s.period === '2026-02');
    expect(feb).toMatchObject({
      banks: 1,
      balanceFen: 400000000,
      privateShare: 0.25,
      smeShare: 0.25,
      balanceOfRegion: 0.25,
      privateOfRegion: 0.25,
      smeOfRegion: 0.5,
    });

    // the month becomes the city's indicator values, each with its source
    const posted = await office.post('/api/v1/finance/stats/2026-02/indicators');
    expect(posted.json()).toEqual({
      period: '2026-02',
      written: ['FIN-LOAN-BALANCE', 'FIN-PRIVATE-SHARE', 'FIN-SME-SHARE', 'FIN-PRIVATE-OF-REGION'],
    });
    expect((await office.post('/api/v1/finance/stats/2026-02/indicators')).statusCode).toBe(200);
    const values = (await office.get('/api/v1/indicators/values?periodFrom=2026-02&periodTo=2026-02')).json() as {
      indicatorCode: string;
      value: number;
      source: string;
    }[];
    const fin = values.filter((v) => v.indicatorCode.startsWith('FIN-'));
    expect(fin.map((v) => [v.indicatorCode, v.value]).sort()).toEqual([
      ['FIN-LOAN-BALANCE', 0.04],
      ['FIN-PRIVATE-OF-REGION', 25],
      ['FIN-PRIVATE-SHARE', 25],
      ['FIN-SME-SHARE', 25],
    ]);
    expect(fin[0]!.source).toBe('1 家银行月度贷款报表；测试：全区金融运行数据');
    expect((await office.post('/api/v1/finance/stats/2025-01/indicators')).statusCode).toBe(404);

    // the bulletin's finance section states the month's figures and the projects' credit (granted by `lent`)
    await lent();
    const blocks = await financeBulletinSection(h.ctx, '2026-02');
    const text = blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
    expect(text).toContain('各银行报送贷款余额0.04亿元，其中民营企业贷款0.01亿元（占25.00%，占全区民营企业贷款的25.00%）');
    // as of February's end: granted 1 000 000 元 on 02-01 (0.01 亿元); the 800 000 元 landed on 03-01 is not yet counted
    expect(text).toContain('为1个重大项目授信0.01亿元，已放款0.00亿元');
    const march = (await financeBulletinSection(h.ctx, '2026-03')).flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
    expect(march).toContain('为1个重大项目授信0.01亿元，已放款0.01亿元');
    // before anything was held, granted or reported: no blocks (the bulletin then says so in one sentence)
    expect(await financeBulletinSection(h.ctx, '2025-01')).toEqual([]);
  });

  it('exports every list as Excel for the city, not for a bank', async () => {
    for (const step of [lent, listed, deskCase, returned]) await step();
    for (const list of ['needs', 'events', 'projects', 'desk', 'listing', 'stats']) {
      const res = await office.get(`/api/v1/finance/export/${list}`);
      expect(res.statusCode, list).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets[0]!.rowCount, list).toBeGreaterThan(2);
    }
    expect((await bankA.get('/api/v1/finance/export/needs')).statusCode).toBe(403);
  });
});
