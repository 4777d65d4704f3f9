/**
 * The Office.js adapter of the workbook port (port.ts): reads the layout's names and tables from the open workbook,
 * applies write plans, inserts the RAOCE template into an open workbook and moves the selection for the task pane.
 *
 * Sync budget (the number of `context.sync()` round trips never grows with rows):
 * - read():  1 sync to resolve sheets, names, tables (+ their row/column counts) and the date system, then 1 sync per
 *            read batch — one batch up to READ_BATCH_CELLS cells (≈ 4 MB of response), so 2 syncs for any workbook
 *            up to ~125,000 table cells, one more per further ~4 MB, never one per row.
 * - apply(): 2 syncs (each sheet's protection state; then lift, write, restore — one more per further ~4 MB of
 *            request payload; 2 more after a failure, to restore protection).
 * - insertTemplate(): 3 syncs (clash check; insert + verify; unprotect + repair + protect); 2 more to remove the
 *            inserted sheets when any step fails.
 * - selectCell(): 2 syncs (resolve the sheet; activate + select).
 * - addTableRows(): 3 syncs (find the table; its sheet's protection; lift, add, restore).
 *
 * Nothing here references the global `Excel` except the default `run`, so tests inject a fake (tests/workbook/office).
 */
import { SHEET_LAYOUTS, SHEETS, SNAPSHOT_REQUEST, TABLES } from "../layout";
import {
  cellAddress,
  columnLetters,
  isLinkValue,
  parseCell,
  parseRange,
  type CellValue,
  type MissingSnapshot,
  type NameSnapshot,
  type PlainValue,
  type SnapshotRequest,
  type TableSnapshot,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
} from "../port";
import {
  PAYLOAD_BUDGET_BYTES,
  READ_BATCH_CELLS,
  jsonBytes,
  looksLikeFormula,
  officeProtectionOptions,
  officeValue,
  rangeSize,
  sameReference,
  splitQualified,
  templateNameRefs,
  toCellValues,
} from "./office-support";
import { afterFailedWrite, queueProtectionRead, queueRestore, queueUnprotect, refusePasswordProtected } from "./sheet-protection";

/** Cells read at most per defined name (the template's names are single cells). Same cap as the file adapter. */
const MAX_NAME_CELLS = 1_000;

// ─── public types ───────────────────────────────────────────────────────────────────────────────────────────────────

/** `Office.context.requirements.isSetSupported`, injectable for tests. */
export type RequirementCheck = (set: string, version: string) => boolean;

export interface OfficeAdapterOptions {
  isSetSupported?: RequirementCheck;
}

export interface TemplateClash {
  kind: "sheet" | "name" | "table";
  /** The existing sheet / workbook-level name / table that has the template's name. */
  name: string;
}

export type InsertTemplateResult =
  | {
      inserted: true;
      /** Ids of the inserted worksheets (what `insertWorksheetsFromBase64` returns). */
      sheetIds: string[];
      /** Workbook-level names that did not arrive intact (missing, #REF! or elsewhere) and were re-created. */
      repairedNames: string[];
      /** Tables that did not arrive and were re-created over their template range. */
      repairedTables: string[];
    }
  | {
      inserted: false;
      /** Why nothing was inserted: existing sheets, names or tables the template would collide with. */
      clashes: TemplateClash[];
      /** Set when the host lacks the API (ExcelApi 1.13): nothing was attempted. */
      unsupported?: string;
    };

export type SelectCellResult =
  | { ok: true; sheet: string; address: string }
  | { ok: false; reason: "bad-location" | "missing-sheet" | "hidden-sheet"; message: string };

export interface AddRowsResult {
  table: string;
  sheet: string;
  added: number;
  /** Body rows of the table now. */
  rows: number;
}

/** Most rows one "add rows" adds (one request; the user can repeat it). */
export const MAX_ADD_ROWS = 500;

