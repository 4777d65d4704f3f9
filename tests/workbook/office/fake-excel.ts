/**
 * A small, typed, honest fake of the part of the Excel object model the Office.js adapter uses, built on
 * office-addin-mock's OfficeMockObject (which gives the load → sync → read life cycle but has no object model of its
 * own, returns an error STRING when a property is read before load+sync, and does not shape-check writes).
 *
 * What the wrapper adds, so that a test fails where Excel would:
 * - batches: every command (load, write, method) is queued and runs in order at `context.sync()`; data is captured
 *   when the load runs (so a load queued after a write sees the write); nothing is applied before the sync, and an
 *   `Excel.run` that ends with unsynced commands throws;
 * - reading a property that was not loaded (or before the sync) THROWS (the mock's error string becomes an error);
 *   reading `isNullObject` before a sync throws; reading or navigating from a null object throws;
 * - writes are shape-checked (2-D arrays the size of the range); on a protected sheet LOCKED cells refuse writes
 *   (cells are locked unless marked `locked: false`, as in Excel), tables cannot be added or grow; `protect()` on a protected sheet throws (as documented); `unprotect()` without the password of a sheet
 *   protected with one throws; `getItem` of a missing item throws ItemNotFound;
 * - strings assigned to `values` are interpreted like Excel does: "=…" / "+x" / "@…" become formulas, "00123"
 *   becomes 123, "TRUE" a boolean, "#N/A" an error; "'…" is text with a quote prefix;
 * - Excel on the web's limits: a request or a response over 5 MB, or a read of more than 5,000,000 cells, fails.
 * - counters: `syncCount`, `runCount`, the run options, and per-sync payload sizes.
 */
import { OfficeMockObject } from "office-addin-mock";
import { isValidError } from "office-addin-mock/lib/possibleErrors";
import { cellAddress, columnLetters, parseCell, parseRange, quoteSheet, type CellRef } from "../../../src/workbook/port";

// ─── state ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export type FakeValue = string | number | boolean | { error: string };

export interface FakeCell {
  value?: FakeValue;
  /** Set when a string was taken as a formula (the adapter must never cause this). */
  formula?: string;
  /** Set when Excel would have converted the assigned string to another type ("00123" → 123). */
  coercedFrom?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
  hyperlink?: Excel.RangeHyperlink;
  /** Excel's Format Cells › Protection › Locked; undefined = locked (Excel's default). */
  locked?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions; password?: string };
  /** Merged areas ("B14:B15"): read through Range.getMergedAreasOrNullObject. */
  merges?: string[];
}

export type FakeName =
  | { name: string; kind: "range"; sheetId: string; address: string }
  | { name: string; kind: "error"; formula: string }
  | { name: string; kind: "constant"; value: string | number | boolean };

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  /** Header row's first cell. */
  topLeft: CellRef;
  cols: number;
  rows: number;
  showHeaders: boolean;
  style: string;
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SyncStats {
  requestBytes: number;
  responseBytes: number;
  maxReadCells: number;
}

export class FakeExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

const MAX_PAYLOAD = 5_000_000;
const MAX_READ_CELLS = 5_000_000;
const key = (row: number, col: number) => `${row},${col}`;
const bytes = (v: unknown) => JSON.stringify(v)?.length ?? 0;

function rectOf(a1: string): Rect {
  const r = parseRange(a1);
  if (!r) throw new FakeExcelError("InvalidArgument", `not a range address: ${a1}`);
  return { r1: r.start.row, c1: r.start.col, r2: r.end.row, c2: r.end.col };
}

const rectAddress = (r: Rect) => {
  const a = cellAddress({ row: r.r1, col: r.c1 });
  const b = cellAddress({ row: r.r2, col: r.c2 });
  return a === b ? a : `${a}:${b}`;
};

/** DATE(y, m, d) as Excel computes it in either date system (only dates after 1900-03-01 are needed here). */
function excelDate(y: number, m: number, d: number, date1904: boolean): number {
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  return date1904 ? day - Date.UTC(1904, 0, 1) / 86_400_000 : day - Date.UTC(1899, 11, 30) / 86_400_000;
}

