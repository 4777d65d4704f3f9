/**
 * R54: how each clave de pedimento (Anexo 22, Apéndice 2) counts in the RAOCE figures. A DEFAULT the user can edit:
 * the template ships it as a table (sheet «Claves»), each row with its confidence. Direction comes from
 * TipoOperacion (1 import, 2 export), never from the clave alone: A1, V1, L1, T1… exist both ways.
 */

export type Direction = "export" | "import";
export type Treatment = "export-direct" | "export-virtual" | "export-subtract" | "import" | "import-virtual" | "exclude";
export type Confidence = "H" | "M" | "L";

export interface ClaveRule {
  clave: string;
  direction: Direction;
  treatment: Treatment;
  /** Counted (or excluded) but listed for the accountant to confirm. */
  review: boolean;
  confidence: Confidence;
  note: string;
}

export const TREATMENT_ES: Record<Treatment, string> = {
  "export-direct": "Exportación directa",
  "export-virtual": "Exportación virtual (indirecta)",
  "export-subtract": "Resta de exportaciones",
  import: "Importación",
  "import-virtual": "Importación virtual",
  exclude: "No cuenta",
};
export const TREATMENT_EN: Record<Treatment, string> = {
  "export-direct": "Direct export",
  "export-virtual": "Virtual (indirect) export",
  "export-subtract": "Subtracted from exports",
  import: "Import",
  "import-virtual": "Virtual import",
  exclude: "Not counted",
};
export const DIRECTION_ES: Record<Direction, string> = { export: "Exportación", import: "Importación" };
export const CONFIDENCE_ES: Record<Confidence, string> = { H: "Alta", M: "Media", L: "Baja" };

const r = (clave: string, direction: Direction, treatment: Treatment, confidence: Confidence, review: boolean, note: string): ClaveRule => ({ clave, direction, treatment, confidence, review, note });

const list = (claves: string, direction: Direction, treatment: Treatment, confidence: Confidence, review: boolean, note: string) =>
  claves.split(" ").map((c) => r(c, direction, treatment, confidence, review, note));

/** The default mapping (domain reference R54; research on Apéndice 2). Order = the order of the shipped table. */
export const DEFAULT_CLAVES: readonly ClaveRule[] = Object.freeze([
  r("A1", "export", "export-direct", "H", false, "Exportación definitiva"),
  r("RT", "export", "export-direct", "M", false, "Retorno IMMEX (consignación: valor agregado)"),
  r("V1", "export", "export-virtual", "M", false, "Retorno / exportación virtual (transferencia)"),
  ...list("V2 V5 V6 V7 V8 V9 VD BB", "export", "export-virtual", "L", true, "Otra clave virtual o de transferencia"),
  r("GC", "export", "export-direct", "L", true, "Global complementario (ajuste anual de valor)"),
  ...list("L1 T1 S2 G1", "export", "export-direct", "L", true, "Pequeña, mensajería, mismo estado o desde depósito fiscal"),
  ...list("BM BO BA BD BF BP BR AJ H1 H8", "export", "exclude", "M", false, "Exportación temporal o retorno sin venta"),
  r("D1", "export", "exclude", "L", true, "Retorno por sustitución"),
  r("K1", "import", "export-subtract", "L", true, "Devolución de mercancía exportada: se resta de (b)"),
  ...list("A1 A3 C1 L1 T1 VF VU G1 G2 C3", "import", "import", "M", false, "Importación definitiva"),
  ...list("IN AF", "import", "import", "M", false, "Importación temporal IMMEX"),
  ...list("V1 V2 V5 V6 V7 V9", "import", "import-virtual", "L", true, "Importación virtual (transferencia)"),
  ...list("E1 E2 E3 E4", "import", "import-virtual", "L", true, "Extracción de depósito fiscal"),
  ...list("F4 F5", "import", "exclude", "M", false, "Cambio de régimen: ya contó al importarse"),
  ...list("BA BH BI BC BE AD AJ BP H8", "import", "exclude", "L", true, "Importación temporal (art. 106)"),
  ...list("A4 F2 M1 M2 M3 M4 M5", "import", "exclude", "L", true, "A depósito fiscal, RFE o recinto"),
  ...list("T3 T6 T7 T9", "export", "exclude", "H", false, "Tránsito"),
  ...list("T3 T6 T7 T9", "import", "exclude", "H", false, "Tránsito"),
  r("CT", "export", "exclude", "M", false, "Complementario (solo contribuciones)"),
  r("CT", "import", "exclude", "M", false, "Complementario (solo contribuciones)"),
]);

export const ruleKey = (clave: string, direction: Direction) => `${direction}:${clave.trim().toUpperCase()}`;

export type ClaveTable = ReadonlyMap<string, ClaveRule>;

export function claveTable(rules: readonly ClaveRule[]): ClaveTable {
  const m = new Map<string, ClaveRule>();
  for (const x of rules) if (!m.has(ruleKey(x.clave, x.direction))) m.set(ruleKey(x.clave, x.direction), x);
  return m;
}

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** "Exportación", "exportacion", "2", "E", "Export" → export. */
export function parseDirection(v: unknown): Direction | null {
  const t = fold(String(v ?? ""));
  if (t === "2" || t === "e" || t.startsWith("export") || t === "expo" || t === "salida") return "export";
  if (t === "1" || t === "i" || t.startsWith("import") || t === "impo" || t === "entrada") return "import";
  return null;
}

export function parseTreatment(v: unknown): Treatment | null {
  const t = fold(String(v ?? ""));
  if (!t) return null;
  for (const k of Object.keys(TREATMENT_ES) as Treatment[]) if (fold(TREATMENT_ES[k]) === t || fold(TREATMENT_EN[k]) === t || k === t) return k;
  if (t.startsWith("exportacion directa") || t === "directa") return "export-direct";
  if (t.startsWith("exportacion virtual") || t === "virtual" || t === "indirecta") return "export-virtual";
  if (t.startsWith("resta")) return "export-subtract";
  if (t.startsWith("importacion virtual")) return "import-virtual";
  if (t.startsWith("importacion")) return "import";
  if (t.startsWith("no cuenta") || t.startsWith("excluir") || t === "excluye") return "exclude";
  return null;
}

export function parseConfidence(v: unknown): Confidence | null {
  const t = fold(String(v ?? ""));
  if (t === "h" || t === "alta" || t === "high") return "H";
  if (t === "m" || t === "media" || t === "medium") return "M";
  if (t === "l" || t === "b" || t === "baja" || t === "low") return "L";
  return null;
}

/** Which treatments make sense for a direction (an import row cannot be an "export-direct"). */
export function treatmentFits(direction: Direction, t: Treatment): boolean {
  if (t === "exclude") return true;
  if (direction === "export") return t === "export-direct" || t === "export-virtual" || t === "export-subtract";
  return t === "import" || t === "import-virtual" || t === "export-subtract";
}
