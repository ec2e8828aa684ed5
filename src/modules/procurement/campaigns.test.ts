import { expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/harness.js';
import { multipart } from '../worklists/import/import.fixtures.js';
import { SYSTEM_ACTOR } from '../../context.js';
import { addProblem, createCampaign, verifyProblem } from './campaigns.service.js';
import { procurementBulletinSection } from './index.js';

/**
 * Campaign projects from an uploaded file (preview with located problems, then one transaction),
 * and totals as of a period end: a project counts as checked from its check date and a problem as
 * verified from its verification date, so the bulletin of a past month shows that month's data.
 */

const FILE = [
  '项目编号,项目名称,招标代理机构,金额（元）,已检查,检查日期',
  'ZX-1,示例采购一,示例代理甲,1000000,是,2026-01-10',
  'ZX-2,示例采购二,示例代理甲,500000,是,2026-02-15',
  'ZX-3,示例采购三,示例代理乙,200000,否,',
].join('\n');

describeEachDialect('procurement campaigns', (h) => {
  const send = (c: Client, url: string, text: string, name = 'projects.csv') => {
    const { body, headers } = multipart(Buffer.from(text), name);
    return c.request('POST', url, body, headers);
  };
  let id = 0;
  // the sessions follow the clock: the dated steps in the past go through the services directly
  const today = new Date('2026-03-02T02:00:00Z');
  const on = async <T>(at: string, step: () => Promise<T>): Promise<T> => {
    h.now = new Date(at);
    try {
      return await step();
    } finally {
      h.now = today;
    }
  };

  it('refuses a projects file with located problems and adds nothing', async () => {
    h.now = today;
    id = (await on('2026-01-05T02:00:00Z', () => createCampaign(h.ctx, SYSTEM_ACTOR, { name: '日期专项整治（示例）' }))).id;
    const office = await h.as('office');
    const bad = [
      '项目编号,项目名称,招标代理机构,金额（元）,检查日期',
      'ZX-1,示例采购一,示例代理甲,-5,2026-01-01',
      'ZX-1,示例采购一重复,示例代理甲,100,',
      'ZX-9,,示例代理乙,100,2026-13-01',
      'ZX-8,示例采购八,示例代理乙,100,2027-01-01',
    ].join('\n');
    const res = await send(office, `/api/v1/procurement/campaigns/${id}/projects/import?dryRun=true`, bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CAMPAIGN_PROJECTS_FILE_PROBLEMS');
    const at = res.json().details.map((d: { line: number; column: string }) => `${d.line}:${d.column}`);
    expect(at).toEqual(['2:金额（元）', '3:项目编号', '4:项目名称', '4:检查日期', '5:检查日期']);
    expect(res.json().details[0].message).toContain('第 2 行');
    const missing = await send(office, `/api/v1/procurement/campaigns/${id}/projects/import`, '项目编号,项目名称\nA,B');
    expect(
      missing
        .json()
        .details.map((d: { message: string }) => d.message)
        .join(),
    ).toContain('缺少“招标代理机构”列');
    expect((await office.get(`/api/v1/procurement/campaigns/${id}`)).json().projects).toEqual([]);
  });

  it('previews the file, then adds every project in one go with its check date', async () => {
    const office = await h.as('office');
    const preview = await send(office, `/api/v1/procurement/campaigns/${id}/projects/import?dryRun=true`, FILE);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, projects: 3, checked: 2, amount: 1_500_000, campaign: null });
    expect((await office.get(`/api/v1/procurement/campaigns/${id}`)).json().projects).toEqual([]);
    const done = await send(office, `/api/v1/procurement/campaigns/${id}/projects/import`, FILE);
    expect(done.statusCode).toBe(200);
    const c = done.json().campaign;
    expect(c.projects.map((p: { code: string; checkedOn: string | null }) => `${p.code}:${p.checkedOn}`)).toEqual([
      'ZX-1:2026-01-10',
      'ZX-2:2026-02-15',
      'ZX-3:null',
    ]);
    // the same file again: every code is already there
    const again = await send(office, `/api/v1/procurement/campaigns/${id}/projects/import`, FILE);
    expect(again.statusCode).toBe(422);
  });

  it('counts as of the period end: a problem verified after January is not verified in January', async () => {
    const office = await h.as('office');
    const view = (await office.get(`/api/v1/procurement/campaigns/${id}`)).json();
    const p1 = view.projects.find((p: { code: string }) => p.code === 'ZX-1');
    const withProblem = await on('2026-01-20T02:00:00Z', () =>
      addProblem(h.ctx, SYSTEM_ACTOR, id, { projectId: p1.id, misconduct: 'improper_fees', description: '超标准收取代理费（示例）' }),
    );
    const verified = await on('2026-02-03T02:00:00Z', () => verifyProblem(h.ctx, SYSTEM_ACTOR, id, withProblem.problems[0]!.id));
    expect(verified.problems[0]!.verifiedOn).toBe('2026-02-03');
    const text = async (month: string) =>
      (await procurementBulletinSection(h.ctx, month)).flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])).join('');
    // January: ZX-1 checked (1 000 000 yuan), one problem, not yet verified
    expect(await text('2026-01')).toContain('共检查项目1个，涉及金额100.00万元，发现问题1个，已整改核实0个');
    // February: ZX-2 checked too, and the problem verified on 3 February
    expect(await text('2026-02')).toContain('共检查项目2个，涉及金额150.00万元，发现问题1个，已整改核实1个');
    // December: the campaign had not started
    expect(await text('2025-12')).not.toContain('专项整治');
    // today's totals count everything
    expect((await office.get('/api/v1/procurement/campaigns')).json().items[0]).toMatchObject({ checked: 2, verified: 1 });
  });
});
