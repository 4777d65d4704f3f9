/**
 * The no-clobber check, reusable: `fill` (or any writer) may change only what the layout says it writes — output named
 * cells, output columns of the tables (body rows), the generated lists (Problemas, Captura VUCEM: from the list anchor
 * down, the list's width) — and nothing else: every other cell keeps its value, formula, number format and whole
 * style, and the workbook keeps its names, tables, validations, protection, widths, merges and sheet states.
 *
 *   await assertNoClobber(beforeWorkbookOrPath, afterWorkbookOrPath);          // ExcelJS workbooks or .xlsx paths
 *   expectNoNewFormulas(before, after);                                        // no cell became a formula
 *   fakeClobbered(fakeBefore, fakeAfter, snapshot)                             // the same on the Office.js fake
 *
 * Where the outputs are comes from the layout (layout.ts) resolved against the BEFORE workbook's snapshot (names and
 * tables where the user moved them), not from the writer under test.
 */
import type { Workbook } from "exceljs";
import { snapshotOf } from "../../src/workbook/exceljs-adapter";
import { BLOCKS, NAMED_CELLS, TABLES, type BlockLayout, type NamedCell, type TableLayout } from "../../src/workbook/layout";
import { cellAddress, parseCell, parseRange, type WorkbookSnapshot } from "../../src/workbook/port";
import { describeTemplate } from "../../src/workbook/template-fingerprint";
import { openWorkbookFile } from "../../src/workbook/xlsx-file";
import type { FakeCell, FakeExcel } from "../workbook/office/fake-excel";

/** The parts of the layout that say what a writer may touch (layout.ts by default). */
export interface OutputLayout {
  namedCells: readonly NamedCell[];
  tables: readonly TableLayout[];
  blocks: readonly BlockLayout[];
}

export const LAYOUT: OutputLayout = { namedCells: NAMED_CELLS, tables: TABLES, blocks: BLOCKS };

const normalizeHeader = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/** Cells a writer may change: "Sheet!A1" of output names and output-column body cells; list blocks per sheet. */
export interface Writable {
  cells: Set<string>;
  /** Per sheet: the list block (anchor row and column, width); every row from the anchor down is the list's. */
  blocks: Map<string, { row: number; col: number; width: number }>;
}

export function writableCells(snap: WorkbookSnapshot, layout: OutputLayout = LAYOUT): Writable {
  const cells = new Set<string>();
  for (const n of layout.namedCells) {
    const s = snap.names[n.name];
    if (n.kind !== "output" || !s?.found) continue;
    const r = parseRange(s.address);
    if (r) cells.add(`${s.sheet}!${cellAddress(r.start)}`);
  }
  for (const t of layout.tables) {
    const s = snap.tables[t.name];
    if (!s?.found) continue;
    const tl = parseCell(s.bodyTopLeft);
    if (!tl) continue;
    const headers = s.headers.map((h) => normalizeHeader(String(h ?? "")));
    for (const c of t.columns) {
      if (c.kind !== "output") continue;
      const j = headers.indexOf(normalizeHeader(c.header));
      if (j < 0) continue;
      for (let i = 0; i < s.rows.length; i++) cells.add(`${s.sheet}!${cellAddress({ row: tl.row + i, col: tl.col + j })}`);
    }
  }
  const blocks = new Map<string, { row: number; col: number; width: number }>();
  for (const b of layout.blocks) {
    const s = snap.names[b.anchorName];
    const at = s?.found ? parseRange(s.address)?.start : null;
    if (s?.found && at) blocks.set(s.sheet, { ...at, width: b.headers.length });
  }
  return { cells, blocks };
}

export function isWritable(w: Writable, sheet: string, a1: string): boolean {
  if (w.cells.has(`${sheet}!${a1}`)) return true;
  const b = w.blocks.get(sheet);
  const ref = parseCell(a1);
  return !!b && !!ref && ref.row >= b.row && ref.col >= b.col && ref.col < b.col + b.width;
}

// ─── ExcelJS workbooks ──────────────────────────────────────────────────────────────────────────────────────────────

export type Described = { sheets: { name: string; cells: { a: string }[] }[]; styles: { s: string; a: string; style: unknown }[] } & Record<string, unknown>;

/**
 * Everything a user could see change: describeTemplate (every non-empty cell's value, formula, number format, lock and
 * fill; tables, validations, protection, widths, merges, names, sheet states) plus the whole style of every cell,
 * empty ones included.
 */
export function describeWorkbook(wb: Workbook): Described {
  const d = describeTemplate(wb) as Described;
  const styles: Described["styles"] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const style = JSON.parse(JSON.stringify(c.style ?? {}));
        if (Object.keys(style).length) styles.push({ s: ws.name, a: c.address, style });
      }),
    );
  }
  return { ...d, styles };
}

