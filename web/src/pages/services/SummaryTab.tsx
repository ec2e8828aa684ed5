import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { $api } from '../../api/client.js';
import { fill, fmtNumber } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { FLAG_LABEL, POINT_LABEL, RATE_FLAGS, servicesLabels as L } from './labels.js';

/** Every figure of the report's government-services section, computed from the records, for the city or one county. */
export function SummaryTab({ date, countyId }: { date: string; countyId?: number | undefined }) {
  const { pick } = useI18n();
  const { data } = $api.useQuery('get', '/api/v1/services/summary', {
    params: { query: { date, countyId: countyId ? String(countyId) : undefined } },
  });
  if (!data) return null;
  const r = data.rates;
  const pct = (n: number | null) => (n === null ? '—' : `${fmtNumber(n, 1)}%`);
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Typography.Text type="secondary">{fill(pick(L.dataAsOf), { date: data.dataDate })}</Typography.Text>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={pick(L.catalogue)}>
          <Row gutter={[12, 12]}>
            <Col span={8}>
              <Statistic title={pick(L.inForce)} value={fmtNumber(r.total)} />
            </Col>
            {r.rates.map((x) => (
              <Col span={8} key={x.flag}>
                <Statistic title={pick(FLAG_LABEL[x.flag]!)} value={RATE_FLAGS.has(x.flag) ? pct(x.percent) : fmtNumber(x.count)} />
              </Col>
            ))}
          </Row>
          {!countyId && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
              {pick(L.rounds)}
              {pick(L.colon)}
              {data.cityCatalogue.rounds.length
                ? data.cityCatalogue.rounds
                    .map((x) => fill(pick(L.roundLine), { date: x.effectiveOn, name: x.name, before: x.beforeCount, after: x.afterCount }))
                    .join(pick(L.sep))
                : pick(L.noRounds)}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={pick(L.packages)}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={pick(L.packages)}>{fill(pick(L.packageCount), { n: data.packages.count })}</Descriptions.Item>
            <Descriptions.Item label={pick(L.materialsCut)}>{pct(data.packages.promisedMaterialsCut)}</Descriptions.Item>
            <Descriptions.Item label={pick(L.limitCutPromised)}>{pct(data.packages.promisedTimeCut)}</Descriptions.Item>
            <Descriptions.Item label={pick(L.measuredShort)}>
              {data.packages.measured.from} – {data.packages.measured.to}
              {pick(L.colon)}
              {pick(L.finished)} {fmtNumber(data.packages.measured.finished)}
              {' · '}
              {pick(L.late)} {fmtNumber(data.packages.measured.late)}
              {' · '}
              {pick(L.timeCut)} {pct(data.packages.measured.averageTimeCut)}
            </Descriptions.Item>
            <Descriptions.Item label={pick(L.startup)}>
              {fill(pick(L.startupLine), {
                year: data.startup.year,
                n: fmtNumber(data.startup.cases),
                days: fmtNumber(data.startup.averageDays, 2),
                steps: fmtNumber(data.startup.averageSteps, 1),
                docs: fmtNumber(data.startup.averageDocuments, 1),
                yuan: fmtNumber(data.startup.waivedFen / 100, 2),
              })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={pick(L.network)}>
          {data.network ? (
            <Row gutter={[12, 12]}>
              {Object.keys(POINT_LABEL).map((k) => (
                <Col span={8} key={k}>
                  <Statistic title={pick(POINT_LABEL[k]!)} value={fmtNumber(Number(data.network![k as keyof typeof data.network] ?? 0))} />
                </Col>
              ))}
              <Col span={8}>
                <Statistic title={pick(L.allInOne)} value={fmtNumber(Number(data.network.allInOneWindows ?? 0))} />
              </Col>
            </Row>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {fill(pick(L.assistedLine), { year: data.assisted.year, n: data.assisted.assistants, cases: fmtNumber(data.assisted.cases) })}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
