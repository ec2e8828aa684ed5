import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { $api, client, ok } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { PLEASE_CHOOSE } from '../../components/format.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { UnitSelect, useUnits } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { CampaignTotals } from './CampaignsPage.js';
import { MISCONDUCT_LABELS, procurementLabels as L } from './labels.js';
import { ProcurementNav } from './nav.js';
import { yuan } from './parts.js';
import { ProjectsUpload } from './ProjectsUpload.js';

interface ProblemForm {
  projectId: number;
  misconduct: string;
  description: string;
  unitId?: number;
  deadline?: Dayjs;
}

/** A campaign: totals, the projects checked, problems per agency, each followed to rectification. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { can } = useSession();
  const report = useReportError();
  const units = useUnits();
  const [projectForm] = Form.useForm<{ code: string; name: string; agency: string; amount: number; checked: boolean }>();
  const [problemForm] = Form.useForm<ProblemForm>();
  const { data: c, refetch } = $api.useQuery('get', '/api/v1/procurement/campaigns/{id}', { params: { path: { id } } });
  if (!c) return null;
  const path = { id: String(c.id) };
  const manage = can('procurement.campaigns.manage');
  const misconduct = (m: string) => pick(MISCONDUCT_LABELS[m] ?? { zh: m, en: m });

  const addProject = async (v: { code: string; name: string; agency: string; amount: number; checked: boolean }) => {
    try {
      await ok(client.POST('/api/v1/procurement/campaigns/{id}/projects', { params: { path }, body: { projects: [v] } }));
      projectForm.resetFields();
    } catch (err) {
      report(err, projectForm);
    }
  };
  const addProblem = async (v: ProblemForm) => {
    try {
      await ok(
        client.POST('/api/v1/procurement/campaigns/{id}/problems', {
          params: { path },
          body: { ...v, deadline: v.deadline?.format('YYYY-MM-DD') },
        }),
      );
      problemForm.resetFields();
    } catch (err) {
      report(err, problemForm);
    }
  };
  const verify = (problemId: number) =>
    ok(
      client.POST('/api/v1/procurement/campaigns/{id}/problems/{problemId}/verify', {
        params: { path: { id: String(c.id), problemId: String(problemId) } },
      }),
    ).catch(report);

  return (
    <div>
      <Typography.Title level={3}>{c.name}</Typography.Title>
      <ProcurementNav />
      <Card style={{ marginBottom: 16 }}>
        <CampaignTotals
          checked={c.checked}
          amount={c.amount}
          problems={c.problems.length}
          verified={c.problems.filter((p) => p.verified).length}
        />
      </Card>
      <Card title={pick(L.byAgency)} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="agency"
          pagination={false}
          dataSource={c.byAgency}
          locale={{ emptyText: pick(L.noData) }}
          columns={[
            { title: pick(L.agency), dataIndex: 'agency' },
            { title: pick(L.projects), dataIndex: 'projects' },
            { title: pick(L.problemsFound), dataIndex: 'problems' },
            { title: pick(L.verified), dataIndex: 'verified' },
          ]}
        />
      </Card>
      <Card title={pick(L.problemsFound)} style={{ marginBottom: 16 }}>
        <ResponsiveTable
          rowKey="id"
          pagination={false}
          dataSource={c.problems}
          locale={{ emptyText: pick(L.noData) }}
          phoneColumns={['description', 'verified']}
          columns={[
            { title: pick(L.description), dataIndex: 'description', key: 'description' },
            { title: pick(L.misconduct), dataIndex: 'misconduct', render: misconduct },
            { title: pick(L.agency), dataIndex: 'agency' },
            {
              title: pick(L.rectification),
              dataIndex: 'itemId',
              render: (itemId: number | null) => (itemId ? <Link to={`/worklists/items/${itemId}`}>{pick(L.rectification)}</Link> : '—'),
            },
            {
              title: pick(L.verified),
              dataIndex: 'verified',
              key: 'verified',
              render: (v: boolean, p) =>
                v ? (
                  <Tag color="green">{pick(L.verified)}</Tag>
                ) : manage ? (
                  <Button size="small" onClick={() => void verify(p.id)}>
                    {pick(L.markVerified)}
                  </Button>
                ) : null,
            },
          ]}
        />
        {manage && c.projects.length > 0 && (
          <Form form={problemForm} layout="vertical" onFinish={addProblem} style={{ marginTop: 16, maxWidth: 640 }}>
            <Typography.Title level={5}>{pick(L.addProblem)}</Typography.Title>
            <Form.Item name="projectId" label={pick(L.project)} rules={[{ required: true }]}>
              <Select
                placeholder={pick(PLEASE_CHOOSE)}
                options={c.projects.map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${p.agency}）` }))}
              />
            </Form.Item>
            <Form.Item name="misconduct" label={pick(L.misconduct)} rules={[{ required: true }]}>
              <Select placeholder={pick(PLEASE_CHOOSE)} options={c.checklist.map((m) => ({ value: m, label: misconduct(m) }))} />
            </Form.Item>
            <Form.Item name="description" label={pick(L.description)} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="unitId" label={pick(L.rectifyUnit)}>
                <UnitSelect units={units} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name="deadline" label={pick(L.rectifyDeadline)}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit">
              {pick(L.addProblem)}
            </Button>
          </Form>
        )}
      </Card>
      <Card title={pick(L.projects)} extra={manage && <ProjectsUpload campaignId={c.id} onDone={() => void refetch()} />}>
        <ResponsiveTable
          rowKey="id"
          pagination={false}
          dataSource={c.projects}
          locale={{ emptyText: pick(L.noData) }}
          phoneColumns={['name', 'problems']}
          columns={[
            { title: pick(L.code), dataIndex: 'code' },
            { title: pick(L.name), dataIndex: 'name', key: 'name' },
            { title: pick(L.agency), dataIndex: 'agency' },
            { title: pick(L.checkedAmount), dataIndex: 'amount', align: 'right', render: (a: number) => yuan(a) },
            { title: pick(L.checkedOn), dataIndex: 'checkedOn', render: (d: string | null) => d ?? pick(L.no) },
            { title: pick(L.problemsFound), dataIndex: 'problems', key: 'problems' },
          ]}
        />
        {manage && (
          <Form
            form={projectForm}
            layout="inline"
            initialValues={{ checked: true }}
            onFinish={addProject}
            style={{ marginTop: 16, rowGap: 8 }}
          >
            <Form.Item name="code" label={pick(L.code)} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" label={pick(L.name)} rules={[{ required: true }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="agency" label={pick(L.agency)} rules={[{ required: true }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="amount" label={pick(L.checkedAmount)} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="checked" label={pick(L.checked)} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button htmlType="submit">{pick(L.addProject)}</Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
