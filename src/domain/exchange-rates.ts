/**
 * R24: VUCEM converts the RAOCE figures (miles de pesos) to USD with the average exchange rate of the fiscal year.
 * The exact rate VUCEM uses is not published (M): the product ships a table of Banxico FIX averages, always editable.
 */
export interface ExchangeRate {
  fiscalYear: number;
  /** MXN per USD. */
  rate: number;
  source: string;
  sourceEn: string;
  /** True when the table value is an estimate (not yet computed from Banxico's full daily series). */
  estimate: boolean;
  /** R24: a USD-based verdict is POR_CONFIRMAR unless the rate is confirmed (exact table value or typed by the user). */
  confirmed: boolean;
}

import { issue, type Issue } from "./issues";

/** R24 default rates: mean of Banxico's daily FIX (series SF43718, by date of determination), MXN per USD. */
export const DEFAULT_RATES: Readonly<Record<number, { rate: number; estimate: boolean }>> = Object.freeze({
  2015: Object.freeze({ rate: 15.881, estimate: false }),
  2016: Object.freeze({ rate: 18.6886, estimate: false }),
  2017: Object.freeze({ rate: 18.9066, estimate: false }),
  2018: Object.freeze({ rate: 19.2373, estimate: false }),
  2019: Object.freeze({ rate: 19.2574, estimate: false }),
  2020: Object.freeze({ rate: 21.4976, estimate: false }),
  2021: Object.freeze({ rate: 20.2822, estimate: false }),
  2022: Object.freeze({ rate: 20.1205, estimate: false }),
  2023: Object.freeze({ rate: 17.7338, estimate: false }),
  2024: Object.freeze({ rate: 18.3263, estimate: false }),
  // R24 rev. 2026-11: simple mean of the 251 daily FIX values of 2025 (CEFP quoted "19.20"): final, not an estimate.
  2025: Object.freeze({ rate: 19.1996, estimate: false }),
});

/** Where a table rate comes from, when more precise than "mean of the FIX" (R24 rev. 2026-11). */
const RATE_SOURCES: Readonly<Record<number, { es: string; en: string }>> = {
  2025: {
    es: "promedio de los 251 tipos de cambio FIX diarios de 2025, Banxico serie SF43718",
    en: "mean of the 251 daily FIX rates of 2025, Banxico series SF43718",
  },
};

export function isValidRate(rate: unknown): rate is number {
  return typeof rate === "number" && Number.isFinite(rate) && rate > 0;
}

/**
 * R24: the rate for a fiscal year. A user-entered rate (positive, finite) wins and is confirmed; otherwise the
 * product table (confirmed unless it is an estimate); otherwise null (no rate: USD tests cannot be decided).
 */
export function exchangeRateFor(fiscalYear: number, userRate?: number | null): ExchangeRate | null {
  if (isValidRate(userRate)) {
    return {
      fiscalYear,
      rate: userRate,
      source: "Capturado por el usuario",
      sourceEn: "Entered by the user",
      estimate: false,
      confirmed: true,
    };
  }
  if (!Number.isInteger(fiscalYear)) return null;
  const entry = DEFAULT_RATES[fiscalYear];
  if (!entry) return null;
  return {
    fiscalYear,
    rate: entry.rate,
    source: entry.estimate
      ? `Promedio FIX Banxico ${fiscalYear} (estimado)`
      : RATE_SOURCES[fiscalYear]
        ? `${RATE_SOURCES[fiscalYear]!.es.charAt(0).toUpperCase()}${RATE_SOURCES[fiscalYear]!.es.slice(1)}`
        : `Promedio FIX Banxico ${fiscalYear} (tabla del producto)`,
    sourceEn: entry.estimate
      ? `Banxico FIX average ${fiscalYear} (estimate)`
      : RATE_SOURCES[fiscalYear]
        ? `${RATE_SOURCES[fiscalYear]!.en.charAt(0).toUpperCase()}${RATE_SOURCES[fiscalYear]!.en.slice(1)}`
        : `Banxico FIX average ${fiscalYear} (product table)`,
    estimate: entry.estimate,
    confirmed: !entry.estimate,
  };
}

/** Issue code of a fiscal year with no rate: a batch collapses it into one line (see batch-notices.ts). */
export const RATE_MISSING = "RATE_MISSING" as const;

/**
 * R24: what a report says about its rate: nothing when confirmed; an info when the table value is an estimate; a
 * warning (RATE_MISSING) when the year has no rate (2026 until the year closes): USD verdicts are then POR_CONFIRMAR.
 */
export function rateNotice(fiscalYear: number, userRate?: number | null): Issue | null {
  const rate = exchangeRateFor(fiscalYear, userRate);
  if (rate && rate.confirmed) return null;
  if (rate) {
    return issue("info", "RATE_ESTIMATE", "exchangeRate", `El tipo de cambio ${rate.rate} para ${fiscalYear} es una estimación: confirme el promedio anual del FIX (Banxico) o capture el que use VUCEM. Mientras tanto los veredictos en dólares quedan «por confirmar».`, `The ${fiscalYear} exchange rate ${rate.rate} is an estimate: confirm Banxico's annual FIX average or enter the rate VUCEM uses. USD verdicts stay 'to confirm' until then.`, "R24");
  }
  return issue("warning", RATE_MISSING, "exchangeRate", `No hay tipo de cambio para el ejercicio ${fiscalYear}: capture el promedio anual del FIX (Banxico) para convertir a dólares. Mientras tanto los veredictos en dólares quedan «por confirmar» (un veredicto por porcentaje no lo necesita).`, `No exchange rate for fiscal year ${fiscalYear}: enter Banxico's annual FIX average to convert to USD. Until then USD verdicts stay 'to confirm' (a percentage verdict does not need it).`, "R24");
}
