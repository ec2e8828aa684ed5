import { type ApiResponse, upload } from '../../api/client.js';
import { ImportFlow } from '../../components/ImportFlow.js';
import { useI18n } from '../../i18n.js';
import { procurementLabels as L } from './labels.js';
import { FlagTags, RiskTag } from './parts.js';

type Result = ApiResponse<'/api/v1/procurement/imports', 'post'>;

/** Upload → every located problem, or a preview of the screening → one-transaction import. */
export function ImportButton() {
  const { pick, lang } = useI18n();
  const counted = (r: Result, done: boolean) =>
    lang === 'en'
      ? `${done ? 'Imported' : 'Ready to import'}: ${r.tenders} tenders, ${r.bids} ` +
        `bids; ${r.suspect} suspect, ${r.flagged} flagged, ${r.groups} bidder group(s).`
      : `${done ? '已导入' : '可以导入'}：${r.tenders} 个标段、${r.bids} ` +
        `条投标；疑似串通 ${r.suspect} 个，有预警 ${r.flagged} 个，投标人组 ${r.groups} 个。`;
  return (
    <ImportFlow<Result, Result['top'][number]>
      label={pick(L.importBids)}
      buttonType="primary"
      hint={pick(L.importHint)}
      accept=".csv,.xlsx,.json,.jsonl"
      send={(form, commit) => upload('/api/v1/procurement/imports', form, { query: { dryRun: commit ? undefined : 'true' } })}
      summary={(r) => counted(r, false)}
      done={(r) => counted(r, true)}
      table={(r) => ({
        rows: r.top.filter((t) => t.flagCodes.length).slice(0, 10),
        rowKey: 'key',
        columns: [
          { title: pick(L.tender), dataIndex: 'key' },
          { title: pick(L.risk), dataIndex: 'risk', render: (risk: number, t) => <RiskTag risk={risk} suspect={t.suspect} /> },
          { title: pick(L.flags), dataIndex: 'flagCodes', render: (c: string[]) => <FlagTags codes={c} /> },
        ],
      })}
    />
  );
}
