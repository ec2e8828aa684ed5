import { createContext, useCallback, useContext, useMemo } from 'react';

/**
 * The client's own strings, one typed dictionary per language. Chinese is the source: a key missing
 * from the English table is a type error. Module pages add their labels as `Label` objects next to
 * the page (see modules.tsx) rather than growing this file.
 */
export type Lang = 'zh-CN' | 'en';
export interface Label {
  zh: string;
  en: string;
}

const zh = {
  'app.title': '优化营商环境工作平台',
  'app.short': '营商环境',
  'common.loading': '加载中…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.create': '新增',
  'common.edit': '编辑',
  'common.delete': '删除',
  'common.confirm': '确定',
  'common.search': '搜索',
  'common.actions': '操作',
  'common.reset': '重置',
  'common.saved': '已保存',
  'common.back': '返回首页',
  'common.none': '无',
  'common.status': '状态',
  'common.active': '正常',
  'common.disabled': '已停用',
  'common.retired': '已撤销',
  'common.total': '共 {n} 条',
  'lang.switch': '切换语言',
  'lang.other': 'English',
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.subtitle': '领导小组办公室 · 成员单位 · 企业服务',
  'layout.menu': '导航菜单',
  'layout.profile': '个人设置',
  'layout.logout': '退出登录',
  'layout.home': '首页',
  'layout.myUnit': '本单位',
  'home.welcome': '您好，{name}',
  'home.roleIs': '当前角色：{role}',
  'home.unitIs': '所属单位：{unit}',
  'home.shortcuts': '常用功能',
  'forbidden.title': '无权访问',
  'forbidden.body': '您的角色不能查看此页面。',
  'notFound.title': '页面不存在',
  'password.title': '修改密码',
  'password.forced': '首次登录或密码已被重置，请先设置您自己的密码。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.repeat': '再次输入新密码',
  'password.mismatch': '两次输入的密码不一致',
  'password.rule': '至少 {min} 位，须包含字母和数字',
  'password.changed': '密码已修改',
  'profile.title': '个人设置',
  'profile.displayName': '姓名',
  'profile.language': '界面语言',
  'profile.username': '用户名',
  'profile.role': '角色',
  'profile.unit': '所属单位',
  'users.title': '用户管理',
  'users.new': '新增用户',
  'users.edit': '编辑用户',
  'users.username': '用户名',
  'users.displayName': '姓名',
  'users.role': '角色',
  'users.unit': '所属单位',
  'users.initialPassword': '初始密码',
  'users.initialPasswordHint': '用户首次登录时须修改此密码',
  'users.locale': '界面语言',
  'users.lastLogin': '最近登录',
  'users.locked': '已锁定',
  'users.mustChange': '待改密码',
  'users.resetPassword': '重置密码',
  'users.resetDone': '密码已重置，用户下次登录须修改密码',
  'users.unlock': '解锁',
  'users.unlocked': '已解锁',
  'users.allRoles': '全部角色',
  'users.allUnits': '全部单位',
  'users.searchPlaceholder': '用户名或姓名',
  'users.created': '已创建用户 {name}',
  'units.title': '单位管理',
  'units.new': '新增单位',
  'units.edit': '编辑/更名',
  'units.name': '单位名称',
  'units.kind': '类别',
  'units.parent': '上级单位',
  'units.divisionCode': '行政区划代码',
  'units.aliases': '简称/别名',
  'units.aliasesHint': '输入后回车；导入和搜索时可用简称识别单位',
  'units.users': '用户数',
  'units.merge': '合并',
  'units.mergeInto': '合并到',
  'units.mergeHint': '“{name}”的用户和别名将转入目标单位，原单位标记为已撤销并保留历史。',
  'units.merged': '已合并',
  'units.retire': '撤销',
  'units.retireConfirm': '撤销“{name}”？撤销后保留历史记录，不能再分配新的工作。',
  'units.retiredDone': '已撤销',
  'units.deleteConfirm': '删除“{name}”？仅用于删除误建的单位。',
  'units.deleted': '已删除',
  'units.showRetired': '显示已撤销单位',
  'units.searchPlaceholder': '名称或简称',
  'units.mergedInto': '已并入 {name}',
  'audit.title': '审计日志',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象',
  'audit.entityId': '对象编号',
  'audit.ip': 'IP',
  'audit.dates': '日期范围',
  'audit.details': '详情',
  'audit.field': '字段',
  'audit.before': '修改前',
  'audit.after': '修改后',
  'audit.noChanges': '没有记录字段变化',
  'audit.system': '系统',
  'audit.filterActor': '只看此人',
  'myUnit.title': '本单位',
  'myUnit.none': '您的账号未关联单位，请联系系统管理员。',
  'error.network': '无法连接服务器，请检查网络后重试',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Business Environment Platform',
  'app.short': 'bizenv',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.create': 'Add',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.confirm': 'OK',
  'common.search': 'Search',
  'common.actions': 'Actions',
  'common.reset': 'Reset',
  'common.saved': 'Saved',
  'common.back': 'Back to home',
  'common.none': 'None',
  'common.status': 'Status',
  'common.active': 'Active',
  'common.disabled': 'Disabled',
  'common.retired': 'Retired',
  'common.total': '{n} in total',
  'lang.switch': 'Switch language',
  'lang.other': '中文',
  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.subtitle': 'Leading-group office · member units · enterprise services',
  'layout.menu': 'Navigation',
  'layout.profile': 'My profile',
  'layout.logout': 'Log out',
  'layout.home': 'Home',
  'layout.myUnit': 'My unit',
  'home.welcome': 'Hello, {name}',
  'home.roleIs': 'Role: {role}',
  'home.unitIs': 'Unit: {unit}',
  'home.shortcuts': 'Shortcuts',
  'forbidden.title': 'Not allowed',
  'forbidden.body': 'Your role cannot open this page.',
  'notFound.title': 'Page not found',
  'password.title': 'Change password',
  'password.forced': 'This is your first login or your password was reset: choose your own password first.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'Repeat the new password',
  'password.mismatch': 'The two passwords differ',
  'password.rule': 'At least {min} characters, with letters and digits',
  'password.changed': 'Password changed',
  'profile.title': 'My profile',
  'profile.displayName': 'Display name',
  'profile.language': 'Language',
  'profile.username': 'Username',
  'profile.role': 'Role',
  'profile.unit': 'Unit',
  'users.title': 'Users',
  'users.new': 'Add user',
  'users.edit': 'Edit user',
  'users.username': 'Username',
  'users.displayName': 'Display name',
  'users.role': 'Role',
  'users.unit': 'Unit',
  'users.initialPassword': 'Initial password',
  'users.initialPasswordHint': 'The user must change it at first login',
  'users.locale': 'Language',
  'users.lastLogin': 'Last login',
  'users.locked': 'Locked',
  'users.mustChange': 'Must change password',
  'users.resetPassword': 'Reset password',
  'users.resetDone': 'Password reset; the user must change it at next login',
  'users.unlock': 'Unlock',
  'users.unlocked': 'Unlocked',
  'users.allRoles': 'All roles',
  'users.allUnits': 'All units',
  'users.searchPlaceholder': 'Username or name',
  'users.created': 'User {name} created',
  'units.title': 'Units',
  'units.new': 'Add unit',
  'units.edit': 'Edit / rename',
  'units.name': 'Unit name',
  'units.kind': 'Kind',
  'units.parent': 'Parent unit',
  'units.divisionCode': 'Division code',
  'units.aliases': 'Short names / aliases',
  'units.aliasesHint': 'Press Enter after each; imports and search recognise units by them',
  'units.users': 'Users',
  'units.merge': 'Merge',
  'units.mergeInto': 'Merge into',
  'units.mergeHint': 'Users and aliases of “{name}” move to the target unit; it is marked retired and keeps its history.',
  'units.merged': 'Merged',
  'units.retire': 'Retire',
  'units.retireConfirm': 'Retire “{name}”? Its history is kept; no new work can be assigned to it.',
  'units.retiredDone': 'Retired',
  'units.deleteConfirm': 'Delete “{name}”? Only for a unit created by mistake.',
  'units.deleted': 'Deleted',
  'units.showRetired': 'Show retired units',
  'units.searchPlaceholder': 'Name or short name',
  'units.mergedInto': 'Merged into {name}',
  'audit.title': 'Audit log',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.entity': 'Entity',
  'audit.entityId': 'Entity id',
  'audit.ip': 'IP',
  'audit.dates': 'Date range',
  'audit.details': 'Details',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noChanges': 'No field changes recorded',
  'audit.system': 'System',
  'audit.filterActor': 'Only this actor',
  'myUnit.title': 'My unit',
  'myUnit.none': 'Your account has no unit; ask the system admin.',
  'error.network': 'Cannot reach the server; check the network and try again',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Server detail messages come as "中文 / English"; show the half in the user's language. */
export function pickBilingual(lang: Lang, text: string): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return lang === 'en' ? text.slice(i + 3) : text.slice(0, i);
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18nValue>({ lang: 'zh-CN', setLang: () => {} });

/** `t` for the client's own strings, `pick` for `{zh, en}` labels from modules and shared tables. */
export function useI18n() {
  const { lang, setLang } = useContext(I18nContext);
  const t = useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
  const pick = useCallback((label: Label) => (lang === 'en' ? label.en : label.zh), [lang]);
  return useMemo(() => ({ lang, setLang, t, pick }), [lang, setLang, t, pick]);
}

const STORAGE_KEY = 'bizenv.locale';

/** The language chosen before login (or last used on this browser). */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
