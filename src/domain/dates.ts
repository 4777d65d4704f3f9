/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and as day numbers (days since 1970-01-01).
 * The domain never reads a clock: "today" is always passed in (see src/cli/today.ts for Mexico City's today).
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface YMD {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses a strict `YYYY-MM-DD` string; returns null for anything that is not a real calendar date. */
export function parseIsoDate(text: unknown): YMD | null {
  if (typeof text !== "string") return null;
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: unknown): text is IsoDate {
  return parseIsoDate(text) !== null;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function toDayNumber(ymd: YMD): number {
  return Math.round(Date.UTC(ymd.year, ymd.month - 1, ymd.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): YMD {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatIsoDate(ymd: YMD): IsoDate {
  const y = String(ymd.year).padStart(4, "0");
  const m = String(ymd.month).padStart(2, "0");
  const d = String(ymd.day).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return formatIsoDate({ year, month, day });
}

/** Day number of a valid ISO date; throws on an invalid one (callers validate first). */
export function dayNumber(iso: IsoDate): number {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new RangeError(`Not an ISO date: ${String(iso)}`);
  return toDayNumber(ymd);
}

export function fromDay(n: number): IsoDate {
  return formatIsoDate(fromDayNumber(n));
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDay(dayNumber(iso) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** ISO strings compare correctly as strings; these helpers keep intent readable. */
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;
export const yearOf = (iso: IsoDate): number => Number(iso.slice(0, 4));

export const MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"] as const;
export const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** "30 de mayo de 2025": dates in messages are written out for the accountant (invalid input is echoed). */
export function longDateEs(date: IsoDate): string {
  const d = parseIsoDate(date);
  return d ? `${d.day} de ${MONTHS_ES[d.month - 1]} de ${d.year}` : String(date);
}

/** "30 May 2025". */
export function longDateEn(date: IsoDate): string {
  const d = parseIsoDate(date);
  return d ? `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}` : String(date);
}

/**
 * A date as people type it: ISO `2026-05-30` or day first, `30/05/2026` (also 30-05-2026, 30.05.2026 and 1/6/2026),
 * always with a four-digit year. Null for anything else (05/30/2026, 30/05/26, 31/02/2026): month-first and two-digit
 * years are refused rather than guessed. Shared by the CLI's options and the pane's settings form.
 */
export function parseDayFirstDate(text: unknown): IsoDate | null {
  if (typeof text !== "string") return null;
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/** "30/05/2026": an ISO date in the day-first numeric form an accountant types (invalid input is echoed). */
export function dayFirstDate(date: IsoDate): string {
  const d = parseIsoDate(date);
  return d ? `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}` : String(date);
}
