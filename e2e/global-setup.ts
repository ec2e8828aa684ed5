import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../src/cli/serve.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium to drive, or null when it is missing (only allowed outside CI). */
    chromiumPath: string | null;
  }
}

export const CHROMIUM = process.env.BIZENV_CHROMIUM ?? '/usr/bin/chromium';

/** Builds the web client if it is missing or stale, and checks the browser once for all files. */
export default function setup(project: TestProject): void {
  const present = fs.existsSync(CHROMIUM);
  if (!present) {
    const msg = `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk`;
    if (process.env.CI === 'true') throw new Error(`${msg}\nBrowser tests are required under CI.`);
    console.warn(`\n*** ${msg}\n*** Browser tests are SKIPPED (set CI=true to make this an error)\n`);
  }
  if (present) ensureWebBuilt();
  project.provide('chromiumPath', present ? CHROMIUM : null);
}