// ─── the workbook ───────────────────────────────────────────────────────────────────────────────────────────────────

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeName>();
  tables = new Map<string, FakeTable>();
  date1904 = false;
  /** Enforce Excel on the web's 5 MB / 5,000,000-cell limits. */
  webLimits = true;
  /** What `insertWorksheetsFromBase64` does (the test decides what Excel keeps); returns the new sheet ids. */
  onInsertWorksheets?: (base64: string, options: Excel.InsertWorksheetOptions | undefined) => string[];
  /** Failure injection: every write to this sheet fails (e.g. a co-author holds it) — to test the recovery path. */
  failWritesTo?: string;
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;

  syncCount = 0;
  runCount = 0;
  readonly runOptions: (Excel.RunOptions | undefined)[] = [];
  readonly syncStats: SyncStats[] = [];
  private nextId = 1;

  /** `Excel.run` for the adapter: (batch) or (options, batch). */
  readonly run = (async (a: unknown, b?: unknown) => {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    this.runCount++;
    this.runOptions.push(typeof a === "function" ? undefined : (a as Excel.RunOptions));
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending > 0) throw new Error(`Excel.run ended with ${ctx.pending} queued command(s) that were never synced`);
    return result;
  }) as unknown as typeof Excel.run;

  resetCounters(): void {
    this.syncCount = 0;
    this.runCount = 0;
    this.runOptions.length = 0;
    this.syncStats.length = 0;
  }

  // ── seeding ──

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  addSheet(name: string, opts: { visibility?: FakeSheet["visibility"]; protected?: boolean; password?: string } = {}): FakeSheet {
    if (this.sheetByName(name)) throw new Error(`sheet ${name} exists`);
    const sheet: FakeSheet = {
      id: this.newId("sheet"),
      name,
      visibility: opts.visibility ?? "Visible",
      cells: new Map(),
      protection: opts.password ? { protected: true, password: opts.password } : { protected: opts.protected ?? false },
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  private mustSheet(name: string): FakeSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Put raw values (no Excel interpretation) at a cell, or a 2-D block from it. null leaves a cell empty. */
  set(sheet: string, a1: string, value: FakeValue | null | (FakeValue | null)[][]): this {
    const s = this.mustSheet(sheet);
    const at = parseCell(a1);
    if (!at) throw new Error(`bad cell ${a1}`);
    const rows = Array.isArray(value) ? value : [[value]];
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(at.row + i, at.col + j);
        if (v === null) s.cells.delete(k);
        else s.cells.set(k, { ...s.cells.get(k), value: v });
      }),
    );
    return this;
  }

  defineName(name: string, sheet: string, a1: string): this {
    this.names.set(name.toLowerCase(), { name, kind: "range", sheetId: this.mustSheet(sheet).id, address: a1 });
    return this;
  }

  defineErrorName(name: string, formula = "=#REF!"): this {
    this.names.set(name.toLowerCase(), { name, kind: "error", formula });
    return this;
  }

  defineConstantName(name: string, value: string | number | boolean): this {
    this.names.set(name.toLowerCase(), { name, kind: "constant", value });
    return this;
  }

  addTable(name: string, sheet: string, topLeft: string, headers: string[], rows: (FakeValue | null)[][], style = "TableStyleLight9"): this {
    const s = this.mustSheet(sheet);
    const at = parseCell(topLeft)!;
    this.set(sheet, topLeft, [headers]);
    if (rows.length > 0) this.set(sheet, cellAddress({ row: at.row + 1, col: at.col }), rows);
    this.tables.set(name.toLowerCase(), { id: this.newId("table"), name, sheetId: s.id, topLeft: at, cols: headers.length, rows: rows.length, showHeaders: true, style });
    return this;
  }

  /** Delete a sheet the way Excel does: its tables go, names pointing at it become #REF!. */
  deleteSheet(name: string): this {
    const s = this.mustSheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const [k, t] of this.tables) if (t.sheetId === s.id) this.tables.delete(k);
    for (const [k, n] of this.names) {
      if (n.kind === "range" && n.sheetId === s.id) this.names.set(k, { name: n.name, kind: "error", formula: `=#REF!${n.address}` });
    }
    return this;
  }

  // ── inspection ──

  cell(sheet: string, a1: string): FakeCell | undefined {
    const at = parseCell(a1)!;
    return this.mustSheet(sheet).cells.get(key(at.row, at.col));
  }

  value(sheet: string, a1: string): FakeValue | null {
    return this.cell(sheet, a1)?.value ?? null;
  }

  /** Every cell of every sheet that holds a formula (the adapter must never write one). */
  formulas(): { sheet: string; address: string; formula: string }[] {
    const out: { sheet: string; address: string; formula: string }[] = [];
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        if (c.formula === undefined) continue;
        const [row, col] = k.split(",").map(Number) as [number, number];
        out.push({ sheet: s.name, address: cellAddress({ row, col }), formula: c.formula });
      }
    }
    return out;
  }

  /** Every cell Excel would have converted from a string to another type. */
  coercions(): { sheet: string; address: string; from: string }[] {
    const out: { sheet: string; address: string; from: string }[] = [];
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) {
        if (c.coercedFrom === undefined) continue;
        const [row, col] = k.split(",").map(Number) as [number, number];
        out.push({ sheet: s.name, address: cellAddress({ row, col }), from: c.coercedFrom });
      }
    }
    return out;
  }

  // ── used by the proxies ──

  /** Office.js `Range.address`: sheet-qualified, no `$`. */
  qualified(sheet: FakeSheet, r: Rect): string {
    return `${quoteSheet(sheet.name)}!${rectAddress(r)}`;
  }

  readRect(sheet: FakeSheet, r: Rect): { values: unknown[][]; valueTypes: string[][] } {
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (let row = r.r1; row <= r.r2; row++) {
      const vs: unknown[] = [];
      const ts: string[] = [];
      for (let col = r.c1; col <= r.c2; col++) {
        const v = sheet.cells.get(key(row, col))?.value;
        vs.push(v === undefined ? "" : typeof v === "object" ? v.error : v);
        ts.push(v === undefined ? "Empty" : typeof v === "object" ? "Error" : typeof v === "string" ? "String" : typeof v === "number" ? "Double" : "Boolean");
      }
      values.push(vs);
      valueTypes.push(ts);
    }
    return { values, valueTypes };
  }

  assertWritable(sheet: FakeSheet, what: string, rect?: Rect): void {
    if (this.failWritesTo?.toLowerCase() === sheet.name.toLowerCase()) throw new FakeExcelError("GeneralException", `injected failure: ${what} on «${sheet.name}»`);
    if (!sheet.protection.protected) return;
    // Excel lets values into UNLOCKED cells of a protected sheet; anything else (locked cells, tables, formats) is refused.
    if (rect && (what === "values" || what === "numberFormat" || what === "clear(Contents)")) {
      const locked = this.firstLocked(sheet, rect);
      if (!locked) return;
      throw new FakeExcelError("AccessDenied", `${what} into locked cell ${locked} of protected sheet «${sheet.name}» (unprotect it first)`);
    }
    throw new FakeExcelError("AccessDenied", `${what} on protected sheet «${sheet.name}» (unprotect it first)`);
  }

  private firstLocked(sheet: FakeSheet, r: Rect): string | null {
    // Cells are locked by default: an unlocked block is a cell-by-cell property, so look at each (bounded: ranges
    // written to a protected sheet are small; a whole-column clear short-circuits on its first locked cell).
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) if (sheet.cells.get(key(row, col))?.locked !== false) return cellAddress({ row, col });
    }
    return null;
  }

  /** Mark cells unlocked (true) or locked, as the template does for input cells (seeding). */
  setLocked(sheet: string, a1: string, locked: boolean): this {
    const s = this.mustSheet(sheet);
    const r = rectOf(a1);
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) s.cells.set(key(row, col), { ...s.cells.get(key(row, col)), locked });
    }
    return this;
  }

  /** Assign one value the way Excel interprets `Range.values` input. null = leave the cell alone. */
  assign(sheet: FakeSheet, row: number, col: number, v: unknown): void {
    if (v === null) return;
    const k = key(row, col);
    const cell: FakeCell = { ...sheet.cells.get(k) };
    delete cell.formula;
    delete cell.coercedFrom;
    delete cell.quotePrefix;
    delete cell.value;
    if (typeof v === "number" || typeof v === "boolean") {
      cell.value = cell.numberFormat === "@" ? String(v) : v;
    } else if (typeof v === "string") {
      if (v === "") {
        // cleared
      } else if (v.startsWith("'")) {
        cell.value = v.slice(1);
        cell.quotePrefix = true;
      } else if (cell.numberFormat === "@") {
        cell.value = v;
      } else if (/^\s*[=@]/.test(v) || (/^\s*[+-]/.test(v) && !/^\s*[+-]\s*\d/.test(v))) {
        cell.formula = v;
        cell.value = { error: "#NAME?" };
      } else if (/^\s*[+-]?\s*\d[\d,]*(\.\d+)?(e[+-]?\d+)?\s*%?\s*$/i.test(v)) {
        cell.value = Number(v.replace(/[\s,%]/g, "")) / (v.includes("%") ? 100 : 1);
        cell.coercedFrom = v;
      } else if (/^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(v) || /^\s*\d{1,2}:\d{2}/.test(v)) {
        cell.value = 45000; // some date serial: what matters is that the text is gone
        cell.coercedFrom = v;
      } else if (/^\s*(true|false)\s*$/i.test(v)) {
        cell.value = /true/i.test(v);
        cell.coercedFrom = v;
      } else if (/^#(N\/A|REF!|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(v.trim())) {
        cell.value = { error: v.trim() };
        cell.coercedFrom = v;
      } else {
        cell.value = v;
      }
    } else {
      throw new FakeExcelError("InvalidArgument", `unsupported value ${JSON.stringify(v)}`);
    }
    sheet.cells.set(k, cell);
  }
}

