import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { financeLabels as L, yuanText } from './labels.js';
import { isoDay, today } from './parts.js';

/** One matchmaking event: who was invited, the needs presented, the follow-ups and the 30/90/180-day results. */
export function EventDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const { data: e } = $api.useQuery('get', '/api/v1/finance/events/{id}', { params: { path: { id: String(id) } } });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const enterpriseName = new Map((e?.enterprises ?? []).map((x) => [x.id, x.name]));
  const needLabel = (n: { enterpriseId: number; purpose: string; amountFen: number }) =>
    `${enterpriseName.get(n.enterpriseId) ?? ''} · ${n.purpose} · ${yuanText(n.amountFen, lang)}`;
  const needOf = new Map((e?.needs ?? []).map((n) => [n.id, needLabel(n)]));
  const markDone = async (followupId: number) => {
    await ok(
      client.POST('/api/v1/finance/events/{id}/followups/{followupId}/done', {
        params: { path: { id: String(id), followupId: String(followupId) } },
        body: { doneOn: isoDay(today()) },
      }),
    );
    message.success(pick(L.saved));
  };
  const names = (xs: { id: number; name: string }[]) => (xs.length ? xs.map((x) => <Tag key={x.id}>{x.name}</Tag>) : pick(L.none));
  return (
    <Drawer
      open
      title={e ? `${pick(L.eventDetail)}：${e.title}` : pick(L.eventDetail)}
      onClose={onClose}
      width="min(720px, 100vw)"
      loading={!e}
    >
      {e && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={pick(L.heldOn)}>{e.heldOn}</Descriptions.Item>
            <Descriptions.Item label={pick(L.place)}>{e.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={pick(L.invitedBanks)}>{names(e.banks)}</Descriptions.Item>
            <Descriptions.Item label={pick(L.enterprises)}>{names(e.enterprises)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{pick(L.needsPresented)}</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={e.needs}
              locale={{ emptyText: pick(L.none) }}
              renderItem={(n) => <List.Item>{needLabel(n)}</List.Item>}
            />
          </div>
          <div>
            <Typography.Title level={5}>{pick(L.results)}</Typography.Title>
            <Descriptions column={1} size="small" bordered>
              {e.results.map((r) => (
                <Descriptions.Item key={r.days} label={fill(pick(L.within), { days: r.days })}>
                  {`${pick(L.offers)} ${r.offers} · ${pick(L.granted)} ${yuanText(r.grantedFen, lang)} · ` +
                    `${pick(L.landed)} ${yuanText(r.landedFen, lang)}`}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
          <div>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5}>{pick(L.followups)}</Typography.Title>
              {can('finance.manage') && <Button onClick={() => setAdding(true)}>{pick(L.addFollowup)}</Button>}
            </Space>
            <List
              size="small"
              bordered
              dataSource={e.followups}
              locale={{ emptyText: pick(L.none) }}
              renderItem={(f) => (
                <List.Item
                  actions={
                    can('finance.manage') && !f.doneOn
                      ? [
                          <Button
                            key="done"
                            size="small"
                            type="link"
                            aria-label={`${pick(L.markDone)}：${f.text}`}
                            onClick={() => void markDone(f.id)}
                          >
                            {pick(L.markDone)}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Space direction="vertical" size={0}>
                    <span>{f.text}</span>
                    <Typography.Text type="secondary">
                      {[
                        f.needId ? `${pick(L.relatedNeed)}：${needOf.get(f.needId) ?? ''}` : null,
                        f.dueOn ? `${pick(L.dueOn)}：${f.dueOn}` : null,
                        f.doneOn ? `${pick(L.doneOn)}：${f.doneOn}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
      {e && adding && (
        <FormModal
          title={pick(L.addFollowup)}
          form={form}
          onSubmit={async (v: { text: string; needId?: number; dueOn?: Dayjs }) => {
            await ok(
              client.POST('/api/v1/finance/events/{id}/followups', {
                params: { path: { id: String(id) } },
                body: { text: v.text, needId: v.needId ?? null, dueOn: v.dueOn ? isoDay(v.dueOn) : null },
              }),
            );
            message.success(pick(L.saved));
            setAdding(false);
            form.resetFields();
          }}
          onCancel={() => setAdding(false)}
        >
          <Form.Item name="text" label={pick(L.followupText)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="needId" label={pick(L.relatedNeed)}>
            <Select allowClear aria-label={pick(L.relatedNeed)} options={e.needs.map((n) => ({ value: n.id, label: needLabel(n) }))} />
          </Form.Item>
          <Form.Item name="dueOn" label={pick(L.dueOn)}>
            <DatePicker style={{ width: '100%' }} aria-label={pick(L.dueOn)} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}
