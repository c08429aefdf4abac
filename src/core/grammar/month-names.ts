/**
 * English month names, as people write dates and as the bot's own replies write them ("Fri, Dec 4
 * 07:00–09:00"): "Dec 4", "December 4th", "4 Dec", "Dec 4, 2026" and "Dec 4-6" are read as the
 * numeric dates the date grammar takes (12/4, 2026-12-04, 12/4-12/6). Only a month name next to
 * a day number is touched: "May 5pm" and "march at 10" keep their words.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Most text names no month: it is returned before either pattern runs. */
const MONTH_PREFIX = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** Not a day but a time: "May 5pm", "Dec 4:30", "Dec 4시". */
const NOT_TIME = String.raw`(?![:.]\d|\s*(?:am|pm|a\.m\.|p\.m\.|시|h\b))`;
const YEAR = String.raw`(?:,?\s+(\d{4})\b)?`;
/** "Dec 4", "Dec 4-6", "Dec 4, 2026": the month first. */
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH}\s+${DAY}(?:\s*([-~–]|\.\.)\s*${DAY}\b${NOT_TIME})?\b${NOT_TIME}${YEAR}`, 'gi');
/** "4 Dec", "4th of December 2026": the day first. */
const DAY_FIRST = new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}\b${YEAR}`, 'gi');

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function numeric(month: number, day: string, year: string | undefined): string {
  return year ? `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}` : `${month}/${day}`;
}

export function numericMonths(text: string): string {
  if (!MONTH_PREFIX.test(text)) return text;
  return text
    .replace(MONTH_FIRST, (_whole, name: string, day: string, dash: string | undefined, end: string | undefined, year: string | undefined) => {
      const month = monthNumber(name);
      // "Dec 4-6, 2026" puts the year after the range: it belongs to both ends.
      // Between ISO dates ".." keeps the range unmistakable.
      if (dash && end) return `${numeric(month, day, year)}${dash === '..' || year ? '..' : '-'}${numeric(month, end, year)}`;
      return numeric(month, day, year);
    })
    .replace(DAY_FIRST, (_whole, day: string, name: string, year: string | undefined) => numeric(monthNumber(name), day, year));
}
