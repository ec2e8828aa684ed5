import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { $api, apiUrl } from '../../api/client.js';
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

export function ExportButton({ list }: { list: 'needs' | 'events' | 'projects' | 'desk' | 'listing' | 'stats' }) {
  const { pick } = useI18n();
  return (
    <Button icon={<DownloadOutlined />} href={apiUrl('/api/v1/finance/export/{list}', { path: { list } })} download>
      {pick(financeLabels.exportExcel)}
    </Button>
  );
}

/** An enterprise of the registry, found by name or code. */
export function EnterprisePicker() {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data } = $api.useQuery('get', '/api/v1/policies/enterprises', { params: { query: { q: q || undefined, pageSize: 20 } } });
  return (
    <Form.Item
      name="enterpriseId"
      label={pick(financeLabels.enterprise)}
      rules={[{ required: true, message: pick(financeLabels.required) }]}
    >
      <Select
        showSearch
        filterOption={false}
        onSearch={setQ}
        aria-label={pick(financeLabels.enterprise)}
        options={(data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      />
    </Form.Item>
  );
}
