/** The four SE programs that file a RAOCE, their modalities and the ALTEX exporter types. */
export const PROGRAM_TYPES = ["IMMEX", "PROSEC", "ALTEX", "ECEX"] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const EXPORTER_TYPES = ["DIRECTO", "INDIRECTO", "AMBOS"] as const;
export type ExporterType = (typeof EXPORTER_TYPES)[number];

/** Modalities as VUCEM shows them (free text is accepted; these feed the template dropdowns). */
export const MODALITIES: Record<ProgramType, readonly string[]> = {
  IMMEX: ["INDUSTRIAL", "SERVICIOS", "ALBERGUE", "CONTROLADORA DE EMPRESAS", "TERCERIZACION"],
  PROSEC: ["PRODUCTOR DIRECTO", "PRODUCTOR INDIRECTO"],
  ALTEX: ["EXPORTADOR DIRECTO", "EXPORTADOR INDIRECTO"],
  ECEX: ["CONSOLIDADORA DE EXPORTACION", "PROMOTORA DE EXPORTACION"],
};

/** Case- and space-insensitive program name → ProgramType, or null. */
export function parseProgramType(value: unknown): ProgramType | null {
  if (typeof value !== "string") return null;
  const key = value.trim().toUpperCase();
  return (PROGRAM_TYPES as readonly string[]).includes(key) ? (key as ProgramType) : null;
}

/**
 * R43 rev. 2026-11: "DIRECTO", "Exportador directo", "exportador indirecto", "Exportador Indirecto", "ambos",
 * "directo e indirecto" (case-, accent- and space-insensitive) → the type; anything else → null (never guessed).
 */
export function parseExporterType(value: unknown): ExporterType | null {
  if (typeof value !== "string") return null;
  const key = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^EXPORTADORA? /, "");
  if (key === "DIRECTO E INDIRECTO" || key === "DIRECTO Y INDIRECTO") return "AMBOS";
  return (EXPORTER_TYPES as readonly string[]).includes(key) ? (key as ExporterType) : null;
}

/** R9/R10: PROSEC is "linked" when IMMEX, ALTEX or ECEX is also in force for the filing (pass the in-force list, see linking.ts). */
export function isLinkedProsec(held: readonly ProgramType[]): boolean {
  return held.includes("PROSEC") && held.some((p) => p === "IMMEX" || p === "ALTEX" || p === "ECEX");
}

/** R22: IMMEX with any other program captures only sales and exports. */
export function hasLinkedPrograms(held: readonly ProgramType[]): boolean {
  return held.includes("IMMEX") && held.some((p) => p !== "IMMEX");
}
