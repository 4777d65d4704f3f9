/**
 * R12 layer 4 (rev. 2026-11): non-business periods the SE declared and the product knows, each with its source.
 * They count as non-business days by default; the user can remove them all with the `seDeclaredPeriods` setting
 * (false), e.g. when a later notice revokes one. Days the user declares are added on top (CalendarOptions).
 */
import { addDays, type IsoDate } from "./dates";

export interface DeclaredPeriod {
  from: IsoDate;
  to: IsoDate;
  name: string;
  nameEn: string;
  /** Where the period was published, shown next to every date it moves. */
  source: string;
  confidence: "H" | "M" | "L";
}

export const SE_DECLARED_PERIODS: readonly DeclaredPeriod[] = Object.freeze([
  Object.freeze({
    from: "2025-12-22",
    to: "2026-01-06",
    name: "Periodo vacacional de la Secretaría de Economía del 22 de diciembre de 2025 al 6 de enero de 2026",
    nameEn: "Ministry of Economy holiday period from 22 December 2025 to 6 January 2026",
    source: "aviso SNICE 516.2025.5545 del 1 de diciembre de 2025",
    confidence: "M" as const,
  }),
]);

let cache: Map<IsoDate, DeclaredPeriod> | null = null;

/** Every day of the known periods → its period (built once; the periods are few and short). */
export function declaredDays(): ReadonlyMap<IsoDate, DeclaredPeriod> {
  if (cache) return cache;
  const map = new Map<IsoDate, DeclaredPeriod>();
  for (const p of SE_DECLARED_PERIODS) {
    for (let d = p.from; d <= p.to; d = addDays(d, 1)) map.set(d, p);
  }
  cache = map;
  return map;
}

/** The known periods that fall in (from, to] — named next to a date they moved (R12 rev.: "shown with their source"). */
export function periodsBetween(from: IsoDate, to: IsoDate, enabled = true): DeclaredPeriod[] {
  if (!enabled) return [];
  return SE_DECLARED_PERIODS.filter((p) => p.to > from && p.from <= to);
}

/** " Cuenta el … (Aviso …)." or "" when no known period lies in between. */
export function periodsNote(from: IsoDate, to: IsoDate, enabled = true): { es: string; en: string } {
  const ps = periodsBetween(from, to, enabled);
  if (ps.length === 0) return { es: "", en: "" };
  return {
    es: ` No cuenta como hábil el ${ps.map((p) => `${p.name.charAt(0).toLowerCase()}${p.name.slice(1)} (${p.source})`).join(" ni el ")}.`,
    en: ` The ${ps.map((p) => `${p.nameEn.charAt(0).toLowerCase()}${p.nameEn.slice(1)} (${p.source})`).join(" and the ")} does not count as business days.`,
  };
}
