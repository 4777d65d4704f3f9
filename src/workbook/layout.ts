/**
 * The RAOCE workbook template, declared once. Everything else derives from this module: the ExcelJS template
 * generator, the snapshot request both adapters read, `read-input` (cells → report document), `write-plan`
 * (results → output cells), `raoce layout --json` and the template fingerprint.
 *
 * The code reaches every input and output through a workbook-level defined name (RAOCE_*) or a table column
 * (tblProgramas[Programa]); the template addresses below are only where the generator puts things. Users may insert
 * rows, move blocks and rename sheets: the adapters report where names and tables are now.
 *
 * Bump TEMPLATE_VERSION when the layout changes: MAJOR when a name/table/column is removed or changes meaning
 * (older workbooks become unreadable), MINOR when one is added (older workbooks still read, with a notice).
 */
import { PROSEC_SECTORS, UNITS } from "../domain/catalogs";
import { EXPORTER_TYPES, MODALITIES, PROGRAM_TYPES } from "../domain/programs";
import { FRESHNESS_CELLS } from "./layout-freshness";
import type { SnapshotRequest } from "./port";
import { RECONCILE_BLOCK, RECONCILE_NAMES, RECONCILE_REQUEST, RECONCILE_SHEETS, RECONCILE_TABLES } from "./layout-reconcile";
import { AF_CATALOGS, AF_NAMED_CELLS, AF_SHEETS, AF_SHEET_LAYOUTS, AF_TABLES } from "./layout-after-filing";
import type { PageSetupSpec } from "./print-layout";
import { RULES_SHEET_LAYOUT, RULES_SHEET_NAME } from "./rules-sheet";

export const TEMPLATE_VERSION = "1.3.0";

/** How a cell's raw value becomes a document value (see read-input.ts). */
export type FieldType =
  | "text" // trimmed string; numbers become their text
  | "code" // like text, but a number keeps its digits (program number, folio)
  | "tariff" // fracción arancelaria: digits kept as text, a lost leading zero restored
  | "number" // finite number
  | "integer" // whole number (years)
  | "percent" // number shown as %, stored as a fraction 0–1
  | "date" // Excel date serial or ISO / dd/mm/yyyy text
  | "boolean" // Sí / No
  | "list" // one of a catalog (validated by the engine; the dropdown is a help, not a guarantee)
  | "sectors"; // comma-separated PROSEC sectors → array

/** Output keys: what write-plan.ts knows how to compute. */
export type NamedOutputKey =
  | "stamp"
  | "asOfUsed"
  | "exchangeRateSource"
  | "exchangeRateUsed"
  | "balance"
  | "exportShare"
  | "salesUsd"
  | "exportsUsd"
  | "issuesSummary"
  | "fingerprint"
  | "captureDigest";

export type ProgramOutputKey =
  | "obliged"
  | "opens"
  | "due"
  | "lateUntil"
  | "cancelledOn"
  | "status"
  | "reactivationBy"
  | "commitment"
  | "commitmentReason"
  | "capture"
  | "datesSource";

export type GoodOutputKey = "closingInventory";

export type NoticeOutputKey = "noticeDeadline" | "noticeSafeDeadline" | "noticeStatus";

export interface Validation {
  /** Name of a catalog list (defined name on the catalog sheet). */
  list: CatalogName;
  /** stop = only listed values; warning = Excel asks before accepting another value (the engine still checks it). */
  strict: boolean;
}

export interface NamedCell {
  name: string;
  sheet: SheetName;
  /** Template address of the value cell. */
  cell: string;
  /** Label the generator writes in column A of that row. */
  label: string;
  /** Hint written in column C (inputs) — short. */
  hint?: string;
  kind: "input" | "output" | "formula";
  /** Input: dotted path into the report document (`company.rfc`, `figures.totalSales`). */
  path?: string;
  /** Output: what to write. */
  output?: NamedOutputKey;
  /** Formula cells: a standard Excel formula over other names (no custom functions). */
  formula?: string;
  type: FieldType | "stamp";
  numberFormat?: string;
  validation?: Validation;
  required?: boolean;
  /** Added in a MINOR version: a workbook without it is not reported (it reads and fills without it). */
  optional?: boolean;
}

