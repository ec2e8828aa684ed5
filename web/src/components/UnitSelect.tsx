import { Select, type SelectProps } from 'antd';
import { $api, type ApiResponse } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { PLEASE_CHOOSE } from './format.js';

export type UnitView = ApiResponse<'/api/v1/units/{id}'>;

/** The units the caller may see (retired ones on request). */
export function useUnits(opts: { includeRetired?: boolean } = {}): UnitView[] {
  const query = { includeRetired: opts.includeRetired ? ('true' as const) : undefined };
  const { data } = $api.useQuery('get', '/api/v1/units', { params: { query } });
  return data ?? NO_UNITS;
}

const NO_UNITS: UnitView[] = [];

/** Picks a unit by its name or any of its short names (市发改委 finds 呼和浩特市发展和改革委员会). */
export function UnitSelect({ units, ...props }: { units: UnitView[] } & Omit<SelectProps<number>, 'options'>) {
  const { pick } = useI18n();
  return (
    <Select<number>
      showSearch
      allowClear
      placeholder={pick(PLEASE_CHOOSE)}
      {...props}
      options={units
        .filter((u) => u.status === 'active')
        .map((u) => ({ value: u.id, label: u.name, search: [u.name, ...u.aliases].join(' ') }))}
      filterOption={(input, option) => String((option as { search?: string } | undefined)?.search ?? '').includes(input.trim())}
    />
  );
}
