import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Modal, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import type { ErrorDetail } from '../../../src/common/errors.js';
import { ApiError } from '../api/client.js';
import { pickBilingual, useI18n } from '../i18n.js';
import { useReportError } from './feedback.js';

const L = {
  chooseFile: { zh: '选择文件', en: 'Choose a file' },
  chooseAnother: { zh: '重新选择文件', en: 'Choose another file' },
  cancel: { zh: '取消', en: 'Cancel' },
  commit: { zh: '确认导入', en: 'Import' },
  problems: { zh: '导入问题', en: 'Import problems' },
  preview: { zh: '导入预览', en: 'Import preview' },
  sheet: { zh: '工作表', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  problem: { zh: '问题', en: 'Problem' },
  found: {
    zh: '发现 {n} 处问题，未导入任何数据。请修改后重新上传。',
    en: '{n} problem(s) found; nothing was imported. Fix them and upload again.',
  },
};

/** The rows a checked file would write, shown under the summary of the preview. */
export interface ImportPreviewTable<T> {
  rows: readonly T[];
  columns: ColumnsType<T>;
  rowKey: (keyof T & string) | ((row: T) => string);
}

export interface ImportFlowProps<R, T> {
  /** The text of the button that opens the dialog, and the dialog's title. */
  label: string;
  buttonType?: ButtonProps['type'];
  buttonSize?: ButtonProps['size'];
  /** What the file must hold, above the file chooser. */
  hint?: ReactNode;
  /** File types the chooser offers, e.g. `.xlsx`. */
  accept: string;
  /** Sends the form holding the chosen file (field `file`): `commit = false` only checks it, `true` writes it. */
  send: (form: FormData, commit: boolean) => Promise<R>;
  /** For routes that answer a check with its problems instead of refusing it. */
  problemsIn?: (result: R) => ErrorDetail[];
  /** One sentence on what the checked file would do. */
  summary: (result: R) => string;
  /** The rows behind the summary. */
  table?: (result: R) => ImportPreviewTable<T>;
  /** The success message once written. */
  done: (result: R) => string;
  /** After the write; what is on screen already loads afresh (api/client.ts invalidates every query on a write). */
  onDone?: (result: R) => void;
}

type Step<R> = { kind: 'choose' } | { kind: 'problems'; problems: ErrorDetail[]; result?: R } | { kind: 'preview'; result: R };

/** A refusal that locates what is wrong in the file (sheet / row / column), as opposed to a plain failure. */
function locatedProblems(err: unknown): ErrorDetail[] | null {
  return err instanceof ApiError && (err.status === 400 || err.status === 422) && err.details.length ? err.details : null;
}

const cell = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

/**
 * The one way to import a file: a button opens a dialog; the chosen file is checked by the server
 * (nothing written) and either every problem is listed at its sheet, row and column, or a summary
 * and the rows it would write are shown; confirming sends it again to be written in one go, closes
 * the dialog and shows `done`.
 */
export function ImportFlow<R, T extends object = never>(props: ImportFlowProps<R, T>) {
  const { label, buttonType, buttonSize, hint, accept, send, problemsIn, summary, table, done, onDone } = props;
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step<R>>({ kind: 'choose' });

  const close = () => {
    setOpen(false);
    setFile(null);
    setStep({ kind: 'choose' });
  };

  const sendFile = (f: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', f);
    return send(form, commit);
  };

  const check = async (f: File) => {
    setFile(f);
    setBusy(true);
    try {
      const result = await sendFile(f, false);
      const problems = problemsIn?.(result) ?? [];
      setStep(problems.length ? { kind: 'problems', problems } : { kind: 'preview', result });
    } catch (err) {
      const problems = locatedProblems(err);
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
      const result = await sendFile(file, true);
      close();
      message.success(done(result));
      onDone?.(result);
    } catch (err) {
      // The data may have changed since the check: show what the write found.
      const problems = locatedProblems(err);
      if (problems) setStep({ kind: 'problems', problems });
      else report(err);
    } finally {
      setBusy(false);
    }
  };

  const result = step.kind === 'preview' ? step.result : undefined;
  const preview = result !== undefined && table ? table(result) : null;
  const problems = step.kind === 'problems' ? step.problems : [];
  const withSheet = problems.some((d) => d.sheet !== undefined);

  return (
    <>
      <Button type={buttonType} size={buttonSize} icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        width={860}
        title={label}
        onCancel={close}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>{pick(L.cancel)}</Button>
            <Button type="primary" disabled={step.kind !== 'preview'} loading={busy && step.kind === 'preview'} onClick={commit}>
              {pick(L.commit)}
            </Button>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {hint && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {hint}
            </Typography.Paragraph>
          )}
          <Upload accept={accept} maxCount={1} showUploadList={false} beforeUpload={(f) => (void check(f), false)}>
            <Button icon={<UploadOutlined />} loading={busy && step.kind !== 'preview'}>
              {pick(file ? L.chooseAnother : L.chooseFile)}
            </Button>
          </Upload>
          {file && <Typography.Text>{file.name}</Typography.Text>}
          {result !== undefined && <Alert type="info" showIcon message={summary(result)} />}
          {problems.length > 0 && (
            <>
              <Alert type="error" showIcon message={pick(L.found).replace('{n}', String(problems.length))} />
              <Table<ErrorDetail>
                aria-label={pick(L.problems)}
                size="small"
                rowKey={(d, i) => `${d.path ?? ''}-${i}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                dataSource={problems}
                columns={[
                  ...(withSheet
                    ? [{ title: pick(L.sheet), key: 'sheet', width: 100, render: (_: unknown, d: ErrorDetail) => cell(d.sheet) }]
                    : []),
                  { title: pick(L.row), key: 'row', width: 60, render: (_, d) => cell(d.row ?? d.line) },
                  { title: pick(L.column), key: 'column', width: 60, render: (_, d) => cell(d.column) },
                  { title: pick(L.problem), key: 'problem', render: (_, d) => pickBilingual(lang, d.message) },
                ]}
              />
            </>
          )}
          {preview && (
            <Table<T>
              aria-label={pick(L.preview)}
              size="small"
              rowKey={preview.rowKey}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={preview.rows}
              columns={preview.columns}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
