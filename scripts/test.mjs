// `npm test`: every check in one command — lint, format, typecheck, unit/API tests on SQLite and
// PostgreSQL, the web build and the browser tests. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
ensureDeps();

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Chromium and a CJK font are needed by the browser and document tests: install them when root. */
function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) missing.push('fonts-noto-cjk');
  if (!fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) missing.push('fonts-wqy-microhei');
  // pdftotext: the bulletin test reads the printed PDF back
  if (!fs.existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (!missing.length) return;
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log(`Installing Debian packages: ${missing.join(' ')}`);
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit' });
  } else {
    console.warn(`Missing Debian packages; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
}

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitest(name, args, report) {
  const ok = run(name, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let counts = { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (fs.existsSync(report)) {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    counts = {
      passed: j.numPassedTests,
      failed: j.numFailedTests + (ok || j.numFailedTests ? 0 : 1),
      skipped: j.numPendingTests + j.numTodoTests,
    };
  }
  return counts;
}

ensureDebianPackages();
const results = [];
results.push({ name: 'lint', ...(run('lint', 'npx', ['eslint', '.']) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }), skipped: 0 });
results.push({
  name: 'format',
  ...(run('format', 'npx', ['prettier', '--check', '**/*.{ts,tsx,js,mjs}']) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
  skipped: 0,
});
results.push({
  name: 'typecheck',
  ...(run('typecheck', 'npm', ['run', '-s', 'typecheck']) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
  skipped: 0,
});
for (const f of ['unit.json', 'e2e.json']) fs.rmSync(path.join(tmp, f), { force: true });
results.push({ name: 'unit + API (SQLite and PostgreSQL)', ...vitest('unit + API tests', [], path.join(tmp, 'unit.json')) });
results.push({ name: 'browser (Chromium)', ...vitest('browser tests', ['--config', 'e2e/vitest.config.ts'], path.join(tmp, 'e2e.json')) });

console.log('\n=== summary ===');
for (const r of results)
  console.log(`${r.name.padEnd(40)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
