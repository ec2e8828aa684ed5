import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import type { ImportPreviewRow } from '../../../../src/common/schemas/indicators.js';
import { type ApiResponse, upload } from '../../api/client.js';
import { ImportFlow } from '../../components/ImportFlow.js';
import { useI18n } from '../../i18n.js';
import { indicatorLabels as L } from './labels.js';

type ImportResultView = ApiResponse<'/api/v1/indicators/values/import', 'post'>;

/**
 * Values from Excel: download the template, upload a filled workbook, see every problem at its
 * cell or a preview of what would change (a server dry run), then commit it as one transaction.
 */
export function ValuesImport() {
  const { pick } = useI18n();
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href="/api/v1/indicators/values/template.xlsx" download>
        {pick(L.template)}
      </Button>
      <ImportFlow<ImportResultView, ImportPreviewRow>
        label={pick(L.importValues)}
        hint={pick(L.importHint)}
        accept=".xlsx"
        send={(form, commit) => upload('/api/v1/indicators/values/import', form, { query: { dryRun: commit ? undefined : 'true' } })}
        summary={(r) =>
          pick({
            zh: `检查通过：共 ${r.rows} 行，将新增 ${r.created} 条、更新 ${r.updated} 条。确认后一次写入，尚未保存任何数据。`,
            en: `Checked: ${r.rows} rows, ${r.created} to add and ${r.updated} to update. Nothing is saved until you commit.`,
          })
        }
        done={(r) =>
          pick({
            zh: `已导入 ${r.rows} 行：新增 ${r.created} 条，更新 ${r.updated} 条。`,
            en: `Imported ${r.rows} rows: ${r.created} added, ${r.updated} updated.`,
          })
        }
        table={(r) => ({
          rows: r.preview ?? [],
          rowKey: 'row',
          columns: [
            { title: pick(L.row), dataIndex: 'row', width: 60 },
            { title: pick(L.indicator), render: (_, p) => `${p.code} ${p.indicatorName}` },
            { title: pick(L.unit), dataIndex: 'unitName' },
            { title: pick(L.period), dataIndex: 'period' },
            { title: pick(L.value), render: (_, p) => `${p.value} ${p.unitOfMeasure ?? ''}` },
            { title: pick(L.previous), render: (_, p) => (p.previous === null ? '—' : String(p.previous)) },
            {
              title: pick(L.action),
              render: (_, p) =>
                p.action === 'create' ? <Tag color="green">{pick(L.create)}</Tag> : <Tag color="blue">{pick(L.update)}</Tag>,
            },
          ],
        })}
      />
    </Space>
  );
}
