/**
 * Generates the RAOCE workbook template from layout.ts with ExcelJS. Browser-safe (the task pane builds it to insert
 * the template into an open workbook): no Node modules here — the fingerprint is in template-fingerprint.ts, the
 * file helpers in xlsx-file.ts. Generation is deterministic apart from the zip's own timestamps.
 */
import { Workbook, type Cell, type Style, type Worksheet } from "exceljs";
import {
  BLOCKS,
  CATALOGS,
  CATALOG_FIRST_COL,
  CATALOG_FIRST_ROW,
  NAMED_CELLS,
  SHEETS,
  SHEET_LAYOUTS,
  SHEET_PROTECTION,
  TABLES,
  TEMPLATE_VERSION,
  VERSION_CELL,
  VERSION_NAME,
  type CatalogName,
  type SheetLayout,
  type Validation,
} from "./layout";
import { CAPTURE_BANNER_NAME } from "./layout-freshness";
import { PAGE_FOOTER, PAGE_MARGINS, PAPER_LETTER, resolvePageSetup, wrappedRowHeight } from "./print-layout";
import { columnLetters, parseCell, quoteSheet, rangeAddress } from "./port";
import { addName } from "./template-names";
import { writeRulesSheet } from "./rules-sheet";
import { addReconcileSheets } from "./template-reconcile";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObj = Record<string, any>;

const COLORS = {
  brand: "FF1F4E78",
  inputFill: "FFFFFFFF",
  inputBorder: "FF8EA9C1",
  outputFill: "FFE7E6E6",
  outputFont: "FF3A3A3A",
  headerFill: "FF1F4E78",
  outputHeaderFill: "FF595959",
  hint: "FF6F6F6F",
  section: "FFDDEBF7",
};

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

const thin = (argb: string) => ({ style: "thin" as const, color: { argb } });

function inputStyle(numFmt?: string): Partial<Style> {
  return {
    alignment: { vertical: "top" },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.inputFill } },
    border: { top: thin(COLORS.inputBorder), bottom: thin(COLORS.inputBorder), left: thin(COLORS.inputBorder), right: thin(COLORS.inputBorder) },
    protection: { locked: false },
    ...(numFmt ? { numFmt } : {}),
  };
}

function outputStyle(numFmt?: string): Partial<Style> {
  return {
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.outputFill } },
    font: { italic: true, color: { argb: COLORS.outputFont } },
    protection: { locked: true },
    alignment: { vertical: "top" },
    ...(numFmt ? { numFmt } : {}),
  };
}

function style(cell: Cell, s: Partial<Style>): void {
  cell.style = { ...cell.style, ...s } as Style;
}

function validationOf(v: Validation, prompt?: string): AnyObj {
  return {
    type: "list",
    allowBlank: true,
    formulae: [v.list],
    showErrorMessage: true,
    errorStyle: v.strict ? "stop" : "warning",
    errorTitle: "RAOCE",
    error: v.strict ? "Elija un valor de la lista." : "El valor no está en la lista; RAOCE lo revisará de todos modos.",
    ...(prompt ? { showInputMessage: true, promptTitle: "RAOCE", prompt: prompt.slice(0, 250) } : {}),
  };
}

function catalogRange(name: CatalogName): string {
  const j = (Object.keys(CATALOGS) as CatalogName[]).indexOf(name);
  const col = columnLetters(CATALOG_FIRST_COL + j);
  const n = CATALOGS[name].length;
  return `${quoteSheet(SHEETS.catalogs)}!$${col}$${CATALOG_FIRST_ROW}:$${col}$${CATALOG_FIRST_ROW + n - 1}`;
}

/** Columns a sheet prints: its declared widths, and the reach of its tables and lists. */
export function printColumns(sl: SheetLayout): number {
  let n = sl.widths.length;
  for (const t of TABLES) if (t.sheet === sl.name) n = Math.max(n, parseCell(t.topLeft)!.col + t.columns.length - 1);
  for (const b of BLOCKS) if (b.sheet === sl.name) n = Math.max(n, parseCell(b.anchor)!.col + b.headers.length - 1);
  return Math.max(1, n);
}

