/**
 * R27–R31: export commitment of IMMEX, ALTEX and ECEX. R5 (authorized during the fiscal year) and R31 (year waivers)
 * are decided by the caller, which returns NO_EVALUADO itself. Percentages are tested unrounded (R21).
 */
import type { ExchangeRate } from "./exchange-rates";
import { isValidRate } from "./exchange-rates";
import { exportSharePercent, round2, thousandsMxnToUsd } from "./figures";
import type { ExporterType, ProgramType } from "./programs";
import { DEFAULT_SETTINGS, type RuleSettings } from "./settings";

export type CommitmentVerdict = "CUMPLE" | "NO_CUMPLE" | "NO_EVALUADO" | "POR_CONFIRMAR";

export interface CommitmentResult {
  verdict: CommitmentVerdict;
  /** Test that passed (CUMPLE), is pending (POR_CONFIRMAR) or failed (NO_CUMPLE; several joined with "+"). */
  test: string | null;
  reason: string;
  reasonEn: string;
  /** R21: the verdict rests on a figure within ±0.05 points of a % threshold or ±1 % of a USD threshold. */
  nearThreshold: boolean;
  rule: string;
}

export interface CommitmentInput {
  program: ProgramType;
  totalSales: number; // a, miles de pesos
  totalExports: number; // b, miles de pesos
  directExports?: number | null;
  indirectExports?: number | null;
  exporterType?: ExporterType | null;
  rate: ExchangeRate | null;
  settings?: Partial<RuleSettings>;
}

// R27 (Decreto IMMEX art. 24 fr. VI; guide 2025: "superior a 500,000 dólares … cuando menos el 10 %").
const IMMEX_MIN_SHARE = 10;
const IMMEX_USD_OVER = 500_000;
// R28 (guide 2025: "igual o mayor a 40 % … igual o mayor a 2,000,000 de dólares").
const ALTEX_DIRECT_MIN_SHARE = 40;
const ALTEX_DIRECT_MIN_USD = 2_000_000;
// R29 (guide 2025: "igual o mayor a 50 %").
const ALTEX_INDIRECT_MIN_SHARE = 50;
// R21: near-threshold bands.
const NEAR_POINTS = 0.05;
const NEAR_USD_FRACTION = 0.01;
// Relative tolerance for binary floating-point noise only (not a domain rounding): 9163.15 thousand MXN at 18.3263
// is USD 500,000 exactly, whatever the last bit of the division says.
const FP_TOLERANCE = 1e-10;

type Status = "PASS" | "FAIL" | "UNCONFIRMED" | "UNAVAILABLE";

interface Outcome {
  test: string;
  kind: "PCT" | "USD";
  status: Status;
  near: boolean;
  es: string;
  en: string;
}

const finiteOrNull = (n: number | null | undefined): number | null =>
  typeof n === "number" && Number.isFinite(n) ? n : null;

const tol = (threshold: number): number => Math.abs(threshold) * FP_TOLERANCE;
const atLeast = (v: number, t: number): boolean => v >= t - tol(t);
const over = (v: number, t: number): boolean => v > t + tol(t);

/** en-US/es-MX grouping: 1234567.891 → "1,234,567.89". */
export function formatNumber(n: number, decimals: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const fixed = (decimals === 2 ? round2(Math.abs(n)) : Math.abs(n)).toFixed(decimals);
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + grouped + (frac ? "." + frac : "");
}

/**
 * 2 decimals (R21) unless rounding would contradict the verdict (a failing 9.999 % shown as "10.00 %"):
 * then up to 8 decimals.
 */
function formatAgainst(value: number, threshold: number, passes: boolean, strict: boolean): string {
  const consistent = (shown: number): boolean =>
    passes ? (strict ? shown > threshold : shown >= threshold) : strict ? shown <= threshold : shown < threshold;
  let decimals = 2;
  while (decimals < 8 && !consistent(Number(formatNumber(value, decimals).replace(/,/g, "")))) decimals++;
  return formatNumber(value, decimals);
}

const thr = (t: number): string => formatNumber(t, Number.isInteger(t) ? 0 : 2);

