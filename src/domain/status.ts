/**
 * §4, R15–R17: status of one program's RAOCE on an as-of date. Pure: "today" is `asOf`.
 * Uses the dates of deadlines.ts (R6–R14) and the business-day calendar (R12) for the reactivation and correction dates.
 */
import { addBusinessDaysFromFiling, addWeekdays, calendarOf, type CalendarOptions } from "./calendar";
import { isIsoDate, longDateEn, longDateEs, yearOf, type IsoDate } from "./dates";
import { deadlines, type DeadlineOptions, type Deadlines } from "./deadlines";
import type { StatusNote } from "./status-texts";
import { cancellationCause, correctionNotes, note, optionalDate, timelineCancellation, type Cancellation } from "./status-texts";
import { periodsNote } from "./declared-periods";
import { linkingFor, prosecAloneBecause, prosecAloneNote, type Exclusion, type HeldProgram } from "./linking";
import { isLinkedProsec, type ProgramType } from "./programs";

export const STATUS_CODES = [
  "NO_OBLIGADO",
  "PERIODO_NO_ABIERTO",
  "EN_PLAZO",
  "PRESENTADO",
  "SUSPENDIDO",
  "PRESENTADO_EXTEMPORANEO",
  "CANCELADO",
] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export const STATUS_LABELS: Record<StatusCode, { es: string; en: string }> = {
  NO_OBLIGADO: { es: "No obligado", en: "Not required to file" },
  PERIODO_NO_ABIERTO: { es: "Periodo aún no abierto", en: "Filing period not open yet" },
  EN_PLAZO: { es: "En plazo", en: "Within the deadline" },
  PRESENTADO: { es: "Presentado en tiempo", en: "Filed on time" },
  SUSPENDIDO: { es: "Suspendido", en: "Suspended" },
  PRESENTADO_EXTEMPORANEO: { es: "Presentado fuera de plazo (reactivación)", en: "Filed late (reactivation)" },
  CANCELADO: { es: "Cancelado", en: "Cancelled" },
};

export type { StatusNote } from "./status-texts";

export interface StatusInput extends DeadlineOptions {
  program: ProgramType;
  filingYear: number;
  heldPrograms: readonly ProgramType[];
  asOf: IsoDate;
  authorizedOn?: IsoDate | null;
  cancelledOn?: IsoDate | null;
  filedOn?: IsoDate | null;
  /** R10/R17: date the IMMEX report was filed, when `program` is PROSEC held with IMMEX (replication). */
  immexFiledOn?: IsoDate | null;
  /**
   * R9 rev. 2026-11: the other programs with their dates. When given, only those in force for the filing link
   * (heldPrograms is then taken as "held", not "linked"); without it heldPrograms is trusted as the in-force list.
   */
  partners?: readonly HeldProgram[];
  /** R4 rev. 2026-11: the cause of a cancellation, when known (shown with its date). */
  cancellationCause?: string | null;
}

export interface StatusResult {
  program: ProgramType;
  status: StatusCode;
  obliged: boolean;
  deadlines: Deadlines;
  /** The filing that counts as of asOf (own or replicated from IMMEX), null if none. */
  effectiveFiledOn: IsoDate | null;
  /** R7: filed + 2 business days, only for PRESENTADO_EXTEMPORANEO. */
  reactivationBy: IsoDate | null;
  /** R33: filed + 5 business days (all R12 layers) when filed. */
  correctionBy: IsoDate | null;
  /** R12: the same count over weekends only (the safe date for the user's own deadline). */
  correctionBySafe: IsoDate | null;
  /** R33 in words: both dates and what each one counts (null when not filed). */
  correctionNote: string | null;
  correctionNoteEn: string | null;
  /** Programs held and in force for this filing (what linking and capture use), this program included. */
  inForce: ProgramType[];
  /** Programs held but not in force for this filing, with why (R3/R4); empty without `partners`. */
  excluded: Exclusion[];
  /** R10/R17: a linked PROSEC whose filing goes through the IMMEX report (false once IMMEX is cancelled unfiled). */
  replicatedFromImmex: boolean;
  /** R4: the cancellation date and its cause, when the program is CANCELADO. */
  cancellation: Cancellation | null;
  /** False for R5 (authorized during the fiscal year) and NO_OBLIGADO. */
  commitmentEvaluated: boolean;
  notes: StatusNote[];
}

const es = longDateEs;
const en = longDateEn;

/** Rule that sets each program's calendar (for the notes). */
const CALENDAR_RULE: Record<ProgramType, string> = { IMMEX: "R7", PROSEC: "R8", ALTEX: "R11", ECEX: "R11" };


