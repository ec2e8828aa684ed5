import { Button, Card, List, Upload } from 'antd';
import { useState } from 'react';
import { $api, apiUrl, upload } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { demandLabels } from './labels.js';

/** A ticket's files: listed as downloads; anyone who sees the ticket may add one (checked by type and size on the server). */
export function Attachments({ id }: { id: string }) {
  const { pick } = useI18n();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/demands/{id}/attachments', { params: { path: { id } } });
  const send = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      await upload('/api/v1/demands/{id}/attachments', form, { path: { id } });
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
    return false;
  };
  return (
    <Card
      size="small"
      title={pick(demandLabels.attachments)}
      extra={
        <Upload beforeUpload={send} showUploadList={false}>
          <Button size="small" loading={busy}>
            {pick(demandLabels.addAttachment)}
          </Button>
        </Upload>
      }
    >
      <List
        size="small"
        dataSource={data ?? []}
        locale={{ emptyText: pick(demandLabels.noAttachments) }}
        renderItem={(a) => (
          <List.Item>
            <a href={apiUrl('/api/v1/demands/{id}/attachments/{attachmentId}', { path: { id, attachmentId: a.id } })}>{a.filename}</a>
          </List.Item>
        )}
      />
    </Card>
  );
}
