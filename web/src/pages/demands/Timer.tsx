import { Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.js';
import { chinaTime, demandLabels } from './labels.js';

/** A deadline as the office reads it: the time, and how long is left (red once it has passed). */
export function Timer({ due, open, wrap = false }: { due: string | null; open: boolean; wrap?: boolean }) {
  const { pick } = useI18n();
  // The time the page was shown: the timer counts from it (the list reloads after every action).
  const [now] = useState(() => Date.now());
  if (!due) return null;
  // In a list the tag may take two lines, so that the other columns keep their room.
  const style = wrap ? { whiteSpace: 'normal', minWidth: 140, maxWidth: 170 } : undefined;
  if (!open) return <span>{chinaTime(due)}</span>;
  const ms = new Date(due).getTime() - now;
  if (ms < 0) return <Tag color="red" style={style}>{`${pick(demandLabels.overdue)} · ${chinaTime(due)}`}</Tag>;
  const hours = Math.floor(ms / 3600_000);
  const left =
    hours >= 48
      ? pick({ zh: `${Math.floor(hours / 24)} 天`, en: `${Math.floor(hours / 24)} days` })
      : pick({ zh: `${hours} 小时`, en: `${hours} h` });
  return <Tag color={hours < 24 ? 'orange' : 'blue'} style={style}>{`${chinaTime(due)}（${pick(demandLabels.left)} ${left}）`}</Tag>;
}