// ─── request context and proxies ────────────────────────────────────────────────────────────────────────────────────

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private ops: (() => void)[] = [];
  private mocks: OfficeMockObject[] = [];
  private requestBytes = 0;
  private current: SyncStats = { requestBytes: 0, responseBytes: 0, maxReadCells: 0 };

  constructor(readonly fx: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get pending(): number {
    return this.ops.length;
  }

  queue(op: () => void, requestBytes = 16): void {
    this.ops.push(op);
    this.requestBytes += requestBytes;
  }

  addMock(mock: OfficeMockObject, responseBytes: number, readCells = 0): void {
    this.mocks.push(mock);
    this.current.responseBytes += responseBytes;
    this.current.maxReadCells = Math.max(this.current.maxReadCells, readCells);
  }

  async sync(): Promise<void> {
    this.fx.syncCount++;
    const ops = this.ops;
    this.ops = [];
    const stats: SyncStats = { requestBytes: this.requestBytes, responseBytes: 0, maxReadCells: 0 };
    this.requestBytes = 0;
    this.current = stats;
    this.fx.syncStats.push(stats);
    if (this.fx.webLimits && stats.requestBytes > MAX_PAYLOAD) {
      throw new FakeExcelError("RichApi.Error PayloadSizeLimitExceeded", `request of ${stats.requestBytes} bytes`);
    }
    try {
      for (const op of ops) op();
    } finally {
      const mocks = this.mocks;
      this.mocks = [];
      await Promise.all(mocks.map((m) => m.sync()));
      await new Promise((resolve) => setTimeout(resolve, 0)); // the mock updates properties in detached promises
    }
    if (this.fx.webLimits && stats.maxReadCells > MAX_READ_CELLS) {
      throw new FakeExcelError("RichApi.Error", `read of ${stats.maxReadCells} cells (more than 5,000,000)`);
    }
    if (this.fx.webLimits && stats.responseBytes > MAX_PAYLOAD) {
      throw new FakeExcelError("RichApi.Error PayloadSizeLimitExceeded", `response of ${stats.responseBytes} bytes`);
    }
  }
}

type Resolver<T> = () => T | null;

/**
 * Base of every proxy. `resolve` finds the state object when a queued command runs (null = does not exist).
 * Nullable proxies (from *OrNullObject) learn `isNullObject` at the next sync; others throw ItemNotFound.
 */
