import { Button, Card, Tabs } from 'antd';
import { Link } from 'react-router';
import { $api } from '../../api/client.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { CataloguePanel } from './CataloguePanel.js';
import { indicatorLabels } from './labels.js';
import { RollupPanel } from './RollupPanel.js';
import { ScoresPanel } from './ScoresPanel.js';
import { ValuesPanel } from './ValuesPanel.js';

/** Indicators: catalogue, values with trends, scores with explanations, self-assessment roll-up. */
export default function IndicatorsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const { data } = $api.useQuery('get', '/api/v1/indicators/catalogue');
  const officeSide = can('indicators.forecast');
  return (
    <Card
      title={pick(indicatorLabels.title)}
      extra={
        officeSide && (
          <Link to="/indicators/forecast">
            <Button>{pick(indicatorLabels.forecast)}</Button>
          </Link>
        )
      }
    >
      {data && (
        <Tabs
          items={[
            { key: 'catalogue', label: pick(indicatorLabels.catalogue), children: <CataloguePanel catalogue={data} /> },
            { key: 'values', label: pick(indicatorLabels.values), children: <ValuesPanel catalogue={data} /> },
            { key: 'scores', label: pick(indicatorLabels.scores), children: <ScoresPanel /> },
            { key: 'rollup', label: pick(indicatorLabels.rollup), children: <RollupPanel /> },
          ]}
        />
      )}
    </Card>
  );
}
