/**
 * Pure helpers of the Office.js adapter (no Office.js at run time, so they are unit-testable and shared with the
 * fake Excel used by the tests): Excel on the web's size limits, sheet-qualified addresses, the text guard, the
 * protection options and the template's workbook-level names (derived from layout.ts).
 */
import {
  BLOCKS,
  CATALOG_FIRST_COL,
  CATALOG_FIRST_ROW,
  CATALOGS,
  NAMED_CELLS,
  SHEETS,
  SHEET_PROTECTION,
  VERSION_CELL,
  VERSION_NAME,
} from "../layout";
import { RECONCILE_BLOCK, RECONCILE_NAMES, RECONCILE_SHEETS } from "../layout-reconcile";
import { needsTextGuard, parseRange, rangeAddress, type CellValue } from "../port";

// ─── Excel on the web's limits ──────────────────────────────────────────────────────────────────────────────────────
// "Excel on the web has a payload size limit for requests and responses of 5MB" and "a range is limited to 5,000,000
// cells for read operations" (learn.microsoft.com › Resource limits and performance optimization for Office Add-ins).

/** Cap on the cells of one read operation. */
export const MAX_READ_CELLS = 5_000_000;
/** Cap on a request or a response (5 MB); we budget below it to leave room for the batch envelope. */
export const MAX_PAYLOAD_BYTES = 5_000_000;
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/**
 * Estimated response bytes per cell read with `values` + `valueTypes` (a JSON value, its valueType string such as
 * "Double" and the separators). Values are not known before they are read, so reads are planned on this estimate:
 * 10,000 goods rows × 8 columns ≈ 2.6 MB → one batch; 100,000 rows ≈ 26 MB → seven batches (not 100,000 syncs).
 */
export const READ_BYTES_PER_CELL = 32;
/** Cells one read batch may ask for: the smaller of the cell cap and the payload budget. */
export const READ_BATCH_CELLS = Math.min(MAX_READ_CELLS, Math.floor(PAYLOAD_BUDGET_BYTES / READ_BYTES_PER_CELL));

/** Approximate JSON size of a value written or read (what goes over the wire). */
export function jsonBytes(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

// ─── addresses ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Split an Office.js address ("Empresa!B6", "'Captura VUCEM'!A6:F9", "=Empresa!$B$6", "'It''s'!A1") into the sheet
 * name (unquoted) and the A1 part without `$`. `sheet` is null when the address has no sheet part.
 */
export function splitQualified(address: string): { sheet: string | null; address: string } {
  let s = address.trim();
  if (s.startsWith("=")) s = s.slice(1);
  let sheet: string | null = null;
  let rest = s;
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    sheet = name;
    rest = s.slice(i + 1); // after the closing quote
    if (rest.startsWith("!")) rest = rest.slice(1);
  } else if (s.includes("!")) {
    const at = s.lastIndexOf("!");
    sheet = s.slice(0, at);
    rest = s.slice(at + 1);
  }
  return { sheet, address: rest.replace(/\$/g, "") };
}

/** Rows × columns of an A1 range ("B5:M9" → 5 × 12); null when it is not a plain cell range (e.g. "A:A", "#REF!"). */
export function rangeSize(a1: string): { rows: number; cols: number } | null {
  const r = parseRange(a1);
  if (!r) return null;
  return { rows: r.end.row - r.start.row + 1, cols: r.end.col - r.start.col + 1 };
}

// ─── reading ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** One Office.js cell (`values` + `valueTypes`) as a port value: "Empty" → null, "Error" → { error }. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Empty") return null;
  if (valueType === "Error") return { error: String(value) };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return null;
  return String(value);
}

export function toCellValues(values: readonly (readonly unknown[])[], types: readonly (readonly string[])[]): CellValue[][] {
  return values.map((row, r) => row.map((v, c) => toCellValue(v, types[r]?.[c])));
}

// ─── writing ────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * True when Excel would NOT keep the string as the same text if it were assigned to `Range.values` as is: a formula
 * (`needsTextGuard`: = + - @), a string Excel parses as a number, date, time, percentage, currency or boolean
 * ("00123" would lose its zeros, "2019-08-01" would become a date serial), an error literal ("#N/A"), or a string
 * that itself starts with an apostrophe (Excel would eat it as the quote prefix). Such strings are written with a
 * leading apostrophe: the cell then holds exactly `s` as text.
 */
