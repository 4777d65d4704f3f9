/**
 * The settings the pane edits (they live in the workbook: filing year, as-of date, exchange-rate override, extra
 * non-business days) as form text, and their validation. Pure, so the rules are tested without React.
 */
import { dayFirstDate, parseDayFirstDate, type IsoDate } from "../domain/dates";
import { exchangeRateFor } from "../domain/exchange-rates";
import type { Strings } from "./strings";

/** Settings as stored in the workbook (null = empty cell). */
export interface PaneSettings {
  filingYear: number | null;
  asOf: IsoDate | null;
  exchangeRate: number | null;
  extraNonBusinessDays: IsoDate[];
}

/** Only the settings the user changed in the pane (what gets written back). */
export type SettingsChange = Partial<PaneSettings>;

export type SettingsField = keyof PaneSettings;

/** What the inputs hold: dates as the accountant reads and types them (DD/MM/AAAA; ISO is accepted too). */
export interface SettingsDraft {
  filingYear: string;
  asOf: string;
  exchangeRate: string;
  extraNonBusinessDays: string;
}

export const EMPTY_SETTINGS: PaneSettings = { filingYear: null, asOf: null, exchangeRate: null, extraNonBusinessDays: [] };

export function draftOf(s: PaneSettings): SettingsDraft {
  return {
    filingYear: s.filingYear === null ? "" : String(s.filingYear),
    asOf: s.asOf === null ? "" : dayFirstDate(s.asOf),
    exchangeRate: s.exchangeRate === null ? "" : String(s.exchangeRate),
    extraNonBusinessDays: s.extraNonBusinessDays.map(dayFirstDate).join("\n"),
  };
}

export interface ParsedDraft {
  /** The settings when every field is valid. */
  value: PaneSettings | null;
  errors: Partial<Record<SettingsField, string>>;
}

/** Accepts "18.3263" and the Mexican/European "18,3263" (no thousands separators in a rate). */
function parseRate(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function parseDraft(d: SettingsDraft, strings: Strings): ParsedDraft {
  const errors: ParsedDraft["errors"] = {};

  const yearText = d.filingYear.trim();
  let filingYear: number | null = null;
  if (yearText !== "") {
    if (/^\d{4}$/.test(yearText) && Number(yearText) >= 1990 && Number(yearText) <= 2100) filingYear = Number(yearText);
    else errors.filingYear = strings.filingYearInvalid;
  }

  const asOfText = d.asOf.trim();
  let asOf: IsoDate | null = null;
  if (asOfText !== "") {
    asOf = parseDayFirstDate(asOfText);
    if (asOf === null) errors.asOf = strings.dateInvalid;
  }

  const rateText = d.exchangeRate.trim();
  let exchangeRate: number | null = null;
  if (rateText !== "") {
    exchangeRate = parseRate(rateText);
    if (exchangeRate === null) errors.exchangeRate = strings.exchangeRateInvalid;
  }

  const lines = d.extraNonBusinessDays
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const bad = lines.filter((s) => parseDayFirstDate(s) === null);
  if (bad.length > 0) errors.extraNonBusinessDays = strings.extraDaysInvalid(bad.join(", "));
  const extraNonBusinessDays = [...new Set(lines.map(parseDayFirstDate).filter((s): s is IsoDate => s !== null))].sort();

  const ok = Object.keys(errors).length === 0;
  return { value: ok ? { filingYear, asOf, exchangeRate, extraNonBusinessDays } : null, errors };
}

/** The fields of `next` that differ from `saved` (only those are written back to the workbook). */
export function changesBetween(saved: PaneSettings, next: PaneSettings): SettingsChange {
  const change: SettingsChange = {};
  if (saved.filingYear !== next.filingYear) change.filingYear = next.filingYear;
  if (saved.asOf !== next.asOf) change.asOf = next.asOf;
  if (saved.exchangeRate !== next.exchangeRate) change.exchangeRate = next.exchangeRate;
  const a = [...saved.extraNonBusinessDays].sort().join(",");
  const b = [...next.extraNonBusinessDays].sort().join(",");
  if (a !== b) change.extraNonBusinessDays = next.extraNonBusinessDays;
  return change;
}

export const isEmptyChange = (c: SettingsChange): boolean => Object.keys(c).length === 0;

/** R24: the source of the rate the engine will use with these settings (user override or the product table). */
export function rateSourceText(filingYear: number | null, exchangeRate: number | null, strings: Strings): string {
  if (filingYear === null && exchangeRate === null) return strings.exchangeRateNoSource;
  const r = exchangeRateFor((filingYear ?? 0) - 1, exchangeRate);
  if (!r) return strings.exchangeRateNoSource;
  const src = strings.lang === "en" ? r.sourceEn : r.source;
  return strings.exchangeRateSource(exchangeRate === null ? `${src} — ${r.rate}` : src);
}
