import { App, Button, Card, Empty, Input, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api, type ApiResponse, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { FACTORS, GRADE_COLORS, GRADE_MEANING, SENTENCE_FACTORS, enforcementLabels as L } from './labels.js';

type Profile = ApiResponse<'/api/v1/enforcement/credit/mine'>;
type CreditRecord = Profile['records'][number];

/**
 * The enterprise's own page (its account is linked to its registry entry): its credit-risk grade
 * and how the score was reached, in sentences; its records; and credit repair on a record in effect.
 */
export default function MyCreditPage() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data } = $api.useQuery('get', '/api/v1/enforcement/credit/mine');
  const { data: repairs } = $api.useQuery('get', '/api/v1/enforcement/repairs');
  const [applying, setApplying] = useState<CreditRecord | null>(null);
  const [reason, setReason] = useState('');
  if (!data) return <Skeleton active />;

  const send = async () => {
    try {
      await ok(client.POST('/api/v1/enforcement/repairs', { body: { recordId: applying!.id, reason } }));
      message.success(pick(L.repairSent));
      setApplying(null);
      setReason('');
    } catch (err) {
      report(err);
    }
  };
  // The latest application per record says where the repair stands.
  const repairOf = new Map((repairs ?? []).map((r) => [r.recordId, r]));
  const sign = (p: number) => pick(p < 0 ? L.minus : L.plus);
  const parts = data.explanation.map((e) =>
    e.factor.startsWith('tax:')
      ? fill(pick(L.scoredTax), { taxGrade: e.factor.slice(4), sign: sign(e.points), points: Math.abs(e.points) })
      : SENTENCE_FACTORS.has(e.factor)
        ? fill(pick(L.scoredLine), { line: pick(e.line), sign: sign(e.points), points: Math.abs(e.points) })
        : fill(pick(L.scoredRecord), {
            factor: pick(FACTORS[e.factor] ?? { zh: e.factor, en: e.factor }),
            count: e.count,
            sign: sign(e.points),
            points: Math.abs(e.points),
          }),
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={data.name}>
        {data.grade ? (
          <>
            <Typography.Title level={4}>
              <Tag color={GRADE_COLORS[data.grade]} style={{ fontSize: 16 }}>
                {data.grade}
              </Tag>
              {data.gradeLabel ? pick(data.gradeLabel) : ''}
            </Typography.Title>
            <Typography.Paragraph>
              {fill(pick(L.myGrade), { grade: data.grade, label: data.gradeLabel ? pick(data.gradeLabel) : '', score: data.score ?? '' })}
            </Typography.Paragraph>
            <Typography.Paragraph>{GRADE_MEANING[data.grade] ? pick(GRADE_MEANING[data.grade]!) : ''}</Typography.Paragraph>
            <Typography.Paragraph>
              {fill(pick(L.howScored), { base: data.base })}
              {parts.length ? `${parts.join('；')}。` : pick(L.noDeductions)}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Paragraph>{pick(L.notGraded)}</Typography.Paragraph>
        )}
      </Card>
      <Card title={pick(L.myRecords)}>
        {data.records.length === 0 ? (
          <Empty description={pick(L.noRecords)} />
        ) : (
          <List
            dataSource={data.records}
            renderItem={(r) => {
              const repair = repairOf.get(r.id);
              return (
                <List.Item aria-label={r.summary}>
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{pick(FACTORS[r.kind] ?? { zh: r.kind, en: r.kind })}</Typography.Text>
                      <Typography.Text type="secondary">{r.occurredOn}</Typography.Text>
                    </Space>
                    <Typography.Text>{r.summary}</Typography.Text>
                    <Typography.Text type={r.inEffect ? 'warning' : 'success'}>
                      {r.inEffect ? pick(L.inEffect) : fill(pick(L.ended), { date: r.endedOn ?? '' })}
                    </Typography.Text>
                    {r.inEffect && repair?.status === 'pending' && <Tag color="processing">{pick(L.repairPending)}</Tag>}
                    {r.inEffect && repair?.status === 'rejected' && (
                      <Typography.Text type="danger">{fill(pick(L.repairRejected), { note: repair.reviewNote ?? '' })}</Typography.Text>
                    )}
                    {r.inEffect && repair?.status !== 'pending' && (
                      <Button onClick={() => setApplying(r)} style={{ alignSelf: 'flex-start' }}>
                        {pick(L.applyRepair)}
                      </Button>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Modal
        open={applying !== null}
        title={pick(L.applyRepair)}
        okText={pick(L.submit)}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={send}
        onCancel={() => setApplying(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{applying?.summary}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{pick(L.repairHint)}</Typography.Paragraph>
        <Input.TextArea rows={4} maxLength={500} value={reason} onChange={(ev) => setReason(ev.target.value)} aria-label={pick(L.reason)} />
      </Modal>
    </Space>
  );
}
