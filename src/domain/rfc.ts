/** R40–R42: RFC (Registro Federal de Contribuyentes) of the company. */

export type RfcVerdict = "VALIDO" | "ADVERTENCIA" | "INVALIDO";

export interface RfcCheck {
  verdict: RfcVerdict;
  normalized: string;
  kind: "MORAL" | "FISICA" | "GENERICO" | null;
  code: string; // RFC_OK | RFC_GENERIC | RFC_CHECK_DIGIT | RFC_FORMAT | RFC_DATE | RFC_EMPTY
  message: string;
  messageEn: string;
  expectedCheck: string | null;
}

/** R41 character values: 0–9 → 0–9, A–N → 10–23, & → 24, O–Z → 25–36, space → 37, Ñ → 38. */
const CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/**
 * R41 (SAT): check character of an RFC given its first 11 (moral) or 12 (física) characters. A moral RFC is padded
 * on the left with one space; weights 13…2; r = sum mod 11; check = 0 when r = 0, else 11 − r, 10 written "A".
 * Throws RangeError for another length or a character outside the alphabet.
 */
export function rfcCheckCharacter(first11or12: string): string {
  if (first11or12.length !== 11 && first11or12.length !== 12) {
    throw new RangeError(`RFC check character needs 11 or 12 characters, got ${first11or12.length}`);
  }
  const padded = first11or12.length === 11 ? " " + first11or12 : first11or12;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const value = CHECK_ALPHABET.indexOf(padded.charAt(i));
    if (value < 0) throw new RangeError(`Invalid RFC character: ${padded.charAt(i)}`);
    sum += value * (13 - i);
  }
  const r = sum % 11;
  if (r === 0) return "0";
  const check = 11 - r;
  return check === 10 ? "A" : String(check);
}

const GENERIC_RFCS: readonly string[] = ["XAXX010101000", "XEXX010101000"]; // R42: público en general / extranjero
const RFC_RE = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z0-9]{2})([0-9A])$/;

/** Trim, NFC, upper-case, strip spaces and dashes. */
function normalizeRfc(value: unknown): string {
  if (typeof value === "string") return value.normalize("NFC").toUpperCase().replace(/[\s\-‐–—]/g, "");
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** R40: YYMMDD must be a real date in some century (29 Feb needs a year divisible by 4; 00 → 2000 is leap). */
function isRealYymmdd(yy: number, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1] ?? 0;
  return dd <= days;
}

function result(
  verdict: RfcVerdict,
  normalized: string,
  kind: RfcCheck["kind"],
  code: string,
  message: string,
  messageEn: string,
  expectedCheck: string | null = null,
): RfcCheck {
  return { verdict, normalized, kind, code, message, messageEn, expectedCheck };
}

/** R40–R42. A check-character mismatch is only a warning (R42): SAT has issued RFCs that fail it. Never throws. */
export function validateRfc(value: unknown): RfcCheck {
  const rfc = normalizeRfc(value);
  if (rfc === "") {
    return result("INVALIDO", rfc, null, "RFC_EMPTY", "Falta el RFC.", "The RFC is missing.");
  }
  if (GENERIC_RFCS.includes(rfc)) {
    return result("VALIDO", rfc, "GENERICO", "RFC_GENERIC", "RFC genérico aceptado.", "Generic RFC accepted.");
  }
  const m = RFC_RE.exec(rfc);
  if (!m || (rfc.length !== 12 && rfc.length !== 13)) {
    return result(
      "INVALIDO",
      rfc,
      null,
      "RFC_FORMAT",
      `El RFC "${rfc}" no tiene el formato de persona moral (12 caracteres) ni física (13).`,
      `The RFC "${rfc}" is neither a company (12 characters) nor an individual (13 characters) RFC.`,
    );
  }
  const kind = rfc.length === 12 ? "MORAL" : "FISICA";
  if (!isRealYymmdd(Number(m[2]), Number(m[3]), Number(m[4]))) {
    const date = `${m[2]}${m[3]}${m[4]}`;
    return result(
      "INVALIDO",
      rfc,
      kind,
      "RFC_DATE",
      `La fecha del RFC (${date}, AAMMDD) no es una fecha real.`,
      `The RFC date (${date}, YYMMDD) is not a real date.`,
    );
  }
  const expected = rfcCheckCharacter(rfc.slice(0, -1));
  const actual = rfc.slice(-1);
  if (expected !== actual) {
    return result(
      "ADVERTENCIA",
      rfc,
      kind,
      "RFC_CHECK_DIGIT",
      `El dígito verificador del RFC es "${actual}"; el cálculo del SAT da "${expected}". Verifique el RFC en su constancia de situación fiscal (algunos RFC emitidos no cumplen el cálculo).`,
      `The RFC check character is "${actual}"; SAT's algorithm gives "${expected}". Verify the RFC on the tax status certificate (some issued RFCs fail the algorithm).`,
      expected,
    );
  }
  return result("VALIDO", rfc, kind, "RFC_OK", "RFC válido.", "Valid RFC.", expected);
}
