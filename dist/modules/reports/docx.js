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
  convertMillimetersToTwip
} from "docx";
import { OFFICIAL_FONTS as F, OFFICIAL_PAGE as P, issuerMarkPt, numberHeadings, officialDate } from "./document.js";
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24, caption: 28 };
const BODY_LINE = { line: 579, lineRule: LineRuleType.EXACT };
const TWO_CHARS = 640;
const RED = "FF0000";
const BODY_WIDTH_MM = P.width - P.left - P.right;
const BODY_WIDTH_PX = Math.round(BODY_WIDTH_MM / 25.4 * 96);
const font = (eastAsia) => ({ ascii: F.latin, hAnsi: F.latin, eastAsia, cs: F.latin });
function run(text, eastAsia, size, extra = {}) {
  return new TextRun({ text, font: font(eastAsia), size, ...extra });
}
function bodyParagraph(text, opts = {}) {
  return new Paragraph({
    children: [run(text, opts.eastAsia ?? F.body, SIZE.body, { bold: opts.bold })],
    spacing: BODY_LINE,
    indent: opts.indent === false ? void 0 : { firstLine: TWO_CHARS },
    alignment: opts.align ?? AlignmentType.JUSTIFIED
  });
}
const blank = () => new Paragraph({ children: [], spacing: BODY_LINE });
function heading(b) {
  const styles = { 1: { eastAsia: F.heading1, bold: false }, 2: { eastAsia: F.heading2, bold: false }, 3: { eastAsia: F.body, bold: true } };
  return bodyParagraph(b.text, { ...styles[b.level], align: AlignmentType.LEFT });
}
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
function cellText(v) {
  return v === null || v === void 0 ? "" : String(v);
}
const TABLE_STYLES = [
  { id: "TableText", name: "Table Text", run: { font: font(F.body), size: SIZE.table }, paragraph: { spacing: { line: 300, lineRule: LineRuleType.AT_LEAST } } },
  { id: "TableHeader", name: "Table Header", basedOn: "TableText", run: { font: font(F.heading1), size: SIZE.table }, paragraph: { alignment: AlignmentType.CENTER } }
];
function table(b) {
  const total = b.columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const unset = b.columns.filter((c) => !c.width).length;
  const share = unset ? Math.max(1, (100 - Math.min(total, 100)) / unset) : 0;
  const weights = b.columns.map((c) => c.width ?? (total ? share : 1));
  const sum = weights.reduce((s, w) => s + w, 0);
  const bodyTwips = convertMillimetersToTwip(BODY_WIDTH_MM);
  const widths = weights.map((w) => Math.floor(w / sum * bodyTwips));
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
  const cell = (text, i, header) => new TableCell({
    width: { size: widths[i], type: WidthType.DXA },
    ...header ? { verticalAlign: VerticalAlignTable.CENTER } : {},
    children: [
      new Paragraph({
        style: header ? "TableHeader" : "TableText",
        ...header ? {} : { alignment: align[b.columns[i].align ?? "center"] },
        children: [new TextRun(text)]
      })
    ]
  });
  const rows = [
    // The header row repeats on every page of a long table.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.columns.map((_, i) => cell(cellText(r[i] ?? null), i, false)) }))
  ];
  const out = [];
  if (b.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [run(b.caption, F.heading1, SIZE.caption)] }));
  out.push(
    new Table({
      width: { size: bodyTwips, type: WidthType.DXA },
      columnWidths: widths,
      borders: TABLE_BORDERS,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      rows
    })
  );
  if (b.note) out.push(new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [run(b.note, F.body, SIZE.table)] }));
  return out;
}
function image(b) {
  const width = Math.min(BODY_WIDTH_PX, b.widthPx);
  const height = Math.round(b.heightPx * width / b.widthPx);
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: "png", data: b.png, transformation: { width, height } })] })];
  if (b.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: BODY_LINE, children: [run(b.caption, F.body, SIZE.caption)] }));
  return out;
}
function blocks(list) {
  return numberHeadings(list).flatMap((b) => {
    switch (b.type) {
      case "heading":
        return [heading(b)];
      case "paragraph":
        return [bodyParagraph(b.text, { indent: b.indent })];
      case "table":
        return table(b);
      case "image":
        return image(b);
      case "pageBreak":
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  });
}
function masthead(input) {
  const mark = input.issuerMark ?? `${input.issuer}\u6587\u4EF6`;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 400, line: 900, lineRule: LineRuleType.AT_LEAST },
      children: [run(mark, F.title, issuerMarkPt(mark) * 2, { color: RED })]
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...BODY_LINE, after: 227 },
      // The red rule sits 4 mm under the document number, as wide as the text block.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: input.docNumber ? [run(input.docNumber, F.body, SIZE.body)] : []
    })
  ];
}
function appendixList(input) {
  const list = input.appendices ?? [];
  if (!list.length) return [];
  const many = list.length > 1;
  return [
    blank(),
    ...list.map(
      (a, i) => new Paragraph({
        spacing: BODY_LINE,
        indent: i === 0 ? { firstLine: TWO_CHARS } : { left: TWO_CHARS + 960 },
        children: [run(`${i === 0 ? "\u9644\u4EF6\uFF1A" : ""}${many ? `${i + 1}\uFF0E` : ""}${a.title}`, F.body, SIZE.body)]
      })
    )
  ];
}
function appendices(input) {
  const many = (input.appendices ?? []).length > 1;
  return (input.appendices ?? []).flatMap((a, i) => [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: BODY_LINE, children: [run(`\u9644\u4EF6${many ? i + 1 : ""}`, F.heading1, SIZE.body)] }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(a.title, F.title, SIZE.title)] }),
    blank(),
    ...blocks(a.blocks)
  ]);
}
function closing(input) {
  const fourChars = TWO_CHARS * 2;
  const out = [
    ...appendixList(input),
    blank(),
    blank(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: fourChars - TWO_CHARS }, spacing: BODY_LINE, children: [run(input.signature ?? input.issuer, F.body, SIZE.body)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: fourChars }, spacing: BODY_LINE, children: [run(officialDate(input.date), F.body, SIZE.body)] })
  ];
  return out;
}
function record(input) {
  const out = [];
  if (input.copyTo || input.printedBy) {
    const rule = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 };
    out.push(blank());
    if (input.copyTo)
      out.push(new Paragraph({ border: { top: rule }, indent: { left: 320, right: 320 }, spacing: BODY_LINE, children: [run(`\u6284\u9001\uFF1A${input.copyTo}`, F.body, 28)] }));
    if (input.printedBy)
      out.push(
        new Paragraph({
          border: { top: rule, bottom: rule },
          indent: { left: 320, right: 320 },
          spacing: BODY_LINE,
          tabStops: [{ type: "right", position: convertMillimetersToTwip(BODY_WIDTH_MM) - 640 }],
          children: [run(`${input.printedBy.issuer}	${officialDate(input.printedBy.date)}\u5370\u53D1`, F.body, 28)]
        })
      );
  }
  return out;
}
function pageNumberFooter(side) {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ["\u2014 ", PageNumber.CURRENT, " \u2014"], font: font(F.pageNumber), size: SIZE.pageNumber })]
      })
    ]
  });
}
async function officialDocument(input) {
  const title = input.title.split("\n").map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(line, F.title, SIZE.title)] }));
  const doc = new Document({
    creator: input.issuer,
    title: input.title.replace(/\n/g, ""),
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
              footer: convertMillimetersToTwip(P.bottom - 7 - 5)
            }
          }
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [
          ...masthead(input),
          blank(),
          ...title,
          blank(),
          ...input.recipients ? [bodyParagraph(input.recipients, { indent: false, align: AlignmentType.LEFT })] : [],
          ...blocks(input.sections),
          ...closing(input),
          ...appendices(input),
          ...record(input)
        ]
      }
    ]
  });
  return Packer.toBuffer(doc);
}
export {
  officialDocument
};
//# sourceMappingURL=docx.js.map