export interface OfficeWorkbookAdapter extends WorkbookAdapter {
  /** Insert the generated template (.xlsx as base64) into the open workbook, never overwriting anything. */
  insertTemplate(base64: string): Promise<InsertTemplateResult>;
  /** Activate the sheet of a "Sheet!A1" location and select the range (task pane: click on a problem). */
  selectCell(location: string): Promise<SelectCellResult>;
  /**
   * Grow a table by blank body rows at its end. Excel refuses table growth on a protected sheet, so the sheet's
   * protection is lifted for the moment and restored as it was (a password-protected sheet: SheetPasswordError).
   */
  addTableRows(table: string, rows: number): Promise<AddRowsResult>;
}

type Run = typeof Excel.run;
type Ctx = Excel.RequestContext;

function defaultIsSetSupported(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
}

/** The last row of a worksheet (the block clear reaches it: "down to the last used row" without a read). */
const LAST_ROW = 1_048_576;

export function createOfficeAdapter(
  run: Run = Excel.run,
  request: SnapshotRequest = SNAPSHOT_REQUEST,
  options: OfficeAdapterOptions = {},
): OfficeWorkbookAdapter {
  const supports = options.isSetSupported ?? defaultIsSetSupported;

  /** Writes: don't fail while the user is typing in a cell (1.11); one undo record per click (mergeUndoGroup, 1.20). */
  function runWrites<T>(batch: (context: Ctx) => Promise<T>): Promise<T> {
    // `RunOptions.mergeUndoGroup` is marked ExcelApi 1.20 in @types/office-js (not 1.19): gate on what the type says.
    if (supports("ExcelApi", "1.20")) return run({ delayForCellEdit: true, mergeUndoGroup: true }, batch);
    if (supports("ExcelApi", "1.11")) return run({ delayForCellEdit: true }, batch);
    return run(batch);
  }

  return {
    read: () => run((context) => readSnapshot(context, request, supports)),
    apply: (plan) => runWrites((context) => applyPlan(context, plan, supports)),
    insertTemplate: (base64) => {
      // insertWorksheetsFromBase64 is ExcelApi 1.13: feature-detect instead of failing inside the batch.
      if (!supports("ExcelApi", "1.13")) return Promise.resolve({ inserted: false, clashes: [], unsupported: "ExcelApi 1.13" });
      return runWrites((context) => insertTemplate(context, base64));
    },
    selectCell: (location) => run((context) => selectCell(context, location)),
    addTableRows: (table, rows) => runWrites((context) => addTableRows(context, table, rows, supports)),
  };
}

// ─── read ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A rectangle to read: the whole range in one piece, or row slices when it is bigger than one read batch. */
interface ReadUnit {
  base: () => Excel.Range;
  rows: number;
  cols: number;
  /** Called with the pieces (in row order) once every batch is synced. */
  done: (pieces: Excel.Range[]) => void;
}

interface ReadPiece {
  unit: number;
  range: Excel.Range;
  cells: number;
  withAddress: boolean;
}

