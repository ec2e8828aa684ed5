import { Alert, Button, Card, Col, Empty, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { POLICY_AREA_LABELS, type BenefitView, type PolicyView, type RuleCheckView } from '../../../../src/common/schemas/policies.js';
import { api } from '../../api.js';
import { useReportError } from '../../components/feedback.js';
import { useLoad } from '../../components/useLoad.js';
import { useI18n } from '../../i18n.js';
import { Explanation } from './Explanation.js';

/** The policy library, and the rule editor of one benefit with live validation and example tests. */
export default function PoliciesPage() {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const { data, reload } = useLoad(useCallback(() => api.get<{ items: PolicyView[]; total: number }>('/policies', { q, pageSize: 200 }), [q]));
  const [selected, setSelected] = useState<BenefitView | null>(null);
  const benefits = useMemo(() => (data?.items ?? []).flatMap((p) => p.benefits.map((b) => ({ ...b, policy: p }))), [data]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={11}>
        <Card title="惠企政策库" extra={<Input.Search placeholder="标题或文号" allowClear onSearch={setQ} style={{ width: 200 }} />}>
          <Table
            size="small"
            rowKey="id"
            dataSource={data?.items ?? []}
            pagination={false}
            columns={[
              { title: '政策', dataIndex: 'title', render: (t: string, p: PolicyView) => <span>{t}<br /><Typography.Text type="secondary">{p.docNumber} · {p.departmentName}</Typography.Text></span> },
              { title: '领域', dataIndex: 'area', width: 90, render: (a: PolicyView['area']) => pick(POLICY_AREA_LABELS[a]) },
            ]}
            expandable={{
              // Benefits are what staff work on: every policy stays open.
              expandedRowKeys: (data?.items ?? []).map((p) => p.id),
              showExpandColumn: false,
              expandedRowRender: (p: PolicyView) => (
                <List
                  size="small"
                  dataSource={p.benefits}
                  renderItem={(b) => (
                    <List.Item actions={[<Button key="edit" size="small" onClick={() => setSelected(b)} aria-label={`编辑规则 ${b.code}`}>编辑规则</Button>]}>
                      <Space wrap>
                        <Tag>{b.code}</Tag>
                        {b.name}
                        {b.autoGrant ? <Tag color="blue">免申即享</Tag> : <Tag>需申报</Tag>}
                        {b.autoGrant && b.matchStale && <Tag color="orange">待重新匹配</Tag>}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        {selected ? (
          <RuleEditor key={selected.id} benefit={benefits.find((b) => b.id === selected.id) ?? selected} onSaved={reload} />
        ) : (
          <Card title="规则编辑">
            <Empty description="选择一个兑现事项以编辑其资格规则" />
          </Card>
        )}
      </Col>
    </Row>
  );
}

const FIELD_HELP =
  '字段：industry、county、registeredOn、capital、employees、revenue、assets、rdSpending、taxGrade、sizeClass、legalForm；函数：has("资质"[, 日期])、tag("标签")、growth(revenue[, 年])、avg(f, n)、prev(f, n)、rule("编码")；运算：and or not、> >= < <= == !=、between a and b、in [..]、under ["C"]、within 3 years、today - 1 year';

function RuleEditor({ benefit, onSaved }: { benefit: BenefitView; onSaved: () => void }) {
  const report = useReportError();
  const [text, setText] = useState(benefit.rule);
  const [check, setCheck] = useState<RuleCheckView | null>(null);
  const [tested, setTested] = useState<RuleCheckView | null>(null);
  const [example, setExample] = useState(0);
  const [saving, setSaving] = useState(false);

  // Live validation: the server checks the rule shortly after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      api.post<RuleCheckView>('/policies/rules/check', { text, code: benefit.code }).then(setCheck, report);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, benefit.code, report]);

  const runExamples = async () => {
    try {
      setTested(await api.post<RuleCheckView>('/policies/rules/check', { text, code: benefit.code, examples: benefit.examples }));
    } catch (err) {
      report(err);
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      await api.patch(`/policies/benefits/${benefit.id}`, { rule: text, version: benefit.version });
      onSaved();
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };
  const outcome = tested?.examples[example];

  return (
    <Card title={`规则编辑：${benefit.code} ${benefit.name}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea aria-label="资格规则" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 5, maxRows: 14 }} style={{ fontFamily: 'monospace' }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{FIELD_HELP}</Typography.Text>
        {check && (check.ok ? <Alert type="success" showIcon message="规则有效" /> : (
          <Alert
            type="error"
            showIcon
            message="规则有误"
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{check.problems.map((p) => <li key={`${p.start}-${p.kind}`}>第 {p.line} 行第 {p.column} 列：{p.message}</li>)}</ul>}
          />
        ))}
        <Space>
          <Button onClick={runExamples}>在示例企业上测试</Button>
          <Button type="primary" onClick={save} loading={saving} disabled={!check?.ok}>保存规则</Button>
        </Space>
        {tested && (
          <>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={tested.examples}
              onRow={(_, k) => ({ onClick: () => setExample(k ?? 0) })}
              columns={[
                { title: '示例企业', dataIndex: 'name' },
                { title: '期望', dataIndex: 'expected', render: (v: boolean) => (v ? '符合' : '不符合') },
                { title: '实际', dataIndex: 'actual', render: (v: boolean | null) => (v === null ? '—' : v ? '符合' : '不符合') },
                { title: '结果', dataIndex: 'pass', render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? '通过' : '未通过'}</Tag> },
              ]}
            />
            {outcome?.explanation && <Explanation node={outcome.explanation} />}
          </>
        )}
      </Space>
    </Card>
  );
}
