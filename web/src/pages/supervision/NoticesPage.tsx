import { App, Button, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { NOTICE_KINDS, NOTICE_KIND_LABELS, type NoticeView } from '../../../../src/common/schemas/supervision.js';
import { $api, client } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { NOTICE_STATUS, supervisionLabels } from './labels.js';
import { SupervisionNav } from './SupervisionNav.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

const KIND_COLOR = { reminder: 'blue', notice: 'orange', bulletin: 'volcano', summons: 'red' } as const;

/** Reminders, 督办单, 通报 and 约谈 as fired; a unit answers its 督办单 here. */
export default function NoticesPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [kind, setKind] = useState<NoticeView['kind']>();
  const [page, setPage] = useState(1);
  const [replying, setReplying] = useState<NoticeView>();
  const [form] = Form.useForm<{ text: string }>();
  const itemId = new URLSearchParams(window.location.search).get('itemId') ?? undefined;
  const { data } = $api.useQuery('get', '/api/v1/supervision/notices', { params: { query: { kind, page, itemId } } });
  const canReply = can('supervision.notices.reply');
  const send = async () => {
    try {
      const { text } = await form.validateFields();
      await client.POST('/api/v1/supervision/notices/{id}/reply', { params: { path: { id: String(replying!.id) } }, body: { text } });
      message.success(pick(supervisionLabels.saved));
      setReplying(undefined);
      form.resetFields();
    } catch (err) {
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      report(err, form);
    }
  };
  return (
    <>
      <SupervisionNav
        extra={
          <Select
            allowClear
            aria-label={pick(supervisionLabels.kind)}
            placeholder={pick(supervisionLabels.kind)}
            style={{ minWidth: 160 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={NOTICE_KINDS.map((k) => ({ value: k, label: pick(NOTICE_KIND_LABELS[k]) }))}
          />
        }
      />
      <ResponsiveTable<NoticeView>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items}
        scroll={{ x: 900 }}
        pagination={{ current: page, total: data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: pick(supervisionLabels.kind),
            dataIndex: 'kind',
            width: 110,
            render: (k: NoticeView['kind'], n) => (
              <Tag color={KIND_COLOR[k]}>
                {pick(NOTICE_KIND_LABELS[k])}
                {n.number ? ` ${n.number}` : ''}
              </Tag>
            ),
          },
          {
            title: pick(supervisionLabels.item),
            key: 'item',
            render: (_: unknown, n) => (
              <Link to={`/worklists/items/${n.item.id}`}>
                {n.item.code}. {n.item.content}
              </Link>
            ),
          },
          { title: pick(supervisionLabels.unit), dataIndex: ['unit', 'name'], width: 200 },
          { title: pick(supervisionLabels.deadline), dataIndex: 'deadline', width: 110 },
          { title: pick(supervisionLabels.dueOn), dataIndex: 'dueOn', width: 110 },
          { title: pick(supervisionLabels.replyDue), dataIndex: 'replyDue', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: pick(supervisionLabels.status),
            key: 'status',
            width: 200,
            render: (_: unknown, n) =>
              n.status === 'awaiting_reply' && canReply ? (
                <Button size="small" type="primary" onClick={() => setReplying(n)}>
                  {pick(supervisionLabels.reply)}
                </Button>
              ) : (
                <span title={n.replyText ?? undefined}>{pick(NOTICE_STATUS[n.status])}</span>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(replying)}
        title={`${pick(supervisionLabels.reply)} ${replying?.number ?? ''}`}
        onOk={send}
        onCancel={() => setReplying(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={pick(supervisionLabels.replyText)} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
