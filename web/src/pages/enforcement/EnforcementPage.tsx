import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { $api, type ApiResponse, apiUrl, client, ok, upload } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ImportFlow } from '../../components/ImportFlow.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useReportError } from '../../components/feedback.js';
import { fill } from '../../components/format.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { DOC_OUTCOMES, FACTORS, GRADE_COLORS, MATTER_TYPES, PLAN_STATUS, enforcementLabels as L } from './labels.js';

type Plan = ApiResponse<'/api/v1/enforcement/plans'>[number];
type Matter = ApiResponse<'/api/v1/enforcement/matters'>[number];
type Officer = ApiResponse<'/api/v1/enforcement/officers'>[number];
type MattersImport = ApiResponse<'/api/v1/enforcement/matters/import', 'post'>;

interface PlanForm {
  name: string;
  kind: 'annual' | 'ad_hoc';
  unitIds: number[];
  itemCodes: string[];
  officerIds: number[];
  officersPerVisit: number;
  window: [Dayjs, Dayjs];
  A: number;
  B: number;
  C: number;
  D: number;
  offSite: boolean;
  dataSource?: string;
  publishDays: number;
}

function PlansTab() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const report = useReportError();
  const units = useUnits();
  const [form] = Form.useForm<PlanForm>();
  const [creating, setCreating] = useState(false);
  const { data: plans } = $api.useQuery('get', '/api/v1/enforcement/plans');
  const { data: matters } = $api.useQuery('get', '/api/v1/enforcement/matters', {});
  const { data: officers } = $api.useQuery('get', '/api/v1/enforcement/officers', {});
  const chosenUnits = Form.useWatch('unitIds', form) ?? [];
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? '';

  const create = async (v: PlanForm) => {
    try {
      const quotas = (['A', 'B', 'C', 'D'] as const).filter((g) => (v[g] ?? 0) > 0).map((grade) => ({ grade, ratio: v[grade] / 100 }));
      const plan = await ok(
        client.POST('/api/v1/enforcement/plans', {
          body: {
            name: v.name,
            kind: v.kind,
            unitIds: v.unitIds,
            itemCodes: v.itemCodes,
            officerIds: v.officerIds,
            officersPerVisit: v.officersPerVisit,
            windowFrom: v.window[0].format('YYYY-MM-DD'),
            windowTo: v.window[1].format('YYYY-MM-DD'),
            quotas,
            offSite: v.offSite,
            dataSource: v.offSite ? (v.dataSource ?? null) : null,
            publishDays: v.publishDays,
          },
        }),
      );
      setCreating(false);
      navigate(`/enforcement/plans/${plan.id}`);
    } catch (err) {
      report(err, form);
    }
  };

  return (
    <Card
      size="small"
      title={pick(L.plans)}
      extra={
        <Space>
          <Link to="/public/inspections">{pick(L.publicPage)}</Link>
          {can('enforcement.plans.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {pick(L.newPlan)}
            </Button>
          )}
        </Space>
      }
    >
      <ResponsiveTable<Plan>
        rowKey="id"
        dataSource={plans ?? []}
        pagination={false}
        locale={{ emptyText: pick(L.noPlansYet) }}
        phoneColumns={['name', 'status']}
        columns={[
          { key: 'name', title: pick(L.name), render: (_, p) => <Link to={`/enforcement/plans/${p.id}`}>{p.name}</Link> },
          {
            key: 'status',
            title: pick(L.status),
            render: (_, p) => (
              <Tag color={p.status === 'drawn' ? 'green' : p.status === 'committed' ? 'blue' : undefined}>
                {pick(PLAN_STATUS[p.status] ?? PLAN_STATUS.draft!)}
              </Tag>
            ),
          },
          { key: 'kind', title: pick(L.kind), render: (_, p) => pick(p.kind === 'annual' ? L.annual : L.ad_hoc) },
          { key: 'units', title: pick(L.departments), render: (_, p) => p.unitIds.map(unitName).join('、') },
          { key: 'window', title: pick(L.window), render: (_, p) => `${p.windowFrom} ~ ${p.windowTo}` },
          { key: 'offSite', title: pick(L.offSite), render: (_, p) => (p.offSite ? '✓' : '') },
        ]}
      />
      {creating && (
        <FormModal<PlanForm>
          title={pick(L.newPlan)}
          form={form}
          width={720}
          initialValues={{
            kind: 'annual',
            officersPerVisit: 2,
            publishDays: 20,
            offSite: false,
            A: 3,
            B: 5,
            C: 10,
            D: 20,
            window: [dayjs(), dayjs().endOf('year')],
          }}
          onSubmit={create}
          onCancel={() => setCreating(false)}
        >
          <Form.Item name="name" label={pick(L.name)} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={pick(L.kind)}>
            <Select
              options={[
                { value: 'annual', label: pick(L.annual) },
                { value: 'ad_hoc', label: pick(L.ad_hoc) },
              ]}
            />
          </Form.Item>
          <Form.Item name="unitIds" label={pick(L.departments)} rules={[{ required: true }]}>
            <UnitSelect units={units.filter((u) => (matters ?? []).some((m) => m.unitId === u.id))} mode="multiple" />
          </Form.Item>
          <Form.Item name="itemCodes" label={pick(L.items)} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(matters ?? [])
                .filter((m) => chosenUnits.includes(m.unitId))
                .flatMap((m) => m.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })))}
            />
          </Form.Item>
          <Form.Item name="officerIds" label={pick(L.officerPool)} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(officers ?? [])
                .filter((o) => chosenUnits.includes(o.unitId))
                .map((o) => ({
                  value: o.id,
                  label: o.certified ? o.name : `${o.name}（${pick(L.notCertified)}）`,
                  disabled: !o.certified,
                }))}
            />
          </Form.Item>
          <Form.Item name="officersPerVisit" label={pick(L.officersPerVisit)}>
            <InputNumber min={2} max={10} />
          </Form.Item>
          <Form.Item name="window" label={pick(L.window)} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item label={pick(L.ratios)}>
            <Space wrap>
              {(['A', 'B', 'C', 'D'] as const).map((g) => (
                <Form.Item key={g} name={g} noStyle>
                  <InputNumber min={0} max={100} addonBefore={g} style={{ width: 120 }} aria-label={`${pick(L.grade)} ${g}`} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          <Form.Item name="offSite" label={pick(L.offSite)} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="dataSource" label={pick(L.dataSource)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="publishDays" label={pick(L.publishDays)}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

function CatalogueTab() {
  const { pick } = useI18n();
  const { can } = useSession();
  const units = useUnits();
  const { data: matters } = $api.useQuery('get', '/api/v1/enforcement/matters', {});
  return (
    <Card
      size="small"
      title={pick(L.catalogue)}
      extra={
        <Space>
          <Button href={apiUrl('/api/v1/enforcement/matters/export.xlsx')}>{pick(L.exportXlsx)}</Button>
          {can('enforcement.catalogue.edit') && (
            <ImportFlow<MattersImport>
              label={pick(L.importXlsx)}
              accept=".xlsx"
              send={(form, commit) => upload('/api/v1/enforcement/matters/import', form, { query: { dryRun: commit ? 'false' : 'true' } })}
              summary={(r) => fill(pick(L.importPreview), { matters: r.matters, items: r.items })}
              done={(r) => fill(pick(L.importDone), { added: r.added, replaced: r.replaced })}
            />
          )}
        </Space>
      }
    >
      <ResponsiveTable<Matter>
        rowKey="id"
        dataSource={matters ?? []}
        pagination={false}
        phoneColumns={['name', 'type']}
        columns={[
          { key: 'name', title: pick(L.name), render: (_, m) => `${m.code} ${m.name}` },
          { key: 'type', title: pick(L.type), render: (_, m) => pick(MATTER_TYPES[m.type] ?? MATTER_TYPES.other!) },
          { key: 'unit', title: pick(L.departments), render: (_, m) => units.find((u) => u.id === m.unitId)?.name ?? '' },
          { key: 'basis', title: pick(L.legalBasis), dataIndex: 'legalBasis' },
          { key: 'items', title: pick(L.items), render: (_, m) => m.items.map((i) => `${i.code} ${i.name}`).join('；') },
        ]}
      />
    </Card>
  );
}

interface OfficerForm {
  unitId: number;
  name: string;
  certNo?: string;
  certValidTo?: Dayjs;
}

function OfficersTab() {
  const { pick } = useI18n();
  const { can } = useSession();
  const units = useUnits();
  const [form] = Form.useForm<OfficerForm>();
  const [adding, setAdding] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/enforcement/officers', {});
  const add = async (v: OfficerForm) => {
    await ok(
      client.POST('/api/v1/enforcement/officers', {
        body: {
          unitId: v.unitId,
          name: v.name,
          certNo: v.certNo || null,
          certValidTo: v.certValidTo ? v.certValidTo.format('YYYY-MM-DD') : null,
        },
      }),
    );
    setAdding(false);
    form.resetFields();
  };
  return (
    <Card
      size="small"
      title={pick(L.officers)}
      extra={can('enforcement.catalogue.edit') && <Button onClick={() => setAdding(true)}>{pick(L.addOfficer)}</Button>}
    >
      <ResponsiveTable<Officer>
        rowKey="id"
        dataSource={data ?? []}
        pagination={false}
        phoneColumns={['name', 'certified']}
        columns={[
          { key: 'name', title: pick(L.name), dataIndex: 'name' },
          {
            key: 'certified',
            title: pick(L.certified),
            render: (_, o) => (o.certified ? <Tag color="green">{pick(L.certified)}</Tag> : <Tag color="red">{pick(L.notCertified)}</Tag>),
          },
          { key: 'unit', title: pick(L.departments), render: (_, o) => units.find((u) => u.id === o.unitId)?.name ?? '' },
          { key: 'certNo', title: pick(L.certNo), dataIndex: 'certNo' },
          { key: 'certValidTo', title: pick(L.certValidTo), dataIndex: 'certValidTo' },
        ]}
      />
      {adding && (
        <FormModal<OfficerForm> title={pick(L.addOfficer)} form={form} onSubmit={add} onCancel={() => setAdding(false)}>
          <Form.Item name="unitId" label={pick(L.departments)} rules={[{ required: true }]}>
            <UnitSelect units={units} />
          </Form.Item>
          <Form.Item name="name" label={pick(L.name)} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="certNo" label={pick(L.certNo)}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="certValidTo" label={pick(L.certValidTo)}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

function DocumentsTab() {
  const { pick } = useI18n();
  const { can } = useSession();
  const report = useReportError();
  const { data } = $api.useQuery('get', '/api/v1/enforcement/documents');
  const t = data?.totals;
  const review = async (id: number, version: number, outcome: 'keep' | 'amend' | 'repeal') => {
    try {
      await ok(
        client.POST('/api/v1/enforcement/documents/{id}/reviews', {
          params: { path: { id: String(id) } },
          body: { outcome, reviewedOn: dayjs().format('YYYY-MM-DD'), version },
        }),
      );
    } catch (err) {
      report(err);
    }
  };
  return (
    <Card size="small" title={pick(L.documents)}>
      {t && (
        <Space wrap size="large" style={{ marginBottom: 12 }}>
          <Statistic title={pick(L.documents)} value={t.documents} />
          <Statistic title={pick(DOC_OUTCOMES.keep!)} value={t.keep} />
          <Statistic title={pick(DOC_OUTCOMES.amend!)} value={t.amend} />
          <Statistic title={pick(DOC_OUTCOMES.repeal!)} value={t.repeal} />
          <Statistic title={pick(L.pending)} value={t.pending} />
        </Space>
      )}
      <ResponsiveTable
        rowKey="id"
        dataSource={data?.documents ?? []}
        pagination={false}
        phoneColumns={['title', 'outcome']}
        columns={[
          { key: 'title', title: pick(L.name), dataIndex: 'title' },
          {
            key: 'outcome',
            title: pick(L.reviewOutcome),
            render: (_, d) =>
              d.outcome ? `${pick(DOC_OUTCOMES[d.outcome]!)}（${fill(pick(L.round), { n: d.reviews.length })}）` : pick(L.pending),
          },
          { key: 'docNumber', title: pick(L.docNumber), dataIndex: 'docNumber' },
          {
            key: 'review',
            title: pick(L.review),
            render: (_, d) =>
              can('enforcement.catalogue.edit') &&
              d.outcome !== 'repeal' && (
                <Select<'keep' | 'amend' | 'repeal'>
                  size="small"
                  style={{ width: 120 }}
                  placeholder={pick(L.review)}
                  aria-label={`${pick(L.review)} ${d.title}`}
                  options={Object.entries(DOC_OUTCOMES).map(([value, label]) => ({ value: value as 'keep', label: pick(label) }))}
                  onChange={(v) => review(d.id, d.version, v)}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

function FiguresTab() {
  const { pick } = useI18n();
  const year = dayjs().year();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const { data } = $api.useQuery('get', '/api/v1/enforcement/figures', { params: { query } });
  const keys = [
    'matters',
    'bodies',
    'officersCertified',
    'inspections',
    'offSiteInspections',
    'mutualRecognitions',
    'documentsCleaned',
  ] as const;
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  // A month's figures become the city's indicator values for that month (法治环境 KPIs, with their source).
  const publish = async () => {
    try {
      await ok(client.POST('/api/v1/enforcement/figures/publish', { body: { month: month.format('YYYY-MM') } }));
      message.success(fill(pick(L.publishedToIndicators), { month: month.format('YYYY-MM') }));
    } catch (err) {
      report(err);
    }
  };
  return (
    <Card
      size="small"
      title={pick(L.figures)}
      extra={
        <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} aria-label={pick(L.period)} />
      }
    >
      {can('enforcement.figures.publish') && (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{pick(L.feedMonth)}</span>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} aria-label={pick(L.feedMonth)} />
          <Button onClick={publish}>{pick(L.publishToIndicators)}</Button>
        </Space>
      )}
      <Row gutter={[16, 16]}>
        {keys.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Statistic title={pick(L[k])} value={data?.figures[k] ?? 0} />
          </Col>
        ))}
      </Row>
      {data && data.lists.mutualRecognitions.length > 0 && (
        <>
          <Typography.Title level={5}>{pick(L.mutualRecognitions)}</Typography.Title>
          <ResponsiveTable
            rowKey={(r) => `${r.planId}-${r.enterpriseId}`}
            dataSource={data.lists.mutualRecognitions}
            pagination={false}
            columns={[
              { key: 'e', title: pick(L.enterprise), dataIndex: 'enterpriseName' },
              { key: 'p', title: pick(L.plans), dataIndex: 'planName' },
              { key: 'i', title: pick(L.items), render: (_, r) => r.itemCodes.join('、') },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function CreditTab() {
  const { pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [id, setId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  // The office finds an enterprise as it knows it, by name or credit code, never by an internal number.
  const { data: found } = $api.useQuery(
    'get',
    '/api/v1/policies/enterprises',
    { params: { query: { q, pageSize: 20 } } },
    { enabled: q.trim().length > 0 },
  );
  const { data } = $api.useQuery(
    'get',
    '/api/v1/enforcement/credit/{id}',
    { params: { path: { id: String(id ?? 0) } } },
    { enabled: id !== null },
  );
  const { data: repairs } = $api.useQuery('get', '/api/v1/enforcement/repairs');
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      message.success(done);
    } catch (err) {
      report(err);
    }
  };
  const pending = (repairs ?? []).filter((r) => r.status === 'pending');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={pick(L.credit)}
        extra={
          can('enforcement.credit.manage') && (
            <Button onClick={() => act(() => ok(client.POST('/api/v1/enforcement/credit/regrade')), pick(L.regradeStarted))}>
              {pick(L.regrade)}
            </Button>
          )
        }
      >
        <Select
          showSearch
          allowClear
          filterOption={false}
          onSearch={(v) => setQ(v.trim())}
          onChange={(v: number | undefined) => setId(v ?? null)}
          placeholder={pick(L.lookup)}
          aria-label={pick(L.lookup)}
          notFoundContent={null}
          options={(found?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} ${e.uscc}` }))}
          style={{ width: '100%', maxWidth: 480, marginBottom: 12 }}
        />
        {data && (
          <>
            <Typography.Title level={5}>
              {data.name}{' '}
              {data.grade && <Tag color={GRADE_COLORS[data.grade]}>{`${data.grade} ${data.gradeLabel ? pick(data.gradeLabel) : ''}`}</Tag>}
            </Typography.Title>
            <Typography.Paragraph>
              {pick(L.explanation)}：{pick(L.base)} {data.base}
              {data.explanation
                .map(
                  (e) =>
                    '，' +
                    pick(FACTORS[e.factor] ?? { zh: e.factor.replace('tax:', '纳税信用 '), en: e.factor.replace('tax:', 'tax credit ') }) +
                    ` ×${e.count} ${e.points > 0 ? '+' : ''}${e.points}`,
                )
                .join('')}
              {data.score !== null && ` = ${data.score}`}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      <Card size="small" title={pick(L.repairs)}>
        {pending.length === 0 ? (
          <Typography.Text type="secondary">{pick(L.noRepairs)}</Typography.Text>
        ) : (
          <ResponsiveTable
            rowKey="id"
            dataSource={pending}
            pagination={false}
            phoneColumns={['enterprise', 'act']}
            columns={[
              { key: 'enterprise', title: pick(L.enterprise), render: (_, r) => r.enterpriseName ?? '' },
              { key: 'record', title: pick(L.repairRecord), render: (_, r) => r.recordSummary ?? '' },
              { key: 'reason', title: pick(L.reason), dataIndex: 'reason' },
              { key: 'createdAt', title: pick(L.appliedAt), render: (_, r) => r.createdAt.slice(0, 10) },
              {
                key: 'act',
                title: '',
                render: (_, r) =>
                  can('enforcement.repair.review') && (
                    <Space>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() =>
                          act(
                            () =>
                              ok(
                                client.POST('/api/v1/enforcement/repairs/{id}/review', {
                                  params: { path: { id: String(r.id) } },
                                  body: { approve: true, version: r.version },
                                }),
                              ),
                            pick(L.approved),
                          )
                        }
                      >
                        {pick(L.approve)}
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          act(
                            () =>
                              ok(
                                client.POST('/api/v1/enforcement/repairs/{id}/review', {
                                  params: { path: { id: String(r.id) } },
                                  body: { approve: false, version: r.version },
                                }),
                              ),
                            pick(L.rejected),
                          )
                        }
                      >
                        {pick(L.reject)}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

interface ComplaintForm {
  unitId: number;
  source: 'demand' | 'direct';
  summary: string;
}

/** 涉企执法监督: complaints about enforcement against enterprises, followed to an outcome. */
function ComplaintsTab() {
  const { pick } = useI18n();
  const { modal } = App.useApp();
  const report = useReportError();
  const units = useUnits();
  const [form] = Form.useForm<ComplaintForm>();
  const [adding, setAdding] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/enforcement/complaints');
  const add = async (v: ComplaintForm) => {
    await ok(
      client.POST('/api/v1/enforcement/complaints', {
        body: { unitId: v.unitId, source: v.source, summary: v.summary, enterpriseId: null },
      }),
    );
    setAdding(false);
    form.resetFields();
  };
  const close = (c: { id: number; version: number }) => {
    let outcome = '';
    modal.confirm({
      title: pick(L.closeComplaint),
      content: (
        <Input.TextArea rows={3} maxLength={1000} aria-label={pick(L.complaintOutcome)} onChange={(e) => (outcome = e.target.value)} />
      ),
      onOk: async () => {
        try {
          await ok(
            client.POST('/api/v1/enforcement/complaints/{id}/close', {
              params: { path: { id: String(c.id) } },
              body: { outcome, version: c.version },
            }),
          );
        } catch (err) {
          report(err);
          throw err;
        }
      },
    });
  };
  return (
    <Card size="small" title={pick(L.complaints)} extra={<Button onClick={() => setAdding(true)}>{pick(L.addComplaint)}</Button>}>
      <ResponsiveTable
        rowKey="id"
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: pick(L.noComplaints) }}
        phoneColumns={['summary', 'status']}
        columns={[
          { key: 'summary', title: pick(L.complaintSummary), dataIndex: 'summary' },
          {
            key: 'status',
            title: pick(L.status),
            render: (_, c) =>
              c.status === 'open' ? <Tag color="orange">{pick(L.complaintOpen)}</Tag> : <Tag color="green">{pick(L.complaintClosed)}</Tag>,
          },
          { key: 'unit', title: pick(L.departments), render: (_, c) => units.find((u) => u.id === c.unitId)?.name ?? '' },
          { key: 'source', title: pick(L.source), render: (_, c) => pick(c.source === 'demand' ? L.fromDemand : L.direct) },
          {
            key: 'outcome',
            title: pick(L.complaintOutcome),
            render: (_, c) =>
              c.outcome ??
              (c.status === 'open' ? (
                <Button size="small" onClick={() => close(c)}>
                  {pick(L.closeComplaint)}
                </Button>
              ) : (
                ''
              )),
          },
        ]}
      />
      {adding && (
        <FormModal<ComplaintForm>
          title={pick(L.addComplaint)}
          form={form}
          initialValues={{ source: 'direct' }}
          onSubmit={add}
          onCancel={() => setAdding(false)}
        >
          <Form.Item name="unitId" label={pick(L.departments)} rules={[{ required: true }]}>
            <UnitSelect units={units} />
          </Form.Item>
          <Form.Item name="source" label={pick(L.source)}>
            <Select
              options={[
                { value: 'direct', label: pick(L.direct) },
                { value: 'demand', label: pick(L.fromDemand) },
              ]}
            />
          </Form.Item>
          <Form.Item name="summary" label={pick(L.complaintSummary)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/**
 * 法治环境: the plans first (what the office does daily), then the catalogue, officers, cleanup, figures
 * and grades. Each tab is offered by the permission of the routes it reads, so a role that holds only
 * some of them (the service specialist: complaints) sees only those; the server refuses the rest anyway.
 */
export default function EnforcementPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const read = can('enforcement.read');
  const tabs = [
    ...(read
      ? [
          { key: 'plans', label: pick(L.plans), children: <PlansTab /> },
          { key: 'catalogue', label: pick(L.catalogue), children: <CatalogueTab /> },
          { key: 'officers', label: pick(L.officers), children: <OfficersTab /> },
          { key: 'documents', label: pick(L.documents), children: <DocumentsTab /> },
          { key: 'figures', label: pick(L.figures), children: <FiguresTab /> },
        ]
      : []),
    ...(can('enforcement.credit.read') ? [{ key: 'credit', label: pick(L.credit), children: <CreditTab /> }] : []),
    ...(can('enforcement.complaints') ? [{ key: 'complaints', label: pick(L.complaints), children: <ComplaintsTab /> }] : []),
  ];
  const first = tabs[0]?.key ?? 'plans';
  // A notification may open a tab directly (`?tab=credit`: a credit repair waiting for review); one not offered falls back to the first.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active = tabs.some((t) => t.key === asked) ? asked! : first;
  return <Tabs activeKey={active} onChange={(tab) => setParams(tab === first ? {} : { tab }, { replace: true })} items={tabs} />;
}
