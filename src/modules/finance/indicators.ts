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
import { loanStats } from './stats.service.js';

/** The loan figures the indicators module follows, under 获得信贷 (L1-09), for the city. */
const KPIS = [
  {
    code: 'FIN-LOAN-BALANCE',
    nameZh: '银行贷款余额',
    nameEn: 'Bank loan balance',
    unitOfMeasure: '亿元',
    physicalMax: null,
    value: (s: Stat) => round(s.balanceFen / 1e10),
  },
  {
    code: 'FIN-PRIVATE-SHARE',
    nameZh: '民营企业贷款占比',
    nameEn: 'Private-enterprise share of loans',
    unitOfMeasure: '%',
    physicalMax: 100,
    value: (s: Stat) => pct(s.privateShare),
  },
  {
    code: 'FIN-SME-SHARE',
    nameZh: '中小微企业贷款占比',
    nameEn: 'SME share of loans',
    unitOfMeasure: '%',
    physicalMax: 100,
    value: (s: Stat) => pct(s.smeShare),
  },
  {
    code: 'FIN-PRIVATE-OF-REGION',
    nameZh: '民营企业贷款占全区比重',
    nameEn: 'Private-enterprise loans, share of the region',
    unitOfMeasure: '%',
    physicalMax: 100,
    value: (s: Stat) => pct(s.privateOfRegion),
  },
] as const;

type Stat = Awaited<ReturnType<typeof loanStats>>[number];
const round = (x: number) => Math.round(x * 100) / 100;
const pct = (x: number | null) => (x === null ? null : round(x * 100));

/**
 * Writes a month's loan statistics into the indicators module as the city's values, each with its
 * source (the banks' returns, the region's published figures), creating the four KPIs under 获得信贷
 * the first time. A month written again updates its values.
 */
export async function publishLoanIndicators(ctx: AppContext, actor: Actor, period: string): Promise<{ period: string; written: string[] }> {
  const stat = (await loanStats(ctx)).find((s) => s.period === period && s.banks > 0);
  if (!stat)
    throw new AppError('NOT_FOUND', [{ path: 'params.period', message: `${period} 尚无银行月度报表 / no returns for this month` }]);
  const city = (await listUnits(ctx.db, { kind: 'city' }))[0];
  if (!city) throw new AppError('NOT_FOUND', [{ path: 'unit', message: '未设置市级单位 / no city unit' }]);
  const catalogue = await getCatalogue(ctx);
  const parentId = catalogue.indicators.find((i) => i.code === 'L1-09')?.id ?? null;
  const source = [stat.source.split(' / ')[0], stat.region?.source].filter(Boolean).join('；');
  const written: string[] = [];
  for (const k of KPIS) {
    const value = k.value(stat);
    if (value === null) continue;
    const indicator =
      catalogue.indicators.find((i) => i.code === k.code) ??
      (await createIndicator(ctx, actor, {
        code: k.code,
        nameZh: k.nameZh,
        nameEn: k.nameEn,
        parentId,
        environment: 'finance',
        unitOfMeasure: k.unitOfMeasure,
        direction: 'higher_is_better',
        physicalMin: 0,
        physicalMax: k.physicalMax,
        source: '融资环境模块：银行月度贷款报表汇总 / the finance module’s sum of the banks’ monthly returns',
      }));
    const [existing] = await listIndicatorValues(ctx, actor, {
      indicatorId: indicator.id,
      unitId: city.id,
      periodFrom: period,
      periodTo: period,
    });
    if (existing) await updateIndicatorValue(ctx, actor, existing.id, { value, source, version: existing.version });
    else await createIndicatorValue(ctx, actor, { indicatorId: indicator.id, unitId: city.id, period, value, source });
    written.push(k.code);
  }
  return { period, written };
}