/**
 * R15–R17: the status code of `program` for `filingYear` as of `asOf`, with the dates that follow from it.
 * Throws only RangeError: from deadlines() for an unsupported filing year, or for an invalid `asOf`.
 */
export function programStatus(input: StatusInput): StatusResult {
  const { program, filingYear, asOf } = input;
  // R9 rev.: with the partners' dates known, only programs in force for this filing link.
  const linking = input.partners ? linkingFor(input.partners, filingYear) : null;
  const heldPrograms: ProgramType[] = linking
    ? [...new Set<ProgramType>([...linking.inForce.filter((t) => t !== program), program])]
    : [...input.heldPrograms];
  const d = deadlines(program, filingYear, heldPrograms, {
    ...(input.extraNonBusinessDays ? { extraNonBusinessDays: input.extraNonBusinessDays } : {}),
    ...(input.settings ? { settings: input.settings } : {}),
    ...(input.overrides ? { overrides: input.overrides } : {}),
  });
  if (!isIsoDate(asOf)) throw new RangeError(`Fecha de consulta inválida: "${String(asOf)}" (se espera AAAA-MM-DD).`);
  const cal: CalendarOptions = calendarOf(input);
  const calRule = d.linked ? "R10" : CALENDAR_RULE[program];
  const notes: StatusNote[] = [];
  if (program === "PROSEC" && linking && !isLinkedProsec(heldPrograms)) {
    const lost = prosecAloneBecause({ inForce: heldPrograms, excluded: linking.excluded });
    if (lost) {
      const t = prosecAloneNote(lost, filingYear);
      notes.push(note("info", lost.reason === "CANCELLED_BEFORE_APRIL" ? "PROSEC_ALONE_PARTNER_CANCELLED" : "PROSEC_ALONE_PARTNER_NEW", "filedOn", "R9", t.es, t.en));
    }
  }
  const authorizedOn = optionalDate(input.authorizedOn, "authorizedOn", "fecha de autorización", "authorization date", notes);
  const cancelledOn = optionalDate(input.cancelledOn, "cancelledOn", "fecha de cancelación", "cancellation date", notes);
  const filedOn = optionalDate(input.filedOn, "filedOn", "fecha de presentación", "filing date", notes);
  const immexFiledOn = optionalDate(input.immexFiledOn, "filedOn", "fecha de presentación del RAOCE IMMEX", "IMMEX filing date", notes);
  let replicatedFromImmex = program === "PROSEC" && d.linked && heldPrograms.includes("IMMEX");

  const result = (status: StatusCode, extra: Partial<StatusResult> = {}): StatusResult => ({
    program,
    status,
    obliged: status !== "NO_OBLIGADO",
    deadlines: d,
    effectiveFiledOn: null,
    reactivationBy: null,
    correctionBy: null,
    correctionBySafe: null,
    correctionNote: null,
    correctionNoteEn: null,
    commitmentEvaluated: status !== "NO_OBLIGADO",
    notes,
    inForce: heldPrograms,
    excluded: linking?.excluded ?? [],
    replicatedFromImmex,
    cancellation: null,
    ...extra,
  });

  // R3: authorized during (or after) the filing year → does not file that year.
  if (authorizedOn && yearOf(authorizedOn) >= filingYear) {
    const during = yearOf(authorizedOn) === filingYear;
    notes.push(
      note(
        "info",
        during ? "AUTHORIZED_IN_FILING_YEAR" : "AUTHORIZED_AFTER_FILING_YEAR",
        "authorizedOn",
        "R3",
        `Programa autorizado el ${es(authorizedOn)}, ${during ? "durante el" : "después del"} año de presentación ${filingYear}: no presenta el RAOCE ${filingYear}.`,
        `Program authorized on ${en(authorizedOn)}, ${during ? "during" : "after"} filing year ${filingYear}: it does not file the ${filingYear} RAOCE.`,
      ),
    );
    return result("NO_OBLIGADO");
  }

  // R16: which filings count as of asOf. lastDay = last day VUCEM takes the report (no late window for ALTEX/ECEX).
  const lastDay = d.lateUntil ?? d.due;
  const candidates: IsoDate[] = [];
  let filedTooLate = false;
  if (filedOn) {
    if (filedOn < d.opens) {
      notes.push(
        note(
          "error",
          "FILED_BEFORE_OPENING",
          "filedOn",
          "R16",
          `La fecha de presentación (${es(filedOn)}) es anterior al ${es(d.opens)}, cuando abre el periodo del RAOCE ${filingYear}: revise la fecha; no se toma en cuenta.`,
          `The filing date (${en(filedOn)}) is before ${en(d.opens)}, when the ${filingYear} RAOCE window opens: check the date; it is ignored.`,
        ),
      );
    } else {
      if (filedOn > lastDay) {
        const counted = filedOn <= asOf;
        notes.push(
          note(
            "warning",
            "FILED_AFTER_LAST_DAY",
            "filedOn",
            "R16",
            `La fecha de presentación (${es(filedOn)}) es posterior al último día para presentar (${es(lastDay)}): VUCEM ya no recibe el reporte en esa fecha${counted ? ", así que el programa se considera cancelado" : ""}. Revise la fecha.`,
            `The filing date (${en(filedOn)}) is after the last day to file (${en(lastDay)}): VUCEM no longer takes the report then${counted ? ", so the program is treated as cancelled" : ""}. Check the date.`,
          ),
        );
      }
      if (filedOn > asOf) {
        notes.push(
          note(
            "info",
            "FILED_AFTER_AS_OF",
            "filedOn",
            "R15",
            `La fecha de presentación (${es(filedOn)}) es posterior a la fecha de consulta (${es(asOf)}): a esa fecha el RAOCE aún no se había presentado.`,
            `The filing date (${en(filedOn)}) is after the as-of date (${en(asOf)}): on that date the RAOCE had not been filed yet.`,
          ),
        );
      } else if (filedOn > lastDay) filedTooLate = true;
      else candidates.push(filedOn);
    }
  }

  // R10/R17: for PROSEC held with IMMEX, the IMMEX report is replicated to PROSEC if filed by PROSEC's last day.
  let replicated: IsoDate | null = null;
  if (immexFiledOn && program === "PROSEC") {
    const immexOut = linking?.excluded.find((e) => e.type === "IMMEX");
    if (!heldPrograms.includes("IMMEX")) {
      notes.push(
        note(
          "info",
          "IMMEX_NOT_HELD",
          "filedOn",
          "R17",
          immexOut
            ? `Se indicó una fecha de presentación del RAOCE IMMEX, pero IMMEX no presenta el RAOCE ${filingYear} (${immexOut.reason === "CANCELLED_BEFORE_APRIL" ? `cancelado el ${es(immexOut.date)}` : `autorizado el ${es(immexOut.date)}`}): no se replica a PROSEC.`
            : "Se indicó una fecha de presentación del RAOCE IMMEX, pero la empresa no tiene IMMEX entre sus programas: no se replica a PROSEC.",
          immexOut
            ? `An IMMEX filing date was given, but IMMEX does not file the ${filingYear} RAOCE (${immexOut.reason === "CANCELLED_BEFORE_APRIL" ? `cancelled on ${en(immexOut.date)}` : `authorized on ${en(immexOut.date)}`}): it is not replicated to PROSEC.`
            : "An IMMEX filing date was given, but IMMEX is not among the company's programs: it is not replicated to PROSEC.",
        ),
      );
    } else if (immexFiledOn < d.opens) {
      notes.push(
        note(
          "warning",
          "IMMEX_FILED_BEFORE_OPENING",
          "filedOn",
          "R16",
          `La fecha de presentación del RAOCE IMMEX (${es(immexFiledOn)}) es anterior al ${es(d.opens)}: no se toma en cuenta para PROSEC.`,
          `The IMMEX filing date (${en(immexFiledOn)}) is before ${en(d.opens)}: it is ignored for PROSEC.`,
        ),
      );
    } else if (immexFiledOn <= asOf) {
      if (immexFiledOn <= lastDay) {
        candidates.push(immexFiledOn);
        replicated = immexFiledOn;
      } else {
        notes.push(
          note(
            "info",
            "IMMEX_FILED_AFTER_PROSEC_LAST_DAY",
            "filedOn",
            "R10",
            `El RAOCE IMMEX se presentó el ${es(immexFiledOn)}, después del último día para PROSEC (${es(lastDay)}): la réplica ya no reactiva PROSEC, que se cancela el ${es(d.cancelledOn)}.`,
            `The IMMEX RAOCE was filed on ${en(immexFiledOn)}, after PROSEC's last day (${en(lastDay)}): the replication no longer reactivates PROSEC, which is cancelled on ${en(d.cancelledOn)}.`,
          ),
        );
      }
    }
  }
  const effective = candidates.length ? candidates.reduce((a, b) => (b < a ? b : a)) : null;
  // R4/R10: an IMMEX cancelled on or after 1 April still links (PROSEC keeps its May dates), but once cancelled it
  // files nothing that VUCEM could replicate to PROSEC.
  const immexGone = input.partners?.find((x) => x.type === "IMMEX" && isIsoDate(x.cancelledOn) && x.cancelledOn >= d.opens && x.cancelledOn <= asOf)?.cancelledOn ?? null;
  if (program === "PROSEC" && d.linked && heldPrograms.includes("IMMEX") && immexGone && effective === null) {
    replicatedFromImmex = false;
    notes.push(
      note(
        "info",
        "LINKED_IMMEX_CANCELLED",
        "filedOn",
        "R10",
        `IMMEX está cancelado desde el ${es(immexGone)}; como seguía vigente el 1 de abril de ${filingYear}, PROSEC sigue ligado y conserva sus fechas (vence el ${es(d.due)}), pero no cuente con la réplica del reporte IMMEX: confirme con la SE cómo presentar el de PROSEC.`,
        `IMMEX is cancelled since ${en(immexGone)}; as it was still in force on 1 April ${filingYear}, PROSEC stays linked and keeps its dates (due ${en(d.due)}), but do not count on the replication of the IMMEX report: ask the SE how to file PROSEC's.`,
      ),
    );
  }
  if (effective !== null && effective === replicated && effective !== filedOn) {
    notes.push(
      note(
        "info",
        "REPLICATED_FROM_IMMEX",
        "filedOn",
        "R17",
        `Cuenta la presentación del RAOCE IMMEX del ${es(effective)}: la VUCEM la replica al reporte PROSEC.`,
        `The IMMEX RAOCE filed on ${en(effective)} counts: VUCEM replicates it to the PROSEC report.`,
      ),
    );
  }

  // R4 rev. 2026-11: cancelled before 1 April → does not file (NO_OBLIGADO); cancelled on or after it (by the RAOCE
  // timeline or any other cause) → CANCELADO from that date, never NO_OBLIGADO, which would hide the breach.
  if (cancelledOn && cancelledOn <= asOf) {
    if (effective === null || effective >= cancelledOn) {
      if (cancelledOn < d.opens) {
        const typedCause = cancellationCause(input.cancellationCause, null);
        notes.push(
          note(
            "info",
            "PROGRAM_CANCELLED",
            "cancelledOn",
            "R4",
            `Programa cancelado el ${es(cancelledOn)}${typedCause ? ` (causa: ${typedCause.es})` : ""}, antes del 1 de abril de ${filingYear}: no presenta el RAOCE ${filingYear}.`,
            `Program cancelled on ${en(cancelledOn)}${typedCause ? ` (cause: ${typedCause.en})` : ""}, before 1 April ${filingYear}: it does not file the ${filingYear} RAOCE.`,
          ),
        );
        return result("NO_OBLIGADO", { notes: notes.filter((n) => n.severity === "error" || n.code === "PROGRAM_CANCELLED") });
      }
      const cause = cancellationCause(input.cancellationCause, effective === null && cancelledOn >= d.cancelledOn ? d : null);
      notes.push(
        note(
          "warning",
          "PROGRAM_CANCELLED_IN_FILING_YEAR",
          "cancelledOn",
          "R4",
          `Programa cancelado desde el ${es(cancelledOn)}${cause ? ` (causa: ${cause.es})` : ""}, sin haber presentado el RAOCE ${filingYear}: el estado es «Cancelado», no «No obligado».`,
          `Program cancelled from ${en(cancelledOn)}${cause ? ` (cause: ${cause.en})` : ""}, without having filed the ${filingYear} RAOCE: the status is "Cancelled", not "Not required to file".`,
        ),
      );
      return result("CANCELADO", { commitmentEvaluated: false, cancellation: { date: cancelledOn, cause: cause?.es ?? null, causeEn: cause?.en ?? null } });
    }
    notes.push(
      note(
        "info",
        "CANCELLED_AFTER_FILING",
        "cancelledOn",
        "R4",
        `El programa se canceló el ${es(cancelledOn)}, después de presentar el RAOCE ${filingYear}.`,
        `The program was cancelled on ${en(cancelledOn)}, after filing the ${filingYear} RAOCE.`,
      ),
    );
  }

  // R5: authorized during the fiscal year → files, but the export commitment is not evaluated.
  let commitmentEvaluated = true;
  if (authorizedOn && yearOf(authorizedOn) === d.fiscalYear) {
    commitmentEvaluated = false;
    notes.push(
      note(
        "info",
        "AUTHORIZED_IN_FISCAL_YEAR",
        "authorizedOn",
        "R5",
        `Programa autorizado el ${es(authorizedOn)}, durante el ejercicio ${d.fiscalYear}: presenta el RAOCE ${filingYear}, pero su compromiso de exportación no se evalúa por ese ejercicio.`,
        `Program authorized on ${en(authorizedOn)}, during fiscal year ${d.fiscalYear}: it files the ${filingYear} RAOCE, but its export commitment is not evaluated for that year.`,
      ),
    );
  }

  if (effective !== null) {
    const correctionBy = addBusinessDaysFromFiling(effective, 5, cal); // R33 with all R12 layers
    const correctionBySafe = addWeekdays(effective, 5); // R12: weekends only, the safe date
    const correction = {
      effectiveFiledOn: effective,
      correctionBy,
      correctionBySafe,
      ...correctionNotes(correctionBy, correctionBySafe, periodsNote(effective, correctionBy, cal.seDeclaredPeriods !== false)),
      commitmentEvaluated,
    };
    // §4: the due day itself is on time — the 2025 guide's window runs "hasta" the due date (inclusive), even though
    // its suspension bullet says "antes de la fecha señalada".
    if (effective <= d.due) return result("PRESENTADO", correction);
    // R7/R10: filing during the suspension reactivates the program within 2 business days.
    const reactivationBy = addBusinessDaysFromFiling(effective, 2, cal); // R12 rev.: from the next business day
    notes.push(
      note(
        "info",
        "LATE_FILING_REACTIVATION",
        "filedOn",
        program === "PROSEC" ? "R8" : "R7",
        `Presentado después del vencimiento (${es(d.due)}): la SE reactiva el programa a más tardar el ${es(reactivationBy)} (2 días hábiles), sin necesidad de solicitarlo.${periodsNote(effective, reactivationBy, cal.seDeclaredPeriods !== false).es}`,
        `Filed after the due date (${en(d.due)}): the SE reactivates the program by ${en(reactivationBy)} (2 business days), with no request needed.${periodsNote(effective, reactivationBy, cal.seDeclaredPeriods !== false).en}`,
      ),
    );
    return result("PRESENTADO_EXTEMPORANEO", { ...correction, reactivationBy });
  }
  if (filedTooLate) return result("CANCELADO", { commitmentEvaluated, cancellation: timelineCancellation(d) });

  // Not filed as of asOf.
  if (asOf < d.opens) return result("PERIODO_NO_ABIERTO", { commitmentEvaluated });
  if (asOf <= d.due) return result("EN_PLAZO", { commitmentEvaluated });
  if (d.lateUntil !== null && asOf < d.cancelledOn) {
    notes.push(
      note(
        "warning",
        "SUSPENDED_MAY_FILE",
        "filedOn",
        calRule,
        asOf <= d.lateUntil
          ? `No se presentó a más tardar el ${es(d.due)}: el programa está suspendido. Aún puede presentar hasta el ${es(d.lateUntil)}; de lo contrario se cancela el ${es(d.cancelledOn)}.`
          : `No se presentó a más tardar el ${es(d.due)}: el programa está suspendido. El último día para presentar fue el ${es(d.lateUntil)}; el programa se cancela el ${es(d.cancelledOn)}.`,
        asOf <= d.lateUntil
          ? `Not filed by ${en(d.due)}: the program is suspended. It may still file until ${en(d.lateUntil)}; otherwise it is cancelled on ${en(d.cancelledOn)}.`
          : `Not filed by ${en(d.due)}: the program is suspended. The last day to file was ${en(d.lateUntil)}; the program is cancelled on ${en(d.cancelledOn)}.`,
      ),
    );
    return result("SUSPENDIDO", { commitmentEvaluated });
  }
  // R11: ALTEX/ECEX have no suspension stage — once past due, the program is cancelled.
  notes.push(
    note(
      "warning",
      "NOT_FILED_CANCELLED",
      "filedOn",
      calRule,
      d.lateUntil === null
        ? `No se presentó a más tardar el ${es(d.due)} y ${program} no tiene etapa de suspensión: el programa se cancela el ${es(d.cancelledOn)}.`
        : `No se presentó a más tardar el ${es(d.lateUntil)}: el programa se cancela el ${es(d.cancelledOn)}.`,
      d.lateUntil === null
        ? `Not filed by ${en(d.due)} and ${program} has no suspension stage: the program is cancelled on ${en(d.cancelledOn)}.`
        : `Not filed by ${en(d.lateUntil)}: the program is cancelled on ${en(d.cancelledOn)}.`,
    ),
  );
  return result("CANCELADO", { commitmentEvaluated, cancellation: timelineCancellation(d) });
}
