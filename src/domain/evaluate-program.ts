/** One program's part of `evaluate`: status, dates, export-commitment verdict and what it captures in VUCEM. */
import { evaluateCommitment, type CommitmentResult, type CommitmentVerdict } from "./commitment";
import { longDateEn, longDateEs, type IsoDate } from "./dates";
import { nextMilestone, type Deadlines, type Milestone } from "./deadlines";
import { exchangeRateFor } from "./exchange-rates";
import { issue, type Issue } from "./issues";
import type { HeldProgram } from "./linking";
import type { ParsedInput, ParsedRow } from "./parse-input";
import { hasLinkedPrograms, isLinkedProsec, type ProgramType } from "./programs";
import { waiverFor } from "./rule-table";
import type { ProgramInput } from "./schema";
import { programStatus, STATUS_LABELS, type StatusCode } from "./status";
import type { Cancellation } from "./status-texts";

/** Fields the accountant types in VUCEM for a program (R22, R23). */
export type CaptureField = "totalSales" | "totalExports" | "totalImports" | "goods";

/** A word for the Captura sheet about one field of one program (R22 rev., R10). */
export interface CaptureHint {
  field: CaptureField;
  es: string;
  en: string;
}

export interface ProgramResult {
  index: number;
  type: ProgramType;
  number: string | null;
  obliged: boolean;
  deadlines: Deadlines | null;
  status: StatusCode | null;
  statusLabel: string | null;
  statusLabelEn: string | null;
  reactivationBy: IsoDate | null;
  correctionBy: IsoDate | null;
  correctionBySafe: IsoDate | null;
  /** R33 in words, both dates (null when not filed). */
  correctionNote: string | null;
  correctionNoteEn: string | null;
  /** R4 rev.: date and cause of a cancellation (CANCELADO). */
  cancellation: Cancellation | null;
  /** R9 rev.: true for PROSEC linked with a program in force for the filing. */
  linked: boolean;
  nextMilestone: { milestone: Milestone; date: IsoDate; daysLeft: number } | null;
  commitment: CommitmentVerdict;
  commitmentTest: string | null;
  commitmentReason: string;
  commitmentReasonEn: string;
  nearThreshold: boolean;
  capture: CaptureField[];
  captureHints: CaptureHint[];
}

/** R22/R23 with the programs in force: IMMEX and ALTEX/ECEX capture a and b (IMMEX alone may add c); PROSEC alone adds c and goods. */
export function captureFields(type: ProgramType, inForce: readonly ProgramType[]): CaptureField[] {
  if (type === "PROSEC" && !isLinkedProsec(inForce)) return ["totalSales", "totalExports", "totalImports", "goods"];
  if (type === "PROSEC" && inForce.includes("IMMEX")) return ["totalSales", "totalExports"]; // R10: replicated from IMMEX
  if (type === "PROSEC") return ["totalSales", "totalExports", "goods"];
  if (type === "IMMEX" && !hasLinkedPrograms(inForce)) return ["totalSales", "totalExports", "totalImports"];
  return ["totalSales", "totalExports"];
}

export function captureHints(type: ProgramType, inForce: readonly ProgramType[]): CaptureHint[] {
  if (type === "IMMEX" && !hasLinkedPrograms(inForce)) {
    return [{ field: "totalImports", es: "Capture si VUCEM habilita el campo (el formulario nuevo de VUCEM lo deshabilita para IMMEX); no es obligatorio.", en: "Enter it if VUCEM enables the field (the new VUCEM form disables it for IMMEX); it is not required." }];
  }
  if (type === "PROSEC" && isLinkedProsec(inForce) && inForce.includes("IMMEX")) {
    return [{ field: "goods", es: "No se captura la relación de bienes producidos: VUCEM replica a PROSEC el reporte de IMMEX (Guía RAOCE 2025).", en: "The produced goods are not captured: VUCEM replicates the IMMEX report to PROSEC (2025 guide)." }];
  }
  return [];
}

export const noVerdict = (reason: string, reasonEn: string) => ({
  commitment: "NO_EVALUADO" as CommitmentVerdict,
  commitmentTest: null,
  commitmentReason: reason,
  commitmentReasonEn: reasonEn,
  nearThreshold: false,
});

