/**
 * The logic of the =RAOCE.* custom functions, free of Office.js: plain cell values in, plain values out, and a typed
 * FunctionError for input Excel should show as an error. src/functions/functions.ts maps FunctionError to
 * CustomFunctions.Error (#VALUE! for bad input, #N/A for "not available"), so this module runs under jest as is.
 *
 * Cell values: numbers, strings, booleans, null/undefined (an omitted optional argument) and, for range arguments,
 * 2-D arrays of those. Dates travel as Excel serials of the workbook's date system: 1900 unless the caller runs the
 * computation inside `inDateSystem(true, …)` (functions.ts does, for a 1904 workbook: see ./date-system); ISO text
 * `AAAA-MM-DD` is accepted too. "Today" is today's date in Mexico City.
 */
import { addBusinessDays } from "../domain/calendar";
import { parseIsoDate, type IsoDate } from "../domain/dates";
import { evaluateCommitment, type CommitmentVerdict } from "../domain/commitment";
import { deadlines, nextMilestone, type Deadlines, type Milestone } from "../domain/deadlines";
import { exchangeRateFor, isValidRate } from "../domain/exchange-rates";
import { computeFigures, thousandsMxnToUsd } from "../domain/figures";
import { parseExporterType, parseProgramType, PROGRAM_TYPES, type ExporterType, type ProgramType } from "../domain/programs";
import { validateRfc, type RfcVerdict } from "../domain/rfc";
import { isSupportedFilingYear, MAX_FILING_YEAR, MIN_FILING_YEAR, waiverFor } from "../domain/rule-table";
import { programStatus, type StatusCode } from "../domain/status";
import { isoToSerial, serialToIso } from "../workbook/serial-dates";
import { todayInMexico } from "../workbook/today";

/** invalidValue → #VALUE! (the input cannot be used); notAvailable → #N/A (valid input, no answer exists). */
export type FunctionErrorKind = "invalidValue" | "notAvailable";

