/**
 * R52: the pedimento number. 15 digits: year of validation (2) · aduana (2) · patente (4) · 7 digits whose first is
 * the last digit of the year (except a consolidated pedimento begun the year before, or the original of an R1).
 * Printed with two spaces between groups (`25  47  3807  5001234`). There is no check digit: we accept any spacing or
 * dashes, normalize to 15 digits and check what can be checked.
 */

export interface PedimentoNumber {
  /** 15 digits, no spaces. */
  digits: string;
  year2: string;
  aduana: string;
  patente: string;
  consecutive: string;
}

export type PedimentoNumberProblem =
  | { code: "EMPTY" }
  | { code: "CHARACTERS"; bad: string }
  | { code: "LENGTH"; length: number }
  | { code: "YEAR_DIGIT"; expected: string; found: string };

/** Anexo 22 printed form: two spaces between groups. */
export function formatPedimento(digits: string): string {
  if (!/^\d{15}$/.test(digits)) return digits;
  return `${digits.slice(0, 2)}  ${digits.slice(2, 4)}  ${digits.slice(4, 8)}  ${digits.slice(8)}`;
}

/**
 * Accepts "25  47  3807  5001234", "25 47 3807 5001234", "25-47-3807-5001234", "254738075001234" or a number.
 * `exception` = consolidated pedimento or original of a rectification (the 7-digit part may start with the previous
 * year's digit).
 */
export function parsePedimentoNumber(raw: unknown, opts: { exception?: boolean } = {}): { ok: true; value: PedimentoNumber; warning?: PedimentoNumberProblem } | { ok: false; problem: PedimentoNumberProblem } {
  if (raw === null || raw === undefined) return { ok: false, problem: { code: "EMPTY" } };
  let text = typeof raw === "number" ? (Number.isInteger(raw) && raw >= 0 ? String(raw) : String(raw)) : String(raw);
  text = text.trim();
  if (text === "") return { ok: false, problem: { code: "EMPTY" } };
  const cleaned = text.replace(/[\s\u00a0\-./]+/g, "");
  const bad = cleaned.replace(/\d/g, "");
  if (bad) return { ok: false, problem: { code: "CHARACTERS", bad: [...new Set(bad)].join("").slice(0, 10) } };
  // A number typed into a General cell loses a leading zero of the year ("05…" for 2005 is not plausible; years are ≥ 10).
  if (cleaned.length !== 15) return { ok: false, problem: { code: "LENGTH", length: cleaned.length } };
  const value: PedimentoNumber = { digits: cleaned, year2: cleaned.slice(0, 2), aduana: cleaned.slice(2, 4), patente: cleaned.slice(4, 8), consecutive: cleaned.slice(8) };
  if (value.consecutive[0] !== value.year2[1]) {
    const problem: PedimentoNumberProblem = { code: "YEAR_DIGIT", expected: value.year2[1]!, found: value.consecutive[0]! };
    if (!opts.exception) return { ok: true, value, warning: problem };
  }
  return { ok: true, value };
}

export function pedimentoProblemText(p: PedimentoNumberProblem): { es: string; en: string } {
  switch (p.code) {
    case "EMPTY":
      return { es: "falta el número de pedimento", en: "the pedimento number is missing" };
    case "CHARACTERS":
      return { es: `el número de pedimento lleva caracteres que no son dígitos («${p.bad}»); escriba 15 dígitos, p. ej. 25  47  3807  5001234`, en: `the pedimento number has non-digit characters ("${p.bad}"); type 15 digits, e.g. 25  47  3807  5001234` };
    case "LENGTH":
      return { es: `el número de pedimento tiene ${p.length} dígitos; lleva 15 (año 2 · aduana 2 · patente 4 · número 7), p. ej. 25  47  3807  5001234`, en: `the pedimento number has ${p.length} digits; it takes 15 (year 2 · customs office 2 · patente 4 · number 7)` };
    case "YEAR_DIGIT":
      return { es: `el primer dígito del número (${p.found}) no es el último dígito del año (${p.expected}); solo es válido en un pedimento consolidado iniciado el año anterior o en el original de una rectificación (Anexo 22, campo 1)`, en: `the first digit of the number (${p.found}) is not the last digit of the year (${p.expected}); only valid for a consolidated pedimento begun the year before or the original of a rectification (Anexo 22, field 1)` };
  }
}

/**
 * Data Stage → 15 digits (R52). The files hold Patente (4), Pedimento (7) and SeccionAduanera (3: aduana 2 + sección 1)
 * but no year: the year is the latest year ≤ the payment year whose last digit equals the first digit of Pedimento.
 */
export function pedimentoFromParts(patente: string, pedimento: string, seccion: string, paidYear: number | null): string | null {
  const p = patente.trim().padStart(4, "0");
  const n = pedimento.trim().padStart(7, "0");
  const s = seccion.trim().padStart(3, "0");
  if (!/^\d{4}$/.test(p) || !/^\d{7}$/.test(n) || !/^\d{3}$/.test(s) || paidYear === null) return null;
  const digit = Number(n[0]);
  let year = paidYear;
  while (year % 10 !== digit) year--;
  return `${String(year % 100).padStart(2, "0")}${s.slice(0, 2)}${p}${n}`;
}
