/**
 * Per-filing-year rule table: R14 official dates (they override the computed R7–R11 dates), the R9 switch lives in
 * RuleSettings, R31 waivers of the export commitment. Where the team's rules and a year's official guide disagree,
 * the official guide of that year wins: its dates go in this table verbatim.
 */
import type { IsoDate } from "./dates";
import type { ProgramType } from "./programs";

export type DeadlineKey = "IMMEX" | "PROSEC" | "PROSEC_LINKED" | "ALTEX" | "ECEX";

export interface OfficialDate {
  date: IsoDate;
  source: string;
}

export interface OfficialDates {
  due?: OfficialDate;
  lateUntil?: OfficialDate;
  cancelledOn?: OfficialDate;
}

export interface Waiver {
  program: ProgramType;
  fiscalYear: number;
  reason: string;
  reasonEn: string;
  rule: string;
}

export const MIN_FILING_YEAR = 2019;
export const MAX_FILING_YEAR = 2035;

export const GUIDE_2025_SOURCE = "Guía RAOCE 2025, Secretaría de Economía";

export function isSupportedFilingYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= MIN_FILING_YEAR && y <= MAX_FILING_YEAR;
}

const g25 = (date: IsoDate): OfficialDate => ({ date, source: GUIDE_2025_SOURCE });

/**
 * R14: official dates by filing year. No SE change of the computed dates was found for 2019–2024 (R14), so only the
 * 2025 guide is transcribed. 2025 agrees with R7–R11: IMMEX (section "IMMEX"), PROSEC and its linked exception
 * (section "PROSEC"), ALTEX/ECEX cancelled on 31 May with no late window (section "ALTEX Y ECEX").
 */
const OFFICIAL: Readonly<Record<number, Partial<Record<DeadlineKey, OfficialDates>>>> = {
  2025: {
    IMMEX: { due: g25("2025-05-30"), lateUntil: g25("2025-08-29"), cancelledOn: g25("2025-09-01") },
    PROSEC: { due: g25("2025-04-30"), lateUntil: g25("2025-06-30"), cancelledOn: g25("2025-07-01") },
    // R9: the 2025 guide sets May for PROSEC held with IMMEX, ALTEX or ECEX, whatever the switch-year setting says.
    PROSEC_LINKED: { due: g25("2025-05-30"), lateUntil: g25("2025-06-30"), cancelledOn: g25("2025-07-01") },
    ALTEX: { due: g25("2025-05-30"), cancelledOn: g25("2025-05-31") },
    ECEX: { due: g25("2025-05-30"), cancelledOn: g25("2025-05-31") },
  },
};

/** R14: the official dates of a filing year for one deadline kind, or undefined when the year has none. */
export function officialDates(filingYear: number, key: DeadlineKey): OfficialDates | undefined {
  return OFFICIAL[filingYear]?.[key];
}

/** R31: export-commitment waivers, keyed by the fiscal (reported) year. */
const WAIVERS: readonly Waiver[] = [
  {
    program: "IMMEX",
    fiscalYear: 2020,
    reason:
      "Ejercicio 2020 (RAOCE presentado en 2021): la Secretaría de Economía no evaluó el compromiso de exportación IMMEX por la contingencia sanitaria (COVID-19).",
    reasonEn:
      "Fiscal year 2020 (RAOCE filed in 2021): the Ministry of Economy did not evaluate the IMMEX export commitment because of the COVID-19 emergency.",
    rule: "R31",
  },
  // R31 rev. 2026-11 (M, domain notes Q1): the same relief covered the ALTEX and ECEX minimums.
  {
    program: "ALTEX",
    fiscalYear: 2020,
    reason:
      "Ejercicio 2020 (RAOCE presentado en 2021): la Secretaría de Economía no evaluó los mínimos de exportación ALTEX por la contingencia sanitaria (COVID-19).",
    reasonEn:
      "Fiscal year 2020 (RAOCE filed in 2021): the Ministry of Economy did not evaluate the ALTEX export minimums because of the COVID-19 emergency.",
    rule: "R31",
  },
  {
    program: "ECEX",
    fiscalYear: 2020,
    reason:
      "Ejercicio 2020 (RAOCE presentado en 2021): la Secretaría de Economía no evaluó los mínimos de exportación ECEX por la contingencia sanitaria (COVID-19).",
    reasonEn:
      "Fiscal year 2020 (RAOCE filed in 2021): the Ministry of Economy did not evaluate the ECEX export minimums because of the COVID-19 emergency.",
    rule: "R31",
  },
];

export function waiverFor(program: ProgramType, fiscalYear: number): Waiver | undefined {
  return WAIVERS.find((w) => w.program === program && w.fiscalYear === fiscalYear);
}
