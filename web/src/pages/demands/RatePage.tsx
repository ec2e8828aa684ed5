import { Alert, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { RATING_LABELS, demandLabels } from './labels.js';
import { PublicShell } from './PublicShell.js';

/**
 * 好差评 without login: the enterprise enters the one-time code from its text message and rates; a
 * window's or specialist's posted code arrives as `?point=CODE` and rates that in-person service.
 */
export default function RatePage() {
  const { pick } = useI18n();
  const report = useReportError();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string; level: number; comment?: string }>();
  const [done, setDone] = useState<{ reopened: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const point = params.get('point');
  const submit = async (v: { code: string; level: number; comment?: string }) => {
    setBusy(true);
    try {
      const comment = v.comment?.trim() ? { comment: v.comment.trim() } : {};
      const r = await ok(
        point
          ? client.POST('/api/v1/demands/public/rating-codes/{code}/ratings', {
              params: { path: { code: v.code.trim() } },
              body: { level: v.level, ...comment },
            })
          : client.POST('/api/v1/demands/public/rate', { body: { code: v.code.trim(), level: v.level, ...comment } }),
      );
      setDone({ reopened: r.reopened });
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PublicShell title={pick(demandLabels.rateTitle)}>
      <Card size="small" style={{ maxWidth: 560 }}>
        {done ? (
          <Space direction="vertical">
            <Alert
              type="success"
              showIcon
              message={pick(demandLabels.thanks)}
              description={done.reopened ? pick(demandLabels.reopenedNote) : undefined}
            />
            <Link to="/public/board">{pick(demandLabels.toBoard)}</Link>
          </Space>
        ) : (
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ code: point ?? params.get('code') ?? '' }}>
            <Alert type="info" message={pick(demandLabels.rateHelp)} style={{ marginBottom: 16 }} />
            <Form.Item name="code" label={pick(demandLabels.rateCode)} rules={[{ required: true, min: 4 }]}>
              <Input maxLength={40} autoComplete="one-time-code" />
            </Form.Item>
            <Form.Item name="level" label={pick(demandLabels.rating)} rules={[{ required: true }]}>
              <Radio.Group>
                <Space direction="vertical">
                  {[5, 4, 3, 2, 1].map((l) => (
                    <Radio key={l} value={l}>
                      {pick(RATING_LABELS[l]!)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={pick({ zh: '意见（可选）', en: 'Comment (optional)' })}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {pick(demandLabels.submit)}
            </Button>
          </Form>
        )}
      </Card>
    </PublicShell>
  );
}