async function readSnapshot(context: Ctx, request: SnapshotRequest, supports: RequirementCheck): Promise<WorkbookSnapshot> {
  const wb = context.workbook;

  // ── sync 1: resolve what exists, with the counts needed to size the reads ──
  const sheets = wb.worksheets.load("items/name");
  const names = request.names.map((name) => ({ name, item: wb.names.getItemOrNullObject(name).load("type, value") }));
  // Tables come from the collection: `Excel.Table` has no row count of its own (it lives in `rows.count`), and
  // navigating from a `getItemOrNullObject` result that may be null inside the same batch is not something to rely on.
  const tables = wb.tables.load("items/name, items/showHeaders, items/rows/count, items/columns/count, items/worksheet/name");
  // The date system: @types/office-js (1.0.612) exposes no `use1904DateSystem`, so ask Excel's own DATE function,
  // which follows the workbook's date system: DATE(1904,1,1) is serial 0 in the 1904 system and 1462 in the 1900 one.
  const probe = supports("ExcelApi", "1.2") ? wb.functions.date(1904, 1, 1).load("value, error") : null;
  await context.sync();

  const snapshot: WorkbookSnapshot = {
    version: null,
    date1904: probe !== null && !probe.error && probe.value === 0,
    sheets: sheets.items.map((s) => s.name),
    names: {},
    tables: {},
  };
  const units: ReadUnit[] = [];

  for (const { name, item } of names) {
    if (item.isNullObject) {
      snapshot.names[name] = { found: false, reason: "missing" };
      continue;
    }
    if (item.type === "Error") {
      snapshot.names[name] = { found: false, reason: "broken", detail: String(item.value) };
      continue;
    }
    if (item.type !== "Range") {
      snapshot.names[name] = { found: false, reason: "not-a-range", detail: String(item.type) };
      continue;
    }
    // A name stretched over a whole column (address "A:A" has no size) or a huge block: read only its top-left part,
    // as the file adapter does, so one renamed name cannot turn the read into a million-cell request.
    const size = rangeSize(splitQualified(String(item.value)).address);
    const cols = Math.min(size?.cols ?? 1, MAX_NAME_CELLS);
    const rows = Math.max(1, Math.min(size?.rows ?? 1, Math.floor(MAX_NAME_CELLS / cols)));
    const capped = !size || size.rows !== rows || size.cols !== cols;
    units.push({
      base: () => (capped ? item.getRange().getCell(0, 0).getResizedRange(rows - 1, cols - 1) : item.getRange()),
      rows,
      cols,
      done: (pieces) => {
        snapshot.names[name] = nameSnapshot(pieces);
      },
    });
  }

  const byName = new Map(tables.items.map((t) => [t.name.toLowerCase(), t] as const));
  for (const name of request.tables) {
    const table = byName.get(name.toLowerCase());
    if (!table) {
      snapshot.tables[name] = { found: false, reason: "missing" };
      continue;
    }
    const sheet = table.worksheet.name;
    const rows = table.rows.count;
    const cols = table.columns.count;
    if (rows > request.maxTableRows) {
      snapshot.tables[name] = { found: false, reason: "too-large", sheet, detail: `${rows} filas (máximo ${request.maxTableRows})` };
      continue;
    }
    if (!table.showHeaders) {
      snapshot.tables[name] = { found: false, reason: "broken", sheet, detail: "la tabla no muestra su fila de encabezados" };
      continue;
    }
    // Header and body are two read units; the snapshot is written when the header is done and again with the body.
    let header: Excel.Range | undefined;
    units.push({
      base: () => table.getHeaderRowRange(),
      rows: 1,
      cols,
      done: ([h]) => {
        header = h;
        snapshot.tables[name] = tableSnapshot(h!, []);
      },
    });
    if (rows > 0) {
      units.push({
        base: () => table.getDataBodyRange(),
        rows,
        cols,
        done: (body) => {
          if (header) snapshot.tables[name] = tableSnapshot(header, body);
        },
      });
    }
  }

  // Merged areas of the sheets the outputs are on (write-guard.ts never writes an output whose merged area holds an
  // input): loaded with the first values batch, so the read keeps its sync count. ExcelApi 1.13.
  const mergedAreas: { sheet: string; areas: Excel.RangeAreas }[] = [];
  if (supports("ExcelApi", "1.13")) {
    const present = new Set(snapshot.sheets);
    const outputSheets = new Set<string>();
    for (const { item } of names) {
      const sheet = !item.isNullObject && item.type === "Range" ? splitQualified(String(item.value)).sheet : null;
      if (sheet) outputSheets.add(sheet);
    }
    for (const t of tables.items) outputSheets.add(t.worksheet.name);
    for (const sheet of outputSheets) {
      if (present.has(sheet)) mergedAreas.push({ sheet, areas: wb.worksheets.getItem(sheet).getRange().getMergedAreasOrNullObject().load("address") });
    }
  }

  // ── syncs 2…: the values, in as few batches as the web limits allow (one batch in practice) ──
  const batches = planReadBatches(units);
  const pieces = batches.flat();
  for (const batch of batches) {
    for (const p of batch) p.range.load(p.withAddress ? "address, values, valueTypes" : "values, valueTypes");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB read batch (Excel on the web's payload cap), never per row
    await context.sync();
  }
  if (batches.length === 0 && mergedAreas.length) await context.sync();
  units.forEach((u, i) => u.done(pieces.filter((p) => p.unit === i).map((p) => p.range)));
  for (const m of mergedAreas) {
    if (m.areas.isNullObject) continue;
    const list = [...String(m.areas.address).matchAll(/!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)].map((x) => (x[3] ? `${x[1]}${x[2]}:${x[3]}${x[4]}` : `${x[1]}${x[2]}`));
    if (list.length) (snapshot.merges ??= {})[m.sheet] = list;
  }

  // Keep the request's order in the records (tables may have finished before names).
  snapshot.names = Object.fromEntries(request.names.map((n) => [n, snapshot.names[n]!]));
  snapshot.tables = Object.fromEntries(request.tables.map((t) => [t, snapshot.tables[t]!]));
  const version = snapshot.names[request.versionName];
  snapshot.version = version?.found ? versionText(version.values[0]?.[0] ?? null) : null;
  return snapshot;
}

/**
 * Read batches of at most `budget` cells, in order. A unit that fits in the current batch goes in whole; one that fits
 * in a fresh batch starts one; a unit bigger than a batch is sliced by rows — the first slice fills what is left of
 * the current batch — so the number of batches is ⌈cells / budget⌉ (+1 at most), never a function of rows alone.
 */
function planReadBatches(units: readonly ReadUnit[], budget = READ_BATCH_CELLS): ReadPiece[][] {
  const batches: ReadPiece[][] = [[]];
  let left = budget;
  const open = () => {
    if (batches[batches.length - 1]!.length > 0) batches.push([]);
    left = budget;
  };
  units.forEach((u, unit) => {
    const cells = u.rows * u.cols;
    const base = u.base();
    if (cells <= budget) {
      if (cells > left) open();
      batches[batches.length - 1]!.push({ unit, range: base, cells, withAddress: true });
      left -= cells;
      return;
    }
    const cols = Math.max(1, u.cols);
    for (let start = 0; start < u.rows; ) {
      if (left < cols) open();
      const n = Math.min(Math.floor(left / cols), u.rows - start);
      batches[batches.length - 1]!.push({ unit, range: base.getRow(start).getResizedRange(n - 1, 0), cells: n * cols, withAddress: start === 0 });
      left -= n * cols;
      start += n;
    }
  });
  return batches.filter((b) => b.length > 0);
}

/** Greedy packing in order: each batch stays within `budget` (an item bigger than the budget gets a batch alone). */
export function packBatches<T>(items: readonly T[], size: (item: T) => number, budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && used + n > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function rangeValues(pieces: readonly Excel.Range[]): CellValue[][] {
  return pieces.flatMap((r) => toCellValues(r.values, r.valueTypes as string[][]));
}

function nameSnapshot(pieces: readonly Excel.Range[]): NameSnapshot {
  const { sheet, address } = splitQualified(pieces[0]!.address);
  return { found: true, sheet: sheet ?? "", address, values: rangeValues(pieces) };
}

function tableSnapshot(header: Excel.Range, body: readonly Excel.Range[]): TableSnapshot | MissingSnapshot {
  const { sheet, address } = splitQualified(header.address);
  const start = parseRange(address)?.start;
  if (!start) return { found: false, reason: "broken", sheet: sheet ?? undefined, detail: `encabezado en ${header.address}` };
  const headers = toCellValues(header.values, header.valueTypes as string[][])[0] ?? [];
  return {
    found: true,
    sheet: sheet ?? "",
    headerAddress: address,
    headers: headers.map((h) => (h === null ? "" : typeof h === "object" ? h.error : String(h))),
    bodyTopLeft: cellAddress({ row: start.row + 1, col: start.col }),
    rows: rangeValues(body),
  };
}

function versionText(v: CellValue): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

// ─── apply ──────────────────────────────────────────────────────────────────────────────────────────────────────────

type OfficeCell = string | number | boolean;

/** One queued write, already in Office.js shape. `bytes` estimates its share of the request payload. */
type WriteStep =
  | { kind: "clear"; sheet: string; address: string; bytes: number }
  | { kind: "values"; sheet: string; address: string; values: OfficeCell[][]; formats?: (string | null)[][]; bytes: number }
  | { kind: "link"; sheet: string; address: string; target: string; text: string | undefined; bytes: number };

/**
 * The plan as write steps (pure): number formats before values (a "@"-formatted cell would turn a number into text
 * otherwise), strings guarded, null → "" (in Office.js a null in a 2-D array means "leave the cell alone"), links as
 * their text plus one `hyperlink` assignment per link cell (without `textToDisplay` when the text looks like a
 * formula: Microsoft does not document whether Excel parses `textToDisplay` like a typed value, and the cell already
 * holds the text, quote-prefixed, from the `values` write). Rectangles bigger than the payload budget are split by
 * rows (a few pieces per 4 MB, never one per row).
 */
export function planWriteSteps(plan: WritePlan, budget = PAYLOAD_BUDGET_BYTES): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const w of plan.ranges) {
    const r = parseRange(w.address);
    const rows = w.values.length;
    const cols = w.values[0]?.length ?? 0;
    if (!r) throw new Error(`Write plan: ${w.sheet}!${w.address} is not a range address`);
    if (rows === 0 || cols === 0) continue;
    if (r.end.row - r.start.row + 1 !== rows || r.end.col - r.start.col + 1 !== cols) {
      throw new Error(`Write plan: ${w.sheet}!${w.address} is ${r.end.row - r.start.row + 1}×${r.end.col - r.start.col + 1} but ${rows}×${cols} values were given`);
    }
    const values = w.values.map((row) => row.map((v) => officeValue(v)));
    const formats = w.numberFormat === undefined ? undefined : w.values.map((row) => row.map(() => w.numberFormat!));
    for (const s of splitRect(w.sheet, r.start, values, formats, budget)) steps.push(s);
  }
  for (const b of plan.blocks) {
    const anchor = parseCell(b.anchor);
    if (!anchor || b.width < 1) throw new Error(`Write plan: bad block anchor ${b.sheet}!${b.anchor}`);
    const first = columnLetters(anchor.col);
    const last = columnLetters(anchor.col + b.width - 1);
    const clear = `${first}${anchor.row}:${last}${LAST_ROW}`;
    steps.push({ kind: "clear", sheet: b.sheet, address: clear, bytes: 64 + clear.length });
    if (b.rows.length === 0) continue;
    if (anchor.row + b.rows.length - 1 > LAST_ROW) throw new Error(`Write plan: block ${b.sheet}!${b.anchor} runs past the last row`);
    const values: OfficeCell[][] = [];
    const links: WriteStep[] = [];
    b.rows.forEach((row, i) => {
      if (row.length !== b.width) throw new Error(`Write plan: block ${b.sheet}!${b.anchor} row ${i + 1} has ${row.length} cells, not ${b.width}`);
      values.push(
        row.map((v, j) => {
          if (!isLinkValue(v)) return officeValue(v as PlainValue);
          const address = cellAddress({ row: anchor.row + i, col: anchor.col + j });
          const text = looksLikeFormula(v.link.text) ? undefined : v.link.text; // a sheet renamed "=…" or "+…"
          links.push({ kind: "link", sheet: b.sheet, address, target: v.link.target, text, bytes: 96 + jsonBytes(v.link) });
          return officeValue(v.link.text);
        }),
      );
    });
    const formats = b.columnFormats?.some((f) => f !== null) ? b.rows.map(() => b.columnFormats!.map((f) => f ?? null)) : undefined;
    for (const s of splitRect(b.sheet, anchor, values, formats, budget)) steps.push(s);
    for (const s of links) steps.push(s); // one per link cell: never spread (a long list overflows the call stack)
  }
  return steps;
}

