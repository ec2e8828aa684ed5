/**
 * Units of measure as the office writes them. Methods and the catalogue store a short English
 * unit ("working days"); screens and exports show it through `measureUnit` so the Chinese UI
 * never shows an English unit.
 */
const UNITS: Record<string, { zh: string; en: string }> = {
  '%': { zh: '%', en: '%' },
  'working days': { zh: '个工作日', en: 'working days' },
  days: { zh: '天', en: 'days' },
  'calendar days': { zh: '天', en: 'calendar days' },
  hours: { zh: '小时', en: 'hours' },
  'hours per year': { zh: '小时/年', en: 'hours per year' },
  steps: { zh: '个环节', en: 'steps' },
  documents: { zh: '件', en: 'documents' },
  items: { zh: '项', en: 'items' },
  number: { zh: '个', en: 'number' },
  'number per year': { zh: '次/年', en: 'per year' },
  USD: { zh: '美元', en: 'USD' },
  'cents on the dollar': { zh: '美分/美元', en: 'cents on the dollar' },
  '% of claim value': { zh: '占索赔额%', en: '% of claim value' },
  '% of income per capita': { zh: '占人均收入%', en: '% of income per capita' },
  '% of profit': { zh: '占利润%', en: '% of profit' },
  '% of property value': { zh: '占财产价值%', en: '% of property value' },
  '% of warehouse value': { zh: '占仓库价值%', en: '% of warehouse value' },
};

/** The unit in both languages; an index range such as "0-15" reads 分（0–15） / points (0–15). */
export function measureUnit(unit: string | null | undefined): { zh: string; en: string } {
  if (!unit) return { zh: '', en: '' };
  const known = UNITS[unit];
  if (known) return known;
  const range = /^(\d+)-(\d+)$/.exec(unit);
  if (range) return { zh: `分（${range[1]}–${range[2]}）`, en: `points (${range[1]}–${range[2]})` };
  return { zh: unit, en: unit };
}

/** A number with its unit as written in each language: "3.3个工作日", "98%", "3.3 working days". */
export function withUnit(value: string, unit: { zh: string; en: string }, lang: 'zh' | 'en'): string {
  const u = unit[lang];
  if (!u) return value;
  return lang === 'zh' || u === '%' ? `${value}${u}` : `${value} ${u}`;
}
