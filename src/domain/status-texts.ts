/** Words of the status results: cancellation causes (R4 rev.) and the correction-letter deadline (R33, R12). */
import { isIsoDate, longDateEn as en, longDateEs as es, type IsoDate } from "./dates";
import type { Deadlines } from "./deadlines";
import type { ProgramType } from "./programs";

/** A located note of a status result (the evaluate step turns it into an issue). */
export interface StatusNote {
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
  messageEn: string;
  field: "filedOn" | "authorizedOn" | "cancelledOn" | "asOf";
  rule: string;
}

type NoteField = StatusNote["field"];

export function note(
  severity: StatusNote["severity"],
  code: string,
  field: NoteField,
  rule: string,
  message: string,
  messageEn: string,
): StatusNote {
  return { severity, code, message, messageEn, field, rule };
}

/** An optional input date: null/undefined/"" → null; an invalid string → null plus an error note. */
export function optionalDate(
  value: IsoDate | null | undefined,
  field: NoteField,
  label: string,
  labelEn: string,
  notes: StatusNote[],
): IsoDate | null {
  if (value === undefined || value === null || value === "") return null;
  if (isIsoDate(value)) return value;
  notes.push(
    note(
      "error",
      "INVALID_DATE",
      field,
      "R15",
      `La ${label} "${String(value)}" no es una fecha válida (AAAA-MM-DD); no se toma en cuenta.`,
      `The ${labelEn} "${String(value)}" is not a valid date (YYYY-MM-DD); it is ignored.`,
    ),
  );
  return null;
}

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
  ALTEX: "Guía RAOCE 2025 (ALTEX)",
  ECEX: "Guía RAOCE 2025 (ECEX)",
};

/** R4: the cause the user typed, else the RAOCE timeline's own when the cancellation is its date (or later). */
export function cancellationCause(typed: string | null | undefined, timeline: Deadlines | null): { es: string; en: string } | null {
  if (typeof typed === "string" && typed.trim() !== "") return { es: typed.trim(), en: typed.trim() };
  if (!timeline) return null;
  const last = timeline.lateUntil ?? timeline.due;
  return {
    es: `no presentó el RAOCE ${timeline.filingYear} a más tardar el ${es(last)}, conforme ${TIMELINE_BASIS[timeline.program].startsWith("Guía") ? "a la" : "al"} ${TIMELINE_BASIS[timeline.program]}`,
    en: `the ${timeline.filingYear} RAOCE was not filed by ${en(last)}, under ${TIMELINE_BASIS[timeline.program]}`,
  };
}

export function timelineCancellation(d: Deadlines): Cancellation {
  const c = cancellationCause(null, d)!;
  return { date: d.cancelledOn, cause: c.es, causeEn: c.en };
}

/** R33/R12: the correction-letter deadline in words; the safe date skips only Saturdays and Sundays. */
export function correctionNotes(by: IsoDate, safe: IsoDate, period: { es: string; en: string } = { es: "", en: "" }): { correctionNote: string; correctionNoteEn: string } {
  const same = by === safe;
  const r = {
    correctionNote: same
      ? `Correcciones por escrito a la SE (Guía RAOCE 2025): a más tardar el ${es(by)}, antes de las 18:00 (5 días hábiles después de la presentación).`
      : `Correcciones por escrito a la SE (Guía RAOCE 2025): a más tardar el ${es(by)}, antes de las 18:00 (5 días hábiles de la SE después de la presentación). Fecha segura, si algún día inhábil no aplicara (se descuentan solo sábados y domingos): ${es(safe)}.`,
    correctionNoteEn: same
      ? `Written corrections to the SE (2025 guide): by ${en(by)}, before 18:00 (5 business days after filing).`
      : `Written corrections to the SE (2025 guide): by ${en(by)}, before 18:00 (5 SE business days after filing). Safe date, in case a non-business day did not apply (only Saturdays and Sundays skipped): ${en(safe)}.`,
  };
  return { correctionNote: r.correctionNote + period.es, correctionNoteEn: r.correctionNoteEn + period.en };
}
