import { Alert, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ComponentResult, OverallResult } from '../../../../src/common/schemas/indicator-results.js';
import type { MethodSummaryView } from '../../../../src/common/schemas/indicators.js';
import { api } from '../../api.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useLoad } from '../../components/useLoad.js';
import { measureUnit, withUnit } from '../../../../src/common/measure-units.js';
import { fmtNumber, fmtScore } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { indicatorLabels } from './labels.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

interface UnitScore {
  method: MethodSummaryView;
  period: string;
  valuePeriods: Record<string, string>;
  result: OverallResult;
}

const PERIODS = ['2024', '2025'];

/** A unit's score under a method, with every component's value, bounds, trust and formula. */
export function ScoresPanel() {
  const { pick, lang } = useI18n();
  const { user } = useSession();
  const units = useUnits();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [period, setPeriod] = useState('2024');
  const effectiveUnit = unitId ?? user.unitId ?? units.find((u) => u.kind === 'city')?.id;
  const { data } = useLoad(
    useCallback(() => (effectiveUnit ? api.get<UnitScore>('/indicators/scores', { method: 'regional-demo', unitId: effectiveUnit, period }) : Promise.resolve(undefined)), [effectiveUnit, period]),
  );
  const topics = data ? Object.values(data.result.topics) : [];
  // The engine writes formulas with the method's identifiers; the office reads the names.
  const names = new Map<string, string>(topics.flatMap((t) => [[t.topic, pick(t.name)] as const, ...Object.values(t.components).map((c) => [c.id, pick(c.name)] as const)]));
  const readable = (formula: string) =>
    formula.replace(/\b[a-z][a-z0-9_]*\b/g, (id) => names.get(id) ?? (id === 'mean' && lang !== 'en' ? '平均' : id === 'sum' && lang !== 'en' ? '求和' : id));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect aria-label={pick(indicatorLabels.unit)} style={{ width: 280 }} units={units} value={effectiveUnit} onChange={(v) => setUnitId(v ?? undefined)} />
        <Select
          aria-label={pick(indicatorLabels.period)}
          value={period}
          onChange={setPeriod}
          options={PERIODS.map((p) => ({ value: p, label: p }))}
        />
      </Space>
      {data && (
        <>
          {data.method.synthetic && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={pick(indicatorLabels.syntheticWarning)} />
          )}
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={pick(indicatorLabels.method)}>{pick(data.method.name)}</Descriptions.Item>
            <Descriptions.Item label={pick(indicatorLabels.overall)}>
              <Typography.Text strong>{fmtScore(data.result.score)}</Typography.Text> = {readable(data.result.formula)}
            </Descriptions.Item>
          </Descriptions>
          {topics.map((t) => (
            <ResponsiveTable<ComponentResult>
              key={t.topic}
              title={() => `${pick(t.name)}：${fmtScore(t.score)}（${readable(t.formula)}）`}
              rowKey="id"
              size="small"
              pagination={false}
              style={{ marginBottom: 12 }}
              dataSource={Object.values(t.components)}
              columns={[
                { title: pick(indicatorLabels.kpi), render: (_, c) => pick(c.name) },
                { title: pick(indicatorLabels.value), align: 'right', render: (_, c) => withUnit(fmtNumber(c.variants[''].value, 2), measureUnit(c.unit), lang === 'en' ? 'en' : 'zh') },
                {
                  title: pick(indicatorLabels.bounds),
                  render: (_, c) => (
                    <>
                      {c.bounds.worst} → {c.bounds.best} {!c.bounds.trusted && <Tag color="orange">{pick(indicatorLabels.unverified)}</Tag>}
                    </>
                  ),
                },
                { title: pick(indicatorLabels.score), align: 'right', render: (_, c) => fmtScore(c.score) },
                { title: pick(indicatorLabels.formula), render: (_, c) => <Typography.Text code>{readable(c.formula)}</Typography.Text> },
              ]}
            />
          ))}
        </>
      )}
    </>
  );
}
