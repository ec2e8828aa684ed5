import { Select, type SelectProps } from 'antd';
import { useCallback } from 'react';
import { type UnitView, api } from '../api.js';
import { useI18n } from '../i18n.js';
import { PLEASE_CHOOSE } from './format.js';
import { useLoad } from './useLoad.js';

/** The units the caller may see (retired ones on request). */
export function useUnits(opts: { includeRetired?: boolean } = {}): [UnitView[], () => void] {
  const includeRetired = opts.includeRetired ?? false;
  const { data, reload } = useLoad(useCallback(() => api.units.list({ includeRetired: includeRetired ? 'true' : undefined }), [includeRetired]));
  return [data ?? NO_UNITS, reload];
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
      options={units.filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.name, search: [u.name, ...u.aliases].join(' ') }))}
      filterOption={(input, option) => String((option as { search?: string } | undefined)?.search ?? '').includes(input.trim())}
    />
  );
}
