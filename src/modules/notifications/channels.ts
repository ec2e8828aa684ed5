import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';

/** The outside channels of a notification. Each throws on failure so the job retries it. */

export interface OutgoingMessage {
  title: string;
  body: string;
  link: string | null;
}

/** An in-app path as a full address when BIZENV_PUBLIC_URL is set. */
export function absoluteLink(config: Config, link: string | null): string | null {
  if (!link) return null;
  return /^https?:\/\//.test(link) || !config.notify.publicUrl
    ? link
    : `${config.notify.publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;
}

function plainText(config: Config, m: OutgoingMessage): string {
  const link = absoluteLink(config, m.link);
  return [m.title, m.body, link ? `详情 / details: ${link}` : ''].filter(Boolean).join('\n');
}

/** One e-mail per message; recipients go in Bcc so units do not see each other's addresses. */
export async function sendEmail(config: Config, to: string[], m: OutgoingMessage): Promise<{ accepted: number }> {
  if (!config.notify.smtpUrl || !to.length) return { accepted: 0 };
  const transport = nodemailer.createTransport(config.notify.smtpUrl, { connectionTimeout: 10_000, socketTimeout: 20_000 } as never);
  try {
    const info = await transport.sendMail({
      from: config.notify.mailFrom,
      to: 'undisclosed-recipients:;',
      bcc: to,
      subject: m.title,
      text: plainText(config, m),
    });
    return { accepted: info.accepted.length };
  } finally {
    transport.close();
  }
}

/**
 * Posts to the configured webhook. 'text' is what WeCom and DingTalk group robots accept; they
 * answer HTTP 200 with a non-zero `errcode` when they refuse, which counts as a failure too.
 */
export async function postWebhook(config: Config, m: OutgoingMessage, recipients: number): Promise<{ status: number }> {
  const url = config.notify.webhookUrl;
  if (!url) return { status: 0 };
  const payload =
    config.notify.webhookFormat === 'text'
      ? { msgtype: 'text', text: { content: plainText(config, m) } }
      : { title: m.title, body: m.body, link: absoluteLink(config, m.link), recipients };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let errcode: unknown;
  try {
    errcode = (JSON.parse(text) as { errcode?: unknown }).errcode;
  } catch {
    // A plain-text answer is fine for a generic endpoint.
  }
  if (typeof errcode === 'number' && errcode !== 0) throw new Error(`webhook refused the message: ${text.slice(0, 200)}`);
  return { status: res.status };
}
