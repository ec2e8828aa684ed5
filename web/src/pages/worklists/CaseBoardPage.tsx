import { Card, Col, Empty, Row, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { CASE_STAGE_LABELS } from '../../../../src/common/schemas/worklists.js';
import { $api } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import { worklistLabels } from './labels.js';
import { WorklistsNav } from './WorklistsNav.js';
import { unitNames } from './parts.js';

/** Typical cases by stage: 申报 → 培育 → 入选 → 推广. */
export default function CaseBoardPage() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/items/case-board');
  return (
    <>
      <WorklistsNav />
      <Card title={pick(worklistLabels.caseBoard)} loading={!data}>
        <Row gutter={[12, 12]}>
          {data?.columns.map((col) => (
            <Col key={col.stage} xs={24} sm={12} lg={6}>
              <Card
                size="small"
                title={`${pick(CASE_STAGE_LABELS[col.stage])}（${col.items.length}）`}
                styles={{ body: { background: '#fafafa' } }}
              >
                <Space direction="vertical" style={{ width: '100%' }}>
                  {col.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pick(worklistLabels.empty)} />}
                  {col.items.map((c) => (
                    <Card key={c.id} size="small">
                      <Link to={`/worklists/items/${c.id}`}>{c.content}</Link>
                      <div style={{ fontSize: 12, color: '#888' }}>{unitNames(c.leadUnits)}</div>
                      {c.tags.map((t) => (
                        <Tag key={t}>{t}</Tag>
                      ))}
                    </Card>
                  ))}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
