import type { Label } from '../../i18n.js';

/** The audit log's entity and action codes as the office names them; a code not listed here shows as it is. */
export const AUDIT_ENTITIES: Record<string, Label> = {
  user: { zh: '用户', en: 'User' },
  app_user: { zh: '用户', en: 'User' },
  unit: { zh: '单位', en: 'Unit' },
  worklist: { zh: '清单', en: 'Work list' },
  item: { zh: '督办事项', en: 'Item' },
  saved_filter: { zh: '常用筛选', en: 'Saved filter' },
  calendar_day: { zh: '工作日历', en: 'Calendar day' },
  indicator: { zh: '指标', en: 'Indicator' },
  indicator_value: { zh: '指标数值', en: 'Indicator value' },
  indicator_value_import: { zh: '指标数值导入', en: 'Indicator value import' },
  indicator_target: { zh: '指标目标', en: 'Indicator target' },
  indicator_peer_value: { zh: '盟市评估数据', en: 'League/city figures' },
  supervision_notice: { zh: '督办记录', en: 'Supervision notice' },
  supervision_setting: { zh: '督办设置', en: 'Supervision settings' },
  weekly_snapshot: { zh: '周督查', en: 'Weekly supervision' },
  bulletin: { zh: '月通报', en: 'Monthly bulletin' },
  dispatch_meeting: { zh: '调度会', en: 'Dispatch meeting' },
  policy: { zh: '惠企政策', en: 'Policy' },
  benefit: { zh: '兑现事项', en: 'Benefit' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  match_result: { zh: '匹配结果', en: 'Match result' },
  match_run: { zh: '政策匹配', en: 'Matching run' },
  job_run: { zh: '后台任务', en: 'Job run' },
  job_schedule: { zh: '任务计划', en: 'Job schedule' },
};

/** The verb: the last part of an action code (`item.report.approve` → approve) that has a name. */
const VERBS: Record<string, Label> = {
  create: { zh: '新增', en: 'create' },
  update: { zh: '修改', en: 'update' },
  delete: { zh: '删除', en: 'delete' },
  import: { zh: '导入', en: 'import' },
  import_file: { zh: '导入文件', en: 'import a file' },
  seed: { zh: '载入演示数据', en: 'load demo data' },
  add: { zh: '添加', en: 'add' },
  set: { zh: '设定', en: 'set' },
  login: { zh: '登录', en: 'log in' },
  login_failed: { zh: '登录失败', en: 'failed login' },
  logout: { zh: '退出登录', en: 'log out' },
  comment: { zh: '评论', en: 'comment' },
  upload: { zh: '上传佐证材料', en: 'upload evidence' },
  request: { zh: '申请延期', en: 'request an extension' },
  save: { zh: '保存', en: 'save' },
  instruction: { zh: '批示', en: 'instruction' },
  reopen: { zh: '重新打开', en: 'reopen' },
  report: { zh: '报送进展', en: 'report progress' },
  approve: { zh: '审核通过', en: 'approve' },
  accept: { zh: '验收销号', en: 'accept' },
  return: { zh: '退回', en: 'return' },
  self_score: { zh: '自评打分', en: 'self-assess' },
  stage: { zh: '调整阶段', en: 'change stage' },
  start: { zh: '开始推进', en: 'start' },
  run: { zh: '运行', en: 'run' },
  match: { zh: '政策匹配', en: 'match policies' },
  draft: { zh: '起草', en: 'draft' },
  publish: { zh: '发布', en: 'publish' },
  refresh: { zh: '刷新数据', en: 'refresh' },
  escalate: { zh: '督办升级', en: 'escalate' },
  decisions: { zh: '添加议定事项', en: 'add decisions' },
  reply: { zh: '回复', en: 'reply' },
  take: { zh: '生成快照', en: 'take a snapshot' },
  merge: { zh: '合并', en: 'merge' },
  retire: { zh: '撤销', en: 'retire' },
  change_password: { zh: '修改密码', en: 'change password' },
  reset_password: { zh: '重置密码', en: 'reset password' },
  contact: { zh: '修改联系方式', en: 'update contact' },
  lock: { zh: '锁定', en: 'lock' },
  unlock: { zh: '解锁', en: 'unlock' },
  update_profile: { zh: '修改个人设置', en: 'update profile' },
  notify: { zh: '告知企业', en: 'notify' },
  confirm: { zh: '企业确认', en: 'confirm' },
  decline: { zh: '企业放弃', en: 'decline' },
  pay: { zh: '兑现', en: 'pay' },
};

/** "督办事项 · 报送进展" for `item.report`; the raw code only when no part of it has a name. */
export function auditActionLabel(code: string, lang: 'zh' | 'en'): string {
  const parts = code.split('.').filter(Boolean);
  const verb = [...parts].reverse().find((p) => VERBS[p]);
  const subject = AUDIT_ENTITIES[parts[0]];
  if (!verb) return code;
  return subject ? `${subject[lang]} · ${VERBS[verb][lang]}` : VERBS[verb][lang];
}

export function auditEntityLabel(code: string, lang: 'zh' | 'en'): string {
  return AUDIT_ENTITIES[code]?.[lang] ?? code;
}
