import type { Label } from '../../i18n.js';

/** Strings of the inbox and the header bell. */
export const notificationLabels = {
  inbox: { zh: '我的消息', en: 'My messages' },
  bell: { zh: '我的消息（{n} 条未读）', en: 'My messages ({n} unread)' },
  onlyUnread: { zh: '只看未读', en: 'Unread only' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  markAllRead: { zh: '全部标为已读', en: 'Mark all read' },
  read: { zh: '已读', en: 'Read' },
  unread: { zh: '未读', en: 'Unread' },
  open: { zh: '查看', en: 'Open' },
  empty: { zh: '没有消息', en: 'No messages' },
  contact: { zh: '通知方式', en: 'How you are notified' },
  contactHelp: {
    zh: '站内消息总会立即送达。填写邮箱后，系统配置了邮件服务时也会发邮件给您；留空则不发邮件。工作群机器人（企业微信/钉钉）由管理员统一配置。',
    en:
      'Messages always arrive here. With an e-mail address you also get e-mail when the server ' +
      'has mail configured; leave it empty for none. Work-chat robots are set up by the admin.',
  },
  email: { zh: '通知邮箱', en: 'E-mail for notifications' },
  saved: { zh: '已保存', en: 'Saved' },
  kind: { zh: '消息类型', en: 'Kind' },
  allKinds: { zh: '全部类型', en: 'All kinds' },
  markSelectedRead: { zh: '所选标为已读（{n}）', en: 'Mark selected read ({n})' },
  markKindRead: { zh: '本类全部标为已读', en: 'Mark all of this kind read' },
  select: { zh: '选择', en: 'Select' },
  selectPage: { zh: '全选本页', en: 'Select this page' },
  delivery: { zh: '邮件和工作群的发送方式', en: 'E-mail and work-chat delivery' },
  deliveryDigest: { zh: '每日汇总一次', en: 'One daily digest' },
  deliveryImmediate: { zh: '每条立即发送', en: 'Each message at once' },
  deliveryHelp: {
    zh: '领导批示和督办消息总是立即发送；其他消息默认每天早上汇总成一封邮件。',
    en: 'Leaders’ instructions and supervision messages are always sent at once; the others come as one e-mail each morning by default.',
  },
} satisfies Record<string, Label>;
