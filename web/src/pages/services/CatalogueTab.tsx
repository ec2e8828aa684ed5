import { DownloadOutlined, HistoryOutlined, PlusOutlined, ScissorOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api, type ApiResponse, apiUrl, client, ok, upload as uploadFile } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { fill, fmtNumber } from '../../components/format.js';
import { ImportFlow } from '../../components/ImportFlow.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { FLAG_LABEL, IMPORT_CHANGE_LABEL, LEVEL_LABEL, RATE_FLAGS, TYPE_LABEL, servicesLabels as L } from './labels.js';
import { RoundFormModal } from './NetworkForms.js';
import { RoundsModal } from './RoundsModal.js';
import { ServiceFormModal } from './ServiceForm.js';
import type { Service } from './types.js';

type Level = 'city' | 'county' | 'township' | undefined;
type Flag = Service['flags'][number] | undefined;

type Preview = ApiResponse<'/api/v1/services/catalogue/import', 'post'>;

/** The catalogue of a day: every rate of the report (a click lists the services behind it), the list, import and export. */
export function CatalogueTab({ date, countyId }: { date: string; countyId?: number | undefined }) {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [level, setLevel] = useState<Level>();
  const [flag, setFlag] = useState<Flag>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [showRounds, setShowRounds] = useState(false);
  const [newRound, setNewRound] = useState(false);
  /** The service being edited, `null` for a new one; closed when undefined. */
  const [editing, setEditing] = useState<Service | null>();
  const county = countyId ? String(countyId) : undefined;
  const rates = $api.useQuery('get', '/api/v1/services/rates', { params: { query: { date, level: level as Level, countyId: county } } });
  const list = $api.useQuery('get', '/api/v1/services/catalogue', {
    params: { query: { date, level: level as Level, countyId: county, flag: flag as Flag, q: q || undefined, page, pageSize: 20 } },
  });

  const importCounts = (r: Preview) => fill(pick(L.importCounts), { added: r.added, changed: r.changed, unchanged: r.unchanged });

  const publish = async () => {
    try {
      const r = await ok(client.POST('/api/v1/services/rates/publish', { body: { date } }));
      message.success(fill(pick(L.published), { n: r.values.length }));
    } catch (err) {
      report(err);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <RoundsModal open={showRounds} onClose={() => setShowRounds(false)} />
      {newRound && <RoundFormModal onClose={() => setNewRound(false)} />}
      {editing !== undefined && <ServiceFormModal service={editing ?? undefined} onClose={() => setEditing(undefined)} />}
      <Space wrap>
        <Select
          aria-label={pick(L.level)}
          allowClear
          placeholder={pick(L.allLevels)}
          style={{ width: 130 }}
          value={level}
          onChange={setLevel}
          options={Object.entries(LEVEL_LABEL).map(([v, l]) => ({ value: v, label: pick(l) }))}
        />
        <Input.Search
          aria-label={pick(L.search)}
          placeholder={pick(L.search)}
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => (setQ(v), setPage(1))}
        />
        {can('services.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {pick(L.newService)}
          </Button>
        )}
        {can('services.manage') && (
          <ImportFlow<Preview, Preview['preview'][number]>
            label={pick(L.importCatalogue)}
            accept=".xlsx"
            send={(form, commit) => uploadFile('/api/v1/services/catalogue/import', form, { query: { commit: commit ? '1' : '0' } })}
            problemsIn={(r) => r.problems}
            summary={importCounts}
            done={(r) => `${pick(L.imported)}${lang === 'en' ? ': ' : '：'}${importCounts(r)}`}
            table={(r) => ({
              rows: r.preview,
              rowKey: 'row',
              columns: [
                { title: pick(L.row), dataIndex: 'row', width: 60 },
                { title: pick(L.code), dataIndex: 'code' },
                { title: pick(L.name), dataIndex: 'name' },
                { title: pick(L.change), dataIndex: 'change', render: (c: string) => pick(IMPORT_CHANGE_LABEL[c]!) },
              ],
            })}
          />
        )}
        <Button icon={<DownloadOutlined />} href={apiUrl('/api/v1/services/catalogue/export', { query: { date } })}>
          {pick(L.exportCatalogue)}
        </Button>
        <Button icon={<HistoryOutlined />} onClick={() => setShowRounds(true)}>
          {pick(L.rounds)}
        </Button>
        {can('services.manage') && (
          <Button icon={<ScissorOutlined />} onClick={() => setNewRound(true)}>
            {pick(L.newRound)}
          </Button>
        )}
        {can('services.manage') && (
          <Button icon={<SendOutlined />} onClick={publish}>
            {pick(L.publish)}
          </Button>
        )}
      </Space>
      {rates.data && (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6} lg={4}>
            <Card size="small" hoverable onClick={() => (setFlag(undefined), setPage(1))}>
              <Statistic title={pick(L.inForce)} value={fmtNumber(rates.data.total)} />
            </Card>
          </Col>
          {rates.data.rates.map((r) => (
            <Col xs={12} md={6} lg={4} key={r.flag}>
              <Card
                size="small"
                hoverable
                aria-label={pick(FLAG_LABEL[r.flag]!)}
                onClick={() => (setFlag(r.flag), setPage(1))}
                style={flag === r.flag ? { borderColor: '#1677ff' } : undefined}
              >
                <Statistic
                  title={pick(FLAG_LABEL[r.flag]!)}
                  value={RATE_FLAGS.has(r.flag) ? (r.percent === null ? '—' : `${fmtNumber(r.percent, 1)}%`) : fmtNumber(r.count)}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {RATE_FLAGS.has(r.flag)
                    ? fill(pick(L.ofTotal), { n: fmtNumber(r.count), total: fmtNumber(rates.data!.total) })
                    : pick(L.showList)}
                </Typography.Text>
              </Card>
            </Col>
          ))}
          <Col xs={12} md={6} lg={4}>
            <Card size="small">
              <Statistic
                title={pick(L.limitCut)}
                value={rates.data.limitCutPercent === null ? '—' : `${fmtNumber(rates.data.limitCutPercent, 1)}%`}
              />
            </Card>
          </Col>
        </Row>
      )}
      {flag && (
        <Space>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {fill(pick(L.listOf), { flag: pick(FLAG_LABEL[flag]!) })}
          </Typography.Title>
          <Button size="small" onClick={() => setFlag(undefined)}>
            {pick(L.clearFilter)}
          </Button>
        </Space>
      )}
      <ResponsiveTable<Service>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        phoneColumns={['name', 'promisedDays']}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: pick(L.code), dataIndex: 'code', width: 120 },
          {
            title: pick(L.name),
            dataIndex: 'name',
            key: 'name',
            render: (name: string, s) => (
              <a href={`/guide/services/${encodeURIComponent(s.code)}`} target="_blank" rel="noreferrer">
                {name}
              </a>
            ),
          },
          { title: pick(L.level), dataIndex: 'level', width: 80, render: (v: string) => pick(LEVEL_LABEL[v]!) },
          { title: pick(L.unit), dataIndex: 'unitName', render: (v: string, s) => (s.countyName ? `${s.countyName} · ${v}` : v) },
          { title: pick(L.type), dataIndex: 'type', width: 100, render: (v: string) => pick(TYPE_LABEL[v]!) },
          { title: pick(L.legalDays), dataIndex: 'legalDays', width: 90, render: (n: number) => fill(pick(L.workdays), { n }) },
          {
            title: pick(L.promisedDays),
            dataIndex: 'promisedDays',
            key: 'promisedDays',
            width: 90,
            render: (n: number) => fill(pick(L.workdays), { n }),
          },
          {
            title: pick(L.channels),
            dataIndex: 'flags',
            render: (fs: string[]) => fs.map((f) => <Tag key={f}>{pick(FLAG_LABEL[f]!)}</Tag>),
          },
          ...(can('services.manage')
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, s: Service) =>
                    s.validTo === null && (
                      <Button size="small" type="link" onClick={() => setEditing(s)} aria-label={`${pick(L.edit)} ${s.code}`}>
                        {pick(L.edit)}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
