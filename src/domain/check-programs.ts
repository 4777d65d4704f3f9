/** Program-row checks: required type and number (R43), duplicates, PROSEC sectors (R35), ALTEX exporter type (R28). */
import { normalizeText, parseSector, type Sector } from "./catalogs";
import { MODALITIES, PROGRAM_TYPES, type ProgramType } from "./programs";
import { issue, type Issue } from "./issues";
import type { ParsedRow } from "./parse-input";
import { checkProgramNumber } from "./program-number";
import type { ProgramInput } from "./schema";

/** The parser already reported this row's exporter type (given but unreadable). */
const hasIssueAt = (_rows: readonly ParsedRow<ProgramInput>[], index: number, parseIssues?: readonly Issue[]): boolean =>
  (parseIssues ?? []).some((i) => i.path === `programs[${index}].exporterType`);

export function checkPrograms(rows: readonly ParsedRow<ProgramInput>[], parseIssues: readonly Issue[] = []): Issue[] {
  const out: Issue[] = [];
  if (rows.length === 0) {
    out.push(issue("error", "NO_PROGRAMS", "programs", "No hay programas: capture al menos un programa (IMMEX, PROSEC, ALTEX o ECEX) con su número.", "No programs: enter at least one program (IMMEX, PROSEC, ALTEX or ECEX) with its number.", "R2"));
  }
  const seen = new Map<string, number>();
  for (const { index, value: p } of rows) {
    const at = `programs[${index}]`;
    if (p.type === undefined) continue; // already reported by the parser
    const first = seen.get(p.type);
    if (first !== undefined) {
      out.push(issue("error", "DUPLICATE_PROGRAM", `${at}.type`, `El programa ${p.type} aparece dos veces (filas ${first + 1} y ${index + 1}); una empresa tiene un solo programa de cada tipo. Elimine la fila repetida.`, `Program ${p.type} is listed twice (rows ${first + 1} and ${index + 1}). Delete the repeated row.`, "R2"));
    } else seen.set(p.type, index);

    const num = checkProgramNumber(p.number);
    if (!num.ok) {
      out.push(issue("error", "REQUIRED", `${at}.number`, `Número de programa ${p.type}: es obligatorio (p. ej. 83-2019 o 2019-8664).`, `${p.type} program number: required (e.g. 83-2019 or 2019-8664).`, "R43"));
    } else if (num.warning) {
      out.push(issue("warning", "PROGRAM_NUMBER_FORMAT", `${at}.number`, num.warning, num.warningEn ?? num.warning, "R43"));
    }

    if (p.type === "PROSEC") {
      if (!p.sectors || p.sectors.length === 0) {
        out.push(issue("warning", "SECTORS_MISSING", `${at}.sectors`, "Sectores PROSEC autorizados: capture los sectores de su autorización (p. ej. XIX) para validar la relación de bienes producidos.", "Authorized PROSEC sectors: enter the sectors of the authorization (e.g. XIX) to check the produced goods.", "R35"));
      }
      p.sectors?.forEach((s, j) => {
        if (!parseSector(s)) {
          out.push(issue("error", "UNKNOWN_SECTOR", `${at}.sectors[${j}]`, `Sector autorizado «${String(s)}» no existe en el Decreto PROSEC: use números romanos I–XXIII.`, `Authorized sector "${String(s)}" is not a PROSEC sector: use Roman numerals I–XXIII.`, "R35"));
        }
      });
    }
    if (p.type === "ALTEX" && p.exporterType === undefined && !hasIssueAt(rows, index, parseIssues)) {
      out.push(issue("warning", "EXPORTER_TYPE_MISSING", `${at}.exporterType`, "Tipo de exportador ALTEX: no se capturó, y los mínimos de exportación dependen de él; el compromiso queda sin evaluar. Capture «Exportador directo», «Exportador indirecto» o «Ambos».", "ALTEX exporter type missing, and the export minimums depend on it; the commitment is not evaluated. Enter \"Exportador directo\", \"Exportador indirecto\" or \"Ambos\".", "R43"));
    }
    const fit = modalityFit(p.type, p.modality);
    if (fit) out.push(issue("warning", "MODALITY_MISMATCH", `${at}.modality`, fit.es, fit.en, "R43"));
    if (p.type === "ECEX") {
      out.push(issue("info", "ECEX_THRESHOLDS", `${at}.type`, "ECEX: los montos mínimos de exportación no están confirmados (confianza baja); el compromiso queda «por confirmar» hasta que capture los umbrales en la configuración.", "ECEX: the minimum export amounts are unconfirmed (low confidence); the commitment stays 'to confirm' until you set the thresholds.", "R30"));
    }
  }
  return out;
}

/** R35: authorized sectors of the (first) PROSEC row; null when not given. */
export function authorizedSectors(rows: readonly ParsedRow<ProgramInput>[]): Sector[] | null {
  const prosec = rows.find((r) => r.value.type === "PROSEC");
  if (!prosec?.value.sectors || prosec.value.sectors.length === 0) return null;
  return prosec.value.sectors.map(parseSector).filter((s): s is Sector => s !== null);
}

/** Upper case, no accents, no "de exportación" tail: how modalities are compared. */
const modalityKey = (s: string): string => normalizeText(s).replace(/\s+DE EXPORTACION$/, "");

/** R43 rev. 2026-11: the modality must be one of the program's (a mismatch is a warning; free text is not refused). */
export function modalityFit(type: ProgramType, modality: string | undefined): { es: string; en: string } | null {
  if (modality === undefined || modality.trim() === "") return null;
  const key = modalityKey(modality);
  if (MODALITIES[type].some((m) => modalityKey(m) === key)) return null;
  const owner = PROGRAM_TYPES.find((t) => t !== type && MODALITIES[t].some((m) => modalityKey(m) === key));
  const list = MODALITIES[type].map((m) => m.toLowerCase()).join(", ");
  return {
    es: `La modalidad «${modality.trim()}» no corresponde a ${type}${owner ? ` (es una modalidad de ${owner})` : ""}: las modalidades ${type} son ${list}. Revise la modalidad de su autorización.`,
    en: `Modality "${modality.trim()}" does not fit ${type}${owner ? ` (it is a ${owner} modality)` : ""}: the ${type} modalities are ${list}. Check the modality of the authorization.`,
  };
}
