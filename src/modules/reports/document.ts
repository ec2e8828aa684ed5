/**
 * The content of an official document (公文), independent of the output format: the Word builder
 * (docx.ts) and the HTML/PDF renderer (html.ts, pdf.ts) both take this, so the .docx and the .pdf
 * of a bulletin always carry the same structure.
 */
export type DocBlock =
  /** Numbered automatically in the official way: level 1 "一、" (黑体), level 2 "（一）" (楷体), level 3 "1." (仿宋 bold). */
  | { type: 'heading'; level: 1 | 2 | 3; text: string; numbered?: boolean }
  | { type: 'paragraph'; text: string; indent?: boolean }
  | { type: 'table'; caption?: string; columns: TableColumn[]; rows: TableCell[][]; note?: string }
  | { type: 'image'; png: Buffer; widthPx: number; heightPx: number; caption?: string }
  | { type: 'pageBreak' };

export type TableCell = string | number | null;

export interface TableColumn {
  header: string;
  /** Relative width (any unit); columns without one share what is left. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface OfficialDocumentInput {
  /** 发文机关全称, e.g. 呼和浩特市优化营商环境工作领导小组办公室 */
  issuer: string;
  /** 发文机关标志 in red at the top; defaults to `${issuer}文件`. */
  issuerMark?: string;
  /** 发文字号, e.g. 呼营商办〔2026〕3号 */
  docNumber?: string;
  title: string;
  /** 主送机关, e.g. 各旗县区人民政府，市直各有关部门： */
  recipients?: string;
  /** 成文日期 'YYYY-MM-DD' */
  date: string;
  sections: DocBlock[];
  /** 附件: each on new pages after the signature and date, listed under the body as "附件：1．…". */
  appendices?: { title: string; blocks: DocBlock[] }[];
  /** 署名; defaults to the issuer. */
  signature?: string;
  /** 版记: 抄送 and 印发 lines at the end. */
  copyTo?: string;
  printedBy?: { issuer: string; date: string };
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (heading numbers never go past 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** '2026-03-02' → '2026年3月2日' (GB/T 9704-2012 writes the date in Arabic numerals). */
export function officialDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Prefixes headings with their official numbers; counters restart under each higher level. */
export function numberHeadings(blocks: DocBlock[]): DocBlock[] {
  const counters = [0, 0, 0];
  return blocks.map((b) => {
    if (b.type !== 'heading' || b.numbered === false) return b;
    counters[b.level - 1]++;
    for (let l = b.level; l < 3; l++) counters[l] = 0;
    const n = counters[b.level - 1];
    const prefix = b.level === 1 ? `${chineseNumber(n)}、` : b.level === 2 ? `（${chineseNumber(n)}）` : `${n}. `;
    return { ...b, text: `${prefix}${b.text}` };
  });
}

/** Fonts of the official layout; the Word file names them, the HTML lists fallbacks after them. */
export const OFFICIAL_FONTS = {
  title: '方正小标宋简体',
  titleFallback: '小标宋',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** GB/T 9704-2012 page geometry, in millimetres. */
export const OFFICIAL_PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/**
 * Point size of the red issuer mark: as large as 30 pt, but small enough for the whole mark to fit
 * on one line of the 156 mm text block (a long office name would otherwise wrap).
 */
export function issuerMarkPt(mark: string): number {
  const mmPerPt = 25.4 / 72;
  const fits = (OFFICIAL_PAGE.width - OFFICIAL_PAGE.left - OFFICIAL_PAGE.right - 4) / [...mark].length / mmPerPt;
  return Math.max(16, Math.min(30, Math.floor(fits)));
}

/**
 * Each column's share of the table width, adding up to exactly 1: given widths count as percent of
 * the text block and the columns without one share what is left (at least 1 each). The .docx and
 * the .pdf use the same shares, so a column never vanishes from one of them.
 */
export function columnShares(columns: TableColumn[]): number[] {
  const total = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const unset = columns.filter((c) => !c.width).length;
  const share = unset ? Math.max(1, (100 - Math.min(total, 100)) / unset) : 0;
  const weights = columns.map((c) => c.width ?? (total ? share : 1));
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
}

const NUMERIC = /^[-+−]?\d[\d,]*(\.\d+)?%?$/;

/** A column's own alignment, else numbers (counts, scores, percentages) to the right and text centred. */
export function cellAlign(column: TableColumn, value: TableCell): 'left' | 'center' | 'right' {
  if (column.align) return column.align;
  return typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value)) ? 'right' : 'center';
}

/** Width of a text in ems of its font: CJK and full-width characters 1, Latin letters and digits ½. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return w;
}

/** Ems per title line: the 156 mm text block at 2号 (22 pt) holds 20.1; one is kept free for wider digits of the fallback fonts. */
export const TITLE_LINE_EMS = Math.floor((OFFICIAL_PAGE.width - OFFICIAL_PAGE.left - OFFICIAL_PAGE.right) / ((22 * 25.4) / 72)) - 1;

// GB/T 9704 7.3.3: a title that wraps keeps words whole and its lines balanced. Good places to break.
const BREAK_AFTER = new Set([...'年月日的于、，）》']);
const BREAK_BEFORE = ['工作', '关于', '情况', '推进', '通报', '实施', '方案', '清单', '优化', '进一步', '重点', '若干'];
/** Words of this domain a line must not cut. */
const WHOLE_WORDS = ['营商环境', '呼和浩特', '人民政府', '办公室', '领导小组', '市场主体', '重点任务'];

/**
 * The lines of a title: as the author broke it (with \n), else one line when it fits, else lines of
 * balanced length broken between words — never a single character left on a line of its own.
 */
export function titleLines(title: string, lineEms = TITLE_LINE_EMS): string[] {
  if (title.includes('\n')) return title.split('\n');
  const chars = [...title];
  const total = emWidth(title);
  if (total <= lineEms || chars.length < 4) return [title];
  const inside = new Set<number>();
  for (const w of WHOLE_WORDS) {
    for (let at = title.indexOf(w); at >= 0; at = title.indexOf(w, at + 1)) for (let k = 1; k < w.length; k++) inside.add(at + k);
  }
  const lines = Math.ceil(total / lineEms);
  const target = total / lines;
  let best = -1;
  let bestScore = Infinity;
  let width = 0;
  for (let i = 1; i < chars.length - 1; i++) {
    width += emWidth(chars[i - 1]);
    const restWidth = total - width;
    if (width > lineEms || (lines === 2 && restWidth > lineEms) || inside.has(i)) continue;
    const rest = chars.slice(i).join('');
    const good = BREAK_AFTER.has(chars[i - 1]) || BREAK_BEFORE.some((w) => rest.startsWith(w));
    const score = Math.abs(width - target) - (good ? 4 : 0);
    if (score < bestScore) [best, bestScore] = [i, score];
  }
  if (best < 0) return [title];
  return [chars.slice(0, best).join(''), ...titleLines(chars.slice(best).join(''), lineEms)];
}