/**
 * The print area of a sheet whose content never grows (no table, no generated list): its columns down to its last
 * row. Sheets that hold a table or a list get none — they print their used range, which the layout keeps inside
 * their columns (title and instructions are merged within them), so a list of any length prints whole. (A
 * whole-column area such as `$A:$F` would do the same, but ExcelJS cannot read such a file back.)
 */
export function printArea(sl: SheetLayout): string | null {
  if (sl.state !== "visible") return null;
  if (TABLES.some((t) => t.sheet === sl.name) || BLOCKS.some((b) => b.sheet === sl.name)) return null;
  let last = sl.intro.length ? 2 : 1;
  for (const n of NAMED_CELLS) if (n.sheet === sl.name) last = Math.max(last, parseCell(n.cell)!.row);
  for (const row of Object.keys(sl.sections ?? {})) last = Math.max(last, Number(row));
  return `A1:${columnLetters(printColumns(sl))}${last}`;
}

/** The header row repeated on every printed page: the sheet's table or list header ("5:5"), if it has one. */
export function printTitleRows(sl: SheetLayout): string | null {
  const t = TABLES.find((x) => x.sheet === sl.name && x.sheet !== SHEETS.company);
  if (t) {
    const r = parseCell(t.topLeft)!.row;
    return `${r}:${r}`;
  }
  const b = BLOCKS.find((x) => x.sheet === sl.name);
  if (b) {
    const r = parseCell(b.anchor)!.row - 1;
    return `${r}:${r}`;
  }
  return null;
}

function columnWidth(ws: Worksheet, col: number): number {
  return ws.getColumn(col).width ?? 9;
}

/**
 * Title and instructions span the printed columns (merged, the instructions wrapped in a row sized for them), so
 * neither runs past the print area nor is cut at the page edge.
 */
function header(ws: Worksheet, sl: SheetLayout, printed: number): void {
  const t = ws.getCell("A1");
  t.value = sl.title;
  style(t, { font: { bold: true, size: 14, color: { argb: COLORS.brand } }, alignment: { vertical: "middle" } });
  ws.getRow(1).height = 22;
  // A sheet printed on several page widths keeps its title on the first one: span only the columns that fit there.
  const widths = Array.from({ length: printed }, (_, i) => columnWidth(ws, i + 1));
  const perPage = widths.reduce((a, b) => a + b, 0) / resolvePageSetup(sl.page).pagesWide;
  let cols = 0;
  let span = 0;
  while (cols < printed && (cols === 0 || span + widths[cols]! <= perPage)) span += widths[cols++]!;
  if (cols > 1 && sl.state === "visible") ws.mergeCells(1, 1, 1, cols);
  if (sl.intro.length) {
    const c = ws.getCell("A2");
    c.value = sl.intro.join(" ");
    style(c, { font: { size: 9, color: { argb: COLORS.hint } }, alignment: { wrapText: true, vertical: "top" } });
    if (cols > 1) ws.mergeCells(2, 1, 2, cols);
    const h = wrappedRowHeight([{ text: String(c.value), width: span, fontSize: 9 }]);
    if (h) ws.getRow(2).height = h;
  }
}

/** Letter, the declared orientation, fitted to the page width, the sheet's columns whole, header row repeated. */
function pageSetup(ws: Worksheet, sl: SheetLayout): void {
  const page = resolvePageSetup(sl.page);
  const titleRows = page.titleRows ?? printTitleRows(sl);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_LETTER,
    orientation: page.orientation,
    fitToPage: true,
    fitToWidth: page.pagesWide,
    fitToHeight: 0,
    ...(printArea(sl) ? { printArea: printArea(sl)! } : {}),
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
    ...(page.titleColumns ? { printTitlesColumn: page.titleColumns } : {}),
    margins: { ...PAGE_MARGINS },
    horizontalCentered: false,
  } as unknown as Worksheet["pageSetup"];
  ws.headerFooter = { ...ws.headerFooter, oddFooter: PAGE_FOOTER } as Worksheet["headerFooter"];
}

/** Explicit heights for the rows whose wrapped text needs more than one line (LibreOffice does not fit them on open). */
function sizeWrappedRow(ws: Worksheet, row: number, cells: { col: number; text: string; fontSize?: number; bold?: boolean }[], minimum?: number): void {
  const h = wrappedRowHeight(
    cells.map((c) => ({ text: c.text, width: columnWidth(ws, c.col), fontSize: c.fontSize, bold: c.bold })),
    minimum,
  );
  if (h) ws.getRow(row).height = h;
}

