/**
 * `evaluate(input, today)`: the whole RAOCE check of one company for one filing year. Pure and total: any JSON value
 * gives a result; what cannot be used becomes a located issue.
 */
import { checkCompany } from "./check-company";
import { checkFigures } from "./check-figures";
import { checkGoods, type GoodResult } from "./check-goods";
import { authorizedSectors, checkPrograms } from "./check-programs";
import { evaluateCommitment, type CommitmentVerdict } from "./commitment";
import { isIsoDate, longDateEn, longDateEs, type IsoDate } from "./dates";
import { nextMilestone, type Deadlines, type Milestone } from "./deadlines";
import { exchangeRateFor } from "./exchange-rates";
import { computeFigures } from "./figures";
import { issue, pushAll, summarizeIssues, type Issue, type IssueSummary } from "./issues";
import { parseInput, type ParsedInput, type ParsedRow } from "./parse-input";
import { hasLinkedPrograms, isLinkedProsec, type ProgramType } from "./programs";
import { isSupportedFilingYear, MAX_FILING_YEAR, MIN_FILING_YEAR, waiverFor } from "./rule-table";
import type { ProgramInput } from "./schema";
import { programStatus, STATUS_LABELS, type StatusCode } from "./status";

/** Fields the accountant types in VUCEM for a program (R22, R23). */
export type CaptureField = "totalSales" | "totalExports" | "totalImports" | "goods";

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
  nextMilestone: { milestone: Milestone; date: IsoDate; daysLeft: number } | null;
  commitment: CommitmentVerdict;
  commitmentTest: string | null;
  commitmentReason: string;
  commitmentReasonEn: string;
  nearThreshold: boolean;
  capture: CaptureField[];
}

export interface FiguresResult {
  balance: number | null;
  exportShare: number | null;
  exportsUsd: number | null;
  salesUsd: number | null;
  exchangeRate: number | null;
  exchangeRateSource: string | null;
  exchangeRateConfirmed: boolean;
  exchangeRateEstimate: boolean;
}

export interface ReportResult {
  filingYear: number | null;
  fiscalYear: number | null;
  asOf: IsoDate;
  company: { rfc: string | null; name: string | null };
  figures: FiguresResult;
  programs: ProgramResult[];
  goods: GoodResult[];
  issues: Issue[];
  summary: IssueSummary;
}

/** R22/R23: IMMEX (alone or linked) and ALTEX/ECEX capture a and b; IMMEX alone may add c; PROSEC alone adds c and goods. */
export function captureFields(type: ProgramType, held: readonly ProgramType[]): CaptureField[] {
  if (type === "PROSEC" && !isLinkedProsec(held)) return ["totalSales", "totalExports", "totalImports", "goods"];
  if (type === "PROSEC" && held.includes("IMMEX")) return ["totalSales", "totalExports"]; // R10: replicated from IMMEX
  if (type === "PROSEC") return ["totalSales", "totalExports", "goods"];
  if (type === "IMMEX" && !hasLinkedPrograms(held)) return ["totalSales", "totalExports", "totalImports"];
  return ["totalSales", "totalExports"];
}

const noVerdict = (reason: string, reasonEn: string) => ({
  commitment: "NO_EVALUADO" as CommitmentVerdict,
  commitmentTest: null,
  commitmentReason: reason,
  commitmentReasonEn: reasonEn,
  nearThreshold: false,
});