abstract class FakeObject<T> {
  private mock?: OfficeMockObject;
  private nullState?: boolean;
  private readonly loaded = new Set<string>();
  protected abstract readonly kind: string;
  protected abstract readonly scalars: readonly string[];

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: Resolver<T>,
    private readonly nullable = false,
    private readonly parent?: FakeObject<unknown>,
  ) {
    if (nullable) ctx.queue(() => (this.nullState = this.resolveOrNull() === null));
    else this.nullState = false;
  }

  /** The state object, or null when it does not exist; navigating from a null parent is an error. */
  protected resolveOrNull(): T | null {
    if (this.parent) this.parent.target();
    return this.resolver();
  }

  /** The state object for a command; a null object or a missing item makes the command fail. */
  target(): T {
    const t = this.resolveOrNull();
    if (t !== null) return t;
    if (this.nullable) throw new FakeExcelError("InvalidObjectPath", `${this.kind} is a null object: check isNullObject before using it`);
    throw new FakeExcelError("ItemNotFound", `${this.kind} does not exist`);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new Error(`${this.kind}.isNullObject read before context.sync()`);
    return this.nullState;
  }

  /** Navigation properties (`rows`, `worksheet`, …) a load path may go through. */
  protected nav(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  /** Current values of the scalar properties named (others may be left out). */
  protected abstract data(t: T, props: ReadonlySet<string>): Record<string, unknown>;

  load(arg?: string | string[] | { select?: string; expand?: string }): this {
    const paths = parseLoad(arg, this.kind);
    this.checkPaths(paths);
    this.ctx.queue(() => this.capture(paths));
    return this;
  }

  protected checkPaths(paths: readonly string[]): void {
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) {
        if (!this.scalars.includes(head!)) throw new Error(`${this.kind}.load("${p}"): property not modelled by the fake (or not scalar)`);
      } else {
        const child = this.nav(head!);
        if (!child) throw new Error(`${this.kind}.load("${p}"): no navigation property ${head}`);
        child.checkPaths([rest.join("/")]);
      }
    }
  }

  /** Runs at sync: capture the loaded properties' current values into an OfficeMockObject. */
  capture(paths: readonly string[]): void {
    const scalars = paths.filter((p) => !p.includes("/"));
    const navs = new Map<string, string[]>();
    for (const p of paths.filter((x) => x.includes("/"))) {
      const [head, ...rest] = p.split("/");
      navs.set(head!, [...(navs.get(head!) ?? []), rest.join("/")]);
    }
    const t = this.nullable ? this.resolveOrNull() : this.target();
    if (t === null) {
      this.nullState = true;
      return;
    }
    for (const [head, rest] of navs) this.nav(head)!.capture(rest);
    if (scalars.length === 0) return;
    for (const s of scalars) this.loaded.add(s);
    const data = this.data(t, this.loaded);
    const all: Record<string, unknown> = {};
    for (const s of this.scalars) all[s] = data[s] ?? undefined; // null would become a nested mock
    for (const s of this.loaded) if (all[s] === null) all[s] = undefined;
    const mock = new OfficeMockObject(all as never);
    mock.load([...this.loaded]);
    const picked = Object.fromEntries([...this.loaded].map((s) => [s, all[s]]));
    const cells = Array.isArray(all.values) && this.loaded.has("values") ? (all.values as unknown[][]).length * ((all.values as unknown[][])[0]?.length ?? 0) : 0;
    this.ctx.addMock(mock, bytes(picked), cells);
    this.mock = mock;
  }

  /** Read a loaded scalar: throws where the mock would hand back its error string. */
  protected read<V>(prop: string): V {
    if (this.nullState === true) throw new Error(`${this.kind}.${prop} read on a null object (check isNullObject first)`);
    const v: unknown = this.mock?.[prop];
    if (this.mock === undefined || !this.loaded.has(prop) || (typeof v === "string" && isValidError(v))) {
      throw new Error(`${this.kind}.${prop} read before load("${prop}") + context.sync() — office-addin-mock: ${typeof v === "string" ? v : "Error, property was not loaded"}`);
    }
    return v as V;
  }
}

function parseLoad(arg: string | string[] | { select?: string; expand?: string } | undefined, kind: string): string[] {
  let list: string[];
  if (arg === undefined) throw new Error(`${kind}.load() without properties loads everything: name the properties`);
  if (typeof arg === "string") list = arg.split(",");
  else if (Array.isArray(arg)) list = arg.flatMap((a) => a.split(","));
  else list = [...(arg.select ?? "").split(","), ...(arg.expand ?? "").split(",")];
  const paths = list.map((s) => s.trim()).filter((s) => s !== "");
  if (paths.length === 0) throw new Error(`${kind}.load() without properties`);
  return paths;
}

// ── workbook ──

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly functions: FakeFunctions;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.functions = new FakeFunctions(ctx);
  }

  insertWorksheetsFromBase64(base64: string, options?: Excel.InsertWorksheetOptions): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>("insertWorksheetsFromBase64");
    this.ctx.queue(() => {
      const handler = this.ctx.fx.onInsertWorksheets;
      if (!handler) throw new FakeExcelError("NotImplemented", "insertWorksheetsFromBase64: set fx.onInsertWorksheets");
      result.set(handler(base64, options));
    }, base64.length + 64);
    return result;
  }
}

class FakeClientResult<V> {
  private v?: { value: V };
  constructor(private readonly what: string) {}
  set(value: V): void {
    this.v = { value };
  }
  get value(): V {
    if (!this.v) throw new Error(`${this.what}(): ClientResult.value read before context.sync()`);
    return this.v.value;
  }
}

// ── worksheets ──