function pctTest(
  test: string,
  amount: number,
  sales: number,
  min: number,
  label: { es: string; en: string },
): Outcome {
  const share = exportSharePercent(amount, sales);
  if (share === null) {
    return {
      test,
      kind: "PCT",
      status: "UNAVAILABLE",
      near: false,
      es: `Ventas totales = ${formatNumber(sales, 2)} (miles de pesos): no se puede calcular el porcentaje (las ventas deben ser mayores a 0)`,
      en: `Total sales = ${formatNumber(sales, 2)} (thousand MXN): the percentage cannot be computed (sales must be above 0)`,
    };
  }
  const pass = atLeast(share, min);
  const near = Math.abs(share - min) <= NEAR_POINTS + tol(min);
  const shown = formatAgainst(share, min, pass, false);
  const nearEs = near ? ", cerca del umbral" : "";
  const nearEn = near ? ", near the threshold" : "";
  return {
    test,
    kind: "PCT",
    status: pass ? "PASS" : "FAIL",
    near,
    es: `${label.es} = ${shown} % de las ventas (mínimo ${thr(min)} %${nearEs})`,
    en: `${label.en} = ${shown} % of sales (minimum ${thr(min)} %${nearEn})`,
  };
}

function usdTest(
  test: string,
  amount: number,
  rate: ExchangeRate | null,
  threshold: number,
  strict: boolean,
  label: { es: string; en: string },
): Outcome {
  const ruleEs = strict ? `debe ser mayor a USD ${thr(threshold)}` : `mínimo USD ${thr(threshold)}`;
  const ruleEn = strict ? `must be over USD ${thr(threshold)}` : `minimum USD ${thr(threshold)}`;
  if (!rate || !isValidRate(rate.rate)) {
    return {
      test,
      kind: "USD",
      status: "UNAVAILABLE",
      near: false,
      es: `${label.es} en USD: falta el tipo de cambio del ejercicio (${ruleEs}); capture el tipo de cambio`,
      en: `${label.en} in USD: the fiscal-year exchange rate is missing (${ruleEn}); enter the rate`,
    };
  }
  const usd = thousandsMxnToUsd(amount, rate.rate);
  const pass = strict ? over(usd, threshold) : atLeast(usd, threshold);
  const near = Math.abs(usd - threshold) <= threshold * NEAR_USD_FRACTION + tol(threshold);
  const shown = formatAgainst(usd, threshold, pass, strict);
  const rateText = formatNumber(rate.rate, 4);
  const nearEs = near ? ", cerca del umbral" : "";
  const nearEn = near ? ", near the threshold" : "";
  if (!rate.confirmed) {
    return {
      test,
      kind: "USD",
      status: "UNCONFIRMED",
      near,
      es: `${label.es} ≈ USD ${shown} con tipo de cambio estimado ${rateText} (${rate.source}; ${ruleEs}${nearEs}); confirme o capture el tipo de cambio`,
      en: `${label.en} ≈ USD ${shown} at the estimated rate ${rateText} (${rate.sourceEn}; ${ruleEn}${nearEn}); confirm or enter the rate`,
    };
  }
  return {
    test,
    kind: "USD",
    status: pass ? "PASS" : "FAIL",
    near,
    es: `${label.es} = USD ${shown} (${ruleEs}; tipo de cambio ${rateText}, ${rate.source}${nearEs})`,
    en: `${label.en} = USD ${shown} (${ruleEn}; rate ${rateText}, ${rate.sourceEn}${nearEn})`,
  };
}

/** OR of the tests: any confirmed pass → CUMPLE; else a pending USD test → POR_CONFIRMAR; else NO_CUMPLE. */
function decide(
  outcomes: readonly Outcome[],
  rule: string,
  notes: { es: string[]; en: string[] },
  failNote?: { es: string; en: string },
): CommitmentResult {
  const withNotes = (verdictEs: string, verdictEn: string, picked: readonly Outcome[], tail?: { es: string; en: string }) => ({
    reason: [...notes.es, `${verdictEs}: ${picked.map((o) => o.es).join("; ")}.`, ...(tail ? [tail.es] : [])].join(" "),
    reasonEn: [...notes.en, `${verdictEn}: ${picked.map((o) => o.en).join("; ")}.`, ...(tail ? [tail.en] : [])].join(" "),
  });
  const passed = outcomes.filter((o) => o.status === "PASS");
  if (passed.length > 0) {
    const first = passed[0] as Outcome;
    // R21: a near-threshold pass is only a risk when no other test passes comfortably.
    const comfortable = first.near ? passed.find((o) => !o.near) : undefined;
    const text = withNotes("Cumple", "Meets", [first]);
    if (comfortable) {
      text.reason = text.reason.replace(/\.$/, `; además ${comfortable.es}.`);
      text.reasonEn = text.reasonEn.replace(/\.$/, `; also ${comfortable.en}.`);
    }
    return { verdict: "CUMPLE", test: first.test, nearThreshold: first.near && !comfortable, rule, ...text };
  }
  const pending = outcomes.filter((o) => o.status === "UNCONFIRMED" || (o.status === "UNAVAILABLE" && o.kind === "USD"));
  const failed = outcomes.filter((o) => o.status === "FAIL");
  const shown = outcomes.filter((o) => o.status !== "PASS");
  if (pending.length > 0) {
    return {
      verdict: "POR_CONFIRMAR",
      test: (pending[0] as Outcome).test,
      nearThreshold: shown.some((o) => o.near),
      rule: `${rule}, R24`,
      ...withNotes("Por confirmar", "To be confirmed", shown),
    };
  }
  if (failed.length > 0) {
    return {
      verdict: "NO_CUMPLE",
      test: failed.map((o) => o.test).join("+"),
      nearThreshold: failed.some((o) => o.near),
      rule,
      ...withNotes("No cumple", "Does not meet", shown, failNote),
    };
  }
  return { verdict: "NO_EVALUADO", test: null, nearThreshold: false, rule, ...withNotes("No evaluado", "Not evaluated", shown) };
}