function splitRect(
  sheet: string,
  start: { row: number; col: number },
  values: OfficeCell[][],
  formats: (string | null)[][] | undefined,
  budget: number,
): WriteStep[] {
  const cols = values[0]!.length;
  const rowBytes = values.map((row, i) => jsonBytes(row) + (formats ? jsonBytes(formats[i]) : 0));
  const steps: WriteStep[] = [];
  let from = 0;
  while (from < values.length) {
    let to = from;
    let bytes = 0;
    while (to < values.length && (to === from || bytes + rowBytes[to]! <= budget)) bytes += rowBytes[to++]!;
    const a = cellAddress({ row: start.row + from, col: start.col });
    const b = cellAddress({ row: start.row + to - 1, col: start.col + cols - 1 });
    const step: WriteStep = { kind: "values", sheet, address: a === b ? a : `${a}:${b}`, values: values.slice(from, to), bytes: bytes + 64 };
    if (formats) step.formats = formats.slice(from, to);
    steps.push(step);
    from = to;
  }
  return steps;
}

async function applyPlan(context: Ctx, plan: WritePlan, supports: RequirementCheck): Promise<void> {
  const steps = planWriteSteps(plan);
  const batches = packBatches(steps, (s) => s.bytes, PAYLOAD_BUDGET_BYTES);
  // Every sheet written to (plan.unprotect, plus any sheet a step touches, defensively): its protection is lifted for
  // the write and then restored AS IT WAS (sheet-protection.ts) — never forced on a sheet the user had unprotected.
  const sheets = [...new Set([...plan.unprotect, ...steps.map((s) => s.sheet)])];
  const sheetCache = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheetCache.get(name);
    if (!ws) sheetCache.set(name, (ws = context.workbook.worksheets.getItem(name)));
    return ws;
  };

  const read = queueProtectionRead(context, sheets, supports);
  await context.sync();
  const states = read.states();
  refusePasswordProtected(states);

  try {
    queueUnprotect(context, states);
    if (batches.length === 0) {
      queueRestore(context, states);
      await context.sync();
      return;
    }
    for (const [i, batch] of batches.entries()) {
      for (const step of batch) queueStep(sheet(step.sheet), step);
      if (i === batches.length - 1) queueRestore(context, states);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB of request (Excel on the web's payload cap), never per row
      await context.sync();
    }
  } catch (error) {
    // Never leave a sheet unprotected that was protected; a sheet that could not be lifted has a password.
    throw (await afterFailedWrite(context, states)) ?? error;
  }
}

