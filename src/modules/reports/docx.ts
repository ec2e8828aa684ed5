import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import {
  type DocBlock,
  OFFICIAL_FONTS as F,
  OFFICIAL_PAGE as P,
  type OfficialDocumentInput,
  type TableCell as Cell,
  cellAlign,
  columnShares,
  issuerMarkPt,
  numberHeadings,
  officialDate,
  titleLines,
} from './document.js';

// Sizes in half-points, as Word stores them: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt.
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24, caption: 28 } as const;
/** 28 lines of 22 characters on a GB/T 9704 page: a fixed 28.95 pt line. */
const BODY_LINE = { line: 579, lineRule: LineRuleType.EXACT } as const;
const TWO_CHARS = 640; // first-line indent of two 3号 characters, in twips
const RED = 'FF0000';
const BODY_WIDTH_MM = P.width - P.left - P.right;
const BODY_WIDTH_PX = Math.round((BODY_WIDTH_MM / 25.4) * 96);

const font = (eastAsia: string) => ({ ascii: F.latin, hAnsi: F.latin, eastAsia, cs: F.latin });

function run(text: string, eastAsia: string, size: number, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: font(eastAsia), size, ...extra });
}

function bodyParagraph(
  text: string,
  opts: { indent?: boolean; eastAsia?: string; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    children: [run(text, opts.eastAsia ?? F.body, SIZE.body, { bold: opts.bold })],
    spacing: BODY_LINE,
    indent: opts.indent === false ? undefined : { firstLine: TWO_CHARS },
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
  });
}

const blank = () => new Paragraph({ children: [], spacing: BODY_LINE });

function heading(b: Extract<DocBlock, { type: 'heading' }>): Paragraph {
  const styles = {
    1: { eastAsia: F.heading1, bold: false },
    2: { eastAsia: F.heading2, bold: false },
    3: { eastAsia: F.body, bold: true },
  } as const;
  return bodyParagraph(b.text, { ...styles[b.level], align: AlignmentType.LEFT });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function cellText(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

// Long tables (a 1 000-row appendix) are most of a bulletin's size: the look of table text lives in
// two paragraph styles and the borders and margins on the table, so each cell is only its text.
const TABLE_STYLES = [
  {
    id: 'TableText',
    name: 'Table Text',
    run: { font: font(F.body), size: SIZE.table },
    paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST } },
  },
  {
    id: 'TableHeader',
    name: 'Table Header',
    basedOn: 'TableText',
    run: { font: font(F.heading1), size: SIZE.table },
    paragraph: { alignment: AlignmentType.CENTER },
  },
];

function table(b: Extract<DocBlock, { type: 'table' }>): (Paragraph | Table)[] {
  const bodyTwips = convertMillimetersToTwip(BODY_WIDTH_MM);
  const widths = columnShares(b.columns).map((s) => Math.floor(s * bodyTwips));
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const cell = (value: Cell, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
      children: [
        new Paragraph({
          style: header ? 'TableHeader' : 'TableText',
          ...(header ? {} : { alignment: align[cellAlign(b.columns[i], value)] }),
          children: [new TextRun(cellText(value))],
        }),
      ],
    });
  const rows = [
    // The header row repeats on every page of a long table.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.columns.map((_, i) => cell(r[i] ?? null, i, false)) })),
  ];
  const out: (Paragraph | Table)[] = [];
  if (b.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [run(b.caption, F.heading1, SIZE.caption)] }));
  out.push(
    new Table({
      width: { size: bodyTwips, type: WidthType.DXA },
      columnWidths: widths,
      borders: TABLE_BORDERS,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      rows,
    }),
  );
  if (b.note)
    out.push(new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [run(b.note, F.body, SIZE.table)] }));
  return out;
}

function image(b: Extract<DocBlock, { type: 'image' }>): Paragraph[] {
  const width = Math.min(BODY_WIDTH_PX, b.widthPx);
  const height = Math.round((b.heightPx * width) / b.widthPx);
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: b.png, transformation: { width, height } })],
    }),
  ];
  if (b.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [run(b.caption, F.body, SIZE.caption)] }));
  return out;
}

