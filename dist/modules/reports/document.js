const CN_DIGITS = ["\u96F6", "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D"];
function chineseNumber(n) {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}\u5341${ones ? CN_DIGITS[ones] : ""}`;
}
function officialDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}\u5E74${m}\u6708${d}\u65E5`;
}
function numberHeadings(blocks) {
  const counters = [0, 0, 0];
  return blocks.map((b) => {
    if (b.type !== "heading" || b.numbered === false) return b;
    counters[b.level - 1]++;
    for (let l = b.level; l < 3; l++) counters[l] = 0;
    const n = counters[b.level - 1];
    const prefix = b.level === 1 ? `${chineseNumber(n)}\u3001` : b.level === 2 ? `\uFF08${chineseNumber(n)}\uFF09` : `${n}. `;
    return { ...b, text: `${prefix}${b.text}` };
  });
}
const OFFICIAL_FONTS = {
  title: "\u65B9\u6B63\u5C0F\u6807\u5B8B\u7B80\u4F53",
  titleFallback: "\u5C0F\u6807\u5B8B",
  body: "\u4EFF\u5B8B_GB2312",
  heading1: "\u9ED1\u4F53",
  heading2: "\u6977\u4F53_GB2312",
  pageNumber: "\u5B8B\u4F53",
  latin: "Times New Roman"
};
const OFFICIAL_PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };
function issuerMarkPt(mark) {
  const mmPerPt = 25.4 / 72;
  const fits = (OFFICIAL_PAGE.width - OFFICIAL_PAGE.left - OFFICIAL_PAGE.right - 4) / [...mark].length / mmPerPt;
  return Math.max(16, Math.min(30, Math.floor(fits)));
}
export {
  OFFICIAL_FONTS,
  OFFICIAL_PAGE,
  chineseNumber,
  issuerMarkPt,
  numberHeadings,
  officialDate
};
//# sourceMappingURL=document.js.map
