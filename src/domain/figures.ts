/**
 * R20–R22, R26: the balanza comercial of the RAOCE. Figures are captured in miles de pesos (R20): ventas totales (a),
 * total exportaciones (b), total importaciones (c). VUCEM computes saldo and porcentaje; so do we (R21).
 */
import { isValidRate } from "./exchange-rates";

export interface FigureValues {
  totalSales: number; // a, miles de pesos
  totalExports: number; // b, miles de pesos
  totalImports?: number | null; // c, miles de pesos; not captured by IMMEX with linked programs (R22)
}

export interface ComputedFigures {
  /** R21: saldo = b − c (may be negative); c missing counts as 0, as VUCEM shows it. */
  balance: number;
  /** R21: b / a × 100, unrounded (thresholds are tested on this value); null when a ≤ 0. */
  exportShare: number | null;
  /** R24: b × 1000 / rate; null without a rate. */
  exportsUsd: number | null;
  /** R24: a × 1000 / rate; null without a rate. */
  salesUsd: number | null;
}

/** R21 export share. Computed as (b × 100) / a so that an exact boundary (e.g. 12000 of 120000) is exactly 10. */
export function exportSharePercent(totalExports: number, totalSales: number): number | null {
  if (!(totalSales > 0) || !Number.isFinite(totalSales)) return null;
  return (totalExports * 100) / totalSales;
}

/** A computed figure that overflowed (absurd magnitudes, a rate of 1e-300) is "not computable", never ±Infinity. */
const finiteOrNull = (n: number | null): number | null => (n !== null && Number.isFinite(n) ? n : null);

export function computeFigures(f: FigureValues, rate: number | null): ComputedFigures {
  const imports = f.totalImports ?? 0;
  const usable = isValidRate(rate);
  return {
    balance: f.totalExports - imports,
    exportShare: finiteOrNull(exportSharePercent(f.totalExports, f.totalSales)),
    exportsUsd: usable ? finiteOrNull(thousandsMxnToUsd(f.totalExports, rate)) : null,
    salesUsd: usable ? finiteOrNull(thousandsMxnToUsd(f.totalSales, rate)) : null,
  };
}

/** R20/R24: miles de pesos → USD at `rate` MXN per USD. Throws RangeError for a rate that is not positive and finite. */
export function thousandsMxnToUsd(thousandsMxn: number, rate: number): number {
  if (!isValidRate(rate)) throw new RangeError(`Invalid exchange rate: ${String(rate)}`);
  return (thousandsMxn * 1000) / rate;
}

/** R21 display rounding: 2 decimals, half away from zero, tolerant of binary noise (1.005 → 1.01). */
export function round2(n: number): number {
  if (!Number.isFinite(n)) return n;
  const sign = n < 0 ? -1 : 1;
  const scaled = Number((Math.abs(n) * 100).toPrecision(15));
  const r = (sign * Math.round(scaled)) / 100;
  return r === 0 ? 0 : r; // no -0
}

/**
 * R26 (M): sales (a, miles de pesos) should agree with the income of the annual tax return (pesos).
 * differencePesos = a × 1000 − taxReturnIncome (positive: the RAOCE reports more than the return);
 * ratio = |difference| / (a × 1000); exceeds when |difference| is over 1 % of a × 1000. Amounts compared in cents.
 */
export function taxReturnMismatch(
  totalSalesThousands: number,
  taxReturnIncomePesos: number,
): { differencePesos: number; ratio: number; exceeds: boolean } {
  const salesPesos = round2(totalSalesThousands * 1000);
  const differencePesos = round2(salesPesos - taxReturnIncomePesos);
  const base = Math.abs(salesPesos);
  const diff = Math.abs(differencePesos);
  if (base === 0) return { differencePesos, ratio: diff === 0 ? 0 : Infinity, exceeds: diff !== 0 };
  // Integer cents: "over 1 %" ⇔ diff × 100 > base, compared exactly on cents.
  const exceeds = Math.round(diff * 100) * 100 > Math.round(base * 100);
  return { differencePesos, ratio: diff / base, exceeds };
}
