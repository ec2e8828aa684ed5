import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { CALENDAR_DAY_TYPES, type CalendarDayView } from '../../../../src/common/schemas/calendar.js';
import { ApiError, api } from '../../api.js';
import { useReportError } from '../../components/feedback.js';
import { pickBilingual, useI18n } from '../../i18n.js';
import { A, DAY_TYPE, fill } from './labels.js';

type DayForm = { date: string; type: CalendarDayView['type']; name: string };

/** Adds a day (`day` undefined) or edits an added one; the server's located errors land under the fields. */
export function DayModal({ open, day, onClose, onSaved }: { open: boolean; day?: CalendarDayView; onClose: () => void; onSaved: () => void }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<DayForm>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (day) form.setFieldsValue({ date: day.date, type: day.type, name: day.name });
  }, [open, day, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (day) await api.patch(`/calendar/days/${day.id}`, { type: v.type, name: v.name, version: day.version });
      else await api.post('/calendar/days', v);
      message.success(pick(A.saved));
      onSaved();
    } catch (err) {
      report(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={pick(day ? A.editDay : A.addDay)} onCancel={onClose} onOk={submit} okButtonProps={{ disabled: busy }} forceRender>
      <Form form={form} layout="vertical" initialValues={{ type: 'workday' }}>
        <Form.Item name="date" label={pick(A.date)} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
          <Input placeholder="YYYY-MM-DD" disabled={!!day} />
        </Form.Item>
        <Form.Item name="type" label={pick(A.kind)} rules={[{ required: true }]}>
          <Select options={CALENDAR_DAY_TYPES.map((t) => ({ value: t, label: pick(DAY_TYPE[t]) }))} />
        </Form.Item>
        <Form.Item name="name" label={pick(A.name)} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input placeholder={pick({ zh: '如：春节', en: 'e.g. Spring Festival' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A detail as "row 3, date: message" so the admin finds the line to fix. */
function located(d: ApiError['details'][number], lang: 'zh-CN' | 'en'): string {
  const where = [d.row !== undefined ? (lang === 'en' ? `row ${String(d.row)}` : `第 ${String(d.row)} 行`) : '', d.column !== undefined ? String(d.column) : ''].filter(Boolean).join(lang === 'en' ? ', ' : ' ');
  return `${where ? `${where}: ` : ''}${pickBilingual(lang, d.message)}`;
}

/** Imports the State Council's schedule as CSV or JSON, pasted or read from a file. */
export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ format: 'csv' | 'json'; content: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setProblems([]);
    try {
      const r = await api.post<{ added: number; updated: number; unchanged: number }>('/calendar/import', v);
      message.success(fill(pick(A.imported), r));
      form.resetFields();
      onImported();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && err.details.length) setProblems(err.details.map((d) => located(d, lang)));
      else report(err, form);
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (file: File) => {
    form.setFieldsValue({ content: await file.text(), format: /\.json$/i.test(file.name) ? 'json' : 'csv' });
    return false;
  };

  return (
    <Modal open={open} title={pick(A.importFile)} onCancel={() => { setProblems([]); onClose(); }} onOk={submit} okButtonProps={{ disabled: busy }} width={640} forceRender>
      <Alert type="info" showIcon message={pick(A.importHelp)} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ format: 'csv' }}>
        <Form.Item name="format" label={pick(A.format)}>
          <Radio.Group options={[{ value: 'csv', label: 'CSV' }, { value: 'json', label: 'JSON' }]} />
        </Form.Item>
        <Upload accept=".csv,.json,.txt" showUploadList={false} beforeUpload={readFile}>
          <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }}>
            {pick(A.chooseFile)}
          </Button>
        </Upload>
        <Form.Item name="content" label={pick(A.content)} rules={[{ required: true }]}>
          <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} placeholder={'date,type,name\n2027-02-06,休,春节\n2027-02-14,班,春节调休'} />
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          role="alert"
          message={pick(A.errorsAt)}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        />
      )}
    </Modal>
  );
}
