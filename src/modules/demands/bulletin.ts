import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { demandKpis, periodCounts } from './kpi.service.js';

const rate = (n: number, d: number) => (Number(d) > 0 ? `${Math.round((Number(n) / Number(d)) * 1000) / 10}%` : '—');

/** How many units with the lowest on-time rate the bulletin names. */
const LOWEST_UNITS = 3;

/**
 * The demand desk's section of the monthly bulletin for `month` (YYYY-MM): the tickets received in
 * the month, how many of them were closed by its end, the desk's rates as they stood at its end
 * (same definitions as the KPI page; a later close or rating does not change a past bulletin) and
 * the units with the lowest on-time rate. Empty when no ticket was received in the month.
 */
export async function demandsBulletinSection(ctx: AppContext, month: string): Promise<BulletinSectionBlock[]> {
  const [total] = await periodCounts(ctx, 'month', month, month);
  if (!total || !Number(total.tickets)) return [];
  const blocks: BulletinSectionBlock[] = [
    {
      type: 'paragraph',
      indent: true,
      text:
        `本月受理企业诉求${Number(total.tickets)}件，已办结${Number(total.closed)}件。` +
        `签收率${rate(total.signed_on_time, total.dispatched)}，按时办结率${rate(total.closed_on_time, total.closed)}，` +
        `一次办结率${rate(total.first_contact, total.tickets)}，满意率${rate(total.satisfied, total.rated)}，` +
        `重办率${rate(total.reopened, total.rated)}。`,
    },
  ];
  const units = (await demandKpis(ctx, { by: 'unit', from: month, to: month })).rows
    .filter((r) => r.key !== '' && r.onTimeRate !== null)
    .sort((a, b) => a.onTimeRate! - b.onTimeRate! || a.label.localeCompare(b.label, 'zh'))
    .slice(0, LOWEST_UNITS);
  if (units.length) {
    blocks.push({ type: 'paragraph', indent: true, text: '按时办结率较低的承办单位如下：' });
    blocks.push({
      type: 'table',
      caption: '按时办结率较低的承办单位',
      columns: [{ header: '承办单位', width: 40, align: 'left' }, { header: '受理件数' }, { header: '按时办结率' }, { header: '满意率' }],
      rows: units.map((u) => [u.label, u.tickets, `${u.onTimeRate}%`, u.satisfactionRate === null ? '—' : `${u.satisfactionRate}%`]),
    });
  }
  return blocks;
}
