import { App, Badge, Button, Card, Col, Form, Input, List, Row, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../../src/common/schemas/notifications.js';
import { api } from '../../api.js';
import { announceUnread } from '../../components/NotificationBell.js';
import { useReportError } from '../../components/feedback.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { notificationLabels } from './labels.js';

const PAGE_SIZE = 20;
type Inbox = { items: NotificationView[]; total: number; unread: number };

/** The user's e-mail for notifications; an empty field means no e-mail. */
function ContactCard() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ email: string }>();
  const { data } = useLoad(useCallback(() => api.get<{ email: string | null }>('/notifications/contact'), []));
  useEffect(() => form.setFieldsValue({ email: data?.email ?? '' }), [data, form]);
  const save = async ({ email }: { email: string }) => {
    try {
      const saved = await api.put<{ email: string | null }>('/notifications/contact', { email: email?.trim() ? email.trim() : null });
      form.setFieldsValue({ email: saved.email ?? '' });
      message.success(pick(notificationLabels.saved));
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Card title={pick(notificationLabels.contact)} size="small">
      <Typography.Paragraph type="secondary">{pick(notificationLabels.contactHelp)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="email" label={pick(notificationLabels.email)} rules={[{ type: 'email' }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {pick({ zh: '保存', en: 'Save' })}
        </Button>
      </Form>
    </Card>
  );
}

/** 我的消息: reminders, supervision notices and other messages addressed to the user. */
export default function InboxPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const report = useReportError();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const { data, reload } = useLoad(useCallback(() => api.get<Inbox>('/notifications', { unread: onlyUnread ? 'true' : undefined, page, pageSize: PAGE_SIZE }), [onlyUnread, page]));
  useEffect(() => {
    if (data) announceUnread(data.unread);
  }, [data]);

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    try {
      const r = await api.post<{ updated: number; unread: number }>('/notifications/read', body);
      announceUnread(r.unread);
      reload();
    } catch (err) {
      report(err);
    }
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt) await markRead({ ids: [n.id] });
    if (n.link) navigate(n.link);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card
          size="small"
          title={<Space>{pick(notificationLabels.inbox)}<Badge count={data?.unread ?? 0} /></Space>}
          extra={
            <Space wrap>
              <Switch size="small" checked={onlyUnread} onChange={(v) => { setOnlyUnread(v); setPage(1); }} aria-label={pick(notificationLabels.onlyUnread)} />
              <span>{pick(notificationLabels.onlyUnread)}</span>
              <Button size="small" disabled={!data?.unread} onClick={() => markRead({ all: true })}>
                {pick(notificationLabels.markAllRead)}
              </Button>
            </Space>
          }
        >
          <List<NotificationView>
            loading={!data}
            dataSource={data?.items}
            locale={{ emptyText: pick(notificationLabels.empty) }}
            pagination={data && data.total > PAGE_SIZE ? { current: page, total: data.total, pageSize: PAGE_SIZE, onChange: setPage, size: 'small' } : false}
            renderItem={(n) => (
              <List.Item
                aria-label={n.title}
                actions={[
                  n.link && <Button key="open" type="link" size="small" onClick={() => open(n)}>{pick(notificationLabels.open)}</Button>,
                  !n.readAt && (
                    <Button key="read" size="small" onClick={() => markRead({ ids: [n.id] })}>
                      {pick(notificationLabels.markRead)}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      {!n.readAt && <Tag color="blue">{pick(notificationLabels.unread)}</Tag>}
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{n.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <ContactCard />
      </Col>
    </Row>
  );
}