/** Builds the template workbook in memory. */
export function buildTemplate(): Workbook {
  const wb = new Workbook();
  wb.creator = "RAOCE para Excel";
  wb.lastModifiedBy = "RAOCE para Excel";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = "Plantilla RAOCE";
  wb.subject = `Plantilla RAOCE ${TEMPLATE_VERSION}`;
  (wb as unknown as AnyObj).calcProperties = { fullCalcOnLoad: true };

  const sheets = new Map<string, Worksheet>();
  for (const sl of SHEET_LAYOUTS) {
    const ws = wb.addWorksheet(sl.name, {
      state: sl.state,
      // Sheets that hold a table or a list keep their header row (row 5) in view.
      views: [sl.name === SHEETS.programs || sl.name === SHEETS.goods || sl.name === SHEETS.issues || sl.name === SHEETS.capture || sl.name === SHEETS.rules ? ({ state: "frozen", ySplit: 5, xSplit: 0, showGridLines: false } as AnyObj) : ({ showGridLines: sl.name === SHEETS.catalogs } as AnyObj)],
      properties: { tabColor: { argb: sl.name === SHEETS.issues || sl.name === SHEETS.capture ? "FF595959" : COLORS.brand } } as AnyObj,
    });
    sl.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const t of TABLES) {
      if (t.sheet !== sl.name || t.sheet === SHEETS.company) continue;
      const tl = parseCell(t.topLeft)!;
      t.columns.forEach((c, j) => (ws.getColumn(tl.col + j).width = c.width));
    }
    const cols = printColumns(sl);
    header(ws, sl, cols);
    pageSetup(ws, sl);
    if (sl.titleFormula) ws.getCell("A1").value = { formula: sl.titleFormula, result: sl.title } as never;
    for (const [row, text] of Object.entries(sl.sections ?? {})) {
      const c = ws.getCell(Number(row), 1);
      c.value = text;
      style(c, { font: { bold: true, color: { argb: COLORS.brand } }, border: { bottom: thin(COLORS.brand) } });
    }
    sheets.set(sl.name, ws);
  }

  // Catalog / version sheet.
  const cat = sheets.get(SHEETS.catalogs)!;
  cat.getCell("A2").value = "Versión de la plantilla";
  cat.getCell(VERSION_CELL).value = TEMPLATE_VERSION;
  addName(wb, SHEETS.catalogs, VERSION_CELL, VERSION_NAME);
  cat.getCell("A3").value = "Generada por RAOCE para Excel (raoce template). No edite esta hoja: alimenta las listas desplegables.";
  style(cat.getCell("A3"), { font: { size: 9, color: { argb: COLORS.hint } } });
  (Object.keys(CATALOGS) as CatalogName[]).forEach((name, j) => {
    const col = CATALOG_FIRST_COL + j;
    const h = cat.getCell(CATALOG_FIRST_ROW - 1, col);
    h.value = name.replace("RAOCE_LISTA_", "");
    style(h, { font: { bold: true } });
    CATALOGS[name].forEach((v, i) => (cat.getCell(CATALOG_FIRST_ROW + i, col).value = v));
    wb.definedNames.add(catalogRange(name), name);
  });

  // Named cells.
  for (const n of NAMED_CELLS) {
    const ws = sheets.get(n.sheet)!;
    const ref = parseCell(n.cell)!;
    const cell = ws.getCell(n.cell);
    if (n.label) {
      const label = ws.getCell(ref.row, ref.col - 1);
      label.value = n.label;
      if (ref.col > 2) style(label, { alignment: { horizontal: "right" } });
      if (n.kind === "input" && n.required) style(label, { font: { bold: true } });
    }
    if (n.kind === "input") {
      style(cell, inputStyle(n.numberFormat));
      if (n.validation) cell.dataValidation = validationOf(n.validation, n.hint) as never;
      if (n.hint && n.sheet !== SHEETS.issues) {
        const hint = ws.getCell(ref.row, ref.col + 1);
        hint.value = n.hint;
        style(hint, { font: { size: 9, italic: true, color: { argb: COLORS.hint } }, alignment: { wrapText: true, vertical: "top" } });
        sizeWrappedRow(ws, ref.row, [{ col: ref.col + 1, text: n.hint, fontSize: 9 }]);
      }
    } else if (n.kind === "formula") {
      cell.value = { formula: n.formula!, result: "" } as never;
      style(cell, outputStyle(n.numberFormat));
      if (n.name === CAPTURE_BANNER_NAME) style(cell, { font: { bold: true, color: { argb: "FFC00000" } } });
    } else {
      style(cell, outputStyle(n.numberFormat));
    }
    addName(wb, n.sheet, n.cell, n.name);
  }

  // Tables.
  for (const t of TABLES) {
    const ws = sheets.get(t.sheet)!;
    const tl = parseCell(t.topLeft)!;
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: t.topLeft,
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as never, showRowStripes: true },
      columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: Array.from({ length: t.blankRows }, () => t.columns.map(() => null)),
    } as never);
    t.columns.forEach((c, j) => {
      const col = tl.col + j;
      const h = ws.getCell(tl.row, col);
      style(h, {
        font: { bold: true, color: { argb: "FFFFFFFF" } },
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: c.kind === "input" && !c.locked ? COLORS.headerFill : COLORS.outputHeaderFill } },
        alignment: { wrapText: true, vertical: "middle" },
      });
      const wrap = c.wrap ? { alignment: { wrapText: true, vertical: "top" as const } } : {};
      for (let i = 1; i <= t.blankRows; i++) {
        const cell = ws.getCell(tl.row + i, col);
        style(cell, { ...(c.kind === "input" && !c.locked ? inputStyle(c.numberFormat) : outputStyle(c.numberFormat)), ...wrap });
      }
      if (c.validation) {
        const range = rangeAddress({ row: tl.row + 1, col }, { row: tl.row + t.blankRows, col });
        (ws as unknown as AnyObj).dataValidations.add(range, validationOf(c.validation));
      }
    });
    // Headers wrap in their column: the row is as tall as the longest one needs (e.g. «Tipo de exportador ALTEX»).
    ws.getRow(tl.row).height = 32;
    sizeWrappedRow(ws, tl.row, t.columns.map((c, j) => ({ col: tl.col + j, text: c.header, bold: true })), 32);
  }

  // Generated lists (Problemas, Captura VUCEM).
  for (const b of BLOCKS) {
    const ws = sheets.get(b.sheet)!;
    const a = parseCell(b.anchor)!;
    b.headers.forEach((h, j) => {
      const cell = ws.getCell(a.row - 1, a.col + j);
      cell.value = h;
      style(cell, { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.outputHeaderFill } } });
      ws.getColumn(a.col + j).width = b.widths[j] ?? 12;
      const wrapText = (SHEET_LAYOUTS.find((x) => x.name === b.sheet)?.wrapColumns ?? []).includes(a.col + j);
      for (let i = 0; i < b.styledRows; i++) {
        const c = ws.getCell(a.row + i, a.col + j);
        style(c, { alignment: { vertical: "top", wrapText }, border: { bottom: thin("FFD9D9D9") }, ...(b.formats[j] ? { numFmt: b.formats[j]! } : {}) });
      }
    });
    addName(wb, b.sheet, b.anchor, b.anchorName);
    ws.getCell(a.row, a.col + 2).value = "Use «Calcular y escribir» en el complemento o `raoce fill` para llenar esta hoja.";
  }

  // Reglas: the rules catalog, written once.
  writeRulesSheet(sheets.get(SHEETS.rules)!, (c) =>
    style(c, { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.outputHeaderFill } } }),
  );

  // Protection without a password: output cells are locked, input cells are not.
  for (const sl of SHEET_LAYOUTS) {
    if (!sl.protect) continue;
    const ws = sheets.get(sl.name)!;
    (ws as unknown as AnyObj).sheetProtection = { sheet: true, ...SHEET_PROTECTION };
  }
  addReconcileSheets(wb);
  return wb;
}

/** The generated template as .xlsx bytes (Node: `Buffer` is only touched when this is called). */
export async function templateBuffer(): Promise<Buffer> {
  return Buffer.from(await buildTemplate().xlsx.writeBuffer());
}
