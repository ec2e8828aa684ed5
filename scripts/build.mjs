// `npm run build`: the server compiled to dist/ (plain JavaScript that `node` runs without tsx; one
// file per source file, so paths beside a module — reference data, the rule grammar, the matching
// worker thread — stay where the code looks for them) and the web client to web/dist/.
// `node scripts/build.mjs --if-stale` rebuilds only what is older than its sources (npm start).
// Plain Node with esbuild (a dependency of tsx, so present whenever the server can run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(root, 'src');
export const DIST = path.join(root, 'dist');
const STAMP = '.build-stamp';

/** Test code stays out of the build. */
const isTestOnly = (rel) => /\.(test|fixtures)\.ts$/.test(rel) || rel.split(path.sep)[0] === 'test';

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function newestMtime(files) {
  return files.reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
}

/** True when `outDir` has no build or one older than a source file (or package-lock.json). */
export function serverBuildStale(outDir = DIST) {
  const stamp = path.join(outDir, STAMP);
  if (!fs.existsSync(stamp)) return true;
  return newestMtime([...walk(SRC), path.join(root, 'package-lock.json')]) > fs.statSync(stamp).mtimeMs;
}

/** Compiles src/ to `outDir` (TypeScript → ES2022 modules for Node 20) and copies the data files beside it. */
export async function buildServer(outDir = DIST) {
  const { build } = await import('esbuild');
  const files = walk(SRC).filter((f) => !isTestOnly(path.relative(SRC, f)));
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir: outDir,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node 20.10+ reads `import … with { type: 'json' }`; esbuild would drop the attribute for node20.
    supported: { 'import-attributes': true },
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    const to = path.join(outDir, path.relative(SRC, f));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(f, to);
  }
  // dist/ is a module tree of its own: package.json "type" tells Node these .js files are ES modules.
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  fs.writeFileSync(path.join(outDir, STAMP), new Date().toISOString());
}

function buildWeb() {
  // NODE_ENV is forced: under vitest it is 'test', which would make Vite bundle React and antd's development builds.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function webBuildStale() {
  const index = path.join(root, 'web', 'dist', 'index.html');
  if (!fs.existsSync(index)) return true;
  const web = path.join(root, 'web');
  const sources = [...walk(path.join(web, 'src')), ...walk(path.join(SRC, 'common'))];
  sources.push(path.join(web, 'index.html'), path.join(web, 'vite.config.ts'));
  return newestMtime(sources) > fs.statSync(index).mtimeMs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  const only = process.argv.includes('--server') ? 'server' : process.argv.includes('--web') ? 'web' : 'all';
  const out = process.argv.includes('--out') ? path.resolve(process.argv[process.argv.indexOf('--out') + 1]) : DIST;
  if (only !== 'web' && (!ifStale || serverBuildStale(out))) {
    const t = Date.now();
    await buildServer(out);
    console.log(`server built to ${path.relative(root, out) || '.'}/ in ${Date.now() - t} ms`);
  }
  if (only !== 'server' && (!ifStale || webBuildStale())) {
    // The web client cannot be built without the dev dependencies (vite); a production install ships web/dist.
    if (!fs.existsSync(path.join(root, 'node_modules', 'vite'))) {
      console.error('web/dist is missing or stale and vite is not installed (npm ci --omit=dev): build the web client where it is.');
      process.exit(1);
    }
    console.log('正在构建网页端 / building the web client (about a minute the first time)…');
    buildWeb();
  }
}
