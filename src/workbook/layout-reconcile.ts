/**
 * The reconciliation sheets (issue #12; domain reference §12, R50–R57), declared beside layout.ts and registered there
 * with a few lines (the snapshot request and the template generator read them from here):
 *
 * - «Pedimentos»: the year's pedimento list, pasted from an Anexo 24 system (input table tblPedimentos);
 * - «Claves»: the clave mapping of R54, shipped filled with the default and editable (input table tblClaves);
 * - «Conciliación»: materiality and import basis (inputs), the customs totals and the explanation lines (outputs,
 *   rewritten by the pane's «Conciliar» and by `raoce conciliar`).
 *
 * Workbooks of template 1.0 have none of this: everything here is optional when read (a missing name or table means
 * "no reconciliation data"), never an error.
 */
import type { BlockLayout } from "./layout";

export const RECONCILE_SHEETS = {
  pedimentos: "Pedimentos",
  claves: "Claves",
  reconciliation: "Conciliación",
} as const;

export interface ReconcileColumn {
  header: string;
  /** Field of the reader. */
  field: string;
  width: number;
  numberFormat?: string;
  /** A short list for the dropdown (literal list validation). */
  list?: readonly string[];
}

export interface ReconcileTable {
  name: string;
  sheet: string;
  topLeft: string;
  blankRows: number;
  columns: readonly ReconcileColumn[];
}

export const DIRECTION_LIST = ["Exportación", "Importación"] as const;
export const TREATMENT_LIST = ["Exportación directa", "Exportación virtual (indirecta)", "Resta de exportaciones", "Importación", "Importación virtual", "No cuenta"] as const;
export const YES_NO_LIST = ["Sí", "No"] as const;
export const CONFIDENCE_LIST = ["Alta", "Media", "Baja"] as const;
export const IMPORT_BASIS_LIST = ["Valor comercial", "Valor en aduana"] as const;

export const PEDIMENTOS_TABLE: ReconcileTable = {
  name: "tblPedimentos",
  sheet: RECONCILE_SHEETS.pedimentos,
  topLeft: "A5",
  blankRows: 30,
  columns: [
    { header: "Pedimento", field: "number", width: 24, numberFormat: "@" },
    { header: "Clave", field: "clave", width: 8, numberFormat: "@" },
    { header: "Operación", field: "direction", width: 14, list: DIRECTION_LIST },
    { header: "Fecha de pago", field: "paidOn", width: 13, numberFormat: "dd/mm/yyyy" },
    { header: "Valor en pesos", field: "mxn", width: 17, numberFormat: "#,##0" },
    { header: "Valor en dólares", field: "usd", width: 15, numberFormat: "#,##0.00" },
    { header: "Valor agregado (pesos)", field: "valueAdded", width: 15, numberFormat: "#,##0" },
    { header: "Rectifica al pedimento", field: "previous", width: 24, numberFormat: "@" },
    { header: "Consolidado", field: "consolidated", width: 12, list: YES_NO_LIST },
  ],
};

export const CLAVES_TABLE: ReconcileTable = {
  name: "tblClaves",
  sheet: RECONCILE_SHEETS.claves,
  topLeft: "A5",
  blankRows: 0, // filled with the default mapping
  columns: [
    { header: "Clave", field: "clave", width: 8, numberFormat: "@" },
    { header: "Operación", field: "direction", width: 14, list: DIRECTION_LIST },
    { header: "Tratamiento", field: "treatment", width: 30, list: TREATMENT_LIST },
    { header: "Revisar", field: "review", width: 9, list: YES_NO_LIST },
    { header: "Confianza", field: "confidence", width: 11, list: CONFIDENCE_LIST },
    { header: "Nota", field: "note", width: 58 },
  ],
};

export const RECONCILE_TABLES: readonly ReconcileTable[] = [PEDIMENTOS_TABLE, CLAVES_TABLE];

export interface ReconcileName {
  name: string;
  cell: string;
  label: string;
  hint?: string;
  kind: "input" | "output";
  numberFormat?: string;
  list?: readonly string[];
}

