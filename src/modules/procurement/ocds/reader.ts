/**
 * Streaming reader of OCDS files: JSON Lines of compiled releases, release packages
 * (`{"releases": [...]}`, also pretty-printed over many lines), record packages
 * (`{"records": [{"compiledRelease": …}]}`), a bare JSON array of releases, or several of these one
 * after another (JSON Lines of packages). Memory stays bounded by the largest single release: the
 * scanner keeps only the text of the release it is inside, never the package or the file.
 * Unknown fields are kept (each release is `JSON.parse`d as it is).
 */
import { StringDecoder } from 'node:string_decoder';
import { OcdsError } from './errors.js';

export interface OcdsRelease {
  /** 1-based line of the file where the release starts. */
  line: number;
  release: Record<string, unknown>;
}

export interface ReadOcdsOptions {
  /** A single release larger than this (characters) is refused rather than buffered. Default 64 MiB. */
  maxReleaseChars?: number;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const COMMA = 44;
const COLON = 58;

/** Where the scanner is, one entry per open container. */
interface Frame {
  kind: 'object' | 'array';
  /** Elements of this array are releases (a package's `releases`, a record's `records`, a bare array). */
  releases?: 'release' | 'record';
  /** In an object: the last key read, and whether the next string is a key. */
  key?: string;
  expectKey?: boolean;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function invalid(line: number, message: string, messageZh: string): OcdsError {
  return new OcdsError('OCDS_INVALID_JSON', [{ line, message, messageZh }]);
}

function parseRelease(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    // V8 names the position; turn it into the line of the file.
    const at = /position (\d+)/.exec(reason);
    const errorLine = at ? line + (text.slice(0, Number(at[1])).match(/\n/g)?.length ?? 0) : line;
    throw invalid(errorLine, `line ${errorLine} is not valid JSON (${reason})`, `第 ${errorLine} 行不是有效的 JSON`);
  }
}

function asRelease(value: unknown, line: number, kind: 'release' | 'record'): Record<string, unknown> {
  const release = kind === 'record' && value && typeof value === 'object' ? (value as Record<string, unknown>).compiledRelease : value;
  if (release && typeof release === 'object' && !Array.isArray(release)) return release as Record<string, unknown>;
  const what = kind === 'record' ? 'a record without a compiledRelease object' : 'not a JSON object';
  throw new OcdsError('OCDS_NOT_A_RELEASE', [
    {
      line,
      message: `the entry starting on line ${line} is ${what}`,
      messageZh: `第 ${line} 行开始的一项${kind === 'record' ? '记录缺少 compiledRelease 对象' : '不是 JSON 对象'}`,
    },
  ]);
}

/**
 * Reads releases one at a time from a stream of OCDS JSON. Throws `OcdsError` naming the line of
 * the first malformed entry; releases before it have already been yielded (callers that must change
 * nothing on bad input preview first, then commit).
 */
export async function* readOcds(
  input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>,
  options: ReadOcdsOptions = {},
): AsyncGenerator<OcdsRelease> {
  const maxChars = options.maxReleaseChars ?? 64 * 1024 * 1024;
  const decoder = new StringDecoder('utf8');
  const stack: Frame[] = [];
  let text = ''; // unconsumed text
  let line = 1; // the line of the file the scan has reached
  let capture = -1; // index in `text` where the release being read starts
  let captureLine = 0;
  let captureKind: 'release' | 'record' = 'release';
  let resumeAt = 0; // where the next scan starts (a string cut by the chunk end is read again whole)
  /** JSON Lines: once the first release is seen to fill one line, lines are parsed one by one (faster). */
  let lines = false;
  /**
   * How far the text after `resumeAt` was already searched for the end of a string or line
   * (so a long one is not searched again with every chunk).
   */
  let searched = 0;

  const out: OcdsRelease[] = [];

  /** Index of the quote closing the string opened at `open`, or -1 if it is not in `text` yet. */
  function closingQuote(open: number): number {
    let q = Math.max(open, searched - 1);
    for (;;) {
      q = text.indexOf('"', q + 1);
      if (q < 0) return -1;
      let k = q - 1;
      while (text.charCodeAt(k) === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q; // an even run of backslashes escapes nothing
    }
  }

  /** Scans `text` from `resumeAt`, tracking containers; returns early when switching to JSON Lines. */
  function scan(): void {
    const n = text.length;
    for (let i = resumeAt; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        line++;
        continue;
      }
      if (isSpace(c) || (c === 0xfeff && i === 0 && line === 1)) continue;
      const top = stack.at(-1);
      // A value starts here: is it a release to capture?
      if (capture < 0 && c !== CLOSE_BRACE && c !== CLOSE_BRACKET && c !== COMMA && c !== COLON && (stack.length === 0 || top?.releases)) {
        if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
          throw new OcdsError('OCDS_NOT_A_RELEASE', [
            {
              line,
              message: `the entry starting on line ${line} is not a JSON object`,
              messageZh: `第 ${line} 行开始的一项不是 JSON 对象`,
            },
          ]);
        }
        // At the top level an object is a release unless it turns out to be a package.
        capture = i;
        captureLine = line;
        captureKind = top?.releases ?? 'release';
      }
      if (c === QUOTE) {
        const close = closingQuote(i);
        if (close < 0) {
          resumeAt = i;
          searched = n;
          return;
        }
        searched = 0;
        // Only a package's own keys matter: is this the array of releases (or records)?
        if (stack.length === 1 && top!.kind === 'object' && top!.expectKey) {
          const length = close + 1 - i;
          top!.key = length === 10 || length === 9 ? (JSON.parse(text.slice(i, close + 1)) as string) : undefined;
          top!.expectKey = false;
        }
        i = close;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const frame: Frame = c === OPEN_BRACE ? { kind: 'object', expectKey: true } : { kind: 'array' };
        if (c === OPEN_BRACKET) {
          if (stack.length === 0)
            frame.releases = 'release'; // a bare array of releases
          else if (stack.length === 1 && top!.kind === 'object' && (top!.key === 'releases' || top!.key === 'records')) {
            frame.releases = top!.key === 'records' ? 'record' : 'release';
          }
          if (frame.releases) capture = -1; // the package itself is not kept, only its releases
        }
        stack.push(frame);
        continue;
      }
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        const frame = stack.pop();
        if (!frame || (frame.kind === 'object') !== (c === CLOSE_BRACE)) {
          const ch = String.fromCharCode(c);
          throw invalid(line, `line ${line} is not valid JSON (an unexpected "${ch}")`, `第 ${line} 行不是有效的 JSON（多余的“${ch}”）`);
        }
        if (capture >= 0 && stack.length === captureDepth()) {
          const value = parseRelease(text.slice(capture, i + 1), captureLine);
          capture = -1;
          out.push({ line: captureLine, release: asRelease(value, captureLine, captureKind) });
          if (stack.length === 0 && out.length === 1 && captureLine === line && !seenAny) {
            // The first release of the file fills its line: the file is JSON Lines.
            lines = true;
            resumeAt = i + 1;
            seenAny = true;
            return;
          }
          seenAny = true;
        }
        continue;
      }
      if (c === COMMA && top?.kind === 'object') top.expectKey = true;
    }
    resumeAt = n;
  }
  let seenAny = false;

  /** JSON Lines: each line from `resumeAt` to a newline is one release (or one package). */
  function scanLines(final: boolean): void {
    let start = resumeAt;
    for (;;) {
      let end = text.indexOf('\n', Math.max(start, searched));
      searched = 0;
      if (end < 0) {
        searched = text.length;
        if (!final) break;
        end = text.length;
      }
      const body = text.slice(start, end);
      if (body.trim() !== '') {
        const value = parseRelease(body, line);
        const many = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
        if (many && Array.isArray(many.releases)) for (const r of many.releases) out.push({ line, release: asRelease(r, line, 'release') });
        else if (many && Array.isArray(many.records))
          for (const r of many.records) out.push({ line, release: asRelease(r, line, 'record') });
        else out.push({ line, release: asRelease(value, line, 'release') });
      }
      if (end >= text.length) {
        start = end;
        break;
      }
      line++;
      start = end + 1;
    }
    resumeAt = start;
  }

  /** Depth at which a captured release ends: 0 at the top level, else just inside the releases array. */
  function captureDepth(): number {
    for (let d = stack.length - 1; d >= 0; d--) if (stack[d].releases) return d + 1;
    return 0;
  }

  function* feed(chunk: string, final = false): Generator<OcdsRelease> {
    text += chunk;
    if (!lines) scan();
    if (lines) scanLines(final);
    yield* out.splice(0);
    // Keep only what is still needed: the release being read, or a line or string not yet complete.
    const keep = lines ? resumeAt : Math.min(resumeAt, capture >= 0 ? capture : resumeAt);
    if (text.length - keep > maxChars) {
      const at = lines || capture < 0 ? line : captureLine;
      throw new OcdsError('OCDS_RELEASE_TOO_LARGE', [
        {
          line: at,
          message: `the release starting on line ${at} is larger than ${maxChars} characters`,
          messageZh: `第 ${at} 行开始的发布超过 ${maxChars} 个字符`,
        },
      ]);
    }
    if (capture >= 0) capture -= keep;
    resumeAt -= keep;
    searched = Math.max(0, searched - keep);
    text = text.slice(keep);
  }

  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    yield* feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  }
  yield* feed(decoder.end(), true);
  if (!lines && (stack.length || resumeAt < text.length || capture >= 0)) {
    const started = capture >= 0 ? captureLine : line;
    throw invalid(
      started,
      `the file ends inside an unfinished JSON value that starts on line ${started}`,
      `文件在第 ${started} 行开始的 JSON 内容结束之前截止`,
    );
  }
}
