import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Select, Upload } from 'antd';
import { useState } from 'react';
import { CALENDAR_DAY_TYPES, type CalendarDayView } from '../../../../src/common/schemas/calendar.js';
import { ApiError, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { pickBilingual, useI18n } from '../../i18n.js';
import { adminLabels, DAY_TYPE, fill } from './labels.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

type DayForm = { date: string; type: CalendarDayView['type']; name: string };

/** Adds a day (`day` undefined) or edits an added one; the server's located errors land under the fields. Mounted while open. */
export function DayModal({ day, onClose, onSaved }: { day?: CalendarDayView; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayForm>();

  const save = async (v: DayForm) => {
    if (day) {
      const body = { type: v.type, name: v.name, version: day.version };
      await client.PATCH('/api/v1/calendar/days/{id}', { params: { path: { id: String(day.id) } }, body });
    } else await client.POST('/api/v1/calendar/days', { body: v });
    message.success(pick(adminLabels.saved));
    onSaved();
  };

  return (
    <FormModal<DayForm>
      form={form}
      title={pick(day ? adminLabels.editDay : adminLabels.addDay)}
      okText={t('common.confirm')}
      initialValues={day ? { date: day.date, type: day.type, name: day.name } : { type: 'workday' }}
      onSubmit={save}
      onCancel={onClose}
    >
      <Form.Item
        name="date"
        label={pick(adminLabels.date)}
        rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
      >
        <Input placeholder="YYYY-MM-DD" disabled={!!day} />
      </Form.Item>
      <Form.Item name="type" label={pick(adminLabels.kind)} rules={[{ required: true }]}>
        <Select placeholder={pick(PLEASE_CHOOSE)} options={CALENDAR_DAY_TYPES.map((k) => ({ value: k, label: pick(DAY_TYPE[k]) }))} />
      </Form.Item>
      <Form.Item name="name" label={pick(adminLabels.name)} rules={[{ required: true, whitespace: true, max: 40 }]}>
        <Input placeholder={pick({ zh: '如：春节', en: 'e.g. Spring Festival' })} />
      </Form.Item>
    </FormModal>
  );
}

/** A detail as "row 3, date: message" so the admin finds the line to fix. */
function located(d: ApiError['details'][number], lang: 'zh-CN' | 'en'): string {
  const where = [
    d.row !== undefined ? (lang === 'en' ? `row ${String(d.row)}` : `第 ${String(d.row)} 行`) : '',
    d.column !== undefined ? String(d.column) : '',
  ]
    .filter(Boolean)
    .join(lang === 'en' ? ', ' : ' ');
  return `${where ? `${where}: ` : ''}${pickBilingual(lang, d.message)}`;
}

type ImportForm = { format: 'csv' | 'json'; content: string };

/** Imports the State Council's schedule as CSV or JSON, pasted or read from a file. Mounted while open. */
export function ImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportForm>();
  const [problems, setProblems] = useState<string[]>([]);

  const importFile = async (v: ImportForm) => {
    setProblems([]);
    try {
      const r = await ok(client.POST('/api/v1/calendar/import', { body: v }));
      message.success(fill(pick(adminLabels.imported), { added: r.added, updated: r.updated, unchanged: r.unchanged }));
      onImported();
    } catch (err) {
      // A bad file lists its located problems; anything else is reported by the modal.
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.details.length)
        setProblems(err.details.map((d) => located(d, lang)));
      else throw err;
    }
  };

  const readFile = async (file: File) => {
    form.setFieldsValue({ content: await file.text(), format: /\.json$/i.test(file.name) ? 'json' : 'csv' });
    return false;
  };

  return (
    <FormModal<ImportForm>
      form={form}
      title={pick(adminLabels.importFile)}
      okText={t('common.confirm')}
      width={640}
      intro={<Alert type="info" showIcon message={pick(adminLabels.importHelp)} style={{ marginBottom: 12 }} />}
      initialValues={{ format: 'csv' }}
      onSubmit={importFile}
      onCancel={onClose}
    >
      <Form.Item name="format" label={pick(adminLabels.format)}>
        <Radio.Group
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
          ]}
        />
      </Form.Item>
      <Upload accept=".csv,.json,.txt" showUploadList={false} beforeUpload={readFile}>
        <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }}>
          {pick(adminLabels.chooseFile)}
        </Button>
      </Upload>
      <Form.Item name="content" label={pick(adminLabels.content)} rules={[{ required: true }]}>
        <Input.TextArea
          rows={8}
          style={{ fontFamily: 'monospace' }}
          placeholder={'date,type,name\n2027-02-06,休,春节\n2027-02-14,班,春节调休'}
        />
      </Form.Item>
      {problems.length > 0 && (
        <Alert
          type="error"
          role="alert"
          message={pick(adminLabels.errorsAt)}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </FormModal>
  );
}
