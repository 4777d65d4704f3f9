/**
 * R12/R13: business days for Secretaría de Economía procedures.
 * A business day is Monday–Friday outside four layers of non-business days:
 *   1. LFPA art. 28 nominal days, on their own dates (never moved to a Monday);
 *   2. LFT art. 74 Monday holidays (first Monday of Feb, third Monday of Mar and Nov);
 *   3. the presidential handover day (1 Dec in 2000…2018, 1 Oct from 2024, every six years);
 *   4. extra days the user declares (SE acuerdos: Holy Week, year-end closures…).
 * Pure: no clock, no I/O.
 */
import { addDays, dayNumber, daysInMonth, fromDay, isIsoDate, isoDate, weekday, yearOf, type IsoDate } from "./dates";
import { declaredDays } from "./declared-periods";

export interface CalendarOptions {
  /** R12 layer 4: non-business days declared by the user (invalid strings are ignored). */
  extraNonBusinessDays?: readonly IsoDate[];
  /** R12 layer 4 (rev. 2026-11): the SE periods the product knows (declared-periods.ts); false removes them. */
  seDeclaredPeriods?: boolean;
}

/** The calendar part of a larger options object (settings.seDeclaredPeriods === false removes the SE periods). */
export function calendarOf(opts: { extraNonBusinessDays?: readonly IsoDate[]; settings?: { seDeclaredPeriods?: boolean } } | undefined): CalendarOptions {
  const cal: CalendarOptions = {};
  if (opts?.extraNonBusinessDays) cal.extraNonBusinessDays = opts.extraNonBusinessDays;
  if (opts?.settings?.seDeclaredPeriods === false) cal.seDeclaredPeriods = false;
  return cal;
}

export interface Holiday {
  date: IsoDate;
  name: string;
  nameEn: string;
  layer: "LFPA" | "LFT" | "HANDOVER" | "SE" | "USER";
  /** Where a declared day comes from (layer SE). */
  source?: string;
}

type FixedDay = readonly [month: number, day: number, name: string, nameEn: string];

/** R12 layer 1: LFPA art. 28, nominal dates. */
const LFPA_DAYS: readonly FixedDay[] = [
  [1, 1, "Año Nuevo", "New Year's Day"],
  [2, 5, "Día de la Constitución", "Constitution Day"],
  [3, 21, "Natalicio de Benito Juárez", "Benito Juárez's birthday"],
  [5, 1, "Día del Trabajo", "Labour Day"],
  [5, 5, "Batalla de Puebla", "Battle of Puebla"],
  [9, 1, "Informe presidencial", "Presidential address"],
  [9, 16, "Día de la Independencia", "Independence Day"],
  [11, 20, "Día de la Revolución", "Revolution Day"],
  [12, 25, "Navidad", "Christmas Day"],
];

/** R12 layer 2: LFT art. 74 Monday holidays as [month, nth Monday, name, nameEn]. */
const LFT_MONDAYS: readonly FixedDay[] = [
  [2, 1, "Día de la Constitución (primer lunes de febrero)", "Constitution Day (first Monday of February)"],
  [3, 3, "Natalicio de Benito Juárez (tercer lunes de marzo)", "Benito Juárez's birthday (third Monday of March)"],
  [11, 3, "Día de la Revolución (tercer lunes de noviembre)", "Revolution Day (third Monday of November)"],
];

function nthMonday(year: number, month: number, nth: number): IsoDate {
  const first = isoDate(year, month, 1);
  const offset = (8 - weekday(first)) % 7; // days from the 1st to the first Monday
  return addDays(first, offset + (nth - 1) * 7);
}

/** R12 layer 3: handover every six years counted from 2000; 1 Dec until 2018, 1 Oct from 2024 (constitutional reform of 2014). */
function handover(year: number): Holiday | null {
  if ((((year - 2000) % 6) + 6) % 6 !== 0) return null;
  const date = year >= 2024 ? isoDate(year, 10, 1) : isoDate(year, 12, 1);
  return {
    date,
    name: "Transmisión del Poder Ejecutivo Federal",
    nameEn: "Presidential handover",
    layer: "HANDOVER",
  };
}

const officialCache = new Map<number, readonly Holiday[]>();

