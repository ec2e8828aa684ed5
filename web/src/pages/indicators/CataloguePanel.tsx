import { Alert, Tag } from 'antd';
import type { CatalogueView, IndicatorView } from '../../../../src/common/schemas/indicators.js';
import { $api } from '../../api/client.js';
import { pickBilingual, useI18n } from '../../i18n.js';
import { measureUnit } from '../../../../src/common/measure-units.js';
import { indicatorLabels, TRANSFORM_LABELS } from './labels.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

type Row = IndicatorView & { children?: Row[] };

/** The national indicators by environment, each with the office's KPIs beneath it. */
export function CataloguePanel({ catalogue }: { catalogue: CatalogueView }) {
  const { pick, lang } = useI18n();
  const env = new Map(catalogue.environments.map((e) => [e.id, e]));
  // Where a KPI is scored by a method, show that method's bounds and transform beside it.
  const { data: methods } = $api.useQuery('get', '/api/v1/indicators/methods');
  const scored = new Map(
    (methods ?? []).flatMap((m) =>
      m.topics.flatMap((t) => t.components.filter((c) => c.catalogueCode).map((c) => [c.catalogueCode!, { method: m, c }] as const)),
    ),
  );
  const kpis = catalogue.indicators.filter((i) => i.kind === 'kpi');
  const rows: Row[] = catalogue.indicators
    .filter((i) => i.kind === 'indicator')
    .map((i) => {
      const children = kpis.filter((k) => k.parentId === i.id);
      return children.length ? { ...i, children } : i;
    });
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={pick(indicatorLabels.level2Missing)}
        description={pickBilingual(lang, catalogue.environmentNote)}
      />
      <ResponsiveTable<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: pick(indicatorLabels.indicator), render: (_, r) => (lang === 'en' ? r.nameEn : r.nameZh) },
          { title: pick(indicatorLabels.environment), render: (_, r) => (r.kind === 'indicator' ? pick(env.get(r.environment)!) : null) },
          { title: pick(indicatorLabels.unitOfMeasure), dataIndex: 'unitOfMeasure', render: (u: string | null) => pick(measureUnit(u)) },
          {
            title: pick(indicatorLabels.direction),
            render: (_, r) =>
              r.direction ? <Tag>{pick(r.direction === 'lower_is_better' ? indicatorLabels.lower : indicatorLabels.higher)}</Tag> : null,
          },
          {
            title: `${pick(indicatorLabels.bounds)}（${pick(indicatorLabels.method)}）`,
            render: (_, r) => {
              const hit = scored.get(r.code);
              if (!hit) return null;
              return (
                <>
                  {hit.c.worst} → {hit.c.best} · {TRANSFORM_LABELS[hit.c.transform] ? pick(TRANSFORM_LABELS[hit.c.transform]) : ''}{' '}
                  {!hit.c.trusted && <Tag color="orange">{pick(indicatorLabels.unverified)}</Tag>}
                  <br />
                  <small>{pick(hit.method.name)}</small>
                </>
              );
            },
          },
          { title: pick(indicatorLabels.note), render: (_, r) => (r.kind === 'kpi' ? r.note : null), ellipsis: true },
        ]}
      />
    </>
  );
}
