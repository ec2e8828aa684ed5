import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ItemFilter } from '../../../../src/common/schemas/worklists.js';
import { apiUrl } from '../../api/client.js';
import { itemQueryOf } from './parts.js';
import { useI18n } from '../../i18n.js';
import { workbookLabels } from './excelLabels.js';

/** Downloads exactly the items of the list request's filters (and order) as .xlsx, re-importable. */
export function ExportButton({ query }: { query: ItemFilter }) {
  const { pick } = useI18n();
  return (
    <Tooltip title={pick(workbookLabels.exportHint)}>
      <Button icon={<DownloadOutlined />} href={apiUrl('/api/v1/worklists/export', { query: itemQueryOf(query) })} download>
        {pick(workbookLabels.exportXlsx)}
      </Button>
    </Tooltip>
  );
}
