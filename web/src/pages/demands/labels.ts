import type { DemandChannel, DemandFinding, DemandStatus, DemandType } from '../../../../src/common/schemas/demands.js';
import type { Label } from '../../i18n.js';

export { fill } from '../../components/format.js';

/** Every string of the demand desk's pages, in both languages. */
export const demandLabels = {
  desk: { zh: '企业诉求', en: 'Enterprise demands' },
  tickets: { zh: '诉求工单', en: 'Tickets' },
  intake: { zh: '受理诉求', en: 'Take a demand' },
  kpi: { zh: '办理指标', en: 'Figures' },
  board: { zh: '服务质量网上评价 · 服务信用网上公示', en: 'Service quality and service credit, published' },
  boardHelp: {
    zh: '各承办单位每月收到的评价、满意率与按时办结率。本页不含任何个人信息与诉求内容。',
    en: 'Each unit’s ratings, satisfaction and on-time rates by month. No personal data and no demand text.',
  },
  noBoardData: { zh: '近十二个月还没有评价与办结记录。', en: 'No ratings or closed tickets in the last twelve months yet.' },
  noKpiData: { zh: '所选范围内还没有诉求工单。', en: 'No tickets in this range yet.' },
  code: { zh: '工单编号', en: 'Ticket no.' },
  type: { zh: '诉求类型', en: 'Type' },
  subject: { zh: '业务事项', en: 'Subject' },
  channel: { zh: '渠道', en: 'Channel' },
  status: { zh: '状态', en: 'Status' },
  unit: { zh: '承办单位', en: 'Unit' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  uscc: { zh: '统一社会信用代码', en: 'Credit code (USCC)' },
  usccUnknown: { zh: '未在企业库登记', en: 'not in the registry' },
  respondent: { zh: '被投诉（举报）企业', en: 'Enterprise complained about' },
  respondentUscc: { zh: '被投诉（举报）企业统一社会信用代码', en: 'Credit code of the enterprise complained about' },
  respondentName: { zh: '被投诉（举报）企业名称', en: 'Name of the enterprise complained about' },
  respondentHelp: {
    zh: '投诉、举报针对某家企业时填写（不是提出诉求的企业）。经承办单位查实的，计入该企业的信用风险分类。',
    en:
      'Fill in when the complaint or report is against an enterprise (not the one complaining). ' +
      'Once the unit finds it substantiated, it counts in that enterprise’s credit grade.',
  },
  setRespondent: { zh: '填写被投诉企业', en: 'Name the enterprise complained about' },
  finding: { zh: '核查结果', en: 'Finding' },
  findingHelp: {
    zh: '查实或部分查实的，将计入被投诉（举报）企业的信用风险分类。',
    en: 'A substantiated or partly substantiated finding counts in the credit grade of the enterprise complained about.',
  },
  enterpriseName: { zh: '企业名称', en: 'Enterprise name' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Phone' },
  reveal: { zh: '查看完整号码', en: 'Show the number' },
  revealNote: { zh: '查看将被记录', en: 'Viewing is recorded' },
  description: { zh: '诉求内容', en: 'Demand' },
  received: { zh: '受理时间', en: 'Received' },
  signDue: { zh: '签收时限', en: 'Sign for by' },
  due: { zh: '办结时限', en: 'Due' },
  overdue: { zh: '已超期', en: 'Overdue' },
  left: { zh: '剩余', en: 'left' },
  answer: { zh: '答复内容', en: 'Answer' },
  rating: { zh: '评价', en: 'Rating' },
  notRated: { zh: '尚未评价', en: 'Not rated yet' },
  history: { zh: '办理记录', en: 'History' },
  duplicates: { zh: '可能重复的诉求（30 天内同一企业或电话）', en: 'Possible duplicates (same enterprise or phone, 30 days)' },
  merge: { zh: '合并到此工单', en: 'Merge into this one' },
  search: { zh: '工单编号、信用代码、企业名称或诉求内容', en: 'Ticket no., credit code, enterprise or demand text' },
  all: { zh: '全部', en: 'All' },
  onlyOverdue: { zh: '只看超期', en: 'Overdue only' },
  knowledge: { zh: '知识库', en: 'Knowledge base' },
  knowledgeHelp: {
    zh: '来电时输入关键词查找答复口径；咨询类当场答复即办结。',
    en: 'Search answers while the caller is on the line; a consultation answered now is closed at once.',
  },
  knowledgeSearch: { zh: '关键词，如：接电 低压', en: 'Keywords' },
  useAnswer: { zh: '用此答复当场办结', en: 'Answer with this and close' },
  serviceGuide: { zh: '办事指南', en: 'Service guide' },
  noAnswers: { zh: '没有找到相关答复。', en: 'No answer found.' },
  submit: { zh: '提交', en: 'Submit' },
  created: { zh: '已受理，工单编号', en: 'Taken; ticket no.' },
  closedAtOnce: { zh: '已当场答复办结', en: 'Answered and closed on the call' },
  signFor: { zh: '签收', en: 'Sign for' },
  sendBack: { zh: '退单', en: 'Send back' },
  reason: { zh: '理由', en: 'Reason' },
  doAnswer: { zh: '答复', en: 'Answer' },
  extension: { zh: '申请延期', en: 'Request extension' },
  days: { zh: '工作日', en: 'Working days' },
  approve: { zh: '批准延期', en: 'Approve' },
  deny: { zh: '不批准', en: 'Refuse' },
  dispatch: { zh: '派单/改派', en: 'Dispatch' },
  keepUnit: { zh: '退回原单位办理', en: 'Return to the same unit' },
  followUp: { zh: '回访', en: 'Follow-up call' },
  followUpRating: { zh: '企业评价（可不填，之后凭评价码评价）', en: 'Rating given on the call (optional)' },
  close: { zh: '办结（未评价）', en: 'Close without rating' },
  ratingCode: { zh: '评价码（请短信告知企业，仅显示一次）', en: 'Rating code (send it to the enterprise; shown once)' },
  pendingExtension: { zh: '延期申请待审批', en: 'Extension awaiting approval' },
  by: { zh: '统计维度', en: 'By' },
  month: { zh: '月份', en: 'Month' },
  tickets_n: { zh: '工单数', en: 'Tickets' },
  signRate: { zh: '签收率', en: 'Signed in time' },
  onTimeRate: { zh: '按时办结率', en: 'On time' },
  firstContactRate: { zh: '一次办结率', en: 'First-contact resolution' },
  followUpRate: { zh: '回访率', en: 'Followed up' },
  satisfactionRate: { zh: '满意率', en: 'Satisfied' },
  reopenRate: { zh: '重办率', en: 'Reopened' },
  avgHours: { zh: '平均办理时长（工作小时）', en: 'Average handling time (working hours)' },
  export: { zh: '导出 Excel', en: 'Export to Excel' },
  ratings: { zh: '评价数', en: 'Ratings' },
  rateTitle: { zh: '服务评价', en: 'Rate the service' },
  rateHelp: {
    zh: '请输入短信中的评价码，为本次诉求办理打分。每件诉求只能评价一次。',
    en: 'Enter the code from the text message. A ticket is rated once.',
  },
  rateCode: { zh: '评价码', en: 'Code' },
  thanks: { zh: '感谢您的评价。', en: 'Thank you for your rating.' },
  reopenedNote: { zh: '您的不满意评价已转承办单位重新办理。', en: 'Your rating sent the ticket back to the unit to be handled again.' },
  toBoard: { zh: '查看服务质量公示', en: 'See the public board' },
  noTickets: { zh: '暂无工单。', en: 'No tickets.' },
  attachments: { zh: '附件', en: 'Attachments' },
  addAttachment: { zh: '上传附件', en: 'Add a file' },
  noAttachments: {
    zh: '暂无附件。可上传 PDF、图片、Office/WPS 文档，每个不超过 10 兆。',
    en: 'No files. PDF, images and Office/WPS documents up to 10 MB each may be added.',
  },
  signedAt: { zh: '签收时间', en: 'Signed for' },
} satisfies Record<string, Label>;

export const TYPE_LABELS: Record<DemandType, Label> = {
  consult: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  report: { zh: '举报', en: 'Report' },
};

export const STATUS_LABELS: Record<DemandStatus, Label> = {
  received: { zh: '待派单', en: 'To dispatch' },
  dispatched: { zh: '待签收', en: 'To sign for' },
  sent_back: { zh: '退单待审', en: 'Sent back' },
  in_progress: { zh: '办理中', en: 'In progress' },
  answered: { zh: '已答复待评价', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  merged: { zh: '已合并', en: 'Merged' },
};

export const STATUS_COLORS: Record<DemandStatus, string> = {
  received: 'gold',
  dispatched: 'blue',
  sent_back: 'volcano',
  in_progress: 'cyan',
  answered: 'purple',
  closed: 'green',
  merged: 'default',
};

export const CHANNEL_LABELS: Record<DemandChannel, Label> = {
  seat: { zh: '12345 企业专席', en: '12345 enterprise seat' },
  line: { zh: '企业服务专线', en: 'Enterprise line' },
  centre: { zh: '政务服务中心企业专区', en: 'Service centre zone' },
  web: { zh: '网上提交', en: 'Web form' },
  specialist_visit: { zh: '专员走访', en: 'Specialist visit' },
  leader_visit: { zh: '领导走访', en: 'Leader visit' },
  import: { zh: '12345 平台导入', en: '12345 import' },
  open311: { zh: '接口接入', en: 'Connected system' },
};

export const RATING_LABELS: Record<number, Label> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

export const FINDING_LABELS: Record<DemandFinding, Label> = {
  substantiated: { zh: '查实', en: 'Substantiated' },
  partly: { zh: '部分查实', en: 'Partly substantiated' },
  unsubstantiated: { zh: '未查实', en: 'Not substantiated' },
};
export const FINDING_COLORS: Record<DemandFinding, string> = { substantiated: 'red', partly: 'orange', unsubstantiated: 'default' };

export const EVENT_LABELS: Record<string, Label> = {
  intake: { zh: '受理', en: 'Taken' },
  firstContactClose: { zh: '当场答复办结', en: 'Answered on the call' },
  dispatch: { zh: '派单', en: 'Dispatched' },
  reassign: { zh: '改派', en: 'Reassigned' },
  signFor: { zh: '签收', en: 'Signed for' },
  sendBack: { zh: '退单', en: 'Sent back' },
  sendBackRefused: { zh: '退单未同意', en: 'Send-back refused' },
  answer: { zh: '答复', en: 'Answered' },
  setRespondent: { zh: '填写被投诉企业', en: 'Enterprise complained about named' },
  requestExtension: { zh: '申请延期', en: 'Extension requested' },
  approveExtension: { zh: '批准延期', en: 'Extension approved' },
  denyExtension: { zh: '不批准延期', en: 'Extension refused' },
  followUp: { zh: '回访', en: 'Followed up' },
  rate: { zh: '评价', en: 'Rated' },
  reopen: { zh: '重办', en: 'Reopened' },
  supervised: { zh: '转入督办', en: 'Under supervision' },
  close: { zh: '办结', en: 'Closed' },
  merge: { zh: '合并至', en: 'Merged into' },
  mergedFrom: { zh: '合并了', en: 'Absorbed' },
  import: { zh: '导入', en: 'Imported' },
  overdue: { zh: '超期转督办', en: 'Overdue: under supervision' },
  attachment: { zh: '上传附件', en: 'Attachment added' },
};

/** '2026-03-02T04:00:00Z' → '2026-03-02 12:00' in China time, as the office reads it. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
