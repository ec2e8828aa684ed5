import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config may be loaded from any working directory (`npm run build:web` runs from the repo root).
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
    // The client imports shared types and tables from ../src/common.
    fs: { allow: [`${webRoot}..`] },
  },
});
