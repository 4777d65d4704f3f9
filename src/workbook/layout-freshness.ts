/**
 * Template cells that say whether the results are current (added in template 1.1.0; registered in layout.ts):
 *
 * - RAOCE_HUELLA (hidden version sheet): the fingerprint `fill` / «Calcular y escribir» write with the outputs — the
 *   hash of the inputs and of every output cell as written (fingerprint.ts). `check` and the pane compare it with
 *   the inputs they read: "Resultados desactualizados: vuelva a calcular".
 * - RAOCE_HUELLA_CAPTURA (hidden version sheet): a number Excel itself can recompute from the cells Captura VUCEM
 *   shows (figures, RFC, programs, goods), written with the outputs.
 * - RAOCE_CAPTURA_VIGENCIA (Captura VUCEM, a template formula, never written): recomputes that number and shows the
 *   banner as soon as one of those inputs changes, with no RAOCE running. Numbers are summed with weights and texts
 *   counted by length, so a change that keeps every sum and length (rare) shows only in `check` and the pane, which
 *   compare the full fingerprint.
 */
import type { NamedCell } from "./layout";

export const FINGERPRINT_NAME = "RAOCE_HUELLA";
export const CAPTURE_DIGEST_NAME = "RAOCE_HUELLA_CAPTURA";
export const CAPTURE_BANNER_NAME = "RAOCE_CAPTURA_VIGENCIA";

export const STALE_TEXT = "Resultados desactualizados: vuelva a calcular";
export const STALE_TEXT_EN = "Results out of date: calculate again";

/** One term of the Captura digest: a named cell or a table column, summed as numbers or counted as text lengths. */
export interface DigestTerm {
  weight: number;
  kind: "number" | "text";
  /** A defined name, or a table and column. */
  name?: string;
  table?: string;
  column?: string;
}

export const CAPTURE_DIGEST_TERMS: readonly DigestTerm[] = [
  { weight: 1, kind: "number", name: "RAOCE_VENTAS_TOTALES" },
  { weight: 2, kind: "number", name: "RAOCE_EXPORTACIONES" },
  { weight: 3, kind: "number", name: "RAOCE_IMPORTACIONES" },
  { weight: 5, kind: "number", name: "RAOCE_ANIO_PRESENTACION" },
  { weight: 7, kind: "number", table: "tblBienes", column: "Volumen total producido" },
  { weight: 11, kind: "text", name: "RAOCE_RFC" },
  { weight: 13, kind: "text", table: "tblProgramas", column: "Programa" },
  { weight: 17, kind: "text", table: "tblProgramas", column: "Número" },
  { weight: 19, kind: "text", table: "tblBienes", column: "Sector" },
  { weight: 23, kind: "text", table: "tblBienes", column: "Fracción arancelaria" },
  { weight: 29, kind: "text", table: "tblBienes", column: "Descripción del bien" },
  { weight: 31, kind: "text", table: "tblBienes", column: "Unidad de medida" },
];

function termFormula(t: DigestTerm): string {
  const ref = t.name ?? `${t.table}[${t.column}]`;
  if (t.kind === "number") return t.name ? `N(${ref})` : `SUM(${ref})`;
  return t.name ? `IF(ISTEXT(${ref}),LEN(${ref}),0)` : `SUMPRODUCT(ISTEXT(${ref})*LEN(${ref}))`;
}

/** Excel's side of `captureDigest` (fingerprint.ts): the same terms, the same weights. */
export const CAPTURE_DIGEST_FORMULA = CAPTURE_DIGEST_TERMS.map((t) => `${t.weight}*${termFormula(t)}`).join("+");

const H = CAPTURE_DIGEST_NAME;
export const CAPTURE_BANNER_FORMULA = `IFERROR(IF(${H}="","",IF(ABS((${CAPTURE_DIGEST_FORMULA})-${H})<=0.000001*MAX(1,ABS(${H})),"","${STALE_TEXT} (Calcular y escribir en el complemento, o raoce fill): los datos cambiaron después de preparar esta hoja.")),"")`;

export const FRESHNESS_CELLS: readonly NamedCell[] = [
  { name: FINGERPRINT_NAME, sheet: "Catálogos", cell: "B4", label: "Huella de los datos calculados", kind: "output", output: "fingerprint", type: "text", optional: true },
  { name: CAPTURE_DIGEST_NAME, sheet: "Catálogos", cell: "B5", label: "Huella de Captura VUCEM", kind: "output", output: "captureDigest", type: "number", optional: true },
  { name: CAPTURE_BANNER_NAME, sheet: "Captura VUCEM", cell: "A4", label: "", kind: "formula", formula: CAPTURE_BANNER_FORMULA, type: "text", optional: true },
];
