/**
 * R21a (rev. 2026-11, M: the code of the new VUCEM form): VUCEM takes a, b and c as digits only — whole miles de
 * pesos, no sign, at most 16 digits — and blocks a < 0, b < 0 and b > a with its own messages. This module turns the
 * typed figures into the whole numbers to capture (round half up) and reports what VUCEM would refuse, in its words.
 */
import { formatNumber } from "./commitment";
import { issue, type Issue } from "./issues";
import type { FiguresInput } from "./schema";

export type VucemField = "totalSales" | "totalExports" | "totalImports";

/** One figure as the accountant will type it in VUCEM. */
export interface CaptureFigure {
  /** As given (miles de pesos), null when missing. */
  typed: number | null;
  /** The whole number to type (round half up); null when missing or when the figure has an error. */
  value: number | null;
  /** True when rounding changed the typed figure. */
  rounded: boolean;
}

export interface VucemFigures {
  totalSales: CaptureFigure;
  totalExports: CaptureFigure;
  totalImports: CaptureFigure;
  issues: Issue[];
  /** True when VUCEM would refuse the figures (a < 0, b < 0, b > a, too many digits): no verdict is computed. */
  blocked: boolean;
}

export const VUCEM_MAX_DIGITS = 16;
const MAX_VALUE = 10 ** VUCEM_MAX_DIGITS; // 17 digits and up

/** VUCEM's own blocking messages (150101/150103 reporte-anual.enum.ts), quoted exactly. */
export const VUCEM_MESSAGES = {
  salesNegative: "Ventas totales deben ser mayores o iguales a cero.",
  exportsNegative: "Total exportaciones deben ser mayores o iguales a cero.",
  exportsOverSales: "Las Ventas Totales deben ser mayores o iguales al Total de Exportaciones.",
} as const;

const LABELS: Record<VucemField, { es: string; en: string; negEs: string }> = {
  totalSales: { es: "Ventas totales (a)", en: "Total sales (a)", negEs: VUCEM_MESSAGES.salesNegative },
  totalExports: { es: "Total exportaciones (b)", en: "Total exports (b)", negEs: VUCEM_MESSAGES.exportsNegative },
  // VUCEM's form names no message for c (disabled for IMMEX, enabled for PROSEC): the same wording, by analogy.
  totalImports: { es: "Total importaciones (c)", en: "Total imports (c)", negEs: "Total importaciones deben ser mayores o iguales a cero." },
};

/** Round half up to a whole number, tolerant of binary noise (2.5 → 3, 120000.49999999999 → 120000). */
export function roundHalfUp(n: number): number {
  const clean = Number(n.toPrecision(15));
  const r = Math.floor(clean + 0.5);
  return r === 0 ? 0 : r;
}

const fmt = (n: number): string => formatNumber(n, Number.isInteger(n) ? 0 : Math.min(6, (String(n).split(".")[1] ?? "").length));

function one(field: VucemField, typed: number | undefined, out: Issue[]): CaptureFigure {
  const path = `figures.${field}`;
  const l = LABELS[field];
  if (typed === undefined) return { typed: null, value: null, rounded: false };
  if (typed < 0) {
    out.push(issue("error", "VUCEM_NEGATIVE", path, `${l.es}: VUCEM no acepta cifras negativas («${l.negEs}»). Capture ${fmt(typed)} sin signo si es un error de captura, o revise la cifra.`, `${l.en}: VUCEM does not accept negative figures ("${l.negEs}"). Enter the figure without a sign if it was a typing error, or check it.`, "R21a"));
    return { typed, value: null, rounded: false };
  }
  const value = roundHalfUp(typed);
  if (value >= MAX_VALUE) {
    out.push(issue("error", "VUCEM_TOO_MANY_DIGITS", path, `${l.es}: ${fmt(value)} tiene más de ${VUCEM_MAX_DIGITS} dígitos; VUCEM acepta como máximo ${VUCEM_MAX_DIGITS}. Revise que la cifra esté en miles de pesos.`, `${l.en}: ${fmt(value)} has more than ${VUCEM_MAX_DIGITS} digits; VUCEM takes at most ${VUCEM_MAX_DIGITS}. Check that the figure is in thousands of pesos.`, "R21a"));
    return { typed, value: null, rounded: false };
  }
  const rounded = value !== typed;
  if (rounded) {
    out.push(issue("warning", "VUCEM_ROUNDED", path, `${l.es}: VUCEM solo acepta miles de pesos enteros (sin decimales). ${fmt(typed)} se captura como ${fmt(value)} (redondeo al entero más cercano; .5 hacia arriba). ${field === "totalImports" ? "El saldo se calcula" : "El porcentaje, el saldo y los veredictos se calculan"} con ${fmt(value)}, como en VUCEM.`, `${l.en}: VUCEM only takes whole thousands of pesos (no decimals). ${fmt(typed)} is captured as ${fmt(value)} (rounded to the nearest whole number, .5 up). ${field === "totalImports" ? "The balance uses" : "The share, balance and verdicts use"} ${fmt(value)}, as VUCEM will.`, "R21a"));
  }
  return { typed, value, rounded };
}

/** R21a: the values to capture and VUCEM's blocking checks. Never throws. */
export function vucemFigures(f: Partial<FiguresInput>): VucemFigures {
  const issues: Issue[] = [];
  const a = one("totalSales", f.totalSales, issues);
  const b = one("totalExports", f.totalExports, issues);
  const c = one("totalImports", f.totalImports, issues);
  let blocked = issues.some((i) => i.severity === "error");
  if (a.value !== null && b.value !== null && b.value > a.value) {
    issues.push(issue("error", "EXPORTS_EXCEED_SALES", "figures.totalExports", `VUCEM no acepta el reporte: «${VUCEM_MESSAGES.exportsOverSales}» Total exportaciones (${fmt(b.value)}) es mayor que ventas totales (${fmt(a.value)}); las ventas totales incluyen las exportaciones. Revise ambas cifras (miles de pesos; en consignación solo se reporta el valor agregado).`, `VUCEM refuses the report: "${VUCEM_MESSAGES.exportsOverSales}" Total exports (${fmt(b.value)}) exceed total sales (${fmt(a.value)}); total sales include exports. Check both figures (thousands of pesos; under consignment only the value added is reported).`, "R21a"));
    blocked = true;
    a.value = null;
    b.value = null;
  }
  return { totalSales: a, totalExports: b, totalImports: c, issues, blocked };
}
