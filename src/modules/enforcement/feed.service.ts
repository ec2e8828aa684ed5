import { AppError } from '../../common/errors.js';
import type { Actor, AppContext } from '../../context.js';
import {
  createIndicator,
  createIndicatorValue,
  getCatalogue,
  listIndicatorValues,
  updateIndicatorValue,
} from '../indicators/indicators.service.js';
import { listUnits } from '../org/index.js';
import { enforcementFigures } from './figures.service.js';

/** First and last day of a 'YYYY-MM' month. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

type Figure = keyof Awaited<ReturnType<typeof enforcementFigures>>['figures'];

/**
 * The law-based-environment KPIs these figures feed (法治环境, the work report's own measures). They
 * are not in the national catalogue, so the first publication adds them to the indicators catalogue.
 */
export const LAW_FEEDS: { code: string; figure: Figure; nameZh: string; nameEn: string; unitOfMeasure: string; list: string }[] = [
  {
    code: 'KPI-LAW-MATTERS',
    figure: 'matters',
    nameZh: '行政执法事项清单事项数',
    nameEn: 'Enforcement matters listed',
    unitOfMeasure: '项',
    list: 'matters',
  },
  {
    code: 'KPI-LAW-BODIES',
    figure: 'bodies',
    nameZh: '确认行政执法主体数',
    nameEn: 'Enforcement bodies certified',
    unitOfMeasure: '个',
    list: 'bodies',
  },
  {
    code: 'KPI-LAW-OFFICERS',
    figure: 'officersCertified',
    nameZh: '持证行政执法人员数',
    nameEn: 'Enforcement officers certified',
    unitOfMeasure: '人',
    list: 'officers',
  },
  {
    code: 'KPI-LAW-OFFSITE',
    figure: 'offSiteInspections',
    nameZh: '非现场检查次数',
    nameEn: 'Off-site inspections',
    unitOfMeasure: '次',
    list: 'offSiteInspections',
  },
  {
    code: 'KPI-LAW-MUTUAL',
    figure: 'mutualRecognitions',
    nameZh: '互认式执法检查次数',
    nameEn: 'Mutually recognised inspections',
    unitOfMeasure: '次',
    list: 'mutualRecognitions',
  },
  {
    code: 'KPI-LAW-DOCS',
    figure: 'documentsCleaned',
    nameZh: '清理规范性文件件数',
    nameEn: 'Normative documents cleaned up',
    unitOfMeasure: '件',
    list: 'documentsCleaned',
  },
];

/**
 * Writes one month's figures into the indicators module as the city's values for that month, each
 * with its source (what was counted) and evidence (where its list is). A value already there is
 * updated, so publishing again is harmless; a past month gets that month's figures.
 */
export async function publishFiguresToIndicators(ctx: AppContext, actor: Actor, month: string) {
  const cityId = (await listUnits(ctx.db, {})).find((u) => u.kind === 'city')?.id;
  if (!cityId) throw new AppError('NOT_FOUND');
  const period = monthPeriod(month);
  const { figures } = await enforcementFigures(ctx, period);
  const known = new Map((await getCatalogue(ctx)).indicators.map((i) => [i.code, i]));
  const values = [];
  for (const f of LAW_FEEDS) {
    const indicator =
      known.get(f.code) ??
      (await createIndicator(ctx, actor, {
        code: f.code,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        environment: 'law',
        unitOfMeasure: f.unitOfMeasure,
        direction: 'higher_is_better',
        physicalMin: 0,
        source: '法治环境模块按期统计 / counted by the enforcement module',
      }));
    const value = figures[f.figure];
    const source = `法治环境统计（${period.from} 至 ${period.to}）：${f.nameZh} ${value} ${f.unitOfMeasure}`;
    const evidence = `/api/v1/enforcement/figures?from=${period.from}&to=${period.to}#${f.list}`;
    const existing = (
      await listIndicatorValues(ctx, actor, { indicatorId: indicator.id, unitId: cityId, periodFrom: month, periodTo: month })
    ).find((v) => v.period === month);
    const v = existing
      ? await updateIndicatorValue(ctx, actor, existing.id, { value, source, evidence, version: existing.version })
      : await createIndicatorValue(ctx, actor, { indicatorId: indicator.id, unitId: cityId, period: month, value, source, evidence });
    values.push({ code: f.code, value: v.value, period: month, source: v.source });
  }
  return { month, values };
}
