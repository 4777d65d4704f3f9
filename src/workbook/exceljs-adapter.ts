/**
 * The file adapter: the workbook port over an ExcelJS Workbook. No Node-only imports here (the files, the guard and
 * zlib live in xlsx-file.ts), so this half can go into a browser bundle later.
 *
 * ExcelJS caveats handled here: styles are shared between cells after a load (never mutate `cell.numFmt` or
 * `cell.font`; assign a new `cell.style`), date cells come back as JS Dates (turned back into serials with the
 * workbook's date system), tables/validations/internal links need the patches of `exceljs-patches.ts` (applied by
 * xlsx-file.ts, which opens and saves every workbook on the Node side).
 */
import { wrappedRowHeight, type WrappedCell } from "./print-layout";
import { ValueType, Workbook, type Cell, type CellValue as XCellValue, type Style, type Worksheet } from "exceljs";
import { FILE_MAX_TABLE_ROWS, NAMED_CELLS, SNAPSHOT_REQUEST, TABLES, type TableLayout } from "./layout";

/** What the file adapter reads: the layout's request with the file cap on table rows. */
const FILE_REQUEST: SnapshotRequest = { ...SNAPSHOT_REQUEST, maxTableRows: FILE_MAX_TABLE_ROWS };
import {
  cellAddress,
  columnLetters,
  isLinkValue,
  parseCell,
  parseRange,
  rangeAddress,
  type CellValue,
  type MissingSnapshot,
  type NameSnapshot,
  type SnapshotRequest,
  type TableSnapshot,
  type WorkbookAdapter,
  type WorkbookSnapshot,
  type WritePlan,
} from "./port";
import { isoToSerial } from "./serial-dates";
import type { RawDefinedName } from "./xlsx-guard";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObj = Record<string, any>;

/** Serial of a JS Date as ExcelJS made it (the inverse of ExcelJS's excelToDate). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return 25569 + d.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
}

export function plainCellValue(v: XCellValue | undefined, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as AnyObj;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as AnyObj[]).map((r) => String(r.text ?? "")).join("");
    if ("formula" in o || "sharedFormula" in o) return plainCellValue(o.result as XCellValue, date1904);
    if ("hyperlink" in o) return plainCellValue(o.text as XCellValue, date1904);
  }
  return null;
}

/**
 * A cell's port value. A formula cell gives its cached result through `cell.result`: ExcelJS's `cell.value` of a
 * formula copies only truthy fields, so a cached 0, FALSE or "" would vanish (`=SUM(…)` that adds up to 0 would read
 * as an empty cell).
 */
export function cellValueOf(cell: Cell | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  if (cell.type === ValueType.Formula) return plainCellValue(cell.result as XCellValue, date1904);
  return plainCellValue(cell.value, date1904);
}

/** "'Captura VUCEM'!$A$6:$B$7" → { sheet, address "A6:B7" }. */
export function splitRef(ref: string): { sheet: string; address: string } | null {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = ref.slice(bang + 1).replace(/\$/g, "");
  return parseRange(address) ? { sheet, address } : null;
}

function tablesOf(ws: Worksheet): AnyObj[] {
  const t = (ws as unknown as AnyObj).tables as Record<string, AnyObj> | undefined;
  return t ? Object.values(t) : [];
}

function tableModel(t: AnyObj): AnyObj {
  return (t.table ?? t.model) as AnyObj;
}

/** Full range of a table (header + body + totals): loaded tables keep `tableRef`, new ones compute it. */
function tableRange(model: AnyObj): string {
  return String(model.tableRef ?? model.ref);
}

export function findTable(wb: Workbook, name: string): { ws: Worksheet; model: AnyObj } | null {
  const key = name.toLowerCase();
  for (const ws of wb.worksheets) {
    for (const t of tablesOf(ws)) {
      const model = tableModel(t);
      if (String(model.name ?? "").toLowerCase() === key) return { ws, model };
    }
  }
  return null;
}

const MAX_NAME_CELLS = 1_000;

