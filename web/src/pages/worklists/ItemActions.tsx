import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CASE_STAGES, CASE_STAGE_LABELS } from '../../../../src/common/schemas/worklists.js';
import { type ApiResponse, client, ok, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ItemForm } from './ItemForm.js';
import type { ItemDetail } from './ItemPage.js';
import { worklistLabels } from './labels.js';

type EvidenceView = ApiResponse<'/api/v1/items/{id}/evidence', 'post'>;
type Prompt = { title: string; label: string; run: (text: string) => Promise<unknown> };

/** The buttons of an item page: only what the server says the caller may do now (`item.can`). */
export function ItemActions({ item, onChange }: { item: ItemDetail; onChange: (next: ItemDetail) => void }) {
  const { pick } = useI18n();
  const { user } = useSession();
  const report = useReportError();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [promptText, setPromptText] = useState('');
  const [reporting, setReporting] = useState(false);
  const [extending, setExtending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reportForm] = Form.useForm<{ text: string; percent: number }>();
  const [extForm] = Form.useForm<{ reason: string; requestedDeadline: Dayjs }>();
  const [uploaded, setUploaded] = useState<EvidenceView[]>([]);
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<number | null>(item.selfScore);

  const run = async (fn: () => Promise<ItemDetail>, form?: Parameters<typeof report>[1]) => {
    setBusy(true);
    try {
      onChange(await fn());
      return true;
    } catch (err) {
      report(err, form);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const id = String(item.id);
  const onItem = { params: { path: { id } } };
  const onReport = (reportId: number) => ({ params: { path: { id, reportId: String(reportId) } } });
  const ask = (title: string, label: string, fn: (text: string) => Promise<ItemDetail>) =>
    setPrompt({ title, label, run: (text) => run(() => fn(text)).then((done) => done && setPrompt(null)) });

  const pendingHead = item.reports.find((r) => r.status === 'pending_head' && r.unit.id === user.unitId);
  const pendingOffice = item.reports.find((r) => r.status === 'pending_office');
  const c = item.can;

  return (
    <>
      <Space wrap>
        {c.start && (
          <Button onClick={() => run(() => ok(client.POST('/api/v1/items/{id}/start', onItem)))}>{pick(worklistLabels.start)}</Button>
        )}
        {c.report && (
          <Button type="primary" onClick={() => setReporting(true)}>
            {pick(worklistLabels.report)}
          </Button>
        )}
        {c.approve && pendingHead && (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                run(() => ok(client.POST('/api/v1/items/{id}/reports/{reportId}/approve', { ...onReport(pendingHead.id), body: {} })))
              }
            >
              {pick(worklistLabels.approve)}
            </Button>
            <Button
              danger
              onClick={() =>
                ask(pick(worklistLabels.sendBack), pick(worklistLabels.reason), (reason) =>
                  ok(client.POST('/api/v1/items/{id}/reports/{reportId}/send-back', { ...onReport(pendingHead.id), body: { reason } })),
                )
              }
            >
              {pick(worklistLabels.sendBack)}
            </Button>
          </>
        )}
        {c.review && pendingOffice && (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                run(() => ok(client.POST('/api/v1/items/{id}/reports/{reportId}/accept', { ...onReport(pendingOffice.id), body: {} })))
              }
            >
              {pick(pendingOffice.percent === 100 ? worklistLabels.acceptClose : worklistLabels.accept)}
            </Button>
            <Button
              danger
              onClick={() =>
                ask(pick(worklistLabels.officeReturn), pick(worklistLabels.reason), (reason) =>
                  ok(client.POST('/api/v1/items/{id}/reports/{reportId}/return', { ...onReport(pendingOffice.id), body: { reason } })),
                )
              }
            >
              {pick(worklistLabels.officeReturn)}
            </Button>
          </>
        )}
        {c.requestExtension && <Button onClick={() => setExtending(true)}>{pick(worklistLabels.requestExtension)}</Button>}
        {c.instruct && (
          <Button
            onClick={() =>
              ask(pick(worklistLabels.instruct), pick(worklistLabels.instructions), (text) =>
                ok(client.POST('/api/v1/items/{id}/instructions', { ...onItem, body: { text } })),
              )
            }
          >
            {pick(worklistLabels.instruct)}
          </Button>
        )}
        {c.reopen && (
          <Button
            onClick={() =>
              ask(pick(worklistLabels.reopen), pick(worklistLabels.reason), (reason) =>
                ok(client.POST('/api/v1/items/{id}/reopen', { ...onItem, body: { reason } })),
              )
            }
          >
            {pick(worklistLabels.reopen)}
          </Button>
        )}
        {c.edit && <Button onClick={() => setEditing(true)}>{pick(worklistLabels.editItem)}</Button>}
        {c.edit && item.kind === 'case' && (
          <Select
            aria-label={pick(worklistLabels.setStage)}
            value={item.stage ?? 'declared'}
            style={{ width: 120 }}
            options={CASE_STAGES.map((st) => ({ value: st, label: pick(CASE_STAGE_LABELS[st]) }))}
            onChange={(stage) =>
              run(() => ok(client.POST('/api/v1/items/{id}/stage', { ...onItem, body: { version: item.version, stage } })))
            }
          />
        )}
        {c.selfScore && (
          <Space.Compact>
            <InputNumber
              aria-label={pick(worklistLabels.selfScore)}
              min={0}
              max={item.maxScore ?? 1000}
              step={0.5}
              value={score}
              onChange={setScore}
            />
            <Button
              disabled={score === null}
              onClick={() =>
                score !== null &&
                run(() =>
                  ok(client.POST('/api/v1/items/{id}/self-score', { ...onItem, body: { version: item.version, selfScore: score } })),
                )
              }
            >
              {pick(worklistLabels.saveScore)}
            </Button>
          </Space.Compact>
        )}
      </Space>
      {editing && <ItemForm item={item} open={editing} onClose={() => setEditing(false)} onSaved={onChange} />}

      <Modal
        title={prompt?.title}
        open={prompt !== null}
        confirmLoading={busy}
        okButtonProps={{ disabled: !promptText.trim() }}
        onOk={() => prompt?.run(promptText.trim()).then(() => setPromptText(''))}
        onCancel={() => setPrompt(null)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={prompt?.label}
          placeholder={prompt?.label}
          rows={3}
          value={promptText}
          onChange={(e) => setPromptText(e.target.value)}
          maxLength={1000}
        />
      </Modal>

      <Modal
        title={pick(worklistLabels.report)}
        open={reporting}
        confirmLoading={busy}
        onOk={() => reportForm.submit()}
        onCancel={() => setReporting(false)}
        okText={pick(worklistLabels.submit)}
      >
        <Form
          form={reportForm}
          layout="vertical"
          initialValues={{ percent: item.percent }}
          onFinish={async (v) => {
            const done = await run(
              () =>
                ok(
                  client.POST('/api/v1/items/{id}/reports', {
                    ...onItem,
                    body: { text: v.text, percent: v.percent, evidenceIds: uploaded.map((e) => e.id) },
                  }),
                ),
              reportForm,
            );
            if (done) {
              setReporting(false);
              setUploaded([]);
              reportForm.resetFields();
            }
          }}
        >
          <Form.Item name="text" label={pick(worklistLabels.reportText)} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="percent" label={pick(worklistLabels.percent)} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item label={pick(worklistLabels.evidence)}>
            <Upload
              multiple
              fileList={uploaded.map((e) => ({ uid: String(e.id), name: e.filename, status: 'done' as const }))}
              onRemove={(f) => setUploaded((list) => list.filter((e) => String(e.id) !== f.uid))}
              customRequest={async ({ file, onSuccess, onError }) => {
                const form = new FormData();
                form.append('file', file as Blob, (file as File).name);
                try {
                  const ev = await upload('/api/v1/items/{id}/evidence', form, onItem.params);
                  setUploaded((list) => [...list, ev]);
                  onSuccess?.(ev);
                } catch (err) {
                  report(err);
                  onError?.(err as Error);
                }
              }}
            >
              <Button>{pick(worklistLabels.uploadEvidence)}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={pick(worklistLabels.requestExtension)}
        open={extending}
        confirmLoading={busy}
        onOk={() => extForm.submit()}
        onCancel={() => setExtending(false)}
      >
        <Form
          form={extForm}
          layout="vertical"
          onFinish={async (v) => {
            const done = await run(
              () =>
                ok(
                  client.POST('/api/v1/items/{id}/extensions', {
                    ...onItem,
                    body: { reason: v.reason, requestedDeadline: v.requestedDeadline.format('YYYY-MM-DD') },
                  }),
                ),
              extForm,
            );
            if (done) setExtending(false);
          }}
        >
          <Form.Item name="requestedDeadline" label={pick(worklistLabels.newDeadline)} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={pick(worklistLabels.reason)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
