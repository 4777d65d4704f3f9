/**
 * A fake Excel workbook laid out like the RAOCE template (sheets, names, tables from layout.ts) with seeded inputs,
 * plus the snapshot a correct adapter must read from it — written from the seed values and the layout's addresses,
 * not from any adapter's output.
 */
import {
  BLOCKS,
  CATALOG_FIRST_COL,
  CATALOG_FIRST_ROW,
  CATALOGS,
  NAMED_CELLS,
  SHEET_LAYOUTS,
  SHEETS,
  SNAPSHOT_REQUEST,
  TABLES,
  TEMPLATE_VERSION,
  VERSION_CELL,
  VERSION_NAME,
} from "../../../src/workbook/layout";
import { RECONCILE_BLOCK, RECONCILE_NAMES, RECONCILE_SHEETS, RECONCILE_SHEET_LAYOUTS, RECONCILE_TABLES } from "../../../src/workbook/layout-reconcile";
import {
  cellAddress,
  columnLetters,
  parseCell,
  rangeAddress,
  type CellValue,
  type NameSnapshot,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../../../src/workbook/port";
import { FakeExcel, type FakeValue } from "./fake-excel";

/** Seed values of the input names (everything else is empty). */
export const NAME_SEEDS: Record<string, FakeValue> = {
  RAOCE_RFC: "SAT970701NN3",
  RAOCE_RAZON_SOCIAL: "Benchmark, S.A. de C.V.",
  RAOCE_CONSIGNACION: "No",
  RAOCE_ANIO_PRESENTACION: 2025,
  RAOCE_EJERCICIO: 2024, // formula cell: its cached result
  RAOCE_VENTAS_TOTALES: 500000,
  RAOCE_EXPORTACIONES: 120000,
  RAOCE_IMPORTACIONES: 80000,
  [VERSION_NAME]: TEMPLATE_VERSION,
};

export const PROGRAM_ROW: (FakeValue | null)[] = [
  "PROSEC",
  "2019-8664",
  null,
  45000,
  null, // Fecha de cancelación
  null, // Causa de la cancelación (1.3)
  null,
  null,
  "XIX, XII",
  ...Array.from({ length: 15 }, () => null),
];

export function goodsRow(i: number): (FakeValue | null)[] {
  const units = ["1 - Kilo", "6 - Pieza", "8 - Litro"];
  return ["XIX - Industria química", String(28_000_000 + i * 7), `Bien producido ${i}`, units[i % 3]!, 1000 + i, 400, 500, null];
}

export interface LayoutWorkbookOptions {
  goodsRows?: number;
  /** Protect the sheets the layout protects (as the template does). */
  protect?: boolean;
  /** Body rows of tblPedimentos (issue #12). */
  pedimentos?: (FakeValue | null)[][];
}

/** Builds the fake workbook and the expected snapshot. */
export function layoutWorkbook(opts: LayoutWorkbookOptions = {}): { fx: FakeExcel; expected: WorkbookSnapshot } {
  const goods = opts.goodsRows ?? 10;
  const fx = new FakeExcel();
  for (const s of SHEET_LAYOUTS) fx.addSheet(s.name, { visibility: s.state === "hidden" ? "Hidden" : "Visible" });

  // Catalogs and the version (workbook-level names, as the template defines them).
  fx.set(SHEETS.catalogs, VERSION_CELL, TEMPLATE_VERSION).defineName(VERSION_NAME, SHEETS.catalogs, VERSION_CELL);
  Object.entries(CATALOGS).forEach(([name, items], j) => {
    const col = CATALOG_FIRST_COL + j;
    fx.set(SHEETS.catalogs, cellAddress({ row: CATALOG_FIRST_ROW, col }), items.map((v) => [v]));
    fx.defineName(name, SHEETS.catalogs, rangeAddress({ row: CATALOG_FIRST_ROW, col }, { row: CATALOG_FIRST_ROW + items.length - 1, col }));
  });
  for (const n of NAMED_CELLS) {
    fx.defineName(n.name, n.sheet, n.cell);
    const seed = NAME_SEEDS[n.name];
    if (seed !== undefined) fx.set(n.sheet, n.cell, seed);
  }
  for (const b of BLOCKS) {
    const a = parseCell(b.anchor)!;
    fx.set(b.sheet, cellAddress({ row: a.row - 1, col: a.col }), [b.headers]);
    fx.defineName(b.anchorName, b.sheet, b.anchor);
  }
  const rowsOf: Record<string, (FakeValue | null)[][]> = {
    tblProgramas: [PROGRAM_ROW],
    tblBienes: Array.from({ length: goods }, (_, i) => goodsRow(i)),
    tblInhabiles: [[45_650, "Acuerdo SE"]],
  };
  for (const t of TABLES) {
    fx.addTable(t.name, t.sheet, t.topLeft, t.columns.map((c) => c.header), rowsOf[t.name] ?? [], t.style);
  }
  // The reconciliation sheets (layout-reconcile.ts), as the template lays them out.
  for (const s of RECONCILE_SHEET_LAYOUTS) fx.addSheet(s.name, { visibility: "Visible" });
  for (const n of RECONCILE_NAMES) fx.defineName(n.name, RECONCILE_SHEETS.reconciliation, n.cell);
  fx.defineName(RECONCILE_BLOCK.anchorName, RECONCILE_BLOCK.sheet, RECONCILE_BLOCK.anchor);
  const reconcileRows = (name: string) => (name === "tblPedimentos" ? opts.pedimentos ?? [] : []);
  for (const t of RECONCILE_TABLES) fx.addTable(t.name, t.sheet, t.topLeft, t.columns.map((c) => c.header), reconcileRows(t.name), "TableStyleLight9");
  if (opts.protect ?? true) for (const s of SHEET_LAYOUTS) if (s.protect) fx.sheetByName(s.name)!.protection.protected = true;

  // ── the expected snapshot ──
  const names: WorkbookSnapshot["names"] = {};
  for (const name of SNAPSHOT_REQUEST.names) {
    const n = NAMED_CELLS.find((x) => x.name === name);
    const b = BLOCKS.find((x) => x.anchorName === name);
    const r = RECONCILE_NAMES.find((x) => x.name === name);
    const where = n ? { sheet: n.sheet, address: n.cell } : b ? { sheet: b.sheet, address: b.anchor } : r ? { sheet: RECONCILE_SHEETS.reconciliation, address: r.cell } : name === RECONCILE_BLOCK.anchorName ? { sheet: RECONCILE_BLOCK.sheet, address: RECONCILE_BLOCK.anchor } : { sheet: SHEETS.catalogs, address: VERSION_CELL };
    const seed = NAME_SEEDS[name];
    const snap: NameSnapshot = { found: true, ...where, values: [[(seed ?? null) as CellValue]] };
    names[name] = snap;
  }
  const tables: WorkbookSnapshot["tables"] = {};
  for (const t of TABLES) {
    const tl = parseCell(t.topLeft)!;
    const last = columnLetters(tl.col + t.columns.length - 1);
    const snap: TableSnapshot = {
      found: true,
      sheet: t.sheet,
      headerAddress: `${t.topLeft}:${last}${tl.row}`,
      headers: t.columns.map((c) => c.header),
      bodyTopLeft: cellAddress({ row: tl.row + 1, col: tl.col }),
      rows: (rowsOf[t.name] ?? []) as CellValue[][],
    };
    tables[t.name] = snap;
  }
  for (const t of RECONCILE_TABLES) {
    const tl = parseCell(t.topLeft)!;
    const last = columnLetters(tl.col + t.columns.length - 1);
    tables[t.name] = { found: true, sheet: t.sheet, headerAddress: `${t.topLeft}:${last}${tl.row}`, headers: t.columns.map((c) => c.header), bodyTopLeft: cellAddress({ row: tl.row + 1, col: tl.col }), rows: reconcileRows(t.name) as CellValue[][] };
  }
  const expected: WorkbookSnapshot = {
    version: TEMPLATE_VERSION,
    date1904: false,
    sheets: [...SHEET_LAYOUTS.map((s) => s.name), ...RECONCILE_SHEET_LAYOUTS.map((s) => s.name)],
    names,
    tables,
  };
  return { fx, expected };
}