/** Layers 1–3 for a year, one entry per date (the first layer wins when two coincide, e.g. 5 Feb 2024 was a Monday). */
function officialHolidays(year: number): readonly Holiday[] {
  const cached = officialCache.get(year);
  if (cached) return cached;
  const list: Holiday[] = [];
  const seen = new Set<IsoDate>();
  const push = (h: Holiday): void => {
    if (seen.has(h.date)) return;
    seen.add(h.date);
    list.push(h);
  };
  for (const [m, d, name, nameEn] of LFPA_DAYS) push({ date: isoDate(year, m, d), name, nameEn, layer: "LFPA" });
  for (const [m, nth, name, nameEn] of LFT_MONDAYS) push({ date: nthMonday(year, m, nth), name, nameEn, layer: "LFT" });
  const h = handover(year);
  if (h) push(h);
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  officialCache.set(year, list);
  return list;
}

function userDays(opts?: CalendarOptions): Set<IsoDate> {
  return new Set((opts?.extraNonBusinessDays ?? []).filter((d) => isIsoDate(d)));
}

/** Layers 1–3 of R12 plus the user's days of that year, sorted by date, one entry per date. */
export function holidays(year: number, opts?: CalendarOptions): Holiday[] {
  const list = [...officialHolidays(year)];
  const seen = new Set(list.map((h) => h.date));
  if (opts?.seDeclaredPeriods !== false) {
    for (const [date, p] of declaredDays()) {
      if (yearOf(date) !== year || seen.has(date) || weekday(date) === 0 || weekday(date) === 6) continue;
      seen.add(date);
      list.push({ date, name: p.name, nameEn: p.nameEn, layer: "SE", source: p.source });
    }
  }
  for (const date of userDays(opts)) {
    if (yearOf(date) !== year || seen.has(date)) continue;
    seen.add(date);
    list.push({ date, name: "Día inhábil declarado por el usuario", nameEn: "User-declared non-business day", layer: "USER" });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A predicate over ISO dates with the user's days resolved once (used by the counting loops). */
function businessDayChecker(opts?: CalendarOptions): (date: IsoDate) => boolean {
  const extra = userDays(opts);
  const declared = opts?.seDeclaredPeriods === false ? null : declaredDays();
  return (date) => {
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return false;
    if (extra.has(date)) return false;
    if (declared?.has(date)) return false;
    return !officialHolidays(yearOf(date)).some((h) => h.date === date);
  };
}

/** R12: Monday–Friday and in none of the four layers. Throws RangeError on an invalid ISO date. */
export function isBusinessDay(date: IsoDate, opts?: CalendarOptions): boolean {
  dayNumber(date); // validates
  return businessDayChecker(opts)(date);
}

/**
 * R7/R8/R13: last business day of a month. Steps back from the month's last day; if the user declared every
 * weekday of the month non-business, the result falls in an earlier month.
 */
export function lastBusinessDayOfMonth(year: number, month: number, opts?: CalendarOptions): IsoDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Mes inválido: ${year}-${month}`);
  }
  const isBusiness = businessDayChecker(opts);
  let n = dayNumber(isoDate(year, month, daysInMonth(year, month)));
  while (!isBusiness(fromDay(n))) n -= 1;
  return fromDay(n);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Número de días inválido: ${n}`);
}

/**
 * R7 reactivation / R33 correction letters: the n-th business day after `date` (counting starts the next day);
 * n = 0 returns `date` itself. Example (R12): 2025-08-29 + 2 = 2025-09-03 (1 Sep is an LFPA day).
 */
export function addBusinessDays(date: IsoDate, n: number, opts?: CalendarOptions): IsoDate {
  checkCount(n);
  const isBusiness = businessDayChecker(opts);
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isBusiness(fromDay(day))) left -= 1;
  }
  return fromDay(day);
}

/**
 * R12 rev. 2026-11: a term that starts on a filing made through VUCEM (open 24/7). A filing on a non-business day
 * counts from the next business day: filed Sun 31-May-2026 + 2 → Wed 3-Jun-2026 (the later, safe date for the SE's
 * own terms). On a business day it is addBusinessDays itself.
 */
export function addBusinessDaysFromFiling(filedOn: IsoDate, n: number, opts?: CalendarOptions): IsoDate {
  checkCount(n);
  const isBusiness = businessDayChecker(opts);
  let day = dayNumber(filedOn);
  while (!isBusiness(fromDay(day))) day += 1;
  return addBusinessDays(fromDay(day), n, opts);
}

/** R12: the "safe" count for the user's own deadlines (R33): only weekends are skipped. */
export function addWeekdays(date: IsoDate, n: number): IsoDate {
  checkCount(n);
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    const wd = weekday(fromDay(day));
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return fromDay(day);
}
