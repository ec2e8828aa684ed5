import { Alert, Table, Tag } from 'antd';
import type { CatalogueView, IndicatorView } from '../../../../src/common/schemas/indicators.js';
import { useI18n } from '../../i18n.js';
import { L } from './labels.js';

type Row = IndicatorView & { children?: Row[] };

/** The national indicators by environment, each with the office's KPIs beneath it. */
export function CataloguePanel({ catalogue }: { catalogue: CatalogueView }) {
  const { pick, lang } = useI18n();
  const env = new Map(catalogue.environments.map((e) => [e.id, e]));
  const kpis = catalogue.indicators.filter((i) => i.kind === 'kpi');
  const rows: Row[] = catalogue.indicators
    .filter((i) => i.kind === 'indicator')
    .map((i) => {
      const children = kpis.filter((k) => k.parentId === i.id);
      return children.length ? { ...i, children } : i;
    });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={pick(L.level2Missing)} description={catalogue.environmentNote} />
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={pick(L.catalogue)}
        columns={[
          { title: pick(L.indicator), render: (_, r) => (lang === 'en' ? r.nameEn : r.nameZh) },
          { title: pick(L.environment), render: (_, r) => (r.kind === 'indicator' ? pick(env.get(r.environment)!) : null) },
          { title: pick(L.unitOfMeasure), dataIndex: 'unitOfMeasure' },
          { title: pick(L.direction), render: (_, r) => (r.direction ? <Tag>{pick(r.direction === 'lower_is_better' ? L.lower : L.higher)}</Tag> : null) },
          { title: pick(L.note), render: (_, r) => (r.kind === 'kpi' ? r.note : null), ellipsis: true },
        ]}
      />
    </>
  );
}