export function needsOfficeQuote(s: string): boolean {
  if (looksLikeFormula(s)) return true;
  return /^\s*['#$€(.\d]/.test(s) || /^\s*(true|false|verdadero|falso)\s*$/i.test(s);
}

/** A string Excel could take for a formula: `needsTextGuard` (= + - @), also after leading blanks ("\t=cmd|…"). */
export function looksLikeFormula(s: string): boolean {
  return needsTextGuard(s) || /^\s+[=+\-@]/.test(s);
}

/** A plan value as Office.js `values` expects it: strings guarded; null → "" (null would mean "leave the cell as is"). */
export function officeValue(v: string | number | boolean | null): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return needsOfficeQuote(v) ? `'${v}` : v;
  return v;
}

/**
 * SHEET_PROTECTION (ExcelJS option names, true = the user may) as Office.js `WorksheetProtectionOptions`
 * (ExcelApi 1.2; `selectionMode`, `allowEditObjects` and `allowEditScenarios` are ExcelApi 1.7).
 */
export function officeProtectionOptions(p: typeof SHEET_PROTECTION = SHEET_PROTECTION): Excel.WorksheetProtectionOptions {
  return {
    allowAutoFilter: p.autoFilter,
    allowDeleteColumns: p.deleteColumns,
    allowDeleteRows: p.deleteRows,
    allowEditObjects: p.objects,
    allowEditScenarios: p.scenarios,
    allowFormatCells: p.formatCells,
    allowFormatColumns: p.formatColumns,
    allowFormatRows: p.formatRows,
    allowInsertColumns: p.insertColumns,
    allowInsertHyperlinks: p.insertHyperlinks,
    allowInsertRows: p.insertRows,
    allowPivotTables: p.pivotTables,
    allowSort: p.sort,
    selectionMode: p.selectLockedCells ? "Normal" : p.selectUnlockedCells ? "Unlocked" : "None",
  };
}

// ─── the template's workbook-level names ────────────────────────────────────────────────────────────────────────────

export interface TemplateNameRef {
  name: string;
  sheet: string;
  /** A1 address in the template, no `$`. */
  address: string;
}

/**
 * Every workbook-level name the generated template defines, with the range it refers to in the template: the named
 * cells, the two list anchors, the version cell and the catalog lists (one column each from CATALOG_FIRST_COL, from
 * CATALOG_FIRST_ROW down, in CATALOGS order). Used to detect clashes before inserting the template and to re-create
 * names that `insertWorksheetsFromBase64` did not carry over intact.
 */
export function templateNameRefs(): TemplateNameRef[] {
  const refs: TemplateNameRef[] = [
    ...NAMED_CELLS.map((n) => ({ name: n.name, sheet: n.sheet as string, address: n.cell })),
    ...BLOCKS.map((b) => ({ name: b.anchorName, sheet: b.sheet as string, address: b.anchor })),
    { name: VERSION_NAME, sheet: SHEETS.catalogs, address: VERSION_CELL },
    ...RECONCILE_NAMES.map((n) => ({ name: n.name, sheet: RECONCILE_SHEETS.reconciliation as string, address: n.cell })),
    { name: RECONCILE_BLOCK.anchorName, sheet: RECONCILE_BLOCK.sheet, address: RECONCILE_BLOCK.anchor },
  ];
  Object.entries(CATALOGS).forEach(([name, items], i) => {
    const col = CATALOG_FIRST_COL + i;
    const start = { row: CATALOG_FIRST_ROW, col };
    const end = { row: CATALOG_FIRST_ROW + Math.max(items.length, 1) - 1, col };
    refs.push({ name, sheet: SHEETS.catalogs, address: rangeAddress(start, end) });
  });
  return refs;
}

/** "Sheet!$B$6" style reference to a template address (for comparing with `NamedItem.value`). */
export function sameReference(actual: string, sheet: string, address: string): boolean {
  const a = splitQualified(actual);
  return a.sheet !== null && a.sheet.toLowerCase() === sheet.toLowerCase() && a.address.toUpperCase() === address.toUpperCase();
}
