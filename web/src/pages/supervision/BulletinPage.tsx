import { App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { Commentary } from '../../../../src/common/schemas/supervision.js';
import { $api, type ApiResponse, apiUrl, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { supervisionLabels } from './labels.js';
import { BulletinSections } from './BulletinSections.js';
import { SupervisionNav } from './SupervisionNav.js';

type BulletinView = ApiResponse<'/api/v1/supervision/bulletins/{id}'>;

const SECTIONS = ['basicSituation', 'progressByArea', 'problems', 'nextSteps'] as const;

/** One bulletin: its figures, the commentary the office edits, publishing and the downloads. */
export default function BulletinPage() {
  const id = useParams().id ?? '';
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ title: string } & Commentary>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const bulletinQuery = $api.queryOptions('get', '/api/v1/supervision/bulletins/{id}', { params: { path: { id } } });
  const { data: bulletin } = useQuery(bulletinQuery);
  // The answer of a save or publish is the bulletin as it now is: shown at once.
  const setBulletin = (b: BulletinView) => String(b.id) === id && queryClient.setQueryData(bulletinQuery.queryKey, b);
  useEffect(() => {
    if (bulletin) form.setFieldsValue({ title: bulletin.title, ...bulletin.commentary });
  }, [bulletin, form]);
  if (!bulletin) return <Card loading />;
  const editable = bulletin.status === 'draft' && can('supervision.manage');
  const act = async (fn: () => Promise<BulletinView>, done?: string) => {
    setBusy(true);
    try {
      setBulletin(await fn());
      if (done) message.success(done);
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const v = await form.validateFields();
      const { title, ...commentary } = v;
      const body = { version: bulletin.version, title, commentary };
      return ok(client.PATCH('/api/v1/supervision/bulletins/{id}', { params: { path: { id } }, body }));
    }, pick(supervisionLabels.saved));
  const t = bulletin.data.totals;
  return (
    <>
      <SupervisionNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {bulletin.title}
          </Typography.Title>
          <Tag color={bulletin.status === 'published' ? 'green' : 'orange'}>
            {pick(bulletin.status === 'published' ? supervisionLabels.published : supervisionLabels.draftStatus)}
          </Tag>
        </Space>
        <Space wrap>
          <Button href={apiUrl('/api/v1/supervision/bulletins/{id}/document.docx', { path: { id } })} download>
            {pick(supervisionLabels.downloadDocx)}
          </Button>
          <Button href={apiUrl('/api/v1/supervision/bulletins/{id}/document.pdf', { path: { id } })} download>
            {pick(supervisionLabels.downloadPdf)}
          </Button>
          {editable && (
            <>
              <Button
                onClick={() => act(() => ok(client.POST('/api/v1/supervision/bulletins', { body: { month: bulletin.month } })))}
                loading={busy}
              >
                {pick(supervisionLabels.refresh)}
              </Button>
              <Popconfirm
                title={pick(supervisionLabels.publishConfirm)}
                onConfirm={() =>
                  act(() =>
                    ok(
                      client.POST('/api/v1/supervision/bulletins/{id}/publish', {
                        params: { path: { id } },
                        body: { version: bulletin.version },
                      }),
                    ),
                  )
                }
              >
                <Button type="primary" danger loading={busy}>
                  {pick(supervisionLabels.publish)}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
        <Row gutter={[12, 12]}>
          {[
            [supervisionLabels.totalItems, t.items],
            [supervisionLabels.closed, t.closed],
            [supervisionLabels.inProgress, t.inProgress],
            [supervisionLabels.overdue, t.overdue],
          ].map(([label, value]) => (
            <Col xs={12} md={6} key={pick(label as typeof supervisionLabels.closed)}>
              <Card size="small">
                <Statistic title={pick(label as typeof supervisionLabels.closed)} value={value as number} />
              </Card>
            </Col>
          ))}
        </Row>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={pick(supervisionLabels.month)}>{bulletin.month}</Descriptions.Item>
          <Descriptions.Item label="文号">{bulletin.docNumber}</Descriptions.Item>
          <Descriptions.Item label={pick(supervisionLabels.published)}>
            {bulletin.publishedAt ? `${bulletin.publishedAt.slice(0, 10)} ${bulletin.publishedBy ?? ''}` : '—'}
          </Descriptions.Item>
        </Descriptions>
        <BulletinSections sections={bulletin.data.sections} />
        <Card size="small">
          <Form form={form} layout="vertical" disabled={!editable}>
            <Form.Item name="title" label={pick(supervisionLabels.title)} rules={[{ required: true }]}>
              <Input maxLength={120} />
            </Form.Item>
            {SECTIONS.map((s) => (
              <Form.Item key={s} name={s} label={pick(supervisionLabels[s])}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} />
              </Form.Item>
            ))}
            {editable && (
              <Button type="primary" onClick={save} loading={busy}>
                {pick(supervisionLabels.save)}
              </Button>
            )}
          </Form>
        </Card>
      </Space>
    </>
  );
}