function queueStep(ws: Excel.Worksheet, step: WriteStep): void {
  const range = ws.getRange(step.address);
  switch (step.kind) {
    case "clear":
      range.clear("Contents");
      range.clear("Hyperlinks"); // ExcelApi 1.7: removes the links, keeps the template's formats
      return;
    case "values":
      if (step.formats) range.numberFormat = step.formats;
      range.values = step.values;
      return;
    case "link":
      range.hyperlink = step.text === undefined ? { documentReference: step.target } : { documentReference: step.target, textToDisplay: step.text };
      return;
  }
}

// ─── insert the template ────────────────────────────────────────────────────────────────────────────────────────────

/*
 * What `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13) keeps — see docs/insert-template.md for the sources.
 * Microsoft documents that it inserts copies of the source workbook's worksheets (all, or `sheetNamesToInsert`) at
 * `positionType`/`relativeTo` and returns their ids; that in Excel on the web it rejects sheets with PivotTables,
 * charts, comments or slicers (`UnsupportedFeature` — the template has none); and that the `extensionHardening`
 * policy applies. It documents NOTHING about defined names, tables, data validation or sheet protection, and users
 * report workbook-level names arriving as `=#REF!…` (OfficeDev/office-js#3583) or broken after reopening (#4772).
 * So this function does not trust the insert: it checks for clashes first (an insert never overwrites: sheet names
 * must be unique and Excel would rename clashing tables), then verifies every layout name and table after the insert
 * and re-creates what is missing or wrong from layout.ts, re-applies SHEET_PROTECTION and the hidden catalog sheet.
 * Data validations (lists `=RAOCE_LISTA_*`) live in the sheet XML and refer to the catalog names by name, so they
 * work again once those names are repaired; they are not rewritten here.
 */
