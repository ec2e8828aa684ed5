import type { ResultView } from '../../common/schemas/policies.js';

/** Where the enterprise reads its benefits and answers. */
export const PORTAL_LINK = '/policies/portal';
/** Where the office follows the answers. */
export const PAYOUT_LINK = '/policies/match';

export type NoticeChannel = 'inbox' | 'email' | 'sms';

export interface NoticeDraft {
  channel: NoticeChannel;
  address: string | null;
  text: string;
}

/** A mainland mobile number, the only kind an SMS gateway accepts. */
export function isMobile(phone: string | null): phone is string {
  return !!phone && /^(\+?86)?1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}

function amountText(amount: number | null): string {
  return amount !== null && amount > 0 ? `，预计可享受${Number(amount.toFixed(2))}万元` : '';
}

/** The inbox title of a match notice. */
export function noticeTitle(r: Pick<ResultView, 'benefit'>): string {
  return `免申即享：${r.benefit.name}`;
}

/**
 * What the enterprise is told when the office notifies it of a match: the inbox message for its
 * portal accounts, an e-mail and an SMS-ready text when the registry has an address and a mobile
 * number. The SMS is kept short (one or two messages) and names no link, as carriers require.
 */
export function draftNotices(
  r: Pick<ResultView, 'enterprise' | 'benefit' | 'amount'>,
  contact: { email: string | null; phone: string | null },
  portalUrl: string | null,
): NoticeDraft[] {
  const body =
    `${r.enterprise.name}：经与企业登记和经营数据比对，贵单位符合《${r.benefit.policyTitle}》中“${r.benefit.name}”的条件${amountText(r.amount)}，` +
    `无需申请。${r.benefit.departmentName ? `兑现部门：${r.benefit.departmentName}。` : ''}请登录平台“我的政策”确认享受或说明放弃原因。`;
  const out: NoticeDraft[] = [{ channel: 'inbox', address: null, text: body }];
  if (contact.email) out.push({ channel: 'email', address: contact.email, text: portalUrl ? `${body}\n${portalUrl}${PORTAL_LINK}` : body });
  if (isMobile(contact.phone)) {
    out.push({
      channel: 'sms',
      address: contact.phone.replace(/[\s-]/g, ''),
      text: `【营商环境】${r.enterprise.name}：贵单位符合“${r.benefit.name}”免申即享条件${amountText(r.amount)}，无需申请。请登录平台“我的政策”确认。`,
    });
  }
  return out;
}

/** What the office reads when the enterprise answers. */
export function answerNotice(
  r: Pick<ResultView, 'enterprise' | 'benefit'>,
  answer: { action: 'confirm' } | { action: 'decline'; reason: string },
): { title: string; body: string } {
  if (answer.action === 'confirm') {
    return { title: `企业已确认享受：${r.benefit.name}`, body: `${r.enterprise.name}已确认享受“${r.benefit.name}”，可登记兑现。` };
  }
  return { title: `企业放弃享受：${r.benefit.name}`, body: `${r.enterprise.name}放弃“${r.benefit.name}”，原因：${answer.reason}` };
}
