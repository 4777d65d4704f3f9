/**
 * The `Cartera` sheet (issue #11 §4): the portfolio inside Excel. Each row is one client × program the accountant
 * types (RFC, razón social, programa, otros programas, año de presentación, fechas de autorización y presentación);
 * the grey columns compute status, due date, days left and next step with the RAOCE.* custom functions, and a level
 * for the urgency formatting. Browser-safe (ExcelJS only): `raoce template --cartera` writes it, and the pane can
 * insert the same sheet.
 *
 * In the file, a custom function call is stored as `_xldudf_<NAMESPACE>_<ID>(…)` (the form Excel writes for add-in
 * functions); Excel shows it as RAOCE.STATUS — or RAOCE.ESTADO in Spanish Excel — once the add-in is loaded.
 * Levels follow R58 as far as a row knows (no workbook errors or correction-letter dates here): 1 cancelado,
 * 2 suspendido, 3 vence en 7 días o menos, 5 presentado fuera de plazo (verificar reactivación), 7 vence en 30 días
 * o menos, 8 sin urgencia.
 */
import { Workbook, type Worksheet } from "exceljs";
import { URGENCY_FILLS } from "./portfolio-fills";

export const CARTERA_SHEET = "Cartera";
export const CARTERA_TABLE = "tblCarteraClientes";
const HEADER_ROW = 4;

export const udf = (id: string) => `_xldudf_RAOCE_${id}`;

export interface CarteraColumn {
  header: string;
  width: number;
  kind: "input" | "output";
  numFmt?: string;
  /** Formula for row r (output columns), over this row's cells. */
  formula?: (r: number) => string;
}

const STEP_CODES = ["NO_OBLIGADO", "PERIODO_NO_ABIERTO", "EN_PLAZO", "PRESENTADO", "SUSPENDIDO", "PRESENTADO_EXTEMPORANEO", "CANCELADO"];
const STEP_TEXT = [
  "Nada que presentar este año",
  "Preparar cifras: la ventanilla abre el 1 de abril",
  "Presentar el RAOCE antes del vencimiento",
  "Carta de corrección solo si hay errores (5 días hábiles)",
  "Presentar extemporáneo cuanto antes",
  "Verificar en VUCEM que se levantó la suspensión",
  "Programa cancelado: revisar con la SE",
];
const LABELS = ["No obligado", "Periodo aún no abierto", "En plazo", "Presentado en tiempo", "Suspendido", "Presentado fuera de plazo (reactivación)", "Cancelado"];
const list = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(",")}}`;

// A RFC · B Razón social · C Programa · D Otros programas · E Año · F Autorización · G Presentación · H código · …
export const CARTERA_COLUMNS: readonly CarteraColumn[] = [
  { header: "RFC", width: 15, kind: "input" },
  { header: "Razón social", width: 34, kind: "input" },
  { header: "Programa", width: 10, kind: "input" },
  { header: "Otros programas", width: 16, kind: "input" },
  { header: "Año de presentación", width: 12, kind: "input", numFmt: "0" },
  { header: "Fecha de autorización", width: 13, kind: "input", numFmt: "dd/mm/yyyy" },
  { header: "Fecha de presentación", width: 13, kind: "input", numFmt: "dd/mm/yyyy" },
  { header: "Código de estado", width: 14, kind: "output", formula: (r) => `IF(OR(C${r}="",E${r}=""),"",IFERROR(${udf("STATUS")}(C${r},E${r},G${r},,D${r},F${r}),"REVISAR"))` },
  { header: "Estado", width: 26, kind: "output", formula: (r) => `IF(H${r}="","",IFERROR(INDEX(${list(LABELS)},MATCH(H${r},${list(STEP_CODES)},0)),"Revise programa, año y fechas"))` },
  { header: "Vence", width: 12, kind: "output", numFmt: "dd/mm/yyyy", formula: (r) => `IF(OR(C${r}="",E${r}=""),"",IFERROR(${udf("DEADLINE")}(C${r},E${r},"due",D${r}),""))` },
  { header: "Días restantes", width: 10, kind: "output", numFmt: "0", formula: (r) => `IF(OR(C${r}="",E${r}=""),"",IFERROR(${udf("DAYSLEFT")}(C${r},E${r},,D${r}),""))` },
  { header: "Próximo paso", width: 44, kind: "output", formula: (r) => `IF(H${r}="","",IFERROR(INDEX(${list(STEP_TEXT)},MATCH(H${r},${list(STEP_CODES)},0)),""))` },
  {
    header: "Nivel",
    width: 7,
    kind: "output",
    numFmt: "0",
    formula: (r) =>
      `IF(H${r}="","",IF(H${r}="CANCELADO",1,IF(H${r}="SUSPENDIDO",2,IF(AND(H${r}="EN_PLAZO",N(K${r})<=7),3,IF(H${r}="PRESENTADO_EXTEMPORANEO",5,IF(AND(H${r}="EN_PLAZO",N(K${r})<=30),7,8))))))`,
  },
];

function addCartera(wb: Workbook, rows: number): Worksheet {
  const ws = wb.addWorksheet(CARTERA_SHEET, { properties: { tabColor: { argb: "FF1F4E78" } } });
  CARTERA_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.getCell("A1").value = "RAOCE — Cartera de clientes (se recalcula con las funciones RAOCE.*)";
  ws.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F4E78" } };
  ws.getCell("A2").value =
    "Una fila por cliente y programa: capture las columnas blancas; las grises usan RAOCE.ESTADO, RAOCE.VENCIMIENTO y RAOCE.DIASRESTANTES (RAOCE.STATUS, RAOCE.DEADLINE, RAOCE.DAYSLEFT en Excel en inglés). Nivel 1 = más urgente.";
  ws.getCell("A2").alignment = { wrapText: false };
  const last = HEADER_ROW + rows;
  const body: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= last; r++) {
    body.push(CARTERA_COLUMNS.map((c) => (c.formula ? { formula: c.formula(r) } : null)));
  }
  ws.addTable({
    name: CARTERA_TABLE,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: false },
    columns: CARTERA_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    rows: body as never,
  });
  const header = ws.getRow(HEADER_ROW);
  header.height = 32;
  CARTERA_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.kind === "output" ? "FF595959" : "FF1F4E78" } };
  });
  const thin = { style: "thin" as const, color: { argb: "FF8EA9C1" } };
  for (let r = HEADER_ROW + 1; r <= last; r++) {
    CARTERA_COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.kind === "input") cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (c.kind === "output") {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
        cell.font = { italic: true, color: { argb: "FF3A3A3A" } };
      }
    });
  }
  const lastCol = String.fromCharCode(64 + CARTERA_COLUMNS.length);
  ws.addConditionalFormatting({
    ref: `A${HEADER_ROW + 1}:${lastCol}${last}`,
    rules: URGENCY_FILLS.flatMap((fill, i) => (fill ? [{ type: "expression", priority: i + 1, formulae: [`$${lastCol}${HEADER_ROW + 1}=${i + 1}`], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } }] : [])) as never,
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW, topLeftCell: `C${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as never;
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  return ws;
}

/** A workbook holding only the Cartera sheet, with `rows` empty rows ready to type in. */
export function buildCarteraWorkbook(rows = 300): Workbook {
  const wb = new Workbook();
  wb.creator = "RAOCE";
  wb.created = new Date(Date.UTC(2025, 0, 1));
  addCartera(wb, rows);
  return wb;
}