class FakeWorksheetCollection extends FakeObject<FakeExcel> {
  protected readonly kind = "WorksheetCollection";
  protected readonly scalars = [] as const;
  private loadedItems?: FakeWorksheet[];

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fx);
  }

  protected data(): Record<string, unknown> {
    return {};
  }

  protected override checkPaths(paths: readonly string[]): void {
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (head !== "items" || rest.length === 0) throw new Error(`WorksheetCollection.load("${p}"): load items/<property>`);
      FakeWorksheet.checkScalar(rest.join("/"));
    }
  }

  override capture(paths: readonly string[]): void {
    this.loadedItems = this.ctx.fx.sheets.map((s) => new FakeWorksheet(this.ctx, () => this.ctx.fx.sheetById(s.id) ?? null));
    const rest = paths.map((p) => p.slice("items/".length));
    for (const item of this.loadedItems) item.capture(rest);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new Error('WorksheetCollection.items read before load("items/…") + context.sync()');
    return this.loadedItems;
  }

  /** Excel's getItem takes a name or an id. */
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fx.sheetByName(name) ?? this.ctx.fx.sheetById(name) ?? null);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.fx.sheetByName(name) ?? null, true);
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readonly kind = "Worksheet";
  static readonly SCALARS = ["id", "name", "visibility", "position"] as const;
  protected readonly scalars = FakeWorksheet.SCALARS;
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeWorksheetTables;

  constructor(ctx: FakeContext, resolver: Resolver<FakeSheet>, nullable = false) {
    super(ctx, resolver, nullable);
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.tables = new FakeWorksheetTables(ctx, this);
  }

  static checkScalar(p: string): void {
    if (!(FakeWorksheet.SCALARS as readonly string[]).includes(p)) throw new Error(`Worksheet.load("${p}"): not modelled`);
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === "protection" ? this.protection : undefined;
  }

  protected data(t: FakeSheet): Record<string, unknown> {
    return { id: t.id, name: t.name, visibility: t.visibility, position: this.ctx.fx.sheets.indexOf(t) };
  }

  get name(): string {
    return this.read("name");
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(v: FakeSheet["visibility"]) {
    this.ctx.queue(() => {
      const s = this.target();
      if (v !== "Visible" && this.ctx.fx.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeExcelError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      s.visibility = v;
    });
  }

  /** No address: the whole sheet (as Excel's `Worksheet.getRange()`). */
  getRange(address?: string): FakeRange {
    const r = address === undefined ? { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 } : rectOf(address);
    return new FakeRange(this.ctx, () => {
      const s = this.target();
      return { sheet: s, rect: r };
    });
  }

  activate(): void {
    this.ctx.queue(() => {
      const s = this.target();
      if (s.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", `cannot activate hidden sheet «${s.name}»`);
      this.ctx.fx.activeSheetId = s.id;
    });
  }

  /** Excel: deleting the last visible sheet fails; tables go with the sheet, names pointing at it become #REF!. */
  delete(): void {
    this.ctx.queue(() => {
      const s = this.target();
      if (s.visibility === "Visible" && this.ctx.fx.sheets.filter((x) => x.visibility === "Visible").length === 1) {
        throw new FakeExcelError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      this.ctx.fx.deleteSheet(s.name);
      if (this.ctx.fx.activeSheetId === s.id) this.ctx.fx.activeSheetId = null;
    });
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected readonly kind = "WorksheetProtection";
  // isPasswordProtected is ExcelApiOnline 1.1 (Excel on the web): the adapter loads it only where that set exists.
  protected readonly scalars = ["protected", "options", "isPasswordProtected"] as const;

  constructor(ctx: FakeContext, sheet: FakeWorksheet) {
    super(ctx, () => sheet.target(), false, sheet as FakeObject<unknown>);
  }

  protected data(t: FakeSheet): Record<string, unknown> {
    // options travel as JSON: office-addin-mock would turn a nested object into mocks of its own.
    return { protected: t.protection.protected, options: JSON.stringify(t.protection.options ?? {}), isPasswordProtected: t.protection.password !== undefined };
  }

  get protected(): boolean {
    return this.read("protected");
  }

  get options(): Excel.WorksheetProtectionOptions {
    return JSON.parse(this.read<string>("options")) as Excel.WorksheetProtectionOptions;
  }

  get isPasswordProtected(): boolean {
    return this.read("isPasswordProtected");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.ctx.queue(() => {
      const s = this.target();
      if (s.protection.protected) throw new FakeExcelError("InvalidOperation", `«${s.name}» is already protected (protect() fails on a protected sheet)`);
      if (password) throw new Error("the add-in never protects with a password");
      s.protection = { protected: true, options: { ...options } };
    }, 64 + bytes(options));
  }

  unprotect(password?: string): void {
    this.ctx.queue(() => {
      const s = this.target();
      if (s.protection.protected && s.protection.password !== undefined && password !== s.protection.password) {
        throw new FakeExcelError("InvalidArgument", `«${s.name}» is protected with a password`);
      }
      s.protection = { protected: false };
    });
  }
}

class FakeWorksheetTables {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  add(address: string, hasHeaders: boolean): FakeTable_ {
    const r = rectOf(address);
    let id: string | null = null;
    this.ctx.queue(() => {
      const s = this.sheet.target();
      this.ctx.fx.assertWritable(s, "tables.add");
      if (!hasHeaders) throw new Error("the template's tables have headers");
      const name = `Table${this.ctx.fx.tables.size + 1}`;
      const t: FakeTable = { id: this.ctx.fx.newId("table"), name, sheetId: s.id, topLeft: { row: r.r1, col: r.c1 }, cols: r.c2 - r.c1 + 1, rows: r.r2 - r.r1, showHeaders: true, style: "TableStyleMedium2" };
      this.ctx.fx.tables.set(name.toLowerCase(), t);
      id = t.id;
    });
    return new FakeTable_(this.ctx, () => [...this.ctx.fx.tables.values()].find((t) => t.id === id) ?? null);
  }
}

// ── names ──

class FakeNamedItemCollection {
  constructor(private readonly ctx: FakeContext) {}

  private find(name: string): FakeName | null {
    return this.ctx.fx.names.get(name.toLowerCase()) ?? null;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.find(name), true);
  }

  add(name: string, reference: FakeRange | string, _comment?: string): FakeNamedItem {
    this.ctx.queue(() => {
      if (this.find(name)) throw new FakeExcelError("InvalidArgument", `name ${name} already exists`);
      if (typeof reference === "string") throw new Error("the fake takes a Range as the reference");
      const { sheet, rect } = reference.target();
      this.ctx.fx.names.set(name.toLowerCase(), { name, kind: "range", sheetId: sheet.id, address: rectAddress(rect) });
    }, 64 + name.length);
    return this.getItem(name);
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected readonly kind = "NamedItem";
  protected readonly scalars = ["name", "type", "value", "formula", "visible"] as const;

  protected data(t: FakeName): Record<string, unknown> {
    const fx = this.ctx.fx;
    if (t.kind === "range") {
      const sheet = fx.sheetById(t.sheetId)!;
      const abs = rectAddress(rectOf(t.address)).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      const ref = `${quoteSheet(sheet.name)}!${abs}`;
      return { name: t.name, type: "Range", value: ref, formula: `=${ref}`, visible: true };
    }
    if (t.kind === "error") return { name: t.name, type: "Error", value: "#REF!", formula: t.formula, visible: true };
    const type = typeof t.value === "string" ? "String" : typeof t.value === "number" ? "Double" : "Boolean";
    return { name: t.name, type, value: t.value, formula: `=${JSON.stringify(t.value)}`, visible: true };
  }

  get name(): string {
    return this.read("name");
  }

  get type(): string {
    return this.read("type");
  }

  get value(): unknown {
    return this.read("value");
  }

  get formula(): string {
    return this.read("formula");
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const n = this.target();
        if (n.kind !== "range") throw new FakeExcelError("InvalidArgument", `name ${n.name} is not a range`);
        const sheet = this.ctx.fx.sheetById(n.sheetId);
        if (!sheet) throw new FakeExcelError("InvalidReference", `name ${n.name}: sheet gone`);
        return { sheet, rect: rectOf(n.address) };
      },
      false,
    );
  }

  delete(): void {
    this.ctx.queue(() => {
      const n = this.target();
      this.ctx.fx.names.delete(n.name.toLowerCase());
    });
  }
}

// ── tables ──

class FakeTableCollection extends FakeObject<FakeExcel> {
  protected readonly kind = "TableCollection";
  protected readonly scalars = ["count"] as const;
  private loadedItems?: FakeTable_[];

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fx);
  }

  protected data(fx: FakeExcel): Record<string, unknown> {
    return { count: fx.tables.size };
  }

  protected override checkPaths(paths: readonly string[]): void {
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (head === "count" && rest.length === 0) continue;
      if (head !== "items" || rest.length === 0) throw new Error(`TableCollection.load("${p}"): load items/<property>`);
      FakeTable_.probe(this.ctx).checkPathsPublic([rest.join("/")]);
    }
  }

  override capture(paths: readonly string[]): void {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    const own = paths.filter((p) => !p.startsWith("items/"));
    if (own.length > 0) super.capture(own);
    if (itemPaths.length === 0) return;
    this.loadedItems = [...this.ctx.fx.tables.values()].map((t) => new FakeTable_(this.ctx, () => [...this.ctx.fx.tables.values()].find((x) => x.id === t.id) ?? null));
    for (const item of this.loadedItems) item.capture(itemPaths);
  }

  get items(): FakeTable_[] {
    if (!this.loadedItems) throw new Error('TableCollection.items read before load("items/…") + context.sync()');
    return this.loadedItems;
  }

  getItem(name: string): FakeTable_ {
    return new FakeTable_(this.ctx, () => this.ctx.fx.tables.get(name.toLowerCase()) ?? null);
  }

  getItemOrNullObject(name: string): FakeTable_ {
    return new FakeTable_(this.ctx, () => this.ctx.fx.tables.get(name.toLowerCase()) ?? null, true);
  }
}

