import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { NeedView, PublicationView } from '../../../../src/common/schemas/finance.js';
import { $api, type ApiBody, client, ok } from '../../api/client.js';
import { FormModal } from '../../components/FormModal.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { NEED_STATUS_LABELS, RESPONSE_LABELS, financeLabels as L, yuanText } from './labels.js';
import { AmountItem, DateItem, EnterprisePicker, ExportButton, isoDay, today } from './parts.js';

type Dialog =
  | { kind: 'file' }
  | { kind: 'publish'; need: NeedView }
  | { kind: 'respond'; pub: PublicationView; need: NeedView }
  | { kind: 'grant' | 'land'; pub: PublicationView; need: NeedView };

/** The needs list: the enterprise files, the office publishes to banks, a bank answers and records credit and loans. */
export default function NeedsPanel() {
  const { pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const office = can('finance.manage');
  const bank = can('finance.scope.bank');
  const { data } = $api.useQuery('get', '/api/v1/finance/needs');
  const { data: banks } = $api.useQuery('get', '/api/v1/finance/banks', {}, { enabled: office });
  const { data: projects } = $api.useQuery('get', '/api/v1/finance/projects', {}, { enabled: can('finance.read') });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm();
  const done = () => {
    message.success(pick(L.saved));
    setDialog(null);
    form.resetFields();
  };

  const pubActions = (n: NeedView, p: PublicationView) => {
    const name = `${p.bankName} ${n.purpose}`;
    return (
      <Space wrap size={4}>
        {bank && p.grantedFen === null && (
          <Button size="small" onClick={() => setDialog({ kind: 'respond', pub: p, need: n })} aria-label={`${pick(L.respond)} ${name}`}>
            {pick(L.respond)}
          </Button>
        )}
        {can('finance.credit.record') && p.response === 'offered' && (
          <Button size="small" onClick={() => setDialog({ kind: 'grant', pub: p, need: n })} aria-label={`${pick(L.grant)} ${name}`}>
            {pick(L.grant)}
          </Button>
        )}
        {can('finance.credit.record') && p.grantedFen !== null && (
          <Button size="small" onClick={() => setDialog({ kind: 'land', pub: p, need: n })} aria-label={`${pick(L.land)} ${name}`}>
            {pick(L.land)}
          </Button>
        )}
      </Space>
    );
  };

  const columns = [
    { key: 'enterprise', title: pick(L.enterprise), render: (_: unknown, n: NeedView) => n.enterprise.name },
    { key: 'amount', title: pick(L.amountCol), align: 'right' as const, render: (_: unknown, n: NeedView) => yuanText(n.amountFen, lang) },
    { key: 'term', title: pick(L.term), dataIndex: 'termMonths' },
    { key: 'purpose', title: pick(L.purpose), dataIndex: 'purpose' },
    { key: 'collateral', title: pick(L.collateral), dataIndex: 'collateral' },
    { key: 'project', title: pick(L.project), render: (_: unknown, n: NeedView) => n.project?.name ?? '' },
    {
      key: 'status',
      title: pick(L.status),
      render: (_: unknown, n: NeedView) => <Tag>{pick(NEED_STATUS_LABELS[n.status] ?? NEED_STATUS_LABELS.open!)}</Tag>,
    },
    {
      key: 'banks',
      title: pick(L.banks),
      render: (_: unknown, n: NeedView) => (
        <Space direction="vertical" size={4}>
          {n.publications.map((p) => (
            <div key={p.id} aria-label={`${pick(L.bank)} ${p.bankName}`}>
              <Typography.Text>{p.bankName}</Typography.Text>{' '}
              <Tag color={p.response === 'offered' ? 'green' : p.response === 'declined' ? 'red' : 'default'}>
                {pick(RESPONSE_LABELS[p.response]!)}
              </Tag>
              {p.reason && <Typography.Text type="secondary">{p.reason} </Typography.Text>}
              {p.grantedFen !== null && (
                <Typography.Text>{`${pick(L.granted)} ${yuanText(p.grantedFen, lang)}（${p.grantedOn}）`} </Typography.Text>
              )}
              {p.landedFen !== null && (
                <Typography.Text>{`${pick(L.landed)} ${yuanText(p.landedFen, lang)}（${p.landedOn}）`}</Typography.Text>
              )}
              <div>{pubActions(n, p)}</div>
            </div>
          ))}
          {office && n.status !== 'closed' && (
            <Button
              size="small"
              type="primary"
              onClick={() => setDialog({ kind: 'publish', need: n })}
              aria-label={`${pick(L.publish)} ${n.purpose}`}
            >
              {pick(L.publish)}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const submit = async (v: Record<string, unknown>) => {
    if (!dialog) return;
    if (dialog.kind === 'file') {
      await ok(
        client.POST('/api/v1/finance/needs', { body: { ...v, projectId: v.projectId ?? null } as ApiBody<'/api/v1/finance/needs'> }),
      );
    } else if (dialog.kind === 'publish') {
      const body = {
        bankIds: v.bankIds as number[],
        projectId: (v.projectId as number | undefined) ?? dialog.need.project?.id ?? null,
        version: dialog.need.version,
      };
      await ok(client.POST('/api/v1/finance/needs/{id}/publish', { params: { path: { id: String(dialog.need.id) } }, body }));
    } else {
      const path = { id: String(dialog.pub.id) };
      if (dialog.kind === 'respond') {
        const body = {
          response: v.response,
          ...(v.reason ? { reason: v.reason } : {}),
          ...(v.response === 'offered' ? { offerAmount: v.offerAmount } : {}),
          version: dialog.pub.version,
        } as ApiBody<'/api/v1/finance/publications/{id}/respond'>;
        await ok(client.POST('/api/v1/finance/publications/{id}/respond', { params: { path }, body }));
      } else {
        const body = { amount: v.amount as string, on: isoDay(v.on as never), version: dialog.pub.version };
        if (dialog.kind === 'grant') await ok(client.POST('/api/v1/finance/publications/{id}/grant', { params: { path }, body }));
        else await ok(client.POST('/api/v1/finance/publications/{id}/land', { params: { path }, body }));
      }
    }
    done();
  };

  const titles = { file: L.file, publish: L.publish, respond: L.respond, grant: L.grant, land: L.land };
  const response = Form.useWatch('response', form) as string | undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {bank && <Typography.Text type="secondary">{pick(L.seeOwn)}</Typography.Text>}
      <Space wrap>
        {can('finance.needs.file') && (
          <Button type="primary" onClick={() => setDialog({ kind: 'file' })}>
            {pick(L.file)}
          </Button>
        )}
        {can('finance.export') && <ExportButton list="needs" />}
      </Space>
      <ResponsiveTable<NeedView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={!data}
        pagination={{ pageSize: 20 }}
        phoneColumns={can('finance.scope.enterprise') ? ['purpose', 'amount'] : ['enterprise', 'amount']}
        locale={{ emptyText: pick(L.none) }}
      />
      {dialog && (
        <FormModal
          title={`${pick(titles[dialog.kind])}${dialog.kind === 'file' ? '' : `：${dialog.need.enterprise.name}`}`}
          form={form}
          initialValues={
            dialog.kind === 'grant' || dialog.kind === 'land'
              ? { on: today() }
              : dialog.kind === 'respond'
                ? { response: 'offered' }
                : dialog.kind === 'publish'
                  ? { projectId: dialog.need.project?.id }
                  : { termMonths: 12 }
          }
          onSubmit={submit}
          onCancel={() => {
            setDialog(null);
            form.resetFields();
          }}
        >
          {dialog.kind === 'file' && (
            <>
              {office && <EnterprisePicker />}
              <AmountItem name="amount" label={pick(L.amount)} />
              <Form.Item name="termMonths" label={pick(L.term)} rules={[{ required: true }]}>
                <InputNumber min={1} max={360} style={{ width: '100%' }} aria-label={pick(L.term)} />
              </Form.Item>
              <Form.Item name="purpose" label={pick(L.purpose)} rules={[{ required: true, whitespace: true, message: pick(L.required) }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item
                name="collateral"
                label={pick(L.collateral)}
                rules={[{ required: true, whitespace: true, message: pick(L.required) }]}
              >
                <Input maxLength={500} />
              </Form.Item>
              {!!projects?.items.length && (
                <Form.Item name="projectId" label={pick(L.project)}>
                  <Select allowClear aria-label={pick(L.project)} options={projects.items.map((p) => ({ value: p.id, label: p.name }))} />
                </Form.Item>
              )}
            </>
          )}
          {dialog.kind === 'publish' && (
            <>
              <Form.Item name="bankIds" label={pick(L.chooseBanks)} rules={[{ required: true, message: pick(L.chooseBanks) }]}>
                <Checkbox.Group
                  options={(banks ?? []).map((b) => ({
                    value: b.id,
                    label: b.name,
                    disabled: dialog.need.publications.some((p) => p.bankId === b.id),
                  }))}
                />
              </Form.Item>
              <Form.Item name="projectId" label={pick(L.project)}>
                <Select
                  allowClear
                  aria-label={pick(L.project)}
                  options={(projects?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
            </>
          )}
          {dialog.kind === 'respond' && (
            <>
              <Form.Item name="response" label={pick(L.response)} rules={[{ required: true }]}>
                <Radio.Group
                  options={(['interested', 'offered', 'declined'] as const).map((r) => ({ value: r, label: pick(RESPONSE_LABELS[r]!) }))}
                />
              </Form.Item>
              {response === 'offered' && <AmountItem name="offerAmount" label={pick(L.offerAmount)} />}
              <Form.Item
                name="reason"
                label={pick(L.reason)}
                rules={[{ required: response === 'declined', whitespace: true, message: pick(L.required) }]}
              >
                <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
              </Form.Item>
            </>
          )}
          {(dialog.kind === 'grant' || dialog.kind === 'land') && (
            <>
              <AmountItem name="amount" label={pick(dialog.kind === 'grant' ? L.grantedYuan : L.landedYuan)} />
              <DateItem name="on" label={pick(L.date)} />
            </>
          )}
        </FormModal>
      )}
    </Space>
  );
}