/** Reads the snapshot of an ExcelJS workbook. `rawNames` (from the guard) tells broken names from missing ones. */
export function snapshotOf(wb: Workbook, rawNames: RawDefinedName[] | null = null, request: SnapshotRequest = SNAPSHOT_REQUEST): WorkbookSnapshot {
  const date1904 = !!(wb.properties as AnyObj)?.date1904;
  const sheets = wb.worksheets.map((ws) => ws.name);
  // The guard's raw names (as written in workbook.xml) when we have them: cheaper than ExcelJS's cell-by-cell model and
  // they tell a #REF! name from a missing one. Otherwise (a workbook built in memory) ExcelJS's model.
  const ranges = new Map<string, { first: string | null; text: string }>();
  if (rawNames) {
    for (const r of rawNames) {
      if (r.localSheetId !== null) continue; // sheet-level names are not the template's
      const first = r.text.split(",")[0]!.trim().replace(/^=/, "");
      ranges.set(r.name.toLowerCase(), { first: splitRef(first) ? first : null, text: r.text });
    }
  } else {
    for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
      if (n.ranges.length) ranges.set(n.name.toLowerCase(), { first: n.ranges[0]!, text: n.ranges.join(",") });
    }
  }

  const names: Record<string, NameSnapshot | MissingSnapshot> = {};
  for (const name of request.names) {
    const entry = ranges.get(name.toLowerCase());
    if (!entry) {
      names[name] = { found: false, reason: "missing" };
      continue;
    }
    if (/#REF!/i.test(entry.text)) {
      names[name] = { found: false, reason: "broken", detail: entry.text };
      continue;
    }
    if (!entry.first) {
      names[name] = { found: false, reason: "not-a-range", detail: entry.text };
      continue;
    }
    const ref = splitRef(entry.first);
    const ws = ref ? wb.getWorksheet(ref.sheet) : undefined;
    if (!ref || !ws) {
      names[name] = { found: false, reason: "broken", detail: entry.text };
      continue;
    }
    const r = parseRange(ref.address)!;
    const values: CellValue[][] = [];
    const lastRow = Math.min(r.end.row, r.start.row + Math.floor(MAX_NAME_CELLS / (r.end.col - r.start.col + 1)));
    for (let row = r.start.row; row <= lastRow; row++) {
      const line: CellValue[] = [];
      const xr = ws.findRow(row);
      for (let col = r.start.col; col <= r.end.col; col++) line.push(cellValueOf(xr?.findCell(col), date1904));
      values.push(line);
    }
    names[name] = { found: true, sheet: ws.name, address: ref.address, values };
  }

  const tables: Record<string, TableSnapshot | MissingSnapshot> = {};
  for (const name of request.tables) {
    const t = findTable(wb, name);
    if (!t) {
      tables[name] = { found: false, reason: "missing" };
      continue;
    }
    const r = parseRange(tableRange(t.model));
    if (!r) {
      tables[name] = { found: false, reason: "broken", sheet: t.ws.name };
      continue;
    }
    const hasHeader = t.model.headerRow !== false;
    const headerRow = r.start.row;
    const firstBody = hasHeader ? headerRow + 1 : headerRow;
    const lastBody = r.end.row - (t.model.totalsRow ? 1 : 0);
    const count = Math.max(0, lastBody - firstBody + 1);
    if (count > request.maxTableRows) {
      tables[name] = { found: false, reason: "too-large", sheet: t.ws.name, detail: `${count.toLocaleString("es-MX")} filas; el límite es ${request.maxTableRows.toLocaleString("es-MX")}` };
      continue;
    }
    const columns = (t.model.columns ?? []) as AnyObj[];
    const width = r.end.col - r.start.col + 1;
    const hr = t.ws.findRow(headerRow);
    const headers: string[] = [];
    for (let j = 0; j < width; j++) {
      const v = hasHeader ? cellValueOf(hr?.findCell(r.start.col + j), date1904) : null;
      headers.push(typeof v === "string" && v.trim() ? v : String(columns[j]?.name ?? ""));
    }
    const rows: CellValue[][] = [];
    for (let row = firstBody; row <= lastBody; row++) {
      const xr = t.ws.findRow(row);
      const line: CellValue[] = [];
      for (let j = 0; j < width; j++) line.push(xr ? cellValueOf(xr.findCell(r.start.col + j), date1904) : null);
      rows.push(line);
    }
    tables[name] = {
      found: true,
      sheet: t.ws.name,
      headerAddress: rangeAddress({ row: headerRow, col: r.start.col }, { row: headerRow, col: r.end.col }),
      headers,
      bodyTopLeft: cellAddress({ row: firstBody, col: r.start.col }),
      rows,
    };
  }

  const v = names[request.versionName];
  const vv = v && v.found ? v.values[0]?.[0] : null;
  const version = typeof vv === "string" ? vv : typeof vv === "number" ? String(vv) : null;
  const merges: Record<string, string[]> = {};
  for (const ws of wb.worksheets) {
    const list = Object.values(((ws as unknown as AnyObj)._merges ?? {}) as Record<string, AnyObj>).map((m) => `${m.tl}:${m.br}`);
    if (list.length) merges[ws.name] = list;
  }
  return { version, date1904, sheets, names, tables, merges };
}

