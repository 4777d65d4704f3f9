/** R43 (L): program numbers have no published format; the guide shows "83-2019" (IMMEX) and "2019-8664" (PROSEC). */

export interface ProgramNumberCheck {
  ok: boolean;
  normalized: string;
  warning: string | null;
  warningEn: string | null;
}

const DIGITS_DASH_YEAR = /^\d{1,8}-(?:19|20)\d{2}$/;
const YEAR_DASH_DIGITS = /^(?:19|20)\d{2}-\d{1,8}$/;

/** R43: digits-dash-year or year-dash-digits pass silently; other text passes with a warning; empty fails. */
export function checkProgramNumber(value: unknown): ProgramNumberCheck {
  const raw = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  const normalized = raw
    .normalize("NFC")
    .toUpperCase()
    .trim()
    .replace(/[‐‑–—]/g, "-") // typographic dashes → "-"
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ");
  if (normalized === "") {
    return {
      ok: false,
      normalized,
      warning: "Falta el número de programa.",
      warningEn: "The program number is missing.",
    };
  }
  if (DIGITS_DASH_YEAR.test(normalized) || YEAR_DASH_DIGITS.test(normalized)) {
    return { ok: true, normalized, warning: null, warningEn: null };
  }
  return {
    ok: true,
    normalized,
    warning: `El número de programa "${normalized}" no tiene la forma habitual (p. ej. 83-2019 o 2019-8664); verifíquelo contra VUCEM.`,
    warningEn: `The program number "${normalized}" does not look like the usual forms (e.g. 83-2019 or 2019-8664); check it against VUCEM.`,
  };
}
