/**
 * A fake `Office` + `Excel` for the built task pane in a real browser, injected with `page.addInitScript` before the
 * page's scripts run (the page's office.js request is answered with an empty script so it cannot replace them).
 *
 * Self-contained on purpose (no imports: swc strips the types and the test injects the text as is). It implements the
 * subset of the Excel object model that src/workbook/office/office-adapter.ts and the pane use, with Excel's batch
 * life cycle — commands are queued and run in order at `context.sync()`, a property read before its load + sync
 * throws, an `Excel.run` that ends with unsynced commands throws — and Excel's refusals: `getItem` of a missing item
 * (ItemNotFound), a write into a locked cell of a protected sheet (AccessDenied), `protect()` on a protected sheet.
 * (tests/workbook/office/fake-excel.ts is the stricter fake for the adapter's unit tests; it rests on
 * office-addin-mock, which needs Node, so it cannot run in the page.)
 *
 * `insertWorksheetsFromBase64` hands the base64 to the test (window.__raoceInsertXlsx, a Playwright binding) which
 * parses the .xlsx with ExcelJS and returns the sheets, cells, names and tables to add — the template the pane really
 * generated, not a copy.
 */

type Scalar = string | number | boolean;
type CellV = Scalar | { error: string };

interface Cell {
  v?: CellV;
  nf?: string;
  locked?: boolean;
  link?: { documentReference?: string; address?: string; textToDisplay?: string };
}

interface Sheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  protectionOptions?: Record<string, unknown>;
  cells: Map<string, Cell>;
}

interface Table {
  name: string;
  sheet: string;
  /** Header row's first cell (1-based). */
  row: number;
  col: number;
  cols: number;
  /** Body rows. */
  rows: number;
  style: string;
}

type Name = { name: string; sheet: string; address: string } | { name: string; error: string };

/** What the test's xlsx parser returns for one inserted workbook. */
export interface WorkbookDescription {
  sheets: { name: string; state: "visible" | "hidden" | "veryHidden"; protected: boolean; cells: { a: string; v: CellV | null; nf?: string; locked: boolean }[] }[];
  names: { name: string; sheet: string; address: string }[];
  tables: { name: string; sheet: string; ref: string }[];
}

declare global {
  interface Window {
    __raoceInsertXlsx?: (base64: string) => Promise<WorkbookDescription>;
    __fakeExcel: FakeBook;
  }
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ─── A1 helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRect(a1: string): Rect {
  const bare = a1.replace(/\$/g, "");
  const [a, b] = bare.split(":");
  const p = (x: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(x.trim());
    if (!m) throw new FakeError("InvalidArgument", `The argument is invalid or missing: ${a1}`);
    return { r: Number(m[2]), c: colNum(m[1]!) };
  };
  const s = p(a!);
  const e = b === undefined ? s : p(b);
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}

const cellA1 = (r: number, c: number) => `${colLetters(c)}${r}`;
const rectA1 = (x: Rect) => (x.r1 === x.r2 && x.c1 === x.c2 ? cellA1(x.r1, x.c1) : `${cellA1(x.r1, x.c1)}:${cellA1(x.r2, x.c2)}`);
const quote = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
const absA1 = (x: Rect) => rectA1(x).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** "Empresa!$B$6", "'Captura VUCEM'!A6" → sheet + A1. */
function splitRef(ref: string): { sheet: string; address: string } {
  const s = ref.replace(/^=/, "");
  const at = s.lastIndexOf("!");
  let sheet = s.slice(0, at);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(at + 1).replace(/\$/g, "") };
}

// ─── the workbook ───────────────────────────────────────────────────────────────────────────────────────────────────

export class FakeBook {
  sheets: Sheet[] = [];
  names = new Map<string, Name>();
  tables = new Map<string, Table>();
  date1904 = false;
  active: string | null = null;
  selection: string | null = null;
  runs = 0;
  syncs = 0;
  /** Make the next sync fail with this Excel error code (e.g. "InvalidOperationInEditMode"). */
  failNextSync: string | null = null;

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetOrThrow(name: string): Sheet {
    const s = this.sheet(name);
    if (!s) throw new FakeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): Cell | undefined {
    const r = parseRect(a1);
    return this.sheetOrThrow(sheet).cells.get(`${r.r1},${r.c1}`);
  }

  /** The value of a cell (null when empty). */
  get(sheet: string, a1: string): CellV | null {
    return this.cell(sheet, a1)?.v ?? null;
  }

