/**
 * The words of the CLI's text output: Spanish labels for severities, statuses and verdicts (codes stay in --json),
 * dates written out, the basis of a rule in words, and the next thing the accountant has to do.
 */
import { daysBetween, longDateEs, yearOf, type IsoDate } from "../domain/dates";
import type { Exclusion } from "../domain/linking";
import type { Deadlines } from "../domain/deadlines";
import { explainRuleIds, findRule } from "../domain/rules-catalog";
import { STATUS_LABELS, type StatusCode } from "../domain/status";

export const SEVERITY_LABEL = { error: "Error", warning: "Aviso", info: "Nota" } as const;

export const COMMITMENT_LABEL: Record<string, string> = {
  CUMPLE: "Cumple",
  NO_CUMPLE: "No cumple",
  NO_EVALUADO: "No evaluado",
  POR_CONFIRMAR: "Por confirmar",
};

export const statusLabel = (code: string | null | undefined): string =>
  code ? (STATUS_LABELS[code as StatusCode]?.es ?? code) : "—";

export const commitmentLabel = (code: string | null | undefined): string => (code ? (COMMITMENT_LABEL[code] ?? code) : "—");

/** "30 de mayo de 2026", or "—". */
export const longDate = (iso: IsoDate | null | undefined): string => (iso ? longDateEs(iso) : "—");

/** " (Plazos IMMEX — Decreto IMMEX …; regla R7)": what a rule id means, so no id is shown alone. */
export function ruleSuffix(ids: string | undefined | null): string {
  if (!ids) return "";
  const parts = ids
    .split(/[/,;\s]+/)
    .filter(Boolean)
    .map((id) => {
      const e = findRule(id);
      return e ? `${e.title}: ${e.basis}; regla ${e.id}` : null;
    })
    .filter((x): x is string => x !== null);
  return parts.length ? ` [${parts.join(" · ")}]` : "";
}

const inDays = (asOf: IsoDate, date: IsoDate): string => {
  const n = daysBetween(asOf, date);
  return n === 0 ? "hoy" : n === 1 ? "mañana" : `faltan ${n} días`;
};

export interface NextActionInput {
  program: string;
  status: string | null;
  asOf: IsoDate;
  filingYear: number | null;
  deadlines: Pick<Deadlines, "opens" | "due" | "lateUntil" | "cancelledOn"> | null;
  effectiveFiledOn?: IsoDate | null;
  reactivationBy?: IsoDate | null;
  correctionBy?: IsoDate | null;
  /** R10: PROSEC linked with an IMMEX in force — filed by replication of the IMMEX report. */
  replicatedFromImmex?: boolean;
}

/** The next action in words. Never offers a date that has already passed. */
export function nextAction(p: NextActionInput): string {
  const step = nextActionOwn(p);
  const open = p.status === "EN_PLAZO" || p.status === "SUSPENDIDO" || p.status === "PERIODO_NO_ABIERTO";
  return p.replicatedFromImmex && open ? `Se presenta con el reporte IMMEX (VUCEM lo replica a PROSEC). ${step}` : step;
}

function nextActionOwn(p: NextActionInput): string {
  const d = p.deadlines;
  const year = p.filingYear === null ? "" : ` ${p.filingYear}`;
  switch (p.status) {
    case "NO_OBLIGADO":
      return `${p.program} no presenta el RAOCE${year}: nada que hacer por este programa.`;
    case "PERIODO_NO_ABIERTO":
      return d
        ? `Prepare las cifras: VUCEM recibe el RAOCE${year} desde el ${longDate(d.opens)}; presente a más tardar el ${longDate(d.due)}.`
        : "Prepare las cifras; la ventanilla aún no abre.";
    case "EN_PLAZO":
      return d ? `Presentar en VUCEM a más tardar el ${longDate(d.due)} (${inDays(p.asOf, d.due)}).` : "Presentar en VUCEM.";
    case "SUSPENDIDO":
      if (!d) return "El programa está suspendido: presente cuanto antes.";
      if (d.lateUntil && d.lateUntil >= p.asOf) {
        return `El programa está suspendido: presente en VUCEM a más tardar el ${longDate(d.lateUntil)} (${inDays(p.asOf, d.lateUntil)}); si no, se cancela el ${longDate(d.cancelledOn)}.`;
      }
      return `El programa está suspendido y se cancela el ${longDate(d.cancelledOn)}: consulte con la SE.`;
    case "PRESENTADO_EXTEMPORANEO":
      if (p.reactivationBy && p.reactivationBy >= p.asOf) return `Guarde el acuse y verifique en VUCEM que la SE levante la suspensión a más tardar el ${longDate(p.reactivationBy)}.`;
      if (p.reactivationBy) return `La suspensión debió levantarse a más tardar el ${longDate(p.reactivationBy)}: verifique en VUCEM que el programa esté activo.`;
      return "Guarde el acuse y verifique que la SE levante la suspensión.";
    case "PRESENTADO":
      if (p.correctionBy && p.correctionBy >= p.asOf) {
        return `Guarde el acuse. Si encuentra un error en lo presentado, envíe el escrito de corrección a más tardar el ${longDate(p.correctionBy)} (18:00 h).`;
      }
      return "Presentado: guarde el acuse; nada pendiente del RAOCE por este programa.";
    case "CANCELADO":
      return `El programa está cancelado: ya no puede presentar el RAOCE${year} por él; consulte con la SE cómo proceder.`;
    default:
      return "Revise los datos: no se pudo calcular el estado.";
  }
}

/** The source of a program's dates, without "Todas las fechas:" repeating the label it follows. */
export const datesSourceText = (source: string): string => explainRuleIds(source.replace(/^Todas las fechas:\s*/i, ""));
export const explainIds = explainRuleIds;

/** R3/R4: why a held program does not file for `filingYear`, in words ("cancelado el 15 de octubre de 2025, antes del 1 de abril de 2026"). */
export function exclusionText(ex: Pick<Exclusion, "reason" | "date">, filingYear: number): string {
  if (ex.reason === "CANCELLED_BEFORE_APRIL") return `cancelado el ${longDate(ex.date)}, antes del 1 de abril de ${filingYear}`;
  return `autorizado el ${longDate(ex.date)}, ${yearOf(ex.date) === filingYear ? "durante el" : "después del"} año de presentación ${filingYear}`;
}

/** "IMMEX no presenta el RAOCE 2026 (No obligado): cancelado el …, antes del 1 de abril de 2026 [Programa cancelado: …; regla R4]". */
export function notFilingSentence(ex: Exclusion, filingYear: number): string {
  return `${ex.type} no presenta el RAOCE ${filingYear} (${statusLabel("NO_OBLIGADO")}): ${exclusionText(ex, filingYear)}${ruleSuffix(ex.reason === "CANCELLED_BEFORE_APRIL" ? "R4" : "R3")}`;
}