function setStyle(cell: Cell, patch: Partial<Style>): void {
  // Styles are shared between cells after a load: replace, never mutate.
  cell.style = { ...cell.style, ...patch } as Style;
}

/**
 * Explicit heights for rows with wrapped text that needs more than one line, and none (automatic) for rows that no
 * longer do: LibreOffice does not fit row heights on open, so a long message would overlap the next rows.
 */
function fitWrappedRows(ws: Worksheet, rows: Iterable<number>): void {
  for (const r of rows) {
    const xr = ws.findRow(r);
    if (!xr) continue;
    const cells: WrappedCell[] = [];
    xr.eachCell({ includeEmpty: false }, (cell, col) => {
      if (!cell.alignment?.wrapText || cell.value === null || cell.value === undefined) return;
      const text = typeof cell.value === "object" && "text" in (cell.value as AnyObj) ? String((cell.value as AnyObj).text) : String(cell.text ?? cell.value);
      cells.push({ text, width: ws.getColumn(col).width ?? 9, fontSize: cell.font?.size, bold: cell.font?.bold });
    });
    const h = wrappedRowHeight(cells);
    if (h) xr.height = h;
    else if (xr.height !== undefined && r > 5) (xr as unknown as AnyObj).height = undefined;
  }
}

/** Applies a plan to an ExcelJS workbook. Writes only the plan's cells (and sizes the rows of wrapped text). */
export function applyPlan(wb: Workbook, plan: WritePlan): void {
  const touched = new Map<Worksheet, Set<number>>();
  const touch = (ws: Worksheet, from: number, to: number) => {
    let set = touched.get(ws);
    if (!set) touched.set(ws, (set = new Set()));
    for (let r = from; r <= to; r++) set.add(r);
  };
  for (const w of plan.ranges) {
    const ws = wb.getWorksheet(w.sheet);
    const r = parseRange(w.address);
    if (!ws || !r) continue;
    w.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const cell = ws.getCell(r.start.row + i, r.start.col + j);
        // A merged cell's value is its area's top-left cell: writing it would change another cell (the plan already
        // refuses these, see write-guard.ts; this keeps a hand-made plan from doing it).
        if (cell.isMerged && cell.master !== cell) return;
        cell.value = value;
        if (w.numberFormat && cell.numFmt !== w.numberFormat) setStyle(cell, { numFmt: w.numberFormat });
      }),
    );
    touch(ws, r.start.row, r.start.row + w.values.length - 1);
  }
  for (const b of plan.blocks) {
    const ws = wb.getWorksheet(b.sheet);
    const a = parseCell(b.anchor);
    if (!ws || !a) continue;
    const base = Array.from({ length: b.width }, (_, j) => ({ ...ws.getCell(a.row, a.col + j).style }) as Style);
    const last = Math.max(ws.rowCount, a.row + b.rows.length - 1);
    touch(ws, a.row, last);
    for (let row = a.row; row <= last; row++) {
      const xr = ws.findRow(row);
      if (!xr) continue;
      for (let j = 0; j < b.width; j++) {
        const cell = xr.findCell(a.col + j);
        if (cell && cell.value !== null && cell.value !== undefined) cell.value = null;
      }
    }
    // One style object per column (and one for links), shared by every row: ExcelJS keeps a style per cell.
    const styles = base.map((st, j) => {
      const fmt = b.columnFormats?.[j] ?? undefined;
      return { ...st, ...(fmt ? { numFmt: fmt } : {}) } as Style;
    });
    const linkStyles = styles.map((st) => ({ ...st, font: { ...(st.font ?? {}), color: { argb: "FF0563C1" }, underline: true } }) as Style);
    b.rows.forEach((line, i) => {
      const xr = ws.getRow(a.row + i);
      for (let j = 0; j < b.width; j++) {
        const value = line[j] ?? null;
        const cell = xr.getCell(a.col + j);
        if (isLinkValue(value)) {
          cell.value = { text: value.link.text, hyperlink: value.link.target };
          cell.style = linkStyles[j]!;
        } else {
          cell.value = value;
          cell.style = styles[j]!;
        }
      }
    });
  }
  for (const [ws, rows] of touched) fitWrappedRows(ws, rows);
}

export class ExcelJsAdapter implements WorkbookAdapter {
  constructor(
    readonly workbook: Workbook,
    private readonly rawNames: RawDefinedName[] | null = null,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook, this.rawNames, FILE_REQUEST);
  }

  async apply(plan: WritePlan): Promise<void> {
    applyPlan(this.workbook, plan);
    // ExcelJS computes no formula: ask Excel to recalculate the template's standard formulas (Ejercicio) on open.
    const wb = this.workbook as unknown as AnyObj;
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  }
}