/** The figures the verdicts use: VUCEM's whole numbers (R21a) and, to compare, the unrounded ones. */
export interface VerdictFigures {
  rounded: { totalSales: number; totalExports: number } | null;
  unrounded: { totalSales: number; totalExports: number } | null;
  /** Why no verdict can be computed from the figures (VUCEM would refuse them), or null. */
  blockedReason: { es: string; en: string } | null;
}

export interface ProgramContext {
  parsed: ParsedInput;
  filingYear: number;
  asOf: IsoDate;
  inForce: ProgramType[];
  partners: HeldProgram[];
  immexFiledOn: IsoDate | null;
  figures: VerdictFigures;
  /** Rows whose exporter type was given but could not be read (R43 rev.). */
  unreadableExporterType: ReadonlySet<number>;
}

function commitmentFor(p: Partial<ProgramInput> & { type: ProgramType }, sales: number, exports: number, ctx: ProgramContext): CommitmentResult {
  const f = ctx.parsed.figures;
  return evaluateCommitment({
    program: p.type,
    totalSales: sales,
    totalExports: exports,
    directExports: f.directExports ?? null,
    indirectExports: f.indirectExports ?? null,
    exporterType: p.exporterType ?? null,
    rate: exchangeRateFor(ctx.filingYear - 1, ctx.parsed.exchangeRate),
    settings: ctx.parsed.settings,
  });
}

type Verdict = ReturnType<typeof noVerdict> | { commitment: CommitmentVerdict; commitmentTest: string | null; commitmentReason: string; commitmentReasonEn: string; nearThreshold: boolean };

function verdictFor(row: ParsedRow<ProgramInput>, obliged: boolean, evaluated: boolean, cancelled: boolean, ctx: ProgramContext, issues: Issue[]): Verdict {
  const p = row.value as Partial<ProgramInput> & { type: ProgramType };
  const fiscalYear = ctx.filingYear - 1;
  const waiver = waiverFor(p.type, fiscalYear);
  if (!obliged) return noVerdict("No obligado a presentar el RAOCE este año.", "Not obliged to file the RAOCE this year.");
  if (!evaluated && cancelled) return noVerdict("No evaluado: el programa está cancelado sin haber presentado el RAOCE.", "Not evaluated: the program is cancelled without having filed the RAOCE.");
  if (!evaluated) return noVerdict("No evaluado: el programa se autorizó durante el ejercicio reportado; el compromiso de exportación no se evalúa por ese ejercicio.", "Not evaluated: the program was authorized during the reported year; the export commitment is not evaluated for that year.");
  if (waiver) return noVerdict(waiver.reason, waiver.reasonEn);
  if (p.type === "ALTEX" && ctx.unreadableExporterType.has(row.index)) {
    return noVerdict("No evaluado: no se pudo leer el tipo de exportador ALTEX; los mínimos dependen de él. Capture «Exportador directo», «Exportador indirecto» o «Ambos».", "Not evaluated: the ALTEX exporter type could not be read; the minimums depend on it. Enter \"Exportador directo\", \"Exportador indirecto\" or \"Ambos\".");
  }
  if (ctx.figures.blockedReason) return noVerdict(ctx.figures.blockedReason.es, ctx.figures.blockedReason.en);
  const { rounded, unrounded } = ctx.figures;
  if (!rounded || !unrounded) return noVerdict("Faltan ventas totales o exportaciones para evaluar el compromiso.", "Total sales or exports are missing to evaluate the commitment.");
  const c = commitmentFor(p, rounded.totalSales, rounded.totalExports, ctx);
  if (rounded.totalSales !== unrounded.totalSales || rounded.totalExports !== unrounded.totalExports) {
    const u = commitmentFor(p, unrounded.totalSales, unrounded.totalExports, ctx);
    if (u.verdict !== c.verdict) {
      issues.push(issue("warning", "ROUNDING_CROSSES_THRESHOLD", "figures.totalExports", `${p.type}: con las cifras sin redondear el compromiso daría «${u.verdict === "CUMPLE" ? "cumple" : u.verdict === "NO_CUMPLE" ? "no cumple" : "por confirmar"}»; con los enteros que acepta VUCEM da «${c.verdict === "CUMPLE" ? "cumple" : c.verdict === "NO_CUMPLE" ? "no cumple" : "por confirmar"}». El veredicto mostrado usa los enteros, como VUCEM; revise las cifras.`, `${p.type}: with the unrounded figures the commitment would be "${u.verdict}"; with the whole numbers VUCEM takes it is "${c.verdict}". The verdict shown uses the whole numbers, as VUCEM will; check the figures.`, "R21a"));
    }
  }
  if (c.verdict === "NO_CUMPLE") {
    issues.push(issue("warning", "COMMITMENT_NOT_MET", "figures.totalExports", `${p.type}: no cumple el compromiso de exportación. ${c.reason}`, `${p.type}: export commitment not met. ${c.reasonEn}`, c.rule));
  } else if (c.nearThreshold) {
    issues.push(issue("warning", "NEAR_THRESHOLD", "figures.totalExports", `${p.type}: la cifra está a menos del margen del umbral y VUCEM no publica su redondeo. ${c.reason}`, `${p.type}: the figure is within the margin of the threshold and VUCEM's rounding is not published. ${c.reasonEn}`, "R21"));
  }
  return { commitment: c.verdict, commitmentTest: c.test, commitmentReason: c.reason, commitmentReasonEn: c.reasonEn, nearThreshold: c.nearThreshold };
}

