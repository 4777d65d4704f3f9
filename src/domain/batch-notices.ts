/**
 * R24: "a batch says a missing rate once, not once per file". Pure helper for any command that evaluates many
 * reports: it takes the per-report issues out and returns one notice per fiscal year without a rate.
 */
import { RATE_MISSING } from "./exchange-rates";
import type { Issue } from "./issues";

export interface BatchNotice {
  code: typeof RATE_MISSING;
  fiscalYear: number;
  /** How many reports of the batch lacked the rate. */
  reports: number;
  message: string;
  messageEn: string;
}

export interface BatchItem {
  fiscalYear: number | null;
  issues: readonly Issue[];
}

/** One notice per fiscal year lacking a rate, and each report's issues without the repeated RATE_MISSING. */
export function collapseRateNotices<T extends BatchItem>(items: readonly T[]): { notices: BatchNotice[]; issues: Issue[][] } {
  const counts = new Map<number, number>();
  const issues = items.map((it) => {
    const kept = it.issues.filter((i) => i.code !== RATE_MISSING);
    if (kept.length !== it.issues.length && it.fiscalYear !== null) counts.set(it.fiscalYear, (counts.get(it.fiscalYear) ?? 0) + 1);
    return kept;
  });
  const notices = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([fiscalYear, reports]) => ({
      code: RATE_MISSING,
      fiscalYear,
      reports,
      message: `No hay tipo de cambio para el ejercicio ${fiscalYear} (${reports === 1 ? "1 reporte" : `${reports} reportes`}): capture el promedio anual del FIX (Banxico); mientras tanto los veredictos en dólares quedan «por confirmar».`,
      messageEn: `No exchange rate for fiscal year ${fiscalYear} (${reports} report${reports === 1 ? "" : "s"}): enter Banxico's annual FIX average; until then USD verdicts stay 'to confirm'.`,
    }));
  return { notices, issues };
}
