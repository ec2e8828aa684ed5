import { DatePicker, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useUnits } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { CatalogueTab } from './CatalogueTab.js';
import { servicesLabels as L } from './labels.js';
import { NetworkTab } from './NetworkTab.js';
import { PackagesTab } from './PackagesTab.js';
import { SummaryTab } from './SummaryTab.js';

const TABS = ['summary', 'catalogue', 'packages', 'network'] as const;

/** 政务服务: the city or one county as of a data date — summary, catalogue, one-thing packages, network and assisted service. */
export default function ServicesPage() {
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const units = useUnits();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'summary';
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const countyId = params.get('county') ? Number(params.get('county')) : undefined;
  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const year = Number(date.slice(0, 4));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {pick(L.title)}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={pick(L.county)}
          style={{ width: 160 }}
          value={countyId ?? 0}
          onChange={(v) => set('county', v ? String(v) : undefined)}
          options={[
            { value: 0, label: pick(L.city) },
            ...units.filter((u) => u.kind === 'county' && u.status === 'active').map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <DatePicker
          aria-label={pick(L.date)}
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : undefined)}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(t) => set('tab', t)}
        items={[
          { key: 'summary', label: pick(L.summary), children: <SummaryTab date={date} countyId={countyId} /> },
          { key: 'catalogue', label: pick(L.catalogue), children: <CatalogueTab date={date} countyId={countyId} /> },
          { key: 'packages', label: pick(L.packages), children: <PackagesTab from={`${year}-01-01`} to={date} /> },
          { key: 'network', label: pick(L.network), children: <NetworkTab year={year} /> },
        ]}
      />
    </Space>
  );
}
