/**
 * Adds the reconciliation sheets (layout-reconcile.ts) to the template being generated: «Pedimentos» (empty list),
 * «Claves» (the default mapping of R54, editable), «Conciliación» (materiality, import basis, totals, the list).
 * Called once by buildTemplate; keeps the hidden catalog sheet last in tab order. Browser-safe.
 */
import type { Style, Workbook, Worksheet } from "exceljs";
import { CONFIDENCE_ES, DEFAULT_CLAVES, DIRECTION_ES, TREATMENT_ES } from "../domain/reconcile/claves";
import { SHEET_PROTECTION } from "./layout";
import { PAGE_FOOTER, PAGE_MARGINS, PAPER_LETTER } from "./print-layout";
import {
  CLAVES_TABLE,
  PEDIMENTOS_TABLE,
  RECONCILE_BLOCK,
  RECONCILE_NAMES,
  RECONCILE_SHEETS,
  RECONCILE_SHEET_LAYOUTS,
  type ReconcileTable,
} from "./layout-reconcile";
import { parseCell, rangeAddress } from "./port";
import { addName } from "./template-names";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObj = Record<string, any>;

const BRAND = "FF1F4E78";
const HINT = "FF6F6F6F";
const thin = (argb: string) => ({ style: "thin" as const, color: { argb } });
const set = (cell: { style: Partial<Style> }, s: Partial<Style>) => (cell.style = { ...cell.style, ...s } as Style);
const inputStyle = (numFmt?: string): Partial<Style> => ({
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } },
  border: { top: thin("FF8EA9C1"), bottom: thin("FF8EA9C1"), left: thin("FF8EA9C1"), right: thin("FF8EA9C1") },
  protection: { locked: false },
  ...(numFmt ? { numFmt } : {}),
});
const outputStyle = (numFmt?: string): Partial<Style> => ({
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } },
  font: { italic: true, color: { argb: "FF3A3A3A" } },
  protection: { locked: true },
  ...(numFmt ? { numFmt } : {}),
});
const listValidation = (list: readonly string[]) => ({
  type: "list",
  allowBlank: true,
  formulae: [`"${list.join(",")}"`],
  showErrorMessage: true,
  errorStyle: "warning",
  errorTitle: "RAOCE",
  error: "El valor no está en la lista; RAOCE lo revisará de todos modos.",
});

function addTable(ws: Worksheet, t: ReconcileTable, rows: (string | null)[][]): void {
  const tl = parseCell(t.topLeft)!;
  const body = rows.length ? rows : Array.from({ length: t.blankRows }, () => t.columns.map(() => null));
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: t.topLeft,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9" as never, showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: body,
  } as never);
  t.columns.forEach((c, j) => {
    const col = tl.col + j;
    ws.getColumn(col).width = c.width;
    set(ws.getCell(tl.row, col), { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: BRAND } }, alignment: { wrapText: true, vertical: "middle" } });
    for (let i = 1; i <= body.length; i++) set(ws.getCell(tl.row + i, col), inputStyle(c.numberFormat));
    if (c.list) (ws as unknown as AnyObj).dataValidations.add(rangeAddress({ row: tl.row + 1, col }, { row: tl.row + body.length, col }), listValidation(c.list));
  });
  ws.getRow(tl.row).height = 32;
}

export function addReconcileSheets(wb: Workbook): void {
  const sheets = new Map<string, Worksheet>();
  for (const sl of RECONCILE_SHEET_LAYOUTS) {
    const ws = wb.addWorksheet(sl.name, {
      views: [{ state: "frozen", ySplit: sl.name === RECONCILE_SHEETS.reconciliation ? 10 : 5, xSplit: 0, showGridLines: false } as AnyObj],
      properties: { tabColor: { argb: sl.name === RECONCILE_SHEETS.reconciliation ? "FF595959" : BRAND } } as AnyObj,
    });
    sl.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    // Printed like the other sheets (print-layout.ts): letter, landscape, fitted to the width, header row repeated.
    const titleRow = sl.name === RECONCILE_SHEETS.reconciliation ? 10 : 5;
    ws.pageSetup = { ...ws.pageSetup, paperSize: PAPER_LETTER, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${titleRow}:${titleRow}`, margins: { ...PAGE_MARGINS } } as unknown as Worksheet["pageSetup"];
    ws.headerFooter = { oddFooter: PAGE_FOOTER } as Worksheet["headerFooter"];
    const t = ws.getCell("A1");
    t.value = sl.title;
    set(t, { font: { bold: true, size: 14, color: { argb: BRAND } } });
    const intro = ws.getCell("A2");
    intro.value = sl.intro.join(" ");
    set(intro, { font: { size: 9, color: { argb: HINT } } });
    sheets.set(sl.name, ws);
  }

  addTable(sheets.get(RECONCILE_SHEETS.pedimentos)!, PEDIMENTOS_TABLE, []);
  addTable(
    sheets.get(RECONCILE_SHEETS.claves)!,
    CLAVES_TABLE,
    DEFAULT_CLAVES.map((r) => [r.clave, DIRECTION_ES[r.direction], TREATMENT_ES[r.treatment], r.review ? "Sí" : "No", CONFIDENCE_ES[r.confidence], r.note]),
  );

  const rs = sheets.get(RECONCILE_SHEETS.reconciliation)!;
  for (const n of RECONCILE_NAMES) {
    const ref = parseCell(n.cell)!;
    const cell = rs.getCell(n.cell);
    if (n.label) {
      const label = rs.getCell(ref.row, ref.col - 1);
      label.value = n.label;
      set(label, { alignment: { horizontal: "right" } });
    }
    if (n.kind === "input") {
      set(cell, inputStyle(n.numberFormat));
      if (n.list) cell.dataValidation = listValidation(n.list) as never;
      if (n.hint) {
        const hint = rs.getCell(ref.row, ref.col + 1);
        hint.value = n.hint;
        set(hint, { font: { size: 9, italic: true, color: { argb: HINT } } });
      }
    } else set(cell, outputStyle(n.numberFormat));
    addName(wb, RECONCILE_SHEETS.reconciliation, n.cell, n.name);
  }
  const b = RECONCILE_BLOCK;
  const a = parseCell(b.anchor)!;
  b.headers.forEach((h, j) => {
    const cell = rs.getCell(a.row - 1, a.col + j);
    cell.value = h;
    set(cell, { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF595959" } }, alignment: { wrapText: true, vertical: "middle" } });
    for (let i = 0; i < b.styledRows; i++) set(rs.getCell(a.row + i, a.col + j), { alignment: { vertical: "top", wrapText: j === 1 || j === 4 }, border: { bottom: thin("FFD9D9D9") }, ...(b.formats[j] ? { numFmt: b.formats[j]! } : {}) });
  });
  addName(wb, RECONCILE_SHEETS.reconciliation, b.anchor, b.anchorName);
  rs.getCell(a.row, a.col + 1).value = "Use «Conciliar» en el complemento o `raoce conciliar` para llenar esta hoja.";
  (rs as unknown as AnyObj).sheetProtection = { sheet: true, ...SHEET_PROTECTION };

  // Keep the hidden catalog sheet last in tab order.
  const hidden = wb.worksheets.filter((w) => w.state === "hidden");
  const max = Math.max(...wb.worksheets.map((w) => (w as unknown as AnyObj).orderNo as number));
  hidden.forEach((w, i) => ((w as unknown as AnyObj).orderNo = max + 1 + i));
}