function blocks(list: DocBlock[]): (Paragraph | Table)[] {
  return numberHeadings(list).flatMap((b) => {
    switch (b.type) {
      case 'heading':
        return [heading(b)];
      case 'paragraph':
        return [bodyParagraph(b.text, { indent: b.indent })];
      case 'table':
        return table(b);
      case 'image':
        return image(b);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  });
}

/** 版头: the red issuer mark, the document number and the red rule under it. */
function masthead(input: OfficialDocumentInput): Paragraph[] {
  const mark = input.issuerMark ?? `${input.issuer}文件`;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 400, line: 900, lineRule: LineRuleType.AT_LEAST },
      children: [run(mark, F.title, issuerMarkPt(mark) * 2, { color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...BODY_LINE, after: 227 },
      // The red rule sits 4 mm under the document number, as wide as the text block.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: input.docNumber ? [run(input.docNumber, F.body, SIZE.body)] : [],
    }),
  ];
}

/** "附件：1．…" under the body: 附件 two characters in, later titles aligned under the first. */
function appendixList(input: OfficialDocumentInput): Paragraph[] {
  const list = input.appendices ?? [];
  if (!list.length) return [];
  const many = list.length > 1;
  return [
    blank(),
    ...list.map(
      (a, i) =>
        new Paragraph({
          spacing: BODY_LINE,
          indent: i === 0 ? { firstLine: TWO_CHARS } : { left: TWO_CHARS + 960 },
          children: [run(`${i === 0 ? '附件：' : ''}${many ? `${i + 1}．` : ''}${a.title}`, F.body, SIZE.body)],
        }),
    ),
  ];
}

function appendices(input: OfficialDocumentInput): (Paragraph | Table)[] {
  const many = (input.appendices ?? []).length > 1;
  return (input.appendices ?? []).flatMap((a, i) => [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: BODY_LINE, children: [run(`附件${many ? i + 1 : ''}`, F.heading1, SIZE.body)] }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(a.title, F.title, SIZE.title)],
    }),
    blank(),
    ...blocks(a.blocks),
  ]);
}

function closing(input: OfficialDocumentInput): Paragraph[] {
  const fourChars = TWO_CHARS * 2;
  const out = [
    ...appendixList(input),
    blank(),
    blank(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: fourChars - TWO_CHARS },
      spacing: BODY_LINE,
      children: [run(input.signature ?? input.issuer, F.body, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: fourChars },
      spacing: BODY_LINE,
      children: [run(officialDate(input.date), F.body, SIZE.body)],
    }),
  ];
  return out;
}

function record(input: OfficialDocumentInput): Paragraph[] {
  const out: Paragraph[] = [];
  if (input.copyTo || input.printedBy) {
    // 版记: between two rules at the end of the document.
    const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
    out.push(blank());
    if (input.copyTo)
      out.push(
        new Paragraph({
          border: { top: rule },
          indent: { left: 320, right: 320 },
          spacing: BODY_LINE,
          children: [run(`抄送：${input.copyTo}`, F.body, 28)],
        }),
      );
    if (input.printedBy)
      out.push(
        new Paragraph({
          border: { top: rule, bottom: rule },
          indent: { left: 320, right: 320 },
          spacing: BODY_LINE,
          tabStops: [{ type: 'right', position: convertMillimetersToTwip(BODY_WIDTH_MM) - 640 }],
          children: [run(`${input.printedBy.issuer}\t${officialDate(input.printedBy.date)}印发`, F.body, 28)],
        }),
      );
  }
  return out;
}

/** Page numbers "— 1 —" in 宋体 4号: odd pages on the right, even pages on the left, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(F.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

/**
 * Builds a Word document in the official layout of GB/T 9704-2012: A4, margins 37/35/28/26 mm,
 * title in 小标宋 2号, body 仿宋_GB2312 3号 on a fixed 28.95 pt line, headings 黑体 and 楷体,
 * page numbers "— n —" alternating sides, issuer mark, document number, signature and date.
 */
export async function officialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const title = titleLines(input.title).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT },
        children: [run(line, F.title, SIZE.title)],
      }),
  );
  const doc = new Document({
    creator: input.issuer,
    title: input.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(F.body), size: SIZE.body } } }, paragraphStyles: TABLE_STYLES },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(P.width), height: convertMillimetersToTwip(P.height) },
            margin: {
              top: convertMillimetersToTwip(P.top),
              bottom: convertMillimetersToTwip(P.bottom),
              left: convertMillimetersToTwip(P.left),
              right: convertMillimetersToTwip(P.right),
              header: convertMillimetersToTwip(15),
              // The number's top edge sits 7 mm under the text block.
              footer: convertMillimetersToTwip(P.bottom - 7 - 5),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...masthead(input),
          blank(),
          ...title,
          blank(),
          ...(input.recipients ? [bodyParagraph(input.recipients, { indent: false, align: AlignmentType.LEFT })] : []),
          ...blocks(input.sections),
          ...closing(input),
          ...appendices(input),
          ...record(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
