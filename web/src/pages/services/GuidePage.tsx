import { Alert, Card, Descriptions, List, Result, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { $api } from '../../api/client.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { fill, fmtNumber } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import type { ApiResponse } from '../../api/client.js';
import { FLAG_LABEL, servicesLabels as L } from './labels.js';

type ServiceGuide = ApiResponse<'/api/v1/services/public/guide/services/{code}'>;
type PackageGuide = ApiResponse<'/api/v1/services/public/guide/packages/{code}'>;

/** 办事指南: what to bring, how long, what it costs, where and online — for the public, no login, readable on a phone. */
export default function GuidePage() {
  const { pick } = useI18n();
  const { kind, code } = useParams();
  const params = { params: { path: { code: code ?? '' } } };
  const ofPackage = kind === 'packages';
  const service = $api.useQuery('get', '/api/v1/services/public/guide/services/{code}', params, {
    enabled: !ofPackage,
    retry: false,
    meta: { silent: true },
  });
  const pkg = $api.useQuery('get', '/api/v1/services/public/guide/packages/{code}', params, {
    enabled: ofPackage,
    retry: false,
    meta: { silent: true },
  });
  const { data: found, isLoading: loading } = ofPackage ? pkg : service;
  const data = found as
    | (Partial<ServiceGuide> &
        Partial<PackageGuide> & {
          name: string;
          code: string;
          promisedDays: number;
          materials: ServiceGuide['materials'];
          place: string | null;
          onlineUrl: string | null;
        })
    | undefined;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{pick(L.guide)}</Typography.Text>
        <LangSwitch />
      </Space>
      {!loading && !data && <Result status="404" title={pick(L.notFound)} />}
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          {data.inForce === false && <Alert type="warning" showIcon message={pick(L.noLongerInForce)} />}
          <Card size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={pick(L.departments)}>
                {data.departments ? data.departments.join('、') : data.unitName}
              </Descriptions.Item>
              <Descriptions.Item label={pick(L.promisedDays)}>
                {fill(pick(L.workdays), { n: fmtNumber(data.promisedDays, 2) })}
              </Descriptions.Item>
              {data.legalDays !== undefined && (
                <Descriptions.Item label={pick(L.legalDays)}>{fill(pick(L.workdays), { n: data.legalDays })}</Descriptions.Item>
              )}
              {data.before && data.after && (
                <Descriptions.Item label={pick(L.beforeAfter)}>
                  {pick(L.steps)} {data.before.steps} → {data.after.steps}
                  {pick(L.sep)}
                  {pick(L.materials)} {data.before.materials} → {data.after.materials}
                  {pick(L.sep)}
                  {pick(L.visits)} {data.before.visits} → {data.after.visits}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={pick(L.fee)}>
                {data.feeFen ? fill(pick(L.yuan), { n: fmtNumber(data.feeFen / 100, 2) }) : pick(L.free)}
              </Descriptions.Item>
              <Descriptions.Item label={pick(L.where)}>{data.place ?? '—'}</Descriptions.Item>
              {data.onlineUrl && (
                <Descriptions.Item label={pick(L.online)}>
                  <a href={data.onlineUrl} target="_blank" rel="noreferrer">
                    {data.onlineUrl}
                  </a>
                </Descriptions.Item>
              )}
            </Descriptions>
            {data.flags && data.flags.length > 0 && (
              <Space wrap style={{ marginTop: 8 }}>
                {data.flags.map((f) => (
                  <Tag key={f} color="blue">
                    {pick(FLAG_LABEL[f]!)}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={pick(L.materials)}>
            <List
              size="small"
              dataSource={data.materials}
              renderItem={(m) => (
                <List.Item>
                  <Space wrap>
                    {m.name}
                    {m.shared && <Tag color="green">{pick(L.shared)}</Tag>}
                    {m.exempt && <Tag>{pick(L.exempt)}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {data.formFields && data.formFields.length > 0 && (
            <Card size="small" title={pick(L.formFields)}>
              <Typography.Text>{data.formFields.join('、')}</Typography.Text>
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
