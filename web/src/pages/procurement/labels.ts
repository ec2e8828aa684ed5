import type { Label } from '../../i18n.js';

/** The procurement pages' own strings (串通投标预警). */
export const procurementLabels = {
  title: { zh: '串通投标预警', en: 'Bid-collusion warning' },
  tenders: { zh: '预警标段', en: 'Flagged tenders' },
  groups: { zh: '投标人组', en: 'Bidder groups' },
  cases: { zh: '线索核查', en: 'Cases' },
  campaigns: { zh: '专项整治', en: 'Campaigns' },
  importBids: { zh: '导入投标数据', en: 'Import bids' },
  importHint: {
    zh:
      '上传投标数据（CSV：tender_id、bidder_id、amount 等列；交易中心导出的 Excel；或 OCDS 数据）。' +
      '先检查全部记录并预览筛查结果，确认后一次写入；有任何问题则不导入任何数据。',
    en:
      'Upload bids (CSV with tender_id, bidder_id, amount…; the trading centre’s Excel export; or OCDS). ' +
      'Every row is checked and the screening previewed first; the import is then written at once, or not at all.',
  },
  line: { zh: '行', en: 'Line' },
  tender: { zh: '标段', en: 'Tender' },
  tenderTitle: { zh: '项目名称', en: 'Title' },
  bidDate: { zh: '投标日期', en: 'Bid date' },
  bidCount: { zh: '投标家数', en: 'Bidders' },
  risk: { zh: '风险评分', en: 'Risk' },
  suspect: { zh: '疑似串通', en: 'Suspect' },
  notSuspect: { zh: '未达预警', en: 'Below the cut-off' },
  flags: { zh: '预警', en: 'Flags' },
  onlySuspect: { zh: '只看疑似串通', en: 'Suspect only' },
  search: { zh: '搜索标段编号或名称', en: 'Search by tender id or title' },
  why: { zh: '预警原因', en: 'Why it was flagged' },
  noFlags: { zh: '没有触发任何预警。', en: 'No flag was raised.' },
  inputs: { zh: '依据数据', en: 'Inputs' },
  threshold: { zh: '阈值', en: 'Threshold' },
  screens: { zh: '报价筛查指标', en: 'Screens' },
  screen: { zh: '指标', en: 'Screen' },
  value: { zh: '数值', en: 'Value' },
  tooFewBids: { zh: '投标家数不足，不计算', en: 'too few bids' },
  bids: { zh: '投标情况', en: 'Bids' },
  bidder: { zh: '投标人', en: 'Bidder' },
  amount: { zh: '投标报价（元）', en: 'Bid (yuan)' },
  winner: { zh: '中标', en: 'Winner' },
  documents: { zh: '投标文件信息', en: 'Document data' },
  openCase: { zh: '立为线索', en: 'Open a case' },
  caseOpened: { zh: '已立为线索', en: 'Case opened' },
  network: { zh: '共同投标网络', en: 'Co-bidding network' },
  networkHint: {
    zh: '圆点为投标人，颜色表示其参与标段的最高风险；连线表示共同投标，越粗次数越多，红线为有串通信号的一对。',
    en:
      'Dots are bidders, coloured by their riskiest tender; lines join bidders who bid together ' +
      '(thicker: more often; red: a collusion signal).',
  },
  members: { zh: '组内投标人', en: 'Members' },
  jointTenders: { zh: '共同投标标段', en: 'Joint tenders' },
  wins: { zh: '中标次数', en: 'Wins' },
  history: { zh: '投标历史', en: 'Bid history' },
  pairs: { zh: '与其他投标人的信号', en: 'Signals with other bidders' },
  redFlags: { zh: '开放合同数据（OCDS）红旗指标', en: 'OCDS red flags' },
  coBids: { zh: '共同投标次数', en: 'Times together' },
  stage: { zh: '阶段', en: 'Stage' },
  outcome: { zh: '处理结果', en: 'Outcome' },
  unit: { zh: '核查单位', en: 'Verifying unit' },
  deadline: { zh: '核查期限', en: 'Due' },
  overdue: { zh: '已逾期', en: 'overdue' },
  subject: { zh: '对象', en: 'Subject' },
  sendToVerify: { zh: '交单位核查', en: 'Send for verification' },
  workdays: { zh: '核查时限（工作日）', en: 'Working days to verify' },
  note: { zh: '说明', en: 'Note' },
  addEvidence: { zh: '补充核查材料', en: 'Add evidence' },
  recordOutcome: { zh: '登记处理结果', en: 'Record the outcome' },
  timeline: { zh: '办理过程', en: 'Timeline' },
  figures: { zh: '月度数据', en: 'Monthly figures' },
  month: { zh: '月份', en: 'Month' },
  tendersScreened: { zh: '筛查标段数', en: 'Tenders screened' },
  lotsFlagged: { zh: '疑似串通标段', en: 'Lots flagged' },
  biddersFlagged: { zh: '涉及投标人', en: 'Bidders flagged' },
  remoteEvaluations: { zh: '远程异地评标', en: 'Remote evaluations' },
  expertPool: { zh: '评标专家库规模', en: 'Expert pool' },
  noData: { zh: '暂无数据，导入投标数据后显示。', en: 'No data yet: import bids to see it.' },
  newCampaign: { zh: '新建专项整治', en: 'New campaign' },
  campaignName: { zh: '专项整治名称', en: 'Campaign name' },
  checked: { zh: '已检查项目', en: 'Projects checked' },
  checkedAmount: { zh: '涉及金额（元）', en: 'Amount (yuan)' },
  problemsFound: { zh: '发现问题', en: 'Problems found' },
  verified: { zh: '已核实', en: 'Verified' },
  projects: { zh: '检查项目', en: 'Projects' },
  agency: { zh: '代理机构', en: 'Agency' },
  misconduct: { zh: '问题类型', en: 'Misconduct' },
  description: { zh: '问题描述', en: 'Description' },
  addProblem: { zh: '登记问题', en: 'Record a problem' },
  markVerified: { zh: '核实', en: 'Mark verified' },
  rectification: { zh: '整改事项', en: 'Rectification item' },
  rectifyUnit: { zh: '整改责任单位', en: 'Unit to rectify' },
  rectifyDeadline: { zh: '整改期限', en: 'Rectify by' },
  project: { zh: '项目', en: 'Project' },
  addProject: { zh: '添加项目', en: 'Add the project' },
  byAgency: { zh: '按代理机构', en: 'By agency' },
  code: { zh: '编号', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  checkedOn: { zh: '检查日期', en: 'Checked on' },
  verifiedOn: { zh: '核实日期', en: 'Verified on' },
  uploadProjects: { zh: '上传检查项目', en: 'Upload projects' },
  uploadProjectsHint: {
    zh:
      '上传检查项目表（CSV 或 Excel）：项目编号、项目名称、招标代理机构、金额（元）为必填列，已检查（是/否）、检查日期为可选列。' +
      '先检查全部行并预览，确认后一次加入；有任何问题则不加入任何项目。',
    en:
      'Upload the projects sheet (CSV or Excel): code, name, agency and amount (yuan) are required; checked (yes/no) and ' +
      'checked-on date are optional. Every row is checked and previewed first; the projects are then added at once, or not at all.',
  },
  projectsReady: { zh: '可以加入', en: 'Ready to add' },
  projectsAdded: { zh: '已加入', en: 'Added' },
  parties: { zh: '采购人与代理机构', en: 'Buyers and entities' },
  partiesHint: {
    zh: '来自 OCDS 数据的采购人（招标人）和采购代理（组织）单位层面的预警：每条预警列出原因、依据数据和阈值。',
    en: 'Red flags about buyers and procuring entities from OCDS data: each with why it fired, its inputs and the threshold.',
  },
  party: { zh: '单位', en: 'Party' },
  role: { zh: '身份', en: 'Role' },
  allRoles: { zh: '全部', en: 'All' },
  noPartyFlags: { zh: '暂无采购人或代理机构层面的预警。', en: 'No buyer or procuring-entity flag yet.' },
  buyerFlags: { zh: '招标人（采购人）预警', en: 'Flags about the buyer' },
} satisfies Record<string, Label>;

export const STAGE_LABELS: Record<string, Label> = {
  lead: { zh: '线索', en: 'Lead' },
  verification: { zh: '核查', en: 'Verification' },
  disposed: { zh: '处理', en: 'Disposed' },
};

export const OUTCOME_LABELS: Record<string, Label> = {
  referred: { zh: '移送', en: 'Referred' },
  penalised: { zh: '处罚', en: 'Penalised' },
  cleared: { zh: '排除', en: 'Cleared' },
};

export const EVENT_LABELS: Record<string, Label> = {
  created: { zh: '立为线索', en: 'Opened' },
  verification: { zh: '交单位核查', en: 'Sent for verification' },
  evidence: { zh: '补充材料', en: 'Evidence' },
  outcome: { zh: '处理结果', en: 'Outcome' },
};

export const MISCONDUCT_LABELS: Record<string, Label> = {
  collusion_assist: { zh: '协助串通投标', en: 'Helping bidders collude' },
  illegal_subcontract: { zh: '违规转包分包代理业务', en: 'Passing on agency work illegally' },
  false_materials: { zh: '弄虚作假、出具虚假材料', en: 'False documents' },
  improper_fees: { zh: '违规收费', en: 'Improper fees' },
};

export const ROLE_LABELS: Record<string, Label> = {
  Buyer: { zh: '采购人（招标人）', en: 'Buyer' },
  ProcuringEntity: { zh: '采购代理（组织）单位', en: 'Procuring entity' },
};

export const SCREEN_LABELS: Record<string, Label> = {
  cv: { zh: '变异系数', en: 'Coefficient of variation' },
  spd: { zh: '极差率', en: 'Spread' },
  diffp: { zh: '最低两家报价差率', en: 'Difference of the two lowest bids' },
  rd: { zh: '相对距离', en: 'Relative distance' },
  rdnor: { zh: '标准化相对距离', en: 'Normalised relative distance' },
  rdalt: { zh: '替代相对距离', en: 'Alternative relative distance' },
  kurt: { zh: '峰度', en: 'Kurtosis' },
  skew: { zh: '偏度', en: 'Skewness' },
  ks: { zh: '均匀分布检验', en: 'Kolmogorov–Smirnov' },
};

/** Short names of the flag codes, for tags in lists (the full reason is on the tender page). */
export const FLAG_LABELS: Record<string, Label> = {
  SCREEN_CV_LOW: { zh: '报价过于接近', en: 'Bids too close' },
  SCREEN_SPD_LOW: { zh: '极差过小', en: 'Spread too small' },
  SCREEN_DIFFP_LOW: { zh: '最低两家几乎相同', en: 'Two lowest almost equal' },
  SCREEN_DIFFP_HIGH: { zh: '最低价明显偏低', en: 'Lowest bid far below' },
  SCREEN_RD_HIGH: { zh: '陪标形态', en: 'Cover-bid shape' },
  SCREEN_KURT_HIGH: { zh: '报价尖峰分布', en: 'Peaked bids' },
  SCREEN_SKEW_LOW: { zh: '报价负偏', en: 'Negative skew' },
  SCREEN_KS_HIGH: { zh: '偏离常见分布', en: 'Unusual spread' },
  ART40_SAME_AUTHOR: { zh: '文件作者相同', en: 'Same author' },
  ART40_SAME_LAST_SAVED_BY: { zh: '最后保存者相同', en: 'Same last editor' },
  ART40_SAME_MACHINE: { zh: '同一台电脑', en: 'Same machine' },
  ART40_SAME_NETWORK: { zh: '同一网络地址', en: 'Same network' },
  ART40_SAME_AGENT: { zh: '同一代理人', en: 'Same agent' },
  ART40_SAME_PROJECT_MANAGER: { zh: '同一项目负责人', en: 'Same project manager' },
  ART40_SAME_DEPOSIT_ACCOUNT: { zh: '保证金同一账户', en: 'Same deposit account' },
  ART40_IDENTICAL_PRICE: { zh: '报价相同', en: 'Identical bids' },
  ART40_CONSTANT_RATIO: { zh: '报价比例固定', en: 'Constant price ratio' },
  ART40_CONSTANT_DIFFERENCE: { zh: '报价差额固定', en: 'Constant price difference' },
  ART39_COVER_BIDDING: { zh: '疑似陪标', en: 'Cover bidding' },
  ART39_WINNER_ROTATION: { zh: '轮流中标', en: 'Winner rotation' },
  ART39_RELATED_PARTIES: { zh: '关联企业', en: 'Related parties' },
  ART39_SHARED_SHAREHOLDER: { zh: '共同股东', en: 'Shared shareholder' },
  // the OCDS red flags (cardinal-rs), titles as in ocds/describe.ts
  R003: { zh: '投标截止期过短', en: 'Short submission period' },
  R018: { zh: '竞争性程序仅收到一份投标', en: 'Single bid received' },
  R024: { zh: '中标价与次低价过于接近', en: 'Price close to winning bid' },
  R025: { zh: '频繁投标却极少中标', en: 'Excessive unsuccessful bids' },
  R028: { zh: '不同投标人报价完全相同', en: 'Identical bid prices' },
  R030: { zh: '逾期提交的投标中标', en: 'Late bid won' },
  R035: { zh: '除中标人外其余投标均被否决', en: 'All except winning bid disqualified' },
  R036: { zh: '最低报价被否决', en: 'Lowest bid disqualified' },
  R038: { zh: '被否决投标比例过高', en: 'Excessive disqualified bids' },
  R048: { zh: '供应商中标品类异常宽泛', en: 'Heterogeneous supplier' },
  R058: { zh: '中标价远低于次低价', en: 'Heavily discounted bid' },
};

export const META_LABELS: Record<string, Label> = {
  author: { zh: '文件作者', en: 'Author' },
  lastSavedBy: { zh: '最后保存者', en: 'Last saved by' },
  software: { zh: '编制软件', en: 'Software' },
  machineId: { zh: '机器码', en: 'Machine' },
  networkId: { zh: '网络地址', en: 'Network' },
  depositAccount: { zh: '保证金账户', en: 'Deposit account' },
  agent: { zh: '代理人', en: 'Agent' },
  projectManager: { zh: '项目负责人', en: 'Project manager' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
};
