import { lastDayOfMonth } from '../../common/dates.js';
import type { BulletinSectionBlock } from '../../common/schemas/supervision.js';
import type { AppContext } from '../../context.js';
import { enforcementFigures } from './figures.service.js';

/**
 * The 法治环境 section of the monthly bulletin for `month` (YYYY-MM): the enforcement figures as
 * they stood at the month's end (matters, bodies, certified officers) and the month's inspections.
 * Empty when nothing was recorded, so the bulletin says so in one sentence.
 */
export async function enforcementBulletinSection(ctx: AppContext, month: string): Promise<BulletinSectionBlock[]> {
  const first = `${month}-01`;
  const last = `${month}-${String(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
  const f = (await enforcementFigures(ctx, { from: first, to: last })).figures;
  if (!f.matters && !f.bodies && !f.officersCertified && !f.inspections && !f.documentsCleaned) return [];
  return [
    {
      type: 'paragraph',
      indent: true,
      text:
        `截至本月末，全市行政执法事项清单共${f.matters}项，确认行政执法主体${f.bodies}个，持有效证件的行政执法人员${f.officersCertified}人。` +
        `本月开展“双随机、一公开”检查${f.inspections}户次，其中非现场检查${f.offSiteInspections}户次，` +
        `互认已有检查结果、不再重复检查${f.mutualRecognitions}户次；清理行政规范性文件${f.documentsCleaned}件。`,
    },
  ];
}
