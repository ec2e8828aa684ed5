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
    zh: '站内消息总会送达。填写邮箱后，系统配置了邮件服务时也会发邮件给您；留空则不发邮件。工作群机器人（企业微信/钉钉）由管理员统一配置。',
    en: 'Messages always arrive here. With an e-mail address you also get e-mail when the server has mail configured; leave it empty for none. Work-chat robots are set up by the admin.',
  },
  email: { zh: '通知邮箱', en: 'E-mail for notifications' },
  saved: { zh: '已保存', en: 'Saved' },
} satisfies Record<string, Label>;