class FakeCount extends FakeObject<number> {
  protected readonly scalars = ["count"] as const;

  constructor(
    ctx: FakeContext,
    protected readonly kind: string,
    parent: FakeObject<unknown>,
    count: () => number,
  ) {
    super(ctx, count, false, parent);
  }

  protected data(n: number): Record<string, unknown> {
    return { count: n };
  }

  get count(): number {
    return this.read("count");
  }
}

/** Table.rows: the count, and `add` (Excel: no table grows on a protected sheet). */
class FakeTableRows extends FakeCount {
  constructor(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    private readonly table: () => FakeTable,
    private readonly sheetOf: (t: FakeTable) => FakeSheet,
  ) {
    super(ctx, "TableRowCollection", parent, () => table().rows);
  }

  add(index?: number | null, values?: unknown[][]): void {
    this.ctx.queue(() => {
      const t = this.table();
      const sheet = this.sheetOf(t);
      this.ctx.fx.assertWritable(sheet, "rows.add");
      if (index !== undefined && index !== null && index !== t.rows) throw new Error("the adapter appends rows at the end");
      const n = values?.length ?? 1;
      if (values && values.some((row) => row.length !== t.cols)) throw new FakeExcelError("InvalidArgument", `rows.add: rows of ${t.cols} values expected`);
      const first = t.topLeft.row + t.rows + 1;
      // Like Excel: the new rows take the format (number format, locking) of the last body row.
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < t.cols; j++) {
          const above = sheet.cells.get(key(first - 1, t.topLeft.col + j));
          const cell: FakeCell = {};
          if (t.rows > 0 && above?.numberFormat !== undefined) cell.numberFormat = above.numberFormat;
          if (t.rows > 0 && above?.locked !== undefined) cell.locked = above.locked;
          sheet.cells.set(key(first + i, t.topLeft.col + j), cell);
          if (values) this.ctx.fx.assign(sheet, first + i, t.topLeft.col + j, values[i]![j] === "" ? null : values[i]![j]);
        }
      }
      t.rows += n;
    });
  }
}

