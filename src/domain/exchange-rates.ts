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

/** R24 default rates: mean of Banxico's daily FIX (series SF43718), MXN per USD. */
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
  // R24: about 19.20, not yet computed from the full daily series → verdicts that depend on it are POR_CONFIRMAR.
  2025: Object.freeze({ rate: 19.2, estimate: true }),
});

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
      : `Promedio FIX Banxico ${fiscalYear} (tabla del producto)`,
    sourceEn: entry.estimate
      ? `Banxico FIX average ${fiscalYear} (estimate)`
      : `Banxico FIX average ${fiscalYear} (product table)`,
    estimate: entry.estimate,
    confirmed: !entry.estimate,
  };
}
