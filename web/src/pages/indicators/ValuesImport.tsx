import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ErrorDetail } from '../../../../src/common/errors.js';
import type { ImportPreviewRow } from '../../../../src/common/schemas/indicators.js';
import { ApiError, type ApiResponse, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { pickBilingual, useI18n } from '../../i18n.js';
import { indicatorLabels } from './labels.js';

type ImportResultView = ApiResponse<'/api/v1/indicators/values/import', 'post'>;
type Step =
  | { kind: 'choose' }
  | { kind: 'problems'; problems: ErrorDetail[] }
  | { kind: 'preview'; result: ImportResultView }
  | { kind: 'done'; result: ImportResultView };

function send(file: File, dryRun: boolean): Promise<ImportResultView> {
  const form = new FormData();
  form.append('file', file);
  return upload('/api/v1/indicators/values/import', form, { query: { dryRun: dryRun ? 'true' : undefined } });
}

/**
 * Values from Excel: download the template, upload a filled workbook, see every problem at its
 * cell or a preview of what would change (a server dry run), then commit it as one transaction.
 */
export function ValuesImport() {
  const { pick, lang } = useI18n();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  // Located problems (bad rows, a missing column, not a workbook) are shown in the table; anything else is a plain failure.
  const problemsOf = (err: unknown): ErrorDetail[] | null =>
    err instanceof ApiError && err.status === 400 && err.details.length ? err.details : null;

  const check = async (f: File) => {
    setFile(f);
    setBusy(true);
    try {
      setStep({ kind: 'preview', result: await send(f, true) });
    } catch (err) {
      const problems = problemsOf(err);
      setStep(problems ? { kind: 'problems', problems } : { kind: 'choose' });
      if (!problems) report(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      // The values shown behind the dialog load afresh by themselves (a write: api/client.ts).
      setStep({ kind: 'done', result: await send(file, false) });
    } catch (err) {
      // The data may have changed since the preview: show what the commit found.
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

  return (
    <Space>
      <Button icon={<DownloadOutlined />} href="/api/v1/indicators/values/template.xlsx" download>
        {pick(indicatorLabels.template)}
      </Button>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {pick(indicatorLabels.importValues)}
      </Button>
      <Modal
        open={open}
        width={860}
        title={pick(indicatorLabels.importValues)}
        onCancel={close}
        destroyOnHidden
        footer={
          step.kind === 'done' ? (
            <Button type="primary" onClick={close}>
              {pick(indicatorLabels.close)}
            </Button>
          ) : (
            <Space>
              <Button onClick={close}>{pick(indicatorLabels.cancel)}</Button>
              <Button type="primary" disabled={step.kind !== 'preview'} loading={busy && step.kind === 'preview'} onClick={commit}>
                {pick(indicatorLabels.commitImport)}
              </Button>
            </Space>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {step.kind !== 'done' && (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {pick(indicatorLabels.importHint)}
              </Typography.Paragraph>
              <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => (void check(f), false)}>
                <Button icon={<UploadOutlined />} loading={busy && step.kind !== 'preview'}>
                  {file ? pick(indicatorLabels.chooseAnother) : pick(indicatorLabels.chooseFile)}
                </Button>
              </Upload>
              {file && <Typography.Text>{file.name}</Typography.Text>}
            </>
          )}
          {step.kind === 'problems' && (
            <>
              <Alert
                type="error"
                showIcon
                message={pick({
                  zh: `发现 ${step.problems.length} 处问题，未导入任何数据。请修改后重新上传。`,
                  en: `${step.problems.length} problem(s) found; nothing was imported. Fix them and upload again.`,
                })}
              />
              <Table<ErrorDetail>
                aria-label={pick(indicatorLabels.problems)}
                size="small"
                rowKey={(d, i) => `${d.path ?? ''}-${i}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={step.problems}
                columns={[
                  { title: pick(indicatorLabels.sheet), width: 100, render: (_, d) => String(d.sheet ?? '—') },
                  { title: pick(indicatorLabels.row), width: 60, render: (_, d) => String(d.row ?? '—') },
                  { title: pick(indicatorLabels.column), width: 60, render: (_, d) => String(d.column ?? '—') },
                  { title: pick(indicatorLabels.problem), render: (_, d) => pickBilingual(lang, d.message) },
                ]}
              />
            </>
          )}
          {step.kind === 'preview' && (
            <>
              <Alert
                type="info"
                showIcon
                message={pick({
                  zh: `检查通过：共 ${step.result.rows} 行，将新增 ${step.result.created} 条、更新 ${step.result.updated} 条。确认后一次写入，尚未保存任何数据。`,
                  en:
                    `Checked: ${step.result.rows} rows, ${step.result.created} to add ` +
                    `and ${step.result.updated} to update. Nothing is saved until you commit.`,
                })}
              />
              <Table<ImportPreviewRow>
                aria-label={pick(indicatorLabels.preview)}
                size="small"
                rowKey="row"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={step.result.preview ?? []}
                columns={[
                  { title: pick(indicatorLabels.row), dataIndex: 'row', width: 60 },
                  { title: pick(indicatorLabels.indicator), render: (_, r) => `${r.code} ${r.indicatorName}` },
                  { title: pick(indicatorLabels.unit), dataIndex: 'unitName' },
                  { title: pick(indicatorLabels.period), dataIndex: 'period' },
                  { title: pick(indicatorLabels.value), render: (_, r) => `${r.value} ${r.unitOfMeasure ?? ''}` },
                  { title: pick(indicatorLabels.previous), render: (_, r) => (r.previous === null ? '—' : String(r.previous)) },
                  {
                    title: pick(indicatorLabels.action),
                    render: (_, r) =>
                      r.action === 'create' ? (
                        <Tag color="green">{pick(indicatorLabels.create)}</Tag>
                      ) : (
                        <Tag color="blue">{pick(indicatorLabels.update)}</Tag>
                      ),
                  },
                ]}
              />
            </>
          )}
          {step.kind === 'done' && (
            <Alert
              type="success"
              showIcon
              message={pick({
                zh: `已导入 ${step.result.rows} 行：新增 ${step.result.created} 条，更新 ${step.result.updated} 条。`,
                en: `Imported ${step.result.rows} rows: ${step.result.created} added, ${step.result.updated} updated.`,
              })}
            />
          )}
        </Space>
      </Modal>
    </Space>
  );
}