/** Excel.Table (named with a trailing underscore to keep it apart from the FakeTable state type). */
class FakeTable_ extends FakeObject<FakeTable> {
  protected readonly kind = "Table";
  protected readonly scalars = ["id", "name", "showHeaders", "showTotals", "style"] as const;
  readonly rows: FakeTableRows;
  readonly columns: FakeCount;
  readonly worksheet: FakeWorksheet;

  constructor(ctx: FakeContext, resolver: Resolver<FakeTable>, nullable = false) {
    super(ctx, resolver, nullable);
    this.rows = new FakeTableRows(ctx, this as FakeObject<unknown>, () => this.target(), (t) => ctx.fx.sheetById(t.sheetId)!);
    this.columns = new FakeCount(ctx, "TableColumnCollection", this as FakeObject<unknown>, () => this.target().cols);
    this.worksheet = new FakeWorksheet(ctx, () => ctx.fx.sheetById(this.target().sheetId) ?? null);
  }

  /** A detached instance to validate load paths against. */
  static probe(ctx: FakeContext): FakeTable_ {
    return new FakeTable_(ctx, () => null);
  }

  checkPathsPublic(paths: readonly string[]): void {
    this.checkPaths(paths);
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "rows") return this.rows;
    if (name === "columns") return this.columns;
    if (name === "worksheet") return this.worksheet as FakeObject<unknown>;
    return undefined;
  }

  protected data(t: FakeTable): Record<string, unknown> {
    return { id: t.id, name: t.name, showHeaders: t.showHeaders, showTotals: false, style: t.style };
  }

  get name(): string {
    return this.read("name");
  }

  set name(v: string) {
    this.ctx.queue(() => {
      const t = this.target();
      if (this.ctx.fx.tables.has(v.toLowerCase())) throw new FakeExcelError("InvalidArgument", `table ${v} exists`);
      this.ctx.fx.tables.delete(t.name.toLowerCase());
      t.name = v;
      this.ctx.fx.tables.set(v.toLowerCase(), t);
    });
  }

  get showHeaders(): boolean {
    return this.read("showHeaders");
  }

  get style(): string {
    return this.read("style");
  }

  set style(v: string) {
    this.ctx.queue(() => (this.target().style = v));
  }

  private sheet(t: FakeTable): FakeSheet {
    return this.ctx.fx.sheetById(t.sheetId)!;
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      if (!t.showHeaders) throw new FakeExcelError("InvalidOperation", "the table has no header row");
      return { sheet: this.sheet(t), rect: { r1: t.topLeft.row, c1: t.topLeft.col, r2: t.topLeft.row, c2: t.topLeft.col + t.cols - 1 } };
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      if (t.rows === 0) throw new FakeExcelError("ItemNotFound", "the fake's tables need one body row for getDataBodyRange");
      return { sheet: this.sheet(t), rect: { r1: t.topLeft.row + 1, c1: t.topLeft.col, r2: t.topLeft.row + t.rows, c2: t.topLeft.col + t.cols - 1 } };
    });
  }
}

// ── ranges ──

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

class FakeRangeAreas extends FakeObject<{ sheet: FakeSheet; areas: Rect[] }> {
  protected readonly kind = "RangeAreas";
  protected readonly scalars = ["address"] as const;

  protected data(t: { sheet: FakeSheet; areas: Rect[] }): Record<string, unknown> {
    return { address: t.areas.map((r) => this.ctx.fx.qualified(t.sheet, r)).join(",") };
  }

  get address(): string {
    return this.read("address");
  }
}

class FakeRange extends FakeObject<RangeTarget> {
  protected readonly kind = "Range";
  protected readonly scalars = ["address", "values", "valueTypes", "rowCount", "columnCount", "numberFormat", "text", "formulas"] as const;

  protected data(t: RangeTarget, props: ReadonlySet<string>): Record<string, unknown> {
    const { sheet, rect } = t;
    const out: Record<string, unknown> = {
      address: this.ctx.fx.qualified(sheet, rect),
      rowCount: rect.r2 - rect.r1 + 1,
      columnCount: rect.c2 - rect.c1 + 1,
    };
    if (props.has("values") || props.has("valueTypes")) Object.assign(out, this.ctx.fx.readRect(sheet, rect));
    if (props.has("text") || props.has("formulas") || props.has("numberFormat")) throw new Error("the adapter reads values + valueTypes, never text/formulas/numberFormat");
    return out;
  }

