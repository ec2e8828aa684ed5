/**
 * Header names as offices write them, per field. An exact name wins over a keyword anywhere in the
 * header ("牵头单位（部门）" → lead); "整改措施" is exact for `rectification` before "措施" can claim it.
 */

export const IMPORT_FIELDS = [
  'code',
  'area',
  'content',
  'measures',
  'lead',
  'coop',
  'deadline',
  'sourceEvaluation',
  'rectification',
  'level',
  'maxScore',
  'selfScore',
  'scoringRule',
  'stage',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const NAMES: { field: ImportField; exact: string[]; keywords: string[] }[] = [
  {
    field: 'code',
    exact: ['序号', '编号', '任务编号', '问题编号', '题号', '序列号', '清单编号', '事项编号', '代码'],
    keywords: ['序号', '编号'],
  },
  {
    field: 'lead',
    exact: ['牵头单位', '责任单位', '牵头部门', '责任部门', '主责单位', '牵头责任单位', '责任主体'],
    keywords: ['牵头', '责任单位', '责任部门', '主责'],
  },
  {
    field: 'coop',
    exact: ['配合单位', '协同单位', '配合部门', '协办单位', '参与单位', '协同部门', '协助单位'],
    keywords: ['配合', '协同', '协办', '协助'],
  },
  {
    field: 'deadline',
    exact: ['完成时限', '时间节点', '完成时间', '时限', '完成期限', '时限要求', '截止时间', '办结时限', '整改时限', '整改期限'],
    keywords: ['时限', '时间节点', '完成时间', '期限', '截止'],
  },
  { field: 'rectification', exact: ['整改措施', '整改举措', '整改方案'], keywords: ['整改措施'] },
  { field: 'sourceEvaluation', exact: ['问题来源', '评价来源', '来源'], keywords: ['来源'] },
  { field: 'scoringRule', exact: ['评分标准', '评分规则', '评分细则', '评分办法'], keywords: ['评分'] },
  { field: 'selfScore', exact: ['自评分', '自评得分', '自评分数', '自评'], keywords: ['自评'] },
  { field: 'maxScore', exact: ['分值', '满分', '标准分', '分数'], keywords: ['分值', '满分'] },
  { field: 'level', exact: ['层级', '评价层级', '适用层级', '级别'], keywords: ['层级'] },
  { field: 'stage', exact: ['阶段', '案例阶段', '所处阶段'], keywords: ['阶段'] },
  { field: 'tags', exact: ['标签'], keywords: ['标签'] },
  {
    field: 'area',
    exact: [
      '指标',
      '领域',
      '指标领域',
      '一级指标',
      '评价指标',
      '所属领域',
      '类别',
      '分类',
      '重点领域',
      '任务类别',
      '所属指标',
      '指标名称',
      '板块',
    ],
    keywords: ['指标', '领域'],
  },
  {
    field: 'measures',
    exact: ['具体措施', '工作措施', '主要措施', '措施', '推进措施', '改革措施', '任务措施', '落实措施', '具体举措'],
    keywords: ['措施'],
  },
  {
    field: 'content',
    exact: [
      '任务',
      '工作任务',
      '重点任务',
      '任务内容',
      '主要任务',
      '工作内容',
      '事项',
      '问题',
      '问题描述',
      '存在问题',
      '问题表现',
      '试题',
      '题目',
      '改革举措',
      '提升事项',
      '案例名称',
      '任务名称',
      '事项名称',
      '主要内容',
      '重点工作',
    ],
    keywords: ['任务', '事项', '内容', '问题', '举措', '题目', '案例'],
  },
];

/** Headers that are read as nothing on purpose (export adds 状态 for the reader; import ignores it). */
const IGNORED = ['状态', '进展', '完成情况', '备注', '说明', '逾期工作日', '督办环节'];

export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*:：]/g, '');
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): ImportField | null {
  const h = normalizeHeader(text);
  if (!h || h.length > 30) return null;
  const bare = h.replace(/\([^)]*\)/g, '');
  for (const n of NAMES) if (n.exact.includes(h) || n.exact.includes(bare)) return n.field;
  if (IGNORED.some((k) => bare.includes(k))) return null;
  for (const n of NAMES) if (n.keywords.some((k) => bare.includes(k))) return n.field;
  return null;
}

/** The header text the export writes per field: one canonical name, read back by `fieldOfHeader`. */
export const EXPORT_HEADERS: Record<ImportField, string> = {
  code: '序号',
  area: '指标领域',
  content: '工作任务',
  measures: '工作措施',
  lead: '牵头单位',
  coop: '配合单位',
  deadline: '完成时限',
  sourceEvaluation: '问题来源',
  rectification: '整改措施',
  level: '层级',
  maxScore: '分值',
  selfScore: '自评分',
  scoringRule: '评分标准',
  stage: '阶段',
  tags: '标签',
};
