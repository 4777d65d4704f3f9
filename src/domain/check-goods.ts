/** PROSEC relación de bienes producidos (R23, R35–R39): one result per row plus located issues. */
import { parseSector, parseUnit, type Sector } from "./catalogs";
import { issue, type Issue } from "./issues";
import type { ParsedRow } from "./parse-input";
import type { GoodInput } from "./schema";
import { formatNumber } from "./commitment";
import { formatTariffCode, paddedFromNumber, parseTariffCode } from "./tariff";
import { roundHalfUp, VUCEM_MAX_DIGITS } from "./vucem-figures";

export interface GoodResult {
  index: number;
  sector: string | null;
  tariffCode: string | null;
  nico: string | null;
  unit: number | null;
  unitName: string | null;
  /** R38: total − domestic − exported; null unless all three volumes are known. */
  closingInventory: number | null;
  valid: boolean;
  /**
   * Goods rev. 2026-11: the row as typed in VUCEM (one *Agregar* per good): fracción as 8 digits without dots,
   * description, the unit's name and the three volumes as whole numbers; a value is null when missing or in error.
   */
  capture: GoodCapture;
}

export interface GoodCapture {
  tariffCode: string | null;
  description: string | null;
  unitName: string | null;
  totalVolume: number | null;
  domesticVolume: number | null;
  exportVolume: number | null;
}

/** VUCEM's limits for the goods table (150102: description max 250, volumes max 16 digits). */
export const MAX_DESCRIPTION = 250;

const VOLUME_LABEL = {
  totalVolume: { es: "Volumen total producido", en: "Total volume produced" },
  domesticVolume: { es: "Volumen vendido en mercado nacional", en: "Volume sold domestically" },
  exportVolume: { es: "Volumen exportado", en: "Volume exported" },
} as const;

/** R38/goods rev.: the whole number VUCEM takes for a volume, with a warning when rounded and an error past 16 digits. */
function volumeToCapture(field: keyof typeof VOLUME_LABEL, v: number | undefined, at: (f: string) => string, out: Issue[]): number | null {
  if (v === undefined) return null;
  const l = VOLUME_LABEL[field];
  const r = roundHalfUp(v);
  if (r >= 10 ** VUCEM_MAX_DIGITS) {
    out.push(issue("error", "VUCEM_TOO_MANY_DIGITS", at(field), `${l.es}: tiene más de ${VUCEM_MAX_DIGITS} dígitos; VUCEM acepta como máximo ${VUCEM_MAX_DIGITS}.`, `${l.en}: more than ${VUCEM_MAX_DIGITS} digits; VUCEM takes at most ${VUCEM_MAX_DIGITS}.`, "R38"));
    return null;
  }
  if (r !== v) {
    out.push(issue("warning", "VUCEM_ROUNDED", at(field), `${l.es}: VUCEM solo acepta números enteros; ${formatNumber(v, 2)} se captura como ${formatNumber(r, 0)}. Si la unidad admite fracciones, considere una unidad menor (p. ej. gramo en lugar de kilo).`, `${l.en}: VUCEM only takes whole numbers; ${formatNumber(v, 2)} is captured as ${formatNumber(r, 0)}. If the unit needs fractions, consider a smaller unit (e.g. gram instead of kilo).`, "R38"));
  }
  return r;
}

export interface GoodsContext {
  /** Sectors the PROSEC program is authorized for; null when the user did not list them (then not checked). */
  authorizedSectors: readonly Sector[] | null;
}

function hasErrorSince(issues: readonly Issue[], from: number): boolean {
  for (let k = from; k < issues.length; k++) if (issues[k]!.severity === "error") return true;
  return false;
}

/** Rows repeat the same few sectors and units: parse each distinct raw value once (keeps 100k rows fast). */
function memo<T>(fn: (v: unknown) => T): (v: unknown) => T {
  const cache = new Map<unknown, T>();
  return (v) => {
    if (cache.has(v)) return cache.get(v)!;
    const r = fn(v);
    cache.set(v, r);
    return r;
  };
}

interface Parsers {
  sector: (v: unknown) => Sector | null;
  unit: (v: unknown) => ReturnType<typeof parseUnit>;
}

