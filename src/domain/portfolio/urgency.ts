/**
 * R58: how urgent one program of one client is on a date, in the reference's order. Pure: `asOf` is passed in.
 *
 *   CANCELADO · SUSPENDIDO · due within 7 days and not filed · errors that block VUCEM · late filing whose
 *   reactivation date has passed · correction-letter deadline within 5 business days · due within 30 days · the rest.
 */
import { daysBetween, type IsoDate } from "../dates";
import type { StatusCode } from "../status";

export const URGENCY_CODES = [
  "CANCELADO",
  "SUSPENDIDO",
  "VENCE_7_DIAS",
  "ERRORES",
  "VERIFICAR_REACTIVACION",
  "CARTA_CORRECCION",
  "VENCE_30_DIAS",
  "SIN_URGENCIA",
] as const;
export type UrgencyCode = (typeof URGENCY_CODES)[number];

export const URGENCY_LABELS: Record<UrgencyCode, { es: string; en: string }> = {
  CANCELADO: { es: "Cancelado", en: "Cancelled" },
  SUSPENDIDO: { es: "Suspendido", en: "Suspended" },
  VENCE_7_DIAS: { es: "Vence en 7 días o menos", en: "Due within 7 days" },
  ERRORES: { es: "Errores que bloquean VUCEM", en: "Errors that block VUCEM" },
  VERIFICAR_REACTIVACION: { es: "Verificar reactivación", en: "Check reactivation" },
  CARTA_CORRECCION: { es: "Carta de corrección o aviso de cambio por vencer", en: "Correction letter or change notice due" },
  VENCE_30_DIAS: { es: "Vence en 30 días o menos", en: "Due within 30 days" },
  SIN_URGENCIA: { es: "Sin urgencia", en: "No urgency" },
};

/** 0 = most urgent. */
export const urgencyRank = (u: UrgencyCode): number => URGENCY_CODES.indexOf(u);

export interface UrgencyInput {
  status: StatusCode | null;
  asOf: IsoDate;
  due: IsoDate | null;
  /** Errors in the client's workbook (R21a and the rest: VUCEM cannot take the report while they stand). */
  errors: number;
  reactivationBy: IsoDate | null;
  correctionBy: IsoDate | null;
  /** R49: the earliest deadline of the client's pending change notices, if any. */
  noticeDeadline?: IsoDate | null;
  /** asOf + 5 business days (R12 calendar): the horizon of "within 5 business days". */
  fiveBusinessDaysAhead?: IsoDate | null;
}

const NOT_FILED: readonly (StatusCode | null)[] = ["EN_PLAZO", "PERIODO_NO_ABIERTO"];

/** Days from asOf to the due date when the program is still to be filed in time (null otherwise). */
export function daysToDue(u: Pick<UrgencyInput, "status" | "asOf" | "due">): number | null {
  if (!NOT_FILED.includes(u.status) || !u.due) return null;
  const d = daysBetween(u.asOf, u.due);
  return d >= 0 ? d : null;
}

export function urgencyOf(u: UrgencyInput): UrgencyCode {
  if (u.status === "CANCELADO") return "CANCELADO";
  if (u.status === "SUSPENDIDO") return "SUSPENDIDO";
  const toDue = daysToDue(u);
  if (toDue !== null && toDue <= 7) return "VENCE_7_DIAS";
  // Errors matter while there is a report to file (or no program could be read at all).
  const toFile = u.status === null || NOT_FILED.includes(u.status);
  if (u.errors > 0 && toFile) return "ERRORES";
  if (u.status === "PRESENTADO_EXTEMPORANEO" && u.reactivationBy && u.reactivationBy < u.asOf) return "VERIFICAR_REACTIVACION";
  // R33: the letter is due by the 5th business day after filing, so any date up to it is within 5 business days.
  if (u.correctionBy && u.asOf <= u.correctionBy && (u.status === "PRESENTADO" || u.status === "PRESENTADO_EXTEMPORANEO")) return "CARTA_CORRECCION";
  // R34/R49: a change notice to the SE due within 5 business days (or already overdue and still pending).
  if (u.noticeDeadline && u.fiveBusinessDaysAhead && u.noticeDeadline <= u.fiveBusinessDaysAhead) return "CARTA_CORRECCION";
  if (toDue !== null && toDue <= 30) return "VENCE_30_DIAS";
  return "SIN_URGENCIA";
}