async function insertTemplate(context: Ctx, base64: string): Promise<InsertTemplateResult> {
  const wb = context.workbook;
  const refs = templateNameRefs();
  const templateSheets = SHEET_LAYOUTS.map((s) => s.name as string);

  // ── sync 1: would anything clash? ──
  const sheets = wb.worksheets.load("items/name");
  const existingNames = refs.map((r) => ({ name: r.name, item: wb.names.getItemOrNullObject(r.name) }));
  const existingTables = TABLES.map((t) => ({ name: t.name, item: wb.tables.getItemOrNullObject(t.name) }));
  await context.sync();

  const lower = new Set(templateSheets.map((s) => s.toLowerCase()));
  const clashes: TemplateClash[] = [
    ...sheets.items.filter((s) => lower.has(s.name.toLowerCase())).map((s) => ({ kind: "sheet" as const, name: s.name })),
    ...existingNames.filter((n) => !n.item.isNullObject).map((n) => ({ kind: "name" as const, name: n.name })),
    ...existingTables.filter((t) => !t.item.isNullObject).map((t) => ({ kind: "table" as const, name: t.name })),
  ];
  if (clashes.length > 0) return { inserted: false, clashes };

  // From here on, any failure removes what this run inserted: the workbook is left as it was, never half-templated.
  try {
    // ── sync 2: insert, then look at what arrived (queued after the insert, so they see its result) ──
    const ids = wb.insertWorksheetsFromBase64(base64, { positionType: "End" });
    const arrivedNames = refs.map((r) => ({ ref: r, item: wb.names.getItemOrNullObject(r.name).load("type, value") }));
    const arrivedTables = TABLES.map((t) => ({ layout: t, item: wb.tables.getItemOrNullObject(t.name) }));
    await context.sync();

    // ── sync 3: lift the inserted sheets' protection FIRST (Excel refuses tables.add on a protected sheet), repair
    //    from the layout, then protect, hide the catalog and show the first sheet ──
    for (const s of SHEET_LAYOUTS) wb.worksheets.getItem(s.name).protection.unprotect();
    const repairedNames: string[] = [];
    for (const { ref, item } of arrivedNames) {
      if (!item.isNullObject && item.type === "Range" && sameReference(String(item.value), ref.sheet, ref.address)) continue;
      if (!item.isNullObject) item.delete();
      wb.names.add(ref.name, wb.worksheets.getItem(ref.sheet).getRange(ref.address));
      repairedNames.push(ref.name);
    }
    const repairedTables: string[] = [];
    for (const { layout, item } of arrivedTables) {
      if (!item.isNullObject) continue;
      const start = parseCell(layout.topLeft)!;
      const end = { row: start.row + layout.blankRows, col: start.col + layout.columns.length - 1 };
      const table = wb.worksheets.getItem(layout.sheet).tables.add(`${layout.topLeft}:${cellAddress(end)}`, true);
      table.name = layout.name;
      table.style = layout.style;
      repairedTables.push(layout.name);
    }
    for (const s of SHEET_LAYOUTS) {
      const ws = wb.worksheets.getItem(s.name);
      if (s.state === "hidden") ws.visibility = "Hidden";
      if (s.protect) ws.protection.protect(officeProtectionOptions());
    }
    wb.worksheets.getItem(SHEETS.company).activate();
    await context.sync();

    return { inserted: true, sheetIds: ids.value, repairedNames, repairedTables };
  } catch (error) {
    await removeInserted(context, templateSheets, refs.map((r) => r.name));
    throw error;
  }
}

