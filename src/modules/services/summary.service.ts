import { AppError } from '../../common/errors.js';
import type { Actor, AppContext } from '../../context.js';
import { createIndicatorValue, getCatalogue, listIndicatorValues, updateIndicatorValue } from '../indicators/indicators.service.js';
import { assistedMonthlyCounts } from './assisted.service.js';
import { networkCoverage } from './network.service.js';
import { activeUnits, catalogueRates, listStreamliningRounds, presentService, today, unitNameMap } from './catalogue.service.js';
import { FLAG_ZH } from './catalogue-sheet.js';
import { getServicePackage, listServicePackages, packageStats, startupYear } from './packages.service.js';
import { latestByCode } from './services.repository.js';

/**
 * The government-services figures of the report, each computed from the records as of one day:
 * the catalogue rates, the streamlining rounds, the network, assisted service, the one-thing
 * packages measured from their cases and company start-up. For one county or the whole city.
 */
export async function servicesSummary(ctx: AppContext, q: { date?: string | undefined; countyId?: number | undefined }) {
  const date = q.date ?? today(ctx);
  const year = Number(date.slice(0, 4));
  const from = `${year}-01-01`;
  const [rates, cityRates, rounds, coverage, assisted, stats, startup, packages] = await Promise.all([
    catalogueRates(ctx, { date, countyId: q.countyId }),
    catalogueRates(ctx, { date, level: 'city' }),
    listStreamliningRounds(ctx),
    networkCoverage(ctx),
    assistedMonthlyCounts(ctx, year),
    packageStats(ctx, from, date),
    startupYear(ctx, year),
    listServicePackages(ctx),
  ]);
  const counties = q.countyId ? coverage.counties.filter((c) => c.countyId === q.countyId) : coverage.counties;
  const network = q.countyId ? (counties[0] ?? null) : { ...coverage.total, covered: coverage.allCovered };
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
  };
  return {
    dataDate: date,
    countyId: q.countyId ?? null,
    rates,
    cityCatalogue: { inForce: cityRates.total, rounds: rounds.filter((r) => r.effectiveOn <= date) },
    network,
    assisted: { year, cases: assisted.total, assistants: new Set(assisted.byAssistant.map((r) => r.assistantId)).size },
    packages: {
      count: packages.length,
      promisedMaterialsCut: mean(packages.map((p) => p.reductions.materials)),
      promisedTimeCut: mean(packages.map((p) => p.reductions.days)),
      measured: {
        from,
        to: date,
        finished: stats.finished,
        late: stats.late,
        averageTimeCut: stats.averageTimeCut,
        packages: stats.measuredPackages,
      },
    },
    startup: {
      year,
      cases: startup.cases,
      averageDays: startup.averageDays,
      averageSteps: startup.averageSteps,
      averageDocuments: startup.averageDocuments,
      waivedFen: startup.waivedFen,
    },
  };
}

/** Indicators fed from the catalogue: code → the rate or count that gives its value. */
const FEEDS = [
  { code: 'KPI-GOV-ONLINE', flag: 'online', as: 'percent' },
  { code: 'KPI-GOV-FULLY-ONLINE', flag: 'fullyOnline', as: 'percent' },
  { code: 'KPI-GOV-MOBILE', flag: 'mobile', as: 'count' },
] as const;

/**
 * Writes the catalogue's rates of a day into the indicators module as values of that month, each
 * with its source (the count behind the rate and where its list is): the city's value over the
 * whole catalogue, and each county's over its county and township services (the indicators keep a
 * value per unit, and a county is a unit). A county without services in force gets no value, since
 * an empty catalogue has no rate. A value already there for that month is updated, so publishing
 * again is harmless.
 */
export async function publishRates(ctx: AppContext, actor: Actor, date: string) {
  const units = await activeUnits(ctx.db);
  const cityId = [...units.entries()].find(([, u]) => u.kind === 'city')?.[0];
  if (!cityId) throw new AppError('NOT_FOUND');
  const targets = [
    { unitId: cityId, countyId: undefined },
    ...[...units.entries()].filter(([, u]) => u.kind === 'county').map(([id]) => ({ unitId: id, countyId: id })),
  ];
  const catalogue = await getCatalogue(ctx);
  const period = date.slice(0, 7);
  const written = [];
  for (const target of targets) {
    const rates = await catalogueRates(ctx, { date, countyId: target.countyId });
    const unitName = units.get(target.unitId)?.name ?? '';
    for (const feed of FEEDS) {
      const indicator = catalogue.indicators.find((i) => i.code === feed.code);
      const rate = rates.rates.find((r) => r.flag === feed.flag)!;
      const value = feed.as === 'percent' ? rate.percent : rate.count;
      if (!indicator || value === null || rates.total === 0) continue;
      const scope = target.countyId ? unitName : '';
      const source = `${scope}政务服务事项目录（${date}）：${FLAG_ZH[feed.flag]} ${rate.count} 项 / 共 ${rates.total} 项`;
      const evidence = `/services/catalogue?flag=${feed.flag}&date=${date}${target.countyId ? `&countyId=${target.countyId}` : ''}`;
      const existing = (
        await listIndicatorValues(ctx, actor, { indicatorId: indicator.id, unitId: target.unitId, periodFrom: period, periodTo: period })
      ).find((v) => v.period === period);
      const v = existing
        ? await updateIndicatorValue(ctx, actor, existing.id, { value, source, evidence, version: existing.version })
        : await createIndicatorValue(ctx, actor, { indicatorId: indicator.id, unitId: target.unitId, period, value, source, evidence });
      written.push({ code: feed.code, unitId: target.unitId, unitName, value: v.value, period, source });
    }
  }
  return { date, values: written };
}

/** The public service guide (办事指南) of a service, in force or last known; no login. */
export async function serviceGuide(ctx: AppContext, code: string) {
  const row = await latestByCode(ctx.db, code);
  if (!row) throw new AppError('NOT_FOUND');
  const s = presentService(row, await unitNameMap(ctx.db));
  return {
    kind: 'service' as const,
    code: s.code,
    name: s.name,
    unitName: s.unitName,
    countyName: s.countyName,
    legalDays: s.legalDays,
    promisedDays: s.promisedDays,
    feeFen: s.feeFen,
    materials: s.materials,
    flags: s.flags,
    place: s.place,
    onlineUrl: s.onlineUrl,
    inForce: s.validTo === null || s.validTo > today(ctx),
  };
}

export async function packageGuide(ctx: AppContext, code: string) {
  const p = await getServicePackage(ctx, { code });
  return {
    kind: 'package' as const,
    code: p.code,
    name: p.name,
    departments: [...new Set(p.members.map((m) => m.unitName))],
    promisedDays: p.promisedDays,
    before: p.before,
    after: p.after,
    reductions: p.reductions,
    materials: p.materials,
    formFields: p.formFields,
    place: p.place,
    onlineUrl: p.onlineUrl,
  };
}
