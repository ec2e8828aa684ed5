import { InboxOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Form, Result, Select, Space, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportPreviewView, ImportProblem, ImportResultView } from '../../../../src/common/schemas/worklists-import.js';
import { ITEM_KINDS, ITEM_KIND_LABELS, type ItemKind } from '../../../../src/common/schemas/worklists.js';
import { $api, ApiError, client, ok, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { MappingView, ProblemsTable, RowsTable } from './ImportPreview.js';
import { WorklistsNav } from './WorklistsNav.js';
import { workbookLabels } from './excelLabels.js';
import { worklistLabels, fill } from './labels.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

type Choice = { kind: ItemKind; list: string };

/** A failure the server located in the workbook (sheet/row/column), or a plain coded error. */
function located(err: ApiError): ImportProblem[] {
  return err.details.map((d) => ({
    sheet: typeof d.sheet === 'string' ? d.sheet : null,
    row: typeof d.row === 'number' ? d.row : null,
    column: typeof d.column === 'string' ? d.column : null,
    message: d.message,
  }));
}

/** Excel import for the office: choose kind and list, upload, check the preview, then commit. */
export default function ImportPage() {
  const { pick, lang } = useI18n();
  const report = useReportError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Choice>();
  const kind = Form.useWatch('kind', form) ?? 'task';
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: lists } = $api.useQuery('get', '/api/v1/worklists');

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else report(err);
    } finally {
      setBusy(false);
    }
  };
  const check = (c: Choice) =>
    run(async () => {
      const body = new FormData();
      body.append('file', file!);
      setPreview(await upload('/api/v1/worklists/imports', body, { query: { kind: c.kind, list: c.list, fileName: file!.name } }));
    });
  const commit = (keepValid: boolean) =>
    run(async () => setResult(await ok(client.POST('/api/v1/worklists/imports/commit', { body: { token: preview!.token, keepValid } }))));
  const restart = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setFile(null);
  };

  if (result) {
    return (
      <>
        <WorklistsNav />
        <Result
          status="success"
          title={pick(workbookLabels.done)}
          subTitle={fill(pick(workbookLabels.doneCounts), {
            list: result.list,
            created: result.created,
            updated: result.updated,
            skipped: result.skipped,
          })}
          extra={[
            <Button key="open" type="primary" onClick={() => navigate(`/worklists?listId=${result.listId}`)}>
              {pick(workbookLabels.openList)}
            </Button>,
            <Button key="again" onClick={restart}>
              {pick(workbookLabels.again)}
            </Button>,
          ]}
        />
      </>
    );
  }

  const problemRows = new Set(
    preview && preview.mapping.filter((m) => !m.skipped).length === 1
      ? preview.problems.flatMap((p) => (p.row === null ? [] : [p.row]))
      : [],
  );
  const allBlocked = !preview || preview.problems.length > 0;
  return (
    <>
      <WorklistsNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={pick(workbookLabels.importTitle)}
          extra={
            preview && (
              <Button onClick={restart} disabled={busy}>
                {pick(workbookLabels.again)}
              </Button>
            )
          }
        >
          <Form<Choice>
            form={form}
            layout="vertical"
            initialValues={{ kind: 'task' }}
            onFinish={check}
            disabled={busy || !!preview}
            style={{ maxWidth: 560 }}
          >
            <Form.Item name="kind" label={pick(worklistLabels.kind)} rules={[{ required: true }]}>
              <Select
                placeholder={pick(PLEASE_CHOOSE)}
                options={ITEM_KINDS.map((k) => ({ value: k, label: pick(ITEM_KIND_LABELS[k]) }))}
                onChange={() => form.setFieldValue('list', undefined)}
              />
            </Form.Item>
            <Form.Item
              name="list"
              label={pick(workbookLabels.listName)}
              extra={pick(workbookLabels.listHint)}
              rules={[{ required: true, whitespace: true, max: 80 }]}
            >
              <AutoComplete options={(lists ?? []).filter((l) => l.kind === kind).map((l) => ({ value: l.name }))} filterOption />
            </Form.Item>
            <Form.Item label={pick(workbookLabels.file)} extra={pick(workbookLabels.fileHint)} required>
              <Upload.Dragger
                accept=".xlsx"
                maxCount={1}
                fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{pick(workbookLabels.chooseFile)}</p>
              </Upload.Dragger>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy && !preview} disabled={!file || !!preview}>
              {pick(workbookLabels.preview)}
            </Button>
          </Form>
        </Card>
        {error && (
          <Alert
            type="error"
            showIcon
            message={`${pick(workbookLabels.failed)}：${error.text(lang)}`}
            description={error.details.length ? <ProblemsTable problems={located(error)} /> : undefined}
          />
        )}
        {preview && (
          <>
            <Card title={`${pick(workbookLabels.problems)}（${preview.problems.length}）`}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Alert
                  type={preview.problems.length ? 'warning' : 'success'}
                  showIcon
                  message={
                    preview.problems.length
                      ? fill(pick(workbookLabels.summary), {
                          rows: preview.rows.length,
                          valid: preview.validRows,
                          problems: preview.problems.length,
                        })
                      : pick(workbookLabels.noProblems)
                  }
                />
                {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} />}
                {preview.warnings.length > 0 && (
                  <>
                    <Alert type="warning" showIcon message={fill(pick(workbookLabels.pastDeadlines), { n: preview.warnings.length })} />
                    <ProblemsTable problems={preview.warnings} tone="warning" />
                  </>
                )}
                <Space wrap>
                  <Tooltip title={allBlocked ? pick(workbookLabels.commitAllBlocked) : undefined}>
                    <Button type="primary" disabled={allBlocked || busy} onClick={() => commit(false)}>
                      {pick(workbookLabels.commitAll)}
                    </Button>
                  </Tooltip>
                  <Button
                    type={allBlocked ? 'primary' : 'default'}
                    disabled={!preview.committable || busy}
                    loading={busy}
                    onClick={() => commit(true)}
                  >
                    {preview.committable
                      ? fill(pick(workbookLabels.commitValid), { n: preview.validRows })
                      : pick(workbookLabels.commitNone)}
                  </Button>
                </Space>
              </Space>
            </Card>
            <Card title={pick(workbookLabels.mapping)}>
              <MappingView mapping={preview.mapping} />
            </Card>
            <Card title={`${pick(workbookLabels.rows)}（${preview.rows.length}）`}>
              <RowsTable rows={preview.rows} problemRows={problemRows} />
            </Card>
          </>
        )}
      </Space>
    </>
  );
}
