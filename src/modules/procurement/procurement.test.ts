import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { multipart } from '../worklists/import/import.fixtures.js';
import { labelledSamples } from './procurement.service.js';

/**
 * The module through its API on both databases: import (preview, located errors, one transaction),
 * flagged tenders and why, groups and their network, a bidder's history, the case workflow with
 * its unit scoping and label feedback, campaigns with work-list problem items, monthly figures.
 */

const HEADER = 'tender_id,lot_id,title,bidder_id,bidder_name,amount,bid_date,winner,machine_id,deposit_account,remote_evaluation';
// Three tenders of the same three firms: 甲 always wins, 乙 and 丙 always lose by a constant 3 % and 5 %
// (cover bidding), and 甲/乙 upload from the same machine; a fourth tender is competitive.
const GOOD = [
  HEADER,
  'ZB-1,1,道路改造一标段,U1,示例甲公司,1000000,2026-01-10,1,PC-1,A1,1',
  'ZB-1,1,道路改造一标段,U2,示例乙公司,1030000,2026-01-10,0,PC-1,A2,1',
  'ZB-1,1,道路改造一标段,U3,示例丙公司,1050000,2026-01-10,0,PC-3,A3,1',
  'ZB-2,,管网工程,U1,示例甲公司,2000000,2026-01-20,1,PC-1,A1,0',
  'ZB-2,,管网工程,U2,示例乙公司,2060000,2026-01-20,0,PC-1,A2,0',
  'ZB-2,,管网工程,U3,示例丙公司,2100000,2026-01-20,0,PC-3,A3,0',
  'ZB-3,,绿化工程,U1,示例甲公司,500000,2026-02-05,1,PC-1,A1,0',
  'ZB-3,,绿化工程,U2,示例乙公司,515000,2026-02-05,0,PC-1,A2,0',
  'ZB-3,,绿化工程,U3,示例丙公司,525000,2026-02-05,0,PC-3,A3,0',
  'ZB-4,,照明工程,U4,示例丁公司,800000,2026-02-06,1,PC-4,A4,0',
  'ZB-4,,照明工程,U5,示例戊公司,910000,2026-02-06,0,PC-5,A5,0',
  'ZB-4,,照明工程,U6,示例己公司,1040000,2026-02-06,0,PC-6,A6,0',
  'ZB-4,,照明工程,U7,示例庚公司,870000,2026-02-06,0,PC-7,A7,0',
].join('\n');

const upload = (csv: string, name = 'bids.csv') => multipart(Buffer.from(csv), name);

