import { DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { WorklistView } from '../../../../src/common/schemas/worklists.js';
import { client, ok } from '../../api/client.js';
import { useUnits } from '../../components/UnitSelect.js';
import { useConfirmPastDeadline, useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import type { ItemDetail } from './ItemPage.js';
import { worklistLabels } from './labels.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

interface Values {
  listId?: number;
  code: string;
  area?: string;
  content: string;
  measures?: string;
  deadline?: Dayjs | null;
  ongoing?: boolean;
  leadUnitIds: number[];
  coopUnitIds?: number[];
}

/**
 * Creates an item (office) or edits one with its version: when someone else saved first, the
 * server answers VERSION_CONFLICT and the message asks to reload instead of overwriting.
 */
export function ItemForm({
  item,
  lists,
  open,
  onClose,
  onSaved,
}: {
  item?: ItemDetail;
  lists?: WorklistView[];
  open: boolean;
  onClose: () => void;
  onSaved: (i: ItemDetail) => void;
}) {
  const { pick } = useI18n();
  const report = useReportError();
  const confirmPastDeadline = useConfirmPastDeadline();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const unitOptions = units
    .filter((u) => u.status === 'active')
    .map((u) => ({ value: u.id, label: u.name, search: [u.name, ...u.aliases].join(' ') }));
  const filterOption = (input: string, option?: { search?: string }) => String(option?.search ?? '').includes(input.trim());
  const initial: Partial<Values> = item
    ? {
        code: item.code,
        area: item.area ?? undefined,
        content: item.content,
        measures: item.measures ?? undefined,
        deadline: item.deadline ? dayjs(item.deadline) : null,
        ongoing: item.ongoing,
        leadUnitIds: item.leadUnits.map((u) => u.id),
        coopUnitIds: item.coopUnits.map((u) => u.id),
      }
    : { ongoing: false, coopUnitIds: [] };

  const save = async (v: Values) => {
    const body = {
      code: v.code,
      area: v.area || null,
      content: v.content,
      measures: v.measures || null,
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      ongoing: Boolean(v.ongoing),
      leadUnitIds: v.leadUnitIds,
      coopUnitIds: v.coopUnitIds ?? [],
    };
    const send = async (confirmPastDeadline: boolean) => {
      const b = confirmPastDeadline ? { ...body, confirmPastDeadline } : body;
      const saved = item
        ? await ok(client.PATCH('/api/v1/items/{id}', { params: { path: { id: String(item.id) } }, body: { ...b, version: item.version } }))
        : await ok(client.POST('/api/v1/items', { body: { ...b, listId: v.listId! } }));
      onSaved(saved);
      onClose();
    };
    await confirmPastDeadline(send, body.deadline ? [body.deadline] : [], (err) => report(err, form));
  };

  return (
    <Modal
      title={item ? `${item.code}` : pick(worklistLabels.newItem)}
      open={open}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} preserve={false}>
        {!item && (
          <Form.Item name="listId" label={pick(worklistLabels.list)} rules={[{ required: true }]}>
            <Select placeholder={pick(PLEASE_CHOOSE)} options={(lists ?? []).map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
        )}
        <Form.Item name="code" label={pick(worklistLabels.code)} rules={[{ required: true }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="content" label={pick(worklistLabels.content)} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="area" label={pick(worklistLabels.area)}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="measures" label={pick(worklistLabels.measures)}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="leadUnitIds" label={pick(worklistLabels.lead)} rules={[{ required: true }]}>
          <Select placeholder={pick(PLEASE_CHOOSE)} mode="multiple" options={unitOptions} filterOption={filterOption} />
        </Form.Item>
        <Form.Item name="coopUnitIds" label={pick(worklistLabels.coop)}>
          <Select placeholder={pick(PLEASE_CHOOSE)} mode="multiple" options={unitOptions} filterOption={filterOption} />
        </Form.Item>
        <Form.Item name="deadline" label={pick(worklistLabels.deadline)}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="ongoing" label={pick(worklistLabels.ongoing)} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