export interface TableColumn {
  /** Header text: the column's identity (`tblProgramas[Programa]`). */
  header: string;
  kind: "input" | "output";
  /** Input: field path inside one row (`type`, `overrides.due`). */
  field?: string;
  output?: ProgramOutputKey | GoodOutputKey | NoticeOutputKey | "none";
  /** An input column the user must not edit (the Evidencia table): styled and locked like an output. */
  locked?: boolean;
  type: FieldType | "text";
  numberFormat?: string;
  validation?: Validation;
  width: number;
  /** Long text: wraps in the cell (the row is sized for it; print-layout.ts). */
  wrap?: boolean;
  /** Added in a MINOR version: a table without it reads and fills without it (not reported). */
  optional?: boolean;
}

export interface TableLayout {
  name: string;
  sheet: SheetName;
  /** Template top-left (header row) cell. */
  topLeft: string;
  /** Blank body rows in the template (room to type without resizing the table). */
  blankRows: number;
  /** Document array the rows feed (`programs`, `goods`, `extraNonBusinessDays`). */
  path: "programs" | "goods" | "extraNonBusinessDays" | "evidence" | "changeNotices" | "domiciles";
  /** What the table holds, for messages ("los avisos de cambio"). */
  description?: string;
  /** For `extraNonBusinessDays` the row is a scalar: the value of this column. */
  scalarField?: string;
  columns: TableColumn[];
  style: string;
}

/** A list the product rewrites on each run (Problemas, Captura VUCEM). */
export interface BlockLayout {
  /** Defined name of the first data cell (the row below the headers). */
  anchorName: string;
  sheet: SheetName;
  /** Template address of the anchor. */
  anchor: string;
  headers: string[];
  widths: number[];
  /** Number format per column (null = General). */
  formats: (string | null)[];
  /** Template rows reserved for formatting (borders); the list itself may be longer. */
  styledRows: number;
}

export const SHEETS = {
  company: "Empresa",
  programs: "Programas",
  figures: "Cifras",
  goods: "Bienes",
  issues: "Problemas",
  capture: "Captura VUCEM",
  rules: RULES_SHEET_NAME,
  catalogs: "Catálogos",
  ...AF_SHEETS,
} as const;
export type SheetName = (typeof SHEETS)[keyof typeof SHEETS];

export interface SheetLayout {
  name: SheetName;
  title: string;
  /** Instruction lines under the title. */
  intro: string[];
  /** Visible, or hidden (the catalog/version sheet: hidden, not very hidden, so a user can look). */
  state: "visible" | "hidden";
  protect: boolean;
  /** Added after 1.0: a workbook without it still reads (one note instead of an error). */
  optional?: boolean;
  /** Column widths A, B, C, … */
  widths: number[];
  /** Section headings: row (1-based) → text. */
  sections?: Record<number, string>;
  /**
   * How the sheet prints (print-layout.ts): unset fields take DEFAULT_PAGE_SETUP — letter, portrait, the sheet's
   * columns fitted to one page width, as many pages down as needed. The generator derives the print area (the
   * sheet's columns, whole: a list or table prints whole however long it grows) and the repeated header row of its
   * table or list; a new sheet gets a sensible printout without declaring anything.
   */
  page?: PageSetupSpec;
  /** Columns of text that wrap (1-based), so the generator and the file adapter size their rows explicitly. */
  wrapColumns?: number[];
  /** R18: a title that names the fiscal year, as a formula over the template's names (title = fallback text). */
  titleFormula?: string;
}

/**
 * R18: "<label> — Cifras del ejercicio 2025 (RAOCE 2026)…" as a fixed formula over RAOCE_ANIO_PRESENTACION. Only on
 * input sheets: the lists RAOCE rewrites hold no formula at all (Captura names the year in its first row instead).
 */
const fiscalYearTitle = (label: string, tail = ""): string =>
  `IF(ISNUMBER(RAOCE_ANIO_PRESENTACION),"${label} — Cifras del ejercicio "&(RAOCE_ANIO_PRESENTACION-1)&" (RAOCE "&RAOCE_ANIO_PRESENTACION&")${tail}","${label}${tail}")`;

// ─── formats ────────────────────────────────────────────────────────────────────────────────────────────────────────

export const FORMATS = {
  /** Miles de pesos, with thousands separators. */
  thousands: "#,##0.00",
  pesos: "#,##0",
  usd: '"US$"#,##0',
  percent: "0.00%",
  percentInt: "0%",
  date: "dd/mm/yyyy",
  rate: "0.0000",
  integer: "0",
  volume: "#,##0.###",
  text: "@",
} as const;

// ─── catalogs (hidden sheet, referenced by the dropdowns) ───────────────────────────────────────────────────────────