const S = RECONCILE_SHEETS.reconciliation;

export const RECONCILE_NAMES: readonly ReconcileName[] = [
  { name: "RAOCE_SELLO_CONCILIACION", cell: "C3", label: "Conciliado el", kind: "output", numberFormat: "dd/mm/yyyy" },
  { name: "RAOCE_CONC_FUENTE", cell: "E3", label: "", kind: "output" },
  { name: "RAOCE_MATERIALIDAD", cell: "C4", label: "Materialidad (% de la cifra)", hint: "Vacío = 1 %. Diferencias de hasta 0.5 miles son redondeo.", kind: "input", numberFormat: "0.0%" },
  { name: "RAOCE_BASE_IMPORTACIONES", cell: "C5", label: "Importaciones (c) a", hint: "Sin fuente oficial (confianza baja): valor comercial por omisión.", kind: "input", list: IMPORT_BASIS_LIST },
  { name: "RAOCE_CONC_EJERCICIO", cell: "C6", label: "Ejercicio conciliado", kind: "output", numberFormat: "0" },
  { name: "RAOCE_CONC_EXPORTACIONES", cell: "C7", label: "Exportaciones según pedimentos (miles)", kind: "output", numberFormat: "#,##0.00" },
  { name: "RAOCE_CONC_IMPORTACIONES", cell: "C8", label: "Importaciones según pedimentos (miles)", kind: "output", numberFormat: "#,##0.00" },
];

export const RECONCILE_BLOCK: Omit<BlockLayout, "sheet"> & { sheet: string } = {
  anchorName: "RAOCE_CONCILIACION",
  sheet: S,
  anchor: "A11",
  headers: ["Cifra", "Concepto", "Miles de pesos", "Diferencia %", "Resultado", "Pedimento", "Clave", "Fecha de pago", "Pesos", "Dólares"],
  widths: [7, 62, 16, 12, 34, 24, 7, 13, 16, 14],
  formats: [null, null, "#,##0.00", "0.0%", null, "@", null, "dd/mm/yyyy", "#,##0", "#,##0.00"],
  styledRows: 40,
};

export interface ReconcileSheetLayout {
  name: string;
  title: string;
  intro: string[];
  widths: number[];
}

export const RECONCILE_SHEET_LAYOUTS: readonly ReconcileSheetLayout[] = [
  {
    name: RECONCILE_SHEETS.pedimentos,
    title: "RAOCE — Pedimentos del ejercicio (lista del Anexo 24)",
    intro: [
      "Pegue aquí la lista de pedimentos de su sistema de Anexo 24 si no usa el Data Stage (con el Data Stage use `raoce conciliar libro.xlsx datastage*.zip`).",
      "Una fila por pedimento: número de 15 dígitos (con o sin espacios), clave, operación, fecha de pago y valores. «Rectifica al pedimento»: en una rectificación (R1), el pedimento que reemplaza.",
    ],
    widths: [],
  },
  {
    name: RECONCILE_SHEETS.claves,
    title: "RAOCE — Cómo cuenta cada clave de pedimento (editable)",
    intro: [
      "Tabla por omisión de RAOCE (Anexo 22, Apéndice 2), con su confianza. Cámbiela si su asesor lo indica: «Conciliar» usa esta tabla. La operación (exportación/importación) viene del pedimento, no de la clave.",
    ],
    widths: [],
  },
  {
    name: RECONCILE_SHEETS.reconciliation,
    title: "RAOCE — Conciliación de las cifras con los pedimentos",
    intro: [
      "RAOCE reescribe esta hoja con «Conciliar» (complemento) o `raoce conciliar`. Cifras en miles de pesos; bajo cada explicación, los pedimentos que la forman.",
    ],
    widths: [7, 62, 16, 12, 34, 24, 7, 13, 16, 14],
  },
];

export const RECONCILE_REQUEST = {
  names: [...RECONCILE_NAMES.map((n) => n.name), RECONCILE_BLOCK.anchorName],
  tables: RECONCILE_TABLES.map((t) => t.name),
};