function evaluateProgram(
  row: ParsedRow<ProgramInput>,
  ctx: { parsed: ParsedInput; filingYear: number; asOf: IsoDate; held: ProgramType[]; immexFiledOn: IsoDate | null },
  issues: Issue[],
): ProgramResult | null {
  const p = row.value;
  if (!p.type) return null;
  const at = `programs[${row.index}]`;
  const { parsed, filingYear, asOf, held } = ctx;
  const calendar = { extraNonBusinessDays: parsed.extraNonBusinessDays, settings: parsed.settings, overrides: p.overrides };
  const st = programStatus({
    program: p.type,
    filingYear,
    heldPrograms: held,
    asOf,
    authorizedOn: p.authorizedOn ?? null,
    cancelledOn: p.cancelledOn ?? null,
    filedOn: p.filedOn ?? null,
    immexFiledOn: p.type === "PROSEC" ? ctx.immexFiledOn : null,
    ...calendar,
  });
  for (const n of st.notes) issues.push(issue(n.severity, n.code, `${at}.${n.field}`, n.message, n.messageEn, n.rule));
  const d = st.deadlines;
  if (d.note && d.noteEn) issues.push(issue("info", "DEADLINE_BASIS", `${at}.type`, d.note, d.noteEn, "R9"));

  const fiscalYear = filingYear - 1;
  const f = parsed.figures;
  const waiver = waiverFor(p.type, fiscalYear);
  let verdict: Omit<ProgramResult, "index" | "type" | "number" | "obliged" | "deadlines" | "status" | "statusLabel" | "statusLabelEn" | "reactivationBy" | "correctionBy" | "correctionBySafe" | "nextMilestone" | "capture">;
  if (!st.obliged) verdict = noVerdict("No obligado a presentar el RAOCE este año.", "Not obliged to file the RAOCE this year.");
  else if (!st.commitmentEvaluated)
    verdict = noVerdict("Programa autorizado durante el ejercicio reportado: el compromiso no se evalúa ese año (R5).", "Program authorized during the reported year: the commitment is not evaluated for that year (R5).");
  else if (waiver) verdict = noVerdict(waiver.reason, waiver.reasonEn);
  else if (f.totalSales === undefined || f.totalExports === undefined)
    verdict = noVerdict("Faltan ventas totales o exportaciones para evaluar el compromiso.", "Total sales or exports are missing to evaluate the commitment.");
  else {
    const c = evaluateCommitment({
      program: p.type,
      totalSales: f.totalSales,
      totalExports: f.totalExports,
      directExports: f.directExports ?? null,
      indirectExports: f.indirectExports ?? null,
      exporterType: p.exporterType ?? null,
      rate: exchangeRateFor(fiscalYear, parsed.exchangeRate),
      settings: parsed.settings,
    });
    verdict = { commitment: c.verdict, commitmentTest: c.test, commitmentReason: c.reason, commitmentReasonEn: c.reasonEn, nearThreshold: c.nearThreshold };
    if (c.verdict === "NO_CUMPLE") {
      issues.push(issue("warning", "COMMITMENT_NOT_MET", "figures.totalExports", `${p.type}: no cumple el compromiso de exportación. ${c.reason}`, `${p.type}: export commitment not met. ${c.reasonEn}`, c.rule));
    } else if (c.nearThreshold) {
      issues.push(issue("warning", "NEAR_THRESHOLD", "figures.totalExports", `${p.type}: cifra a menos del margen del umbral; VUCEM no publica su redondeo. ${c.reason}`, `${p.type}: figure within the margin of the threshold; VUCEM's rounding is not published. ${c.reasonEn}`, "R21"));
    }
  }

  const status = st.status;
  const next = st.obliged && !st.effectiveFiledOn ? nextMilestone(d, asOf) : null;
  if (status === "EN_PLAZO" && next && next.daysLeft <= 15) {
    issues.push(issue("info", "DUE_SOON", `${at}.filedOn`, `${p.type}: vence el ${longDateEs(d.due)} (faltan ${next.daysLeft} días).`, `${p.type}: due on ${longDateEn(d.due)} (${next.daysLeft} days left).`, "R7"));
  }

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
    nextMilestone: next,
    ...verdict,
    capture: st.obliged ? captureFields(p.type, held) : [],
  };
}

function figuresResult(parsed: ParsedInput, filingYear: number | null): FiguresResult {
  const rate = filingYear === null ? null : exchangeRateFor(filingYear - 1, parsed.exchangeRate);
  const f = parsed.figures;
  const base = {
    exchangeRate: rate?.rate ?? null,
    exchangeRateSource: rate?.source ?? null,
    exchangeRateConfirmed: rate?.confirmed ?? false,
    exchangeRateEstimate: rate?.estimate ?? false,
  };
  if (f.totalSales === undefined || f.totalExports === undefined) {
    const balance = f.totalExports !== undefined && f.totalImports !== undefined ? f.totalExports - f.totalImports : null;
    return { balance, exportShare: null, exportsUsd: null, salesUsd: null, ...base };
  }
  const c = computeFigures({ totalSales: f.totalSales, totalExports: f.totalExports, totalImports: f.totalImports ?? null }, rate?.rate ?? null);
  return { ...c, ...base };
}

