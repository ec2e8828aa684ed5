import type { BulletinData, BulletinView } from '../../common/schemas/supervision.js';
import { ITEM_KIND_LABELS } from '../../common/schemas/worklists.js';
import { chinaDate } from '../../common/dates.js';
import { renderChartPng } from '../reports/charts.js';
import type { DocBlock, OfficialDocumentInput } from '../reports/document.js';
import { officialDocument } from '../reports/docx.js';
import { officialDocumentPdf } from '../reports/pdf.js';
import { type BulletinChart, bulletinCharts } from './bulletin.charts.js';

export const BULLETIN_ISSUER = '呼和浩特市优化营商环境工作领导小组办公室';
/** The overdue table lists the longest-overdue items; the rest are named by count (the platform lists them all). */
const OVERDUE_ROWS = 60;
const RECIPIENTS = '各旗县区人民政府，各开发区管委会，市直各有关部门：';

const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 1000) / 10}%` : '—');
const paragraphs = (text: string): DocBlock[] =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph' as const, text: t }));
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function rankingTable(rows: BulletinData['ranking'], caption: string, note?: string): Extract<DocBlock, { type: 'table' }> {
  return {
    type: 'table',
    caption,
    columns: [
      // Widths in percent of the text block, wide enough for each header on one line at 12 pt.
      { header: '排名', width: 8 },
      { header: '单位', width: 33, align: 'left' },
      { header: '牵头事项', width: 14 },
      { header: '已销号', width: 11 },
      { header: '逾期', width: 9 },
      { header: '完成率', width: 12 },
      { header: '得分', width: 13 },
    ],
    rows: rows.map((r) => [r.rank, r.unit.name, r.assigned, r.closed, r.overdue, `${r.completionRate}%`, r.score]),
    ...(note ? { note } : {}),
  };
}

/**
 * The bulletin as an official document (GB/T 9704 layout through the reports module), in the
 * order of a real work report: 基本情况, 分领域推进情况 (with the unit ranking and the red/black
 * list), 存在的问题 (with the overdue list), 下一步工作; four charts drawn from the frozen figures.
 */
export async function bulletinDocumentInput(b: BulletinView): Promise<OfficialDocumentInput> {
  const d = b.data;
  const charts = bulletinCharts(d);
  const drawn = charts.filter((c) => c.emptyText === null);
  const pngs = new Map(
    await Promise.all(drawn.map(async (c) => [c.key, await renderChartPng(c.option, { width: c.width, height: c.height })] as const)),
  );
  let figure = 0;
  // Figures are numbered in the order they appear in the text; a chart without data is a sentence instead.
  const chart = (key: BulletinChart['key']): DocBlock => {
    const c = charts.find((x) => x.key === key)!;
    if (c.emptyText !== null) return { type: 'paragraph', text: c.emptyText };
    return { type: 'image', png: pngs.get(key)!, widthPx: c.width, heightPx: c.height, caption: `图${++figure} ${c.title}` };
  };
  const [y, m] = d.month.split('-').map(Number);
  const t = d.totals;
  const named = d.named.length
    ? d.named.map((n, i) => `${i + 1}. ${n.unit}：${n.code} ${cut(n.content, 40)}（${n.kind === 'summons' ? '约谈' : '通报'}，${n.dueOn}）`)
    : ['本月无进入通报或约谈环节的事项。'];
  const sections: DocBlock[] = [
    { type: 'paragraph', text: `现将${y}年${m}月全市优化营商环境“四表一单”督办事项推进情况通报如下。` },
    { type: 'heading', level: 1, text: '基本情况' },
    ...paragraphs(b.commentary.basicSituation),
    {
      type: 'table',
      caption: '表1 各清单督办事项总体情况',
      columns: [
        { header: '清单', width: 34, align: 'left' },
        { header: '类别', width: 16 },
        { header: '事项数' },
        { header: '已销号' },
        { header: '逾期' },
        { header: '完成率' },
      ],
      rows: [
        ...d.byList.map((l) => [l.name, ITEM_KIND_LABELS[l.kind].zh, l.total, l.closed, l.overdue, pct(l.closed, l.total)]),
        ['合计', '', t.items, t.closed, t.overdue, pct(t.closed, t.items)],
      ],
      note:
        `本月召开市长调度会${d.meetings.mayor}次、专班调度会${d.meetings.task_force}次、专题调度会${d.meetings.special}次，` +
        `议定事项${d.meetings.decisions}项，已销号${d.meetings.decisionsClosed}项；` +
        `下发到期提醒${d.notices.reminder}次、督办单${d.notices.notice}份。`,
    },
    chart('status-by-list'),
    chart('weekly-trend'),
    { type: 'heading', level: 1, text: '分领域推进情况' },
    ...paragraphs(b.commentary.progressByArea),
    {
      type: 'table',
      caption: '表2 分领域推进情况',
      columns: [
        { header: '领域', width: 40, align: 'left' },
        { header: '事项数' },
        { header: '已销号' },
        { header: '逾期' },
        { header: '完成率' },
      ],
      rows: d.byArea.map((a) => [a.area, a.total, a.closed, a.overdue, pct(a.closed, a.total)]),
    },
    { type: 'heading', level: 2, text: '各单位推进排名' },
    chart('completion-by-unit'),
    rankingTable(d.ranking, '表3 各单位牵头事项推进排名', `计分规则：${d.formula.zh}`),
    { type: 'heading', level: 2, text: '红黑榜' },
    rankingTable(d.red, '表4 红榜'),
    rankingTable(d.black, '表5 黑榜'),
    { type: 'heading', level: 1, text: '存在的问题' },
    ...paragraphs(b.commentary.problems),
    chart('overdue-by-unit'),
    {
      type: 'table',
      caption: '表6 逾期未完成事项清单',
      columns: [
        { header: '序号', width: 7 },
        { header: '编号', width: 8 },
        { header: '事项内容', width: 33, align: 'left' },
        { header: '牵头单位', width: 20, align: 'left' },
        { header: '完成时限', width: 16 },
        { header: '逾期工作日', width: 16 },
      ],
      rows: d.overdueItems
        .slice(0, OVERDUE_ROWS)
        .map((o, i) => [i + 1, o.code, cut(o.content, 60), o.leadUnits.join('、'), o.deadline, o.overdueWorkdays]),
      ...(d.overdueItems.length > OVERDUE_ROWS
        ? {
            note: `注：按逾期时间列前 ${OVERDUE_ROWS} 项，另有 ${d.overdueItems.length - OVERDUE_ROWS} 项逾期事项见平台“四表一单”逾期清单。`,
          }
        : {}),
    },
    { type: 'heading', level: 2, text: '通报及约谈事项' },
    ...named.map((text) => ({ type: 'paragraph' as const, text })),
    // The other modules' sections (融资环境, 政务服务, …), frozen with the figures.
    ...d.sections.flatMap((sec): DocBlock[] => [{ type: 'heading', level: 1, text: sec.title.zh }, ...sec.blocks]),
    { type: 'heading', level: 1, text: '下一步工作' },
    ...paragraphs(b.commentary.nextSteps),
  ];
  const date = b.publishedAt ? chinaDate(new Date(b.publishedAt)) : chinaDate(new Date(b.generatedAt));
  return {
    issuer: BULLETIN_ISSUER,
    docNumber: b.docNumber,
    title: b.title,
    recipients: RECIPIENTS,
    date,
    sections,
    copyTo: '市委办公室，市人大常委会办公室，市政府办公室，市政协办公室',
    printedBy: { issuer: BULLETIN_ISSUER, date },
  };
}

// Drawing the charts is the slow part; a bulletin at a given version always gives the same document
// input (a published one never changes), so the .docx and the .pdf of it share one drawing.
const inputs = new Map<string, Promise<OfficialDocumentInput>>();
const CACHED = 8;

function cachedInput(b: BulletinView): Promise<OfficialDocumentInput> {
  if (!b.id) return bulletinDocumentInput(b);
  const key = `${b.id}:${b.version}:${b.generatedAt}`;
  let input = inputs.get(key);
  if (!input) {
    input = bulletinDocumentInput(b);
    inputs.set(key, input);
    input.catch(() => inputs.delete(key)); // a failed drawing is not kept
    for (const k of inputs.keys()) if (inputs.size > CACHED) inputs.delete(k);
  }
  return input;
}

/** The bulletin as .docx (Word, GB/T 9704) or .pdf (the same content printed by Chromium). */
export async function bulletinDocument(b: BulletinView, format: 'docx' | 'pdf', opts: { chromiumPath: string }): Promise<Buffer> {
  const input = await cachedInput(b);
  return format === 'docx' ? officialDocument(input) : officialDocumentPdf(input, opts);
}
