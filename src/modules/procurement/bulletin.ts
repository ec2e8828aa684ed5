import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import { lastDayOfMonth } from '../../common/dates.js';
import type { AppContext } from '../../context.js';
import { listCampaigns } from './campaigns.service.js';
import { monthlyFigures } from './procurement.service.js';

const wan = (yuan: number) => `${(yuan / 1e4).toFixed(2)}万元`;

/**
 * The procurement section of the monthly bulletin for `month` (YYYY-MM): the inspection campaigns
 * started by the end of the month with their totals as of that end (projects checked, their amount,
 * problems recorded and verified by then), and the
 * tenders screened in that month with the lots and bidders flagged. Empty when there is neither.
 */
export async function procurementBulletinSection(ctx: AppContext, month: string): Promise<BulletinSectionBlock[]> {
  // The month ends at midnight China time after its last day.
  const lastDay = `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
  const end = { before: new Date(`${lastDay}T24:00:00+08:00`).toISOString(), lastDay };
  const [{ items: campaigns }, figures] = await Promise.all([listCampaigns(ctx, end), monthlyFigures(ctx)]);
  const m = figures.months.find((x) => x.month === month && x.tendersScreened > 0);
  const blocks: BulletinSectionBlock[] = [];
  if (campaigns.length) {
    const sum = campaigns.reduce(
      (s, c) => ({
        checked: s.checked + c.checked,
        amount: s.amount + c.amount,
        problems: s.problems + c.problems,
        verified: s.verified + c.verified,
      }),
      { checked: 0, amount: 0, problems: 0, verified: 0 },
    );
    blocks.push(
      {
        type: 'paragraph',
        indent: true,
        text: `招标代理专项整治共检查项目${sum.checked}个，涉及金额${wan(sum.amount)}，发现问题${sum.problems}个，已整改核实${sum.verified}个。`,
      },
      {
        type: 'table',
        caption: '招标代理专项整治情况',
        columns: [
          { header: '专项整治', width: 40, align: 'left' },
          { header: '检查项目' },
          { header: '金额（万元）', align: 'right' },
          { header: '问题' },
          { header: '已核实' },
        ],
        rows: campaigns.map((c) => [c.name, c.checked, (c.amount / 1e4).toFixed(2), c.problems, c.verified]),
      },
    );
  }
  if (m) {
    blocks.push({
      type: 'paragraph',
      indent: true,
      text: `本月筛查招标项目${m.tendersScreened}个，标记疑似围标串标标段${m.lotsFlagged}个、投标人${m.biddersFlagged}家。`,
    });
  }
  return blocks;
}