  /** What the user types: values only, no protection check (inputs are unlocked cells anyway). */
  set(sheet: string, a1: string, v: CellV | null): void {
    const s = this.sheetOrThrow(sheet);
    const r = parseRect(a1);
    const k = `${r.r1},${r.c1}`;
    const c = s.cells.get(k) ?? {};
    if (v === null || v === "") delete c.v;
    else c.v = v;
    s.cells.set(k, c);
  }

  /** The cell a workbook-level name points at now. */
  nameCell(name: string): { sheet: string; address: string } {
    const n = this.names.get(name.toLowerCase());
    if (!n || !("sheet" in n)) throw new Error(`no range name ${name}`);
    return { sheet: n.sheet, address: n.address.split(":")[0]! };
  }

  read(sheet: Sheet, x: Rect): { values: unknown[][]; valueTypes: string[][] } {
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (let r = x.r1; r <= x.r2; r++) {
      const vr: unknown[] = [];
      const tr: string[] = [];
      for (let c = x.c1; c <= x.c2; c++) {
        const v = sheet.cells.get(`${r},${c}`)?.v;
        vr.push(v === undefined ? "" : typeof v === "object" ? v.error : v);
        tr.push(v === undefined ? "Empty" : typeof v === "object" ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
      }
      values.push(vr);
      valueTypes.push(tr);
    }
    return { values, valueTypes };
  }

  writable(sheet: Sheet, x: Rect): void {
    if (!sheet.protected) return;
    for (let r = x.r1; r <= x.r2; r++)
      for (let c = x.c1; c <= x.c2; c++)
        if (sheet.cells.get(`${r},${c}`)?.locked !== false)
          throw new FakeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}!${cellA1(r, c)}).`);
  }

  edit(sheet: Sheet, x: Rect, f: (cell: Cell, i: number, j: number) => void): void {
    this.writable(sheet, x);
    for (let r = x.r1; r <= x.r2; r++)
      for (let c = x.c1; c <= x.c2; c++) {
        const k = `${r},${c}`;
        const cell = sheet.cells.get(k) ?? {};
        f(cell, r - x.r1, c - x.c1);
        sheet.cells.set(k, cell);
      }
  }

  /** Adds an inserted workbook (what the test's xlsx parser returned). */
  addWorkbook(d: WorkbookDescription): string[] {
    const ids: string[] = [];
    for (const s of d.sheets) {
      if (this.sheet(s.name)) throw new FakeError("InvalidOperation", `A sheet named ${s.name} already exists.`);
      const sheet: Sheet = { name: s.name, visibility: s.state === "hidden" ? "Hidden" : s.state === "veryHidden" ? "VeryHidden" : "Visible", protected: s.protected, cells: new Map() };
      for (const c of s.cells) {
        const x = parseRect(c.a);
        const cell: Cell = { locked: c.locked };
        if (c.v !== null) cell.v = c.v;
        if (c.nf) cell.nf = c.nf;
        sheet.cells.set(`${x.r1},${x.c1}`, cell);
      }
      this.sheets.push(sheet);
      ids.push(`{${s.name}}`);
    }
    for (const n of d.names) this.names.set(n.name.toLowerCase(), { name: n.name, sheet: n.sheet, address: n.address });
    for (const t of d.tables) {
      const x = parseRect(t.ref);
      this.tables.set(t.name.toLowerCase(), { name: t.name, sheet: t.sheet, row: x.r1, col: x.c1, cols: x.c2 - x.c1 + 1, rows: x.r2 - x.r1, style: "TableStyleLight9" });
    }
    return ids;
  }
}

// ─── the object model ───────────────────────────────────────────────────────────────────────────────────────────────

class Ctx {
  queue: (() => void | Promise<void>)[] = [];
  readonly workbook: WorkbookObj;
  constructor(readonly book: FakeBook) {
    this.workbook = new WorkbookObj(this);
  }
  push(f: () => void | Promise<void>): void {
    this.queue.push(f);
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const q = this.queue;
    this.queue = [];
    if (this.book.failNextSync) {
      const code = this.book.failNextSync;
      this.book.failNextSync = null;
      throw new FakeError(code, `Fake Excel: ${code}`);
    }
    for (const f of q) await f();
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Base of proxies: `load` queues a snapshot of the loadable properties; reading one before it is synced throws. */
class Obj {
  protected data: Record<string, unknown> | null = null;
  protected nullable = false;
  private isNull: boolean | null = null;
  constructor(protected readonly ctx: Ctx) {}
  /** The target's current state, or null when it does not exist. */
  protected resolve(): unknown {
    return null;
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
  protected checkNull(): void {
    if (this.nullable) {
      this.ctx.push(() => {
        this.isNull = this.resolve() === null;
      });
    } else {
      this.ctx.push(() => {
        if (this.resolve() === null) throw new FakeError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
      });
    }
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new FakeError("PropertyNotLoaded", "isNullObject read before context.sync()");
    return this.isNull;
  }
  load(_props?: unknown): this {
    this.ctx.push(() => {
      const t = this.resolve();
      if (t === null) {
        if (this.nullable) return;
        throw new FakeError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
      }
      this.data = this.snapshot();
    });
    return this;
  }
  protected prop<T>(key: string): T {
    if (this.isNull === true) throw new FakeError("InvalidOperation", "read from a null object");
    if (!this.data || !(key in this.data)) throw new FakeError("PropertyNotLoaded", `The property '${key}' is not available. Load it and call context.sync() first.`);
    return this.data[key] as T;
  }
}

class WorkbookObj {
  readonly worksheets: WorksheetCollection;
  readonly names: NameCollection;
  readonly tables: TableCollection;
  readonly functions: { date(y: number, m: number, d: number): FunctionResult };
  constructor(private readonly ctx: Ctx) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NameCollection(ctx);
    this.tables = new TableCollection(ctx);
    this.functions = { date: (y, m, d) => new FunctionResult(ctx, y, m, d) };
  }
  insertWorksheetsFromBase64(base64: string, _options?: unknown): { value: string[] } {
    const result: { v: string[] | null } = { v: null };
    this.ctx.push(async () => {
      if (!window.__raoceInsertXlsx) throw new FakeError("GeneralException", "no xlsx parser bound by the test");
      const d = await window.__raoceInsertXlsx(base64);
      result.v = this.ctx.book.addWorkbook(d);
    });
    return {
      get value() {
        if (result.v === null) throw new FakeError("PropertyNotLoaded", "ClientResult.value read before context.sync()");
        return result.v;
      },
    };
  }
  getSelectedRange(): RangeObj {
    return new RangeObj(this.ctx, () => {
      const b = this.ctx.book;
      const sel = b.selection ? splitRef(b.selection) : null;
      return sel ? { sheet: b.sheetOrThrow(sel.sheet), rect: parseRect(sel.address) } : null;
    });
  }
}

class FunctionResult extends Obj {
  constructor(
    ctx: Ctx,
    private readonly y: number,
    private readonly m: number,
    private readonly d: number,
  ) {
    super(ctx);
  }
  protected override resolve() {
    return {};
  }
  protected override snapshot() {
    const day = Date.UTC(this.y, this.m - 1, this.d) / 86_400_000;
    const epoch = this.ctx.book.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return { value: day - epoch / 86_400_000, error: null };
  }
  get value(): number {
    return this.prop("value");
  }
  get error(): string | null {
    return this.prop("error");
  }
}

class WorksheetCollection extends Obj {
  private loadedItems: WorksheetObj[] | null = null;
  protected override resolve() {
    return this.ctx.book.sheets;
  }
  override load(props?: unknown): this {
    this.ctx.push(() => {
      this.loadedItems = this.ctx.book.sheets.map((s) => new WorksheetObj(this.ctx, s.name, false, true));
    });
    void props;
    return this;
  }
  get items(): WorksheetObj[] {
    if (!this.loadedItems) throw new FakeError("PropertyNotLoaded", "worksheets.items read before load + sync");
    return this.loadedItems;
  }
  getItem(name: string): WorksheetObj {
    return new WorksheetObj(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): WorksheetObj {
    return new WorksheetObj(this.ctx, name, true);
  }
  getActiveWorksheet(): WorksheetObj {
    return new WorksheetObj(this.ctx, this.ctx.book.active ?? this.ctx.book.sheets[0]?.name ?? "", false);
  }
}

class WorksheetObj extends Obj {
  readonly protection: ProtectionObj;
  readonly tables: SheetTables;
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    nullable: boolean,
    preloaded = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.protection = new ProtectionObj(ctx, () => this.target());
    this.tables = new SheetTables(ctx, () => this.target());
    if (preloaded) this.data = this.snapshot();
    else this.checkNull();
  }
  target(): Sheet {
    return this.ctx.book.sheetOrThrow(this.sheetName);
  }
  protected override resolve() {
    return this.ctx.book.sheet(this.sheetName) ?? null;
  }
  protected override snapshot() {
    const s = this.target();
    return { name: s.name, visibility: s.visibility };
  }
  get name(): string {
    return this.prop("name");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: string) {
    this.ctx.push(() => {
      this.target().visibility = v as Sheet["visibility"];
    });
  }
  activate(): void {
    this.ctx.push(() => {
      const s = this.target();
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", "Cannot activate a hidden sheet");
      this.ctx.book.active = s.name;
    });
  }
  /** No address: the whole sheet. */
  getRange(address?: string): RangeObj {
    return new RangeObj(this.ctx, () => ({ sheet: this.target(), rect: address === undefined ? parseRect("A1:XFD1048576") : parseRect(address) }));
  }
}

/** Merged areas: this fake models none, so `getMergedAreasOrNullObject` is always a null object. */
class MergedAreasObj extends Obj {
  constructor(ctx: Ctx) {
    super(ctx);
    this.nullable = true;
    this.checkNull();
  }
  protected override resolve() {
    return null;
  }
  get address(): string {
    return this.prop("address");
  }
}

class ProtectionObj extends Obj {
  constructor(
    ctx: Ctx,
    private readonly sheet: () => Sheet,
  ) {
    super(ctx);
  }
  protected override resolve() {
    return this.sheet();
  }
  protected override snapshot() {
    const s = this.sheet();
    return { protected: s.protected, options: { ...(s.protectionOptions ?? {}) } };
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  get options(): Record<string, unknown> {
    return this.prop("options");
  }
  protect(options?: Record<string, unknown>): void {
    this.ctx.push(() => {
      const s = this.sheet();
      if (s.protected) throw new FakeError("InvalidOperation", `Sheet ${s.name} is already protected.`);
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
    });
  }
  unprotect(): void {
    this.ctx.push(() => {
      this.sheet().protected = false;
    });
  }
}

class SheetTables {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: () => Sheet,
  ) {}
  add(address: string, _hasHeaders: boolean): TableObj {
    const ref = { name: `Table${this.ctx.book.tables.size + 1}` };
    this.ctx.push(() => {
      const x = parseRect(address);
      const s = this.sheet();
      this.ctx.book.tables.set(ref.name.toLowerCase(), { name: ref.name, sheet: s.name, row: x.r1, col: x.c1, cols: x.c2 - x.c1 + 1, rows: x.r2 - x.r1, style: "TableStyleMedium2" });
    });
    return new TableObj(this.ctx, ref, false, false, true);
  }
}

class NameCollection {
  constructor(private readonly ctx: Ctx) {}
  getItem(name: string): NamedItemObj {
    return new NamedItemObj(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): NamedItemObj {
    return new NamedItemObj(this.ctx, name, true);
  }
  add(name: string, reference: RangeObj | string): NamedItemObj {
    this.ctx.push(() => {
      const target = typeof reference === "string" ? splitRef(reference) : reference.where();
      this.ctx.book.names.set(name.toLowerCase(), { name, sheet: target.sheet, address: target.address });
    });
    return new NamedItemObj(this.ctx, name, false, true);
  }
}

class NamedItemObj extends Obj {
  constructor(
    ctx: Ctx,
    private readonly itemName: string,
    nullable: boolean,
    deferred = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    if (!deferred) this.checkNull();
  }
  private target(): Name {
    const n = this.ctx.book.names.get(this.itemName.toLowerCase());
    if (!n) throw new FakeError("ItemNotFound", `name ${this.itemName}`);
    return n;
  }
  protected override resolve() {
    return this.ctx.book.names.get(this.itemName.toLowerCase()) ?? null;
  }
  protected override snapshot() {
    const n = this.target();
    if ("error" in n) return { type: "Error", value: n.error, name: n.name };
    const broken = !this.ctx.book.sheet(n.sheet);
    return broken ? { type: "Error", value: "#REF!", name: n.name } : { type: "Range", value: `=${quote(n.sheet)}!${absA1(parseRect(n.address))}`, name: n.name };
  }
  get type(): string {
    return this.prop("type");
  }
  get value(): string {
    return this.prop("value");
  }
  get name(): string {
    return this.prop("name");
  }
  getRange(): RangeObj {
    return new RangeObj(this.ctx, () => {
      const n = this.target();
      if ("error" in n) throw new FakeError("InvalidReference", `name ${n.name} does not refer to a range`);
      return { sheet: this.ctx.book.sheetOrThrow(n.sheet), rect: parseRect(n.address) };
    });
  }
  delete(): void {
    this.ctx.push(() => {
      this.ctx.book.names.delete(this.itemName.toLowerCase());
    });
  }
}

class TableCollection {
  private loadedItems: TableObj[] | null = null;
  constructor(private readonly ctx: Ctx) {}
  load(_props?: unknown): this {
    this.ctx.push(() => {
      this.loadedItems = [...this.ctx.book.tables.values()].map((t) => new TableObj(this.ctx, { name: t.name }, false, true));
    });
    return this;
  }
  get items(): TableObj[] {
    if (!this.loadedItems) throw new FakeError("PropertyNotLoaded", "tables.items read before load + sync");
    return this.loadedItems;
  }
  getItem(name: string): TableObj {
    return new TableObj(this.ctx, { name }, false);
  }
  getItemOrNullObject(name: string): TableObj {
    return new TableObj(this.ctx, { name }, true);
  }
}

class TableObj extends Obj {
  readonly rows: { count: number; add(index: number | undefined | null, values: unknown[][]): void };
  readonly columns: { count: number };
  readonly worksheet: { name: string };
  constructor(
    ctx: Ctx,
    private readonly ref: { name: string },
    nullable: boolean,
    preloaded = false,
    deferred = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    const prop = <T,>(key: string) => this.prop<T>(key);
    const push = (f: () => void) => this.ctx.push(f);
    const target = () => this.target();
    const book = () => this.ctx.book;
    this.rows = {
      get count() {
        return prop<number>("rowCount");
      },
      add(index, values) {
        push(() => {
          const t = target();
          if (index !== undefined && index !== null) throw new FakeError("NotImplemented", "fake: rows.add only appends");
          const s = book().sheetOrThrow(t.sheet);
          const top = t.row + t.rows + 1;
          const x = { r1: top, c1: t.col, r2: top + values.length - 1, c2: t.col + t.cols - 1 };
          book().edit(s, x, (cell, i, j) => {
            const v = values[i]?.[j];
            if (v === "" || v === null || v === undefined) delete cell.v;
            else cell.v = v as CellV;
            cell.locked = false;
          });
          t.rows += values.length;
        });
      },
    };
    this.columns = {
      get count() {
        return prop<number>("colCount");
      },
    };
    this.worksheet = {
      get name() {
        return prop<string>("sheet");
      },
    };
    if (preloaded) this.data = this.snapshot();
    else if (!deferred) this.checkNull();
  }
  target(): Table {
    const t = this.ctx.book.tables.get(this.ref.name.toLowerCase());
    if (!t) throw new FakeError("ItemNotFound", `table ${this.ref.name}`);
    return t;
  }
  protected override resolve() {
    return this.ctx.book.tables.get(this.ref.name.toLowerCase()) ?? null;
  }
  protected override snapshot() {
    const t = this.target();
    return { name: t.name, showHeaders: true, rowCount: t.rows, colCount: t.cols, sheet: t.sheet, style: t.style };
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.ctx.push(() => {
      const t = this.target();
      this.ctx.book.tables.delete(t.name.toLowerCase());
      t.name = v;
      this.ref.name = v;
      this.ctx.book.tables.set(v.toLowerCase(), t);
    });
  }
  get showHeaders(): boolean {
    return this.prop("showHeaders");
  }
  set style(v: string) {
    this.ctx.push(() => {
      this.target().style = v;
    });
  }
  getHeaderRowRange(): RangeObj {
    return new RangeObj(this.ctx, () => {
      const t = this.target();
      return { sheet: this.ctx.book.sheetOrThrow(t.sheet), rect: { r1: t.row, c1: t.col, r2: t.row, c2: t.col + t.cols - 1 } };
    });
  }
  getDataBodyRange(): RangeObj {
    return new RangeObj(this.ctx, () => {
      const t = this.target();
      return { sheet: this.ctx.book.sheetOrThrow(t.sheet), rect: { r1: t.row + 1, c1: t.col, r2: t.row + Math.max(1, t.rows), c2: t.col + t.cols - 1 } };
    });
  }
}

class RangeObj extends Obj {
  constructor(
    ctx: Ctx,
    private readonly locate: () => { sheet: Sheet; rect: Rect } | null,
  ) {
    super(ctx);
  }
  getMergedAreasOrNullObject(): MergedAreasObj {
    return new MergedAreasObj(this.ctx);
  }
  where(): { sheet: string; address: string } {
    const l = this.locate();
    if (!l) throw new FakeError("ItemNotFound", "range");
    return { sheet: l.sheet.name, address: rectA1(l.rect) };
  }
  protected override resolve() {
    return this.locate();
  }
  protected override snapshot() {
    const l = this.locate()!;
    const { values, valueTypes } = this.ctx.book.read(l.sheet, l.rect);
    return { address: `${quote(l.sheet.name)}!${rectA1(l.rect)}`, values, valueTypes, rowCount: l.rect.r2 - l.rect.r1 + 1, columnCount: l.rect.c2 - l.rect.c1 + 1 };
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  private shape(what: string, v: unknown[][], x: Rect): void {
    if (!Array.isArray(v) || v.length !== x.r2 - x.r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== x.c2 - x.c1 + 1)) {
      throw new FakeError("InvalidArgument", `${what}: the array does not match the size of the range ${rectA1(x)}`);
    }
  }
  set values(v: unknown[][]) {
    this.ctx.push(() => {
      const l = this.locate()!;
      this.shape("values", v, l.rect);
      this.ctx.book.edit(l.sheet, l.rect, (cell, i, j) => {
        const x = v[i]![j];
        if (x === null) return; // null leaves the cell alone
        if (x === "") delete cell.v;
        else if (typeof x === "string" && x.startsWith("'")) cell.v = x.slice(1);
        else if (typeof x === "string" && /^[=+@]/.test(x)) throw new FakeError("InvalidArgument", `fake: a formula was written as a value (${x})`);
        else cell.v = x as CellV;
      });
    });
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.push(() => {
      const l = this.locate()!;
      this.shape("numberFormat", v, l.rect);
      this.ctx.book.edit(l.sheet, l.rect, (cell, i, j) => {
        const f = v[i]![j];
        if (typeof f === "string") cell.nf = f;
      });
    });
  }
  set hyperlink(h: Cell["link"]) {
    this.ctx.push(() => {
      const l = this.locate()!;
      this.ctx.book.edit(l.sheet, l.rect, (cell) => {
        cell.link = h;
        if (h?.textToDisplay !== undefined) cell.v = h.textToDisplay;
      });
    });
  }
  clear(applyTo = "All"): void {
    this.ctx.push(() => {
      const l = this.locate()!;
      const sheet = l.sheet;
      this.ctx.book.writable(sheet, l.rect);
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (r < l.rect.r1 || r > l.rect.r2 || c < l.rect.c1 || c > l.rect.c2) continue;
        if (applyTo === "All" || applyTo === "Contents") delete cell.v;
        if (applyTo === "All" || applyTo === "Hyperlinks") delete cell.link;
      }
    });
  }
  select(): void {
    this.ctx.push(() => {
      const l = this.locate()!;
      if (this.ctx.book.active !== l.sheet.name) throw new FakeError("InvalidSelection", "select() on a sheet that is not active");
      this.ctx.book.selection = `${quote(l.sheet.name)}!${rectA1(l.rect)}`;
    });
  }
  getRow(i: number): RangeObj {
    return new RangeObj(this.ctx, () => {
      const l = this.locate()!;
      return { sheet: l.sheet, rect: { ...l.rect, r1: l.rect.r1 + i, r2: l.rect.r1 + i } };
    });
  }
  getResizedRange(dr: number, dc: number): RangeObj {
    return new RangeObj(this.ctx, () => {
      const l = this.locate()!;
      return { sheet: l.sheet, rect: { ...l.rect, r2: l.rect.r2 + dr, c2: l.rect.c2 + dc } };
    });
  }
}

// ─── globals ────────────────────────────────────────────────────────────────────────────────────────────────────────

function install(): void {
  const w = window as unknown as Record<string, unknown>;
  const book = new FakeBook();
  window.__fakeExcel = book;
  const params = new URLSearchParams(location.search);
  const displayLanguage = params.get("lang") ?? "es-MX";
  const dark = params.get("theme") === "dark";

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (ctx: Ctx) => Promise<T>;
    book.runs++;
    const ctx = new Ctx(book);
    const result = await batch(ctx);
    if (ctx.queue.length > 0) throw new Error(`fake Excel: Excel.run ended with ${ctx.queue.length} unsynced command(s)`);
    return result;
  }

  w.Excel = { run, RequestContext: Ctx, ErrorCodes: {} };
  w.CustomFunctions = {
    associate: () => undefined,
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  w.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: () => Promise.resolve() },
    context: {
      displayLanguage,
      officeTheme: dark ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" } : { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" },
      requirements: { isSetSupported: (set: string, version?: string) => set === "ExcelApi" && Number(version ?? "1") <= 1.17 },
    },
  };
}

install();
