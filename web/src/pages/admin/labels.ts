import type { Label } from '../../i18n.js';

/** Strings of the job-schedule and working-day calendar pages. */
export const adminLabels = {
  schedules: { zh: '定时任务', en: 'Scheduled jobs' },
  job: { zh: '任务', en: 'Job' },
  cron: { zh: '执行时间（cron）', en: 'Schedule (cron)' },
  cronHelp: {
    zh: '分 时 日 月 周，北京时间；如 0 8 * * 1 = 每周一 08:00',
    en: 'minute hour day month weekday, China time; e.g. 0 8 * * 1 = Mondays 08:00',
  },
  defaultCron: { zh: '默认', en: 'Default' },
  enabled: { zh: '启用', en: 'Enabled' },
  lastRun: { zh: '上次执行', en: 'Last run' },
  nextRun: { zh: '下次执行', en: 'Next run' },
  runNow: { zh: '立即运行', en: 'Run now' },
  editCron: { zh: '修改执行时间', en: 'Change schedule' },
  recentRuns: { zh: '最近执行记录', en: 'Recent runs' },
  started: { zh: '开始', en: 'Started' },
  duration: { zh: '用时', en: 'Duration' },
  error: { zh: '错误信息', en: 'Error' },
  started_by: { zh: '触发', en: 'Trigger' },
  scheduled: { zh: '定时', en: 'Schedule' },
  manual: { zh: '手动', en: 'By hand' },
  never: { zh: '从未执行', en: 'Never run' },
  off: { zh: '已停用', en: 'Off' },
  saved: { zh: '已保存', en: 'Saved' },
  calendar: { zh: '工作日历', en: 'Working-day calendar' },
  year: { zh: '年份', en: 'Year' },
  date: { zh: '日期', en: 'Date' },
  weekday: { zh: '星期', en: 'Weekday' },
  kind: { zh: '类型', en: 'Kind' },
  name: { zh: '名称', en: 'Name' },
  source: { zh: '来源', en: 'Source' },
  official: { zh: '国务院安排（内置）', en: 'Official (packaged)' },
  added: { zh: '管理员添加', en: 'Added by admin' },
  addDay: { zh: '添加日期', en: 'Add a day' },
  editDay: { zh: '修改日期', en: 'Edit day' },
  importFile: { zh: '导入放假安排', en: 'Import schedule' },
  format: { zh: '格式', en: 'Format' },
  content: { zh: '文件内容', en: 'File content' },
  chooseFile: { zh: '选择文件', en: 'Choose file' },
  importHelp: {
    zh: 'CSV 表头 date,type,name（或 日期,类型,名称）；类型写 holiday/休 或 workday/班；JSON 为 [{"date","type","name"}] 数组。',
    en: 'CSV with header date,type,name; type is holiday or workday; JSON is an array of {"date","type","name"}.',
  },
  imported: {
    zh: '已导入：新增 {added}，更新 {updated}，未变 {unchanged}',
    en: 'Imported: {added} added, {updated} updated, {unchanged} unchanged',
  },
  notCovered: {
    zh: '{year} 年尚无内置的国务院放假安排，请添加或导入。',
    en: 'No packaged official schedule for {year}; add or import it.',
  },
  holidays: { zh: '放假 {n} 天', en: '{n} days off' },
  workdays: { zh: '调休上班 {n} 天', en: '{n} swapped working days' },
  deleteConfirm: { zh: '删除这一天的设置？', en: 'Remove this day?' },
  errorsAt: { zh: '文件有误，未导入：', en: 'The file has errors; nothing imported:' },
} satisfies Record<string, Label>;

export const DAY_TYPE: Record<'holiday' | 'workday', Label> = {
  holiday: { zh: '放假', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Swapped working day' },
};

export const RUN_STATUS: Record<string, { label: Label; color: string }> = {
  queued: { label: { zh: '排队中', en: 'Queued' }, color: 'default' },
  running: { label: { zh: '执行中', en: 'Running' }, color: 'processing' },
  succeeded: { label: { zh: '成功', en: 'Succeeded' }, color: 'success' },
  failed: { label: { zh: '失败', en: 'Failed' }, color: 'error' },
};

/** `{name}` placeholders in a label filled in. */
export { fill } from '../../components/format.js';
