/**
 * R6–R11, R14: the RAOCE dates of one program for one filing year.
 * Precedence for each date (R14): user override in the workbook > official table of that year > computed rule.
 * Where the rules and that year's official guide disagree, the guide wins (it is the official table, see rule-table.ts).
 */
import { calendarOf, isBusinessDay, lastBusinessDayOfMonth, type CalendarOptions } from "./calendar";
import { addDays, daysBetween, isIsoDate, isoDate, longDateEn, longDateEs, MONTHS_EN, MONTHS_ES, type IsoDate } from "./dates";
import { isLinkedProsec, type ProgramType } from "./programs";
import {
  MAX_FILING_YEAR,
  MIN_FILING_YEAR,
  isSupportedFilingYear,
  officialDates,
  type DeadlineKey,
  type OfficialDate,
} from "./rule-table";
import { DEFAULT_SETTINGS, type RuleSettings } from "./settings";

/** R14: dates the user typed in the workbook; they win over the table and the rules (source "usuario"). */
export interface DeadlineOverrides {
  due?: IsoDate;
  lateUntil?: IsoDate;
  cancelledOn?: IsoDate;
}

export interface DeadlineOptions extends CalendarOptions {
  settings?: Partial<RuleSettings>;
  overrides?: DeadlineOverrides;
}

export interface Deadlines {
  program: ProgramType;
  filingYear: number;
  fiscalYear: number;
  /** R9: true for PROSEC held with IMMEX, ALTEX or ECEX (the only case where linking moves a date). */
  linked: boolean;
  opens: IsoDate;
  due: IsoDate;
  lateUntil: IsoDate | null;
  cancelledOn: IsoDate;
  source: string;
  basis: string;
  confidence: "H" | "M" | "L";
  note: string | null;
  noteEn: string | null;
}

export type Milestone = "opens" | "due" | "late" | "cancelled";

type Origin = "user" | "official" | "rule";
interface Resolved {
  date: IsoDate;
  origin: Origin;
  label: string;
}

const USER_LABEL = "usuario (fecha capturada en el libro)";

const BASIS: Record<DeadlineKey, string> = {
  IMMEX: "Decreto IMMEX art. 25; Guía RAOCE 2025",
  PROSEC: "Decreto PROSEC art. 8; Guía RAOCE 2025",
  PROSEC_LINKED: "Decreto PROSEC art. 8; regla 3.2.16 g del Acuerdo de reglas de la SE (DOF del 9 de mayo de 2022); Guía RAOCE 2025",
  ALTEX: "Decreto IMMEX (DOF del 24 de diciembre de 2010), cuarto transitorio; Guía RAOCE 2025",
  ECEX: "Decreto IMMEX (DOF del 24 de diciembre de 2010), cuarto transitorio; Guía RAOCE 2025",
};



function deadlineKey(program: ProgramType, linked: boolean): DeadlineKey {
  if (program === "PROSEC") return linked ? "PROSEC_LINKED" : "PROSEC";
  return program;
}

/** A computed date: the legal basis is shown apart (`basis`), so the source only says where the date came from. */
const rule = (date: IsoDate, filingYear: number, hasTable = false): Resolved => ({
  date,
  origin: "rule",
  label: hasTable ? "calculada (la fecha oficial cae en un día inhábil declarado)" : `calculada (la SE no ha publicado fechas para ${filingYear})`,
});
const official = (o: OfficialDate): Resolved => ({ date: o.date, origin: "official", label: `${o.source} (tabla oficial)` });
const user = (date: IsoDate): Resolved => ({ date, origin: "user", label: USER_LABEL });

/** Collects the Spanish/English notes and the lowest confidence met while resolving the dates. */
class Notes {
  es: string[] = [];
  en: string[] = [];
  confidence: "H" | "M" | "L" = "H";
  add(es: string, en: string, confidence?: "M" | "L"): void {
    this.es.push(es);
    this.en.push(en);
    if (confidence === "L" || (confidence === "M" && this.confidence === "H")) this.confidence = confidence;
  }
}

function validOverride(value: IsoDate | undefined, label: string, labelEn: string, notes: Notes): IsoDate | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (isIsoDate(value)) return value;
  notes.add(
    `Se ignoró la fecha capturada para ${label} («${String(value)}»): no es una fecha válida.`,
    `The date entered for ${labelEn} ("${String(value)}") was ignored: it is not a valid date.`,
    "M",
  );
  return undefined;
}

