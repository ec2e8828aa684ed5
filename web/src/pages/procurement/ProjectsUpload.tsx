import { type ApiResponse, upload } from '../../api/client.js';
import { ImportFlow } from '../../components/ImportFlow.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { yuan } from './parts.js';

type Result = ApiResponse<'/api/v1/procurement/campaigns/{id}/projects/import', 'post'>;

/** The campaign's projects file: upload → located problems, or a preview → every project added at once. */
export function ProjectsUpload({ campaignId, onDone }: { campaignId: number; onDone: () => void }) {
  const { pick, lang } = useI18n();
  const counted = (r: Result, done: boolean) =>
    lang === 'en'
      ? `${pick(done ? L.projectsAdded : L.projectsReady)}: ${r.projects} projects, ${r.checked} checked, ${yuan(r.amount)} yuan.`
      : `${pick(done ? L.projectsAdded : L.projectsReady)}：${r.projects} 个项目，其中已检查 ${r.checked} 个，涉及金额 ${yuan(r.amount)} 元。`;
  return (
    <ImportFlow<Result, Result['preview'][number]>
      label={pick(L.uploadProjects)}
      hint={pick(L.uploadProjectsHint)}
      accept=".csv,.xlsx"
      send={(form, commit) =>
        upload('/api/v1/procurement/campaigns/{id}/projects/import', form, {
          path: { id: String(campaignId) },
          query: { dryRun: commit ? undefined : 'true' },
        })
      }
      summary={(r) => counted(r, false)}
      done={(r) => counted(r, true)}
      onDone={onDone}
      table={(r) => ({
        rows: r.preview,
        rowKey: 'line',
        columns: [
          { title: pick(L.line), dataIndex: 'line', width: 56 },
          { title: pick(L.code), dataIndex: 'code' },
          { title: pick(L.name), dataIndex: 'name' },
          { title: pick(L.agency), dataIndex: 'agency' },
          { title: pick(L.checkedAmount), dataIndex: 'amount', align: 'right', render: (a: number) => yuan(a) },
          { title: pick(L.checkedOn), dataIndex: 'checkedOn', render: (d: string | null) => d ?? pick(L.no) },
        ],
      })}
    />
  );
}
