import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../common/dates.js';
import { describeEachDialect } from '../../test/harness.js';
import { DEMO_UNIT, makeItem, makeList, unitId, unitUsers } from '../worklists/worklists.fixtures.js';
import { officialDocumentHtml } from '../reports/html.js';
import { bulletinDocumentInput } from './bulletin.document.js';
import { DEMO_PAIR, closeItem, once, setChinaTime, unzip } from './supervision.fixtures.js';

/** Drawing four charts takes seconds on a busy 2-core machine; the default 30 s is too tight for two documents. */
const DRAWING_TIMEOUT = 120_000;
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describeEachDialect(
  'monthly bulletin (月通报)',
  (h) => {
    let unitA: number;
    let b: { unitId: number; liaison: string; head: string };
    let closable: number;
    let bulletin: { id: number; version: number };

    beforeAll(async () => {
      setChinaTime(h, '2026-03-02');
      unitA = await unitId(h, DEMO_UNIT);
      b = await unitUsers(h, '市住建局', 'bul');
      const listId = await makeList(h, 'task');
      const done = await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-20', extra: { area: '开办企业' } });
      closable = (await makeItem(h, { listId, lead: [unitA], deadline: '2026-06-30', extra: { area: '获得电力' } })).id;
      await makeItem(h, {
        listId,
        lead: [b.unitId],
        deadline: '2026-03-05',
        content: '工程建设项目审批全流程网办',
        extra: { area: '办理建筑许可' },
      });
      await closeItem(h, done.id, DEMO_PAIR);
      const office = await h.as('office');
      await office.post('/api/v1/supervision/meetings', {
        date: '2026-03-03',
        type: 'task_force',
        title: '专班调度会',
        chair: '专班负责人',
        unitIds: [unitA],
        topics: ['获得电力'],
        decisions: [{ content: '推进低压小微企业零投资接电', leadUnitIds: [unitA], deadline: '2026-04-30' }],
      });
      // The daily job, every day up to 03-19: the ladder climbs one step at a time.
      for (let day = '2026-03-02'; day <= '2026-03-19'; day = addDays(day, 1))
        await office.post('/api/v1/supervision/escalation/run', { date: day });
      setChinaTime(h, '2026-03-30', '08:00');
      await office.post('/api/v1/supervision/weekly', {});
    });

    // The March draft, edited by the office and drafted again (the world above, on 2026-03-30).
    const drafted = once(async () => {
      setChinaTime(h, '2026-03-30', '08:00');
      const office = await h.as('office');
      const res = await office.post('/api/v1/supervision/bulletins', { month: '2026-03' });
      const d = res.json();
      const edited = await office.patch(`/api/v1/supervision/bulletins/${d.id}`, {
        version: d.version,
        commentary: { problems: '一是个别单位逾期事项未按期整改。' },
      });
      const stale = await office.patch(`/api/v1/supervision/bulletins/${d.id}`, { version: d.version, title: '旧版本' });
      const again = await office.post('/api/v1/supervision/bulletins', { month: '2026-03' });
      bulletin = { id: d.id, version: again.json().version };
      return { res, edited, stale, again };
    });
    // The draft's Word file and printed PDF with the view it was printed from, read before anything publishes it.
    const draftDocx = once(async () => {
      await drafted();
      return (await h.as('leader')).get(`/api/v1/supervision/bulletins/${bulletin.id}/document.docx`);
    });
    const draftPdf = once(async () => {
      await drafted();
      const res = await (await h.as('leader')).get(`/api/v1/supervision/bulletins/${bulletin.id}/document.pdf`);
      const view = (await (await h.as('office')).get(`/api/v1/supervision/bulletins/${bulletin.id}`)).json();
      return { res, view };
    });

    it('refuses a month like 2026-13 with the field named, and drafts nothing', async () => {
      const office = await h.as('office');
      const before = (await office.get('/api/v1/supervision/bulletins')).json();
      for (const month of ['2026-13', '2026-00', '2026-3', 'March']) {
        const res = await office.post('/api/v1/supervision/bulletins', { month });
        expect(res.statusCode).toBe(400);
        expect(res.json().details[0].path).toContain('month');
      }
      expect((await office.get('/api/v1/supervision/bulletins')).json()).toEqual(before);
    });

    it('drafts a month from the current data with a first commentary the office edits', async () => {
      const { res, edited, stale, again } = await drafted();
      expect(res.statusCode).toBe(201);
      const d = res.json();
      expect(d).toMatchObject({ status: 'draft', title: '2026年3月全市优化营商环境工作推进情况通报', docNumber: '营商办通〔2026〕3号' });
      expect(d.data.totals).toMatchObject({ items: 4, closed: 1, overdue: 1, closedThisMonth: 1 });
      expect(d.data.meetings).toMatchObject({ task_force: 1, decisions: 1 });
      // B's item (due 03-05) was named on 03-12 (通报) and reached 约谈 on 03-19.
      expect(d.data.named.map((n: { kind: string; unit: string }) => `${n.kind}:${n.unit}`).sort()).toEqual([
        'bulletin:呼和浩特市住房和城乡建设局',
        'summons:呼和浩特市住房和城乡建设局',
      ]);
      expect(d.data.overdueItems[0]).toMatchObject({ deadline: '2026-03-05', leadUnits: ['呼和浩特市住房和城乡建设局'] });
      expect(d.data.black.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([b.unitId]);
      expect(d.commentary.basicSituation).toContain('共有督办事项4项');
      expect(edited.statusCode).toBe(200);
      expect(edited.json().commentary).toMatchObject({
        problems: '一是个别单位逾期事项未按期整改。',
        basicSituation: d.commentary.basicSituation,
      });
      expect(stale.statusCode).toBe(409);
      // Drafting the month again refreshes the figures and keeps the edited commentary.
      expect(again.statusCode).toBe(200);
      expect(again.json().commentary.problems).toBe('一是个别单位逾期事项未按期整改。');
      expect((await (await h.as('liaison')).get('/api/v1/supervision/bulletins')).statusCode).toBe(403);
      expect((await (await h.as('leader')).patch(`/api/v1/supervision/bulletins/${d.id}`, { version: 1 })).statusCode).toBe(403);
    });

    it(
      'writes a Word document in the official layout with the report’s structure, tables, four charts and named fonts',
      async () => {
        const res = await draftDocx();
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年3月全市优化营商环境工作推进情况通报（草稿）.docx'));
        const files = await unzip(res.rawPayload);
        const xml = files.get('word/document.xml')!.toString('utf8');
        const body = text(xml);
        const headings = [
          '一、基本情况',
          '二、分领域推进情况',
          '（一）各单位推进排名',
          '（二）红黑榜',
          '三、存在的问题',
          '（一）通报及约谈事项',
          '四、融资环境',
          '五、招标投标与政府采购',
          '六、政务服务',
          '七、法治环境',
          '八、企业诉求办理',
          '九、下一步工作',
        ];
        let at = 0;
        for (const hd of headings) {
          const i = body.indexOf(hd, at);
          expect(i, hd).toBeGreaterThan(-1);
          at = i;
        }
        for (const caption of [
          '表1 各清单督办事项总体情况',
          '表3 各单位牵头事项推进排名',
          '表4 红榜',
          '表5 黑榜',
          '表6 逾期未完成事项清单',
        ])
          expect(body).toContain(caption);
        expect(body).toContain('工程建设项目审批全流程网办');
        expect(body).toContain('一是个别单位逾期事项未按期整改。');
        expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(6);
        const images = [...files.keys()].filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
        expect(images.length).toBeGreaterThanOrEqual(4);
        for (const f of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toContain(`w:eastAsia="${f}"`);
        // A4 with the GB/T 9704 margins (37 mm top, 28 mm left), page numbers "— n —".
        // (twips, ±1 for rounding: 210 × 297 mm, top 37 mm, left 28 mm)
        expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
        expect(xml).toMatch(/<w:pgMar w:top="209[78]" [^>]*w:left="158[78]"/);
        const footers = [...files.keys()].filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => text(files.get(f)!.toString('utf8')));
        expect(footers.some((f) => f.includes('— ') && f.includes(' —'))).toBe(true);
      },
      DRAWING_TIMEOUT,
    );

    it(
      'prints a PDF with every table and column of the Word file, numbers to the right and a title that wraps whole',
      async () => {
        const { res, view } = await draftPdf();
        expect(res.statusCode).toBe(200);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-bulletin-'));
        const file = path.join(dir, 'bulletin.pdf');
        fs.writeFileSync(file, res.rawPayload);
        const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        fs.rmSync(dir, { recursive: true, force: true });
        expect(out.status, out.stderr).toBe(0);
        const pdf = out.stdout;
        // Each table's header row, every column in order on one line (a missing or wrapped header fails).
        const headerRows = [
          ['清单', '类别', '事项数', '已销号', '逾期', '完成率'],
          ['领域', '事项数', '已销号', '逾期', '完成率'],
          ['排名', '单位', '牵头事项', '已销号', '逾期', '完成率', '得分'],
          ['序号', '编号', '事项内容', '牵头单位', '完成时限', '逾期工作日'],
        ];
        for (const cols of headerRows) expect(pdf, cols.join(' ')).toMatch(new RegExp(`^\\s*${cols.join('\\s+')}\\s*$`, 'm'));
        expect(pdf.match(/^\s*排名\s+单位\s+牵头事项/gm)).toHaveLength(3); // 表3, 表4 红榜, 表5 黑榜
        for (const caption of ['表1 各清单督办事项总体情况', '表2 分领域推进情况', '表6 逾期未完成事项清单'])
          expect(pdf).toContain(caption);
        // The overdue row ends with its deadline and its overdue working days, side by side in their columns.
        expect(pdf).toMatch(/2026-03-05\s+\d+\s*$/m);
        // The title is broken between words into balanced lines, never one character alone.
        expect(pdf).toMatch(/^\s*2026年3月全市优化营商环境\s*\n\s*工作推进情况通报\s*$/m);

        // The HTML that Chromium printed: numbers are right-aligned, column widths add up to 100 %.
        const html = officialDocumentHtml(await bulletinDocumentInput(view));
        for (const table of html.match(/<table>.*?<\/table>/gs)!) {
          const widths = [...table.matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
          expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 6);
          expect(widths.every((w) => w > 0)).toBe(true);
          for (const [, cls, value] of table.matchAll(/<td class="(\w+)">([^<]*)<\/td>/g)) {
            if (/^-?\d+(\.\d+)?%?$/.test(value)) expect(cls, value).toBe('right');
          }
        }
      },
      DRAWING_TIMEOUT,
    );

    it(
      'publishes once; a published bulletin keeps its figures and refuses edits, a second publish and a redraft',
      async () => {
        // the tests above read the draft's documents: they are taken before it is published
        await Promise.all([draftDocx(), draftPdf()]);
        setChinaTime(h, '2026-03-30', '08:00');
        const office = await h.as('office');
        const published = await office.post(`/api/v1/supervision/bulletins/${bulletin.id}/publish`, { version: bulletin.version });
        expect(published.statusCode).toBe(200);
        const p = published.json();
        expect(p.status).toBe('published');
        expect(p.publishedBy).toBe('专班工作人员（演示）');

        await closeItem(h, closable, DEMO_PAIR);
        const twice = await office.post(`/api/v1/supervision/bulletins/${bulletin.id}/publish`, { version: p.version });
        expect(twice.statusCode).toBe(409);
        expect(twice.json().code).toBe('BULLETIN_PUBLISHED');
        const edit = await office.patch(`/api/v1/supervision/bulletins/${bulletin.id}`, {
          version: p.version,
          commentary: { nextSteps: '改' },
        });
        expect(edit.statusCode).toBe(409);
        expect(edit.json().code).toBe('BULLETIN_PUBLISHED');
        const redraft = await office.post('/api/v1/supervision/bulletins', { month: '2026-03' });
        expect(redraft.statusCode).toBe(409);
        const after = (await office.get(`/api/v1/supervision/bulletins/${bulletin.id}`)).json();
        expect(after).toEqual(p);
        expect(after.data.totals.closed).toBe(1);
        const doc = await office.get(`/api/v1/supervision/bulletins/${bulletin.id}/document.docx`);
        expect(text((await unzip(doc.rawPayload)).get('word/document.xml')!.toString('utf8'))).toContain(
          '一是个别单位逾期事项未按期整改。',
        );
      },
      // run alone, it draws the draft's two documents first
      3 * DRAWING_TIMEOUT,
    );
  },
  { config: { sessionHours: 24 * 30 } },
);

describeEachDialect(
  'a past month’s bulletin (月通报 of a month that is over)',
  (h) => {
    let unitA: number;
    let b: { unitId: number; liaison: string; head: string };
    let early: number;
    let late: number;
    let later: { id: number; version: number };

    beforeAll(async () => {
      setChinaTime(h, '2026-03-02');
      unitA = await unitId(h, DEMO_UNIT);
      b = await unitUsers(h, '市住建局', 'pm');
      const listId = await makeList(h, 'task');
      early = (await makeItem(h, { listId, lead: [unitA], deadline: '2026-03-20', extra: { area: '开办企业' } })).id;
      late = (await makeItem(h, { listId, lead: [b.unitId], deadline: '2026-03-05', extra: { area: '办理建筑许可' } })).id;
      later = await makeItem(h, { listId, lead: [unitA], deadline: '2026-06-30', extra: { area: '获得电力' } });
      setChinaTime(h, '2026-03-10');
      await closeItem(h, early, DEMO_PAIR);
      setChinaTime(h, '2026-03-30', '08:00');
      await (await h.as('office')).post('/api/v1/supervision/weekly', {});
    });

    const bodyText = async (id: number) => {
      const doc = await (await h.as('office')).get(`/api/v1/supervision/bulletins/${id}/document.docx`);
      expect(doc.statusCode).toBe(200);
      return text((await unzip(doc.rawPayload)).get('word/document.xml')!.toString('utf8'));
    };

    it(
      'reports March as it stood on 03-31 and does not change when items are added or changed in April',
      async () => {
        const office = await h.as('office');
        setChinaTime(h, '2026-04-08');
        const first = (await office.post('/api/v1/supervision/bulletins', { month: '2026-03' })).json();
        const d = first.data;
        expect(d.asOf).toBe('2026-03-31T16:00:00.000Z'); // 04-01 00:00 in China
        expect(d.totals).toMatchObject({ items: 3, closed: 1, notStarted: 2, overdue: 1, closedThisMonth: 1 });
        // Due 03-05, open on 03-31: 03-06 and the three full weeks 03-09…03-27, then 03-30 and 03-31.
        expect(d.overdueItems).toEqual([expect.objectContaining({ id: late, deadline: '2026-03-05', overdueWorkdays: 18 })]);
        expect(d.trend.map((t: { weekOf: string }) => t.weekOf)).toHaveLength(1);
        const before = await bodyText(first.id);
        expect(before).toContain('周督查趋势');

        // April: the overdue item closes, the closed one reopens, a deadline moves, a new item arrives, a new snapshot is taken.
        await closeItem(h, late, { liaison: b.liaison, head: b.head });
        expect((await office.post(`/api/v1/items/${early}/reopen`, { reason: '复核发现未完成' })).statusCode).toBe(200);
        expect(
          (await office.request('PATCH', `/api/v1/items/${later.id}`, { version: later.version, deadline: '2026-04-09' })).statusCode,
        ).toBe(200);
        await makeItem(h, { listId: d.byList[0].listId, lead: [unitA], deadline: '2026-05-31' });
        setChinaTime(h, '2026-04-13', '08:00');
        expect((await office.post('/api/v1/supervision/weekly', {})).statusCode).toBe(201);
        // Today's figures do differ …
        const april = (await office.post('/api/v1/supervision/bulletins', { month: '2026-04' })).json().data;
        // (the reopened item was due 03-20, the moved one 04-09: both overdue on 04-13)
        expect(april.totals).toMatchObject({ items: 4, closed: 1, overdue: 2 });

        // … but March, drawn again, is the same bulletin.
        const again = await office.post('/api/v1/supervision/bulletins', { month: '2026-03' });
        expect(again.statusCode).toBe(200);
        expect(again.json().data).toEqual(d);
        // Word for word, but for the date of signing: a draft is dated the day it is drawn.
        const undated = (t: string) => t.replaceAll(/2026年4月\d+日/g, '成文日期');
        expect(before).toContain('2026年4月8日');
        expect(undated(await bodyText(again.json().id))).toBe(undated(before));
      },
      DRAWING_TIMEOUT,
    );

    it(
      'says in words that a month had no weekly snapshot instead of drawing an empty chart',
      async () => {
        const office = await h.as('office');
        const feb = (await office.post('/api/v1/supervision/bulletins', { month: '2026-02' })).json();
        expect(feb.data.totals.items).toBe(0);
        expect(feb.data.trend).toEqual([]);
        const doc = await office.get(`/api/v1/supervision/bulletins/${feb.id}/document.docx`);
        const files = await unzip(doc.rawPayload);
        const body = text(files.get('word/document.xml')!.toString('utf8'));
        expect(body).toContain('截至2月底尚未生成周督查快照');
        expect(body).not.toContain('图1');
        expect([...files.keys()].filter((f) => f.startsWith('word/media/'))).toEqual([]);
      },
      DRAWING_TIMEOUT,
    );
  },
  { config: { sessionHours: 24 * 30 } },
);
