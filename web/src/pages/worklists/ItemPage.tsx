import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Input, List, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  CASE_STAGE_LABELS,
  ITEM_KIND_LABELS,
  PUBLICITY_LEVEL_LABELS,
  REPORT_STATUS_LABELS,
} from '../../../../src/common/schemas/worklists.js';
import { $api, type ApiResponse, apiUrl, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { ItemActions } from './ItemActions.js';
import { EVENT_LABELS, worklistLabels } from './labels.js';
import { Due, Percent, StatusTag, unitNames } from './parts.js';

export type ItemDetail = ApiResponse<'/api/v1/items/{id}'>;

/** Stored times are UTC; show them in the browser's (China) time. */
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** One item: instructions on top, the facts, what the caller may do now, reports, evidence, extensions, comments and the timeline. */
export default function ItemPage() {
  const { pick } = useI18n();
  const report = useReportError();
  const id = useParams().id ?? '';
  const itemQuery = $api.queryOptions('get', '/api/v1/items/{id}', { params: { path: { id } } });
  const { data: item } = useQuery(itemQuery);
  const queryClient = useQueryClient();
  // An action answers with the item as it now is: shown at once, without asking again.
  const setItem = (next: ItemDetail) => queryClient.setQueryData(itemQuery.queryKey, next);
  const [comment, setComment] = useState('');
  if (!item) return <Skeleton active />;

  const act = async (call: Promise<ItemDetail>) => {
    try {
      setItem(await call);
      return true;
    } catch (err) {
      report(err);
      return false;
    }
  };
  const decide = (extensionId: number, approve: boolean) =>
    act(
      ok(
        client.POST('/api/v1/items/{id}/extensions/{extensionId}/decision', {
          params: { path: { id, extensionId: String(extensionId) } },
          body: { approve },
        }),
      ),
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {item.instructions.map((n) => (
        <Alert
          key={n.id}
          type="warning"
          showIcon
          message={`${pick(worklistLabels.instructions)}（${n.author ?? ''} ${when(n.createdAt)}）`}
          description={n.text}
        />
      ))}
      {item.status === 'returned' && item.returnReason && (
        <Alert type="error" showIcon message={pick(worklistLabels.returnReason)} description={item.returnReason} />
      )}
      <Card
        title={
          <Space wrap>
            <span>
              {item.code}. {item.content}
            </span>
            <StatusTag status={item.status} />
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={pick(worklistLabels.list)}>
            {item.listName}（{pick(ITEM_KIND_LABELS[item.kind])}）
          </Descriptions.Item>
          <Descriptions.Item label={pick(worklistLabels.area)}>{item.area ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick(worklistLabels.lead)}>{unitNames(item.leadUnits)}</Descriptions.Item>
          <Descriptions.Item label={pick(worklistLabels.coop)}>{unitNames(item.coopUnits) || '—'}</Descriptions.Item>
          <Descriptions.Item label={pick(worklistLabels.deadline)}>
            <Due item={item} />
          </Descriptions.Item>
          <Descriptions.Item label={pick(worklistLabels.percent)}>
            <Percent value={item.percent} />
          </Descriptions.Item>
          {item.measures && (
            <Descriptions.Item label={pick(worklistLabels.measures)} span={2}>
              {item.measures}
            </Descriptions.Item>
          )}
          {item.sourceEvaluation && (
            <Descriptions.Item label={pick(worklistLabels.sourceEvaluation)}>{item.sourceEvaluation}</Descriptions.Item>
          )}
          {item.rectification && <Descriptions.Item label={pick(worklistLabels.rectification)}>{item.rectification}</Descriptions.Item>}
          {item.kind === 'question' && (
            <>
              <Descriptions.Item label={`${pick(worklistLabels.selfScore)} / ${pick(worklistLabels.maxScore)}`}>
                {item.selfScore ?? '—'} / {item.maxScore ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={pick(worklistLabels.scoringRule)}>{item.scoringRule ?? '—'}</Descriptions.Item>
            </>
          )}
          {item.stage && (
            <Descriptions.Item label={pick(worklistLabels.caseBoard)}>{pick(CASE_STAGE_LABELS[item.stage])}</Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <ItemActions item={item} onChange={setItem} />
        </div>
      </Card>

      {item.publicity.length > 0 && (
        <Card title={pick(worklistLabels.publicity)} size="small">
          <List
            dataSource={item.publicity}
            renderItem={(p) => (
              <List.Item>
                <Tag>{pick(PUBLICITY_LEVEL_LABELS[p.level])}</Tag> {p.outlet} {p.date ?? ''} {p.link && <a href={p.link}>{p.link}</a>}
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card title={pick(worklistLabels.reports)} size="small">
        {item.reports.length ? (
          <List
            dataSource={item.reports}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag>{pick(REPORT_STATUS_LABELS[r.status])}</Tag>
                    <span>{unitNames([r.unit])}</span>
                    <span>{r.percent}%</span>
                    <Typography.Text type="secondary">
                      {r.author ?? ''} {when(r.createdAt)}
                    </Typography.Text>
                  </Space>
                  <div>{r.text}</div>
                  {r.headNote && <Typography.Text type="secondary">{r.headNote}</Typography.Text>}
                  {r.reviewNote && <Typography.Text type="danger">{r.reviewNote}</Typography.Text>}
                  {r.evidence.map((e) => (
                    <a key={e.id} href={apiUrl('/api/v1/items/{id}/evidence/{evidenceId}', { path: { id, evidenceId: e.id } })}>
                      <PaperClipOutlined aria-hidden /> {e.filename}
                    </a>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={pick(worklistLabels.empty)} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>

      {item.extensions.length > 0 && (
        <Card title={pick(worklistLabels.extensions)} size="small">
          <List
            dataSource={item.extensions}
            renderItem={(x) => (
              <List.Item
                actions={
                  item.can.decideExtension && x.status === 'pending'
                    ? [
                        <Button key="a" size="small" type="primary" onClick={() => decide(x.id, true)}>
                          {pick(worklistLabels.approveExtension)}
                        </Button>,
                        <Button key="r" size="small" danger onClick={() => decide(x.id, false)}>
                          {pick(worklistLabels.refuseExtension)}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={0}>
                  <span>
                    {x.oldDeadline} → {x.requestedDeadline} <Tag>{x.status}</Tag>
                  </span>
                  <Typography.Text type="secondary">{x.reason}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card title={pick(worklistLabels.comments)} size="small">
        <List
          dataSource={item.comments}
          locale={{ emptyText: pick(worklistLabels.empty) }}
          renderItem={(n) => <List.Item>{`${n.author ?? ''}：${n.text}`}</List.Item>}
        />
        {item.can.comment && (
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input
              aria-label={pick(worklistLabels.comment)}
              placeholder={pick(worklistLabels.comment)}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={4000}
            />
            <Button
              disabled={!comment.trim()}
              onClick={() =>
                act(ok(client.POST('/api/v1/items/{id}/comments', { params: { path: { id } }, body: { text: comment.trim() } }))).then(
                  (done) => done && setComment(''),
                )
              }
            >
              {pick(worklistLabels.comment)}
            </Button>
          </Space.Compact>
        )}
      </Card>

      <Card title={pick(worklistLabels.timeline)} size="small">
        <Timeline
          aria-label={pick(worklistLabels.timeline)}
          items={item.timeline.map((e) => ({
            key: e.id,
            children: (
              <span data-event={e.type}>
                <b>{pick(EVENT_LABELS[e.type] ?? { zh: e.type, en: e.type })}</b> {e.actor ?? ''}{' '}
                <Typography.Text type="secondary">{when(e.at)}</Typography.Text>
                {typeof e.data.reason === 'string' && <div>{e.data.reason}</div>}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