function evaluateImmex(i: CommitmentInput): CommitmentResult {
  const label = { es: "Exportaciones", en: "Exports" };
  // R27: percentage first (needs no rate), then USD strictly over 500,000 (exactly 500,000 does not meet).
  const outcomes = [
    pctTest("PORCENTAJE", i.totalExports, i.totalSales, IMMEX_MIN_SHARE, label),
    usdTest("USD", i.totalExports, i.rate, IMMEX_USD_OVER, true, label),
  ];
  return decide(outcomes, "R27", { es: [], en: [] }, {
    es: "Es causal de cancelación del programa (no automática).",
    en: "It is a ground for cancelling the program (not automatic).",
  });
}

function evaluateAltex(i: CommitmentInput, settings: RuleSettings): CommitmentResult {
  const notes = { es: [] as string[], en: [] as string[] };
  const type = i.exporterType ?? null;
  if (type === null) {
    // R43 rev. 2026-11: never a verdict computed as if it were another type.
    return {
      verdict: "NO_EVALUADO",
      test: null,
      nearThreshold: false,
      rule: "R43",
      reason: "No evaluado: falta el tipo de exportador ALTEX (directo, indirecto o ambos), y los mínimos dependen de él. Capture el tipo que indica su autorización.",
      reasonEn: "Not evaluated: the ALTEX exporter type (direct, indirect or both) is missing, and the minimums depend on it. Enter the type of the authorization.",
    };
  }
  const altexFail = {
    es: "La VUCEM emite el oficio de cancelación de forma automática (guía 2025).",
    en: "VUCEM issues the cancellation automatically (2025 guide).",
  };
  const direct = finiteOrNull(i.directExports);
  const indirect = finiteOrNull(i.indirectExports);

  if (type === "INDIRECTO") {
    // R29; guide 2025 "ALTEX: porcentaje de exportación ≥ 50 %": without a separate indirect figure b is used.
    const amount = indirect ?? i.totalExports;
    const label = { es: "Exportaciones indirectas", en: "Indirect exports" };
    const outcome = pctTest("PORCENTAJE_INDIRECTO", amount, i.totalSales, ALTEX_INDIRECT_MIN_SHARE, label);
    return decide([outcome], "R29", notes, altexFail);
  }

  // R28 says "direct exports"; the 2025 guide words the ALTEX directo test on the "porcentaje de exportación" (b/a)
  // and the "total de exportaciones" (VUCEM captures only b). Where they disagree the guide wins: b is tested unless
  // the user captured a separate direct-exports figure.
  const factor =
    typeof settings.altexIndirectFactor === "number" && Number.isFinite(settings.altexIndirectFactor) && settings.altexIndirectFactor >= 0
      ? settings.altexIndirectFactor
      : DEFAULT_SETTINGS.altexIndirectFactor;
  if (type === "DIRECTO") {
    const amount = direct ?? i.totalExports;
    const label = { es: "Exportaciones directas", en: "Direct exports" };
    const outcomes = [
      pctTest("PORCENTAJE", amount, i.totalSales, ALTEX_DIRECT_MIN_SHARE, label),
      usdTest("USD", amount, i.rate, ALTEX_DIRECT_MIN_USD, false, label),
    ];
    return decide(outcomes, "R28", notes, altexFail);
  }

  // AMBOS: R28 lets the direct exporter add factor × indirect exports; R29 indirect test too.
  const ind = indirect ?? 0;
  if (indirect === null) {
    notes.es.push("Sin exportaciones indirectas capturadas: se toman como 0.");
    notes.en.push("No indirect exports given: taken as 0.");
  }
  let dir = direct;
  if (dir === null) {
    // R26: b = direct + indirect.
    dir = i.totalExports - ind;
    if (indirect !== null) {
      notes.es.push("Exportaciones directas = total de exportaciones − indirectas.");
      notes.en.push("Direct exports = total exports − indirect exports.");
    }
  }
  const added = factor * ind;
  const pct = factor * 100;
  const combined = { es: `Exportaciones directas + ${thr(pct)} % de las indirectas`, en: `Direct exports + ${thr(pct)} % of indirect exports` };
  const directLabel = { es: "Exportaciones directas", en: "Direct exports" };
  const directPct = pctTest("PORCENTAJE", dir, i.totalSales, ALTEX_DIRECT_MIN_SHARE, directLabel);
  const directUsd = usdTest("USD", dir, i.rate, ALTEX_DIRECT_MIN_USD, false, directLabel);
  const outcomes = [
    added === 0 || directPct.status === "PASS"
      ? directPct
      : pctTest("PORCENTAJE_DIRECTO_MAS_INDIRECTO", dir + added, i.totalSales, ALTEX_DIRECT_MIN_SHARE, combined),
    pctTest("PORCENTAJE_INDIRECTO", ind, i.totalSales, ALTEX_INDIRECT_MIN_SHARE, {
      es: "Exportaciones indirectas",
      en: "Indirect exports",
    }),
    added === 0 || directUsd.status === "PASS"
      ? directUsd
      : usdTest("USD_DIRECTO_MAS_INDIRECTO", dir + added, i.rate, ALTEX_DIRECT_MIN_USD, false, combined),
  ];
  return decide(outcomes, "R28, R29", notes, altexFail);
}

