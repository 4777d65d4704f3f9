/**
 * The workbook port: what an adapter (ExcelJS on files, Office.js in Excel) reads from and writes to a RAOCE workbook.
 * Pure types and tiny pure helpers only — no ExcelJS, no Office.js — so both adapters and all the logic share them:
 *
 *   adapter.read() ──► WorkbookSnapshot ──► readInput() ──► ReportInput + located issues ──► evaluate()
 *   evaluate() result + snapshot ──► buildWritePlan() ──► WritePlan ──► adapter.apply(plan)
 *
 * Addresses are A1 strings WITHOUT the sheet name and without `$` ("C4", "B5:M5"); the sheet travels beside them.
 * Which names and tables to read comes from the layout (`SNAPSHOT_REQUEST` in layout.ts): adapters never hard-code
 * an address. Users may insert rows or move blocks: the snapshot reports where each name and table is *now*.
 *
 * Values travel as plain values, never as formatted text:
 * - numbers as numbers (dates as Excel serials in the workbook's own date system — see `date1904`),
 * - text as strings, booleans as booleans, empty cells as null,
 * - Excel error values (#N/A, #REF!, …) as `{ error: "#N/A" }`.
 *   (Office.js: load `values` and `valueTypes`; a `valueTypes` entry "Error" turns the value into `{ error }`.
 *   ExcelJS: `cell.type === ValueType.Error`; a Date becomes a serial with the workbook's date system; a formula
 *   cell gives its cached result; rich text is joined to a string; a hyperlink cell gives its text.)
 *
 * Bump PORT_VERSION when a type below changes in a way an adapter must follow.
 */

export const PORT_VERSION = 1;

/** An error value read from a cell (`#N/A`, `#REF!`, `#VALUE!`, `#NAME?`, `#DIV/0!`, …). */
export interface CellError {
  error: string;
}

/** What a cell holds as far as the port is concerned. */
export type CellValue = string | number | boolean | null | CellError;

/** A value the write plan puts into a cell. Never a formula: strings are always text (see `needsTextGuard`). */
export type PlainValue = string | number | boolean | null;

export const isCellError = (v: unknown): v is CellError =>
  v !== null && typeof v === "object" && typeof (v as { error?: unknown }).error === "string";

// ─── read side ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Why a name or table could not be read:
 * - `missing`: no such workbook-level name / table (deleted or renamed),
 * - `broken`: the name exists but refers to `#REF!` or to a sheet that no longer exists,
 * - `not-a-range`: the name holds a constant or a formula, not a cell range (Office.js: `type` is not "Range"),
 * - `too-large`: a table body with more rows than the adapter was told to read (`SnapshotRequest.maxTableRows`).
 */
export type MissingReason = "missing" | "broken" | "not-a-range" | "too-large";

/** A workbook-level defined name that refers to a cell range (usually one cell). */
export interface NameSnapshot {
  found: true;
  sheet: string;
  /** A1 range, no sheet, no `$`: "C4" or "C4:C9". */
  address: string;
  /** The range's values, row-major; a single cell is `[[v]]`. */
  values: CellValue[][];
}

export interface MissingSnapshot {
  found: false;
  reason: MissingReason;
  /** Sheet the name pointed at, when the adapter can tell (e.g. for `too-large`). */
  sheet?: string;
  detail?: string;
}

/** An Excel table (ListObject). Only the header row and the data body are read; a totals row is ignored. */
export interface TableSnapshot {
  found: true;
  sheet: string;
  /** A1 range of the header row, e.g. "A4:T4". */
  headerAddress: string;
  /** Header texts in sheet order (as the user sees them now: renamed columns show their new name). */
  headers: string[];
  /** Address of the first cell of the first body row (the row below the header), e.g. "A5". */
  bodyTopLeft: string;
  /** Body values, one array per body row, one entry per header; `[]` when the table has no body rows. */
  rows: CellValue[][];
}

export interface WorkbookSnapshot {
  /** Layout version that was read, from the version name (null when the name is missing or empty). */
  version: string | null;
  /** True when the workbook uses the 1904 date system (Office.js: `workbook.properties.use1904DateSystem`... or the
   * application's calculation setting; ExcelJS: `workbook.properties.date1904`). All serials follow it. */
  date1904: boolean;
  /** Every worksheet name, in tab order, hidden ones included. */
  sheets: string[];
  /** One entry per name of `SnapshotRequest.names`. */
  names: Record<string, NameSnapshot | MissingSnapshot>;
  /** One entry per table of `SnapshotRequest.tables`. */
  tables: Record<string, TableSnapshot | MissingSnapshot>;
  /**
   * Merged areas per sheet ("B14:B15"), when the adapter read them (the file adapter does; a read-only load skips
   * them). A write into a merged area lands in its top-left cell: the write plan never writes an output whose merged
   * area holds an input or starts elsewhere.
   */
  merges?: Record<string, string[]>;
}

/** What an adapter reads: the layout's names and tables (see `SNAPSHOT_REQUEST` in layout.ts). */
export interface SnapshotRequest {
  /** Workbook-level names to read (inputs, outputs, anchors, version). */
  names: readonly string[];
  /** The name whose single cell holds the template version; its value also fills `WorkbookSnapshot.version`. */
  versionName: string;
  tables: readonly string[];
  /** A table body longer than this is reported as `{ found: false, reason: "too-large" }` instead of read. */
  maxTableRows: number;
}