export const CATALOGS = {
  RAOCE_LISTA_PROGRAMAS: [...PROGRAM_TYPES],
  RAOCE_LISTA_MODALIDADES: [...new Set(Object.values(MODALITIES).flat())],
  RAOCE_LISTA_SECTORES: PROSEC_SECTORS.map((s) => `${s.key} - ${s.name}`),
  RAOCE_LISTA_UNIDADES: UNITS.map((u) => `${u.key} - ${u.name}`),
  RAOCE_LISTA_SINO: ["Sí", "No"],
  RAOCE_LISTA_EXPORTADOR: [...EXPORTER_TYPES],
  ...AF_CATALOGS,
} as const;
export type CatalogName = keyof typeof CATALOGS;

/** Template cell of the version, on the catalog sheet. */
export const VERSION_NAME = "RAOCE_VERSION_PLANTILLA";
export const VERSION_CELL = "B2";
/** Catalog lists start in this row of the catalog sheet, one column each from column D. */
export const CATALOG_FIRST_ROW = 5;
export const CATALOG_FIRST_COL = 4;

// ─── sheets ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const SHEET_LAYOUTS: readonly SheetLayout[] = [
  {
    name: SHEETS.company,
    title: "RAOCE — Datos de la empresa, periodo y configuración",
    intro: [
      "Capture en las celdas blancas. Las celdas grises son resultados de RAOCE (no se editan; se recalculan con «Calcular y escribir» en el complemento o con `raoce fill`; «Validar» solo lista los problemas).",
      "Las hojas están protegidas sin contraseña solo para no borrar resultados por accidente: Revisar › Desproteger hoja.",
    ],
    state: "visible",
    protect: true,
    widths: [46, 30, 62],
    page: { orientation: "landscape" },
    wrapColumns: [3],
    sections: { 5: "Empresa", 11: "Periodo", 16: "Tipo de cambio (promedio anual del FIX de Banxico)", 21: "Configuración de reglas con incertidumbre", 27: "Días inhábiles adicionales declarados por la SE" },
  },
  {
    name: SHEETS.programs,
    title: "RAOCE — Programas (IMMEX, PROSEC, ALTEX, ECEX)",
    intro: [
      "Una fila por programa. Columnas blancas: datos de su autorización y de la presentación; columnas grises: plazos, estado y compromiso calculados.",
      "Para agregar filas use «Agregar filas» en el complemento (o desproteja la hoja: Revisar › Desproteger hoja, sin contraseña). Fechas en dd/mm/aaaa.",
    ],
    state: "visible",
    protect: true,
    widths: [],
    // 23 columns: datos on the first page width, resultados on the second, the Programa column repeated on both.
    page: { orientation: "landscape", pagesWide: 2, titleColumns: "A:A" },
  },
  {
    name: SHEETS.figures,
    title: "RAOCE — Balanza comercial del ejercicio (miles de pesos)",
    titleFormula: fiscalYearTitle("RAOCE — Balanza comercial", ", en miles de pesos"),
    intro: [
      "Todas las cifras en MILES de pesos (Guía RAOCE 2025): 1,250,000 pesos se capturan como 1,250.",
      "IMMEX con otros programas captura solo (a) y (b); PROSEC solo captura (a), (b) y (c) de los bienes producidos con insumos PROSEC (Guía RAOCE 2025).",
    ],
    state: "visible",
    protect: true,
    widths: [46, 22, 62],
    page: { orientation: "landscape" },
    wrapColumns: [3],
    sections: { 5: "Cifras capturadas", 13: "Resultados (como los calcula VUCEM)" },
  },
  {
    name: SHEETS.goods,
    title: "RAOCE — Relación de bienes producidos (PROSEC)",
    intro: [
      "Solo para PROSEC. Sector: número romano autorizado; fracción: 8 dígitos de la TIGIE; unidad: clave o nombre del Apéndice 7 del Anexo 22.",
      "Para agregar filas use «Agregar filas» en el complemento (o desproteja la hoja: Revisar › Desproteger hoja, sin contraseña).",
    ],
    state: "visible",
    protect: true,
    widths: [],
    page: { orientation: "landscape" },
  },
  {
    name: SHEETS.issues,
    title: "RAOCE — Problemas encontrados",
    intro: ["RAOCE reescribe esta hoja con «Validar» o «Calcular y escribir» (complemento) o `raoce fill`. Haga clic en la celda para ir al dato y en la regla para leerla en la hoja Reglas."],
    state: "visible",
    protect: true,
    widths: [10, 24, 70, 18, 8, 24],
    // Código and Mensaje side by side on one page width; long messages wrap (rows sized explicitly).
    page: { orientation: "landscape" },
    wrapColumns: [2, 3, 6],
  },
  {
    name: SHEETS.capture,
    title: "RAOCE — Qué capturar en VUCEM, pantalla por pantalla",
    intro: [
      "RAOCE reescribe esta hoja con «Calcular y escribir» (complemento) o `raoce fill`, en el orden de las pantallas de VUCEM de la Guía RAOCE 2025. Cifras en miles de pesos enteros: escríbalas como aparecen, solo dígitos.",
    ],
    state: "visible",
    protect: true,
    widths: [6, 10, 30, 34, 30, 50],
    page: { orientation: "landscape" },
    wrapColumns: [3, 4, 5, 6],
  },
  RULES_SHEET_LAYOUT,
  {
    name: SHEETS.catalogs,
    title: "RAOCE — Versión de la plantilla y catálogos",
    intro: [],
    state: "hidden",
    protect: true,
    // Version (A–B), then one catalog per column from D (the after-filing catalogs follow the first six).
    widths: [26, 12, 4, 12, 30, 46, 26, 8, 14, ...Object.keys(AF_CATALOGS).map(() => 30)],
  },
  ...AF_SHEET_LAYOUTS,
];

