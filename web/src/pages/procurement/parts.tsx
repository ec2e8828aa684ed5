import { Alert, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n.js';
import { FLAG_LABELS, procurementLabels as L } from './labels.js';

/** The risk as a percentage, red when the model calls the tender suspect. */
export function RiskTag({ risk, suspect }: { risk: number; suspect?: boolean }) {
  const { pick } = useI18n();
  const color = (suspect ?? risk >= 0.5) ? 'red' : risk >= 0.3 ? 'orange' : 'green';
  return (
    <Tag color={color}>
      {Math.round(risk * 100)}%{suspect ? ` · ${pick(L.suspect)}` : ''}
    </Tag>
  );
}

export function FlagTags({ codes }: { codes: string[] }) {
  const { pick } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((c) => (
        <Tag key={c} color={c.startsWith('ART') ? 'volcano' : 'gold'}>
          {FLAG_LABELS[c] ? pick(FLAG_LABELS[c]) : c}
        </Tag>
      ))}
    </Space>
  );
}

interface FlagItem {
  code: string;
  why: string;
  whyEn: string;
  inputs: Record<string, unknown>;
  threshold?: number | string;
}

const showValue = (v: unknown) =>
  Array.isArray(v) ? v.join('、') : typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 6 }) : String(v);

/** Each flag with why it fired: the sentence, the inputs it used and the threshold it crossed. */
export function FlagList({ flags }: { flags: FlagItem[] }) {
  const { pick, lang } = useI18n();
  if (!flags.length) return <Typography.Text type="secondary">{pick(L.noFlags)}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} aria-label={pick(L.why)}>
      {flags.map((f, i) => (
        <Alert
          key={`${f.code}-${i}`}
          type={f.code.startsWith('ART') ? 'error' : 'warning'}
          showIcon
          message={FLAG_LABELS[f.code] ? pick(FLAG_LABELS[f.code]) : f.code}
          description={
            <Space direction="vertical" size={2}>
              <span>{lang === 'en' ? f.whyEn : f.why}</span>
              <Typography.Text type="secondary">
                {pick(L.inputs)}
                {lang === 'en' ? ': ' : '：'}
                {Object.entries(f.inputs)
                  // bidders are named in the sentence; an OCDS red flag's level and ocid are the tender itself
                  // (the source of a related-party signal is in the sentence too)
                  .filter(([k]) => k !== 'bidders' && k !== 'group' && k !== 'id' && k !== 'sources')
                  .map(([, v]) => showValue(v))
                  .join('；')}
                {typeof f.threshold === 'number' ? `  ${pick(L.threshold)}${lang === 'en' ? ': ' : '：'}${showValue(f.threshold)}` : ''}
              </Typography.Text>
            </Space>
          }
        />
      ))}
    </Space>
  );
}

export const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
