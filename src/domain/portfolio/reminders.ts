/**
 * R59: calendar reminders of one program — window opens (1 April), 7 days before the due date, the due date, the day
 * after (suspension), the last late date, the cancellation date; after a late filing the reactivation date; after any
 * filing the correction-letter deadline (R33). Pure: dates come from the engine's deadlines (R6–R14) and statuses.
 *
 * Each reminder has a stable UID (a hash of RFC + program + filing year + kind) so that importing the calendar again
 * updates events instead of duplicating them. Once a program is filed, the reminders that only made sense while it was
 * not (due, suspension, late, cancellation after the filing date) are kept with `cancelled: true`, so calendars that
 * imported them earlier remove them (iCalendar STATUS:CANCELLED with the same UID).
 */
import { addDays, longDateEs, type IsoDate } from "../dates";
import type { Deadlines } from "../deadlines";
import type { ProgramType } from "../programs";
import type { StatusCode } from "../status";

export const REMINDER_KINDS = ["opens", "due-7", "due", "suspended", "late", "cancelled", "reactivation", "correction", "notice"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderProgram {
  rfc: string | null;
  name: string | null;
  file: string;
  program: ProgramType;
  number: string | null;
  filingYear: number;
  deadlines: Deadlines;
  status: StatusCode;
  /** The filing that counts (own, or the IMMEX one replicated to PROSEC), null if none. */
  filedOn: IsoDate | null;
  reactivationBy: IsoDate | null;
  correctionBy: IsoDate | null;
  correctionBySafe: IsoDate | null;
}

export interface Reminder {
  uid: string;
  kind: ReminderKind;
  date: IsoDate;
  title: string;
  description: string;
  /** True for a reminder made moot by the filing (kept so re-imports remove it). */
  cancelled: boolean;
}

/** UTF-8 bytes of a string (TextEncoder is not in every runtime the domain runs in). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** FNV-1a 64-bit, hex: a stable, dependency-free hash for UIDs (not a security boundary). */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of utf8(text)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

export function reminderUid(rfc: string, program: ProgramType, filingYear: number, kind: ReminderKind): string {
  return `raoce-${fnv1a64(`${rfc.trim().toUpperCase()}|${program}|${filingYear}|${kind}`)}@raoce.mx`;
}


/** R12: the weekends-only safe date beside a deadline of the user's own, when it differs. */
const safeDateNote = (deadline: IsoDate, safe: IsoDate | null): string =>
  safe && safe !== deadline ? ` (fecha segura si solo se descuentan sábados y domingos: ${longDateEs(safe)})` : "";

export function programReminders(p: ReminderProgram): Reminder[] {
  if (p.status === "NO_OBLIGADO") return [];
  const d = p.deadlines;
  const who = (p.rfc ?? "").trim() || p.file;
  const label = `${p.program}${p.number ? ` ${p.number}` : ""}`;
  const hasLate = d.lateUntil !== null;
  const out: Reminder[] = [];
  const filed = p.filedOn;
  const add = (kind: ReminderKind, date: IsoDate | null, action: string, basis: string, detail: string, mootAfterFiling: boolean) => {
    if (!date) return;
    const cancelled = mootAfterFiling && filed !== null && date > filed;
    const lines = [
      `${p.name ?? "(sin razón social)"} — RFC ${p.rfc ?? "—"}`,
      `${label} · RAOCE ${p.filingYear} (ejercicio ${p.filingYear - 1})`,
      detail,
      `Fundamento: ${basis}`,
      `Fechas: vence ${longDateEs(d.due)}${d.lateUntil ? ` · extemporáneo hasta ${longDateEs(d.lateUntil)}` : ""} · cancelación ${longDateEs(d.cancelledOn)}`,
      filed ? `Presentado el ${longDateEs(filed)}` : "Aún no presentado",
      `Libro: ${p.file}`,
    ];
    out.push({
      uid: reminderUid(who, p.program, p.filingYear, kind),
      kind,
      date,
      title: `${who} · ${p.program} ${action}${cancelled ? " (ya presentado)" : ""}`,
      description: lines.join("\n"),
      cancelled,
    });
  };
  add("opens", d.opens, `abre la ventanilla del RAOCE ${p.filingYear}`, "Guía RAOCE 2025 (la ventanilla abre el 1 de abril)", "Se puede presentar el RAOCE desde hoy en VUCEM.", true);
  add("due-7", addDays(d.due, -7), "vence en 7 días", d.basis, `El RAOCE vence el ${longDateEs(d.due)}.`, true);
  add("due", d.due, "vence hoy", d.basis, "Último día para presentar el RAOCE en plazo.", true);
  if (hasLate) {
    add("suspended", addDays(d.due, 1), "suspendido si no se presentó", d.basis, `Sin RAOCE el programa queda suspendido; se puede presentar hasta el ${longDateEs(d.lateUntil!)}.`, true);
    add("late", d.lateUntil, "último día para presentar extemporáneo", d.basis, `Después de hoy el programa se cancela el ${longDateEs(d.cancelledOn)}.`, true);
  }
  add("cancelled", d.cancelledOn, "se cancela si no se presentó", d.basis, hasLate ? "Cancelación del programa por no presentar el RAOCE." : "ALTEX y ECEX no tienen periodo extemporáneo: sin RAOCE el programa se cancela hoy.", true);
  if (p.status === "PRESENTADO_EXTEMPORANEO" && p.reactivationBy) {
    add("reactivation", p.reactivationBy, "verificar reactivación", `${d.basis}; la SE reactiva en 2 días hábiles`, "Confirme en VUCEM que la SE levantó la suspensión.", false);
  }
  if (filed && p.correctionBy && (p.status === "PRESENTADO" || p.status === "PRESENTADO_EXTEMPORANEO")) {
    const safe = safeDateNote(p.correctionBy, p.correctionBySafe);
    add("correction", p.correctionBy, "último día para carta de corrección", "Guía RAOCE 2025: 5 días hábiles después de la presentación, correo recibido de 9:00 a 18:00 (DOF 4-ago-2021)", `Si el RAOCE tiene errores, la carta del representante legal debe llegar antes de las 18:00${safe}.`, false);
  }
  return out;
}

/** Keeps the reminders dated within [from, to] (either bound optional). */
export function withinRange(list: readonly Reminder[], from?: IsoDate, to?: IsoDate): Reminder[] {
  return list.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
}

/** R49: a change notice to the SE (R34) recorded in the client's workbook. */
export interface NoticeReminderInput {
  rfc: string | null;
  name: string | null;
  file: string;
  /** What changed, as the workbook says it ("Domicilio fiscal"). */
  what: string;
  occurredOn: IsoDate;
  deadline: IsoDate;
  /** The weekends-only count (R12 safe date for the user's own deadline). */
  safeDeadline: IsoDate | null;
  notifiedOn: IsoDate | null;
  basis: string;
}

/** One reminder per change notice, on its 10-business-day deadline; cancelled once the notice was sent. */
export function noticeReminder(n: NoticeReminderInput): Reminder {
  const who = (n.rfc ?? "").trim() || n.file;
  const safe = safeDateNote(n.deadline, n.safeDeadline);
  return {
    uid: `raoce-${fnv1a64(`${who.toUpperCase()}|AVISO|${n.what.toUpperCase()}|${n.occurredOn}`)}@raoce.mx`,
    kind: "notice",
    date: n.deadline,
    title: `${who} · aviso de cambio a la SE vence hoy${n.notifiedOn ? " (ya presentado)" : ""}`,
    description: [
      `${n.name ?? "(sin razón social)"} — RFC ${n.rfc ?? "—"}`,
      `Cambio: ${n.what}, ocurrido el ${longDateEs(n.occurredOn)}; aviso dentro de 10 días hábiles${safe}.`,
      `Fundamento: ${n.basis}`,
      n.notifiedOn ? `Aviso presentado el ${longDateEs(n.notifiedOn)}` : "Aviso aún no presentado",
      `Libro: ${n.file}`,
    ].join("\n"),
    cancelled: n.notifiedOn !== null,
  };
}

/** R33 from the Evidencia sheet: the correction-letter deadline of a filing the Programas sheet does not date. */
export interface EvidenceCorrectionInput {
  rfc: string | null;
  name: string | null;
  file: string;
  program: ProgramType;
  number: string | null;
  filingYear: number;
  filedOn: IsoDate;
  by: IsoDate;
  safe: IsoDate | null;
  /** Captured values that changed since the filing (0: the letter is only needed if an error turns up). */
  pending: number;
}

export function evidenceCorrectionReminder(e: EvidenceCorrectionInput): Reminder {
  const who = (e.rfc ?? "").trim() || e.file;
  const safe = safeDateNote(e.by, e.safe);
  return {
    uid: reminderUid(who, e.program, e.filingYear, "correction"),
    kind: "correction",
    date: e.by,
    title: `${who} · ${e.program} último día para carta de corrección`,
    description: [
      `${e.name ?? "(sin razón social)"} — RFC ${e.rfc ?? "—"}`,
      `${e.program}${e.number ? ` ${e.number}` : ""} · RAOCE ${e.filingYear} (ejercicio ${e.filingYear - 1})`,
      e.pending > 0
        ? `${e.pending === 1 ? "1 dato cambió" : `${e.pending} datos cambiaron`} después de presentar (hoja Evidencia): la carta del representante legal debe llegar antes de las 18:00${safe}.`
        : `Si el RAOCE tiene errores, la carta del representante legal debe llegar antes de las 18:00${safe}.`,
      "Fundamento: Guía RAOCE 2025: 5 días hábiles después de la presentación, correo recibido de 9:00 a 18:00 (DOF 4-ago-2021)",
      `Presentado el ${longDateEs(e.filedOn)} (hoja Evidencia)`,
      `Libro: ${e.file}`,
    ].join("\n"),
    cancelled: false,
  };
}