describeEachDialect('procurement', (h) => {
  const post = async (user: string, url: string, csv: string) => {
    const c = await h.as(user);
    const { body, headers } = upload(csv);
    return c.request('POST', url, body, headers);
  };

  it('rejects a file with located problems and stores nothing', async () => {
    const bad = [HEADER, 'ZB-9,,x,U1,甲,-5,2026-01-01,1,,,', 'ZB-9,,x,,乙,100,2026-01-01,0,,,', 'ZB-9,,x,U3,丙,,2026-01-01,0,,,'].join(
      '\n',
    );
    const res = await post('office', '/api/v1/procurement/imports', bad);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('PROCUREMENT_FILE_PROBLEMS');
    // line 2 negative amount, line 3 bidder without id, line 4 missing amount
    expect(body.details.map((d: { line: number; column: string }) => `${d.line}:${d.column}`)).toEqual([
      '2:amount',
      '3:bidder_id',
      '4:amount',
    ]);
    expect(body.details[0].message).toContain('第 2 行');
    const list = (await (await h.as('office')).get('/api/v1/procurement/tenders')).json();
    expect(list.total).toBe(0);
  });

  it('previews, then imports in one go, and explains the flags', async () => {
    const preview = await post('office', '/api/v1/procurement/imports?dryRun=true', GOOD);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, importId: null, tenders: 4, bids: 13 });
    expect((await (await h.as('office')).get('/api/v1/procurement/tenders')).json().total).toBe(0);

    const res = await post('office', '/api/v1/procurement/imports', GOOD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, tenders: 4, bids: 13 });
    const office = await h.as('office');
    const list = (await office.get('/api/v1/procurement/tenders?flagged=true')).json();
    const zb1 = list.items.find((t: { key: string }) => t.key === 'ZB-1/1');
    expect(zb1.flagCodes).toContain('ART40_SAME_MACHINE');
    const detail = (await office.get(`/api/v1/procurement/tenders/${zb1.id}`)).json();
    const machine = detail.flags.find((f: { code: string }) => f.code === 'ART40_SAME_MACHINE');
    expect(machine.why).toContain('示例甲公司、示例乙公司');
    expect(machine.inputs).toEqual({ bidders: ['U1', 'U2'], values: ['PC-1'] });
    expect(detail.bids).toHaveLength(3);
    expect(detail.bids[0]).toMatchObject({ bidderId: 'U1', amount: 1_000_000, winner: true });
    // (1 030 000 − 1 000 000) / 1 000 000
    expect(detail.screens.diffp).toBeCloseTo(0.03, 10);
    expect(detail.remoteEvaluation).toBe(true);
    // re-importing the same file replaces, never duplicates
    await post('office', '/api/v1/procurement/imports', GOOD);
    expect((await office.get('/api/v1/procurement/tenders')).json().total).toBe(4);
  });

  it('finds the cover-bidding group, its network and each bidder’s history', async () => {
    const office = await h.as('office');
    const groups = (await office.get('/api/v1/procurement/groups')).json();
    expect(groups.total).toBe(1);
    const g = groups.items[0];
    expect(g.members.map((m: { bidderId: string }) => m.bidderId).sort()).toEqual(['U1', 'U2', 'U3']);
    expect(g.tenders).toBe(3);
    const net = (await office.get(`/api/v1/procurement/groups/${g.id}/network`)).json();
    expect(net.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['U1', 'U2', 'U3']);
    const e12 = net.edges.find((e: { source: string; target: string }) => e.source === 'U1' && e.target === 'U2');
    expect(e12.coBids).toBe(3);
    // 乙 bid 1.03 × 甲 in all three tenders: constant ratio; and lost each time by 3 %: cover bidding
    expect(e12.flags).toEqual(expect.arrayContaining(['ART40_SAME_MACHINE', 'ART40_CONSTANT_RATIO', 'ART39_COVER_BIDDING']));
    const history = (await office.get('/api/v1/procurement/bidders/U2')).json();
    expect(history.name).toBe('示例乙公司');
    expect(history.tenders).toHaveLength(3);
    expect(history.tenders.every((t: { winner: boolean }) => !t.winner)).toBe(true);
    expect((await office.get('/api/v1/procurement/bidders/NOBODY')).statusCode).toBe(404);
  });

  it('follows a case from lead to outcome, scoped to the assigned unit, and labels its tenders', async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
    const demoUnit = units.find((u) => u.name === '呼和浩特市行政审批和政务服务局')!;
    const otherUnit = units.find((u) => u.id !== demoUnit.id)!;
    const group = (await office.get('/api/v1/procurement/groups')).json().items[0];

    const created = await office.post('/api/v1/procurement/cases', { groupId: group.id, note: '三次陪标' });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ subject: 'group', stage: 'lead', outcome: null });
    // a unit user sees no case before it is sent to their unit
    const liaison = await h.as('liaison');
    expect((await liaison.get(`/api/v1/procurement/cases/${c.id}`)).statusCode).toBe(404);

    const sentElsewhere = await office.post(`/api/v1/procurement/cases/${c.id}/verify`, {
      unitId: otherUnit.id,
      workdays: 10,
      version: c.version,
    });
    expect(sentElsewhere.statusCode).toBe(200);
    // test clock 2026-03-02 (Monday) + 10 working days = 2026-03-16
    expect(sentElsewhere.json()).toMatchObject({ stage: 'verification', deadline: '2026-03-16', unitId: otherUnit.id });
    // foreign id: the demo unit's liaison can neither read nor add evidence to another unit's case
    expect((await liaison.get(`/api/v1/procurement/cases/${c.id}`)).statusCode).toBe(404);
    expect((await liaison.post(`/api/v1/procurement/cases/${c.id}/evidence`, { note: 'x' })).statusCode).toBe(404);
    expect((await liaison.get('/api/v1/procurement/cases')).json().total).toBe(0);

    const stale = await office.post(`/api/v1/procurement/cases/${c.id}/outcome`, {
      outcome: 'penalised',
      note: '处罚',
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    const evidence = await office.post(`/api/v1/procurement/cases/${c.id}/evidence`, { note: '调取保证金转账凭证' });
    expect(evidence.statusCode).toBe(200);
    const done = await office.post(`/api/v1/procurement/cases/${c.id}/outcome`, {
      outcome: 'penalised',
      note: '已依法处罚',
      version: sentElsewhere.json().version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ stage: 'disposed', outcome: 'penalised' });
    expect(done.json().events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'verification', 'evidence', 'outcome']);
    // the three joint tenders now carry the label 1 (collusive) for calibration; ZB-4 none
    const list = (await office.get('/api/v1/procurement/tenders?pageSize=10')).json().items as { key: string; label: number | null }[];
    expect(Object.fromEntries(list.map((t) => [t.key, t.label]))).toEqual({ 'ZB-1/1': 1, 'ZB-2': 1, 'ZB-3': 1, 'ZB-4': null });
    // …and come back as calibration samples, each with the one Art. 40 signal (same machine) it was screened with
    const samples = await labelledSamples(h.ctx);
    expect(samples.map((s) => [s.label, s.art40])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect((await office.post(`/api/v1/procurement/cases/${c.id}/evidence`, { note: 'late' })).statusCode).toBe(409);
  });

  it('tells the assigned unit, which then sees the case and adds evidence', async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
    const demoUnit = units.find((u) => u.name === '呼和浩特市行政审批和政务服务局')!;
    const found = await office.get('/api/v1/procurement/tenders?q=ZB-4');
    expect(found.statusCode, found.body).toBe(200);
    const zb4 = found.json().items[0];
    const c = (await office.post('/api/v1/procurement/cases', { tenderId: zb4.id })).json();
    const sent = await office.post(`/api/v1/procurement/cases/${c.id}/verify`, { unitId: demoUnit.id, workdays: 5, version: c.version });
    // 2026-03-02 (Monday) + 5 working days = 2026-03-09
    expect(sent.json()).toMatchObject({ deadline: '2026-03-09', unitName: demoUnit.name });
    const liaison = await h.as('liaison');
    const inbox = (await liaison.get('/api/v1/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('串通投标线索核查：ZB-4');
    expect((await liaison.get('/api/v1/procurement/cases')).json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    const added = await liaison.post(`/api/v1/procurement/cases/${c.id}/evidence`, { note: '已调取开标记录' });
    expect(added.statusCode).toBe(200);
    expect(added.json().events.at(-1)).toMatchObject({ kind: 'evidence', note: '已调取开标记录', actorName: '单位联络员（演示）' });
    // the unit verifies; only the office records the outcome
    expect(
      (await liaison.post(`/api/v1/procurement/cases/${c.id}/outcome`, { outcome: 'cleared', note: 'x', version: 2 })).statusCode,
    ).toBe(403);
  });

  it('stores a campaign problem and its work-list item together, or neither', async () => {
    const office = await h.as('office');
    const lists = async () =>
      ((await office.get('/api/v1/worklists')).json() as { name: string; itemCount: number }[])
        .map((l) => `${l.name}:${l.itemCount}`)
        .sort();
    const before = await lists();
    const id = (await office.post('/api/v1/procurement/campaigns', { name: '原子性专项整治（示例）' })).json().id;
    const view = (
      await office.post(`/api/v1/procurement/campaigns/${id}/projects`, {
        projects: [{ code: 'CG-9', name: '示例采购九', agency: '示例代理丙', amount: 1000, checked: true }],
      })
    ).json();
    // no campaign list exists yet and the unit does not exist: the item fails inside the transaction that made the list
    const res = await office.post(`/api/v1/procurement/campaigns/${id}/problems`, {
      projectId: view.projects[0].id,
      misconduct: 'false_materials',
      description: '材料造假',
      unitId: 999_999,
    });
    expect(res.statusCode).toBe(400);
    expect((await office.get(`/api/v1/procurement/campaigns/${id}`)).json().problems).toEqual([]);
    expect(await lists()).toEqual(before);
  });

  it('counts a campaign’s totals and follows a problem as a work-list item', async () => {
    const office = await h.as('office');
    const units = (await office.get('/api/v1/units')).json() as { id: number; name: string }[];
    const created = await office.post('/api/v1/procurement/campaigns', { name: '招标代理机构专项整治（示例）' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().checklist).toEqual(['collusion_assist', 'illegal_subcontract', 'false_materials', 'improper_fees']);
    const projects = [
      { code: 'CG-1', name: '示例采购一', agency: '示例代理甲', amount: 1_250_000.5, checked: true },
      { code: 'CG-2', name: '示例采购二', agency: '示例代理甲', amount: 800_000, checked: true },
      { code: 'CG-3', name: '示例采购三', agency: '示例代理乙', amount: 300_000, checked: false },
    ];
    const added = await office.post(`/api/v1/procurement/campaigns/${id}/projects`, { projects });
    expect(added.statusCode).toBe(200);
    const dup = await office.post(`/api/v1/procurement/campaigns/${id}/projects`, { projects: [projects[0]] });
    expect(dup.statusCode).toBe(409);
    const view = added.json();
    const p1 = view.projects.find((p: { code: string }) => p.code === 'CG-1');
    const problem = await office.post(`/api/v1/procurement/campaigns/${id}/problems`, {
      projectId: p1.id,
      misconduct: 'false_materials',
      description: '评标报告与原始记录不符',
      unitId: units[0]!.id,
      deadline: '2026-04-30',
    });
    expect(problem.statusCode).toBe(200);
    const itemId = problem.json().problems[0].itemId;
    expect(itemId).toBeGreaterThan(0);
    expect((await office.get(`/api/v1/items/${itemId}`)).json()).toMatchObject({ kind: 'problem', deadline: '2026-04-30' });
    const bad = await office.post(`/api/v1/procurement/campaigns/${id}/problems`, {
      projectId: p1.id,
      misconduct: 'unknown',
      description: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const verified = await office.post(`/api/v1/procurement/campaigns/${id}/problems/${problem.json().problems[0].id}/verify`);
    // checked: 2 of 3; amount of the checked ones 1 250 000.50 + 800 000 = 2 050 000.50
    expect(verified.json()).toMatchObject({ projects: expect.any(Array), checked: 2, amount: 2_050_000.5, verified: 1 });
    expect(verified.json().byAgency[0]).toEqual({ agency: '示例代理甲', projects: 2, problems: 1, verified: 1 });
  });

  it('gives the monthly figures from the data', async () => {
    const office = await h.as('office');
    expect(
      (await office.request('PUT', '/api/v1/procurement/expert-pool/2026-02', { size: 1520, source: '市评标专家库月报（示例）' }))
        .statusCode,
    ).toBe(200);
    const { months } = (await office.get('/api/v1/procurement/figures')).json();
    // January: ZB-1 (remote) and ZB-2; February: ZB-3 and ZB-4
    const jan = months.find((m: { month: string }) => m.month === '2026-01');
    const feb = months.find((m: { month: string }) => m.month === '2026-02');
    expect(jan).toMatchObject({ tendersScreened: 2, remoteEvaluations: 1, expertPool: null });
    expect(feb).toMatchObject({ tendersScreened: 2, remoteEvaluations: 0, expertPool: 1520 });
    expect(jan.lotsFlagged).toBeLessThanOrEqual(2);
  });

  it('stores the OCDS red flags of an imported file with the tender, each with its why', async () => {
    // three valid bids, two at exactly the same price: cardinal's R028 (identical bid prices) fires
    const bid = (id: string, amount: number) => ({
      status: 'valid',
      value: { amount, currency: 'CNY' },
      tenderers: [{ id, name: `示例${id}公司` }],
    });
    const release = {
      ocid: 'ocds-sl-1',
      tender: { id: 'T1', title: '示例红旗项目' },
      bids: { details: [bid('RA', 100), bid('RB', 100), bid('RC', 120)] },
    };
    const c = await h.as('office');
    const { body, headers } = multipart(Buffer.from(JSON.stringify(release) + '\n'), 'release.jsonl');
    const res = await c.request('POST', '/api/v1/procurement/imports', body, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().top[0].flagCodes).toContain('R028');
    const list = (await c.get('/api/v1/procurement/tenders?flagged=true')).json();
    const tender = list.items.find((t: { key: string }) => t.key === 'ocds-sl-1');
    const detail = (await c.get(`/api/v1/procurement/tenders/${tender.id}`)).json();
    const r028 = detail.flags.find((f: { code: string }) => f.code === 'R028');
    expect(r028.why).toContain('不同投标人报价完全相同');
    expect(r028.whyEn).toContain('Identical bid prices');
    expect(r028.inputs).toMatchObject({ group: 'OCID', id: 'ocds-sl-1', value: 1 });
    // the tenderer-level results (R028: both bidders at the identical price) on their history pages
    for (const id of ['RA', 'RB']) {
      const history = (await c.get(`/api/v1/procurement/bidders/${id}`)).json();
      expect(history.redFlags.map((f: { code: string; inputs: { group: string } }) => `${f.code}:${f.inputs.group}`)).toEqual([
        'R028:Tenderer',
      ]);
      expect(history.redFlags[0].why).toContain('该投标人的报价与另一投标人');
    }
    expect((await c.get('/api/v1/procurement/bidders/RC')).json().redFlags).toEqual([]);
  });
});