// ─── write side ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** An internal hyperlink (to a cell of this workbook), never a formula. */
export interface LinkValue {
  link: {
    /** What the cell shows, e.g. "Programas!F6". */
    text: string;
    /** Target cell with the sheet quoted when needed, e.g. "'Captura VUCEM'!A1" or "Programas!F6".
     *  ExcelJS: `{ text, hyperlink: "#" + target }`. Office.js: `range.hyperlink = { documentReference: target,
     *  textToDisplay: text }`. */
    target: string;
  };
}

export type PlanValue = PlainValue | LinkValue;

export const isLinkValue = (v: unknown): v is LinkValue =>
  v !== null && typeof v === "object" && typeof (v as { link?: unknown }).link === "object";

/**
 * Write `values` into the rectangle at `address` (its size equals the array's). Used for output cells and output table
 * columns. `numberFormat`, when given, applies to the whole rectangle (invariant/en-US format codes, e.g. "dd/mm/yyyy",
 * "#,##0.00", "0.00%"); when absent the cell keeps the template's format.
 */
export interface RangeWrite {
  sheet: string;
  address: string;
  values: PlainValue[][];
  numberFormat?: string;
}

/**
 * Replace a block of rows (the Problemas and Captura VUCEM lists): clear the CONTENTS and hyperlinks (not the formats)
 * of columns [anchor column, anchor column + width) from the anchor row down to the last used row of the sheet, then
 * write `rows` starting at `anchor`. Each row has exactly `width` entries.
 * Office.js: one `getRange("A6:F1048576").clear("Contents")` + `clear("Hyperlinks")`, then one `values` assignment for
 * the rectangle and one `hyperlink` assignment per link cell — all queued before a single `context.sync()`.
 */
export interface BlockWrite {
  sheet: string;
  /** First cell of the block (top-left of the first data row), e.g. "A6". */
  anchor: string;
  width: number;
  rows: PlanValue[][];
  /** Optional number format per column (same length as width; null = keep). */
  columnFormats?: (string | null)[];
}

/**
 * Everything `fill` writes. Only output cells, the two generated lists and the "calculated on" stamps: nothing the user
 * typed is ever written. The order of `ranges` and `blocks` is not significant.
 *
 * TEXT SAFETY: every string is a text value, never a formula, even when it starts with `=`, `+`, `-` or `@` (user text
 * such as a company name is echoed in the Captura sheet). ExcelJS: assigning a JS string to `cell.value` stores a
 * string — safe as is. Office.js: before assigning `values`, replace each string `s` with `needsTextGuard(s) ? "'" + s : s`
 * (the leading apostrophe is Excel's quote prefix: the cell shows and stores `s` as text), or set the cell's
 * `numberFormat` to "@" first. Never use `formulas` for plan values.
 *
 * PROTECTION: output cells are locked and their sheets protected without a password. `unprotect` lists the sheets the
 * plan writes to; Office.js must `protection.unprotect()` them, write, and `protect()` them again with
 * `SHEET_PROTECTION` (layout.ts) — ExcelJS writes through protection and needs nothing.
 */
export interface WritePlan {
  ranges: RangeWrite[];
  blocks: BlockWrite[];
  /** Sheets the plan writes to (for adapters that must lift and restore protection). */
  unprotect: string[];
}

/** The one seam between the product and a workbook. */
export interface WorkbookAdapter {
  /** Read everything the layout names, in one go (Office.js: one Excel.run, a constant number of syncs). */
  read(): Promise<WorkbookSnapshot>;
  /** Apply a plan (Office.js: one Excel.run; queue everything, one sync to write). */
  apply(plan: WritePlan): Promise<void>;
}

/** True when Excel would take the string for a formula if typed or assigned as a value (Office.js needs a guard). */
export function needsTextGuard(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

// ─── A1 helpers shared by the adapters and the pure modules ─────────────────────────────────────────────────────────

export interface CellRef {
  /** 1-based row. */
  row: number;
  /** 1-based column (A = 1). */
  col: number;
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C4" → {row 4, col 3}; accepts `$` and an optional sheet prefix ("'My sheet'!$C$4"); null when not a cell. */
export function parseCell(a1: string): CellRef | null {
  const bare = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(bare.trim());
  if (!m) return null;
  const col = columnNumber(m[1]!);
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576 || col < 1 || col > 16_384) return null;
  return { row, col };
}

export function cellAddress(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row}`;
}

/** "B5:M9" (or "B5") → its corners; null when not a range. */
export function parseRange(a1: string): { start: CellRef; end: CellRef } | null {
  const bare = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const [a, b] = bare.split(":");
  const start = parseCell(a ?? "");
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeAddress(start: CellRef, end: CellRef): string {
  const a = cellAddress(start);
  const b = cellAddress(end);
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as a formula/link reference: quoted when it is not a plain identifier ("'Captura VUCEM'"). */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The location users read in messages: `Sheet!A1` (sheet unquoted, as Excel's Name Box shows it). */
export function locationOf(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}
