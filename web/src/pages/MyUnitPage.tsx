import { Card, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { UNIT_KIND_LABELS } from '../../../src/common/roles.js';
import { $api } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { PositionCard } from './supervision/PositionCard.js';

/** A unit-scoped user's own unit: its place on the weekly red/black list, names it answers to, kind, division code. */
export default function MyUnitPage() {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const unitId = String(user.unitId ?? '');
  const { data: unit } = $api.useQuery(
    'get',
    '/api/v1/units/{id}',
    { params: { path: { id: unitId } } },
    { enabled: user.unitId !== null },
  );

  if (!user.unitId) return <Empty description={t('myUnit.none')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PositionCard />
      <Card title={t('myUnit.title')}>
        {!unit ? (
          <Skeleton active />
        ) : (
          <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('units.name')}>{unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('units.kind')}>{pick(UNIT_KIND_LABELS[unit.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('units.aliases')}>
              <Space size={[4, 4]} wrap>
                {unit.aliases.length ? unit.aliases.map((a) => <Tag key={a}>{a}</Tag>) : t('common.none')}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('units.divisionCode')}>{unit.divisionCode ?? t('common.none')}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
