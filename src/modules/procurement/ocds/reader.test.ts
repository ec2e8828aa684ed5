import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OcdsError, readOcds } from './index.js';

/** A stream that delivers `text` in chunks of `size` bytes, so releases, keys and UTF-8 characters are cut across chunks. */
const stream = (text: string, size = 7) => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};

async function read(text: string, size?: number) {
  const out = [];
  for await (const r of readOcds(stream(text, size))) out.push(r);
  return out;
}

async function failure(text: string): Promise<OcdsError> {
  try {
    await read(text);
  } catch (error) {
    if (error instanceof OcdsError) return error;
    throw error;
  }
  throw new Error('expected an OcdsError');
}

const A = { ocid: 'ocds-1', tender: { title: '道路工程 示例' } };
const B = { ocid: 'ocds-2', bids: { details: [{ id: '1', status: 'valid' }] } };

describe('readOcds', () => {
  it('reads JSON Lines of compiled releases with their line numbers, skipping blank lines', async () => {
    const text = `${JSON.stringify(A)}\n\n${JSON.stringify(B)}\n`;
    expect(await read(text)).toEqual([
      { line: 1, release: A },
      { line: 3, release: B },
    ]);
  });

  it('reads the same releases from a pretty-printed release package, naming the line each starts on', async () => {
    const text = [
      '{',
      '  "uri": "https://example.org/p.json",',
      '  "publishedDate": "2026-03-02T00:00:00Z",',
      '  "releases": [',
      '    {',
      '      "ocid": "ocds-1",',
      '      "tender": { "title": "道路工程 示例" }',
      '    },',
      `    ${JSON.stringify(B)}`,
      '  ],',
      '  "extensions": []',
      '}',
    ].join('\n');
    expect(await read(text, 5)).toEqual([
      { line: 5, release: A },
      { line: 9, release: B },
    ]);
  });

  it('reads record packages (compiledRelease), bare arrays and JSON Lines of packages', async () => {
    expect((await read(JSON.stringify({ records: [{ ocid: 'ocds-1', compiledRelease: A }] }))).map((r) => r.release)).toEqual([A]);
    expect((await read(JSON.stringify([A, B]))).map((r) => r.release)).toEqual([A, B]);
    const lines = `${JSON.stringify({ releases: [A] })}\n${JSON.stringify({ releases: [B] })}\n`;
    expect(await read(lines)).toEqual([
      { line: 1, release: A },
      { line: 2, release: B },
    ]);
  });

  it('is not fooled by quotes, backslashes and brackets inside strings, wherever the chunks are cut', async () => {
    const tricky = {
      ocid: 'o-"1"',
      tender: { title: 'a \\"releases\\": [ { } ] \\', note: '\\\\', lots: [] },
      releases: 'not a package key here',
    };
    const pkg = JSON.stringify({ version: '1.1', releases: [tricky, B] }, null, 1);
    for (const size of [1, 2, 3, 5, 8, 13]) {
      expect((await read(pkg, size)).map((r) => r.release)).toEqual([tricky, B]);
    }
  });

  it('reads a package whose releases array is not its first key, and ignores its other keys', async () => {
    const text = JSON.stringify({ uri: 'u', publisher: { name: '示例', uid: '1' }, records: [], releases: [A] });
    expect((await read(text, 4)).map((r) => r.release)).toEqual([A]);
  });

  it('reads a long string or a long line that spans many chunks, in either reading mode', async () => {
    const long = { ocid: 'long', note: '说明'.repeat(20_000) + '\\"' };
    const jsonl = `${JSON.stringify(A)}\n${JSON.stringify(long)}\n`;
    expect((await read(jsonl, 997)).map((r) => r.release)).toEqual([A, long]);
    const pkg = JSON.stringify({ releases: [long, A] }, null, 2);
    expect((await read(pkg, 997)).map((r) => r.release)).toEqual([long, A]);
  });

  it('keeps unknown fields and extension fields as they are', async () => {
    const odd = { ocid: 'x', x_省级扩展: { 评标地点: '异地' }, tender: { lots: [{ id: 'L1', x_unknown: [1, 2] }] } };
    expect((await read(JSON.stringify(odd) + '\n'))[0].release).toEqual(odd);
  });

  it('keeps multi-byte characters intact when a chunk cuts them', async () => {
    const text = JSON.stringify({ ocid: 'ocds-中文', tender: { title: '标段一' } }) + '\n';
    expect((await read(text, 1))[0].release.ocid).toBe('ocds-中文');
  });

  it('names line N for a malformed JSON line, in English and Chinese', async () => {
    const text = `${JSON.stringify(A)}\n${JSON.stringify(B)}\n{"ocid": "ocds-3", "tender": }\n${JSON.stringify(A)}\n`;
    const error = await failure(text);
    expect(error.code).toBe('OCDS_INVALID_JSON');
    expect(error.details[0].line).toBe(3);
    expect(error.details[0].message).toMatch(/^line 3 /);
    expect(error.details[0].messageZh).toMatch(/^第 3 行/);
  });

  it('names the line of an unclosed release and of a stray bracket', async () => {
    expect((await failure(`${JSON.stringify(A)}\n{"ocid": "b"\n${JSON.stringify(B)}\n`)).details[0].line).toBe(2);
    expect((await failure(`${JSON.stringify(A)}\n\n${JSON.stringify(B)}}\n`)).details[0].line).toBe(3);
  });

  it('refuses a line that is not an object, and a record without a compiled release', async () => {
    const scalar = await failure(`${JSON.stringify(A)}\n42\n`);
    expect([scalar.code, scalar.details[0].line]).toEqual(['OCDS_NOT_A_RELEASE', 2]);
    expect((await failure(JSON.stringify({ records: [{ ocid: 'x' }] }))).code).toBe('OCDS_NOT_A_RELEASE');
  });

  it('refuses a release larger than the limit instead of buffering it', async () => {
    const big = JSON.stringify({ ocid: 'big', note: 'x'.repeat(5000) });
    const out: unknown[] = [];
    await expect(async () => {
      for await (const r of readOcds(stream(`${JSON.stringify(A)}\n${big}\n`, 512), { maxReleaseChars: 1000 })) out.push(r);
    }).rejects.toMatchObject({ code: 'OCDS_RELEASE_TOO_LARGE', details: [{ line: 2 }] });
    expect(out).toHaveLength(1);
  });

  it('streams: the first release arrives before the rest of the file is produced', async () => {
    let produced = 0;
    async function* lines() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield JSON.stringify({ ocid: `ocds-${i}` }) + '\n';
      }
    }
    for await (const r of readOcds(lines())) {
      expect(r.release.ocid).toBe('ocds-0');
      break;
    }
    expect(produced).toBeLessThan(3);
  });
});
