import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createContext } from '../app.js';
import type { AppContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { testConfig } from '../test/harness.js';

/** A web build as Vite and its precompress step leave it: hashed assets with .br/.gz beside them. */
function fakeWebBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizenv-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const js = `export const label = ${JSON.stringify('优化营商环境'.repeat(400))};\n`;
  const html = '<!doctype html><title>bizenv</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>';
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), js);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js.gz'), zlib.gzipSync(js));
  return dir;
}

describe('the web client as served', () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let dir: string;
  const js = () => fs.readFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'utf8');

  beforeAll(async () => {
    dir = fakeWebBuild();
    ctx = createContext(testConfig(), { database: openDatabase({ sqliteFile: ':memory:' }) });
    app = await buildApp(ctx, { webDist: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await ctx.database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends hashed assets brotli- or gzip-compressed to clients that accept it, cached for a year as immutable', async () => {
    const br = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js());
    expect(br.rawPayload.length).toBeLessThan(js().length / 10);

    const gz = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js());

    const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js());
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the page itself revalidated on every load, at / and at client-side routes', async () => {
    for (const url of ['/index.html', '/', '/worklists/items/1']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('/assets/index-Ab12Cd34.js');
    }
  });
});
