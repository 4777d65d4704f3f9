/** R36, R39: fracción arancelaria of a produced good (TIGIE, 8 digits; + 2-digit NICO accepted and set apart). */

export type TariffParse =
  | { ok: true; code: string; nico: string | null; normalizedFrom: "8" | "dotted" | "10" }
  | { ok: false; reason: "EMPTY" | "NOT_DIGITS" | "TOO_SHORT" | "TOO_LONG" };

function fromDigits(digits: string, separated: boolean): TariffParse {
  if (digits.length < 8) return { ok: false, reason: "TOO_SHORT" };
  if (digits.length === 8) return { ok: true, code: digits, nico: null, normalizedFrom: separated ? "dotted" : "8" };
  // R36: fracción + NICO → keep the first 8 (the caller says so); "8483.60.99.01" is reported as "10" too.
  if (digits.length === 10) return { ok: true, code: digits.slice(0, 8), nico: digits.slice(8), normalizedFrom: "10" };
  return { ok: false, reason: "TOO_LONG" };
}

/**
 * R36: 84836099, "8483.60.99", "8483.60.99.01", "8483609901". Excel drops the leading zero of chapters 01–09 when
 * the code is typed as a number (09011201 → 9011201): a NUMBER of 7 digits is zero-padded to 8 (and one of 9 digits
 * to 10). A string of 7 digits is TOO_SHORT. R39: the code is never checked against a list. Never throws.
 */
export function parseTariffCode(value: unknown): TariffParse {
  if (value === null || value === undefined) return { ok: false, reason: "EMPTY" };
  if (typeof value === "number" || typeof value === "bigint") {
    if (typeof value === "number" && (!Number.isSafeInteger(value) || value < 0)) {
      return Number.isFinite(value) && value > Number.MAX_SAFE_INTEGER
        ? { ok: false, reason: "TOO_LONG" }
        : { ok: false, reason: "NOT_DIGITS" };
    }
    if (typeof value === "bigint" && value < 0n) return { ok: false, reason: "NOT_DIGITS" };
    const digits = value.toString();
    if (digits.length === 7 || digits.length === 9) return fromDigits("0" + digits, false);
    return fromDigits(digits, false);
  }
  if (typeof value !== "string") return { ok: false, reason: "NOT_DIGITS" };
  const text = value.trim();
  if (text === "") return { ok: false, reason: "EMPTY" };
  if (EIGHT_DIGITS.test(text)) return { ok: true, code: text, nico: null, normalizedFrom: "8" }; // the common case, fast
  // Separators between digit groups: dots (R36), tolerated spaces and hyphens.
  if (!/^\d+(?:[.\s-]+\d+)*$/.test(text)) return { ok: false, reason: "NOT_DIGITS" };
  const digits = text.replace(/\D/g, "");
  return fromDigits(digits, digits.length !== text.length);
}

const EIGHT_DIGITS = /^\d{8}$/;

/** "84836099" → "8483.60.99"; anything that is not 8 digits is returned unchanged. */
export function formatTariffCode(code8: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(code8);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : code8;
}
