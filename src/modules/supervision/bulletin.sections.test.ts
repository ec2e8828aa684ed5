import { beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD, describeEachDialect, login } from '../../test/harness.js';
import { officialDocumentHtml } from '../reports/html.js';
import { bulletinDocumentInput } from './bulletin.document.js';
import { collectBulletinSections, noDataText } from './bulletin.sections.js';
import { setChinaTime, unzip } from './supervision.fixtures.js';

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
type Section = { key: string; title: { zh: string }; blocks: { type: string; text?: string; rows?: unknown[][] }[] };
const sectionOf = (d: { data: { sections: Section[] } }, key: string) => d.data.sections.find((s) => s.key === key)!;
const sectionText = (s: Section) => s.blocks.map((b) => b.text ?? '').join('');

describeEachDialect('monthly bulletin: module sections', (h) => {
  let febId: number;

  beforeAll(async () => {
    // A campaign started in February (two of three projects checked, one problem found and verified)…
    setChinaTime(h, '2026-02-10');
    // A session of its own in February (one opened then has expired by March).
    let office = await login(h.app, 'office', TEST_PASSWORD);
    const units = (await office.get('/api/v1/units')).json() as { id: number }[];
    const feb = (await office.post('/api/v1/procurement/campaigns', { name: '二月专项整治（示例）' })).json();
    const added = await office.post(`/api/v1/procurement/campaigns/${feb.id}/projects`, {
      projects: [
        { code: 'FB-1', name: '示例采购一', agency: '示例代理甲', amount: 1_250_000.5, checked: true },
        { code: 'FB-2', name: '示例采购二', agency: '示例代理甲', amount: 800_000, checked: true },
        { code: 'FB-3', name: '示例采购三', agency: '示例代理乙', amount: 300_000, checked: false },
      ],
    });
    const p1 = added.json().projects.find((p: { code: string }) => p.code === 'FB-1');
    const problem = await office.post(`/api/v1/procurement/campaigns/${feb.id}/problems`, {
      projectId: p1.id,
      misconduct: 'false_materials',
      description: '评标报告与原始记录不符',
      unitId: units[0]!.id,
      deadline: '2026-04-30',
    });
    await office.post(`/api/v1/procurement/campaigns/${feb.id}/problems/${problem.json().problems[0].id}/verify`);
    // …and one started in March, which February's bulletin must not count.
    setChinaTime(h, '2026-03-02');
    office = await h.as('office');
    const mar = (await office.post('/api/v1/procurement/campaigns', { name: '三月专项整治（示例）' })).json();
    // A problem found in March on February's campaign counts from March on.
    const p2 = added.json().projects.find((p: { code: string }) => p.code === 'FB-2');
    await office.post(`/api/v1/procurement/campaigns/${feb.id}/problems`, {
      projectId: p2.id,
      misconduct: 'improper_fees',
      description: '超标准收取代理费',
      unitId: units[0]!.id,
      deadline: '2026-04-30',
    });
    await office.post(`/api/v1/procurement/campaigns/${mar.id}/projects`, {
      projects: [{ code: 'MR-1', name: '示例采购四', agency: '示例代理丙', amount: 500_000, checked: true }],
    });
  });

  it('a past month’s bulletin carries each module’s section with that month’s figures', async () => {
    const office = await h.as('office');
    const res = await office.post('/api/v1/supervision/bulletins', { month: '2026-02' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    febId = d.id;
    expect(d.data.sections.map((s: Section) => s.key)).toEqual(['finance', 'procurement', 'services', 'enforcement', 'demands']);
    // Hand-computed: checked 2 (FB-1, FB-2); amount 1 250 000.50 + 800 000 = 2 050 000.50 元 = 205.00 万元; 1 problem, 1 verified.
    const proc = sectionOf(d, 'procurement');
    expect(sectionText(proc)).toContain('共检查项目2个，涉及金额205.00万元，发现问题1个，已整改核实1个');
    expect(proc.blocks.find((b) => b.type === 'table')!.rows).toEqual([['二月专项整治（示例）', 2, '205.00', 1, 1]]);
    // No tenders were screened in February: no sentence about screening.
    expect(sectionText(proc)).not.toContain('筛查');
    // Services: the catalogue as in force on 02-28, the same count the services module reports for that day.
    const summary = (await office.get('/api/v1/services/summary?date=2026-02-28')).json();
    expect(summary.rates.total).toBeGreaterThan(0);
    expect(sectionText(sectionOf(d, 'services'))).toContain(`全市政务服务事项目录在用事项${summary.rates.total}项`);
    expect(sectionOf(d, 'finance').title.zh).toBe('融资环境');
    // March's bulletin counts both campaigns: 2 + 1 projects, 2 050 000.50 + 500 000 元 = 255.00 万元,
    // problems 1 + 1 (the March one), verified 1.
    const mar = (await office.post('/api/v1/supervision/bulletins', { month: '2026-03' })).json();
    expect(sectionText(sectionOf(mar, 'procurement'))).toContain('共检查项目3个，涉及金额255.00万元，发现问题2个，已整改核实1个');
  });

  it('freezes the sections with the bulletin: a published February keeps its figures', async () => {
    const office = await h.as('office');
    const b = (await office.get(`/api/v1/supervision/bulletins/${febId}`)).json();
    const published = await office.post(`/api/v1/supervision/bulletins/${febId}/publish`, { version: b.version });
    expect(published.statusCode).toBe(200);
    setChinaTime(h, '2026-02-20');
    await (await login(h.app, 'office', TEST_PASSWORD)).post('/api/v1/procurement/campaigns', { name: '二月补充整治（示例）' });
    setChinaTime(h, '2026-03-02');
    const again = (await office.get(`/api/v1/supervision/bulletins/${febId}`)).json();
    expect(sectionOf(again, 'procurement').blocks.find((b: { type: string }) => b.type === 'table')!.rows).toEqual([
      ['二月专项整治（示例）', 2, '205.00', 1, 1],
    ]);
  });

  it('renders the sections as numbered chapters before 下一步工作 in the Word file and the printed page', async () => {
    const b = (await (await h.as('office')).get(`/api/v1/supervision/bulletins/${febId}`)).json();
    const input = await bulletinDocumentInput(b);
    const html = officialDocumentHtml(input);
    for (const t of ['融资环境', '招标投标与政府采购', '政务服务', '下一步工作', '205.00万元']) expect(html).toContain(t);
    expect(html.indexOf('政务服务')).toBeLessThan(html.indexOf('下一步工作'));
    const res = await (await h.as('leader')).get(`/api/v1/supervision/bulletins/${febId}/document.docx`);
    const body = text((await unzip(res.rawPayload)).get('word/document.xml')!.toString('utf8'));
    const order = [
      '四、融资环境',
      '五、招标投标与政府采购',
      '招标代理专项整治情况',
      '六、政务服务',
      '全市政务服务事项目录在用事项',
      '七、法治环境',
      '八、企业诉求办理',
      '九、下一步工作',
    ];
    let at = 0;
    for (const t of order) {
      const i = body.indexOf(t, at);
      expect(i, t).toBeGreaterThan(-1);
      at = i;
    }
  }, 120_000);

  it('a month before any campaign or catalogue item gives one plain sentence per section, no table', async () => {
    // The demo catalogue starts 400 days before the seed day (2025-01-26); no campaign existed in 2024.
    const res = await (await h.as('office')).post('/api/v1/supervision/bulletins', { month: '2024-12' });
    expect(res.statusCode).toBe(201);
    expect(sectionOf(res.json(), 'procurement').blocks).toEqual([
      { type: 'paragraph', indent: true, text: noDataText('招标投标与政府采购') },
    ]);
    expect(sectionOf(res.json(), 'finance').blocks).toEqual([{ type: 'paragraph', indent: true, text: noDataText('融资环境') }]);
    expect(sectionOf(res.json(), 'services').blocks).toEqual([{ type: 'paragraph', indent: true, text: noDataText('政务服务') }]);
  });

  it('a provider with nothing for the month gives one sentence', async () => {
    const sections = await collectBulletinSections(h.ctx, '2026-02', [
      { key: 'x', title: { zh: '法治环境', en: 'Rule of law' }, build: async () => [] },
    ]);
    expect(sections).toEqual([
      {
        key: 'x',
        title: { zh: '法治环境', en: 'Rule of law' },
        blocks: [{ type: 'paragraph', indent: true, text: noDataText('法治环境') }],
      },
    ]);
  });
});
