/**
 * `evaluate(input, today)`: the whole RAOCE check of one company for one filing year. Pure and total: any JSON value
 * gives a result; what cannot be used becomes a located issue.
 */
import { checkCompany } from "./check-company";
import { checkFigures, VERDICT_BLOCKING_CODES } from "./check-figures";
import { checkGoods, type GoodResult } from "./check-goods";
import { authorizedSectors, checkPrograms } from "./check-programs";
import { isIsoDate, type IsoDate } from "./dates";
import { evaluateProgram, type ProgramContext, type ProgramResult, type VerdictFigures } from "./evaluate-program";
import { exchangeRateFor, rateNotice } from "./exchange-rates";
import { filingYearConfusion } from "./filing-year";
import { computeFigures } from "./figures";
import { issue, pushAll, summarizeIssues, type Issue, type IssueSummary } from "./issues";
import { linkingFor, type HeldProgram } from "./linking";
import { parseInput, type ParsedInput } from "./parse-input";
import { isLinkedProsec, type ProgramType } from "./programs";
import { validateRfc } from "./rfc";
import { isSupportedFilingYear, MAX_FILING_YEAR, MIN_FILING_YEAR } from "./rule-table";
import { vucemFigures, type CaptureFigure, type VucemFigures } from "./vucem-figures";

export { captureFields, type CaptureField, type CaptureHint, type ProgramResult } from "./evaluate-program";

export interface FiguresResult {
  balance: number | null;
  exportShare: number | null;
  exportsUsd: number | null;
  salesUsd: number | null;
  exchangeRate: number | null;
  exchangeRateSource: string | null;
  exchangeRateConfirmed: boolean;
  exchangeRateEstimate: boolean;
  /** R21a: each figure as VUCEM takes it (the whole number to type; null when missing or in error). */
  capture: { totalSales: CaptureFigure; totalExports: CaptureFigure; totalImports: CaptureFigure };
  /** The same whole numbers, flat (what the Captura VUCEM sheet reads): null when missing or in error. */
  vucem: { totalSales: number | null; totalExports: number | null; totalImports: number | null };
}

export interface ReportResult {
  filingYear: number | null;
  fiscalYear: number | null;
  asOf: IsoDate;
  /** `rfc` is the normalized RFC (R42 rev.: upper case, no spaces or dashes), the one to capture. */
  company: { rfc: string | null; name: string | null };
  figures: FiguresResult;
  programs: ProgramResult[];
  goods: GoodResult[];
  issues: Issue[];
  summary: IssueSummary;
}

/** R21a: a figure with an error has no value to capture (Captura shows the error there instead). */
function withoutErrors(f: CaptureFigure, field: string, issues: readonly Issue[]): CaptureFigure {
  const path = `figures.${field}`;
  return issues.some((i) => i.severity === "error" && i.path === path) ? { ...f, value: null } : f;
}

function figuresResult(parsed: ParsedInput, filingYear: number | null, v: VucemFigures, issues: readonly Issue[]): FiguresResult {
  const rate = filingYear === null ? null : exchangeRateFor(filingYear - 1, parsed.exchangeRate);
  const capture = {
    totalSales: withoutErrors(v.totalSales, "totalSales", issues),
    totalExports: withoutErrors(v.totalExports, "totalExports", issues),
    totalImports: withoutErrors(v.totalImports, "totalImports", issues),
  };
  const base = {
    exchangeRate: rate?.rate ?? null,
    exchangeRateSource: rate?.source ?? null,
    exchangeRateConfirmed: rate?.confirmed ?? false,
    exchangeRateEstimate: rate?.estimate ?? false,
    capture,
    vucem: { totalSales: capture.totalSales.value, totalExports: capture.totalExports.value, totalImports: capture.totalImports.value },
  };
  // R21a: computed from the whole numbers VUCEM takes, as VUCEM will.
  const a = v.totalSales.value;
  const b = v.totalExports.value;
  const c = v.totalImports.value;
  if (a === null || b === null) {
    const balance = b !== null && c !== null ? b - c : null;
    return { balance, exportShare: null, exportsUsd: null, salesUsd: null, ...base };
  }
  const computed = computeFigures({ totalSales: a, totalExports: b, totalImports: c }, rate?.rate ?? null);
  return { ...computed, ...base };
}

