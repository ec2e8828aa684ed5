import type { Label } from '../../i18n.js';

/** Strings of the enforcement pages (法治环境). */
export const enforcementLabels = {
  title: { zh: '法治环境', en: 'Law-based environment' },
  plans: { zh: '双随机抽查计划', en: 'Random inspection plans' },
  catalogue: { zh: '执法事项清单', en: 'Enforcement matters' },
  officers: { zh: '执法人员', en: 'Officers' },
  documents: { zh: '规范性文件清理', en: 'Normative documents' },
  figures: { zh: '数据统计', en: 'Figures' },
  credit: { zh: '信用风险分类', en: 'Credit-risk grades' },
  newPlan: { zh: '新建抽查计划', en: 'New plan' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  annual: { zh: '年度计划', en: 'Annual' },
  ad_hoc: { zh: '专项计划', en: 'Ad hoc' },
  departments: { zh: '实施部门', en: 'Departments' },
  items: { zh: '抽查事项', en: 'Inspection items' },
  officerPool: { zh: '执法人员库', en: 'Officer pool' },
  officersPerVisit: { zh: '每户检查人数', en: 'Officers per visit' },
  window: { zh: '检查期间', en: 'Inspection window' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  ratios: { zh: '按信用等级抽取比例（%）', en: 'Draw ratio by credit grade (%)' },
  // A plan may draw a number of enterprises per grade instead of a ratio.
  drawn: { zh: '按信用等级抽取', en: 'Drawn per credit grade' },
  quotaCount: { zh: '{n} 户', en: '{n} enterprises' },
  offSite: { zh: '非现场检查', en: 'Off-site inspection' },
  dataSource: { zh: '数据来源', en: 'Data source' },
  publishDays: { zh: '结果公示时限（工作日）', en: 'Publish results within (working days)' },
  status: { zh: '状态', en: 'Status' },
  open: { zh: '查看', en: 'Open' },
  save: { zh: '保存', en: 'Save' },
  code: { zh: '编码', en: 'Code' },
  type: { zh: '事项类型', en: 'Type' },
  legalBasis: { zh: '法律依据', en: 'Legal basis' },
  exportXlsx: { zh: '导出 Excel', en: 'Export to Excel' },
  importXlsx: { zh: '导入 Excel', en: 'Import from Excel' },
  importPreview: {
    zh: '预览：{matters} 个事项、{items} 个抽查事项，确认后保存',
    en: 'Preview: {matters} matters, {items} items; confirm to save',
  },
  importDone: { zh: '已导入：新增 {added}，更新 {replaced}', en: 'Imported: {added} added, {replaced} replaced' },
  certNo: { zh: '执法证号', en: 'Certificate' },
  certValidTo: { zh: '有效期至', en: 'Valid to' },
  certified: { zh: '证件有效', en: 'Certified' },
  notCertified: { zh: '无有效证件，不能参与检查', en: 'No valid certificate: cannot inspect' },
  commitment: { zh: '承诺值（种子的 SHA-256）', en: 'Commitment (SHA-256 of the seed)' },
  snapshotHash: { zh: '对象库快照 SHA-256', en: 'Pool snapshot SHA-256' },
  seed: { zh: '随机种子', en: 'Seed' },
  seedHidden: { zh: '抽取后公布', en: 'Published after the draw' },
  commit: { zh: '固定对象库并公布承诺值', en: 'Fix the pool and publish the commitment' },
  draw: { zh: '抽取', en: 'Draw' },
  verify: { zh: '复核抽取', en: 'Verify the draw' },
  verified: {
    zh: '复核一致：种子与承诺值相符，快照未变，重新抽取结果与公布一致',
    en: 'Verified: the seed matches the commitment, the snapshot is unchanged, the re-run gives the published result',
  },
  notVerified: { zh: '复核不一致', en: 'The draw does not verify' },
  publish: { zh: '公示检查结果', en: 'Publish the results' },
  publishBy: { zh: '应于 {date} 前公示', en: 'Publish by {date}' },
  publishOverdue: { zh: '已超过公示时限', en: 'Past the publication deadline' },
  publicPage: { zh: '公示页面', en: 'Public page' },
  pool: { zh: '对象库', en: 'Pool' },
  households: { zh: '{n} 户', en: '{n} enterprises' },
  visits: { zh: '抽中企业', en: 'Drawn enterprises' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  grade: { zh: '信用等级', en: 'Grade' },
  inspectors: { zh: '检查人员', en: 'Inspectors' },
  record: { zh: '登记结果', en: 'Record result' },
  outcome: { zh: '检查结果', en: 'Outcome' },
  note: { zh: '情况说明', en: 'Note' },
  inspectedOn: { zh: '检查日期', en: 'Inspected on' },
  waiverReason: { zh: '不适用首违不罚的理由', en: 'Why the first-violation waiver does not apply' },
  results: { zh: '检查结果', en: 'Results' },
  rectifyDue: { zh: '整改期限', en: 'Rectify by' },
  rectifiedOn: { zh: '整改完成', en: 'Rectified on' },
  markRectified: { zh: '整改完成', en: 'Rectified' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  noVisits: { zh: '尚未抽取。', en: 'Not drawn yet.' },
  noResults: { zh: '尚无检查结果。', en: 'No results yet.' },
  period: { zh: '统计期间', en: 'Period' },
  matters: { zh: '执法事项', en: 'Matters listed' },
  bodies: { zh: '执法主体', en: 'Enforcement bodies' },
  officersCertified: { zh: '持证执法人员', en: 'Certified officers' },
  inspections: { zh: '检查结果', en: 'Inspection results' },
  offSiteInspections: { zh: '非现场检查', en: 'Off-site inspections' },
  mutualRecognitions: { zh: '互认免检（户·项）', en: 'Mutually recognised (enterprise-items)' },
  documentsCleaned: { zh: '清理规范性文件', en: 'Documents cleaned up' },
  docNumber: { zh: '文号', en: 'Number' },
  reviewOutcome: { zh: '清理结论', en: 'Outcome' },
  pending: { zh: '待清理', en: 'Pending' },
  lookup: { zh: '输入企业名称或信用代码查找', en: 'Find an enterprise by name or credit code' },
  score: { zh: '分值', en: 'Score' },
  explanation: { zh: '评分说明', en: 'How the score is made' },
  base: { zh: '基础分', en: 'Base' },
  publicTitle: { zh: '“双随机、一公开”抽查公示', en: 'Random inspections: public record' },
  recipe: { zh: '如何自行验证抽取', en: 'How to check the draw yourself' },
  recipeSteps: {
    zh:
      '1. 下载对象库快照，计算其 SHA-256，应与抽取前公布的快照哈希一致；' +
      '2. 计算公布种子（64 位十六进制字符）的 SHA-256，应与抽取前公布的承诺值一致；' +
      '3. 用验证脚本（只需 Python 3 标准库）以种子和快照重新抽取，结果应与下方名单完全相同：' +
      'python3 verify-draw.py 快照.json 种子 承诺值 快照哈希',
    en:
      '1. Download the pool snapshot and compute its SHA-256: it must equal the snapshot hash published before the draw. ' +
      '2. Compute the SHA-256 of the published seed (64 hex characters): it must equal the commitment published before the draw. ' +
      '3. Re-run the draw with the verification script (Python 3 standard library only) from the seed and the snapshot: ' +
      'the result must be exactly the list below. python3 verify-draw.py snapshot.json SEED COMMITMENT SNAPSHOT_HASH',
  },
  downloadSnapshot: { zh: '下载对象库快照', en: 'Download the pool snapshot' },
  downloadRecipe: { zh: '下载验证脚本', en: 'Download the verification script' },
  publicResults: { zh: '公示的检查结果', en: 'Published results' },
  notPublished: { zh: '检查结果尚未公示。', en: 'The results are not published yet.' },
  noPlans: { zh: '暂无公示的抽查计划。', en: 'No plans published yet.' },
  back: { zh: '返回', en: 'Back' },
  draftHint: {
    zh: '草稿：固定对象库后，将公布承诺值与快照哈希，此后不能再更改。',
    en: 'Draft: fixing the pool publishes the commitment and snapshot hash; nothing can change after that.',
  },
  addOfficer: { zh: '新增执法人员', en: 'Add an officer' },
  review: { zh: '清理审查', en: 'Review' },
  round: { zh: '第 {n} 轮', en: 'round {n}' },
  regrade: { zh: '重新评定全部企业', en: 'Regrade every enterprise' },
  regradeStarted: { zh: '已开始评定，完成后等级自动更新', en: 'Grading started; the grades update when it finishes' },
  repairs: { zh: '待审核的信用修复申请', en: 'Credit-repair applications to review' },
  noRepairs: { zh: '暂无待审核的申请。', en: 'No applications to review.' },
  repairRecord: { zh: '信用记录', en: 'Record' },
  noPlansYet: { zh: '还没有抽查计划。', en: 'No inspection plans yet.' },
  noComplaints: { zh: '暂无涉企执法投诉。', en: 'No complaints about enforcement.' },
  reason: { zh: '申请理由', en: 'Reason' },
  appliedAt: { zh: '申请日期', en: 'Applied on' },
  approve: { zh: '通过', en: 'Approve' },
  reject: { zh: '不通过', en: 'Reject' },
  approved: { zh: '已通过，记录停止公示并重新评定', en: 'Approved: the record ends and the grade is recomputed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  complaints: { zh: '涉企执法投诉', en: 'Complaints about enforcement' },
  addComplaint: { zh: '登记投诉', en: 'Record a complaint' },
  complaintSummary: { zh: '投诉内容', en: 'Complaint' },
  complaintOutcome: { zh: '办理结果', en: 'Outcome' },
  closeComplaint: { zh: '办结', en: 'Close' },
  complaintOpen: { zh: '办理中', en: 'Open' },
  complaintClosed: { zh: '已办结', en: 'Closed' },
  source: { zh: '来源', en: 'Source' },
  fromDemand: { zh: '诉求平台转来', en: 'From the demand desk' },
  direct: { zh: '直接受理', en: 'Received here' },
  // — the enterprise's own page (我的信用) —
  myCredit: { zh: '我的信用', en: 'My credit' },
  myGrade: {
    zh: '贵企业目前的信用风险等级是{grade}级（{label}），评分{score}分。',
    en: 'Your enterprise’s credit-risk grade is {grade} ({label}), with {score} points.',
  },
  notGraded: {
    zh: '贵企业尚未评定信用风险等级，评定后会显示在这里。',
    en: 'Your enterprise has not been graded yet; the grade will appear here.',
  },
  howScored: { zh: '评分从{base}分算起：', en: 'The score starts at {base} points: ' },
  scoredRecord: { zh: '{factor}{count}条，{sign}{points}分', en: '{factor} ×{count}, {sign}{points} points' },
  scoredLine: { zh: '{line}，{sign}{points}分', en: '{line}, {sign}{points} points' },
  scoredTax: { zh: '纳税信用{taxGrade}级，{sign}{points}分', en: 'tax credit grade {taxGrade}, {sign}{points} points' },
  noDeductions: { zh: '没有影响评分的记录。', en: 'no record affects the score.' },
  minus: { zh: '扣', en: 'minus ' },
  plus: { zh: '加', en: 'plus ' },
  myRecords: { zh: '信用记录', en: 'Credit records' },
  noRecords: { zh: '贵企业没有信用记录。', en: 'Your enterprise has no credit records.' },
  inEffect: { zh: '仍在公示，影响评分', en: 'In effect: counts in the score' },
  ended: { zh: '已于 {date} 停止公示，不再影响评分', en: 'Ended on {date}: no longer counts' },
  applyRepair: { zh: '申请信用修复', en: 'Apply for credit repair' },
  repairHint: {
    zh: '请说明已经纠正了什么（例如已补报年报、已缴清罚款），主管部门审核通过后，这条记录停止公示，等级随之重新评定。',
    en:
      'Say what has been corrected (e.g. the annual report filed, the fine paid); ' +
      'once the department approves, the record ends and the grade is recomputed.',
  },
  repairSent: { zh: '申请已提交，主管部门审核后会通知您。', en: 'Application sent; the department will tell you its decision.' },
  repairPending: { zh: '修复申请审核中', en: 'Repair application under review' },
  repairRejected: { zh: '修复申请未通过：{note}', en: 'Repair not approved: {note}' },
  submit: { zh: '提交申请', en: 'Send' },
  // — the month's figures into the indicators —
  feedMonth: { zh: '写入指标监测的月份', en: 'Month to write to the indicators' },
  publishToIndicators: { zh: '写入指标监测', en: 'Feed to the indicators' },
  publishedToIndicators: { zh: '{month} 的法治环境数据已写入指标监测', en: 'The figures of {month} are in the indicators' },
} satisfies Record<string, Label>;

/** What each grade means for the enterprise, in plain words (国市监信发〔2022〕6号: inspection frequency by grade). */
export const GRADE_MEANING: Record<string, Label> = {
  A: { zh: '信用状况良好，被随机抽查的比例最低。', en: 'Good standing: the lowest chance of a random inspection.' },
  B: { zh: '按常规比例接受随机抽查。', en: 'Random inspections at the usual rate.' },
  C: {
    zh: '被随机抽查的比例较高；纠正问题后可以申请信用修复。',
    en: 'A higher chance of a random inspection; once problems are corrected you may apply for repair.',
  },
  D: {
    zh: '会被重点抽查，检查次数最多；纠正问题后可以申请信用修复。',
    en: 'Inspected most often; once problems are corrected you may apply for repair.',
  },
};

export const PLAN_STATUS: Record<string, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  committed: { zh: '已公布承诺值', en: 'Commitment published' },
  drawn: { zh: '已抽取', en: 'Drawn' },
};

export const OUTCOMES: Record<string, Label> = {
  none: { zh: '未发现问题', en: 'No problem' },
  problem: { zh: '发现问题', en: 'Problem found' },
  rectify: { zh: '责令整改', en: 'Ordered to rectify' },
  penalised: { zh: '依法处罚', en: 'Penalised' },
};

export const MATTER_TYPES: Record<string, Label> = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  coercion: { zh: '行政强制', en: 'Administrative coercion' },
  inspection: { zh: '行政检查', en: 'Administrative inspection' },
  levy: { zh: '行政征收', en: 'Administrative levy' },
  permit: { zh: '行政许可', en: 'Administrative permit' },
  other: { zh: '其他', en: 'Other' },
};

export const DOC_OUTCOMES: Record<string, Label> = {
  keep: { zh: '继续有效', en: 'Keep' },
  amend: { zh: '修改', en: 'Amend' },
  repeal: { zh: '废止', en: 'Repeal' },
};

export const FACTORS: Record<string, Label> = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  abnormal: { zh: '经营异常名录', en: 'Abnormal-operation list' },
  dishonest: { zh: '失信被执行人', en: 'Court dishonesty record' },
  inspection: { zh: '抽查发现问题', en: 'Problem found in an inspection' },
  complaint: { zh: '经核实的投诉', en: 'Substantiated complaint' },
  deskComplaint: { zh: '企业诉求专席查实的投诉举报', en: 'Complaint substantiated at the demand desk' },
};
/** Factors the model explains in a sentence of their own (the explanation's `line`). */
export const SENTENCE_FACTORS = new Set(['deskComplaint']);

export const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