function checkRow(row: ParsedRow<GoodInput>, ctx: GoodsContext, parsers: Parsers, out: Issue[]): GoodResult {
  const at = (field: string): string => `goods[${row.index}].${field}`;
  const g = row.value;
  const before = out.length;
  const result: GoodResult = {
    index: row.index,
    sector: null,
    tariffCode: null,
    nico: null,
    unit: null,
    unitName: null,
    closingInventory: null,
    valid: false,
    capture: { tariffCode: null, description: null, unitName: null, totalVolume: null, domesticVolume: null, exportVolume: null },
  };
  let vucemUnit: string | null = null;

  if (g.sector !== undefined) {
    const s = parsers.sector(g.sector);
    if (!s) {
      out.push(issue("error", "UNKNOWN_SECTOR", at("sector"), `Clave de sector «${String(g.sector)}» no existe en el Decreto PROSEC (art. 3): use un número romano de I a XXIII.`, `Sector key "${String(g.sector)}" is not a PROSEC sector (art. 3): use a Roman numeral from I to XXIII.`, "R35"));
    } else {
      result.sector = s.key;
      if (ctx.authorizedSectors && !ctx.authorizedSectors.some((a) => a.key === s.key)) {
        const list = ctx.authorizedSectors.map((a) => a.key).join(", ") || "ninguno";
        out.push(issue("error", "SECTOR_NOT_AUTHORIZED", at("sector"), `El sector ${s.key} (${s.name}) no está entre los sectores autorizados del programa PROSEC (${list}). Corrija el sector o agréguelo a los sectores autorizados.`, `Sector ${s.key} is not among the PROSEC program's authorized sectors (${list}). Fix the sector or add it to the authorized sectors.`, "R35"));
      }
    }
  }

  if (g.tariffCode !== undefined) {
    const t = parseTariffCode(g.tariffCode);
    if (!t.ok) {
      const why = {
        EMPTY: ["está vacía", "is empty"],
        NOT_DIGITS: ["contiene letras o símbolos", "contains letters or symbols"],
        TOO_SHORT: ["tiene menos de 8 dígitos", "has fewer than 8 digits"],
        TOO_LONG: ["tiene más de 10 dígitos", "has more than 10 digits"],
      }[t.reason];
      out.push(issue("error", "TARIFF_CODE", at("tariffCode"), `Fracción arancelaria «${String(g.tariffCode)}» ${why[0]}: capture los 8 dígitos de la TIGIE (p. ej. 8483.60.99 o 84836099).`, `Tariff code "${String(g.tariffCode)}" ${why[1]}: enter the 8 TIGIE digits (e.g. 8483.60.99 or 84836099).`, "R36"));
    } else {
      result.tariffCode = t.code;
      result.nico = t.nico;
      const padded = paddedFromNumber(g.tariffCode);
      if (padded) {
        const name = padded.chapterName ? `, ${padded.chapterName}` : "";
        out.push(issue("warning", "TARIFF_PADDED", at("tariffCode"), `La fracción llegó como número de ${padded.typed.length} dígitos (${padded.typed}): Excel quita el cero inicial, así que se lee ${padded.code}, capítulo ${padded.chapter}${name}. ¿Es correcto? Si no, capture la fracción completa como texto (p. ej. '${padded.code}).`, `The tariff code arrived as a ${padded.typed.length}-digit number (${padded.typed}): Excel drops the leading zero, so it is read as ${padded.code}, chapter ${padded.chapter}. Is that right? If not, enter the full code as text.`, "R36"));
      }
      if (t.nico) {
        out.push(issue("info", "TARIFF_NICO", at("tariffCode"), `Se capturó fracción + NICO; en VUCEM se usa la fracción de 8 dígitos ${formatTariffCode(t.code)} (NICO ${t.nico} se conserva aparte).`, `Tariff code + NICO given; VUCEM uses the 8-digit code ${formatTariffCode(t.code)} (NICO ${t.nico} kept apart).`, "R36"));
      }
    }
  }

  if (g.unit !== undefined) {
    const u = parsers.unit(g.unit);
    if (!u) {
      out.push(issue("error", "UNKNOWN_UNIT", at("unit"), `Unidad de medida «${String(g.unit)}» no está en el Apéndice 7 del Anexo 22: use la clave (1–21) o su nombre (p. ej. 1 Kilo, 6 Pieza, 8 Litro).`, `Unit "${String(g.unit)}" is not in Anexo 22 Appendix 7: use its key (1–21) or name (e.g. 1 Kilo, 6 Pieza, 8 Litro).`, "R37"));
    } else {
      result.unit = u.key;
      result.unitName = u.name;
      vucemUnit = u.vucemName;
    }
  }

  if (g.description !== undefined && g.description.trim() === "") {
    out.push(issue("error", "REQUIRED", at("description"), "Descripción del bien: es obligatoria (el bien final producido).", "Description of the good: required (the final good produced).", "R23"));
  } else if (g.description !== undefined && g.description.trim().length > MAX_DESCRIPTION) {
    out.push(issue("error", "DESCRIPTION_TOO_LONG", at("description"), `Descripción del bien: tiene ${g.description.trim().length} caracteres; VUCEM acepta como máximo ${MAX_DESCRIPTION}. Resúmala.`, `Description of the good: ${g.description.trim().length} characters; VUCEM takes at most ${MAX_DESCRIPTION}. Shorten it.`, "R38"));
  } else if (g.description !== undefined) {
    result.capture.description = g.description.trim();
  }
  result.capture.totalVolume = volumeToCapture("totalVolume", g.totalVolume, at, out);
  result.capture.domesticVolume = volumeToCapture("domesticVolume", g.domesticVolume, at, out);
  result.capture.exportVolume = volumeToCapture("exportVolume", g.exportVolume, at, out);

  const { totalVolume: t, domesticVolume: d, exportVolume: e } = g;
  if (t !== undefined && (d !== undefined || e !== undefined)) {
    const sold = (d ?? 0) + (e ?? 0);
    const closing = d !== undefined && e !== undefined ? t - d - e : null;
    if (closing !== null && Number.isFinite(closing)) result.closingInventory = closing; // absurd volumes overflow: not computable
    if (sold > t) {
      out.push(issue("warning", "SOLD_EXCEEDS_PRODUCED", at("totalVolume"), `Volumen vendido (nacional + exportado = ${sold}) mayor que el volumen producido (${t}). Es válido si salió de inventario inicial; verifique la unidad de medida.`, `Volume sold (domestic + exported = ${sold}) exceeds the volume produced (${t}). Legitimate if sold from opening stock; check the unit.`, "R38"));
    }
  }

  result.valid = g.tariffCode !== undefined && !hasErrorSince(out, before);
  result.capture.tariffCode = result.tariffCode;
  result.capture.unitName = vucemUnit; // R37 / goods rev.: the name VUCEM shows ("Kilogramo"), not Apéndice 7's ("Kilo")
  return result;
}

