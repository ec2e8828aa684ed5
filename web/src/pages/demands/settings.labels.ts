import type { Label } from '../../i18n.js';

/** The strings of the desk settings page (诉求设置), in both languages. */
export const settingsLabels = {
  title: { zh: '诉求设置', en: 'Desk settings' },
  routes: { zh: '派单规则', en: 'Routing rules' },
  routesHelp: {
    zh:
      '新诉求按“业务事项 × 区县”自动派给承办单位；没有区县规则时用“全部区县”的规则，' +
      '再没有则按上级事项查找，仍无则由办公室派单。修改只影响之后受理的工单。',
    en:
      'New tickets go to a unit by subject and county; without a county rule the rule for all counties applies, ' +
      'then the parent subject’s; otherwise the office dispatches. Changes apply to tickets taken afterwards.',
  },
  county: { zh: '区县', en: 'County' },
  allCounties: { zh: '全部区县', en: 'All counties' },
  addRule: { zh: '新增规则', en: 'Add a rule' },
  editRule: { zh: '修改规则', en: 'Edit the rule' },
  removeRule: { zh: '删除', en: 'Remove' },
  removeConfirm: { zh: '删除这条派单规则？', en: 'Remove this routing rule?' },
  noRules: { zh: '还没有派单规则，新诉求都将由办公室派单。', en: 'No routing rules yet: the office dispatches every new ticket.' },
  deadlines: { zh: '办理时限', en: 'Deadlines' },
  deadlinesHelp: {
    zh: '按工作日历与工作时间（9:00–12:00，13:30–17:30）计算。签收以工作小时计，办理与整改以工作日计。',
    en:
      'Counted on the working-day calendar and working hours (9:00–12:00, 13:30–17:30): ' +
      'sign-for in working hours, handling and rectification in working days.',
  },
  signForHours: { zh: '签收时限（工作小时）', en: 'Sign for within (working hours)' },
  reopenDays: { zh: '差评重办整改时限（工作日）', en: 'Rectification after a bad rating (working days)' },
  daysOf: { zh: '办理时限（工作日）', en: 'Handling time (working days)' },
  knowledge: { zh: '知识库', en: 'Knowledge base' },
  knowledgeHelp: {
    zh: '坐席接听时检索这里的答复；咨询类诉求可直接引用答复当场办结。',
    en: 'The seat searches these answers during a call; a consultation can be answered from here and closed at once.',
  },
  search: { zh: '检索问题、关键词或答复', en: 'Search questions, keywords or answers' },
  addAnswer: { zh: '新增答复', en: 'Add an answer' },
  question: { zh: '问题', en: 'Question' },
  answer: { zh: '答复', en: 'Answer' },
  keywords: { zh: '关键词（空格分隔）', en: 'Keywords (separated by spaces)' },
  policy: { zh: '关联政策', en: 'Linked policy' },
  anySubject: { zh: '不限事项', en: 'Any subject' },
  service: { zh: '关联政务服务事项', en: 'Linked service' },
  serviceSearch: { zh: '输入事项名称或编码检索', en: 'Type a service name or code' },
  editAnswer: { zh: '修改答复', en: 'Edit the answer' },
  removeAnswer: { zh: '删除', en: 'Remove' },
  removeAnswerConfirm: {
    zh: '删除这条答复？已引用它办结的工单不受影响。',
    en: 'Remove this answer? Tickets closed with it keep their record.',
  },
  removed: { zh: '已删除', en: 'Removed' },
  noAnswers: { zh: '没有找到答复，可换个关键词或新增一条。', en: 'No answer found: try another word or add one.' },
  ratingCodes: { zh: '评价码', en: 'Rating codes' },
  ratingCodesHelp: {
    zh: '每个窗口和企业服务专员一个评价码，张贴或出示后，办事企业扫码或输入评价码即可评价，评价与工单评价一样计入单位满意率。',
    en:
      'Each window and specialist has a rating code to show or post; anyone served rates with it, ' +
      'and the ratings count for the unit like a ticket’s.',
  },
  addCode: { zh: '新增评价码', en: 'Add a rating code' },
  kind: { zh: '类型', en: 'Kind' },
  window: { zh: '窗口', en: 'Window' },
  specialist: { zh: '企业服务专员', en: 'Service specialist' },
  name: { zh: '名称', en: 'Name' },
  code: { zh: '评价码', en: 'Code' },
  state: { zh: '状态', en: 'State' },
  active: { zh: '使用中', en: 'In use' },
  retired: { zh: '已停用', en: 'Deactivated' },
  show: { zh: '出示/打印', en: 'Show / print' },
  retire: { zh: '停用', en: 'Deactivate' },
  retireConfirm: {
    zh: '停用后该评价码不能再评价，已有评价仍计入。确定停用？',
    en: 'The code will take no more ratings; those given still count. Deactivate it?',
  },
  scanToRate: { zh: '扫码或输入评价码评价我们的服务', en: 'Scan or enter the code to rate our service' },
  link: { zh: '评价链接', en: 'Rating link' },
  print: { zh: '打印', en: 'Print' },
  noCodes: { zh: '还没有评价码。', en: 'No rating codes yet.' },
  actions: { zh: '操作', en: 'Actions' },
  saved: { zh: '已保存', en: 'Saved' },
} satisfies Record<string, Label>;
