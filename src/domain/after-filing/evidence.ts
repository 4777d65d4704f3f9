/**
 * R33 evidence of a filing: what was captured in VUCEM for a program (the Captura values exactly), the cell each
 * value came from, the exchange rate and its source, who prepared and reviewed it, and a SHA-256 of the report
 * inputs. Pure: the workbook layer turns blocks into rows of the Evidencia sheet and back.
 */
import type { IsoDate } from "../dates";
import type { ReportResult } from "../evaluate";
import { parseUnit } from "../catalogs";
import { canonicalJson, sha256Hex } from "./sha256";

/** One value typed in VUCEM. `source` is the input path it came from (for the cell it is located at). */
export interface CapturedField {
  key: string;
  label: string;
  value: string | number | null;
  source: string | null;
}

export interface EvidenceBlock {
  /** 1, 2, 3… in the order they were recorded; a later block never replaces an earlier one. */
  block: number;
  markedOn: IsoDate;
  program: string;
  number: string | null;
  filedOn: IsoDate;
  folio: string;
  preparedBy: string | null;
  reviewedBy: string | null;
  exchangeRate: number | null;
  exchangeRateSource: string | null;
  /** Date the captured values were computed (the check that produced them). */
  computedAt: IsoDate;
  inputsSha256: string;
  captured: CapturedField[];
  /** SHA-256 of the block itself as recorded (see blockDigest); null in a block read without one. */
  blockSha256?: string | null;
}

/**
 * Digest of what a block records (everything but the source cells), over values as text so that a block read back
 * from the sheet (where the Valor column reads as text) gives the same digest as when it was written.
 */
export function blockDigest(b: EvidenceBlock): string {
  const t = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return sha256Hex(
    canonicalJson([b.block, b.markedOn, b.program, t(b.number), b.filedOn, b.folio, t(b.preparedBy), t(b.reviewedBy), t(b.exchangeRate), t(b.exchangeRateSource), b.computedAt, b.inputsSha256, b.captured.map((f) => [f.key, f.label, t(f.value)])]),
  );
}

const CAPTURE_LABELS: Record<string, string> = {
  totalSales: "Ventas totales (a)",
  totalExports: "Total exportaciones (b)",
  totalImports: "Total importaciones (c)",
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);

/**
 * The values typed in VUCEM for the program at document index `programIndex` (as the Captura VUCEM sheet lists them):
 * RFC, program, number, fiscal year, the figures the program captures (R22) and, for PROSEC alone, each produced good.
 * Null when that program is not in the result (no valid row) or is not obliged to file.
 */
export function capturedFields(input: Record<string, unknown>, result: ReportResult, programIndex: number): CapturedField[] | null {
  const p = result.programs.find((x) => x.index === programIndex);
  if (!p || !p.obliged) return null;
  const figures = (input.figures ?? {}) as Record<string, unknown>;
  const goodsIn = (Array.isArray(input.goods) ? input.goods : []) as Record<string, unknown>[];
  const out: CapturedField[] = [
    { key: "rfc", label: "RFC", value: result.company.rfc, source: "company.rfc" },
    { key: "program", label: "Programa", value: p.type, source: `programs[${p.index}].type` },
    { key: "number", label: "Número de programa", value: p.number, source: `programs[${p.index}].number` },
    { key: "fiscalYear", label: "Ejercicio", value: result.fiscalYear === null ? null : String(result.fiscalYear), source: "filingYear" },
  ];
  // What VUCEM takes: whole miles de pesos (R21a), as the engine computes them; the typed figure when it has none.
  const whole: Record<string, number | null> = result.figures.vucem;
  for (const f of ["totalSales", "totalExports", "totalImports"] as const) {
    if (!p.capture.includes(f)) continue;
    const v = num(whole[f]) ?? num(figures[f]);
    out.push({ key: f, label: CAPTURE_LABELS[f]!, value: f === "totalImports" ? (v ?? 0) : v, source: `figures.${f}` });
  }
  if (p.capture.includes("goods")) {
    result.goods.filter((g) => g.valid).forEach((g, k) => {
      const src = goodsIn[g.index] ?? {};
      const at = `goods[${g.index}]`;
      const n = `Bien ${k + 1}`;
      // As Captura VUCEM lists the good (one *Agregar*): 8 digits without dots, VUCEM's unit name, whole volumes.
      const c = g.capture;
      out.push(
        { key: `goods.${k + 1}.sector`, label: `${n}: sector`, value: g.sector, source: `${at}.sector` },
        { key: `goods.${k + 1}.tariffCode`, label: `${n}: fracción arancelaria`, value: c.tariffCode ?? g.tariffCode, source: `${at}.tariffCode` },
        { key: `goods.${k + 1}.description`, label: `${n}: descripción`, value: c.description ?? str(src.description), source: `${at}.description` },
        { key: `goods.${k + 1}.unit`, label: `${n}: unidad de medida`, value: c.unitName ?? g.unitName, source: `${at}.unit` },
        { key: `goods.${k + 1}.totalVolume`, label: `${n}: volumen total producido`, value: c.totalVolume ?? num(src.totalVolume), source: `${at}.totalVolume` },
        { key: `goods.${k + 1}.domesticVolume`, label: `${n}: volumen vendido en el mercado nacional`, value: c.domesticVolume ?? num(src.domesticVolume), source: `${at}.domesticVolume` },
        { key: `goods.${k + 1}.exportVolume`, label: `${n}: volumen exportado`, value: c.exportVolume ?? num(src.exportVolume), source: `${at}.exportVolume` },
      );
    });
  }
  return out;
}

