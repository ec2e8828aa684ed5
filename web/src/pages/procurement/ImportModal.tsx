import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../../src/common/errors.js';
import { ApiError, type ApiResponse, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { FileProblems, FlagTags, RiskTag } from './parts.js';

type Result = ApiResponse<'/api/v1/procurement/imports', 'post'>;
type Step =
  | { kind: 'choose' }
  | { kind: 'problems'; problems: ErrorDetail[] }
  | { kind: 'preview'; result: Result }
  | { kind: 'done'; result: Result };

function send(file: File, dryRun: boolean): Promise<Result> {
  const form = new FormData();
  form.append('file', file);
  return upload('/api/v1/procurement/imports', form, { query: { dryRun: dryRun ? 'true' : undefined } });
}

/** Upload → every located problem, or a preview of the screening → one-transaction import. */
export function ImportButton() {
  const { pick, lang } = useI18n();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const problemsOf = (err: unknown) => (err instanceof ApiError && err.status === 422 && err.details.length ? err.details : null);

  const run = async (f: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await send(f, dryRun);
      setStep(dryRun ? { kind: 'preview', result } : { kind: 'done', result });
    } catch (err) {
      const problems = problemsOf(err);
      if (problems) setStep({ kind: 'problems', problems });
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
      <Button type="primary" icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {pick(L.importBids)}
      </Button>
      <Modal
        open={open}
        width={860}
        title={pick(L.importBids)}
        onCancel={close}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>{pick(step.kind === 'done' ? L.close : L.cancel)}</Button>
            {step.kind !== 'done' && (
              <Button
                type="primary"
                disabled={step.kind !== 'preview'}
                loading={busy && step.kind === 'preview'}
                onClick={() => file && void run(file, false)}
              >
                {pick(L.commitImport)}
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{pick(L.importHint)}</Typography.Paragraph>
          {step.kind !== 'done' && (
            <Upload
              accept=".csv,.xlsx,.json,.jsonl"
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
                    ? `${step.kind === 'done' ? 'Imported' : 'Ready to import'}: ${result.tenders} tenders, ${result.bids} ` +
                      `bids; ${result.suspect} suspect, ${result.flagged} flagged, ${result.groups} bidder group(s).`
                    : `${step.kind === 'done' ? '已导入' : '可以导入'}：${result.tenders} 个标段、${result.bids} ` +
                      `条投标；疑似串通 ${result.suspect} 个，有预警 ${result.flagged} 个，投标人组 ${result.groups} 个。`
                }
              />
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={result.top.filter((t) => t.flagCodes.length).slice(0, 10)}
                columns={[
                  { title: pick(L.tender), dataIndex: 'key' },
                  { title: pick(L.risk), dataIndex: 'risk', render: (r: number, t) => <RiskTag risk={r} suspect={t.suspect} /> },
                  { title: pick(L.flags), dataIndex: 'flagCodes', render: (c: string[]) => <FlagTags codes={c} /> },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
