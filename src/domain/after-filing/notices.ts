/**
 * R34 / R49: changes the program holder must notify to the SE within 10 business days from the date the change
 * occurs (SE rule 1.3.12, DOF 12-Feb-2026, in force 13-Feb-2026; IMMEX already since the 9-May-2022 rules).
 * Each recorded change gets its deadline (R12 calendar), a status and a draft escrito libre. Pure.
 */
import { addBusinessDays, addWeekdays, type CalendarOptions } from "../calendar";
import { isIsoDate, longDateEn, longDateEs, type IsoDate } from "../dates";
import { issue, type Issue } from "../issues";

export interface NoticeType {
  key: string;
  /** What the template's dropdown shows. */
  label: string;
  labelEn: string;
  attachments: string[];
}

/** The catalog of rule 1.3.12 (the dropdown of the Avisos sheet). */
export const NOTICE_TYPES: readonly NoticeType[] = [
  { key: "name", label: "Denominación o razón social", labelEn: "Company name", attachments: ["Escritura pública del cambio de denominación, con datos de inscripción en el Registro Público de Comercio.", "Constancia de situación fiscal actualizada."] },
  { key: "partners", label: "Socios o accionistas", labelEn: "Partners or shareholders", attachments: ["Acta o escritura de la modificación de socios o accionistas."] },
  { key: "representative", label: "Representante legal", labelEn: "Legal representative", attachments: ["Poder notarial del nuevo representante legal.", "Identificación oficial del nuevo representante legal."] },
  { key: "fiscalDomicile", label: "Domicilio fiscal", labelEn: "Fiscal domicile", attachments: ["Acuse del aviso de cambio de domicilio fiscal ante el SAT.", "Constancia de situación fiscal actualizada."] },
  { key: "plantDomicile", label: "Domicilio de planta o bodega (alta, baja o cambio)", labelEn: "Plant or warehouse domicile (added, removed or changed)", attachments: ["Acuse del aviso de apertura o cierre de establecimiento ante el SAT.", "Documento que acredite el uso del inmueble (contrato de arrendamiento, comodato o escritura)."] },
];

export const NOTICE_LABELS: readonly string[] = NOTICE_TYPES.map((t) => t.label);

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** The catalog entry for what the user typed or picked (label, key or a leading word), or null. */
export function parseNoticeType(text: unknown): NoticeType | null {
  if (typeof text !== "string" || !text.trim()) return null;
  const t = fold(text);
  return NOTICE_TYPES.find((n) => fold(n.label) === t || fold(n.key) === t || fold(n.labelEn) === t) ?? NOTICE_TYPES.find((n) => fold(n.label).startsWith(t) && t.length >= 5) ?? null;
}

/** The rule that sets the 10-business-day term on the date of the change (rule 1.3.12 is in force from 13-Feb-2026). */
export function noticeBasis(occurredOn: IsoDate | null): string {
  return !occurredOn || occurredOn >= "2026-02-13"
    ? "regla 1.3.12 de las Reglas de la SE, DOF 12 de febrero de 2026"
    : "Reglas y criterios de carácter general en materia de comercio exterior de la SE, DOF 9 de mayo de 2022";
}

export type NoticeStatus = "pendiente" | "presentado" | "presentado fuera de plazo" | "vencido" | "sin fecha";

export interface NoticeRow {
  type?: unknown;
  description?: unknown;
  occurredOn?: unknown;
  notifiedOn?: unknown;
  folio?: unknown;
}

export interface ChangeNotice {
  index: number;
  type: string | null;
  typeText: string | null;
  description: string | null;
  occurredOn: IsoDate | null;
  notifiedOn: IsoDate | null;
  folio: string | null;
  deadline: IsoDate | null;
  safeDeadline: IsoDate | null;
  status: NoticeStatus;
  /** Business days left to the deadline (0 = today), when pending. */
  businessDaysLeft: number | null;
}

function businessDaysBetween(from: IsoDate, to: IsoDate, calendar: CalendarOptions): number {
  // Small ranges (≤ 10 business days): count forward.
  let n = 0;
  while (addBusinessDays(from, n + 1, calendar) <= to && n < 400) n++;
  return n;
}

