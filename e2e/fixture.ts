/// <reference lib="dom" />
// Code passed to page.evaluate() runs in the browser and names its globals (document, window).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { buildApp, createContext } from '../src/app.js';
import { startJobs } from '../src/jobs/runtime.js';
import { loadModuleJobHandlers } from '../src/modules/index.js';
import type { Role } from '../src/common/roles.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { runSeed } from '../src/seed.js';

export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 860 };

export interface E2E {
  baseUrl: string;
  ctx: AppContext;
  browser: Browser;
  /** The demo accounts' password, from the same configuration the server reads. */
  demoPassword: string;
  /** A fresh browser context (own cookies and storage) and a page in it. */
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Logs in through the login form and waits for the home page. */
  loginAs(page: Page, username: Role | string, password?: string): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
}

/** The top-level navigation entries: a plain item, or the title of a group (antd marks them by class, not role). */
export async function topNavLabels(page: Page, menuName = '导航菜单'): Promise<string[]> {
  const menu = page.getByRole('menu', { name: menuName });
  await menu.waitFor();
  const top = menu.locator(':scope > li.ant-menu-item, :scope > li.ant-menu-submenu > .ant-menu-submenu-title');
  return (await top.allInnerTexts()).map((s) => s.trim());
}

export interface E2EOptions {
  /**
   * `full` (default): the whole demo data set; `light`: reference units and the demo accounts
   * only — enough for the org pages, and much faster on a busy machine.
   */
  seed?: 'full' | 'light';
}

/**
 * A `describe` block with a real server (fresh temp SQLite data dir, demo seed, port 0) and a
 * Chromium. Skipped with a warning when Chromium is missing outside CI (the global setup fails
 * the run under CI=true).
 */
export function describeE2E(name: string, body: (e: E2E) => void, opts: E2EOptions = {}): void {
  const chromiumPath = inject('chromiumPath');
  describe.skipIf(!chromiumPath)(name, () => {
    const state = {} as E2E & { close(): Promise<void> };
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-e2e-'));
      const config = loadConfig({
        BIZENV_DATA_DIR: dataDir,
        BIZENV_DEMO_PASSWORD: process.env.BIZENV_DEMO_PASSWORD,
        // Server faults (5xx, failed jobs) reach the run's output: a failing page then shows its cause.
        LOG_LEVEL: 'error',
      });
      const ctx = createContext(config);
      await migrateToLatest(ctx.db);
      await runSeed(ctx, { demo: true, light: opts.seed === 'light' });
      const app = await buildApp(ctx);
      await app.listen({ port: 0, host: '127.0.0.1' });
      // As `bizenv serve` in one process: this server runs the jobs its pages start.
      await startJobs(ctx, { handlers: await loadModuleJobHandlers() });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
      fs.mkdirSync(SCREENSHOTS, { recursive: true });

      Object.assign(state, {
        baseUrl: `http://127.0.0.1:${port}`,
        ctx,
        browser,
        demoPassword: config.demoPassword,
        async newPage(opts: { viewport?: { width: number; height: number } } = {}) {
          const viewport = opts.viewport ?? DESKTOP;
          const context = await browser.newContext({
            baseURL: state.baseUrl,
            viewport,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
            isMobile: viewport.width < 600,
            hasTouch: viewport.width < 600,
          });
          contexts.push(context);
          return context.newPage();
        },
        async loginAs(page: Page, username: string, password = config.demoPassword) {
          await page.goto('/login');
          await page
            .getByLabel(/用户名|Username/)
            .fill(username)
            .catch(async (err: unknown) => {
              await state.screenshot(page, `login-failed-${username}`);
              throw err;
            });
          await page.getByLabel(/^(密码|Password)$/).fill(password);
          await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
          await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe('/login');
        },
        async screenshot(page: Page, shot: string) {
          // Drawers and modals slide in: capture them where they come to rest. Endless animations
          // (a spinner, a blinking caret) never rest, so they are not waited for.
          // A picture is for people to look at, not a check: if something still moves after 10 s,
          // it is taken as it is.
          await page
            .waitForFunction(
              () =>
                document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
              undefined,
              { timeout: 10_000 },
            )
            .catch(() => undefined);
          await page.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`), fullPage: true });
        },
        async close() {
          for (const c of contexts) await c.close().catch(() => {});
          await browser.close();
          await app.close();
          await ctx.database.destroy();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      });
    });

    afterAll(async () => {
      await state.close?.();
    });

    body(state);
  });
}

/**
 * Opens an antd select by its accessible name and clicks the option with that title, as a user
 * does. A click that lands while a dialog is still animating can miss the box, so the box is
 * clicked again (never while its list is open: a second click would close it) until the list shows.
 */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string, search?: string): Promise<void> {
  // Form labels read "* 角色" when required, so the name is matched as a part.
  const box = scope.getByRole('combobox', { name: label });
  // The chosen value covers the input; its selector is what a user clicks.
  const selector = box.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select-selector ")][1]');
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown.getByTitle(option, { exact: true });
  for (let attempt = 1; ; attempt++) {
    // Its own state, not any dropdown on the page: another select's list may still be closing.
    if ((await box.getAttribute('aria-expanded')) !== 'true') await selector.click();
    if (search && (await box.inputValue()) !== search) await box.fill(search);
    try {
      await item.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  await item.click();
}
