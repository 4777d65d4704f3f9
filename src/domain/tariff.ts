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

/** TIGIE chapters 01–09: the only ones a number can silently lose a leading zero from (R36 rev. 2026-11). */
export const LOW_CHAPTERS: Readonly<Record<string, string>> = {
  "01": "animales vivos",
  "02": "carne y despojos comestibles",
  "03": "pescados y crustáceos, moluscos y demás invertebrados acuáticos",
  "04": "leche y productos lácteos; huevo de ave; miel natural",
  "05": "los demás productos de origen animal",
  "06": "plantas vivas y productos de la floricultura",
  "07": "hortalizas, plantas, raíces y tubérculos alimenticios",
  "08": "frutas y frutos comestibles; cortezas de agrios, melones o sandías",
  "09": "café, té, yerba mate y especias",
};

/** R36 rev.: a NUMBER of 7 (or 9) digits that parseTariffCode zero-padded, or null. */
export function paddedFromNumber(value: unknown): { typed: string; code: string; chapter: string; chapterName: string } | null {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) return null;
  const digits = String(value);
  if (digits.length !== 7 && digits.length !== 9) return null;
  const code = ("0" + digits).slice(0, 8);
  const chapter = code.slice(0, 2);
  return { typed: digits, code, chapter, chapterName: LOW_CHAPTERS[chapter] ?? "" };
}
