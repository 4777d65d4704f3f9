/**
 * One portfolio row per client × program (issue #11 §1), built from a client's evaluated report. Pure.
 * Rows are sorted by R58 urgency, then by the date of the next step, then by RFC.
 */
import { addBusinessDays, type CalendarOptions } from "../calendar";
import { daysBetween, type IsoDate } from "../dates";
import type { ReportResult } from "../evaluate";
import type { IssueSummary } from "../issues";
import type { ProgramType } from "../programs";
import type { StatusCode } from "../status";
import { daysToDue, urgencyOf, urgencyRank, URGENCY_LABELS, type UrgencyCode } from "./urgency";

export type NextStepKind = "opens" | "due" | "late" | "cancelled" | "reactivation" | "correction" | "notice";

export const NEXT_STEP_ES: Record<NextStepKind, string> = {
  opens: "Abre la ventanilla",
  due: "Vence",
  late: "Último día extemporáneo",
  cancelled: "Se cancela",
  reactivation: "Reactivación a más tardar",
  correction: "Carta de corrección hasta",
  notice: "Aviso de cambio hasta",
};

/** Short status labels for narrow columns (the full label is in `statusLabel`). */
export const STATUS_SHORT_ES: Record<StatusCode, string> = {
  NO_OBLIGADO: "No obligado",
  PERIODO_NO_ABIERTO: "No abierto",
  EN_PLAZO: "En plazo",
  PRESENTADO: "Presentado",
  SUSPENDIDO: "Suspendido",
  PRESENTADO_EXTEMPORANEO: "Extemporáneo",
  CANCELADO: "Cancelado",
};

export interface PortfolioClient {
  /** Path of the client's workbook as given (shown and linked). */
  file: string;
  result: ReportResult;
  summary: IssueSummary;
  /** True when the workbook's written outputs no longer match its inputs; null when it cannot be told. */
  stale: boolean | null;
  /** R49: deadlines of the client's change notices still pending (none when the workbook has no Avisos sheet). */
  pendingNotices?: readonly IsoDate[];
  /** R33: correction letters the Evidencia sheet shows are needed (captured values changed after filing). */
  pendingCorrections?: readonly { program: string; number: string | null; by: IsoDate }[];
  /** The workbook's calendar (R12: its declared days, with or without the SE's periods), for the 5-business-day horizon. */
  calendar?: CalendarOptions;
}

export interface PortfolioRow {
  file: string;
  rfc: string | null;
  name: string | null;
  program: ProgramType | null;
  number: string | null;
  filingYear: number | null;
  fiscalYear: number | null;
  status: StatusCode | null;
  statusLabel: string;
  nextStep: NextStepKind | null;
  nextStepLabel: string | null;
  nextDate: IsoDate | null;
  /** Calendar days from asOf to nextDate. */
  daysLeft: number | null;
  due: IsoDate | null;
  lateUntil: IsoDate | null;
  reactivationBy: IsoDate | null;
  correctionBy: IsoDate | null;
  urgency: UrgencyCode;
  urgencyRank: number;
  urgencyLabel: string;
  errors: number;
  warnings: number;
  commitment: string | null;
  stale: boolean | null;
  asOf: IsoDate;
}

function nextStep(p: ReportResult["programs"][number], asOf: IsoDate): { kind: NextStepKind; date: IsoDate } | null {
  if (p.status === "PRESENTADO_EXTEMPORANEO" && p.reactivationBy && p.reactivationBy >= asOf) return { kind: "reactivation", date: p.reactivationBy };
  if ((p.status === "PRESENTADO" || p.status === "PRESENTADO_EXTEMPORANEO") && p.correctionBy && p.correctionBy >= asOf) return { kind: "correction", date: p.correctionBy };
  if (p.status === "PRESENTADO_EXTEMPORANEO" && p.reactivationBy) return { kind: "reactivation", date: p.reactivationBy };
  if (p.nextMilestone) return { kind: p.nextMilestone.milestone, date: p.nextMilestone.date };
  return null;
}

