import type { ResultStatus } from '../../../../src/common/schemas/policies.js';
import type { Label } from '../../i18n.js';

/** Strings of the policies pages: library and rules, matching and payouts, the enterprise portal. */
export const policyLabels = {
  // library and rule editor
  library: { zh: '惠企政策库', en: 'Policy library' },
  searchPolicies: { zh: '标题或文号', en: 'Title or document number' },
  policy: { zh: '政策', en: 'Policy' },
  area: { zh: '领域', en: 'Area' },
  editRule: { zh: '编辑规则', en: 'Edit rule' },
  autoGrant: { zh: '免申即享', en: 'Auto-grant' },
  byApplication: { zh: '需申报', en: 'By application' },
  stale: { zh: '待重新匹配', en: 'To be re-matched' },
  ruleEditor: { zh: '规则编辑', en: 'Rule editor' },
  pickBenefit: { zh: '选择一个兑现事项以编辑其资格规则', en: 'Choose a benefit to edit its eligibility rule' },
  rule: { zh: '资格规则', en: 'Eligibility rule' },
  ruleValid: { zh: '规则有效', en: 'The rule is valid' },
  ruleInvalid: { zh: '规则有误', en: 'The rule has errors' },
  reading: { zh: '企业看到的条件', en: 'What the enterprise reads' },
  at: { zh: '第 {line} 行第 {column} 列：', en: 'Line {line}, column {column}: ' },
  testExamples: { zh: '在示例企业上测试', en: 'Test on the example enterprises' },
  saveRule: { zh: '保存规则', en: 'Save rule' },
  example: { zh: '示例企业', en: 'Example enterprise' },
  expected: { zh: '期望', en: 'Expected' },
  actual: { zh: '实际', en: 'Actual' },
  outcome: { zh: '结果', en: 'Outcome' },
  qualifies: { zh: '符合', en: 'Qualifies' },
  notQualifies: { zh: '不符合', en: 'Does not qualify' },
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  fieldHelp: {
    zh:
      '字段：industry（行业，可写门类、大类、中类、小类代码或名称）、county、registeredOn、capital、employees、revenue、assets、' +
      'rdSpending、taxGrade、sizeClass、legalForm；函数：has("资质"[, 日期])、tag("标签")、growth(revenue[, 年])、avg(f, n)、prev(f, n)、' +
      'rule("编码")；运算：and or not、> >= < <= == !=、between a and b、in [..]、under ["C", "391", "软件开发"]、within 3 years、today - 1 year',
    en:
      'Fields: industry (a section, division, group or class code, or its name), county, registeredOn, capital, employees, revenue, ' +
      ('assets, rdSpending, taxGrade, sizeClass, legalForm; functions: ' +
        'has("qualification"[, date]), tag("mark"), growth(revenue[, years]), ') +
      'avg(f, n), prev(f, n), rule("code"); operators: and or not, > >= < <= == !=, between a and b, in [..], ' +
      'under ["C", "391", "软件开发"], within 3 years, today - 1 year',
  },

  // matching and payouts
  matching: { zh: '免申即享批量匹配', en: 'Auto-grant matching' },
  matchChanged: { zh: '匹配变化部分', en: 'Match what changed' },
  matchAll: { zh: '全量匹配', en: 'Match everything' },
  progress: { zh: '匹配进度', en: 'Matching progress' },
  done: {
    zh: '匹配完成：{evaluations} 次判定，符合 {matched}，差一项 {near}，用时 {seconds} 秒',
    en: 'Done: {evaluations} checks, {matched} qualify, {near} miss one condition, {seconds} s',
  },
  results: { zh: '匹配与兑现清单', en: 'Matches and payouts' },
  totals: { zh: '汇总', en: 'Totals' },
  status: { zh: '状态', en: 'Status' },
  choose: { zh: '请选择', en: 'Choose' },
  export: { zh: '导出 Excel', en: 'Export to Excel' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  benefit: { zh: '兑现事项', en: 'Benefit' },
  amount: { zh: '金额（万元）', en: 'Amount (CNY 10k)' },
  tenThousandYuan: { zh: '万元', en: '× CNY 10k' },
  actions: { zh: '操作', en: 'Actions' },
  why: { zh: '为什么', en: 'Why' },
  whyYes: { zh: '为什么符合：{name}', en: 'Why it qualifies: {name}' },
  whyNo: { zh: '为什么不符合：{name}', en: 'Why it does not qualify: {name}' },
  notify: { zh: '告知企业', en: 'Notify' },
  confirm: { zh: '确认', en: 'Confirm' },
  decline: { zh: '放弃', en: 'Decline' },
  pay: { zh: '兑现', en: 'Pay out' },
  declineTitle: { zh: '放弃原因', en: 'Reason for declining' },
  reason: { zh: '原因', en: 'Reason' },
  reasonIs: { zh: '放弃原因：{reason}', en: 'Reason for declining: {reason}' },
  ok: { zh: '确定', en: 'OK' },
  payTitle: { zh: '登记兑现', en: 'Record the payout' },
  paidAmount: { zh: '兑现金额（万元）', en: 'Amount paid (CNY 10k)' },
  paidOn: { zh: '兑现日期', en: 'Date paid' },
  dateFormat: { zh: '年-月-日，如 2026-03-10', en: 'YYYY-MM-DD' },
  answer: { zh: '企业答复', en: 'Enterprise’s answer' },
  confirmedOn: { zh: '企业已确认（{at}）', en: 'Confirmed by the enterprise ({at})' },
  declinedOn: { zh: '企业已放弃（{at}）：{reason}', en: 'Declined by the enterprise ({at}): {reason}' },
  notices: { zh: '告知记录', en: 'What the enterprise was sent' },
  channelInbox: { zh: '站内消息', en: 'Inbox' },
  channelEmail: { zh: '电子邮件', en: 'E-mail' },
  channelSms: { zh: '短信（待发送文本）', en: 'SMS (text ready to send)' },
  conditions: { zh: '逐项条件', en: 'Condition by condition' },
  rowCount: { zh: '共 {n} 条', en: '{n} in all' },
  byPolicy: { zh: '按政策', en: 'By policy' },
  byDepartment: { zh: '按发文部门', en: 'By issuing department' },
  byCounty: { zh: '按旗县区', en: 'By county' },
  name: { zh: '名称', en: 'Name' },
  due: { zh: '应兑现（万元）', en: 'Due (CNY 10k)' },
  paid: { zh: '已兑现（万元）', en: 'Paid (CNY 10k)' },
  total: { zh: '合计', en: 'Total' },
  details: { zh: '详情', en: 'Details' },

  // explanation
  met: { zh: '满足', en: 'Met' },
  notMet: { zh: '不满足', en: 'Not met' },
  enterpriseValue: { zh: '企业情况：{v}', en: 'The enterprise: {v}' },
  allOf: { zh: '以下全部满足', en: 'All of the following' },
  anyOf: { zh: '以下满足其一', en: 'One of the following' },
  noneOf: { zh: '以下不满足', en: 'Not the following' },
  ruleCode: { zh: '规则原文：', en: 'Rule text: ' },

  // portal
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  county: { zh: '旗县区', en: 'County' },
  industry: { zh: '行业', en: 'Industry' },
  size: { zh: '规模', en: 'Size class' },
  taxGrade: { zh: '纳税信用', en: 'Tax credit grade' },
  qualificationsHeld: { zh: '资质', en: 'Qualifications' },
  myBenefits: { zh: '可享受的政策（免申即享）', en: 'Benefits you qualify for (no application needed)' },
  nearly: { zh: '差一点即可享受', en: 'Nearly within reach' },
  nearlyHelp: { zh: '以下政策只差您可以改善的条件。', en: 'These benefits are missed only by conditions you can improve.' },
  payouts: { zh: '兑现记录', en: 'Payouts' },
  none: { zh: '暂无', en: 'None yet' },
  noPayouts: { zh: '暂无兑现记录', en: 'No payouts yet' },
  expectedAmount: { zh: '预计 {amount}', en: 'Expected: {amount}' },
  confirmBenefit: { zh: '确认享受', en: 'Accept' },
  declineBenefit: { zh: '放弃享受', en: 'Decline' },
  declineAsk: { zh: '请说明放弃的原因，办公室会看到。', en: 'Please say why; the office will read it.' },
  waitingOffice: { zh: '待主管部门告知后可确认', en: 'You can answer once the department has notified you' },
  whatYouMeet: { zh: '符合条件', en: 'Conditions met' },
  missing: { zh: '还需：', en: 'Still needed: ' },
  yourValue: { zh: '（目前：{v}）', en: ' (now: {v})' },
  paidRecord: { zh: '{name}：{amount}（{date}）', en: '{name}: {amount} ({date})' },
} satisfies Record<string, Label>;

export const STATUS_LABELS: Record<ResultStatus, Label> = {
  near: { zh: '差一项', en: 'One short' },
  matched: { zh: '已匹配', en: 'Matched' },
  notified: { zh: '已告知', en: 'Notified' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  declined: { zh: '已放弃', en: 'Declined' },
  paid: { zh: '已兑现', en: 'Paid' },
};
/** Size classes (大/中/小/微) as the 2017 classification names them. */
export const SIZE_LABELS: Record<string, Label> = {
  大: { zh: '大型', en: 'Large' },
  中: { zh: '中型', en: 'Medium' },
  小: { zh: '小型', en: 'Small' },
  微: { zh: '微型', en: 'Micro' },
};
export const STATUS_COLORS: Record<ResultStatus, string> = {
  near: 'orange',
  matched: 'blue',
  notified: 'cyan',
  confirmed: 'geekblue',
  declined: 'default',
  paid: 'green',
};

/** Fills {name} placeholders of a picked label. */
export { fill } from '../../components/format.js';

/** Amounts in 万元 as offices write them: thousands separators, two decimals at most. */
export function formatAmount(v: number | null | undefined, fixed = false): string {
  if (v === null || v === undefined) return '—';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: fixed ? 2 : 0, maximumFractionDigits: 2 });
}

/** An amount in 万元 for a sentence: "20 万元" / "CNY 200,000". */
export function moneyText(v: number | null | undefined): Label {
  if (v === null || v === undefined) return { zh: '—', en: '—' };
  return { zh: `${formatAmount(v)} 万元`, en: `CNY ${formatAmount(Math.round(v * 10_000))}` };
}

/** A bilingual value from the server, or a legacy "中文 / English" string. */
export function bi(v: Label | string | undefined): Label {
  if (v === undefined) return { zh: '', en: '' };
  if (typeof v !== 'string') return v;
  const k = v.indexOf(' / ');
  return k < 0 ? { zh: v, en: v } : { zh: v.slice(0, k), en: v.slice(k + 3) };
}