export class FunctionError extends Error {
  constructor(
    readonly kind: FunctionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** What Excel may pass for one argument. */
export type CellValue = number | string | boolean | null | undefined;
export type CellArg = CellValue | readonly (readonly CellValue[])[];

/** Injected clock, so tests fix "today". */
export interface CoreContext {
  today: () => IsoDate;
}
export const defaultContext: CoreContext = { today: () => todayInMexico() };

const invalid = (message: string): FunctionError => new FunctionError("invalidValue", message);
const notAvailable = (message: string): FunctionError => new FunctionError("notAvailable", message);

/** Largest count BUSINESSDAYS accepts (about 380 years): keeps a typo from freezing the recalculation. */
export const MAX_BUSINESS_DAYS = 100_000;

// ───────────────────────────── argument coercion ─────────────────────────────

function isEmpty(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** An argument as quoted in an error message: long text is cut (a pasted 30,000-character cell makes no tooltip). */
function show(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
  if (Array.isArray(v)) return "un rango";
  return String(v);
}

/** A scalar argument: a 1×1 range is unwrapped, a larger one is an error. */
function scalar(v: unknown, label: string): CellValue {
  if (!Array.isArray(v)) return v as CellValue;
  const rows = v as unknown[][];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return rows[0][0] as CellValue;
  throw invalid(`${label}: se esperaba un solo valor, no un rango.`);
}

function requireNumber(v: unknown, label: string): number {
  const s = scalar(v, label);
  if (isEmpty(s)) throw invalid(`Falta ${label}.`);
  let n: number = Number.NaN;
  if (typeof s === "number") n = s;
  else if (typeof s === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s)) n = Number(s);
  if (!Number.isFinite(n)) throw invalid(`${capitalize(label)} debe ser un número; se recibió ${show(s)}.`);
  return n;
}

function optionalNumber(v: unknown, label: string): number | null {
  const s = scalar(v, label);
  return isEmpty(s) ? null : requireNumber(s, label);
}

/** R20: amounts in miles de pesos, never negative. */
function requireAmount(v: unknown, label: string): number {
  const n = requireNumber(v, label);
  if (n < 0) throw invalid(`${capitalize(label)} no puede ser negativo (miles de pesos): ${n}.`);
  return n;
}

function optionalAmount(v: unknown, label: string): number | null {
  const s = scalar(v, label);
  return isEmpty(s) ? null : requireAmount(s, label);
}

/** A calendar year as an integer (numeric text accepted). */
function requireYear(v: unknown, label: string): number {
  const n = requireNumber(v, label);
  if (!Number.isInteger(n) || n < 1900 || n > 9999) {
    throw invalid(`${capitalize(label)} debe ser un año de cuatro dígitos; se recibió ${n}.`);
  }
  return n;
}

/** R1: the filing year; years without rules are "not available" rather than bad input. */
function requireFilingYear(v: unknown): number {
  const year = requireYear(v, "el año de presentación");
  if (!isSupportedFilingYear(year)) {
    throw notAvailable(
      `No hay reglas del RAOCE para el año de presentación ${year} (se admiten ${MIN_FILING_YEAR}–${MAX_FILING_YEAR}).`,
    );
  }
  return year;
}

function requireProgram(v: unknown): ProgramType {
  const s = scalar(v, "el programa");
  if (isEmpty(s)) throw invalid(`Falta el programa (${PROGRAM_TYPES.join(", ")}).`);
  const p = parseProgramType(s);
  if (!p) throw invalid(`Programa desconocido ${show(s)}: use ${PROGRAM_TYPES.join(", ")}.`);
  return p;
}

/**
 * The date system serials are read and written in. Set only for the span of one synchronous computation
 * (`inDateSystem`), so a call can never see another workbook's setting.
 */
let activeDate1904 = false;

/** Runs a synchronous computation with serials in the 1904 (true) or 1900 (false) date system. */
export function inDateSystem<T>(date1904: boolean, compute: () => T): T {
  const previous = activeDate1904;
  activeDate1904 = date1904;
  try {
    return compute();
  } finally {
    activeDate1904 = previous;
  }
}

/** A date cell: an Excel serial (of the active date system) or ISO text AAAA-MM-DD. */
function requireDate(v: unknown, label: string): IsoDate {
  const s = scalar(v, label);
  if (isEmpty(s)) throw invalid(`Falta ${label}.`);
  if (typeof s === "number") {
    const iso = serialToIso(s, activeDate1904);
    if (iso === null) throw invalid(`${capitalize(label)} no es una fecha de Excel válida: ${s}.`);
    return iso;
  }
  if (typeof s === "string") {
    const text = s.trim();
    if (parseIsoDate(text)) return text;
    throw invalid(`${capitalize(label)} ${show(s)} no es una fecha: use una fecha de Excel o el texto AAAA-MM-DD.`);
  }
  throw invalid(`${capitalize(label)} debe ser una fecha; se recibió ${show(s)}.`);
}

function optionalDate(v: unknown, label: string): IsoDate | null {
  const s = scalar(v, label);
  return isEmpty(s) ? null : requireDate(s, label);
}

/** The cells of a range argument (or the single value), row by row, empty cells dropped. */
function cells(v: unknown): CellValue[] {
  if (Array.isArray(v)) return (v as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [row])) as CellValue[];
  return [v as CellValue];
}

/** "IMMEX,PROSEC" text, a range of program names, or both (each cell may hold a list). */
function programList(v: unknown): ProgramType[] {
  const out: ProgramType[] = [];
  for (const cell of cells(v)) {
    if (isEmpty(cell)) continue;
    if (typeof cell !== "string") throw invalid(`Otros programas: ${show(cell)} no es un nombre de programa.`);
    for (const name of cell.split(/[\s,;]+/)) {
      if (name === "") continue;
      const p = parseProgramType(name);
      if (!p) throw invalid(`Otros programas: programa desconocido ${show(name)} (use ${PROGRAM_TYPES.join(", ")}).`);
      if (!out.includes(p)) out.push(p);
    }
  }
  return out;
}

/** R12 layer 4: dates as serials, ISO texts or comma-separated ISO texts, from a range or a single value. */
function dateList(v: unknown): IsoDate[] {
  const out: IsoDate[] = [];
  for (const cell of cells(v)) {
    if (isEmpty(cell)) continue;
    const parts = typeof cell === "string" ? cell.split(/[\s,;]+/).filter((p) => p !== "") : [cell];
    for (const part of parts) out.push(requireDate(part, "el día inhábil"));
  }
  return out;
}

function held(program: ProgramType, others: readonly ProgramType[]): ProgramType[] {
  return others.includes(program) ? [...others] : [program, ...others];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A numeric result Excel can show; huge inputs could otherwise overflow to Infinity. */
function finite(n: number): number {
  if (!Number.isFinite(n)) throw invalid("El resultado no es un número finito: revise la magnitud de los importes.");
  return n;
}

function toSerial(iso: IsoDate): number {
  try {
    return isoToSerial(iso, activeDate1904);
  } catch {
    throw notAvailable(`La fecha ${iso} no se puede representar como fecha de Excel.`);
  }
}

// ───────────────────────────── the functions ─────────────────────────────

/** RAOCE.STATUS (R15–R17): the status code of a program's RAOCE on a date (default: today in Mexico City). */
export function status(
  program: CellArg,
  filingYear: CellArg,
  filedDate?: CellArg,
  asOfDate?: CellArg,
  otherPrograms?: CellArg,
  authorizedDate?: CellArg,
  ctx: CoreContext = defaultContext,
): StatusCode {
  const p = requireProgram(program);
  const year = requireFilingYear(filingYear);
  const filedOn = optionalDate(filedDate, "la fecha de presentación");
  const asOf = optionalDate(asOfDate, "la fecha de consulta") ?? ctx.today();
  const others = programList(otherPrograms);
  const authorizedOn = optionalDate(authorizedDate, "la fecha de autorización");
  const result = programStatus({ program: p, filingYear: year, heldPrograms: held(p, others), asOf, filedOn, authorizedOn });
  // R16: e.g. a filing date before 1 April of the filing year is an input error, not a status.
  const error = result.notes.find((n) => n.severity === "error");
  if (error) throw invalid(error.message);
  return result.status;
}

const MILESTONE_NAMES: Readonly<Record<string, Milestone>> = {
  OPENS: "opens",
  OPEN: "opens",
  APERTURA: "opens",
  INICIO: "opens",
  DUE: "due",
  VENCIMIENTO: "due",
  LIMITE: "due",
  LATE: "late",
  EXTEMPORANEO: "late",
  EXTEMPORANEA: "late",
  CANCELLED: "cancelled",
  CANCELED: "cancelled",
  CANCELACION: "cancelled",
};

function parseMilestone(v: unknown): Milestone {
  const s = scalar(v, "el hito");
  if (isEmpty(s)) return "due";
  const key =
    typeof s === "string"
      ? s
          .trim()
          .toUpperCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
      : "";
  const m = MILESTONE_NAMES[key];
  if (!m) throw invalid(`Hito desconocido ${show(s)}: use opens, due, late o cancelled (apertura, vencimiento, extemporaneo, cancelacion).`);
  return m;
}

function milestoneDate(d: Deadlines, m: Milestone): IsoDate | null {
  switch (m) {
    case "opens":
      return d.opens;
    case "due":
      return d.due;
    case "late":
      return d.lateUntil;
    case "cancelled":
      return d.cancelledOn;
  }
}

/** RAOCE.DEADLINE (R6–R14): a date of the RAOCE calendar as an Excel serial. */
export function deadline(program: CellArg, filingYear: CellArg, milestone?: CellArg, otherPrograms?: CellArg): number {
  const p = requireProgram(program);
  const year = requireFilingYear(filingYear);
  const m = parseMilestone(milestone);
  const d = deadlines(p, year, held(p, programList(otherPrograms)));
  const date = milestoneDate(d, m);
  if (date === null) {
    throw notAvailable(`${p} no tiene periodo de presentación extemporánea: se cancela al día siguiente del vencimiento (Guía RAOCE 2025).`);
  }
  return toSerial(date);
}

/** RAOCE.DAYSLEFT: calendar days from the as-of date to the next milestone (0 when it is that day). */
export function daysLeft(
  program: CellArg,
  filingYear: CellArg,
  asOfDate?: CellArg,
  otherPrograms?: CellArg,
  ctx: CoreContext = defaultContext,
): number {
  const p = requireProgram(program);
  const year = requireFilingYear(filingYear);
  const asOf = optionalDate(asOfDate, "la fecha de consulta") ?? ctx.today();
  const d = deadlines(p, year, held(p, programList(otherPrograms)));
  const next = nextMilestone(d, asOf);
  if (!next) throw notAvailable(`Ya pasaron todas las fechas del RAOCE ${year} de ${p} (cancelación: ${d.cancelledOn}).`);
  return next.daysLeft;
}

/** RAOCE.BALANCE (R21): saldo = exportaciones − importaciones, in miles de pesos (imports omitted = 0, R22). */
export function balance(exports: CellArg, imports?: CellArg): number {
  const b = requireAmount(exports, "el total de exportaciones");
  const c = optionalAmount(imports, "el total de importaciones");
  return finite(computeFigures({ totalSales: 0, totalExports: b, totalImports: c }, null).balance);
}

/** RAOCE.EXPORTSHARE (R21): exportaciones / ventas × 100, unrounded (10 means 10 %). */
export function exportShare(sales: CellArg, exports: CellArg): number {
  const a = requireAmount(sales, "las ventas totales");
  const b = requireAmount(exports, "el total de exportaciones");
  const share = computeFigures({ totalSales: a, totalExports: b }, null).exportShare;
  if (share === null) throw invalid("Las ventas totales deben ser mayores que 0 para calcular el porcentaje de exportación.");
  return finite(share);
}

function optionalRate(v: unknown): number | null {
  const rate = optionalNumber(v, "el tipo de cambio");
  if (rate !== null && !isValidRate(rate)) throw invalid(`El tipo de cambio debe ser mayor que 0 (pesos por dólar): ${rate}.`);
  return rate;
}

/** RAOCE.USD (R24): miles de pesos → dólares with the fiscal year's average rate (or the rate given). */
export function usd(thousandsMxn: CellArg, fiscalYear: CellArg, rate?: CellArg): number {
  const amount = requireNumber(thousandsMxn, "el importe en miles de pesos");
  const year = requireYear(fiscalYear, "el ejercicio");
  const r = exchangeRateFor(year, optionalRate(rate));
  if (!r) {
    throw notAvailable(`No hay tipo de cambio promedio del ejercicio ${year}: escríbalo en el argumento tipoCambio.`);
  }
  return finite(thousandsMxnToUsd(amount, r.rate));
}

/** RAOCE.COMMITMENT (R27–R31): CUMPLE, NO_CUMPLE, NO_EVALUADO or POR_CONFIRMAR. */
export function commitment(
  program: CellArg,
  fiscalYear: CellArg,
  sales: CellArg,
  exports: CellArg,
  rate?: CellArg,
  exporterType?: CellArg,
  indirectExports?: CellArg,
): CommitmentVerdict {
  const p = requireProgram(program);
  const year = requireYear(fiscalYear, "el ejercicio");
  const a = requireAmount(sales, "las ventas totales");
  const b = requireAmount(exports, "el total de exportaciones");
  const userRate = optionalRate(rate);
  const typeArg = scalar(exporterType, "el tipo de exportador");
  let type: ExporterType | null = null;
  if (!isEmpty(typeArg)) {
    type = parseExporterType(typeArg);
    if (!type) throw invalid(`Tipo de exportador desconocido ${show(typeArg)}: use DIRECTO, INDIRECTO o AMBOS.`);
  }
  const indirect = optionalAmount(indirectExports, "las exportaciones indirectas");
  if (indirect !== null && indirect > b) {
    throw invalid("Las exportaciones indirectas no pueden ser mayores que el total de exportaciones (regla 3.2.16 e de las Reglas de la SE).");
  }
  // R31: year waivers (e.g. IMMEX, fiscal year 2020).
  if (waiverFor(p, year)) return "NO_EVALUADO";
  return evaluateCommitment({
    program: p,
    totalSales: a,
    totalExports: b,
    indirectExports: indirect,
    exporterType: type,
    rate: exchangeRateFor(year, userRate),
  }).verdict;
}

/**
 * RAOCE.RFC (R40–R42): VALIDO, ADVERTENCIA (check character mismatch, R42) or INVALIDO as text, so the column can be
 * counted and filtered. Only an unusable argument (empty, TRUE/FALSE, a range) is an error.
 */
export function rfc(value: CellArg): RfcVerdict {
  const s = scalar(value, "el RFC");
  if (isEmpty(s)) throw invalid("Falta el RFC.");
  if (typeof s === "boolean") throw invalid(`El RFC debe ser texto; se recibió ${show(s)}.`);
  return validateRfc(s).verdict;
}

/** RAOCE.BUSINESSDAYS (R12): the n-th SE business day after a date, as an Excel serial. */
export function businessDays(startDate: CellArg, days: CellArg, extraNonBusinessDays?: CellArg): number {
  const start = requireDate(startDate, "la fecha inicial");
  const n = requireNumber(days, "el número de días");
  if (!Number.isInteger(n) || n < 0 || n > MAX_BUSINESS_DAYS) {
    throw invalid(`El número de días debe ser un entero entre 0 y ${MAX_BUSINESS_DAYS}; se recibió ${n}.`);
  }
  const extra = isEmpty(extraNonBusinessDays as unknown) ? [] : dateList(extraNonBusinessDays);
  let end: IsoDate;
  try {
    end = addBusinessDays(start, n, { extraNonBusinessDays: extra });
  } catch {
    throw notAvailable(`La fecha resultante queda fuera del calendario de Excel (después del 31/12/9999).`);
  }
  return toSerial(end);
}
