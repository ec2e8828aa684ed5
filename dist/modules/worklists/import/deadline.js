const ONGOING = /长期坚持|持续推进|长期推进|持续开展|持续实施|常态化|长期|持续|动态调整/;
const CN_DIGITS = { \u4E00: 1, \u4E8C: 2, \u4E09: 3, \u56DB: 4, \u4E94: 5, \u516D: 6, \u4E03: 7, \u516B: 8, \u4E5D: 9, \u5341: 10, \u5341\u4E00: 11, \u5341\u4E8C: 12 };
function pad(n) {
  return String(n).padStart(2, "0");
}
function lastDayOfMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function num(s) {
  return CN_DIGITS[s] ?? Number(s);
}
function excelSerialToDate(serial) {
  const ms = Math.round((serial - 25569) * 864e5);
  return new Date(ms).toISOString().slice(0, 10);
}
class DeadlineProblem extends Error {
}
function makeDate(y, m, d, text) {
  if (y < 1990 || y > 2100) return { error: `\u5E74\u4EFD ${y} \u4E0D\u5408\u7406 / implausible year in \u201C${text}\u201D` };
  if (!(m >= 1 && m <= 12)) return { error: `\u201C${text}\u201D\u4E2D\u6CA1\u6709\u7B2C ${m} \u6708 / no month ${m}` };
  const last = lastDayOfMonth(y, m);
  const day = d === "end" ? last : d;
  if (day < 1 || day > last) return { error: `${y}\u5E74${m}\u6708\u6CA1\u6709${day}\u65E5 / ${y}-${pad(m)}-${pad(day)} does not exist` };
  return { date: `${y}-${pad(m)}-${pad(day)}` };
}
const CN = "[\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]{1,2}";
const PATTERNS = [
  { re: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/g, build: (m, _y, t) => makeDate(+m[1], +m[2], +m[3], t) },
  { re: new RegExp(`(?:(\\d{4})\\s*\u5E74\\s*)?(?:\u7B2C\\s*)?(\\d|${CN})\\s*\u5B63\u5EA6`, "g"), build: (m, y, t) => withYear(m[1], y, t, (yy) => quarter(yy, num(m[2]), t)) },
  { re: /(?:(\d{4})\s*年\s*)?([上下])半年/g, build: (m, y, t) => withYear(m[1], y, t, (yy) => makeDate(yy, m[2] === "\u4E0A" ? 6 : 12, "end", t)) },
  { re: new RegExp(`(?:(\\d{4})\\s*[\u5E74/.-]\\s*)?(\\d{1,2}|${CN})\\s*\u6708(?:\u4EFD|\u5E95|\u672B|\u4E2D\u65EC|\u4E0B\u65EC|\u4E0A\u65EC)?`, "g"), build: (m, y, t) => withYear(m[1], y, t, (yy) => makeDate(yy, num(m[2]), "end", t)) },
  { re: /(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/g, build: (m, _y, t) => makeDate(+m[1], +m[2], "end", t) },
  { re: /(\d{4})\s*年(?:年?底|年?末|内|全年|前|)/g, build: (m, _y, t) => makeDate(+m[1], 12, "end", t) },
  { re: /(?:今年|本年|年底|年末|年内|全年)/g, build: (_m, y, t) => withYear(void 0, y, t, (yy) => makeDate(yy, 12, "end", t)) }
];
function quarter(y, q, t) {
  if (!(q >= 1 && q <= 4)) return { error: `\u6CA1\u6709\u7B2C ${q} \u5B63\u5EA6 / no quarter ${q} in \u201C${t}\u201D` };
  return makeDate(y, q * 3, "end", t);
}
function withYear(explicit, fallback, t, f) {
  if (explicit) return f(Number(explicit));
  if (fallback === null) return { error: `\u201C${t}\u201D\u6CA1\u6709\u5199\u5E74\u4EFD / no year in \u201C${t}\u201D` };
  return f(fallback);
}
function parseOrThrow(value, defaultYear) {
  if (value === null || value === void 0) return { ok: true, deadline: null, ongoing: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: "\u65E5\u671F\u65E0\u6548 / invalid date" };
    return { ok: true, deadline: value.toISOString().slice(0, 10), ongoing: false };
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return { ok: true, deadline: `${value}-12-31`, ongoing: false };
    if (value >= 3e4 && value < 8e4) return { ok: true, deadline: excelSerialToDate(Math.floor(value)), ongoing: false };
    return { ok: false, message: `\u65E0\u6CD5\u8BC6\u522B\u7684\u5B8C\u6210\u65F6\u9650\u201C${value}\u201D / unrecognised deadline \u201C${value}\u201D` };
  }
  const text = value.normalize("NFKC").replace(/\s+/g, "");
  if (!text) return { ok: true, deadline: null, ongoing: false };
  const year = Number(/(\d{4})\s*年/.exec(text)?.[1] ?? defaultYear) || null;
  let rest = text;
  const dates = [];
  for (const p of PATTERNS) {
    rest = rest.replace(p.re, (...args) => {
      const found = p.build(args, year, text);
      if (!found) return args[0];
      if ("error" in found) throw new DeadlineProblem(found.error);
      dates.push(found.date);
      return "\0";
    });
  }
  if (dates.length) return { ok: true, deadline: dates.sort().at(-1), ongoing: false };
  if (ONGOING.test(text)) return { ok: true, deadline: null, ongoing: true };
  return { ok: false, message: `\u65E0\u6CD5\u8BC6\u522B\u7684\u5B8C\u6210\u65F6\u9650\u201C${value}\u201D\uFF1B\u8BF7\u5199\u65E5\u671F\u3001\u201C2024\u5E746\u6708\u5E95\u201D\u3001\u201C\u7B2C\u4E09\u5B63\u5EA6\u201D\u6216\u201C\u957F\u671F\u575A\u6301\u201D / unrecognised deadline` };
}
function parseDeadline(value, defaultYear) {
  try {
    return parseOrThrow(value, defaultYear);
  } catch (err) {
    if (err instanceof DeadlineProblem) return { ok: false, message: err.message };
    throw err;
  }
}
export {
  excelSerialToDate,
  parseDeadline
};
//# sourceMappingURL=deadline.js.map