export function evaluate(input: unknown, today: IsoDate): ReportResult {
  const parsed = parseInput(input);
  const issues: Issue[] = [...parsed.issues];
  const asOf = parsed.asOf ?? (isIsoDate(today) ? today : "1970-01-01");

  let filingYear = parsed.filingYear;
  if (filingYear !== null && !isSupportedFilingYear(filingYear)) {
    issues.push(issue("error", "UNSUPPORTED_YEAR", "filingYear", `Año de presentación ${filingYear} fuera del rango que maneja el producto (${MIN_FILING_YEAR}–${MAX_FILING_YEAR}).`, `Filing year ${filingYear} is outside the supported range (${MIN_FILING_YEAR}–${MAX_FILING_YEAR}).`, "R1"));
    filingYear = null;
  }

  const validPrograms = parsed.programs.filter((r) => r.value.type !== undefined);
  const held = [...new Set(validPrograms.map((r) => r.value.type!))];
  pushAll(issues, checkCompany(parsed), checkPrograms(parsed.programs), checkFigures(parsed.figures, held));

  const rate = filingYear === null ? null : exchangeRateFor(filingYear - 1, parsed.exchangeRate);
  if (filingYear !== null && rate && !rate.confirmed) {
    issues.push(issue("info", "RATE_ESTIMATE", "exchangeRate", `El tipo de cambio ${rate.rate} para ${filingYear - 1} es una estimación: confirme el promedio anual del FIX (Banxico) o capture el que use VUCEM. Mientras tanto los veredictos en USD quedan «por confirmar».`, `The ${filingYear - 1} exchange rate ${rate.rate} is an estimate: confirm Banxico's annual FIX average or enter the rate VUCEM uses. USD verdicts stay 'to confirm' until then.`, "R24"));
  } else if (filingYear !== null && !rate) {
    issues.push(issue("warning", "RATE_MISSING", "exchangeRate", `No hay tipo de cambio para ${filingYear - 1}: capture el promedio anual del FIX (Banxico) para convertir a USD.`, `No exchange rate for ${filingYear - 1}: enter Banxico's annual FIX average to convert to USD.`, "R24"));
  }

  const prosecNeedsGoods = held.includes("PROSEC") && !isLinkedProsec(held);
  if (prosecNeedsGoods && parsed.goods.length === 0) {
    issues.push(issue("error", "GOODS_REQUIRED", "goods", "Relación de bienes producidos: PROSEC sin otros programas debe capturar al menos un bien producido (sector, fracción, descripción, unidad y volumen).", "Produced goods: PROSEC alone must list at least one produced good (sector, tariff code, description, unit and volume).", "R23"));
  }
  if (!held.includes("PROSEC") && parsed.goods.length > 0 && held.length > 0) {
    issues.push(issue("warning", "GOODS_NOT_CAPTURED", "goods", "La relación de bienes producidos solo se captura para PROSEC; con sus programas no se usa.", "The produced-goods list is only captured for PROSEC; it is not used for your programs.", "R23"));
  }
  const goods = checkGoods(parsed.goods, { authorizedSectors: authorizedSectors(parsed.programs) });
  pushAll(issues, goods.issues);

  const immexRow = validPrograms.find((r) => r.value.type === "IMMEX");
  const programs =
    filingYear === null
      ? []
      : validPrograms
          .map((row) => evaluateProgram(row, { parsed, filingYear: filingYear!, asOf, held, immexFiledOn: immexRow?.value.filedOn ?? null }, issues))
          .filter((r): r is ProgramResult => r !== null);

  return {
    filingYear,
    fiscalYear: filingYear === null ? null : filingYear - 1,
    asOf,
    company: { rfc: parsed.company.rfc ?? null, name: parsed.company.name ?? null },
    figures: figuresResult(parsed, filingYear),
    programs,
    goods: goods.goods,
    issues,
    summary: summarizeIssues(issues),
  };
}
