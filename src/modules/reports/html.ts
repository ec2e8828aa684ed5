import {
  type DocBlock,
  OFFICIAL_FONTS as F,
  OFFICIAL_PAGE as P,
  type OfficialDocumentInput,
  cellAlign,
  columnShares,
  issuerMarkPt,
  numberHeadings,
  officialDate,
  titleLines,
} from './document.js';

/**
 * The same document as HTML for print (Chromium's page.pdf()): identical structure and geometry
 * to the Word file. Fonts fall back to the Noto CJK faces a Linux server has when the official
 * faces (方正小标宋, 仿宋_GB2312 …) are not installed.
 */
const FAMILY = {
  title: `"${F.title}", "${F.titleFallback}", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif`,
  body: `"${F.latin}", "${F.body}", "FangSong_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif`,
  heading1: `"${F.heading1}", "SimHei", "Noto Sans CJK SC", sans-serif`,
  heading2: `"${F.heading2}", "KaiTi_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC", serif`,
  pageNumber: `"${F.pageNumber}", "SimSun", "Noto Serif CJK SC", serif`,
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function block(b: DocBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1} class="h${b.level}">${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p class="${b.indent === false ? 'noindent' : ''}">${esc(b.text)}</p>`;
    case 'table': {
      // Percentages to three decimals that add up to 100 exactly: the last column takes the rounding.
      const shares = columnShares(b.columns).map((s) => Math.round(s * 100_000) / 1000);
      shares[shares.length - 1] = Math.round((100 - shares.slice(0, -1).reduce((s, x) => s + x, 0)) * 1000) / 1000;
      const cols = shares.map((s) => `<col style="width:${s}%">`).join('');
      const head = b.columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${b.columns
              .map(
                (c, i) => `<td class="${cellAlign(c, r[i] ?? null)}">${esc(r[i] === null || r[i] === undefined ? '' : String(r[i]))}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('');
      return (
        `${b.caption ? `<div class="caption table-caption">${esc(b.caption)}</div>` : ''}` +
        `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
        `${b.note ? `<div class="note">${esc(b.note)}</div>` : ''}`
      );
    }
    case 'image':
      return (
        `<figure><img src="data:image/png;base64,${b.png.toString('base64')}" ` +
        `style="aspect-ratio:${b.widthPx}/${b.heightPx}" alt="${esc(b.caption ?? '')}">` +
        `${b.caption ? `<figcaption>${esc(b.caption)}</figcaption>` : ''}</figure>`
      );
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

function css(): string {
  const number = `content: "— " counter(page) " —"; font: 14pt ${FAMILY.pageNumber}; vertical-align: top; padding-top: 7mm;`;
  return `
@page { size: A4; margin: ${P.top}mm ${P.right}mm ${P.bottom}mm ${P.left}mm; }
@page :right { @bottom-right { ${number} padding-right: 1em; } }
@page :left { @bottom-left { ${number} padding-left: 1em; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 16pt/28.95pt ${FAMILY.body}; color: #000; text-align: justify; }
p, h2, h3, h4 { margin: 0; font-size: 16pt; line-height: 28.95pt; font-weight: normal; text-indent: 2em; }
p.noindent { text-indent: 0; }
.h1 { font-family: ${FAMILY.heading1}; }
.h2 { font-family: ${FAMILY.heading2}; }
.h3 { font-weight: bold; }
.mark { color: #f00; text-align: center; font: 26pt/1.6 ${FAMILY.title}; margin-top: 5mm; white-space: nowrap; }
.doc-number { text-align: center; margin-top: 10mm; padding-bottom: 4mm; border-bottom: 1.5pt solid #f00; text-indent: 0; }
.title { text-align: center; font: 22pt/35pt ${FAMILY.title}; margin: 28.95pt 0; text-indent: 0; white-space: nowrap; }
.signature, .date { text-align: right; text-indent: 0; }
.signature { padding-right: 2em; margin-top: 57.9pt; }
.date { padding-right: 4em; }
.appendix-list { margin-top: 28.95pt; }
.appendix-label { font-family: ${FAMILY.heading1}; text-indent: 0; }
.appendix-title { text-align: center; font: 22pt/35pt ${FAMILY.title}; margin: 28.95pt 0; }
.record { margin-top: 28.95pt; font-size: 14pt; }
.record div { border-top: 0.75pt solid #000; padding: 0 1em; line-height: 28.95pt; display: flex; justify-content: space-between; }
.record div:last-child { border-bottom: 0.75pt solid #000; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.35; margin: 4pt 0; table-layout: fixed; }
thead { display: table-header-group; }
th { font-family: ${FAMILY.heading1}; font-weight: normal; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; text-align: center; word-break: break-all; }
tr { break-inside: avoid; }
td.left { text-align: left; } td.right { text-align: right; font-variant-numeric: tabular-nums; }
.caption { text-align: center; font-family: ${FAMILY.heading1}; font-size: 14pt; line-height: 28.95pt; }
.note { font-size: 12pt; line-height: 1.5; }
figure { margin: 6pt 0; text-align: center; break-inside: avoid; }
figure img { width: 100%; }
figcaption { font-size: 14pt; line-height: 28.95pt; }
.page-break { break-after: page; }
`;
}

export function officialDocumentHtml(input: OfficialDocumentInput): string {
  const mark = input.issuerMark ?? `${input.issuer}文件`;
  const list = input.appendices ?? [];
  const many = list.length > 1;
  const appendixList = list.length
    ? `<div class="appendix-list">${list
        .map(
          (a, i) =>
            `<p${i ? ' style="padding-left:5em;text-indent:0"' : ''}>${i === 0 ? '附件：' : ''}${many ? `${i + 1}．` : ''}${esc(a.title)}</p>`,
        )
        .join('')}</div>`
    : '';
  const appendices = list
    .map(
      (a, i) =>
        `<div class="page-break"></div><p class="appendix-label">附件${many ? i + 1 : ''}</p>` +
        `<div class="appendix-title">${esc(a.title)}</div>${numberHeadings(a.blocks).map(block).join('\n')}`,
    )
    .join('\n');
  const copyTo = input.copyTo ? `<div><span>抄送：${esc(input.copyTo)}</span></div>` : '';
  const printedBy = input.printedBy
    ? `<div><span>${esc(input.printedBy.issuer)}</span><span>${officialDate(input.printedBy.date)}印发</span></div>`
    : '';
  const record = input.copyTo || input.printedBy ? `<div class="record">${copyTo}${printedBy}</div>` : '';
  const head = `<meta charset="utf-8"><title>${esc(input.title.replace(/\n/g, ''))}</title><style>${css()}</style>`;
  return `<!doctype html><html lang="zh-CN"><head>${head}</head><body>
<div class="mark" style="font-size:${issuerMarkPt(mark)}pt">${esc(mark)}</div>
<p class="doc-number">${esc(input.docNumber ?? '')}</p>
<div class="title">${titleLines(input.title).map(esc).join('<br>')}</div>
${input.recipients ? `<p class="noindent">${esc(input.recipients)}</p>` : ''}
${numberHeadings(input.sections).map(block).join('\n')}
${appendixList}
<p class="signature">${esc(input.signature ?? input.issuer)}</p>
<p class="date">${officialDate(input.date)}</p>
${appendices}
${record}
</body></html>`;
}