// ─── writing a report document into the template's input cells (examples, tests, benchmarks) ─────────────────────────

function docValue(v: unknown, type: string, date1904: boolean, path: string): XCellValue {
  if (v === undefined || v === null) return null;
  if (type === "date" && typeof v === "string") {
    try {
      return isoToSerial(v, date1904);
    } catch {
      return v;
    }
  }
  if (type === "boolean" && typeof v === "boolean") return v ? "Sí" : "No";
  if (type === "sectors" && Array.isArray(v)) return v.map(String).join(", ");
  if (path === "settings.ecexMinExportShare" && typeof v === "number") return v / 100;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

function getPath(obj: unknown, path: string): unknown {
  let o: unknown = obj;
  for (const p of path.split(".")) {
    if (o === null || typeof o !== "object") return undefined;
    o = (o as Record<string, unknown>)[p];
  }
  return o;
}

function copyRowStyle(ws: Worksheet, from: number, to: number, c1: number, c2: number): void {
  for (let c = c1; c <= c2; c++) {
    const src = ws.getCell(from, c);
    ws.getCell(to, c).style = { ...src.style } as Style;
  }
}

/** Grows a table's body to `rows` rows (styles and validations of the last body row carried down). */
export function ensureTableRows(wb: Workbook, t: TableLayout, rows: number): void {
  const found = findTable(wb, t.name);
  if (!found) return;
  const r = parseRange(tableRange(found.model))!;
  const firstBody = r.start.row + 1;
  const have = r.end.row - firstBody + 1;
  if (rows <= have) return;
  const lastBody = r.end.row;
  const newEnd = firstBody + rows - 1;
  for (let row = lastBody + 1; row <= newEnd; row++) copyRowStyle(found.ws, lastBody, row, r.start.col, r.end.col);
  const dv = (found.ws as unknown as AnyObj).dataValidations.model as Record<string, AnyObj>;
  for (const [key, validation] of Object.entries(dv)) {
    const k = parseRange(key);
    if (!k || k.end.row !== lastBody || k.start.col < r.start.col || k.end.col > r.end.col) continue;
    dv[`${columnLetters(k.start.col)}${lastBody + 1}:${columnLetters(k.end.col)}${newEnd}`] = validation;
  }
  const ref = rangeAddress(r.start, { row: newEnd, col: r.end.col });
  found.model.tableRef = ref;
  found.model.autoFilterRef = ref;
  if (found.model.ref && !found.model.tableRef) found.model.ref = cellAddress(r.start);
}

/**
 * Types a report document (the `raoce evaluate` JSON) into the input cells of a RAOCE template workbook, as a user
 * would. Tables grow when the document has more rows than the template.
 */
export function writeInputs(wb: Workbook, doc: Record<string, unknown>): void {
  const date1904 = !!(wb.properties as AnyObj)?.date1904;
  for (const t of TABLES) {
    const list = doc[t.path];
    if (Array.isArray(list)) ensureTableRows(wb, t, list.length);
  }
  const snap = snapshotOf(wb);
  for (const n of NAMED_CELLS) {
    if (n.kind !== "input" || !n.path) continue;
    const s = snap.names[n.name];
    if (!s || !s.found) continue;
    const v = getPath(doc, n.path);
    if (v === undefined) continue;
    const ref = splitRef(`'${s.sheet}'!${s.address}`)!;
    wb.getWorksheet(ref.sheet)!.getCell(parseRange(ref.address)!.start.row, parseRange(ref.address)!.start.col).value = docValue(v, n.type, date1904, n.path);
  }
  for (const t of TABLES) {
    const list = doc[t.path];
    const s = snap.tables[t.name];
    if (!Array.isArray(list) || !s || !s.found) continue;
    const tl = parseCell(s.bodyTopLeft)!;
    const ws = wb.getWorksheet(s.sheet)!;
    list.forEach((item, i) => {
      t.columns.forEach((c) => {
        if (c.kind !== "input" || !c.field) return;
        const j = s.headers.indexOf(c.header);
        if (j < 0) return;
        const v = t.scalarField ? (c.field === t.scalarField ? item : undefined) : getPath(item, c.field);
        if (v === undefined) return;
        ws.getCell(tl.row + i, tl.col + j).value = docValue(v, c.type, date1904, `${t.path}.${c.field}`);
      });
    });
  }
}
