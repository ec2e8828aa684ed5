import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type DemandFinding, type DemandStatus, DEMAND_FINDINGS, RESPONDENT_TYPES } from '../../../../src/common/schemas/demands.js';
import { $api, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { useReportError } from '../../components/feedback.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import {
  CHANNEL_LABELS,
  EVENT_LABELS,
  FINDING_COLORS,
  FINDING_LABELS,
  RATING_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  TYPE_LABELS,
  chinaTime,
  demandLabels,
} from './labels.js';
import { Attachments } from './Attachments.js';
import { Timer } from './Timer.js';

type Dialog = 'sendBack' | 'answer' | 'extension' | 'dispatch' | 'followUp' | 'respondent' | null;
const OPEN: DemandStatus[] = ['received', 'dispatched', 'sent_back', 'in_progress'];

/** One ticket: its facts, timers, history and the actions the user's role may take at this step. */
export default function DemandPage() {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { can, state } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const units = useUnits();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [ratingCode, setRatingCode] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const { data: t } = $api.useQuery('get', '/api/v1/demands/{id}', { params: { path: { id } } });
  if (!t) return null;

  const myUnit = state.status === 'authenticated' && t.unitId !== null && state.user.unitId === t.unitId;
  const unitActs = can('demands.handle') && myUnit;
  const office = can('demands.dispatch');
  const path = { id };
  type Result = { ratingCode: string | null };
  const act = async (call: Promise<{ data?: Result }>) => {
    const result = await ok(call);
    if (result.ratingCode) setRatingCode(result.ratingCode);
    message.success(pick({ zh: '已完成', en: 'Done' }));
    setDialog(null);
  };
  const run = (call: () => Promise<{ data?: Result }>) => async () => {
    try {
      await act(call());
    } catch (err) {
      report(err);
    }
  };
  const version = t.version;
  const againstEnterprise = RESPONDENT_TYPES.includes(t.type);

  const buttons = [
    unitActs && t.status === 'dispatched' && (
      <Button
        key="sign"
        type="primary"
        onClick={run(() => client.POST('/api/v1/demands/{id}/sign-for', { params: { path }, body: { version } }))}
      >
        {pick(demandLabels.signFor)}
      </Button>
    ),
    unitActs && t.status === 'in_progress' && (
      <Button key="answer" type="primary" onClick={() => setDialog('answer')}>
        {pick(demandLabels.doAnswer)}
      </Button>
    ),
    unitActs && (t.status === 'dispatched' || t.status === 'in_progress') && (
      <Button key="back" onClick={() => setDialog('sendBack')}>
        {pick(demandLabels.sendBack)}
      </Button>
    ),
    unitActs && againstEnterprise && (t.status === 'dispatched' || t.status === 'in_progress') && (
      <Button key="respondent" onClick={() => setDialog('respondent')}>
        {pick(demandLabels.setRespondent)}
      </Button>
    ),
    unitActs && (t.status === 'dispatched' || t.status === 'in_progress') && !t.pendingExtension && (
      <Button key="ext" onClick={() => setDialog('extension')}>
        {pick(demandLabels.extension)}
      </Button>
    ),
    office && OPEN.includes(t.status) && (
      <Button key="dispatch" onClick={() => setDialog('dispatch')}>
        {pick(demandLabels.dispatch)}
      </Button>
    ),
    office && t.status === 'sent_back' && (
      <Button
        key="keep"
        onClick={run(() => client.POST('/api/v1/demands/{id}/send-back-decision', { params: { path }, body: { version } }))}
      >
        {pick(demandLabels.keepUnit)}
      </Button>
    ),
    office && t.pendingExtension && (
      <Button
        key="approve"
        onClick={run(() => client.POST('/api/v1/demands/{id}/extension-decision', { params: { path }, body: { version, approve: true } }))}
      >
        {pick(demandLabels.approve)}
      </Button>
    ),
    office && t.pendingExtension && (
      <Button
        key="deny"
        onClick={run(() => client.POST('/api/v1/demands/{id}/extension-decision', { params: { path }, body: { version, approve: false } }))}
      >
        {pick(demandLabels.deny)}
      </Button>
    ),
    office && t.status === 'answered' && (
      <Button key="follow" type="primary" onClick={() => setDialog('followUp')}>
        {pick(demandLabels.followUp)}
      </Button>
    ),
    office && t.status === 'answered' && (
      <Button key="close" onClick={run(() => client.POST('/api/v1/demands/{id}/close', { params: { path }, body: { version } }))}>
        {pick(demandLabels.close)}
      </Button>
    ),
  ].filter(Boolean);

  const reveal = async () => {
    try {
      setPhone((await ok(client.POST('/api/v1/demands/{id}/phone', { params: { path } }))).contactPhone);
    } catch (err) {
      report(err);
    }
  };

  const submitDialog = async (v: Record<string, unknown>) => {
    if (dialog === 'answer')
      await act(
        client.POST('/api/v1/demands/{id}/answer', {
          params: { path },
          body: { version, answer: String(v.text), ...(v.finding ? { finding: v.finding as DemandFinding } : {}) },
        }),
      );
    if (dialog === 'respondent')
      await act(
        client.POST('/api/v1/demands/{id}/respondent', {
          params: { path },
          body: { version, uscc: v.uscc ? String(v.uscc) : null, ...(v.name ? { name: String(v.name) } : {}) },
        }),
      );
    if (dialog === 'sendBack')
      await act(client.POST('/api/v1/demands/{id}/send-back', { params: { path }, body: { version, reason: String(v.text) } }));
    if (dialog === 'extension')
      await act(
        client.POST('/api/v1/demands/{id}/extension', {
          params: { path },
          body: { version, days: Number(v.days), reason: String(v.text) },
        }),
      );
    if (dialog === 'dispatch') {
      const body = { version, unitId: Number(v.unitId), ...(v.text ? { note: String(v.text) } : {}) };
      await act(
        t.status === 'sent_back'
          ? client.POST('/api/v1/demands/{id}/send-back-decision', { params: { path }, body })
          : client.POST('/api/v1/demands/{id}/dispatch', { params: { path }, body }),
      );
    }
    if (dialog === 'followUp')
      await act(
        client.POST('/api/v1/demands/{id}/follow-up', {
          params: { path },
          body: { version, ...(v.level ? { level: Number(v.level) } : {}), ...(v.text ? { note: String(v.text) } : {}) },
        }),
      );
  };
  const dialogTitle: Record<Exclude<Dialog, null>, string> = {
    answer: pick(demandLabels.doAnswer),
    sendBack: pick(demandLabels.sendBack),
    extension: pick(demandLabels.extension),
    dispatch: pick(demandLabels.dispatch),
    followUp: pick(demandLabels.followUp),
    respondent: pick(demandLabels.setRespondent),
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.code}
        </Typography.Title>
        <Tag color={STATUS_COLORS[t.status]}>{pick(STATUS_LABELS[t.status])}</Tag>
        {t.reopenCount > 0 && <Tag color="volcano">{pick({ zh: `重办 ${t.reopenCount} 次`, en: `Reopened ${t.reopenCount}×` })}</Tag>}
      </Space>
      {ratingCode && (
        <Alert
          type="success"
          showIcon
          message={pick(demandLabels.ratingCode)}
          description={
            <Typography.Text copyable strong data-testid="rating-code">
              {ratingCode}
            </Typography.Text>
          }
        />
      )}
      {t.pendingExtension && (
        <Alert
          type="warning"
          showIcon
          message={
            `${pick(demandLabels.pendingExtension)}：${t.pendingExtension.days} ${pick(demandLabels.days)} ` +
            `· ${t.pendingExtension.reason}`
          }
        />
      )}
      {buttons.length > 0 && <Space wrap>{buttons}</Space>}
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label={pick(demandLabels.type)}>{pick(TYPE_LABELS[t.type])}</Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.subject)}>{t.subjectName}</Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.channel)}>{pick(CHANNEL_LABELS[t.channel])}</Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.unit)}>{t.unitName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.enterprise)}>
            {t.enterpriseName ?? ''} {t.uscc && <Typography.Text type="secondary">{t.uscc}</Typography.Text>}{' '}
            {!t.enterpriseKnown && <Tag color="orange">{pick(demandLabels.usccUnknown)}</Tag>}
          </Descriptions.Item>
          {againstEnterprise && (
            <Descriptions.Item label={pick(demandLabels.respondent)}>
              {t.respondent ? (
                // Name, code and flag wrap as whole pieces on a phone.
                <Space wrap size={[8, 4]}>
                  {t.respondent.name && <span>{t.respondent.name}</span>}
                  <Typography.Text type="secondary">{t.respondent.uscc}</Typography.Text>
                  {!t.respondent.known && <Tag color="orange">{pick(demandLabels.usccUnknown)}</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{pick({ zh: '未填写', en: 'not named' })}</Typography.Text>
              )}
            </Descriptions.Item>
          )}
          {t.finding && (
            <Descriptions.Item label={pick(demandLabels.finding)}>
              <Tag color={FINDING_COLORS[t.finding]}>{pick(FINDING_LABELS[t.finding])}</Tag>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={pick(demandLabels.contactPhone)}>
            <Space wrap size={[8, 0]}>
              {t.contactName && <span>{t.contactName}</span>}
              <span style={{ whiteSpace: 'nowrap' }}>{phone ?? t.contactPhone ?? ''}</span>
              {t.contactPhone && !phone && can('demands.revealPhone') && (
                <Button size="small" type="link" onClick={reveal} title={pick(demandLabels.revealNote)}>
                  {pick(demandLabels.reveal)}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.received)}>{chinaTime(t.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={pick(t.signedAt ? demandLabels.signedAt : demandLabels.signDue)}>
            {t.signedAt ? chinaTime(t.signedAt) : <Timer due={t.signDueAt} open={t.status === 'dispatched'} />}
          </Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.due)}>
            <Timer due={t.dueAt} open={OPEN.includes(t.status)} />
          </Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.rating)}>
            {t.rating ? pick(RATING_LABELS[t.rating]!) : <Typography.Text type="secondary">{pick(demandLabels.notRated)}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={pick(demandLabels.description)} span={2}>
            {t.description}
          </Descriptions.Item>
          {t.answer && (
            <Descriptions.Item label={pick(demandLabels.answer)} span={2}>
              {t.answer}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {office && t.duplicates.length > 0 && (
        <Card size="small" title={pick(demandLabels.duplicates)}>
          {t.duplicates.map((d) => (
            <Space key={d.id} wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Link to={`/demands/${d.id}`}>{d.code}</Link>
              <Typography.Text type="secondary">{`${Math.round(d.similarity * 100)}%`}</Typography.Text>
              <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                {d.description}
              </Typography.Text>
              <Button
                size="small"
                onClick={run(() => client.POST('/api/v1/demands/{id}/merge', { params: { path }, body: { version, intoId: d.id } }))}
              >
                {pick(demandLabels.merge)}
              </Button>
            </Space>
          ))}
        </Card>
      )}
      <Attachments id={id} />
      <Card size="small" title={pick(demandLabels.history)}>
        <Timeline
          items={t.events.map((e) => ({
            children: (
              <span>
                {chinaTime(e.at)} · {pick(EVENT_LABELS[e.action] ?? { zh: e.action, en: e.action })} · {e.actorName}
                {e.unitName ? ` · ${e.unitName}` : ''}
                {e.action === 'rate' && e.note
                  ? ` · ${pick(RATING_LABELS[Number(e.note)] ?? { zh: e.note, en: e.note })}`
                  : e.note && !e.note.includes(':')
                    ? ` · ${e.note}`
                    : ''}
              </span>
            ),
          }))}
        />
      </Card>
      {dialog && (
        <FormModal<Record<string, unknown>>
          title={dialogTitle[dialog]}
          form={form}
          onSubmit={submitDialog}
          onCancel={() => setDialog(null)}
        >
          {dialog === 'dispatch' && (
            <Form.Item name="unitId" label={pick(demandLabels.unit)} rules={[{ required: true }]}>
              <UnitSelect units={units} />
            </Form.Item>
          )}
          {dialog === 'extension' && (
            <Form.Item name="days" label={pick(demandLabels.days)} rules={[{ required: true }]} initialValue={3}>
              <InputNumber min={1} max={30} />
            </Form.Item>
          )}
          {dialog === 'followUp' && (
            <Form.Item name="level" label={pick(demandLabels.followUpRating)}>
              <Select allowClear options={[5, 4, 3, 2, 1].map((l) => ({ value: l, label: pick(RATING_LABELS[l]!) }))} />
            </Form.Item>
          )}
          {dialog === 'respondent' && (
            <>
              <Form.Item
                name="uscc"
                label={pick(demandLabels.respondentUscc)}
                extra={pick(demandLabels.respondentHelp)}
                initialValue={t.respondent?.uscc}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item name="name" label={pick(demandLabels.respondentName)} initialValue={t.respondent?.name ?? undefined}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog === 'answer' && againstEnterprise && (
            <Form.Item
              name="finding"
              label={pick(demandLabels.finding)}
              extra={t.respondent ? pick(demandLabels.findingHelp) : undefined}
              rules={t.respondent ? [{ required: true }] : []}
            >
              <Select allowClear options={DEMAND_FINDINGS.map((f) => ({ value: f, label: pick(FINDING_LABELS[f]) }))} />
            </Form.Item>
          )}
          {dialog !== 'respondent' && (
            <Form.Item
              name="text"
              label={pick(
                dialog === 'answer'
                  ? demandLabels.answer
                  : dialog === 'dispatch' || dialog === 'followUp'
                    ? { zh: '说明', en: 'Note' }
                    : demandLabels.reason,
              )}
              rules={dialog === 'dispatch' || dialog === 'followUp' ? [] : [{ required: true, min: 2 }]}
            >
              <Input.TextArea rows={4} maxLength={dialog === 'answer' ? 4000 : 500} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Space>
  );
}