function evaluateEcex(i: CommitmentInput, settings: RuleSettings): CommitmentResult {
  const usable = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
  const minShare = usable(settings.ecexMinExportShare) ? settings.ecexMinExportShare : null;
  const minUsd = usable(settings.ecexMinExportsUsd) ? settings.ecexMinExportsUsd : null;
  if (minShare === null && minUsd === null) {
    // R30 (L): never fail on an assumed number.
    return {
      verdict: "POR_CONFIRMAR",
      test: null,
      nearThreshold: false,
      rule: "R30",
      reason:
        "Por confirmar: los montos mínimos de exportación de ECEX no están confirmados; capture los umbrales en la configuración para evaluarlos.",
      reasonEn:
        "To be confirmed: the ECEX minimum export amounts are not confirmed; enter the thresholds in the settings to evaluate them.",
    };
  }
  const label = { es: "Exportaciones", en: "Exports" };
  const outcomes: Outcome[] = [];
  if (minShare !== null) outcomes.push(pctTest("PORCENTAJE", i.totalExports, i.totalSales, minShare, label));
  if (minUsd !== null) outcomes.push(usdTest("USD", i.totalExports, i.rate, minUsd, false, label));
  return decide(outcomes, "R30", {
    es: ["Umbrales ECEX definidos por el usuario."],
    en: ["ECEX thresholds set by the user."],
  });
}

/** R27–R30. Never throws. */
export function evaluateCommitment(input: CommitmentInput): CommitmentResult {
  if (input.program === "PROSEC") {
    return {
      verdict: "NO_EVALUADO",
      test: null,
      nearThreshold: false,
      rule: "R27–R30",
      reason: "PROSEC no tiene compromiso de exportación.",
      reasonEn: "PROSEC has no export commitment.",
    };
  }
  if (!Number.isFinite(input.totalSales) || !Number.isFinite(input.totalExports)) {
    return {
      verdict: "NO_EVALUADO",
      test: null,
      nearThreshold: false,
      rule: "R20",
      reason: "No evaluado: faltan las ventas totales o el total de exportaciones (números en miles de pesos).",
      reasonEn: "Not evaluated: total sales or total exports are missing (numbers in thousand MXN).",
    };
  }
  const settings: RuleSettings = { ...DEFAULT_SETTINGS, ...input.settings };
  switch (input.program) {
    case "IMMEX":
      return evaluateImmex(input);
    case "ALTEX":
      return evaluateAltex(input, settings);
    case "ECEX":
      return evaluateEcex(input, settings);
  }
}
