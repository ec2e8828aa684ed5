import { Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import type { EnterpriseView, ExplainNodeView, ResultView } from '../../../../src/common/schemas/policies.js';
import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { STATUS_LABEL } from './MatchPage.js';

interface Portal {
  enterprise: EnterpriseView;
  qualifies: ResultView[];
  nearly: (ResultView & { failing: ExplainNodeView[] })[];
  payouts: ResultView[];
}

/** The enterprise's own page: policies it qualifies for, nearly qualifies for (and why), its payouts. */
export default function PortalPage() {
  const { data } = useLoad(useCallback(() => api.get<Portal>('/policies/portal'), []));
  if (!data) return <Skeleton active />;
  const e = data.enterprise;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={e.name}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
          <Descriptions.Item label="旗县区">{e.countyName}</Descriptions.Item>
          <Descriptions.Item label="行业">{e.industryCode} {e.industryName}</Descriptions.Item>
          <Descriptions.Item label="规模">{e.sizeClass}</Descriptions.Item>
          <Descriptions.Item label="纳税信用">{e.taxGrade}</Descriptions.Item>
          <Descriptions.Item label="资质">{e.qualifications.map((q) => <Tag key={q.kind}>{q.kind}</Tag>)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="可享受的政策（免申即享）">
        {data.qualifies.length ? (
          <List
            dataSource={data.qualifies}
            renderItem={(r) => (
              <List.Item extra={<Tag color="green">{STATUS_LABEL[r.status]}</Tag>}>
                <List.Item.Meta title={r.benefit.name} description={`${r.benefit.policyTitle} · ${r.benefit.departmentName ?? ''}${r.amount !== null ? ` · ${r.amount} 万元` : ''}`} />
              </List.Item>
            )}
          />
        ) : (
          <Empty description="暂无" />
        )}
      </Card>
      <Card title="差一项即可享受">
        {data.nearly.length ? (
          <List
            dataSource={data.nearly}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.benefit.name}
                  description={r.failing.map((f) => (
                    <Typography.Text key={f.text} type="warning">
                      未满足：<code>{f.text}</code>（{f.label}：实际 {f.actual}，要求 {f.expected}）
                    </Typography.Text>
                  ))}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty description="暂无" />
        )}
      </Card>
      <Card title="兑现记录">
        {data.payouts.length ? (
          <List dataSource={data.payouts} renderItem={(r) => <List.Item>{r.benefit.name}：{r.paidAmount} 万元（{r.paidOn}）</List.Item>} />
        ) : (
          <Empty description="暂无兑现记录" />
        )}
      </Card>
    </Space>
  );
}
