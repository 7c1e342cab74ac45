/** How much of a date the source actually gave. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A date at the precision a source gives it; `iso` is the first day of that period. */
export interface PartialDate {
  iso: string;
  precision: DatePrecision;
}

/** The accepted spellings: 2025, "2025", "2022-02", "2025-08-07". */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Reads a year, year-month or full date as written in a seed document.
 * Returns undefined when it is not a real calendar date (2025-02-30,
 * 2025-13), so the validator can name the value and say why.
 */
export function parsePartialDate(value: string | number): PartialDate | undefined {
  const text = String(value);
  if (!PARTIAL_DATE_PATTERN.test(text)) return undefined;
  const [year, month = 1, day = 1] = text.split('-').map(Number);
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one (UTC avoids DST shifts).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const parts = text.split('-').length;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, precision: parts === 1 ? 'year' : parts === 2 ? 'month' : 'day' };
}