/**
 * Undo of a failed insert (2 syncs): deletes the template's sheets and workbook-level names. The clash check proved
 * that none of them existed before this run, so everything found under those names is this run's.
 */
async function removeInserted(context: Ctx, sheetNames: readonly string[], names: readonly string[]): Promise<void> {
  try {
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const found = names.map((n) => wb.names.getItemOrNullObject(n));
    await context.sync();
    const ours = new Set(sheetNames.map((n) => n.toLowerCase()));
    for (const n of found) if (!n.isNullObject) n.delete();
    for (const ws of sheets.items) {
      if (ours.has(ws.name.toLowerCase())) ws.delete();
    }
    await context.sync();
  } catch {
    // the original error is the one worth reporting
  }
}

// ─── add table rows ─────────────────────────────────────────────────────────────────────────────────────────────────

/** An error with an Office-like code (the pane maps codes to sentences). */
class AdapterError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "AdapterError";
  }
}

async function addTableRows(context: Ctx, name: string, rows: number, supports: RequirementCheck): Promise<AddRowsResult> {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ADD_ROWS) {
    throw new AdapterError("InvalidArgument", `Se pueden agregar de 1 a ${MAX_ADD_ROWS} filas a la vez; se pidió ${rows}.`);
  }
  // ── sync 1: where the table is now (the user may have moved it or renamed its sheet) ──
  const tables = context.workbook.tables.load("items/name, items/worksheet/name, items/rows/count, items/columns/count");
  await context.sync();
  const table = tables.items.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!table) throw new AdapterError("ItemNotFound", `No se encuentra la tabla ${name} en este libro (¿se eliminó o se le cambió el nombre?).`);
  const sheet = table.worksheet.name;
  const before = table.rows.count;
  const cols = table.columns.count;

  // ── sync 2: the sheet's own protection ──
  const read = queueProtectionRead(context, [sheet], supports);
  await context.sync();
  const states = read.states();
  refusePasswordProtected(states);

  // ── sync 3: lift, grow, restore ──
  try {
    queueUnprotect(context, states);
    // New rows take the formatting of the last body row, unlocked input cells included (Excel copies the row's format).
    context.workbook.tables.getItem(table.name).rows.add(undefined, Array.from({ length: rows }, () => Array.from({ length: cols }, () => "")));
    queueRestore(context, states);
    await context.sync();
  } catch (error) {
    throw (await afterFailedWrite(context, states)) ?? error;
  }
  return { table: table.name, sheet, added: rows, rows: before + rows };
}

