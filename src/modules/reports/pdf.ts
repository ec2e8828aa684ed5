import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../common/errors.js';
import type { OfficialDocumentInput } from './document.js';
import { officialDocumentHtml } from './html.js';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/*
 * One browser per process, started on the first document and reused (starting Chromium costs more
 * than printing a bulletin); each document gets a fresh context of its own. A browser that crashed
 * or was closed is started again on the next document. `closePdfBrowser` ends it at shutdown.
 */
let shared: { path: string; browser: Promise<Browser> } | null = null;

function browserFor(chromiumPath: string): Promise<Browser> {
  if (shared?.path === chromiumPath) return shared.browser;
  const previous = shared;
  const browser = (async () => {
    await previous?.browser.then((b) => b.close()).catch(() => {});
    try {
      return await chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true });
    } catch (err) {
      const reason = (err as Error).message.split('\n')[0];
      const message = `无法启动 Chromium（${chromiumPath}）/ cannot start Chromium: ${reason}`;
      throw new AppError('DOCUMENT_RENDER_FAILED', [{ path: 'chromium', message }]);
    }
  })();
  const entry = { path: chromiumPath, browser };
  shared = entry;
  browser.then(
    (b) => b.on('disconnected', () => (shared === entry ? (shared = null) : undefined)),
    () => (shared === entry ? (shared = null) : undefined), // a failed start is tried again next time
  );
  return browser;
}

/** Closes the shared browser, if one was started (server shutdown, end of a CLI command). */
export async function closePdfBrowser(): Promise<void> {
  const entry = shared;
  shared = null;
  await entry?.browser.then((b) => b.close()).catch(() => {});
}

/** Prints HTML to an A4 PDF with headless Chromium; the page geometry comes from the CSS @page rules. */
export async function htmlToPdf(html: string, opts: { chromiumPath: string }): Promise<Buffer> {
  let browser = await browserFor(opts.chromiumPath);
  if (!browser.isConnected()) {
    // It died since it was last used (and the 'disconnected' event has not cleared it yet).
    shared = null;
    browser = await browserFor(opts.chromiumPath);
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Everything is inline (images as data: URLs); nothing may be fetched from outside.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close().catch(() => {});
  }
}

/** The official document as PDF: the HTML twin of `officialDocument`, printed by Chromium. */
export function officialDocumentPdf(input: OfficialDocumentInput, opts: { chromiumPath: string }): Promise<Buffer> {
  return htmlToPdf(officialDocumentHtml(input), opts);
}
