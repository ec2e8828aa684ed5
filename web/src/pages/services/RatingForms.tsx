import { App, Form, Input, Rate, Typography } from 'antd';
import { client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { servicesLabels as L } from './labels.js';
import type { Assistant, AssistedCase } from './types.js';

interface RatingFields {
  level: number;
  comment?: string;
}

/** Rates an assisted case after the fact (the applicant's follow-up answer); the API takes it once. */
export function RateCaseModal({ item, viaCode, onClose }: { item: AssistedCase; viaCode: boolean; onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingFields>();
  const submit = async (v: RatingFields) => {
    await ok(
      client.POST('/api/v1/services/assisted-cases/{id}/rating', {
        params: { path: { id: String(item.id) } },
        body: { level: v.level, comment: v.comment?.trim() || null },
      }),
    );
    message.success(pick(L.rated));
    onClose();
  };
  return (
    <FormModal<RatingFields>
      title={pick(L.rateCase)}
      form={form}
      onSubmit={submit}
      onCancel={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          {item.subject} · {item.applicant}
          <br />
          {pick(L.rateOnce)}
          {viaCode ? pick(L.rateViaCode) : ''}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="level" label={pick(L.level)} rules={[{ required: true }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={pick(L.comment)}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Sets, changes or clears (empty) the demand desk's rating code of an existing assistant. */
export function RatingCodeModal({ assistant, onClose }: { assistant: Assistant; onClose: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ratingCode?: string }>();
  const submit = async (v: { ratingCode?: string }) => {
    await ok(
      client.PUT('/api/v1/services/assistants/{id}/rating-code', {
        params: { path: { id: String(assistant.id) } },
        body: { ratingCode: v.ratingCode?.trim() || null },
      }),
    );
    message.success(pick(L.ratingCodeSaved));
    onClose();
  };
  return (
    <FormModal<{ ratingCode?: string }>
      title={fill(pick(L.ratingCodeOf), { name: assistant.name })}
      form={form}
      initialValues={{ ratingCode: assistant.ratingCode ?? '' }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form.Item
        name="ratingCode"
        label={pick(L.ratingCode)}
        extra={
          <>
            {pick(L.ratingCodeHelp)}
            <br />
            {pick(L.ratingCodeClearHelp)}
          </>
        }
      >
        <Input maxLength={20} allowClear />
      </Form.Item>
    </FormModal>
  );
}
