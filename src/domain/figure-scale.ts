/**
 * R20, R26 rev. 2026-11: is a figure in pesos instead of miles de pesos? Checked with the tax-return income when it is
 * given, and without it by the figures' own scale: b > 0 and b/a < 0.1 % (one figure in pesos, the other in miles), or
 * any figure ≥ 10,000,000 miles (10 mil millones de pesos: only the largest companies in Mexico reach it).
 */
import { formatNumber } from "./commitment";
import { issue, type Issue } from "./issues";

/** Any figure at or above this many miles de pesos (10 mil millones de pesos) asks whether it was typed in pesos. */
export const LARGE_FIGURE_THOUSANDS = 10_000_000;
/** b/a below this fraction means one of the two is probably in pesos. */
export const TINY_SHARE = 0.001;

/** "85.3 mil millones de pesos", "1.2 billones de pesos", "350 millones de pesos" (Mexican long scale). */
export function pesosInWords(pesos: number): string {
  const abs = Math.abs(pesos);
  const one = (n: number): string => formatNumber(Math.round(n * 10) / 10, Number.isInteger(Math.round(n * 10) / 10) ? 0 : 1);
  if (abs >= 1e12) return `${one(pesos / 1e12)} ${Math.round(abs / 1e11) === 10 ? "billón" : "billones"} de pesos`;
  if (abs >= 1e9) return `${one(pesos / 1e9)} mil millones de pesos`;
  if (abs >= 1e6) return `${one(pesos / 1e6)} ${Math.round(abs / 1e5) === 10 ? "millón" : "millones"} de pesos`;
  return `${formatNumber(Math.round(pesos), 0)} pesos`;
}

export function pesosInWordsEn(pesos: number): string {
  const abs = Math.abs(pesos);
  const one = (n: number): string => formatNumber(Math.round(n * 10) / 10, Number.isInteger(Math.round(n * 10) / 10) ? 0 : 1);
  if (abs >= 1e12) return `${one(pesos / 1e12)} trillion pesos`;
  if (abs >= 1e9) return `${one(pesos / 1e9)} billion pesos`;
  if (abs >= 1e6) return `${one(pesos / 1e6)} million pesos`;
  return `${formatNumber(Math.round(pesos), 0)} pesos`;
}

const LABEL: Record<string, { es: string; en: string }> = {
  totalSales: { es: "Ventas totales", en: "Total sales" },
  totalExports: { es: "Total exportaciones", en: "Total exports" },
  totalImports: { es: "Total importaciones", en: "Total imports" },
};

/** "85,320,000 miles de pesos = 85.3 mil millones de pesos". */
const inWords = (thousands: number): { es: string; en: string } => ({
  es: `${formatNumber(thousands, 0)} miles de pesos = ${pesosInWords(thousands * 1000)}`,
  en: `${formatNumber(thousands, 0)} thousand pesos = ${pesosInWordsEn(thousands * 1000)}`,
});

export interface ScaleFigures {
  totalSales?: number;
  totalExports?: number;
  totalImports?: number;
}

/**
 * R26 rev.: the units check that needs no tax return. Returns the warnings; the caller skips it when a tax-return
 * income confirms the scale of the sales.
 */
export function scaleWarnings(f: ScaleFigures): Issue[] {
  const out: Issue[] = [];
  const { totalSales: a, totalExports: b } = f;
  let warned = false;
  for (const field of ["totalSales", "totalExports", "totalImports"] as const) {
    const v = f[field];
    if (v === undefined || !(v >= LARGE_FIGURE_THOUSANDS)) continue;
    const w = inWords(v);
    out.push(issue("warning", "LIKELY_PESOS", `figures.${field}`, `¿Pesos en lugar de miles de pesos? ${LABEL[field]!.es}: ${w.es}; solo las empresas más grandes de México llegan a esa cifra. Si la capturó en pesos, divídala entre 1,000 (VUCEM pide miles de pesos). Capture el ingreso de la declaración anual para confirmar la escala.`, `Pesos instead of thousands of pesos? ${LABEL[field]!.en}: ${w.en}; only Mexico's largest companies reach that figure. If you typed it in pesos, divide by 1,000 (VUCEM asks for thousands of pesos). Enter the tax-return income to confirm the scale.`, "R26"));
    warned = true;
  }
  if (!warned && a !== undefined && b !== undefined && a > 0 && b > 0 && b / a < TINY_SHARE) {
    const w = inWords(a);
    out.push(issue("warning", "LIKELY_PESOS", "figures.totalSales", `¿Pesos en lugar de miles de pesos? Total exportaciones (${formatNumber(b, 0)}) es menos del 0.1 % de ventas totales (${w.es}): una de las dos cifras parece capturada en pesos y la otra en miles. Capture ambas en miles de pesos.`, `Pesos instead of thousands of pesos? Total exports (${formatNumber(b, 0)}) is under 0.1 % of total sales (${w.en}): one figure looks typed in pesos and the other in thousands. Enter both in thousands of pesos.`, "R26"));
  }
  return out;
}
