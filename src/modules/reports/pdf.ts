import { chromium } from 'playwright-core';
import { AppError } from '../../common/errors.js';
import type { OfficialDocumentInput } from './document.js';
import { officialDocumentHtml } from './html.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Prints HTML to an A4 PDF with headless Chromium; the page geometry comes from the CSS @page rules. */
export async function htmlToPdf(html: string, opts: { chromiumPath: string }): Promise<Buffer> {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ARGS, headless: true });
  } catch (err) {
    throw new AppError('DOCUMENT_RENDER_FAILED', [{ path: 'chromium', message: `无法启动 Chromium（${opts.chromiumPath}）/ cannot start Chromium: ${(err as Error).message.split('\n')[0]}` }]);
  }
  try {
    const page = await browser.newPage();
    // Everything is inline (images as data: URLs); nothing may be fetched from outside.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

/** The official document as PDF: the HTML twin of `officialDocument`, printed by Chromium. */
export function officialDocumentPdf(input: OfficialDocumentInput, opts: { chromiumPath: string }): Promise<Buffer> {
  return htmlToPdf(officialDocumentHtml(input), opts);
}
