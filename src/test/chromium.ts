import fs from 'node:fs';
import { describe, it } from 'vitest';

/** The browser that tests print PDFs with (the same default as BIZENV_CHROMIUM_PATH and the browser tests). */
export const TEST_CHROMIUM = process.env.BIZENV_CHROMIUM ?? '/usr/bin/chromium';

const INSTALL = 'apt-get install -y chromium fonts-noto-cjk';

/**
 * A describe block whose tests need Chromium, and say so in their name. When the browser is
 * missing they are skipped with a warning outside CI; under CI=true (as `.ci/run` sets) the block
 * fails with the install line instead of passing silently.
 */
export function describeWithChromium(name: string, body: (chromiumPath: string) => void): void {
  const title = `${name} (needs Chromium)`;
  if (fs.existsSync(TEST_CHROMIUM)) {
    describe(title, () => body(TEST_CHROMIUM));
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('has Chromium to print with', () => {
        throw new Error(`Chromium not found at ${TEST_CHROMIUM}; CI requires it. Install it with: ${INSTALL}`);
      });
    });
  } else {
    console.warn(`\n*** Chromium not found at ${TEST_CHROMIUM}: "${title}" is SKIPPED (${INSTALL}; CI=true makes this an error)\n`);
    describe.skip(title, () => body(TEST_CHROMIUM));
  }
}
