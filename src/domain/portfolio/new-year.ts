/**
 * R60: the next filing year starts from last year's report document. Carried: company (RFC, name, consignment),
 * programs (type, number, modality, authorization date, PROSEC sectors, ALTEX exporter type), produced goods (sector,
 * fracción, description, unit) and the rule settings. Cleared: figures, volumes, filing dates, folios, date overrides,
 * the as-of date, the exchange rate and the declared non-business days (they belong to one year), and every output
 * (the caller writes into a fresh template, so no output survives). The filing year is last year's + 1. Pure.
 */
import { isSupportedFilingYear } from "../rule-table";

export interface NewYearResult {
  /** The input document for the new filing year (what `writeInputs` types into a template). */
  doc: Record<string, unknown>;
  filingYear: number | null;
  /** What the accountant should know (Spanish), e.g. a program that was cancelled and is not carried. */
  notes: string[];
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const pick = (o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== "") out[k] = o[k];
  return out;
};

export const CARRIED_PROGRAM_FIELDS = ["type", "number", "modality", "authorizedOn", "sectors", "exporterType"] as const;
export const CARRIED_GOOD_FIELDS = ["sector", "tariffCode", "description", "unit"] as const;

export function nextFilingYear(previous: Record<string, unknown>): NewYearResult {
  const notes: string[] = [];
  const year = typeof previous.filingYear === "number" && Number.isInteger(previous.filingYear) ? previous.filingYear + 1 : null;
  const doc: Record<string, unknown> = {};
  const company = pick(obj(previous.company), ["rfc", "name", "consignment"]);
  if (Object.keys(company).length) doc.company = company;
  if (year !== null) {
    doc.filingYear = year;
    if (!isSupportedFilingYear(year)) notes.push(`El año de presentación ${year} está fuera del rango que maneja esta versión de RAOCE.`);
  } else notes.push("El libro anterior no tiene un año de presentación válido: capture el nuevo en Empresa › Año de presentación.");

  const programs: Record<string, unknown>[] = [];
  for (const raw of Array.isArray(previous.programs) ? previous.programs : []) {
    const p = obj(raw);
    const label = `${String(p.type ?? "programa")}${p.number !== undefined ? ` ${String(p.number)}` : ""}`;
    if (typeof p.cancelledOn === "string" && p.cancelledOn !== "") {
      notes.push(`${label}: cancelado el ${p.cancelledOn}; no se copia al nuevo ejercicio.`);
      continue;
    }
    if (p.type === undefined) continue;
    programs.push(pick(p, CARRIED_PROGRAM_FIELDS));
  }
  doc.programs = programs;

  const goods = (Array.isArray(previous.goods) ? previous.goods : []).map((g) => pick(obj(g), CARRIED_GOOD_FIELDS)).filter((g) => Object.keys(g).length > 0);
  if (goods.length) doc.goods = goods;

  const settings = pick(obj(previous.settings), ["linkedProsecMayFromYear", "altexIndirectFactor", "ecexMinExportsUsd", "ecexMinExportShare"]);
  if (Object.keys(settings).length) doc.settings = settings;
  return { doc, filingYear: year, notes };
}
