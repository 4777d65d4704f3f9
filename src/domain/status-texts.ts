/** Words of the status results: cancellation causes (R4 rev.) and the correction-letter deadline (R33, R12). */
import { longDateEn as en, longDateEs as es, type IsoDate } from "./dates";
import type { Deadlines } from "./deadlines";
import type { ProgramType } from "./programs";

/** R4 rev. 2026-11: the cancellation date of a CANCELADO program and its cause, when known. */
export interface Cancellation {
  date: IsoDate;
  cause: string | null;
  causeEn: string | null;
}

/** Basis of each program's RAOCE timeline, in words (R7, R8, R10, R11). */
const TIMELINE_BASIS: Record<ProgramType, string> = {
  IMMEX: "Decreto IMMEX art. 25",
  PROSEC: "Decreto PROSEC art. 8",
  ALTEX: "Guía RAOCE 2025",
  ECEX: "Guía RAOCE 2025",
};

/** R4: the cause the user typed, else the RAOCE timeline's own when the cancellation is its date (or later). */
export function cancellationCause(typed: string | null | undefined, timeline: Deadlines | null): { es: string; en: string } | null {
  if (typeof typed === "string" && typed.trim() !== "") return { es: typed.trim(), en: typed.trim() };
  if (!timeline) return null;
  const last = timeline.lateUntil ?? timeline.due;
  return {
    es: `no presentó el RAOCE ${timeline.filingYear} a más tardar el ${es(last)} (${TIMELINE_BASIS[timeline.program]})`,
    en: `the ${timeline.filingYear} RAOCE was not filed by ${en(last)} (${TIMELINE_BASIS[timeline.program]})`,
  };
}

export function timelineCancellation(d: Deadlines): Cancellation {
  const c = cancellationCause(null, d)!;
  return { date: d.cancelledOn, cause: c.es, causeEn: c.en };
}

/** R33/R12: the correction-letter deadline in words; the safe date skips only Saturdays and Sundays. */
export function correctionNotes(by: IsoDate, safe: IsoDate): { correctionNote: string; correctionNoteEn: string } {
  const same = by === safe;
  return {
    correctionNote: same
      ? `Correcciones por escrito a la SE (Guía RAOCE 2025): a más tardar el ${es(by)}, antes de las 18:00 (5 días hábiles después de la presentación).`
      : `Correcciones por escrito a la SE (Guía RAOCE 2025): a más tardar el ${es(by)}, antes de las 18:00 (5 días hábiles de la SE después de la presentación). Fecha segura, si algún día inhábil no aplicara (se descuentan solo sábados y domingos): ${es(safe)}.`,
    correctionNoteEn: same
      ? `Written corrections to the SE (2025 guide): by ${en(by)}, before 18:00 (5 business days after filing).`
      : `Written corrections to the SE (2025 guide): by ${en(by)}, before 18:00 (5 SE business days after filing). Safe date, in case a non-business day did not apply (only Saturdays and Sundays skipped): ${en(safe)}.`,
  };
}
