/** YYYY-MM-DD with an optional time of day, as the content rules accept it. */
const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Whether the date (and time, if any) of an ISO 8601 string exists on the calendar.
 * `Date.parse` rolls impossible days over ("2025-02-30" becomes 2 March), so an editor's
 * typo would silently date the article wrong; this catches it.
 */
export function isCalendarDate(iso: string): boolean {
  const parts = DATE_PARTS.exec(iso);
  if (!parts) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month! < 1 || month! > 12 || day! < 1) return false;
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return day! <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
