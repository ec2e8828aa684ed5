import { Button, Card, Descriptions, Empty, Form, Input, List, Modal, Skeleton, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { ResultView } from '../../../../src/common/schemas/policies.js';
import { $api, client } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { policyLabels, SIZE_LABELS, STATUS_COLORS, STATUS_LABELS, bi, fill, moneyText } from './labels.js';

/**
 * The enterprise's own page, in plain words: the benefits it qualifies for (to accept or decline
 * once told), those it nearly qualifies for by what it can improve, and its payouts.
 */
export default function PortalPage() {
  const { pick } = useI18n();
  const report = useReportError();
  const { data } = $api.useQuery('get', '/api/v1/policies/portal');
  const [declining, setDeclining] = useState<ResultView | null>(null);
  const act = async (r: ResultView, body: { action: 'confirm' } | { action: 'decline'; reason: string }) => {
    try {
      await client.POST('/api/v1/policies/results/{id}/actions', {
        params: { path: { id: String(r.id) } },
        body: { ...body, version: r.version },
      });
      message.success(pick(STATUS_LABELS[body.action === 'confirm' ? 'confirmed' : 'declined']));
      setDeclining(null);
    } catch (err) {
      report(err);
    }
  };
  if (!data) return <Skeleton active />;
  const e = data.enterprise;
  const sub = (r: ResultView) => [r.benefit.policyTitle, r.benefit.departmentName].filter(Boolean).join(' · ');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={e.name}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={pick(policyLabels.uscc)}>{e.uscc}</Descriptions.Item>
          <Descriptions.Item label={pick(policyLabels.county)}>{e.countyName}</Descriptions.Item>
          <Descriptions.Item label={pick(policyLabels.industry)}>{e.industryName}</Descriptions.Item>
          <Descriptions.Item label={pick(policyLabels.size)}>
            {e.sizeClass ? pick(SIZE_LABELS[e.sizeClass] ?? bi(e.sizeClass)) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={pick(policyLabels.taxGrade)}>{e.taxGrade}</Descriptions.Item>
          <Descriptions.Item label={pick(policyLabels.qualificationsHeld)}>
            {e.qualifications.map((q) => (
              <Tag key={q.kind}>{q.kind}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={pick(policyLabels.myBenefits)}>
        {data.qualifies.length ? (
          <List
            dataSource={data.qualifies}
            renderItem={(r) => (
              <List.Item aria-label={r.benefit.name}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{r.benefit.name}</Typography.Text>
                    <Tag color={STATUS_COLORS[r.status]}>{pick(STATUS_LABELS[r.status])}</Tag>
                    {r.amount !== null && (
                      <Typography.Text>{fill(pick(policyLabels.expectedAmount), { amount: pick(moneyText(r.amount)) })}</Typography.Text>
                    )}
                  </Space>
                  <Typography.Text type="secondary">{sub(r)}</Typography.Text>
                  <Typography.Text type="success">{pick(r.summary)}</Typography.Text>
                  {r.status === 'declined' && r.declineReason && (
                    <Typography.Text type="secondary">{fill(pick(policyLabels.reasonIs), { reason: r.declineReason })}</Typography.Text>
                  )}
                  {r.status === 'notified' && (
                    <Space wrap>
                      <Button
                        type="primary"
                        onClick={() => act(r, { action: 'confirm' })}
                        aria-label={`${pick(policyLabels.confirmBenefit)} ${r.benefit.name}`}
                      >
                        {pick(policyLabels.confirmBenefit)}
                      </Button>
                      <Button onClick={() => setDeclining(r)} aria-label={`${pick(policyLabels.declineBenefit)} ${r.benefit.name}`}>
                        {pick(policyLabels.declineBenefit)}
                      </Button>
                    </Space>
                  )}
                  {r.status === 'confirmed' && (
                    <Button size="small" onClick={() => setDeclining(r)}>
                      {pick(policyLabels.declineBenefit)}
                    </Button>
                  )}
                  {r.status === 'matched' && <Typography.Text type="secondary">{pick(policyLabels.waitingOffice)}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={pick(policyLabels.none)} />
        )}
      </Card>
      <Card title={pick(policyLabels.nearly)}>
        {data.nearly.length ? (
          <>
            <Typography.Paragraph type="secondary">{pick(policyLabels.nearlyHelp)}</Typography.Paragraph>
            <List
              dataSource={data.nearly}
              renderItem={(r) => (
                <List.Item aria-label={r.benefit.name}>
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Typography.Text strong>{r.benefit.name}</Typography.Text>
                    <Typography.Text type="secondary">{sub(r)}</Typography.Text>
                    {r.failing.map((f, k) => (
                      <Typography.Text key={k} type="warning">
                        {pick(policyLabels.missing)}
                        {pick(f.sentence ?? bi(f.text))}
                        {f.actual !== undefined && fill(pick(policyLabels.yourValue), { v: pick(bi(f.actual)) })}
                      </Typography.Text>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </>
        ) : (
          <Empty description={pick(policyLabels.none)} />
        )}
      </Card>
      <Card title={pick(policyLabels.payouts)}>
        {data.payouts.length ? (
          <List
            dataSource={data.payouts}
            renderItem={(r) => (
              <List.Item>
                {fill(pick(policyLabels.paidRecord), { name: r.benefit.name, amount: pick(moneyText(r.paidAmount)), date: r.paidOn ?? '' })}
              </List.Item>
            )}
          />
        ) : (
          <Empty description={pick(policyLabels.noPayouts)} />
        )}
      </Card>
      <Modal
        open={!!declining}
        title={`${pick(policyLabels.declineBenefit)}：${declining?.benefit.name ?? ''}`}
        onCancel={() => setDeclining(null)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{pick(policyLabels.declineAsk)}</Typography.Paragraph>
        <Form layout="vertical" onFinish={(v: { reason: string }) => declining && act(declining, { action: 'decline', reason: v.reason })}>
          <Form.Item
            name="reason"
            label={pick(policyLabels.reason)}
            rules={[{ required: true, whitespace: true, message: pick(policyLabels.declineAsk) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {pick(policyLabels.ok)}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
