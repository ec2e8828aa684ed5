import { chromium } from "playwright-core";
import { AppError } from "../../common/errors.js";
import { officialDocumentHtml } from "./html.js";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
async function htmlToPdf(html, opts) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ARGS, headless: true });
  } catch (err) {
    throw new AppError("DOCUMENT_RENDER_FAILED", [{ path: "chromium", message: `\u65E0\u6CD5\u542F\u52A8 Chromium\uFF08${opts.chromiumPath}\uFF09/ cannot start Chromium: ${err.message.split("\n")[0]}` }]);
  }
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.request().url().startsWith("data:") ? route.continue() : route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
function officialDocumentPdf(input, opts) {
  return htmlToPdf(officialDocumentHtml(input), opts);
}
export {
  htmlToPdf,
  officialDocumentPdf
};
//# sourceMappingURL=pdf.js.map