export function evaluateProgram(row: ParsedRow<ProgramInput>, ctx: ProgramContext, issues: Issue[]): ProgramResult | null {
  const p = row.value;
  if (!p.type) return null;
  const at = `programs[${row.index}]`;
  const { parsed, filingYear, asOf } = ctx;
  const st = programStatus({
    program: p.type,
    filingYear,
    heldPrograms: ctx.inForce,
    partners: ctx.partners,
    asOf,
    authorizedOn: p.authorizedOn ?? null,
    cancelledOn: p.cancelledOn ?? null,
    cancellationCause: p.cancellationCause ?? null,
    filedOn: p.filedOn ?? null,
    immexFiledOn: p.type === "PROSEC" ? ctx.immexFiledOn : null,
    extraNonBusinessDays: parsed.extraNonBusinessDays,
    settings: parsed.settings,
    ...(p.overrides ? { overrides: p.overrides } : {}),
  });
  for (const n of st.notes) issues.push(issue(n.severity, n.code, `${at}.${n.field}`, n.message, n.messageEn, n.rule));
  const d = st.deadlines;
  if (d.note && d.noteEn) issues.push(issue("info", "DEADLINE_BASIS", `${at}.type`, d.note, d.noteEn, "R9"));

  const verdict = verdictFor(row, st.obliged, st.commitmentEvaluated, st.cancellation !== null && !st.commitmentEvaluated, ctx, issues);
  const status = st.status;
  const next = st.obliged && !st.effectiveFiledOn ? nextMilestone(d, asOf) : null;
  if (status === "EN_PLAZO" && next && next.daysLeft <= 15) {
    const days = next.daysLeft === 1 ? "falta 1 día" : `faltan ${next.daysLeft} días`;
    issues.push(issue("info", "DUE_SOON", `${at}.filedOn`, `${p.type}: vence el ${longDateEs(d.due)} (${days}).`, `${p.type}: due on ${longDateEn(d.due)} (${next.daysLeft} day${next.daysLeft === 1 ? "" : "s"} left).`, "R7"));
  }
  const inForce = st.inForce;
  return {
    index: row.index,
    type: p.type,
    number: p.number === undefined ? null : String(p.number),
    obliged: st.obliged,
    deadlines: d,
    status,
    statusLabel: STATUS_LABELS[status].es,
    statusLabelEn: STATUS_LABELS[status].en,
    reactivationBy: st.reactivationBy,
    correctionBy: st.correctionBy,
    correctionBySafe: st.correctionBySafe,
    correctionNote: st.correctionNote,
    correctionNoteEn: st.correctionNoteEn,
    cancellation: st.cancellation,
    linked: d.linked,
    nextMilestone: next,
    ...verdict,
    capture: st.obliged ? captureFields(p.type, inForce) : [],
    captureHints: st.obliged ? captureHints(p.type, inForce) : [],
  };
}
