import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../../src/common/errors.js';
import { ApiError, type ApiResponse, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { FileProblems, yuan } from './parts.js';

type Result = ApiResponse<'/api/v1/procurement/campaigns/{id}/projects/import', 'post'>;
type Step = { kind: 'choose' } | { kind: 'problems'; problems: ErrorDetail[] } | { kind: 'preview' | 'done'; result: Result };

/** The campaign's projects file: upload → located problems, or a preview → every project added at once. */
export function ProjectsUpload({ campaignId, onDone }: { campaignId: number; onDone: () => void }) {
  const { pick, lang } = useI18n();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  const run = async (f: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', f);
      const result: Result = await upload('/api/v1/procurement/campaigns/{id}/projects/import', form, {
        path: { id: String(campaignId) },
        query: { dryRun: dryRun ? 'true' : undefined },
      });
      setStep({ kind: dryRun ? 'preview' : 'done', result });
      if (!dryRun) onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.details.length) setStep({ kind: 'problems', problems: err.details });
      else report(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setFile(null);
    setStep({ kind: 'choose' });
  };
  const result = step.kind === 'preview' || step.kind === 'done' ? step.result : null;

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {pick(L.uploadProjects)}
      </Button>
      <Modal
        open={open}
        width={860}
        title={pick(L.uploadProjects)}
        onCancel={close}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>{pick(step.kind === 'done' ? L.close : L.cancel)}</Button>
            {step.kind !== 'done' && (
              <Button type="primary" disabled={step.kind !== 'preview'} loading={busy} onClick={() => file && void run(file, false)}>
                {pick(L.commitImport)}
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{pick(L.uploadProjectsHint)}</Typography.Paragraph>
          {step.kind !== 'done' && (
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                void run(f, true);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy && step.kind !== 'preview'}>
                {pick(L.chooseFile)}
              </Button>
            </Upload>
          )}
          {file && <Typography.Text>{file.name}</Typography.Text>}
          {step.kind === 'problems' && <FileProblems problems={step.problems} />}
          {result && (
            <>
              <Alert
                type={step.kind === 'done' ? 'success' : 'info'}
                showIcon
                message={
                  lang === 'en'
                    ? `${pick(step.kind === 'done' ? L.projectsAdded : L.projectsReady)}: ${result.projects} projects, ` +
                      `${result.checked} checked, ${yuan(result.amount)} yuan.`
                    : `${pick(step.kind === 'done' ? L.projectsAdded : L.projectsReady)}：${result.projects} 个项目，` +
                      `其中已检查 ${result.checked} 个，涉及金额 ${yuan(result.amount)} 元。`
                }
              />
              <Table
                size="small"
                rowKey="line"
                pagination={false}
                scroll={{ x: true }}
                dataSource={result.preview}
                columns={[
                  { title: pick(L.line), dataIndex: 'line', width: 56 },
                  { title: pick(L.code), dataIndex: 'code' },
                  { title: pick(L.name), dataIndex: 'name' },
                  { title: pick(L.agency), dataIndex: 'agency' },
                  { title: pick(L.checkedAmount), dataIndex: 'amount', align: 'right', render: (a: number) => yuan(a) },
                  { title: pick(L.checkedOn), dataIndex: 'checkedOn', render: (d: string | null) => d ?? pick(L.no) },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