  get address(): string {
    return this.read("address");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(v: unknown[][]) {
    this.queueWrite("values", v, (sheet, row, col, x) => this.ctx.fx.assign(sheet, row, col, x));
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  /** The merged areas inside this range (a null object when there are none), ExcelApi 1.13. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const inside = (sheet.merges ?? []).map(rectOf).filter((m) => m.r1 <= rect.r2 && rect.r1 <= m.r2 && m.c1 <= rect.c2 && rect.c1 <= m.c2);
      return inside.length ? { sheet, areas: inside } : null;
    }, true, this);
  }

  set numberFormat(v: unknown[][]) {
    this.queueWrite("numberFormat", v, (sheet, row, col, x) => {
      if (x === null) return;
      if (typeof x !== "string") throw new FakeExcelError("InvalidArgument", "numberFormat entries are strings");
      const k = key(row, col);
      const cell = { ...sheet.cells.get(k) };
      if (x === "" || x === "General") delete cell.numberFormat;
      else cell.numberFormat = x;
      sheet.cells.set(k, cell);
    });
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this.ctx.queue(() => {
      const { sheet, rect } = this.target();
      this.ctx.fx.assertWritable(sheet, "hyperlink");
      if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new Error("the adapter sets one hyperlink per cell");
      const k = key(rect.r1, rect.c1);
      const cell: FakeCell = { ...sheet.cells.get(k), hyperlink: { ...link } };
      if (link.textToDisplay !== undefined) {
        cell.value = link.textToDisplay;
        delete cell.formula;
      }
      sheet.cells.set(k, cell);
    }, 64 + bytes(link));
  }

  private queueWrite(what: string, v: unknown[][], put: (sheet: FakeSheet, row: number, col: number, x: unknown) => void): void {
    if (!Array.isArray(v) || !v.every((row) => Array.isArray(row))) throw new FakeExcelError("InvalidArgument", `${what} must be a 2-D array`);
    this.ctx.queue(() => {
      const { sheet, rect } = this.target();
      const rows = rect.r2 - rect.r1 + 1;
      const cols = rect.c2 - rect.c1 + 1;
      if (v.length !== rows || v.some((row) => row.length !== cols)) {
        throw new FakeExcelError("InvalidArgument", `${what}: ${v.length}×${v[0]?.length ?? 0} array for ${rows}×${cols} range ${rectAddress(rect)}`);
      }
      this.ctx.fx.assertWritable(sheet, what, rect);
      v.forEach((row, i) => row.forEach((x, j) => put(sheet, rect.r1 + i, rect.c1 + j, x)));
    }, bytes(v) + 64);
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All"): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.target();
      this.ctx.fx.assertWritable(sheet, `clear(${applyTo})`, applyTo === "Contents" ? rect : undefined);
      for (const [k, cell] of sheet.cells) {
        const [row, col] = k.split(",").map(Number) as [number, number];
        if (row < rect.r1 || row > rect.r2 || col < rect.c1 || col > rect.c2) continue;
        const c = { ...cell };
        if (applyTo === "Contents" || applyTo === "All") {
          delete c.value;
          delete c.formula;
          delete c.coercedFrom;
          delete c.quotePrefix;
        }
        if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks" || applyTo === "All") delete c.hyperlink;
        if (applyTo === "Formats" || applyTo === "All") delete c.numberFormat;
        if (applyTo !== "Contents" && applyTo !== "Hyperlinks" && applyTo !== "All") throw new Error(`clear(${applyTo}) not modelled`);
        sheet.cells.set(k, c);
      }
    });
  }

  select(): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.target();
      if (this.ctx.fx.activeSheetId !== sheet.id) throw new FakeExcelError("InvalidOperation", "select() on a sheet that is not active");
      this.ctx.fx.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  private derived(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      const rect = f(t.rect);
      if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 < rect.r1 || rect.c2 < rect.c1 || rect.r2 > 1_048_576 || rect.c2 > 16_384) {
        throw new FakeExcelError("InvalidArgument", `range out of bounds: ${JSON.stringify(rect)}`);
      }
      return { sheet: t.sheet, rect };
    });
  }

  getRow(i: number): FakeRange {
    return this.derived((r) => {
      if (r.r1 + i > r.r2) throw new FakeExcelError("InvalidArgument", `getRow(${i}) outside the range`);
      return { r1: r.r1 + i, c1: r.c1, r2: r.r1 + i, c2: r.c2 };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derived((r) => ({ r1: r.r1 + row, c1: r.c1 + col, r2: r.r1 + row, c2: r.c1 + col }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => ({ r1: r.r1, c1: r.c1, r2: r.r2 + deltaRows, c2: r.c2 + deltaColumns }));
  }

  getOffsetRange(rows: number, cols: number): FakeRange {
    return this.derived((r) => ({ r1: r.r1 + rows, c1: r.c1 + cols, r2: r.r2 + rows, c2: r.c2 + cols }));
  }
}

// ── functions ──

class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => ({ value: excelDate(year, month, day, this.ctx.fx.date1904), error: null }));
  }
}

class FakeFunctionResult extends FakeObject<{ value: number; error: string | null }> {
  protected readonly kind = "FunctionResult";
  protected readonly scalars = ["value", "error"] as const;

  protected data(t: { value: number; error: string | null }): Record<string, unknown> {
    return { value: t.value, error: t.error ?? undefined };
  }

  get value(): number {
    return this.read("value");
  }

  get error(): string | undefined {
    return this.read("error");
  }
}

/** A1 helper for tests: the column letters of a 1-based column. */
export const col = columnLetters;