export function checkGoods(rows: readonly ParsedRow<GoodInput>[], ctx: GoodsContext): { goods: GoodResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const parsers: Parsers = { sector: memo(parseSector), unit: memo(parseUnit) };
  const goods = rows.map((r) => checkRow(r, ctx, parsers, issues));
  const seen = new Map<number, number>();
  for (const g of goods) {
    if (!g.sector || !g.tariffCode) continue;
    // Numeric key (8-digit code × 32 + sector number): hashing 100k numbers is far cheaper than 100k strings.
    const key = Number(g.tariffCode) * 32 + (parsers.sector(g.sector)?.number ?? 0);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, g.index);
    else {
      issues.push(issue("warning", "DUPLICATE_GOOD", `goods[${g.index}].tariffCode`, `Fila repetida: sector ${g.sector} y fracción ${formatTariffCode(g.tariffCode)} ya aparecen en la fila ${first + 1} de la relación. Sume los volúmenes en una sola fila.`, `Duplicate row: sector ${g.sector} and tariff code ${formatTariffCode(g.tariffCode)} already appear in row ${first + 1}. Add the volumes into one row.`, "R38"));
    }
  }
  // Goods rev. 2026-11: the VUCEM table has the three volumes; say once which rows lack the domestic or export one.
  const missing = rows.filter((r) => r.value.domesticVolume === undefined || r.value.exportVolume === undefined).map((r) => r.index + 1);
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(", ")} y ${missing.length - 10} más` : missing.join(", ");
    issues.push(issue("warning", "VOLUMES_INCOMPLETE", "goods", `Relación de bienes producidos: la tabla de VUCEM pide también el volumen vendido en el mercado nacional y el volumen exportado; faltan en ${missing.length === 1 ? "la fila" : "las filas"} ${list}. Capture 0 si no hubo ventas de ese tipo.`, `Produced goods: the VUCEM table also asks for the volume sold domestically and the volume exported; missing in row${missing.length === 1 ? "" : "s"} ${list.replace(" y ", " and ").replace(" más", " more")}. Enter 0 if there were none.`, "R38"));
  }
  return { goods, issues };
}
