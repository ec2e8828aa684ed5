import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { App, Button, Space, Table, Typography, Upload } from 'antd';
import { $api, upload } from '../../api/client.js';
import { fill, fmtNumber } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useReportError } from '../../components/feedback.js';
import { useSession } from '../../session.js';
import { useI18n } from '../../i18n.js';
import { CHANNEL_LABEL, POINT_LABEL, servicesLabels as L } from './labels.js';
import { AssistantFormModal, PointFormModal } from './NetworkForms.js';
import { RateCaseModal, RatingCodeModal } from './RatingForms.js';
import type { Assistant, AssistedCase, CoverageRow } from './types.js';

/** 一窗式全覆盖 county by county, and the assisted-service cases of the year per month and assistant. */
export function NetworkTab({ year }: { year: number }) {
  const { pick } = useI18n();
  const coverage = $api.useQuery('get', '/api/v1/services/network/coverage');
  const monthly = $api.useQuery('get', '/api/v1/services/assisted-cases/monthly', { params: { query: { year } } });
  const kinds = Object.keys(POINT_LABEL);
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [form, setForm] = useState<'point' | 'assistant'>();
  const [casePage, setCasePage] = useState(1);
  const cases = $api.useQuery('get', '/api/v1/services/assisted-cases', { params: { query: { page: casePage, pageSize: 10 } } });
  const assistants = $api.useQuery('get', '/api/v1/services/assistants');
  const [rating, setRating] = useState<AssistedCase>();
  const [codeOf, setCodeOf] = useState<Assistant>();
  const hasCode = (assistantId: number) => !!assistants.data?.find((a) => a.id === assistantId)?.ratingCode;
  const importCases = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await upload('/api/v1/services/assisted-cases/import', form, {});
      message.success(fill(pick(L.assistedImported), r));
    } catch (err) {
      report(err);
    }
    return false;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {form === 'point' && <PointFormModal onClose={() => setForm(undefined)} />}
      {form === 'assistant' && <AssistantFormModal onClose={() => setForm(undefined)} />}
      {rating && <RateCaseModal item={rating} viaCode={hasCode(rating.assistantId)} onClose={() => setRating(undefined)} />}
      {codeOf && <RatingCodeModal assistant={codeOf} onClose={() => setCodeOf(undefined)} />}
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {pick(L.coverage)}
        </Typography.Title>
        {can('services.manage') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('point')}>
            {pick(L.newPoint)}
          </Button>
        )}
      </Space>
      <ResponsiveTable<CoverageRow>
        rowKey="countyId"
        size="small"
        loading={!coverage.data}
        dataSource={coverage.data?.counties}
        pagination={false}
        phoneColumns={['countyName', 'covered']}
        columns={[
          { title: pick(L.county), dataIndex: 'countyName', key: 'countyName' },
          ...kinds.map((k) => ({ title: pick(POINT_LABEL[k]!), dataIndex: k, render: (n: number) => fmtNumber(n) })),
          { title: pick(L.allInOne), dataIndex: 'allInOneWindows' },
          { title: pick(L.zones), dataIndex: 'enterpriseZones' },
          { title: pick(L.covered), dataIndex: 'covered', key: 'covered', render: (c: boolean) => pick(c ? L.yes : L.no) },
        ]}
      />
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {pick(L.assisted)}
        </Typography.Title>
        {can('services.manage') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('assistant')}>
            {pick(L.newAssistant)}
          </Button>
        )}
        {can('services.manage') && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={importCases}>
            <Button size="small" icon={<UploadOutlined />}>
              {pick(L.importAssisted)}
            </Button>
          </Upload>
        )}
      </Space>
      {monthly.data && monthly.data.total === 0 ? (
        <Typography.Text type="secondary">{pick(L.noAssisted)}</Typography.Text>
      ) : (
        <Table
          rowKey={(r) => `${r.month}|${r.assistantId}`}
          size="small"
          loading={!monthly.data}
          dataSource={monthly.data?.byAssistant}
          pagination={{ pageSize: 12, showSizeChanger: false }}
          columns={[
            { title: pick(L.month), dataIndex: 'month', width: 90 },
            { title: pick(L.assistant), dataIndex: 'assistantName' },
            { title: pick(L.cases), dataIndex: 'cases', width: 70 },
            {
              title: pick(L.rating),
              dataIndex: 'rating',
              width: 90,
              render: (n: number | null) => (n === null ? '—' : fill('{n} / 5', { n })),
            },
          ]}
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {pick(L.assistants)}
      </Typography.Title>
      {assistants.data && assistants.data.length === 0 ? (
        <Typography.Text type="secondary">{pick(L.noAssistants)}</Typography.Text>
      ) : (
        <ResponsiveTable<Assistant>
          rowKey="id"
          size="small"
          loading={!assistants.data}
          dataSource={assistants.data}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          phoneColumns={['name', 'ratingCode']}
          columns={[
            { title: pick(L.assistantName), dataIndex: 'name', key: 'name' },
            { title: pick(L.assistantUnit), dataIndex: 'unitName' },
            { title: pick(L.assistantPoint), dataIndex: 'pointName', render: (v: string | null | undefined) => v ?? '—' },
            {
              title: pick(L.ratingCode),
              dataIndex: 'ratingCode',
              key: 'ratingCode',
              render: (v: string | null, a) => (
                <Space wrap size={4}>
                  <span>{v ?? pick(L.noRatingCode)}</span>
                  {can('services.manage') && (
                    <Button size="small" aria-label={`${pick(L.setRatingCode)} ${a.name}`} onClick={() => setCodeOf(a)}>
                      {pick(L.setRatingCode)}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {pick(L.assistedCases)}
      </Typography.Title>
      {cases.data && cases.data.total === 0 ? (
        <Typography.Text type="secondary">{pick(L.noAssisted)}</Typography.Text>
      ) : (
        <ResponsiveTable<AssistedCase>
          rowKey="id"
          size="small"
          loading={!cases.data}
          dataSource={cases.data?.items}
          phoneColumns={['subject', 'receivedOn', 'rating']}
          pagination={{ current: casePage, pageSize: 10, total: cases.data?.total ?? 0, onChange: setCasePage, showSizeChanger: false }}
          columns={[
            { title: pick(L.receivedOn), dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
            {
              title: pick(L.subject),
              dataIndex: 'subject',
              key: 'subject',
              render: (text: string, c) => {
                // The guide of the linked service or package; a case whose text matched nothing stays plain text.
                const href = c.serviceCode
                  ? `/guide/services/${encodeURIComponent(c.serviceCode)}`
                  : c.packageCode
                    ? `/guide/packages/${encodeURIComponent(c.packageCode)}`
                    : undefined;
                return href ? (
                  <a href={href} target="_blank" rel="noreferrer">
                    {text}
                  </a>
                ) : (
                  text
                );
              },
            },
            { title: pick(L.assistant), dataIndex: 'assistantName' },
            { title: pick(L.applicant), dataIndex: 'applicant' },
            { title: pick(L.channel), dataIndex: 'channel', render: (v: string) => (CHANNEL_LABEL[v] ? pick(CHANNEL_LABEL[v]) : v) },
            {
              title: pick(L.caseRating),
              dataIndex: 'rating',
              key: 'rating',
              render: (n: number | null, c) =>
                n !== null ? (
                  `${fill('{n} / 5', { n })}${c.ratedVia === 'code' ? pick(L.viaCode) : ''}`
                ) : can('services.manage') ? (
                  <Button size="small" aria-label={`${pick(L.rate)} ${c.subject} ${c.applicant}`} onClick={() => setRating(c)}>
                    {pick(L.rate)}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