/**
 * An official "last business day" date is used unless the user declared it non-business (R12 layer 4): then the
 * rule recomputes the last business day of the month and a note says so.
 */
function officialBusinessDate(o: OfficialDate | undefined, cal: CalendarOptions, notes: Notes): OfficialDate | undefined {
  if (!o || isBusinessDay(o.date, cal)) return o;
  notes.add(
    `La fecha oficial del ${longDateEs(o.date)} (${o.source}) está entre los días inhábiles declarados; se usa el último día hábil calculado del mes.`,
    `The official date ${longDateEn(o.date)} (${o.source}) is among the declared non-business days; the computed last business day of the month is used.`,
    "M",
  );
  return undefined;
}

/** Where the dates come from, in words; shown under a "Fuente de las fechas" heading, so it never repeats it. */
function describeSource(due: Resolved, late: Resolved | null, cancelled: Resolved): string {
  const labels = [due.label, late?.label ?? due.label, cancelled.label];
  const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
  if (labels.every((l) => l === labels[0])) {
    return late ? capital(due.label) : `${capital(due.label)}; sin periodo extemporáneo (Guía RAOCE 2025)`;
  }
  const lateText = late ? late.label : "no hay (Guía RAOCE 2025)";
  return `Vencimiento: ${due.label}; límite extemporáneo: ${lateText}; cancelación: ${cancelled.label}`;
}

/**
 * R6–R11/R14 dates of `program` for `filingYear`. `heldPrograms` lists the programs the company holds (with or without
 * `program` itself): PROSEC is linked when it includes IMMEX, ALTEX or ECEX (R9).
 * Throws RangeError (Spanish message) when filingYear is not an integer in [MIN_FILING_YEAR, MAX_FILING_YEAR].
 */