/**
 * SHA-256 of the report inputs that make the figures (company, year, rate, figures, goods, program identity): the
 * filing date and folio are left out, so recording them does not change the digest.
 */
export function inputsDigest(input: Record<string, unknown>): string {
  const programs = (Array.isArray(input.programs) ? input.programs : []).map((p) => {
    const { filedOn: _f, folio: _o, overrides: _v, ...rest } = (p ?? {}) as Record<string, unknown>;
    return rest;
  });
  const doc = {
    company: input.company ?? null,
    filingYear: input.filingYear ?? null,
    exchangeRate: input.exchangeRate ?? null,
    figures: input.figures ?? null,
    goods: input.goods ?? null,
    programs,
  };
  return sha256Hex(canonicalJson(doc));
}

/** A value as people read it in a letter: numbers with thousands separators, the rest as text, empty as "(vacío)". */
export function shownValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === "") return "(vacío)";
  if (typeof v === "number") return v.toLocaleString("es-MX", { maximumFractionDigits: 3 });
  return v;
}

/**
 * Two values of the same captured field are the same. Blocks recorded before 2026-11-28 wrote the fracción dotted
 * ("0901.12.01") and the unit as Apéndice 7 names it ("1 - Kilo"); Captura VUCEM lists "09011201" and "Kilogramo".
 * Those compare by their digits and by the unit's key, so an old block does not turn a format into a correction.
 */
export function sameCaptured(key: string, a: string | number | null | undefined, b: string | number | null | undefined): boolean {
  if (sameValue(a, b)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (key.endsWith(".tariffCode")) return String(a).replace(/\D/g, "") === String(b).replace(/\D/g, "");
  if (key.endsWith(".unit")) {
    const ua = parseUnit(a);
    const ub = parseUnit(b);
    return ua !== null && ub !== null && ua.key === ub.key;
  }
  return false;
}

/** Two evidence values are the same figure: numbers compare as numbers ("1250.50" = 1250.5), text trimmed. */
export function sameValue(a: string | number | null | undefined, b: string | number | null | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  const na = typeof a === "number" ? a : Number(String(a).trim());
  const nb = typeof b === "number" ? b : Number(String(b).trim());
  if (Number.isFinite(na) && Number.isFinite(nb) && String(a).trim() !== "" && String(b).trim() !== "") return Math.abs(na - nb) < 1e-9;
  return String(a).trim() === String(b).trim();
}

/** The latest evidence block of a program (type + number), or null. */
export function latestBlockFor(blocks: readonly EvidenceBlock[], type: string, number: string | null): EvidenceBlock | null {
  let best: EvidenceBlock | null = null;
  for (const b of blocks) {
    if (b.program !== type) continue;
    if ((b.number ?? "") !== (number ?? "") && b.number && number) continue;
    if (!best || b.block > best.block) best = b;
  }
  return best;
}
