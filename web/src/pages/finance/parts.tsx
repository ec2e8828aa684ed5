import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useCallback, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { api, apiUrl } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { AMOUNT_PATTERN, financeLabels } from './labels.js';

/** An amount in yuan, typed as text so that the fen are exactly what the user wrote. */
export function AmountItem({ name, label }: { name: string; label: string }) {
  const { pick } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, pattern: AMOUNT_PATTERN, message: pick(financeLabels.amountRule) }]}>
      <Input inputMode="decimal" aria-label={label} />
    </Form.Item>
  );
}

export function DateItem({ name, label }: { name: string; label: string }) {
  const { pick } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: pick(financeLabels.required) }]}>
      <DatePicker style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

export const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');
export const today = () => dayjs();

export function ExportButton({ list }: { list: string }) {
  const { pick } = useI18n();
  return (
    <Button icon={<DownloadOutlined />} href={apiUrl(`/finance/export/${list}`)} download>
      {pick(financeLabels.exportExcel)}
    </Button>
  );
}

/** An enterprise of the registry, found by name or code. */
export function EnterprisePicker() {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data } = useLoad(useCallback(() => api.get<{ items: { id: number; name: string }[] }>('/policies/enterprises', { q, pageSize: 20 }), [q]));
  return (
    <Form.Item name="enterpriseId" label={pick(financeLabels.enterprise)} rules={[{ required: true, message: pick(financeLabels.required) }]}>
      <Select showSearch filterOption={false} onSearch={setQ} aria-label={pick(financeLabels.enterprise)} options={(data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
    </Form.Item>
  );
}