function verdictFigures(v: VucemFigures, figureIssues: readonly Issue[]): VerdictFigures {
  const blocking = v.blocked || figureIssues.some((i) => i.severity === "error" && VERDICT_BLOCKING_CODES.has(i.code));
  const rounded = v.totalSales.value !== null && v.totalExports.value !== null ? { totalSales: v.totalSales.value, totalExports: v.totalExports.value } : null;
  const unrounded = v.totalSales.typed !== null && v.totalExports.typed !== null ? { totalSales: v.totalSales.typed, totalExports: v.totalExports.typed } : null;
  return {
    rounded,
    unrounded,
    blockedReason: blocking
      ? { es: "No evaluado: las cifras tienen errores que VUCEM no acepta o que no cuadran entre sí; corríjalas para obtener el veredicto.", en: "Not evaluated: the figures have errors VUCEM refuses or that do not add up; fix them to get the verdict." }
      : null,
  };
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
  // R9 rev.: "held" ≠ "linked": only programs in force for the filing link (or make PROSEC file alone).
  const partners: HeldProgram[] = validPrograms.map((r) => ({ type: r.value.type!, authorizedOn: r.value.authorizedOn ?? null, cancelledOn: r.value.cancelledOn ?? null }));
  const inForce: ProgramType[] = filingYear === null ? held : linkingFor(partners, filingYear).inForce;
  // A program that does not file this year still decides nothing about the others; with none in force, use the held list.
  const captureSet = inForce.length > 0 ? inForce : held;

  const vucem = vucemFigures(parsed.figures);
  const figureIssues = checkFigures(parsed.figures, captureSet);
  pushAll(issues, checkCompany(parsed), checkPrograms(parsed.programs, parsed.issues), vucem.issues, figureIssues); // never spread: lists grow with rows

  if (filingYear !== null) {
    const notice = rateNotice(filingYear - 1, parsed.exchangeRate);
    if (notice) issues.push(notice);
  }

  const prosecNeedsGoods = captureSet.includes("PROSEC") && !isLinkedProsec(captureSet);
  if (prosecNeedsGoods && parsed.goods.length === 0) {
    issues.push(issue("error", "GOODS_REQUIRED", "goods", "Relación de bienes producidos: PROSEC sin otros programas vigentes debe capturar al menos un bien producido (sector, fracción, descripción, unidad y volúmenes).", "Produced goods: PROSEC without other programs in force must list at least one produced good (sector, tariff code, description, unit and volumes).", "R23"));
  }
  if (!held.includes("PROSEC") && parsed.goods.length > 0 && held.length > 0) {
    issues.push(issue("warning", "GOODS_NOT_CAPTURED", "goods", "La relación de bienes producidos solo se captura para PROSEC; con sus programas no se usa.", "The produced-goods list is only captured for PROSEC; it is not used for your programs.", "R23"));
  }
  const goods = checkGoods(parsed.goods, { authorizedSectors: authorizedSectors(parsed.programs) });
  pushAll(issues, goods.issues);

  const unreadableExporterType = new Set<number>();
  for (const i of parsed.issues) {
    const m = /^programs\[(\d+)\]\.exporterType$/.exec(i.path);
    if (m) unreadableExporterType.add(Number(m[1]));
  }
  const immexRow = validPrograms.find((r) => r.value.type === "IMMEX");
  const ctxBase = (fy: number): ProgramContext => ({
    parsed,
    filingYear: fy,
    asOf,
    inForce,
    partners,
    immexFiledOn: inForce.includes("IMMEX") ? (immexRow?.value.filedOn ?? null) : null,
    figures: verdictFigures(vucem, figureIssues),
    unreadableExporterType,
  });
  const programIssues: Issue[] = [];
  const programs =
    filingYear === null
      ? []
      : validPrograms.map((row) => evaluateProgram(row, ctxBase(filingYear!), programIssues)).filter((r): r is ProgramResult => r !== null);
  // R18: the filing-year confusion is said before the statuses it produces.
  if (filingYear !== null) {
    const confusion = filingYearConfusion({
      filingYear,
      asOf,
      filedOn: validPrograms.map((r) => r.value.filedOn).filter((d): d is string => isIsoDate(d)),
      dues: programs.map((p) => p.deadlines?.due).filter((d): d is string => typeof d === "string"),
    });
    if (confusion) issues.splice(parsed.issues.length, 0, confusion); // right after the input's own problems
  }
  pushAll(issues, programIssues);

  const rfc = parsed.company.rfc !== undefined ? validateRfc(parsed.company.rfc).normalized || parsed.company.rfc : null;
  return {
    filingYear,
    fiscalYear: filingYear === null ? null : filingYear - 1,
    asOf,
    company: { rfc, name: parsed.company.name ?? null },
    figures: figuresResult(parsed, filingYear, vucem, issues),
    programs,
    goods: goods.goods,
    issues,
    summary: summarizeIssues(issues),
  };
}
