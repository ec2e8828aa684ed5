import { lastDayOfMonth } from '../../common/dates.js';
import type { AppContext } from '../../context.js';
import type { DocBlock } from '../reports/document.js';
import { listEventViews, listProjectViews } from './catalog.service.js';
import { fmtYuan } from './needs.service.js';
import { loanStats } from './stats.service.js';

const yi = (fen: number) => `${(fen / 1e10).toFixed(2)}亿元`;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

/**
 * The finance section of the monthly bulletin (月通报) for `month` (YYYY-MM): matchmaking events
 * held up to the month, credit to major projects, and the month's loan statistics against the
 * region. Blocks in the official-document model, so the Word and PDF bulletins carry it alike.
 */
export async function financeBulletinSection(ctx: AppContext, month: string): Promise<DocBlock[]> {
  const last = `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
  // Credit as it stood at the month's end, so a past month's bulletin shows that month's figures.
  const [events, projects, stats] = await Promise.all([listEventViews(ctx), listProjectViews(ctx, last), loanStats(ctx)]);
  const held = events.filter((e) => e.heldOn.slice(0, 7) <= month);
  const s = stats.find((x) => x.period === month);
  // Nothing held, granted or reported by then: no section body (the bulletin says so in one sentence).
  if (!held.length && !projects.totals.withCredit && !s) return [];
  const blocks: DocBlock[] = [
    { type: 'heading', level: 1, text: '融资环境' },
    {
      type: 'paragraph',
      indent: true,
      text:
        `累计举办政金企对接会${held.length}场；全市银行为${projects.totals.withCredit}个重大项目授信${yi(projects.totals.grantedFen)}，` +
        `已放款${yi(projects.totals.landedFen)}。`,
    },
  ];
  if (s) {
    blocks.push({
      type: 'paragraph',
      indent: true,
      text:
        `${month.replace('-', '年')}月末，各银行报送贷款余额${yi(s.balanceFen)}，其中民营企业贷款${yi(s.privateFen)}（占${pct(s.privateShare)}` +
        `${s.privateOfRegion !== null ? `，占全区民营企业贷款的${pct(s.privateOfRegion)}` : ''}），` +
        `中小微企业贷款${yi(s.smeFen)}（占${pct(s.smeShare)}）。` +
        `数据来源：${[s.source.split(' / ')[0], s.region?.source].filter(Boolean).join('；')}。`,
    });
  }
  if (projects.items.some((p) => p.grantedFen > 0)) {
    blocks.push({
      type: 'table',
      caption: '重大项目授信与放款',
      columns: [{ header: '项目' }, { header: '授信（元）', align: 'right' }, { header: '放款（元）', align: 'right' }],
      rows: projects.items.filter((p) => p.grantedFen > 0).map((p) => [p.name, fmtYuan(p.grantedFen), fmtYuan(p.landedFen)]),
    });
  }
  return blocks;
}
