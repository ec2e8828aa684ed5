import { App, Badge, Button, Card, Checkbox, Col, Form, Input, List, Radio, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type DeliveryMode,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
} from '../../../../src/common/schemas/notifications.js';
import { $api, type ApiBody, type ApiResponse, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { notificationLabels } from './labels.js';

const PAGE_SIZE = 20;
type NotificationView = ApiResponse<'/api/v1/notifications'>['items'][number];
type MarkRead = ApiBody<'/api/v1/notifications/read'>;

/** Kinds that need the reader to act stand out; the others are plain. */
const KIND_COLORS: Partial<Record<NotificationKind, string>> = {
  instruction: 'red',
  escalation: 'volcano',
  overdue: 'orange',
  returned: 'gold',
  awaiting_approval: 'blue',
  awaiting_review: 'blue',
  assigned: 'cyan',
  accepted: 'green',
  granted: 'green',
};

/** The user's e-mail for notifications (empty = no e-mail) and whether routine ones come daily or at once. */
function ContactCard() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ email: string; delivery: DeliveryMode }>();
  const { data } = $api.useQuery('get', '/api/v1/notifications/contact');
  useEffect(() => form.setFieldsValue({ email: data?.email ?? '', delivery: data?.delivery ?? 'digest' }), [data, form]);
  const save = async ({ email, delivery }: { email: string; delivery: DeliveryMode }) => {
    try {
      const saved = await ok(
        client.PUT('/api/v1/notifications/contact', { body: { email: email?.trim() ? email.trim() : null, delivery } }),
      );
      form.setFieldsValue({ email: saved.email ?? '', delivery: saved.delivery });
      message.success(pick(notificationLabels.saved));
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Card title={pick(notificationLabels.contact)} size="small">
      <Typography.Paragraph type="secondary">{pick(notificationLabels.contactHelp)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ delivery: 'digest' }}>
        <Form.Item name="email" label={pick(notificationLabels.email)} rules={[{ type: 'email' }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item name="delivery" label={pick(notificationLabels.delivery)} extra={pick(notificationLabels.deliveryHelp)}>
          <Radio.Group>
            <Space direction="vertical" size={4}>
              <Radio value="digest">{pick(notificationLabels.deliveryDigest)}</Radio>
              <Radio value="immediate">{pick(notificationLabels.deliveryImmediate)}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {pick({ zh: '保存', en: 'Save' })}
        </Button>
      </Form>
    </Card>
  );
}

/** 我的消息: assignments, reports to approve, returns, instructions, supervision notices — filtered by kind, read in bulk. */
export default function InboxPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const report = useReportError();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [kind, setKind] = useState<NotificationKind | undefined>();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const query = { unread: onlyUnread ? ('true' as const) : undefined, kind, page, pageSize: PAGE_SIZE };
  const { data } = $api.useQuery('get', '/api/v1/notifications', { params: { query } });
  // A selection belongs to the page it was made on.
  const turnTo = (next: { onlyUnread?: boolean; kind?: NotificationKind | undefined; page?: number }) => {
    if ('onlyUnread' in next) setOnlyUnread(next.onlyUnread!);
    if ('kind' in next) setKind(next.kind);
    setPage(next.page ?? 1);
    setSelected([]);
  };

  const markRead = async (body: MarkRead) => {
    try {
      // The list and the bell load afresh after the write (api/client.ts).
      await client.POST('/api/v1/notifications/read', { body });
      setSelected([]);
    } catch (err) {
      report(err);
    }
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt) await markRead({ ids: [n.id] });
    if (n.link) navigate(n.link);
  };

  const unreadHere = kind ? (data?.unreadByKind[kind] ?? 0) : (data?.unread ?? 0);
  const unreadOnPage = (data?.items ?? []).filter((n) => !n.readAt).map((n) => n.id);
  const kindOptions = [
    { value: '', label: pick(notificationLabels.allKinds) },
    ...NOTIFICATION_KINDS.map((k) => {
      const n = data?.unreadByKind[k];
      return { value: k, label: n ? `${pick(NOTIFICATION_KIND_LABELS[k])}（${n}）` : pick(NOTIFICATION_KIND_LABELS[k]) };
    }),
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card
          size="small"
          title={
            <Space>
              {pick(notificationLabels.inbox)}
              <Badge count={data?.unread ?? 0} overflowCount={999} />
            </Space>
          }
        >
          <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
            <Select<string>
              aria-label={pick(notificationLabels.kind)}
              value={kind ?? ''}
              options={kindOptions}
              style={{ minWidth: 160 }}
              onChange={(v) => turnTo({ kind: v ? (v as NotificationKind) : undefined })}
            />
            <Space size={6}>
              <Switch
                size="small"
                checked={onlyUnread}
                onChange={(v) => turnTo({ onlyUnread: v })}
                aria-label={pick(notificationLabels.onlyUnread)}
              />
              <span>{pick(notificationLabels.onlyUnread)}</span>
            </Space>
          </Space>
          <Space wrap style={{ display: 'flex', marginBottom: 8 }}>
            <Checkbox
              checked={unreadOnPage.length > 0 && unreadOnPage.every((id) => selected.includes(id))}
              indeterminate={selected.length > 0 && !unreadOnPage.every((id) => selected.includes(id))}
              disabled={!unreadOnPage.length}
              onChange={(e) => setSelected(e.target.checked ? unreadOnPage : [])}
            >
              {pick(notificationLabels.selectPage)}
            </Checkbox>
            <Button size="small" disabled={!selected.length} onClick={() => markRead({ ids: selected })}>
              {pick(notificationLabels.markSelectedRead).replace('{n}', String(selected.length))}
            </Button>
            <Button size="small" disabled={!unreadHere} onClick={() => markRead(kind ? { all: true, kind } : { all: true })}>
              {pick(kind ? notificationLabels.markKindRead : notificationLabels.markAllRead)}
            </Button>
          </Space>
          <List<NotificationView>
            loading={!data}
            dataSource={data?.items}
            locale={{ emptyText: pick(notificationLabels.empty) }}
            pagination={
              data && data.total > PAGE_SIZE
                ? { current: page, total: data.total, pageSize: PAGE_SIZE, onChange: (p) => turnTo({ page: p }), size: 'small' }
                : false
            }
            renderItem={(n) => (
              <List.Item
                aria-label={n.title}
                actions={[
                  n.link && (
                    <Button key="open" type="link" size="small" onClick={() => open(n)}>
                      {pick(notificationLabels.open)}
                    </Button>
                  ),
                  !n.readAt && (
                    <Button key="read" size="small" onClick={() => markRead({ ids: [n.id] })}>
                      {pick(notificationLabels.markRead)}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  avatar={
                    // Read messages keep a disabled box so that every row lines up.
                    <Checkbox
                      aria-label={`${pick(notificationLabels.select)} ${n.title}`}
                      disabled={Boolean(n.readAt)}
                      checked={selected.includes(n.id)}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, n.id] : s.filter((id) => id !== n.id)))}
                    />
                  }
                  title={
                    <Space size={6} wrap>
                      {!n.readAt && <Tag color="blue">{pick(notificationLabels.unread)}</Tag>}
                      <Tag color={KIND_COLORS[n.kind]}>{pick(NOTIFICATION_KIND_LABELS[n.kind])}</Tag>
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{n.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
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
