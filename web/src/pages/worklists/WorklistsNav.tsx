import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { workbookLabels } from './excelLabels.js';
import { worklistLabels } from './labels.js';

/** Switches between the module's views (one menu entry, three views). */
export function WorklistsNav() {
  const { pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const options = [
    { value: '/worklists', label: pick(worklistLabels.items) },
    ...(can('worklists.todo')
      ? [{ value: '/worklists/todo', label: pick(can('worklists.review') ? worklistLabels.officeTodo : worklistLabels.todo) }]
      : []),
    { value: '/worklists/cases', label: pick(worklistLabels.caseBoard) },
    ...(can('worklists.manage') ? [{ value: '/worklists/lists', label: pick(workbookLabels.listsNav) }] : []),
    ...(can('worklists.import') ? [{ value: '/worklists/import', label: pick(workbookLabels.importNav) }] : []),
  ];
  // Five views do not fit a phone's width: the bar scrolls sideways instead of widening the page.
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%', marginBottom: 12 }}>
      <Segmented options={options} value={pathname} onChange={(v) => navigate(String(v))} />
    </div>
  );
}