/** The rows of one client: one per program, or one row for the client alone when no program could be read. */
export function clientRows(c: PortfolioClient): PortfolioRow[] {
  const r = c.result;
  const notice = [...(c.pendingNotices ?? [])].sort()[0] ?? null;
  const ahead = notice ? addBusinessDays(r.asOf, 5, c.calendar ?? {}) : null;
  const noticeFields = { noticeDeadline: notice, fiveBusinessDaysAhead: ahead };
  const base = {
    file: c.file,
    rfc: r.company.rfc,
    name: r.company.name,
    filingYear: r.filingYear,
    fiscalYear: r.fiscalYear,
    errors: c.summary.errors,
    warnings: c.summary.warnings,
    stale: c.stale,
    asOf: r.asOf,
  };
  if (r.programs.length === 0) {
    const urgency = urgencyOf({ status: null, asOf: r.asOf, due: null, errors: c.summary.errors, reactivationBy: null, correctionBy: null, ...noticeFields });
    return [{
      ...base, program: null, number: null, status: null, statusLabel: "Sin programas válidos", nextStep: null, nextStepLabel: null, nextDate: null,
      daysLeft: null, due: null, lateUntil: null, reactivationBy: null, correctionBy: null, urgency, urgencyRank: urgencyRank(urgency), urgencyLabel: URGENCY_LABELS[urgency].es, commitment: null,
    }];
  }
  return r.programs.map((p0) => {
    // A filing recorded only on the Evidencia sheet still opens the correction-letter term (R33).
    const ev = c.pendingCorrections?.find((x) => x.program === p0.type && (x.number ?? null) === (p0.number ?? null));
    const p = ev && !p0.correctionBy ? { ...p0, correctionBy: ev.by } : p0;
    const urgency = urgencyOf({ status: p.status, asOf: r.asOf, due: p.deadlines?.due ?? null, errors: c.summary.errors, reactivationBy: p.reactivationBy, correctionBy: p.correctionBy, ...noticeFields });
    const programStep = nextStep(p, r.asOf);
    // A change notice due before the program's own next step comes first (it concerns the whole company).
    const step = notice && ahead && notice <= ahead && (!programStep || notice < programStep.date) ? { kind: "notice" as const, date: notice } : programStep;
    // R58: a suspended program counts its days to the last late date.
    const daysLeft = p.status === "SUSPENDIDO" && p.deadlines?.lateUntil ? daysBetween(r.asOf, p.deadlines.lateUntil) : step ? daysBetween(r.asOf, step.date) : null;
    return {
      ...base,
      program: p.type,
      number: p.number,
      status: p.status,
      statusLabel: p.statusLabel ?? "—",
      nextStep: step?.kind ?? null,
      nextStepLabel: step ? NEXT_STEP_ES[step.kind] : null,
      nextDate: step?.date ?? null,
      daysLeft,
      due: p.deadlines?.due ?? null,
      lateUntil: p.deadlines?.lateUntil ?? null,
      reactivationBy: p.reactivationBy,
      correctionBy: p.correctionBy,
      urgency,
      urgencyRank: urgencyRank(urgency),
      urgencyLabel: URGENCY_LABELS[urgency].es,
      commitment: p.obliged ? p.commitment : null,
    };
  });
}

export function compareRows(a: PortfolioRow, b: PortfolioRow): number {
  return (
    a.urgencyRank - b.urgencyRank ||
    (a.nextDate ?? "9999").localeCompare(b.nextDate ?? "9999") ||
    (a.rfc ?? "").localeCompare(b.rfc ?? "") ||
    (a.program ?? "").localeCompare(b.program ?? "") ||
    a.file.localeCompare(b.file)
  );
}

export function sortRows(rows: PortfolioRow[]): PortfolioRow[] {
  return rows.sort(compareRows);
}

export interface PortfolioSummary {
  clients: number;
  rows: number;
  /** Due within 7 days and not filed, or suspended with 7 days or fewer to the last late date. */
  atRiskThisWeek: number;
  suspended: number;
  cancelled: number;
  withErrors: number;
  dueWithin30: number;
  stale: number;
  unusable: number;
  byUrgency: Record<UrgencyCode, number>;
}

export function summarize(rows: readonly PortfolioRow[], unusable: number): PortfolioSummary {
  const byUrgency = Object.fromEntries(Object.keys(URGENCY_LABELS).map((k) => [k, 0])) as Record<UrgencyCode, number>;
  for (const r of rows) byUrgency[r.urgency]++;
  return {
    clients: new Set(rows.map((r) => r.file)).size,
    rows: rows.length,
    atRiskThisWeek: rows.filter((r) => r.urgency === "VENCE_7_DIAS" || (r.status === "SUSPENDIDO" && r.daysLeft !== null && r.daysLeft <= 7)).length,
    suspended: byUrgency.SUSPENDIDO,
    cancelled: byUrgency.CANCELADO,
    withErrors: new Set(rows.filter((r) => r.errors > 0).map((r) => r.file)).size,
    dueWithin30: rows.filter((r) => { const d = daysToDue(r); return d !== null && d <= 30; }).length,
    stale: new Set(rows.filter((r) => r.stale === true).map((r) => r.file)).size,
    unusable,
    byUrgency,
  };
}

export function summaryLine(s: PortfolioSummary): string {
  return [
    `En riesgo esta semana: ${s.atRiskThisWeek}`,
    `Suspendidos: ${s.suspended}`,
    `Cancelados: ${s.cancelled}`,
    `Vencen en 30 días: ${s.dueWithin30}`,
    `Con errores: ${s.withErrors}`,
    `Desactualizados: ${s.stale}`,
    `Inutilizables: ${s.unusable}`,
  ].join(" · ");
}

/**
 * `--alerta N`: true when any program is suspended or cancelled, or still to be filed with its due date within N
 * calendar days (a scheduled task exits 3).
 */
export function needsAlert(rows: readonly PortfolioRow[], days: number): boolean {
  return rows.some((r) => {
    if (r.status === "SUSPENDIDO" || r.status === "CANCELADO") return true;
    const d = daysToDue(r);
    return d !== null && d <= days;
  });
}
