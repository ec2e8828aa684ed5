const DAY = 864e5;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function toDays(date) {
  if (!date || date.length !== 10 || date[4] !== "-" || date[7] !== "-") return Number.NaN;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]) return Number.NaN;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return Number.NaN;
  return Date.UTC(y, m - 1, d) / DAY;
}
function fromDays(days) {
  return Number.isFinite(days) ? new Date(days * DAY).toISOString().slice(0, 10) : "";
}
function isValidDate(date) {
  return !Number.isNaN(toDays(date));
}
function addDuration(days, amount, unit) {
  const d = new Date(days * DAY);
  if (unit === "year") d.setUTCFullYear(d.getUTCFullYear() + amount);
  else if (unit === "month") d.setUTCMonth(d.getUTCMonth() + amount);
  else d.setUTCDate(d.getUTCDate() + amount);
  return Math.round(d.getTime() / DAY);
}
function shanghaiDays(now) {
  return Math.floor((now.getTime() + 8 * 36e5) / DAY);
}
export {
  addDuration,
  fromDays,
  isValidDate,
  shanghaiDays,
  toDays
};
//# sourceMappingURL=dates.js.map
