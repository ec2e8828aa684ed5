import { lastDayOfMonth } from '../../common/dates.js';
import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { catalogueRates } from './catalogue.service.js';
import { FLAG_ZH } from './catalogue-sheet.js';
import { packageStats } from './packages.service.js';

/**
 * The government-services section of the monthly bulletin for `month` (YYYY-MM): the catalogue as
 * it was in force on the month's last day (items, online rates, promised-time cut) and the
 * one-thing package cases finished within the month. Empty when the catalogue had no item then.
 */
export async function servicesBulletinSection(ctx: AppContext, month: string): Promise<BulletinSectionBlock[]> {
  const first = `${month}-01`;
  const last = `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
  const [rates, stats] = await Promise.all([catalogueRates(ctx, { date: last }), packageStats(ctx, first, last)]);
  if (!rates.total && !stats.finished) return [];
  const blocks: BulletinSectionBlock[] = [];
  if (rates.total) {
    const flags = rates.rates
      .filter((r) => r.flag === 'online' || r.flag === 'fullyOnline')
      .map((r) => `${FLAG_ZH[r.flag]}${r.count}项（${r.percent ?? 0}%）`);
    blocks.push({
      type: 'paragraph',
      indent: true,
      text:
        `截至月末，全市政务服务事项目录在用事项${rates.total}项，其中${flags.join('，')}` +
        `${rates.limitCutPercent !== null ? `；承诺时限较法定时限平均压缩${rates.limitCutPercent}%` : ''}。`,
    });
  }
  blocks.push({
    type: 'paragraph',
    indent: true,
    text: stats.finished
      ? `本月“高效办成一件事”办结${stats.finished}件，其中超承诺时限${stats.late}件` +
        `${stats.averageTimeCut !== null ? `，实际办理时间平均压缩${stats.averageTimeCut}%` : ''}。`
      : '本月“高效办成一件事”无办结件。',
  });
  return blocks;
}