export function evaluateNotices(rows: readonly NoticeRow[], today: IsoDate, calendar: CalendarOptions = {}): { notices: ChangeNotice[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const notices = rows.map((r, index): ChangeNotice => {
    const at = `changeNotices[${index}]`;
    const typeText = typeof r.type === "string" && r.type.trim() ? r.type.trim() : null;
    const type = parseNoticeType(typeText);
    const occurredOn = isIsoDate(r.occurredOn) ? r.occurredOn : null;
    const notifiedOn = isIsoDate(r.notifiedOn) ? r.notifiedOn : null;
    const folio = r.folio === undefined || r.folio === null || r.folio === "" ? null : String(r.folio).trim();
    const description = typeof r.description === "string" && r.description.trim() ? r.description.trim() : null;
    const label = type?.label ?? typeText ?? "Cambio";
    if (typeText && !type) {
      issues.push(issue("warning", "NOTICE_TYPE_UNKNOWN", `${at}.type`, `Aviso de cambio, fila ${index + 1}: «${typeText}» no es un cambio de la regla 1.3.12 de la SE; elija uno de: ${NOTICE_LABELS.join("; ")}. Se calcula el plazo de 10 días hábiles de todos modos.`, `Change notice, row ${index + 1}: "${typeText}" is not a change listed in SE rule 1.3.12; pick one of the list. The 10-business-day term is computed anyway.`, "R34"));
    }
    if (!occurredOn) {
      issues.push(issue("warning", "NOTICE_DATE_MISSING", `${at}.occurredOn`, `Aviso de cambio, fila ${index + 1} (${label}): capture la fecha en que ocurrió el cambio; sin ella no se calcula el plazo de 10 días hábiles (regla 1.3.12 de la SE).`, `Change notice, row ${index + 1} (${label}): enter the date the change occurred; without it the 10-business-day term cannot be computed.`, "R34"));
      return { index, type: type?.key ?? null, typeText, description, occurredOn, notifiedOn, folio, deadline: null, safeDeadline: null, status: notifiedOn ? "presentado" : "sin fecha", businessDaysLeft: null };
    }
    const deadline = addBusinessDays(occurredOn, 10, calendar);
    const safeDeadline = addWeekdays(occurredOn, 10);
    const base = { index, type: type?.key ?? null, typeText, description, occurredOn, notifiedOn, folio, deadline, safeDeadline };
    if (notifiedOn) {
      if (notifiedOn < occurredOn) {
        issues.push(issue("error", "NOTICE_BEFORE_CHANGE", `${at}.notifiedOn`, `Aviso de cambio, fila ${index + 1} (${label}): la fecha de aviso (${longDateEs(notifiedOn)}) es anterior a la del cambio (${longDateEs(occurredOn)}); revise ambas fechas.`, `Change notice, row ${index + 1}: the notice date is before the change date; check both dates.`, "R34"));
      }
      if (notifiedOn > deadline) {
        issues.push(issue("warning", "NOTICE_LATE", `${at}.notifiedOn`, `Aviso de cambio, fila ${index + 1} (${label}): se presentó el ${longDateEs(notifiedOn)}, después del plazo de 10 días hábiles (${longDateEs(deadline)}, ${noticeBasis(occurredOn)}). Conserve el acuse; la SE puede considerarlo al verificar el programa.`, `Change notice, row ${index + 1} (${label}): filed on ${longDateEn(notifiedOn)}, after the 10-business-day term (${longDateEn(deadline)}).`, "R34"));
        return { ...base, status: "presentado fuera de plazo", businessDaysLeft: null };
      }
      if (!folio) {
        issues.push(issue("info", "NOTICE_FOLIO_MISSING", `${at}.folio`, `Aviso de cambio, fila ${index + 1} (${label}): anote el folio o acuse de recepción del aviso.`, `Change notice, row ${index + 1}: record the receipt folio of the notice.`, "R34"));
      }
      return { ...base, status: "presentado", businessDaysLeft: null };
    }
    if (today > deadline) {
      issues.push(issue("error", "NOTICE_OVERDUE", `${at}.notifiedOn`, `Aviso de cambio vencido, fila ${index + 1} (${label}): el cambio del ${longDateEs(occurredOn)} debía avisarse a la SE a más tardar el ${longDateEs(deadline)} (10 días hábiles, ${noticeBasis(occurredOn)}). No avisar es causal del procedimiento de cancelación: preséntelo cuanto antes (borrador con «Aviso de cambio» o raoce aviso-cambio) y anote la fecha y el folio.`, `Overdue change notice, row ${index + 1} (${label}): the change of ${longDateEn(occurredOn)} had to be notified by ${longDateEn(deadline)} (10 business days, SE rule 1.3.12). File it as soon as possible and record the date and folio.`, "R34"));
      return { ...base, status: "vencido", businessDaysLeft: null };
    }
    const left = businessDaysBetween(today, deadline, calendar);
    const soon = left <= 5;
    issues.push(issue(soon ? "warning" : "info", "NOTICE_PENDING", `${at}.notifiedOn`, `Aviso de cambio pendiente, fila ${index + 1} (${label}): avise a la SE a más tardar el ${longDateEs(deadline)} (${left === 0 ? "vence hoy" : left === 1 ? "falta 1 día hábil" : `faltan ${left} días hábiles`}; fecha segura si solo se descuentan sábados y domingos: ${longDateEs(safeDeadline)}; ${noticeBasis(occurredOn)}). Borrador con «Aviso de cambio» o raoce aviso-cambio.`, `Pending change notice, row ${index + 1} (${label}): notify the SE by ${longDateEn(deadline)} (${left} business days left; safe date ${longDateEn(safeDeadline)}).`, "R34"));
    return { ...base, status: "pendiente", businessDaysLeft: left };
  });
  return { notices, issues };
}
