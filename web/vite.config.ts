import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

// The config may be loaded from any working directory (`npm run build:web` runs from the repo root).
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * Writes a .br and a .gz beside every text file of the build, so the server sends them as they
 * are (@fastify/static `preCompressed`) instead of compressing each response.
 */
function precompress(outDir: string): Plugin {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : [p];
    });
  return {
    name: 'bizenv-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress(`${webRoot}dist`)],
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React (used by every page) and echarts (only by the lazy pages that draw charts) in chunks
        // of their own, cached across releases of our code; antd stays split by the components each
        // page uses (table, date picker, upload …), so a page loads only what it shows. echarts stays
        // one chunk: cut by size, its classes were used before the chunk that defines them had run
        // ("is not a constructor"). The largest chunk is echarts, about 575 kB (195 kB gzipped).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
    // The client imports shared types and tables from ../src/common.
    fs: { allow: [`${webRoot}..`] },
  },
});
