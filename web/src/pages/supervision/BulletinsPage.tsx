import { Button, Card, DatePicker, Form, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BulletinSummary } from '../../../../src/common/schemas/supervision.js';
import { $api, apiUrl, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';
import { SupervisionNav } from './SupervisionNav.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

/** 月通报: the bulletins by month; the office drafts a month here. */
export default function BulletinsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const report = useReportError();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/supervision/bulletins');
  const manage = can('supervision.manage');
  const draft = async () => {
    if (!month) return;
    setBusy(true);
    try {
      const b = await ok(client.POST('/api/v1/supervision/bulletins', { body: { month: month.format('YYYY-MM') } }));
      navigate(`/supervision/bulletins/${b.id}`);
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <SupervisionNav />
      {manage && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form layout="inline">
            <Form.Item label={pick(supervisionLabels.month)}>
              <DatePicker picker="month" value={month} onChange={setMonth} aria-label={pick(supervisionLabels.month)} />
            </Form.Item>
            <Button type="primary" onClick={draft} loading={busy} disabled={!month}>
              {pick(supervisionLabels.draft)}
            </Button>
          </Form>
        </Card>
      )}
      <ResponsiveTable<BulletinSummary>
        phoneColumns={['title', 'status']}
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data}
        scroll={{ x: 600 }}
        columns={[
          { title: pick(supervisionLabels.month), dataIndex: 'month', width: 100 },
          {
            title: pick(supervisionLabels.title),
            dataIndex: 'title',
            render: (t: string, b) => <Link to={`/supervision/bulletins/${b.id}`}>{t}</Link>,
          },
          {
            title: pick(supervisionLabels.status),
            dataIndex: 'status',
            width: 100,
            render: (s: string) => (
              <Tag color={s === 'published' ? 'green' : 'orange'}>
                {pick(s === 'published' ? supervisionLabels.published : supervisionLabels.draftStatus)}
              </Tag>
            ),
          },
          {
            title: '',
            key: 'download',
            width: 200,
            render: (_: unknown, b) => (
              <Space>
                <a href={apiUrl('/api/v1/supervision/bulletins/{id}/document.docx', { path: { id: b.id } })} download>
                  Word
                </a>
                <a href={apiUrl('/api/v1/supervision/bulletins/{id}/document.pdf', { path: { id: b.id } })} download>
                  PDF
                </a>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
