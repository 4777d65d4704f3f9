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
  type Validation,
} from "./layout";
import { CAPTURE_BANNER_NAME } from "./layout-freshness";
import { columnLetters, parseCell, parseRange, quoteSheet, rangeAddress } from "./port";

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

function addName(wb: Workbook, sheet: string, address: string, name: string): void {
  const r = parseRange(address)!;
  const abs = (c: { row: number; col: number }) => `$${columnLetters(c.col)}$${c.row}`;
  const a = abs(r.start);
  const b = abs(r.end);
  wb.definedNames.add(`${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`, name);
}

function header(ws: Worksheet, sheetTitle: string, intro: string[]): void {
  const t = ws.getCell("A1");
  t.value = sheetTitle;
  style(t, { font: { bold: true, size: 14, color: { argb: COLORS.brand } } });
  if (intro.length) {
    const c = ws.getCell("A2");
    c.value = intro.join(" ");
    style(c, { font: { size: 9, color: { argb: COLORS.hint } } });
  }
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
      views: [sl.name === SHEETS.programs || sl.name === SHEETS.goods || sl.name === SHEETS.issues || sl.name === SHEETS.capture ? ({ state: "frozen", ySplit: 5, xSplit: 0, showGridLines: false } as AnyObj) : ({ showGridLines: sl.name === SHEETS.catalogs } as AnyObj)],
      properties: { tabColor: { argb: sl.name === SHEETS.issues || sl.name === SHEETS.capture ? "FF595959" : COLORS.brand } } as AnyObj,
    });
    sl.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    header(ws, sl.title, sl.intro);
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
        style(hint, { font: { size: 9, italic: true, color: { argb: COLORS.hint } } });
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
      if (t.sheet !== SHEETS.company) ws.getColumn(col).width = c.width;
      const h = ws.getCell(tl.row, col);
      style(h, {
        font: { bold: true, color: { argb: "FFFFFFFF" } },
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: c.kind === "input" ? COLORS.headerFill : COLORS.outputHeaderFill } },
        alignment: { wrapText: true, vertical: "middle" },
      });
      for (let i = 1; i <= t.blankRows; i++) {
        const cell = ws.getCell(tl.row + i, col);
        style(cell, c.kind === "input" ? inputStyle(c.numberFormat) : outputStyle(c.numberFormat));
      }
      if (c.validation) {
        const range = rangeAddress({ row: tl.row + 1, col }, { row: tl.row + t.blankRows, col });
        (ws as unknown as AnyObj).dataValidations.add(range, validationOf(c.validation));
      }
    });
    ws.getRow(tl.row).height = 32;
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
      for (let i = 0; i < b.styledRows; i++) {
        const c = ws.getCell(a.row + i, a.col + j);
        style(c, { alignment: { vertical: "top", wrapText: j === 2 || j === 5 }, border: { bottom: thin("FFD9D9D9") }, ...(b.formats[j] ? { numFmt: b.formats[j]! } : {}) });
      }
    });
    addName(wb, b.sheet, b.anchor, b.anchorName);
    ws.getCell(a.row, a.col + 2).value = "Use «Revisar» en el complemento o `raoce fill` para llenar esta hoja.";
  }

  // Protection without a password: output cells are locked, input cells are not.
  for (const sl of SHEET_LAYOUTS) {
    if (!sl.protect) continue;
    const ws = sheets.get(sl.name)!;
    (ws as unknown as AnyObj).sheetProtection = { sheet: true, ...SHEET_PROTECTION };
  }
  return wb;
}

/** The generated template as .xlsx bytes (Node: `Buffer` is only touched when this is called). */
export async function templateBuffer(): Promise<Buffer> {
  return Buffer.from(await buildTemplate().xlsx.writeBuffer());
}
