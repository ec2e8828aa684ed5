import type { Label } from '../../i18n.js';

/** Strings of the finance pages (融资环境). */
export const financeLabels = {
  title: { zh: '融资环境', en: 'Financing' },
  needs: { zh: '融资需求', en: 'Financing needs' },
  events: { zh: '政金企对接会', en: 'Matchmaking events' },
  projects: { zh: '重大项目', en: 'Major projects' },
  desk: { zh: '专班+行长', en: 'Key-enterprise desk' },
  listing: { zh: '上市后备库', en: 'Listing reserve' },
  stats: { zh: '贷款统计', en: 'Loan statistics' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  amount: { zh: '需求金额（元）', en: 'Amount (yuan)' },
  term: { zh: '期限（月）', en: 'Term (months)' },
  purpose: { zh: '用途', en: 'Purpose' },
  collateral: { zh: '担保方式', en: 'Collateral' },
  project: { zh: '重大项目', en: 'Major project' },
  status: { zh: '状态', en: 'Status' },
  banks: { zh: '推送银行', en: 'Banks' },
  file: { zh: '填报融资需求', en: 'File a need' },
  publish: { zh: '推送银行', en: 'Publish to banks' },
  chooseBanks: { zh: '选择银行', en: 'Choose banks' },
  respond: { zh: '回应', en: 'Answer' },
  response: { zh: '回应', en: 'Answer' },
  reason: { zh: '原因', en: 'Reason' },
  offerAmount: { zh: '方案金额（元）', en: 'Amount offered (yuan)' },
  grant: { zh: '登记授信', en: 'Record credit' },
  land: { zh: '登记放款', en: 'Record loan' },
  granted: { zh: '授信', en: 'Credit granted' },
  landed: { zh: '放款', en: 'Loan landed' },
  grantedYuan: { zh: '授信金额（元）', en: 'Credit granted (yuan)' },
  landedYuan: { zh: '放款金额（元）', en: 'Loan landed (yuan)' },
  date: { zh: '日期', en: 'Date' },
  none: { zh: '暂无记录', en: 'Nothing yet' },
  exportExcel: { zh: '导出 Excel', en: 'Export to Excel' },
  saved: { zh: '已保存', en: 'Saved' },
  amountRule: { zh: '请输入金额，最多两位小数', en: 'Enter an amount with at most two decimals' },
  required: { zh: '必填', en: 'Required' },
  newEvent: { zh: '登记对接会', en: 'Record an event' },
  eventTitle: { zh: '名称', en: 'Title' },
  heldOn: { zh: '日期', en: 'Date' },
  place: { zh: '地点', en: 'Place' },
  needsPresented: { zh: '推介需求', en: 'Needs presented' },
  invitedBanks: { zh: '邀请银行', en: 'Banks invited' },
  enterprises: { zh: '参会企业', en: 'Enterprises' },
  within: { zh: '{days}天内', en: 'Within {days} days' },
  offers: { zh: '方案', en: 'Offers' },
  totalsLine: {
    zh: '共 {projects} 个重大项目，{withCredit} 个获得授信：授信 {granted}，已放款 {landed}。',
    en: '{projects} major projects, {withCredit} with credit: {granted} granted, {landed} landed.',
  },
  projectTotals: { zh: '重大项目授信合计', en: 'Credit to major projects' },
  newProject: { zh: '新增重大项目', en: 'Add a project' },
  projectName: { zh: '项目名称', en: 'Project' },
  bank: { zh: '银行', en: 'Bank' },
  member: { zh: '专班成员', en: 'Task-force member' },
  president: { zh: '行长', en: 'Bank president' },
  problem: { zh: '融资问题', en: 'Financing problem' },
  steps: { zh: '问题步骤', en: 'Steps' },
  addStep: { zh: '添加步骤', en: 'Add a step' },
  action: { zh: '步骤内容', en: 'Action' },
  workdays: { zh: '时限（工作日）', en: 'Due in (working days)' },
  deadline: { zh: '时限', en: 'Deadline' },
  overdue: { zh: '逾期，已列入督办', en: 'Overdue, under supervision' },
  overdueOnly: { zh: '逾期', en: 'Overdue' },
  done: { zh: '办结', en: 'Done' },
  stage: { zh: '阶段', en: 'Stage' },
  exchange: { zh: '交易所', en: 'Exchange' },
  board: { zh: '板块', en: 'Board' },
  changeStage: { zh: '变更阶段', en: 'Change stage' },
  backNeedsReason: { zh: '退回以前的阶段须填写原因', en: 'Moving back needs a reason' },
  subsidy: { zh: '已拨付补贴', en: 'Subsidies paid' },
  services: { zh: '服务记录', en: 'Services' },
  period: { zh: '月份', en: 'Month' },
  balance: { zh: '贷款余额', en: 'Loan balance' },
  privateLoans: { zh: '民营企业贷款', en: 'Private-enterprise loans' },
  smeLoans: { zh: '中小微企业贷款', en: 'SME loans' },
  privateShare: { zh: '民营占比', en: 'Private share' },
  ofRegion: { zh: '民营贷款占全区', en: 'Private loans, share of region' },
  source: { zh: '数据来源', en: 'Source' },
  chart: { zh: '贷款余额走势（亿元）', en: 'Loan balances (100 M yuan)' },
  noChart: { zh: '尚无银行报送的月度数据，导入报表后显示走势。', en: 'No monthly returns yet; the trend appears once returns are imported.' },
  template: { zh: '下载报表模板', en: 'Download the template' },
  importReturn: { zh: '导入银行月度报表', en: 'Import a monthly return' },
  previewOk: { zh: '{bank} {period}：{rows} 户，贷款余额 {balance}，未发现问题。', en: '{bank} {period}: {rows} borrowers, balance {balance}, no problems.' },
  previewBad: { zh: '报表有 {n} 处问题，未导入：', en: 'The return has {n} problems and was not imported:' },
  commit: { zh: '确认导入', en: 'Import' },
  imported: { zh: '已导入', en: 'Imported' },
  seeOwn: { zh: '仅显示推送给本行的需求及本行的回应。', en: 'Only the needs published to your bank and your answers are shown.' },
  ok: { zh: '确定', en: 'OK' },
  leadUnit: { zh: '牵头单位', en: 'Lead unit' },
  addListing: { zh: '入库', en: 'Add to the reserve' },
} satisfies Record<string, Label>;

export const RESPONSE_LABELS: Record<string, Label> = {
  pending: { zh: '待回应', en: 'Awaiting answer' },
  interested: { zh: '有意向', en: 'Interested' },
  declined: { zh: '婉拒', en: 'Declined' },
  offered: { zh: '已提供方案', en: 'Offer made' },
};
export const NEED_STATUS_LABELS: Record<string, Label> = {
  open: { zh: '待推送', en: 'Not yet published' },
  published: { zh: '已推送', en: 'Published' },
  closed: { zh: '已关闭', en: 'Closed' },
};
export const STAGE_LABELS: Record<string, Label> = {
  cultivating: { zh: '培育', en: 'Cultivating' },
  restructuring: { zh: '股改', en: 'Joint-stock reform' },
  coaching: { zh: '辅导', en: 'Coaching' },
  filing: { zh: '申报', en: 'Filed' },
  listed: { zh: '上市', en: 'Listed' },
};
export const SERVICE_LABELS: Record<string, Label> = {
  policy_talk: { zh: '政策宣讲', en: 'Policy talk' },
  financing_plan: { zh: '融资方案', en: 'Financing plan' },
  coaching: { zh: '上市辅导', en: 'Listing coaching' },
  stage: { zh: '阶段变更', en: 'Stage change' },
  subsidy: { zh: '上市补贴', en: 'Listing subsidy' },
};

/** Fen as yuan with separators and two decimals, exactly (no floating point on the fen). */
export function yuanText(fen: number | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (fen === null || fen === undefined) return '—';
  const whole = Math.trunc(fen / 100).toLocaleString('en-US');
  return `${whole}.${String(Math.abs(fen % 100)).padStart(2, '0')}${lang === 'en' ? ' yuan' : ' 元'}`;
}

/** The pattern every amount field checks before the server does. */
export const AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