/** The description without the cells a writer may change (per the layout, resolved with `snap`). */
export function withoutOutputs(d: Described, snap: WorkbookSnapshot, layout: OutputLayout = LAYOUT): Described {
  const w = writableCells(snap, layout);
  return {
    ...d,
    sheets: d.sheets.map((s) => ({ ...s, cells: s.cells.filter((c) => !isWritable(w, s.name, c.a)) })),
    styles: d.styles.filter((x) => !isWritable(w, x.s, x.a)),
  };
}

export type WorkbookLike = Workbook | string;

async function load(w: WorkbookLike): Promise<Workbook> {
  return typeof w === "string" ? (await openWorkbookFile(w)).workbook : w;
}

/**
 * Asserts that `after` differs from `before` only in the layout's output cells and lists (value, formula, number
 * format, style) and not at all in names, tables, validations, protection, widths, merges or sheet states.
 * `snap` defaults to the snapshot of `before` (where the outputs are in that workbook).
 */
export async function assertNoClobber(before: WorkbookLike, after: WorkbookLike, options: { snapshot?: WorkbookSnapshot; layout?: OutputLayout } = {}): Promise<void> {
  const b = await load(before);
  const a = await load(after);
  const snap = options.snapshot ?? snapshotOf(b);
  expect(withoutOutputs(describeWorkbook(a), snap, options.layout)).toEqual(withoutOutputs(describeWorkbook(b), snap, options.layout));
}

/** "Sheet!A1" → formula of every formula cell (shared formulas included). */
export function formulaCells(wb: Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const v = c.value as { formula?: string; sharedFormula?: string } | null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) out.set(`${ws.name}!${c.address}`, String(v.formula ?? `shared:${v.sharedFormula}`));
        else if (c.formula) out.set(`${ws.name}!${c.address}`, c.formula);
      }),
    );
  }
  return out;
}

/** No cell of `after` holds a formula that `before` did not hold at the same place. */
export async function expectNoNewFormulas(before: WorkbookLike, after: WorkbookLike): Promise<void> {
  const was = formulaCells(await load(before));
  const now = formulaCells(await load(after));
  const added = [...now].filter(([k, f]) => was.get(k) !== f).map(([k, f]) => `${k}: =${f}`);
  expect(added).toEqual([]);
}

/**
 * The formula cells of `after` are exactly those of `before` outside the writable cells (a writer replaces a stale
 * formula in an output cell with a value; it adds none and drops none elsewhere).
 */
export async function expectFormulasKept(before: WorkbookLike, after: WorkbookLike, options: { snapshot?: WorkbookSnapshot; layout?: OutputLayout } = {}): Promise<void> {
  const b = await load(before);
  const w = writableCells(options.snapshot ?? snapshotOf(b), options.layout);
  const kept = [...formulaCells(b)].filter(([k]) => {
    const bang = k.lastIndexOf("!");
    return !isWritable(w, k.slice(0, bang), k.slice(bang + 1));
  });
  expect(new Map([...formulaCells(await load(after))])).toEqual(new Map(kept));
}

// ─── the Office.js fake ─────────────────────────────────────────────────────────────────────────────────────────────

/** A deep copy of every cell of the fake (value, formula, quote prefix, number format, link) per sheet. */
export function fakeCells(fx: FakeExcel): Map<string, Map<string, FakeCell>> {
  return new Map(fx.sheets.map((s) => [s.name, new Map([...s.cells].map(([k, c]) => [k, structuredClone(c)]))]));
}

/**
 * The cells of the fake that changed between two copies and that the writer was not allowed to change
 * (empty: no clobber). Keys are "row,col" in the fake; reported as "Sheet!A1".
 */
export function fakeClobbered(before: Map<string, Map<string, FakeCell>>, after: Map<string, Map<string, FakeCell>>, snap: WorkbookSnapshot, layout: OutputLayout = LAYOUT): string[] {
  const w = writableCells(snap, layout);
  const out: string[] = [];
  for (const sheet of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(sheet) ?? new Map<string, FakeCell>();
    const a = after.get(sheet) ?? new Map<string, FakeCell>();
    for (const k of new Set([...b.keys(), ...a.keys()])) {
      const [row, col] = k.split(",").map(Number) as [number, number];
      const a1 = cellAddress({ row, col });
      if (isWritable(w, sheet, a1)) continue;
      const x = b.get(k) ?? {};
      const y = a.get(k) ?? {};
      if (JSON.stringify(sortKeys(x)) !== JSON.stringify(sortKeys(y))) out.push(`${sheet}!${a1}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
    }
  }
  return out;
}

function sortKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([p], [q]) => p.localeCompare(q)));
}
