import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { JobRunView } from '../../../../src/common/schemas/jobs.js';
import { useI18n } from '../../i18n.js';
import { RUN_STATUS } from './labels.js';

export const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** How long a run took (or has taken so far), as "2.4 s" / "3 min 5 s". */
export function duration(run: Pick<JobRunView, 'startedAt' | 'finishedAt'>): string {
  if (!run.startedAt) return '—';
  const ms = (run.finishedAt ? Date.parse(run.finishedAt) : Date.now()) - Date.parse(run.startedAt);
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function RunStatus({ status }: { status: string | null }) {
  const { pick } = useI18n();
  const s = status ? RUN_STATUS[status] : undefined;
  return s ? <Tag color={s.color}>{pick(s.label)}</Tag> : <Tag>{status ?? '—'}</Tag>;
}
