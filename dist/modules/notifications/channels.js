import nodemailer from "nodemailer";
function absoluteLink(config, link) {
  if (!link) return null;
  return /^https?:\/\//.test(link) || !config.notify.publicUrl ? link : `${config.notify.publicUrl}${link.startsWith("/") ? "" : "/"}${link}`;
}
function plainText(config, m) {
  const link = absoluteLink(config, m.link);
  return [m.title, m.body, link ? `\u8BE6\u60C5 / details: ${link}` : ""].filter(Boolean).join("\n");
}
async function sendEmail(config, to, m) {
  if (!config.notify.smtpUrl || !to.length) return { accepted: 0 };
  const transport = nodemailer.createTransport(config.notify.smtpUrl, { connectionTimeout: 1e4, socketTimeout: 2e4 });
  try {
    const info = await transport.sendMail({ from: config.notify.mailFrom, to: "undisclosed-recipients:;", bcc: to, subject: m.title, text: plainText(config, m) });
    return { accepted: info.accepted.length };
  } finally {
    transport.close();
  }
}
async function postWebhook(config, m, recipients) {
  const url = config.notify.webhookUrl;
  if (!url) return { status: 0 };
  const payload = config.notify.webhookFormat === "text" ? { msgtype: "text", text: { content: plainText(config, m) } } : { title: m.title, body: m.body, link: absoluteLink(config, m.link), recipients };
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(1e4)
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let errcode;
  try {
    errcode = JSON.parse(text).errcode;
  } catch {
  }
  if (typeof errcode === "number" && errcode !== 0) throw new Error(`webhook refused the message: ${text.slice(0, 200)}`);
  return { status: res.status };
}
export {
  postWebhook,
  sendEmail
};
//# sourceMappingURL=channels.js.map
