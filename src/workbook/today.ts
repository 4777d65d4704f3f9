/**
 * "Today" for the RAOCE calendar is today's date in Mexico City (domain README §3), not the PC's time zone.
 * Pure apart from the optional clock argument, so tests pass a fixed instant.
 */
import type { IsoDate } from "../domain/dates";

const MEXICO_CITY = "America/Mexico_City";

let formatter: Intl.DateTimeFormat | undefined;

/** The calendar date in America/Mexico_City at the instant `now` (default: the current instant). */
export function todayInMexico(now: Date = new Date()): IsoDate {
  formatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: MEXICO_CITY,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(now)) parts[part.type] = part.value;
  const year = (parts.year ?? "").padStart(4, "0");
  return `${year}-${parts.month ?? ""}-${parts.day ?? ""}`;
}