// ─── named cells ────────────────────────────────────────────────────────────────────────────────────────────────────

const C = SHEETS.company;
const F = SHEETS.figures;

export const NAMED_CELLS: readonly NamedCell[] = [
  { name: "RAOCE_SELLO_EMPRESA", sheet: C, cell: "B3", label: "Resultados calculados el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },

  { name: "RAOCE_RFC", sheet: C, cell: "B6", label: "RFC", hint: "12 caracteres (persona moral) o 13 (física), sin guiones.", kind: "input", path: "company.rfc", type: "text", numberFormat: FORMATS.text, required: true },
  { name: "RAOCE_RAZON_SOCIAL", sheet: C, cell: "B7", label: "Razón social", hint: "Como aparece en VUCEM.", kind: "input", path: "company.name", type: "text", numberFormat: FORMATS.text, required: true },
  { name: "RAOCE_CONSIGNACION", sheet: C, cell: "B8", label: "Opera en consignación (Sí/No)", hint: "Sí o No (también si, no, yes en minúsculas). Sí: reporte como exportación solo el valor agregado.", kind: "input", path: "company.consignment", type: "boolean", validation: { list: "RAOCE_LISTA_SINO", strict: false } },
  { name: "RAOCE_INGRESOS_DECLARACION", sheet: C, cell: "B9", label: "Ingresos de la declaración anual (pesos)", hint: "En PESOS, no miles: sirve para detectar cifras capturadas en pesos.", kind: "input", path: "figures.taxReturnIncome", type: "number", numberFormat: FORMATS.pesos },

  { name: "RAOCE_ANIO_PRESENTACION", sheet: C, cell: "B12", label: "Año de presentación", hint: "El año en que se presenta el RAOCE (p. ej. 2025 reporta 2024).", kind: "input", path: "filingYear", type: "integer", numberFormat: FORMATS.integer, required: true },
  { name: "RAOCE_EJERCICIO", sheet: C, cell: "B13", label: "Ejercicio reportado", kind: "formula", formula: 'IF(ISNUMBER(RAOCE_ANIO_PRESENTACION),RAOCE_ANIO_PRESENTACION-1,"")', type: "integer", numberFormat: FORMATS.integer },
  { name: "RAOCE_FECHA_CORTE", sheet: C, cell: "B14", label: "Fecha de corte (vacía = hoy)", hint: "Fecha a la que se calcula el estado de cada programa.", kind: "input", path: "asOf", type: "date", numberFormat: FORMATS.date },
  { name: "RAOCE_FECHA_CORTE_USADA", sheet: C, cell: "B15", label: "Fecha de corte usada", kind: "output", output: "asOfUsed", type: "date", numberFormat: FORMATS.date },

  { name: "RAOCE_TIPO_CAMBIO", sheet: C, cell: "B17", label: "Tipo de cambio (MXN por USD; vacío = tabla)", hint: "Promedio anual del FIX de Banxico del ejercicio; capture el que use VUCEM si lo conoce.", kind: "input", path: "exchangeRate", type: "number", numberFormat: FORMATS.rate },
  { name: "RAOCE_TC_FUENTE", sheet: C, cell: "B18", label: "Fuente del tipo de cambio", kind: "output", output: "exchangeRateSource", type: "text" },

  { name: "RAOCE_CFG_PROSEC_MAYO_DESDE", sheet: C, cell: "B22", label: "PROSEC ligado vence en mayo desde el año", hint: "2024 por omisión (regla 3.2.16 g, DOF 9-may-2022, y Guía RAOCE 2025; antes, abril). Regla R9 en la hoja Reglas.", kind: "input", path: "settings.linkedProsecMayFromYear", type: "integer", numberFormat: FORMATS.integer },
  { name: "RAOCE_CFG_ALTEX_FACTOR", sheet: C, cell: "B23", label: "ALTEX: parte de la exportación indirecta que suma", hint: "80 % por omisión (Decreto ALTEX). Regla R28 en la hoja Reglas.", kind: "input", path: "settings.altexIndirectFactor", type: "percent", numberFormat: FORMATS.percentInt },
  { name: "RAOCE_CFG_ECEX_MIN_USD", sheet: C, cell: "B24", label: "ECEX: exportación mínima (USD)", hint: "Mínimo no confirmado; vacío = «por confirmar». Regla R30 en la hoja Reglas.", kind: "input", path: "settings.ecexMinExportsUsd", type: "number", numberFormat: FORMATS.usd },
  { name: "RAOCE_CFG_ECEX_MIN_PCT", sheet: C, cell: "B25", label: "ECEX: exportación mínima (% de ventas)", hint: "Mínimo no confirmado; vacío = «por confirmar». Regla R30 en la hoja Reglas.", kind: "input", path: "settings.ecexMinExportShare", type: "percent", numberFormat: FORMATS.percent },
  { name: "RAOCE_CFG_PERIODOS_SE", sheet: C, cell: "B26", label: "Contar los periodos inhábiles declarados por la SE (Sí/No)", hint: "Sí por omisión: p. ej. del 22 de diciembre de 2025 al 6 de enero de 2026 (aviso SNICE 516.2025.5545). No: si un aviso posterior lo revoca. Regla R12 en la hoja Reglas.", kind: "input", path: "settings.seDeclaredPeriods", type: "boolean", validation: { list: "RAOCE_LISTA_SINO", strict: false }, optional: true },

  { name: "RAOCE_SELLO_CIFRAS", sheet: F, cell: "B3", label: "Resultados calculados el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },
  { name: "RAOCE_VENTAS_TOTALES", sheet: F, cell: "B6", label: "Ventas totales (a)", hint: "Incluye las exportaciones. Miles de pesos.", kind: "input", path: "figures.totalSales", type: "number", numberFormat: FORMATS.thousands, required: true },
  { name: "RAOCE_EXPORTACIONES", sheet: F, cell: "B7", label: "Total exportaciones (b)", hint: "Directas + indirectas (virtuales). Miles de pesos.", kind: "input", path: "figures.totalExports", type: "number", numberFormat: FORMATS.thousands, required: true },
  { name: "RAOCE_IMPORTACIONES", sheet: F, cell: "B8", label: "Total importaciones (c)", hint: "IMMEX con programas ligados no lo captura (VUCEM deshabilita el campo). Miles de pesos.", kind: "input", path: "figures.totalImports", type: "number", numberFormat: FORMATS.thousands },
  { name: "RAOCE_EXPORTACIONES_DIRECTAS", sheet: F, cell: "B10", label: "Exportaciones directas", hint: "Para el compromiso ALTEX (Decreto ALTEX). Miles de pesos.", kind: "input", path: "figures.directExports", type: "number", numberFormat: FORMATS.thousands },
  { name: "RAOCE_EXPORTACIONES_INDIRECTAS", sheet: F, cell: "B11", label: "Exportaciones indirectas", hint: "Para el compromiso ALTEX (Decreto ALTEX). Miles de pesos.", kind: "input", path: "figures.indirectExports", type: "number", numberFormat: FORMATS.thousands },
  { name: "RAOCE_SALDO", sheet: F, cell: "B14", label: "Saldo (b − c), miles de pesos", kind: "output", output: "balance", type: "number", numberFormat: FORMATS.thousands },
  { name: "RAOCE_PCT_EXPORTACION", sheet: F, cell: "B15", label: "Porcentaje de exportación (b / a)", kind: "output", output: "exportShare", type: "percent", numberFormat: FORMATS.percent },
  { name: "RAOCE_VENTAS_USD", sheet: F, cell: "B16", label: "Ventas totales en USD", kind: "output", output: "salesUsd", type: "number", numberFormat: FORMATS.usd },
  { name: "RAOCE_EXPORTACIONES_USD", sheet: F, cell: "B17", label: "Exportaciones en USD", kind: "output", output: "exportsUsd", type: "number", numberFormat: FORMATS.usd },
  { name: "RAOCE_TC_USADO", sheet: F, cell: "B18", label: "Tipo de cambio usado (MXN por USD)", kind: "output", output: "exchangeRateUsed", type: "number", numberFormat: FORMATS.rate },

  { name: "RAOCE_SELLO_PROGRAMAS", sheet: SHEETS.programs, cell: "D3", label: "Resultados calculados el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },
  { name: "RAOCE_SELLO_BIENES", sheet: SHEETS.goods, cell: "C3", label: "Resultados calculados el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },
  { name: "RAOCE_SELLO_PROBLEMAS", sheet: SHEETS.issues, cell: "B3", label: "Revisado el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },
  { name: "RAOCE_RESUMEN_PROBLEMAS", sheet: SHEETS.issues, cell: "C3", label: "", kind: "output", output: "issuesSummary", type: "text" },
  { name: "RAOCE_SELLO_CAPTURA", sheet: SHEETS.capture, cell: "C3", label: "Preparado el", kind: "output", output: "stamp", type: "stamp", numberFormat: FORMATS.date },
  ...FRESHNESS_CELLS,
  ...AF_NAMED_CELLS,
];

// ─── tables ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const TABLES: readonly TableLayout[] = [
  {
    name: "tblProgramas",
    sheet: SHEETS.programs,
    topLeft: "A5",
    blankRows: 8,
    path: "programs",
    style: "TableStyleLight9",
    columns: [
      { header: "Programa", kind: "input", field: "type", type: "list", validation: { list: "RAOCE_LISTA_PROGRAMAS", strict: true }, width: 11 },
      { header: "Número", kind: "input", field: "number", type: "code", numberFormat: FORMATS.text, width: 13 },
      { header: "Modalidad", kind: "input", field: "modality", type: "text", validation: { list: "RAOCE_LISTA_MODALIDADES", strict: false }, wrap: true, width: 18 },
      { header: "Fecha de autorización", kind: "input", field: "authorizedOn", type: "date", numberFormat: FORMATS.date, width: 13 },
      { header: "Fecha de cancelación", kind: "input", field: "cancelledOn", type: "date", numberFormat: FORMATS.date, width: 13 },
      // 1.3.0 (R4 rev. 2026-11): shown with the cancellation date; empty = the RAOCE timeline's own cause when it applies.
      { header: "Causa de la cancelación", kind: "input", field: "cancellationCause", type: "text", numberFormat: FORMATS.text, wrap: true, width: 22, optional: true },
      { header: "Fecha de presentación", kind: "input", field: "filedOn", type: "date", numberFormat: FORMATS.date, width: 13 },
      { header: "Folio del acuse", kind: "input", field: "folio", type: "code", numberFormat: FORMATS.text, width: 18 },
      { header: "Sectores PROSEC autorizados", kind: "input", field: "sectors", type: "sectors", numberFormat: FORMATS.text, wrap: true, width: 18 },
      { header: "Tipo de exportador ALTEX", kind: "input", field: "exporterType", type: "list", validation: { list: "RAOCE_LISTA_EXPORTADOR", strict: true }, width: 13 },
      { header: "Vence (ajuste)", kind: "input", field: "overrides.due", type: "date", numberFormat: FORMATS.date, width: 13 },
      { header: "Extemporáneo hasta (ajuste)", kind: "input", field: "overrides.lateUntil", type: "date", numberFormat: FORMATS.date, width: 14 },
      { header: "Cancelación (ajuste)", kind: "input", field: "overrides.cancelledOn", type: "date", numberFormat: FORMATS.date, width: 13 },
      { header: "Obligado", kind: "output", output: "obliged", type: "text", width: 9 },
      { header: "Abre", kind: "output", output: "opens", type: "date", numberFormat: FORMATS.date, width: 11 },
      { header: "Vence", kind: "output", output: "due", type: "date", numberFormat: FORMATS.date, width: 11 },
      { header: "Extemporáneo hasta", kind: "output", output: "lateUntil", type: "date", numberFormat: FORMATS.date, width: 13 },
      { header: "Se cancela el", kind: "output", output: "cancelledOn", type: "date", numberFormat: FORMATS.date, width: 11 },
      { header: "Estado", kind: "output", output: "status", type: "text", wrap: true, width: 26 },
      { header: "Reactivación a más tardar", kind: "output", output: "reactivationBy", type: "date", numberFormat: FORMATS.date, width: 14 },
      { header: "Compromiso de exportación", kind: "output", output: "commitment", type: "text", width: 13 },
      { header: "Detalle del compromiso", kind: "output", output: "commitmentReason", type: "text", wrap: true, width: 40 },
      { header: "Campos a capturar en VUCEM", kind: "output", output: "capture", type: "text", wrap: true, width: 28 },
      { header: "Fuente de las fechas", kind: "output", output: "datesSource", type: "text", wrap: true, width: 30 },
    ],
  },
  {
    name: "tblBienes",
    sheet: SHEETS.goods,
    topLeft: "A5",
    // Room for a typical PROSEC company; more with «Agregar filas» in the pane (tables cannot grow on a protected sheet).
    blankRows: 40,
    path: "goods",
    style: "TableStyleLight9",
    columns: [
      { header: "Sector", kind: "input", field: "sector", type: "list", validation: { list: "RAOCE_LISTA_SECTORES", strict: false }, width: 26 },
      { header: "Fracción arancelaria", kind: "input", field: "tariffCode", type: "tariff", numberFormat: FORMATS.text, width: 14 },
      { header: "Descripción del bien", kind: "input", field: "description", type: "text", wrap: true, width: 40 },
      { header: "Unidad de medida", kind: "input", field: "unit", type: "list", validation: { list: "RAOCE_LISTA_UNIDADES", strict: false }, width: 20 },
      { header: "Volumen total producido", kind: "input", field: "totalVolume", type: "number", numberFormat: FORMATS.volume, width: 16 },
      { header: "Volumen mercado nacional", kind: "input", field: "domesticVolume", type: "number", numberFormat: FORMATS.volume, width: 16 },
      { header: "Volumen exportado", kind: "input", field: "exportVolume", type: "number", numberFormat: FORMATS.volume, width: 16 },
      { header: "Inventario final implícito", kind: "output", output: "closingInventory", type: "number", numberFormat: FORMATS.volume, width: 16 },
    ],
  },
  {
    name: "tblInhabiles",
    sheet: SHEETS.company,
    topLeft: "A28",
    blankRows: 8,
    path: "extraNonBusinessDays",
    scalarField: "date",
    style: "TableStyleLight9",
    columns: [
      { header: "Fecha inhábil", kind: "input", field: "date", type: "date", numberFormat: FORMATS.date, width: 46 },
      { header: "Motivo (acuerdo de la SE)", kind: "input", field: "note", type: "text", wrap: true, width: 30 },
    ],
  },
  ...AF_TABLES,
];

// ─── generated lists ────────────────────────────────────────────────────────────────────────────────────────────────

export const ISSUES_BLOCK: BlockLayout = {
  anchorName: "RAOCE_PROBLEMAS",
  sheet: SHEETS.issues,
  anchor: "A6",
  headers: ["Severidad", "Código", "Mensaje", "Celda", "Regla", "Campo"],
  widths: [10, 24, 70, 18, 8, 24],
  formats: [null, null, null, null, null, null],
  styledRows: 30,
};

export const CAPTURE_BLOCK: BlockLayout = {
  anchorName: "RAOCE_CAPTURA",
  sheet: SHEETS.capture,
  anchor: "A6",
  headers: ["Paso", "Programa", "Pantalla de VUCEM", "Campo", "Valor a capturar", "Nota"],
  widths: [6, 10, 30, 34, 30, 50],
  // Whole miles de pesos and volumes exactly as VUCEM takes them: digits only, no separators.
  formats: [null, null, null, null, FORMATS.integer, null],
  styledRows: 30,
};

export const BLOCKS: readonly BlockLayout[] = [ISSUES_BLOCK, CAPTURE_BLOCK];

/**
 * Sheet protection used by the template (and to re-protect after an Office.js write). No password.
 * ExcelJS option names; `true` means users ARE allowed to do it while the sheet is protected (Office.js `allow*`).
 */
export const SHEET_PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: true,
  deleteRows: true,
  insertColumns: false,
  deleteColumns: false,
  insertHyperlinks: false,
  sort: true,
  autoFilter: true,
  pivotTables: false,
  objects: false,
  scenarios: false,
} as const;

// ─── derived views ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Most body rows an adapter reads from a table (bounds a read; the file adapter uses a lower cap, see below). */
export const MAX_TABLE_ROWS = 100_000;

/**
 * The file adapter's cap (raoce check / fill): the TIGIE has ~12,000 eight-digit fracciones, so no company lists more
 * produced goods than this; it keeps a fill under ~1 GB (20,000 goods: ~4 s, ~640 MB).
 */
export const FILE_MAX_TABLE_ROWS = 20_000;

/** Everything an adapter reads (both adapters use this; nothing else). */
export const SNAPSHOT_REQUEST: SnapshotRequest = {
  names: [...NAMED_CELLS.map((n) => n.name), ...BLOCKS.map((b) => b.anchorName), VERSION_NAME, ...RECONCILE_REQUEST.names],
  versionName: VERSION_NAME,
  tables: [...TABLES.map((t) => t.name), ...RECONCILE_REQUEST.tables],
  maxTableRows: MAX_TABLE_ROWS,
};

export function namedCell(name: string): NamedCell | undefined {
  return NAMED_CELLS.find((n) => n.name === name);
}

export function tableLayout(name: string): TableLayout | undefined {
  return TABLES.find((t) => t.name === name);
}

export interface LayoutEntry {
  name: string;
  sheet: string;
  /** A1 address in the template, or `Table[Column]`. */
  ref: string;
  type: string;
  path?: string;
  output?: string;
  label: string;
  formula?: string;
}

/** What `raoce layout --json` prints. */
export function describeLayout(): { version: string; inputs: LayoutEntry[]; outputs: LayoutEntry[] } {
  const inputs: LayoutEntry[] = [];
  const outputs: LayoutEntry[] = [];
  for (const n of NAMED_CELLS) {
    const e: LayoutEntry = { name: n.name, sheet: n.sheet, ref: n.cell, type: n.type, label: n.label || n.name };
    if (n.path) e.path = n.path;
    if (n.output) e.output = n.output;
    if (n.formula) e.formula = `=${n.formula}`;
    (n.kind === "input" ? inputs : outputs).push(e);
  }
  for (const t of TABLES) {
    for (const c of t.columns) {
      const ref = `${t.name}[${c.header}]`;
      const e: LayoutEntry = { name: ref, sheet: t.sheet, ref, type: c.type, label: c.header };
      if (c.kind === "input") {
        e.path = t.scalarField ? `${t.path}[]` : `${t.path}[].${c.field}`;
        if (t.scalarField && c.field !== t.scalarField) continue; // descriptive column, not read
        inputs.push(e);
      } else {
        e.output = `${t.path}[].${c.output}`;
        outputs.push(e);
      }
    }
  }
  for (const b of BLOCKS) {
    outputs.push({ name: b.anchorName, sheet: b.sheet, ref: b.anchor, type: "list", label: b.headers.join(" | "), output: b.anchorName === ISSUES_BLOCK.anchorName ? "issues" : "capture" });
  }
  // The reconciliation sheets (layout-reconcile.ts).
  for (const n of RECONCILE_NAMES) (n.kind === "input" ? inputs : outputs).push({ name: n.name, sheet: RECONCILE_SHEETS.reconciliation, ref: n.cell, type: n.kind === "input" ? "reconciliation" : "output", label: n.label || n.name });
  for (const t of RECONCILE_TABLES) for (const c of t.columns) inputs.push({ name: `${t.name}[${c.header}]`, sheet: t.sheet, ref: `${t.name}[${c.header}]`, type: c.numberFormat === "@" ? "code" : "text", path: `${t.name}[].${c.field}`, label: c.header });
  outputs.push({ name: RECONCILE_BLOCK.anchorName, sheet: RECONCILE_BLOCK.sheet, ref: RECONCILE_BLOCK.anchor, type: "list", label: RECONCILE_BLOCK.headers.join(" | "), output: "reconciliation" });
  return { version: TEMPLATE_VERSION, inputs, outputs };
}

/** Major part of a version string ("1.2.0" → 1), or null. */
export function majorOf(version: string | null): number | null {
  const m = /^(\d+)\.\d+(?:\.\d+)?$/.exec((version ?? "").trim());
  return m ? Number(m[1]) : null;
}
