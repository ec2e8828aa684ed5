import { Button, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { $api } from '../../api/client.js';
import { type Label, useI18n } from '../../i18n.js';
import { POSITION_LABELS as P } from './positionLabels.js';

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The caller's unit on the latest weekly red/black list: rank among the ranked units, score, list. */
export function PositionCard() {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/supervision/weekly/my-unit');
  const say = (label: Label, values: Record<string, string | number> = {}) => fill(pick(label), values);
  const p = data?.position;
  return (
    <Card
      title={pick(P.title)}
      extra={
        <Link to="/supervision/weekly">
          <Button size="small">{pick(P.weekly)}</Button>
        </Link>
      }
    >
      {!data ? (
        <Skeleton active />
      ) : !p ? (
        <Typography.Text type="secondary">{pick(P.none)}</Typography.Text>
      ) : (
        <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={pick(P.week)}>{p.weekOf}</Descriptions.Item>
          <Descriptions.Item label={pick(P.rank)}>
            {p.rank > 0 ? say(P.rankOf, { rank: p.rank, total: p.rankedUnits }) : pick(P.unranked)}
          </Descriptions.Item>
          <Descriptions.Item label={pick(P.score)}>{p.score.toFixed(1)}</Descriptions.Item>
          <Descriptions.Item label={pick(P.board)}>
            {p.board ? <Tag color={p.board === 'red' ? 'red' : 'default'}>{pick(P[p.board])}</Tag> : pick(P.neither)}
          </Descriptions.Item>
          {p.change && p.rank > 0 && (
            <Descriptions.Item label={pick(P.change)}>
              {p.change.rank > 0 ? say(P.up, { n: p.change.rank }) : p.change.rank < 0 ? say(P.down, { n: -p.change.rank }) : pick(P.same)}
              {'，'}
              {say(P.scoreChange, { sign: p.change.score >= 0 ? '+' : '−', n: Math.abs(p.change.score).toFixed(1) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