export function deadlines(
  program: ProgramType,
  filingYear: number,
  heldPrograms: readonly ProgramType[],
  opts: DeadlineOptions = {},
): Deadlines {
  if (!isSupportedFilingYear(filingYear)) {
    throw new RangeError(
      `Año de presentación no soportado: ${String(filingYear)}. Debe ser un año entero entre ${MIN_FILING_YEAR} y ${MAX_FILING_YEAR}.`,
    );
  }
  const mayFromYear = opts.settings?.linkedProsecMayFromYear ?? DEFAULT_SETTINGS.linkedProsecMayFromYear;
  const cal: CalendarOptions = calendarOf(opts);
  const linked = program === "PROSEC" && isLinkedProsec(heldPrograms.includes("PROSEC") ? heldPrograms : [...heldPrograms, "PROSEC"]);
  const key = deadlineKey(program, linked);
  const table = officialDates(filingYear, key);
  const notes = new Notes();
  const ov = opts.overrides ?? {};
  const ovDue = validOverride(ov.due, "el vencimiento", "the due date", notes);
  const ovLate = validOverride(ov.lateUntil, "el límite extemporáneo", "the late-filing limit", notes);
  const ovCancel = validOverride(ov.cancelledOn, "la cancelación", "the cancellation", notes);
  const noLateWindow = key === "ALTEX" || key === "ECEX";

  // R6: the window opens on 1 April for every program.
  const opens = isoDate(filingYear, 4, 1);

  // R7/R8/R9/R11: due on the last business day of May (April for PROSEC alone; R9 switch for linked PROSEC).
  const mayForLinked = filingYear >= mayFromYear;
  const dueMonth = key === "PROSEC" || (key === "PROSEC_LINKED" && !mayForLinked) ? 4 : 5;
  const tableDue = officialBusinessDate(table?.due, cal, notes);
  const due: Resolved = ovDue
    ? user(ovDue)
    : tableDue
      ? official(tableDue)
      : rule(lastBusinessDayOfMonth(filingYear, dueMonth, cal), filingYear, table?.due !== undefined);

  if (key === "PROSEC_LINKED" && due.origin === "rule") {
    // R9 (M up to filing year 2023): dated sources said April for linked holders; the switch year is a setting.
    const uncertain = filingYear <= 2023 || !mayForLinked;
    if (uncertain) {
      notes.add(
        `PROSEC ligado a IMMEX, ALTEX o ECEX: las fuentes fechadas hasta 2023 indican el último día hábil de abril; la regla 3.2.16 g (DOF del 9 de mayo de 2022) y la Guía RAOCE 2025 indican mayo. Se usa ${MONTHS_ES[dueMonth - 1]} según la configuración (mayo a partir de ${mayFromYear}). Confirme la fecha con la SE.`,
        `PROSEC linked with IMMEX, ALTEX or ECEX: sources dated up to 2023 say the last business day of April; rule 3.2.16 g (DOF of 9 May 2022) and the 2025 guide say May. ${MONTHS_EN[dueMonth - 1]} is used per the settings (May from ${mayFromYear}). Confirm the date with the SE.`,
        "M",
      );
    }
  }
  if (noLateWindow && due.origin === "rule") {
    notes.add(
      `Sólo la Guía RAOCE 2025 fija las fechas de ALTEX y ECEX (último día hábil de mayo, sin suspensión, cancelación al día siguiente); para ${filingYear} se aplican por analogía. Confirme con la SE.`,
      `Only the 2025 guide sets the ALTEX and ECEX dates (last business day of May, no suspension, cancellation the next day); for ${filingYear} they are applied by analogy. Confirm with the SE.`,
      "M",
    );
  }

  // R7/R8/R10: late filing until the last business day of August (IMMEX) or June (PROSEC); R11: none for ALTEX/ECEX.
  let late: Resolved | null = null;
  if (noLateWindow) {
    if (ovLate) {
      notes.add(
        `ALTEX y ECEX no tienen periodo de presentación extemporánea (Guía RAOCE 2025); se ignoró la fecha límite capturada (${longDateEs(ovLate)}).`,
        `ALTEX and ECEX have no late-filing window (2025 guide); the late-filing limit entered (${longDateEn(ovLate)}) was ignored.`,
      );
    }
  } else {
    const tableLate = officialBusinessDate(table?.lateUntil, cal, notes);
    late = ovLate
      ? user(ovLate)
      : tableLate
        ? official(tableLate)
        : rule(lastBusinessDayOfMonth(filingYear, key === "IMMEX" ? 8 : 6, cal), filingYear, table?.lateUntil !== undefined);
  }

  // R7: IMMEX cancelled 1 Sep; R8/R10: PROSEC 1 Jul (fixed calendar dates); R11: ALTEX/ECEX the day after due.
  let cancelled: Resolved;
  if (ovCancel) cancelled = user(ovCancel);
  else if (noLateWindow) {
    // The table's cancellation only goes with the table's due date; otherwise it follows the effective due date.
    cancelled = due.origin === "official" && table?.cancelledOn ? official(table.cancelledOn) : rule(addDays(due.date, 1), filingYear);
    if (due.origin === "user") cancelled = { ...cancelled, label: `${cancelled.label} (día siguiente al vencimiento capturado por el usuario)` };
  } else if (table?.cancelledOn) cancelled = official(table.cancelledOn);
  else cancelled = rule(isoDate(filingYear, key === "IMMEX" ? 9 : 7, 1), filingYear);

  const lastDay = late?.date ?? due.date;
  if (!(opens <= due.date && due.date <= lastDay && lastDay < cancelled.date)) {
    notes.add(
      "Las fechas no siguen el orden esperado (apertura ≤ vencimiento ≤ límite extemporáneo < cancelación); revise las fechas capturadas.",
      "The dates are out of the expected order (opening ≤ due ≤ late-filing limit < cancellation); check the dates entered.",
      "L",
    );
  }

  return {
    program,
    filingYear,
    fiscalYear: filingYear - 1, // R1
    linked,
    opens,
    due: due.date,
    lateUntil: late?.date ?? null,
    cancelledOn: cancelled.date,
    source: describeSource(due, late, cancelled),
    basis: BASIS[key],
    confidence: notes.confidence,
    note: notes.es.length ? notes.es.join(" ") : null,
    noteEn: notes.en.length ? notes.en.join(" ") : null,
  };
}

/**
 * The next milestone on or after `asOf`: the earliest of opens, due, late (= lateUntil, the last day to file late)
 * and cancelled that is >= asOf (ties keep that order). daysLeft counts calendar days; null when all have passed.
 */
export function nextMilestone(d: Deadlines, asOf: IsoDate): { milestone: Milestone; date: IsoDate; daysLeft: number } | null {
  const list: [Milestone, IsoDate | null][] = [
    ["opens", d.opens],
    ["due", d.due],
    ["late", d.lateUntil],
    ["cancelled", d.cancelledOn],
  ];
  let best: { milestone: Milestone; date: IsoDate } | null = null;
  for (const [milestone, date] of list) {
    if (date === null || date < asOf) continue;
    if (!best || date < best.date) best = { milestone, date };
  }
  return best ? { ...best, daysLeft: daysBetween(asOf, best.date) } : null;
}