// ─── select a cell ──────────────────────────────────────────────────────────────────────────────────────────────────

/** "Sheet!A1", "'Captura VUCEM'!A6:F6" → sheet + address; null when it is not a location. */
export function parseLocation(location: string): { sheet: string; address: string } | null {
  const { sheet, address } = splitQualified(location);
  if (!sheet || !parseRange(address)) return null;
  return { sheet, address };
}

async function selectCell(context: Ctx, location: string): Promise<SelectCellResult> {
  const where = parseLocation(location);
  if (!where) return { ok: false, reason: "bad-location", message: `«${location}» no es una celda (Hoja!A1).` };
  const ws = context.workbook.worksheets.getItemOrNullObject(where.sheet).load("name, visibility");
  await context.sync();
  if (ws.isNullObject) {
    return { ok: false, reason: "missing-sheet", message: `La hoja «${where.sheet}» ya no existe en este libro (¿se renombró o eliminó?).` };
  }
  if (ws.visibility !== "Visible") {
    return { ok: false, reason: "hidden-sheet", message: `La hoja «${ws.name}» está oculta: muéstrela para ir a ${where.address}.` };
  }
  ws.activate();
  ws.getRange(where.address).select();
  await context.sync();
  return { ok: true, sheet: ws.name, address: where.address };
}
