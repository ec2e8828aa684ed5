import { chromium } from "playwright-core";
import { AppError } from "../../common/errors.js";
import { officialDocumentHtml } from "./html.js";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
let shared = null;
function browserFor(chromiumPath) {
  if (shared?.path === chromiumPath) return shared.browser;
  const previous = shared;
  const browser = (async () => {
    await previous?.browser.then((b) => b.close()).catch(() => {
    });
    try {
      return await chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true });
    } catch (err) {
      const reason = err.message.split("\n")[0];
      const message = `\u65E0\u6CD5\u542F\u52A8 Chromium\uFF08${chromiumPath}\uFF09/ cannot start Chromium: ${reason}`;
      throw new AppError("DOCUMENT_RENDER_FAILED", [{ path: "chromium", message }]);
    }
  })();
  const entry = { path: chromiumPath, browser };
  shared = entry;
  browser.then(
    (b) => b.on("disconnected", () => shared === entry ? shared = null : void 0),
    () => shared === entry ? shared = null : void 0
    // a failed start is tried again next time
  );
  return browser;
}
async function closePdfBrowser() {
  const entry = shared;
  shared = null;
  await entry?.browser.then((b) => b.close()).catch(() => {
  });
}
async function htmlToPdf(html, opts) {
  let browser = await browserFor(opts.chromiumPath);
  if (!browser.isConnected()) {
    shared = null;
    browser = await browserFor(opts.chromiumPath);
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route("**/*", (route) => route.request().url().startsWith("data:") ? route.continue() : route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close().catch(() => {
    });
  }
}
function officialDocumentPdf(input, opts) {
  return htmlToPdf(officialDocumentHtml(input), opts);
}
export {
  closePdfBrowser,
  htmlToPdf,
  officialDocumentPdf
};
//# sourceMappingURL=pdf.js.map
